"""Insights, overall trend: the self-ratings over time, and whether they predicted
the outcome (calibration). Queries, takeaways and charts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import altair as alt
import duckdb

from coach import palette, vocabulary
from coach.i18n import N_, _, ngettext
from coach.insights.charting import (
    HEIGHT,
    colour_scale,
    date_tooltip,
    day_axis,
    frame,
    validated_once,
    vega_time,
)
from coach.insights.filters import HELD, Filters, in_zone, latest_clause
from coach.insights.halves import MeanHalves, direction, mean_halves, mean_halves_of, one_decimal
from coach.insights.takeaway import Takeaway
from coach.wording import day_text

# Outcomes that mean the interview went forward.
FORWARD_OUTCOMES = ("advanced", "offer", "referred")


@dataclass(frozen=True)
class RatedInterview:
    interview_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    kind: str
    round: str
    rating: int  # 1-4, vocabulary.OVERALL_RATINGS
    self_state: int | None
    outcome: str

    @property
    def went_forward(self) -> bool | None:
        if self.outcome == "pending":
            return None
        return self.outcome in FORWARD_OUTCOMES


def rated_interviews(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    latest: int | None = None,
) -> list[RatedInterview]:
    """Held interviews with an overall rating, oldest first; with `latest`, only the
    latest that many (for a chart; the takeaway uses `rating_halves`)."""
    rows = cur.execute(
        f"""
        SELECT * FROM (
            SELECT i.id, i.scheduled_at, c.name, c.kind, i.round, r.overall_rating,
                   r.self_state, i.outcome
            FROM interviews i
            JOIN companies c ON c.id = i.company_id
            JOIN reviews r ON r.interview_id = i.id
            WHERE r.overall_rating IS NOT NULL AND {HELD}
            ORDER BY i.scheduled_at DESC, i.id DESC
            {latest_clause(latest)}
        )
        ORDER BY scheduled_at, id
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [RatedInterview(r[0], in_zone(r[1], now), *r[2:]) for r in rows]


def rating_halves(cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime) -> MeanHalves:
    """The mean overall rating, earlier half against later half of `rated_interviews`."""
    return mean_halves(
        cur, "r.overall_rating", "r.overall_rating IS NOT NULL", filters.params(now), now
    )


RESULTS = {"forward": N_("Went forward"), "stopped": N_("Stopped"), "pending": N_("Pending")}


def result_label(result: str) -> str:
    return _(RESULTS[result])


@dataclass(frozen=True)
class CalibrationCell:
    rating: int  # 1-4
    result: str  # a key of RESULTS: the outcome went forward, stopped, or is pending
    interviews: int


def calibration(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> list[CalibrationCell]:
    """Rated held interviews counted by (own rating, whether the outcome went forward)."""
    rows = cur.execute(
        f"""
        SELECT r.overall_rating,
               CASE WHEN i.outcome = 'pending' THEN 'pending'
                    WHEN i.outcome IN $forward THEN 'forward' ELSE 'stopped' END AS result,
               count(*)
        FROM interviews i
        JOIN companies c ON c.id = i.company_id
        JOIN reviews r ON r.interview_id = i.id
        WHERE r.overall_rating IS NOT NULL AND {HELD}
        GROUP BY ALL ORDER BY ALL
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "forward": list(FORWARD_OUTCOMES)},
    ).fetchall()
    return [CalibrationCell(*row) for row in rows]


MIN_RATED = 3


MIN_DECIDED = 3


def rating_takeaway(rated: Sequence[RatedInterview] | MeanHalves) -> Takeaway:
    """From the rated interviews, or from `insights.rating_halves` (summed in SQL)."""
    halves = (
        rated
        if isinstance(rated, MeanHalves)
        else mean_halves_of([r.rating for r in rated], [r.scheduled_at for r in rated])
    )
    if halves.count < MIN_RATED:
        return Takeaway(
            _("Rate at least {minimum} interviews to see a trend; you have rated {n}.").format(
                minimum=MIN_RATED, n=halves.count
            ),
            enough=False,
        )
    way, before, after = direction(halves.before, halves.after, one_decimal)
    sentence = {
        "rose": _("Your average rating rose from {before} to {after} (of 4) since {day}."),
        "fell": _("Your average rating fell from {before} to {after} (of 4) since {day}."),
        "held": _("Your average rating held at {before} (of 4) since {day}."),
    }[way]
    return Takeaway(sentence.format(before=before, after=after, day=day_text(halves.since)))


def calibration_takeaway(cells: Sequence[CalibrationCell]) -> Takeaway:
    """Over- or under-confident: do the interviews rated well go forward, the others not?"""
    decided = sum(c.interviews for c in cells if c.result != "pending")
    if decided < MIN_DECIDED:
        return Takeaway(
            ngettext(
                "Compare your ratings with outcomes once {minimum} rated interviews have an "
                "outcome; {n} has one so far.",
                "Compare your ratings with outcomes once {minimum} rated interviews have an "
                "outcome; {n} have one so far.",
                decided,
            ).format(minimum=MIN_DECIDED, n=decided),
            enough=False,
        )

    def count(high: bool, result: str | None = None) -> int:
        return sum(
            c.interviews
            for c in cells
            if (c.rating >= 3) == high and c.result != "pending" and result in (None, c.result)
        )

    high, high_forward = count(True), count(True, "forward")
    low, low_forward = count(False), count(False, "forward")
    if low and low_forward * 2 >= low:
        return Takeaway(
            _(
                "You may be under-confident: {forward} of {n} interviews you rated "
                "below satisfied still went forward."
            ).format(forward=low_forward, n=low)
        )
    if high and high_forward * 2 < high:
        return Takeaway(
            _(
                "You may be over-confident: only {forward} of {n} interviews you "
                "rated satisfied or better went forward."
            ).format(forward=high_forward, n=high)
        )
    if high and low:
        sentence = _(
            "Your ratings match the outcomes: {high_forward} of {high} interviews you rated "
            "satisfied or better went forward, against {low_forward} of {low} you rated lower."
        )
    elif high:
        sentence = _(
            "Your ratings match the outcomes: {high_forward} of {high} interviews you rated "
            "satisfied or better went forward."
        )
    else:
        sentence = _("Your ratings match the outcomes: {low_forward} of {low} you rated lower.")
    return Takeaway(
        sentence.format(high_forward=high_forward, high=high, low_forward=low_forward, low=low)
    )


def kind_colours() -> dict[str, str]:
    """Legends' labels (in the language in use) -> colour names of coach.palette."""
    return {vocabulary.COMPANY_KINDS[k]: name for k, name in palette.COMPANY_KIND.items()}


def rating_labels() -> str:
    """The rating axis's labels as a Vega expression array, index = rating."""
    labels = ["", *(vocabulary.OVERALL_RATINGS[k] for k in sorted(vocabulary.OVERALL_RATINGS))]
    return json.dumps(labels, ensure_ascii=False).replace('"', "'")


@validated_once
def rating_trend_chart(rated: Sequence[RatedInterview]) -> alt.LayerChart:
    """The four-level rating per interview over time; colour tells the company kinds apart."""
    data = frame(
        [
            {
                "when": vega_time(r.scheduled_at),
                "rating": r.rating,
                "rating_label": vocabulary.OVERALL_RATINGS[r.rating],
                "kind": vocabulary.COMPANY_KINDS[r.kind],
                "company": r.company,
                "round": r.round,
                "outcome": vocabulary.OUTCOMES[r.outcome],
            }
            for r in rated
        ]
    )
    kinds = kind_colours()
    base = alt.Chart().encode(
        x=alt.X("when:T", title=None, axis=day_axis()),
        y=alt.Y(
            "rating:Q",
            title=_("Overall rating"),
            scale=alt.Scale(domain=[0.7, 4.3]),
            axis=alt.Axis(values=[1, 2, 3, 4], labelExpr=f"{rating_labels()}[datum.value]"),
        ),
    )
    line = base.mark_line(color=palette.LINE, strokeWidth=2)
    points = base.mark_point(filled=True, size=110, opacity=1).encode(
        color=alt.Color("kind:N", title=_("Company"), scale=colour_scale(kinds)),
        shape=alt.Shape("kind:N", title=_("Company"), scale=alt.Scale(domain=list(kinds))),
        tooltip=[
            alt.Tooltip("company:N", title=_("Company")),
            alt.Tooltip("round:N", title=_("Round")),
            date_tooltip("when"),
            alt.Tooltip("rating_label:N", title=_("Rating")),
            alt.Tooltip("outcome:N", title=_("Outcome")),
        ],
    )
    return alt.layer(line, points, data=data).properties(height=HEIGHT)


@validated_once
def calibration_chart(cells: Sequence[CalibrationCell]) -> alt.LayerChart:
    """Own rating against whether the interview went forward: a grid of counts."""
    data = frame(
        [
            {
                "rating": vocabulary.OVERALL_RATINGS[c.rating],
                "result": result_label(c.result),
                "interviews": c.interviews,
            }
            for c in cells
        ]
    )
    base = alt.Chart().encode(
        x=alt.X(
            "result:N",
            title=_("Outcome"),
            sort=[result_label(k) for k in RESULTS],
            axis=alt.Axis(labelAngle=0, orient="top"),
        ),
        y=alt.Y(
            "rating:N",
            title=_("My rating"),
            sort=[vocabulary.OVERALL_RATINGS[k] for k in sorted(vocabulary.OVERALL_RATINGS)][::-1],
        ),
    )
    squares = base.mark_rect(stroke="white", strokeWidth=3, cornerRadius=4).encode(
        color=alt.Color(
            "result:N",
            legend=None,
            scale=colour_scale({result_label(k): name for k, name in palette.RESULT.items()}),
        ),
        opacity=alt.Opacity("interviews:Q", legend=None, scale=alt.Scale(range=[0.45, 1])),
        tooltip=[
            alt.Tooltip("rating:N", title=_("My rating")),
            alt.Tooltip("result:N", title=_("Outcome")),
            alt.Tooltip("interviews:Q", title=_("Interviews")),
        ],
    )
    labels = base.mark_text(color="white", fontWeight="bold", fontSize=14).encode(
        text="interviews:Q"
    )
    return alt.layer(squares, labels, data=data).properties(height=HEIGHT)

"""Altair chart builders for the insights page: query results in, `alt.Chart` out.

Builders reshape the (small) query results into DataFrames and add
encodings, tooltips and colours; they aggregate nothing. Times are given to Vega as
local ISO strings without an offset, which the browser reads as its own local time
(the app runs on the candidate's computer), so a 10:00 interview shows at 10:00.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import ParamSpec, TypeVar

import altair as alt
import pandas as pd

from coach import palette, vocabulary
from coach.insights import (
    RESULTS,
    SIGNAL_LABELS,
    CalibrationCell,
    DayCount,
    DimensionWeakness,
    RatedInterview,
    RecallBin,
    RecurringQuestion,
    RelationshipPoint,
    SignalCell,
    SignalShares,
    StoryTally,
)
from coach.predictions import ScoredInterview
from coach.recall import recall_text

HEATMAP_SELECTION = "cell"
HEIGHT = 260

# Legends' labels -> colour names of coach.palette.
KIND_COLOURS = {vocabulary.COMPANY_KINDS[k]: name for k, name in palette.COMPANY_KIND.items()}
SIGNAL_COLOURS = {
    SIGNAL_LABELS[signal]: palette.SIGNAL[signal]
    for signal in ("interrupted", "confused", "probed")
}
USE_COLOURS = {
    "Told fully": palette.STORY_USE["told"],
    "Told partly": palette.STORY_USE["partly"],
    "Missed": palette.STORY_USE["missed"],
}
PACE_COLOURS = {
    **{vocabulary.PACES[k]: palette.PACE[k] for k in vocabulary.PACES},
    "Not recorded": palette.PACE["none"],
}
RATING_LABELS = "['', 'Dissatisfied', 'Basically satisfied', 'Satisfied', 'Very satisfied']"


P = ParamSpec("P")
R = TypeVar("R")


def _validated_once(builder: Callable[P, R]) -> Callable[P, R]:
    """Build without Altair's validation of every intermediate object (its "debug
    mode"): building the layered charts costs a fraction of the time. The tests
    validate every finished chart (tests/test_charts.py, tests/test_insights_page.py)."""

    @functools.wraps(builder)
    def build(*args: P.args, **kwargs: P.kwargs) -> R:
        with alt.utils.schemapi.debug_mode(False):
            return builder(*args, **kwargs)

    return build


def spec(builder: Callable[..., alt.TopLevelMixin], rows: Sequence, *extra) -> dict:
    """The Vega-Lite spec of `builder(rows, *extra)`, a fresh copy for the caller.

    Built once per distinct input (rows are frozen dataclasses, so they hash): a page
    draws the same rows again on every rerun until the journal changes. Not validated
    against the Vega-Lite schema here: that costs 5–15 ms a chart, the first run after
    every save, for charts whose shape is fixed by code the tests validate."""
    return json.loads(_spec_text(builder, tuple(rows), *extra))


def forget_specs() -> None:
    """Build every spec afresh (to time a page after a save)."""
    _spec_text.cache_clear()


@functools.lru_cache(maxsize=64)
def _spec_text(builder: Callable[..., alt.TopLevelMixin], rows: tuple, *extra) -> str:
    made = builder(rows, *extra).to_dict(validate=False)
    # Altair's default theme sizes charts at 300 px; Streamlit sizes them itself.
    config = made.get("config", {})
    view = config.get("view", {})
    view.pop("continuousWidth", None)
    view.pop("continuousHeight", None)
    if not view:
        config.pop("view", None)
    if not config:
        made.pop("config", None)
    return json.dumps(made)


def _data(rows: list[dict]) -> pd.DataFrame:
    """The rows as a DataFrame: Altair validates inline `alt.Data(values=…)` row by row
    (about 0.1 ms a row), while Streamlit ships a DataFrame as Arrow almost for free.

    A layered chart takes its data once, on the layer (`alt.layer(a, b, data=…)`): given
    to each layer, Altair compares the copies by hashing their text renderings."""
    return pd.DataFrame(rows)


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _day(day: date) -> str:
    return day.strftime("%Y-%m-%dT00:00:00")


def _scale(colours: dict[str, str]) -> alt.Scale:
    """Labels shown -> colour names of coach.palette, as an Altair colour scale."""
    domain, hexes = palette.scale(colours)
    return alt.Scale(domain=domain, range=hexes)


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- 1. Overall trend -------------------------------------------------------------


@_validated_once
def rating_trend_chart(rated: Sequence[RatedInterview]) -> alt.LayerChart:
    """The four-level rating per interview over time; colour tells the company kinds apart."""
    data = _data(
        [
            {
                "when": _when(r.scheduled_at),
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
    base = alt.Chart().encode(
        x=alt.X("when:T", title=None, axis=alt.Axis(format="%d %b")),
        y=alt.Y(
            "rating:Q",
            title="Overall rating",
            scale=alt.Scale(domain=[0.7, 4.3]),
            axis=alt.Axis(values=[1, 2, 3, 4], labelExpr=f"{RATING_LABELS}[datum.value]"),
        ),
    )
    line = base.mark_line(color=palette.LINE, strokeWidth=2)
    points = base.mark_point(filled=True, size=110, opacity=1).encode(
        color=alt.Color("kind:N", title="Company", scale=_scale(KIND_COLOURS)),
        shape=alt.Shape("kind:N", title="Company", scale=alt.Scale(domain=list(KIND_COLOURS))),
        tooltip=[
            alt.Tooltip("company:N", title="Company"),
            alt.Tooltip("round:N", title="Round"),
            alt.Tooltip("when:T", title="Date", format="%a %d %b %Y"),
            alt.Tooltip("rating_label:N", title="Rating"),
            alt.Tooltip("outcome:N", title="Outcome"),
        ],
    )
    return alt.layer(line, points, data=data).properties(height=HEIGHT)


@_validated_once
def calibration_chart(cells: Sequence[CalibrationCell]) -> alt.LayerChart:
    """Own rating against whether the interview went forward: a grid of counts."""
    data = _data(
        [
            {
                "rating": vocabulary.OVERALL_RATINGS[c.rating],
                "result": RESULTS[c.result],
                "interviews": c.interviews,
            }
            for c in cells
        ]
    )
    base = alt.Chart().encode(
        x=alt.X(
            "result:N",
            title="Outcome",
            sort=list(RESULTS.values()),
            axis=alt.Axis(labelAngle=0, orient="top"),
        ),
        y=alt.Y(
            "rating:N",
            title="My rating",
            sort=[vocabulary.OVERALL_RATINGS[k] for k in sorted(vocabulary.OVERALL_RATINGS)][::-1],
        ),
    )
    squares = base.mark_rect(stroke="white", strokeWidth=3, cornerRadius=4).encode(
        color=alt.Color(
            "result:N",
            legend=None,
            scale=_scale({RESULTS[k]: name for k, name in palette.RESULT.items()}),
        ),
        opacity=alt.Opacity("interviews:Q", legend=None, scale=alt.Scale(range=[0.45, 1])),
        tooltip=[
            alt.Tooltip("rating:N", title="My rating"),
            alt.Tooltip("result:N", title="Outcome"),
            alt.Tooltip("interviews:Q", title="Interviews"),
        ],
    )
    labels = base.mark_text(color="white", fontWeight="bold", fontSize=14).encode(
        text="interviews:Q"
    )
    return alt.layer(squares, labels, data=data).properties(height=HEIGHT)


# --- 2. Where I am weak -----------------------------------------------------------


SIGNAL_SHORT = {
    "positive": "Positive",
    "neutral": "Neutral",
    "interrupted": "Interrupted",
    "confused": "Confused",
    "probed": "Probed",
    "none": "No signal",
}
TONES = {tone.capitalize(): name for tone, name in palette.TONE.items()}


def _tone(signal: str) -> str:
    if signal == "positive":
        return "Good"
    return "Weak" if signal in ("interrupted", "confused", "probed") else "Neutral"


@_validated_once
def heatmap_chart(cells: Sequence[SignalCell]) -> alt.LayerChart:
    """Dimension × signal: red for weak signals, green for positive, deeper for more answers.

    Clicking a cell selects it (selection 'cell', fields dimension and signal).
    """
    dimensions = list(dict.fromkeys(c.dimension_label for c in cells))
    data = _data(
        [
            {
                "dimension": c.dimension,
                "signal": c.signal,
                "dimension_label": c.dimension_label,
                "signal_label": SIGNAL_SHORT.get(c.signal, c.signal_label),
                "signal_title": c.signal_label,
                "tone": _tone(c.signal),
                "asks": c.asks,
            }
            for c in cells
        ]
    )
    select = alt.selection_point(
        fields=["dimension", "signal"], name=HEATMAP_SELECTION, on="click", clear="dblclick"
    )
    base = alt.Chart().encode(
        x=alt.X(
            "signal_label:N",
            title=None,
            sort=list(SIGNAL_SHORT.values()),
            axis=alt.Axis(labelAngle=0, orient="top", labelOverlap=False, labelLimit=90),
        ),
        y=alt.Y("dimension_label:N", title=None, sort=dimensions, axis=alt.Axis(labelLimit=220)),
    )
    rects = (
        base.mark_rect(stroke="white", strokeWidth=2, cornerRadius=3, cursor="pointer")
        .encode(
            color=alt.Color("tone:N", legend=None, scale=_scale(TONES)),
            opacity=alt.condition(
                select,
                alt.Opacity("asks:Q", legend=None, scale=alt.Scale(range=[0.3, 1])),
                alt.value(0.12),
            ),
            tooltip=[
                alt.Tooltip("dimension_label:N", title="Dimension"),
                alt.Tooltip("signal_title:N", title="Signal"),
                alt.Tooltip("asks:Q", title="Answers"),
            ],
        )
        .add_params(select)
    )
    labels = base.mark_text(fontSize=13, fontWeight="bold", color=palette.TEXT).encode(
        text="asks:Q"
    )
    return alt.layer(rects, labels, data=data).properties(height=max(160, 34 * len(dimensions)))


@_validated_once
def weakness_chart(dimensions: Sequence[DimensionWeakness]) -> alt.Chart:
    """Dimensions ranked by the share of weak answers."""
    order = [d.label for d in dimensions]
    data = _data(
        [
            {
                "dimension": d.label,
                "weak_share": round(d.weak_share, 4),
                "weak": d.weak,
                "asks": d.asks,
                "avg_self": None if d.avg_self_score is None else round(d.avg_self_score, 2),
                "rank": "Ranked" if d.asks >= 2 else "Too few answers",
            }
            for d in dimensions
        ]
    )
    return (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            x=alt.X(
                "weak_share:Q",
                title="Share of answers that were weak",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y("dimension:N", title=None, sort=order, axis=alt.Axis(labelLimit=220)),
            color=alt.Color(
                "rank:N",
                legend=None,
                scale=_scale({"Ranked": palette.WEAK, "Too few answers": palette.FEW}),
            ),
            tooltip=[
                alt.Tooltip("dimension:N", title="Dimension"),
                alt.Tooltip("weak:Q", title="Weak answers"),
                alt.Tooltip("asks:Q", title="Answers"),
                alt.Tooltip("weak_share:Q", title="Share weak", format=".0%"),
                alt.Tooltip("avg_self:Q", title="Average self score (1-4)"),
            ],
        )
        .properties(height=max(160, 30 * len(order)))
    )


# --- 3. Are the fixes working -----------------------------------------------------


ROLLING = 3  # interviews in the fixes chart's trailing mean


@_validated_once
def fixes_chart(shares: Sequence[SignalShares]) -> alt.LayerChart:
    """Share of interrupted, confused and probed answers per interview over time.

    Faded points are single interviews; the lines are the trailing mean of the last
    ROLLING interviews (a Vega window over the points drawn), which shows the trend
    through the noise of five or six answers per interview.
    """
    data = _data(
        [
            {
                "when": _when(s.scheduled_at),
                "company": s.company,
                "signal": SIGNAL_LABELS[signal],
                "share": round(s.share(signal), 4),
                "count": getattr(s, signal),
                "asks": s.asks,
            }
            for s in shares
            for signal in ("interrupted", "confused", "probed")
        ]
    )
    base = alt.Chart().encode(
        x=alt.X("when:T", title=None, axis=alt.Axis(format="%d %b")),
        color=alt.Color("signal:N", title="Signal", scale=_scale(SIGNAL_COLOURS)),
    )
    points = base.mark_circle(size=55, opacity=0.35).encode(
        y=alt.Y("share:Q", title="Share of answers", axis=alt.Axis(format="%")),
        tooltip=[
            alt.Tooltip("company:N", title="Company"),
            alt.Tooltip("when:T", title="Date", format="%a %d %b %Y"),
            alt.Tooltip("signal:N", title="Signal"),
            alt.Tooltip("count:Q", title="Answers with this signal"),
            alt.Tooltip("asks:Q", title="Answers recorded"),
            alt.Tooltip("share:Q", title="Share", format=".0%"),
        ],
    )
    trend = (
        base.transform_window(
            trend="mean(share)",
            frame=[-(ROLLING - 1), 0],
            groupby=["signal"],
            sort=[alt.SortField("when")],
        )
        .mark_line(strokeWidth=3, interpolate="monotone")
        .encode(y="trend:Q")
    )
    return alt.layer(points, trend, data=data).properties(height=HEIGHT)


# --- 4. Relationship --------------------------------------------------------------


@_validated_once
def relationship_chart(points: Sequence[RelationshipPoint]) -> alt.LayerChart:
    """Harmony (1-5) per interview as a line; each point coloured by the pace."""
    data = _data(
        [
            {
                "when": _when(p.scheduled_at),
                "company": p.company,
                "harmony": p.harmony,
                "pace": "Not recorded" if p.pace is None else vocabulary.PACES[p.pace],
            }
            for p in points
            if p.harmony is not None
        ]
    )
    base = alt.Chart().encode(
        x=alt.X("when:T", title=None, axis=alt.Axis(format="%d %b")),
        y=alt.Y(
            "harmony:Q",
            title="Harmony (1 strained – 5 harmonious)",
            scale=alt.Scale(domain=[0.7, 5.3]),
            axis=alt.Axis(values=[1, 2, 3, 4, 5]),
        ),
    )
    line = base.mark_line(color=palette.LINE, strokeWidth=2)
    dots = base.mark_circle(size=120, opacity=1).encode(
        color=alt.Color(
            "pace:N",
            title="Pace",
            scale=_scale(PACE_COLOURS),
        ),
        tooltip=[
            alt.Tooltip("company:N", title="Company"),
            alt.Tooltip("when:T", title="Date", format="%a %d %b %Y"),
            alt.Tooltip("harmony:Q", title="Harmony"),
            alt.Tooltip("pace:N", title="Pace"),
        ],
    )
    return alt.layer(line, dots, data=data).properties(height=HEIGHT)


# --- 5. Stories -------------------------------------------------------------------


@_validated_once
def stories_chart(tallies: Sequence[StoryTally]) -> alt.Chart:
    """Per story, interviews where it was told fully, partly, or missed."""
    order = [t.title for t in tallies]
    uses = {"Told fully": "told", "Told partly": "partly", "Missed": "missed"}
    data = _data(
        [
            {
                "story": _short(t.title),
                "title": t.title,
                "use": label,
                "order": i,
                "interviews": getattr(t, field),
            }
            for t in tallies
            for i, (label, field) in enumerate(uses.items())
            if getattr(t, field)
        ]
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("interviews:Q", title="Interviews", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y(
                "story:N",
                title=None,
                sort=[_short(o) for o in order],
                axis=alt.Axis(labelLimit=320, labelOverlap=False),
            ),
            color=alt.Color("use:N", title=None, scale=_scale(USE_COLOURS)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("title:N", title="Story"),
                alt.Tooltip("use:N", title="Use"),
                alt.Tooltip("interviews:Q", title="Interviews"),
            ],
        )
        .properties(height=alt.Step(26))
    )


# --- 6. Recurring questions -------------------------------------------------------


@_validated_once
def recurring_chart(rows: Sequence[RecurringQuestion], desired: float) -> alt.Chart:
    """Questions asked at two or more companies; colour is predicted recall today."""
    below, above = f"Below {desired:.0%}", f"{desired:.0%} or above"
    data = _data(
        [
            {
                "question": _short(r.text, 60),
                "text": r.text,
                "dimension": r.dimension_label,
                "companies": r.companies,
                "asks": r.asks,
                "weak": r.weak_asks,
                "recall": (
                    "no card"
                    if r.card_status is None
                    else recall_text(r.recall_today, rehearsed=r.recall_today is not None)
                ),
                "state": (
                    "No rehearsal card"
                    if r.card_status is None
                    else "New card"
                    if r.recall_today is None
                    else (below if r.recall_today < desired else above)
                ),
            }
            for r in rows
        ]
    )
    states = {
        below: palette.RECALL["below"],
        above: palette.RECALL["above"],
        "New card": palette.RECALL["new"],
        "No rehearsal card": palette.RECALL["no card"],
    }
    return (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            x=alt.X("companies:Q", title="Companies that asked it", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y(
                "question:N",
                title=None,
                sort=None,
                axis=alt.Axis(labelLimit=380, labelOverlap=False),
            ),
            color=alt.Color(
                "state:N",
                title="Recall today",
                scale=_scale(states),
            ),
            tooltip=[
                alt.Tooltip("text:N", title="Question"),
                alt.Tooltip("dimension:N", title="Dimension"),
                alt.Tooltip("companies:Q", title="Companies"),
                alt.Tooltip("asks:Q", title="Times asked"),
                alt.Tooltip("weak:Q", title="Weak answers"),
                alt.Tooltip("recall:N", title="Predicted recall today"),
            ],
        )
        .properties(height=alt.Step(24))
    )


# --- 7. Rehearsal -----------------------------------------------------------------


def _day_bars(days: Sequence[DayCount], title: str, colour: str, fmt: str) -> alt.Chart:
    data = _data([{"day": _day(d.day), "count": d.count} for d in days])
    return (
        alt.Chart(data)
        .mark_bar(color=palette.hex_of(colour))
        .encode(
            x=alt.X("yearmonthdate(day):T", title=None, axis=alt.Axis(format=fmt)),
            y=alt.Y("count:Q", title=title, axis=alt.Axis(tickMinStep=1)),
            tooltip=[
                alt.Tooltip("yearmonthdate(day):T", title="Day", format="%a %d %b %Y"),
                alt.Tooltip("count:Q", title=title),
            ],
        )
        .properties(height=200)
    )


@_validated_once
def rehearsals_chart(days: Sequence[DayCount]) -> alt.Chart:
    """Rehearsals per day."""
    return _day_bars(days, "Rehearsals", palette.REHEARSALS, "%d %b")


@_validated_once
def due_forecast_chart(days: Sequence[DayCount]) -> alt.Chart:
    """Cards coming due on each of the next days (today includes the overdue)."""
    return _day_bars(days, "Cards due", palette.DUE, "%a %d")


@_validated_once
def recall_histogram(bins: Sequence[RecallBin], desired: float) -> alt.LayerChart:
    """Rehearsed cards by predicted recall today, with the target as a rule."""
    width = round(bins[1].low - bins[0].low, 4) if len(bins) > 1 else 0.05
    filled = [b.low for b in bins if b.cards]
    start = min([0.5, *filled])
    data = _data(
        [
            {"low": b.low, "high": round(b.low + width, 4), "cards": b.cards}
            for b in bins
            if b.low >= start
        ]
    )
    bars = (
        alt.Chart(data)
        .mark_bar(color=palette.hex_of(palette.RECALLED))
        .encode(
            x=alt.X(
                "low:Q",
                bin="binned",
                title="Predicted recall today",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[start, 1]),
            ),
            x2="high:Q",
            y=alt.Y("cards:Q", title="Cards", axis=alt.Axis(tickMinStep=1)),
            tooltip=[
                alt.Tooltip("low:Q", title="From", format=".0%"),
                alt.Tooltip("high:Q", title="Below", format=".0%"),
                alt.Tooltip("cards:Q", title="Cards"),
            ],
        )
    )
    target = (
        alt.Chart(_data([{"target": desired}]))
        .mark_rule(color=palette.hex_of(palette.TARGET), strokeDash=[4, 3])
        .encode(x="target:Q", tooltip=[alt.Tooltip("target:Q", title="Target", format=".0%")])
    )
    return (bars + target).properties(height=200)


# --- 9. Predictions ---------------------------------------------------------------

PREDICTION_COLOURS = {
    "Predicted by the brief": palette.PREDICTION["hit"],
    "Surprise": palette.PREDICTION["surprise"],
}


@_validated_once
def prediction_chart(rows: Sequence[ScoredInterview]) -> alt.Chart:
    """Per reviewed interview with a kept brief: the questions asked, split into those the
    brief predicted and the surprises."""
    labels: list[str] = []
    seen: dict[str, int] = {}
    for r in rows:
        label = f"{r.scheduled_at.day} {r.scheduled_at:%b %Y} · {_short(r.company, 28)}"
        # Two rounds on one day at one company stay two bars.
        seen[label] = seen.get(label, 0) + 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    data = _data(
        [
            {
                "interview": label,
                "company": r.company,
                "when": _when(r.scheduled_at),
                "part": part,
                "order": order,
                "questions": count,
                "asked": r.asked,
                "predicted": r.predicted,
            }
            for r, label in zip(rows, labels, strict=True)
            for order, (part, count) in enumerate(
                (("Predicted by the brief", r.hits), ("Surprise", r.surprises))
            )
        ]
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "interview:N",
                title=None,
                sort=None,
                axis=alt.Axis(labelAngle=-40, labelLimit=200),
            ),
            y=alt.Y("questions:Q", title="Questions asked", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("part:N", title=None, scale=_scale(PREDICTION_COLOURS)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("company:N", title="Company"),
                alt.Tooltip("when:T", title="Date", format="%a %d %b %Y"),
                alt.Tooltip("part:N", title="Questions"),
                alt.Tooltip("questions:Q", title="How many"),
                alt.Tooltip("asked:Q", title="Questions asked"),
                alt.Tooltip("predicted:Q", title="Likely questions the brief listed"),
            ],
        )
        .properties(height=HEIGHT)
    )

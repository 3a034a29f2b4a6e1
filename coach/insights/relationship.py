"""Insights, the interview relationship: harmony and pace over time, the advice
interviewers gave, and referrals with what followed them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import altair as alt
import duckdb

from coach import palette, vocabulary
from coach.i18n import _
from coach.insights.charting import (
    HEIGHT,
    colour_scale,
    date_tooltip,
    day_axis,
    frame,
    validated_once,
    vega_time,
)
from coach.insights.filters import HELD, LISTING_LIMIT, Filters, in_zone, latest_clause
from coach.insights.halves import MeanHalves, direction, mean_halves, mean_halves_of, one_decimal
from coach.insights.takeaway import Takeaway
from coach.reviews import Advice
from coach.wording import day_text


@dataclass(frozen=True)
class RelationshipPoint:
    interview_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    kind: str
    harmony: int | None  # 1-5
    pace: str | None  # a key of vocabulary.PACES


def relationship_points(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    latest_with_harmony: int | None = None,
) -> list[RelationshipPoint]:
    """Held interviews whose review recorded harmony or pace, oldest first; with
    `latest_with_harmony`, only the latest that many with a harmony (for a chart; the
    takeaway uses `relationship_summary`)."""
    where = (
        "r.harmony IS NOT NULL"
        if latest_with_harmony is not None
        else ("(r.harmony IS NOT NULL OR r.pace IS NOT NULL)")
    )
    rows = cur.execute(
        f"""
        SELECT * FROM (
            SELECT i.id, i.scheduled_at, c.name, c.kind, r.harmony, r.pace
            FROM interviews i
            JOIN companies c ON c.id = i.company_id
            JOIN reviews r ON r.interview_id = i.id
            WHERE {where} AND {HELD}
            ORDER BY i.scheduled_at DESC, i.id DESC
            {latest_clause(latest_with_harmony)}
        )
        ORDER BY scheduled_at, id
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [RelationshipPoint(r[0], in_zone(r[1], now), *r[2:]) for r in rows]


@dataclass(frozen=True)
class RelationshipSummary:
    """What `relationship_points` gives the takeaway, summed in SQL."""

    harmony: MeanHalves  # over the interviews with a harmony
    paced: int  # interviews with a pace recorded
    too_fast: int
    too_slow: int


def relationship_summary(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> RelationshipSummary:
    params = filters.params(now)
    harmony = mean_halves(cur, "r.harmony", "r.harmony IS NOT NULL", params, now)
    paced, fast, slow = cur.execute(
        f"""
        SELECT count(*), count(*) FILTER (WHERE r.pace = 'too_fast'),
               count(*) FILTER (WHERE r.pace = 'too_slow')
        FROM interviews i
        JOIN companies c ON c.id = i.company_id
        JOIN reviews r ON r.interview_id = i.id
        WHERE r.pace IS NOT NULL AND {HELD}
        """,  # noqa: S608 - fixed fragments only
        params,
    ).fetchone()
    return RelationshipSummary(harmony, paced, fast, slow)


def advice_received(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    limit: int = LISTING_LIMIT,
) -> list[Advice]:
    """Advice interviewers gave, latest first."""
    rows = cur.execute(
        f"""
        SELECT i.id, i.scheduled_at, c.name, i.round, i.interviewer, r.advice
        FROM interviews i
        JOIN companies c ON c.id = i.company_id
        JOIN reviews r ON r.interview_id = i.id
        WHERE trim(r.advice) <> '' AND {HELD}
        ORDER BY i.scheduled_at DESC, i.id DESC
        LIMIT $limit
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "limit": limit},
    ).fetchall()
    return [Advice(r[0], in_zone(r[1], now), *r[2:]) for r in rows]


@dataclass(frozen=True)
class FollowUp:
    text: str
    done: bool


@dataclass(frozen=True)
class LaterInterview:
    scheduled_at: datetime  # in the candidate's zone
    role: str
    round: str
    outcome: str
    upcoming: bool


@dataclass(frozen=True)
class Referral:
    interview_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    interviewer: str
    referral: str
    outcome: str  # of the interview where the referral was made
    follow_ups: list[FollowUp]  # actions from the referral, oldest first
    later: list[LaterInterview]  # later interviews at the same company, oldest first


def referrals(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    limit: int = LISTING_LIMIT,
) -> list[Referral]:
    """Referrals received, latest first, with what came of them."""
    # The lists are gathered for the shown referrals only: as correlated subqueries
    # over every referral they cost 8 ms on a heavy journal, for six rows.
    rows = cur.execute(
        f"""
        WITH shown AS (
            SELECT i.id, i.scheduled_at, i.company_id, c.name, i.interviewer, r.referral,
                   i.outcome
            FROM interviews i
            JOIN companies c ON c.id = i.company_id
            JOIN reviews r ON r.interview_id = i.id
            WHERE trim(r.referral) <> '' AND {HELD}
            ORDER BY i.scheduled_at DESC, i.id DESC
            LIMIT $limit
        ),
        follow_ups AS (
            SELECT s.id, list({{'text': x.text, 'done': x.status = 'done'}}
                              ORDER BY x.created_at, x.id) AS items
            FROM shown s JOIN actions x ON x.interview_id = s.id AND x.source = 'referral'
            GROUP BY s.id
        ),
        later AS (
            SELECT s.id, list({{'at': j.scheduled_at, 'role': j.role, 'round': j.round,
                                'outcome': j.outcome}} ORDER BY j.scheduled_at, j.id) AS items
            FROM shown s
            JOIN interviews j ON j.company_id = s.company_id AND j.scheduled_at > s.scheduled_at
            GROUP BY s.id
        )
        SELECT s.id, s.scheduled_at, s.name, s.interviewer, s.referral, s.outcome,
               f.items, l.items
        FROM shown s
        LEFT JOIN follow_ups f ON f.id = s.id
        LEFT JOIN later l ON l.id = s.id
        ORDER BY s.scheduled_at DESC, s.id DESC
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "limit": limit},
    ).fetchall()
    return [
        Referral(
            interview_id=r[0],
            scheduled_at=in_zone(r[1], now),
            company=r[2],
            interviewer=r[3],
            referral=r[4],
            outcome=r[5],
            follow_ups=[FollowUp(x["text"], x["done"]) for x in r[6] or []],
            later=[
                LaterInterview(
                    in_zone(x["at"], now), x["role"], x["round"], x["outcome"], x["at"] > now
                )
                for x in r[7] or []
            ],
        )
        for r in rows
    ]


MIN_HARMONY = 3


def relationship_takeaway(
    points: Sequence[RelationshipPoint] | RelationshipSummary,
) -> Takeaway:
    """From the relationship points, or from `insights.relationship_summary`."""
    if isinstance(points, RelationshipSummary):
        summary = points
    else:
        rated = [p for p in points if p.harmony is not None]
        paced = [p for p in points if p.pace is not None]
        summary = RelationshipSummary(
            mean_halves_of([p.harmony for p in rated], [p.scheduled_at for p in rated]),
            len(paced),
            sum(p.pace == "too_fast" for p in paced),
            sum(p.pace == "too_slow" for p in paced),
        )
    harmony = summary.harmony
    if harmony.count < MIN_HARMONY:
        return Takeaway(
            _(
                "Record the harmony of at least {minimum} interviews to see a trend; you have {n}."
            ).format(minimum=MIN_HARMONY, n=harmony.count),
            enough=False,
        )
    way, before, after = direction(harmony.before, harmony.after, one_decimal)
    trend = {
        "rose": _("Harmony rose from {before} to {after} (of 5) since {day}"),
        "fell": _("Harmony fell from {before} to {after} (of 5) since {day}"),
        "held": _("Harmony held at {before} (of 5) since {day}"),
    }[way].format(before=before, after=after, day=day_text(harmony.since))
    if not summary.paced:
        return Takeaway(_("{trend}.").format(trend=trend))
    if summary.too_slow:
        pace = _(
            "the pace felt too fast in {fast} of {n} interviews and too slow in {slow}"
        ).format(fast=summary.too_fast, n=summary.paced, slow=summary.too_slow)
    else:
        pace = _("the pace felt too fast in {fast} of {n} interviews").format(
            fast=summary.too_fast, n=summary.paced
        )
    return Takeaway(_("{trend}; {pace}.").format(trend=trend, pace=pace))


NOT_RECORDED = "none"  # the pace key of an interview whose pace was not recorded


def pace_label(pace: str | None) -> str:
    return _("Not recorded") if pace is None else vocabulary.PACES[pace]


def pace_colours() -> dict[str, str]:
    """The paces' labels (in the language in use) -> colour names."""
    return {
        **{vocabulary.PACES[k]: palette.PACE[k] for k in vocabulary.PACES},
        pace_label(None): palette.PACE[NOT_RECORDED],
    }


@validated_once
def relationship_chart(points: Sequence[RelationshipPoint]) -> alt.LayerChart:
    """Harmony (1-5) per interview as a line; each point coloured by the pace."""
    data = frame(
        [
            {
                "when": vega_time(p.scheduled_at),
                "company": p.company,
                "harmony": p.harmony,
                "pace": pace_label(p.pace),
            }
            for p in points
            if p.harmony is not None
        ]
    )
    base = alt.Chart().encode(
        x=alt.X("when:T", title=None, axis=day_axis()),
        y=alt.Y(
            "harmony:Q",
            title=_("Harmony (1 strained – 5 harmonious)"),
            scale=alt.Scale(domain=[0.7, 5.3]),
            axis=alt.Axis(values=[1, 2, 3, 4, 5]),
        ),
    )
    line = base.mark_line(color=palette.LINE, strokeWidth=2)
    dots = base.mark_circle(size=120, opacity=1).encode(
        color=alt.Color(
            "pace:N",
            title=_("Pace"),
            scale=colour_scale(pace_colours()),
        ),
        tooltip=[
            alt.Tooltip("company:N", title=_("Company")),
            date_tooltip("when"),
            alt.Tooltip("harmony:Q", title=_("Harmony")),
            alt.Tooltip("pace:N", title=_("Pace")),
        ],
    )
    return alt.layer(line, dots, data=data).properties(height=HEIGHT)

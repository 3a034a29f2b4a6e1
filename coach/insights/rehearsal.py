"""Insights, rehearsal: rehearsals per day, cards coming due, the spread of recall
today, and true retention.

These queries ignore the company filters (a rehearsal belongs to a card, not to an
interview); they honour the date range. Days are the candidate's (coach.days).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import altair as alt
import duckdb

from coach import palette
from coach.days import day_number, day_start, from_day_number, local_day_sql
from coach.i18n import _, ngettext
from coach.insights.charting import (
    date_tooltip,
    day_axis,
    frame,
    validated_once,
    vega_day,
    weekday_axis,
)
from coach.insights.filters import Filters, scheduler_of
from coach.insights.takeaway import Takeaway
from coach.recall import recall_params, recall_sql
from coach.scheduling import utc
from coach.wording import day_text, percent, weekday


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int


REHEARSAL_DAYS_LIMIT = 400


def rehearsals_per_day(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> list[DayCount]:
    """Rehearsals per calendar day in the candidate's zone, for days with any; oldest first.

    Without a start date, the last REHEARSAL_DAYS_LIMIT days with rehearsals.
    """
    params = {**filters.rehearsal_params(), "now": utc(now)}
    today = now.date()

    def per_day(first: date, floor: datetime | None) -> list[tuple]:
        day, zone_params = local_day_sql("r.rated_at", now.tzinfo, first, today)
        return cur.execute(
            f"""
            SELECT day, n FROM (
                SELECT {day} AS day, count(*) AS n
                FROM rehearsals r
                WHERE r.rated_at <= $now
                  AND ($since::TIMESTAMPTZ IS NULL OR r.rated_at >= $since)
                  AND ($until::TIMESTAMPTZ IS NULL OR r.rated_at < $until)
                  AND ($floor::TIMESTAMPTZ IS NULL OR r.rated_at >= $floor)
                GROUP BY day
                ORDER BY day DESC
                LIMIT {REHEARSAL_DAYS_LIMIT}
            ) ORDER BY day
            """,  # noqa: S608 - fixed fragments only
            {**params, **zone_params, "floor": None if floor is None else utc(floor)},
        ).fetchall()

    # First only the last REHEARSAL_DAYS_LIMIT calendar days: when each had a rehearsal
    # they are the answer, and older rehearsals are never read. Otherwise look further.
    first_day = today - timedelta(days=REHEARSAL_DAYS_LIMIT - 1)
    rows = per_day(first_day, day_start(first_day, now.tzinfo))
    if len(rows) < REHEARSAL_DAYS_LIMIT:
        earliest = _earliest_rehearsal(cur, params)
        if earliest is not None and earliest.astimezone(now.tzinfo).date() < first_day:
            rows = per_day(earliest.astimezone(now.tzinfo).date(), None)
    return [DayCount(from_day_number(day), n) for day, n in rows]


def _earliest_rehearsal(cur: duckdb.DuckDBPyConnection, params: dict) -> datetime | None:
    """The first rehearsal the filters let through: where the days to count begin."""
    return cur.execute(
        """
        SELECT min(r.rated_at) FROM rehearsals r
        WHERE r.rated_at <= $now
          AND ($since::TIMESTAMPTZ IS NULL OR r.rated_at >= $since)
          AND ($until::TIMESTAMPTZ IS NULL OR r.rated_at < $until)
        """,
        params,
    ).fetchone()[0]


FORECAST_DAYS = 14


def due_forecast(
    cur: duckdb.DuckDBPyConnection, now: datetime, *, days: int = FORECAST_DAYS
) -> list[DayCount]:
    """Active cards coming due on each of the next `days` days, today first.

    Today's count includes every card already overdue. Every day is listed, zeros too.
    """
    today = now.date()
    day, zone_params = local_day_sql("k.due", now.tzinfo, today, today + timedelta(days=days))
    rows = dict(
        cur.execute(
            f"""
            SELECT greatest({day}, $today) AS day, count(*)
            FROM cards k
            WHERE k.status = 'active' AND {day} < $today + $days
            GROUP BY ALL
            """,  # noqa: S608 - fixed fragments only
            {**zone_params, "today": day_number(today), "days": days},
        ).fetchall()
    )
    return [
        DayCount(today + timedelta(days=n), rows.get(day_number(today) + n, 0)) for n in range(days)
    ]


@dataclass(frozen=True)
class RecallBin:
    low: float  # the bin is [low, low + RECALL_BIN); the last bin includes 1.0
    cards: int


RECALL_BINS = 20


RECALL_BIN = 1 / RECALL_BINS


def recall_distribution(cur: duckdb.DuckDBPyConnection, now: datetime) -> list[RecallBin]:
    """Active, rehearsed cards by predicted recall now, in RECALL_BINS bins of 5 points."""
    recall = recall_sql("k")
    rows = dict(
        cur.execute(
            f"""
            SELECT least({RECALL_BINS - 1}, floor({recall} * {RECALL_BINS}))::INTEGER AS bin,
                   count(*)
            FROM cards k
            WHERE k.status = 'active' AND k.last_review IS NOT NULL
            GROUP BY bin
            """,  # noqa: S608 - fixed fragments only
            recall_params(scheduler_of(cur), now),
        ).fetchall()
    )
    return [RecallBin(round(n / RECALL_BINS, 2), rows.get(n, 0)) for n in range(RECALL_BINS)]


@dataclass(frozen=True)
class Retention:
    passed: int  # rehearsals graded Hard, Good or Easy
    total: int  # rehearsals of cards that had been rehearsed before
    desired: float  # the scheduler's target

    @property
    def share(self) -> float | None:
        return self.passed / self.total if self.total else None


def true_retention(cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime) -> Retention:
    """The share of passing grades among rehearsals of cards already in review.

    With day-level scheduling (no learning steps) a card is in review from its first
    rehearsal on, so every rehearsal after a card's first one counts. (A card reset
    after a rewrite is counted as continuing; the journal keeps no reset marker.)
    """
    # Every rehearsal in range, less each card's first one: two aggregates, far cheaper
    # than numbering all of a card's rehearsals with a window.
    passed, total = cur.execute(
        """
        WITH scoped AS (
            SELECT r.card_id, r.grade, r.rated_at, r.id
            FROM rehearsals r
            WHERE r.rated_at <= $now AND ($until::TIMESTAMPTZ IS NULL OR r.rated_at < $until)
        ),
        firsts AS (
            SELECT arg_min(grade, (rated_at, id)) AS grade, min(rated_at) AS rated_at
            FROM scoped
            GROUP BY card_id
        ),
        every AS (
            SELECT count(*) FILTER (WHERE grade > 1) AS passed, count(*) AS total
            FROM scoped
            WHERE $since::TIMESTAMPTZ IS NULL OR rated_at >= $since
        ),
        first AS (
            SELECT count(*) FILTER (WHERE grade > 1) AS passed, count(*) AS total
            FROM firsts
            WHERE $since::TIMESTAMPTZ IS NULL OR rated_at >= $since
        )
        SELECT every.passed - first.passed, every.total - first.total FROM every, first
        """,
        {**filters.rehearsal_params(), "now": utc(now)},
    ).fetchone()
    return Retention(passed, total, scheduler_of(cur).desired_retention)


MIN_RETENTION_REHEARSALS = 5


def rehearsal_takeaway(days: Sequence[DayCount], today: date) -> Takeaway:
    if not days:
        return Takeaway(_("No rehearsals in this period yet."), enough=False)
    total = sum(d.count for d in days)
    week = sum(d.count for d in days if 0 <= (today - d.day).days < 7)
    rehearsals = ngettext("{n} rehearsal", "{n} rehearsals", total).format(n=total)
    return Takeaway(
        ngettext(
            "{rehearsals} on {n} day; {week} in the last 7 days.",
            "{rehearsals} on {n} days; {week} in the last 7 days.",
            len(days),
        ).format(rehearsals=rehearsals, n=len(days), week=week)
    )


def forecast_takeaway(days: Sequence[DayCount]) -> Takeaway:
    total = sum(d.count for d in days)
    if not total:
        return Takeaway(
            _("No cards come due in the next {n} days.").format(n=len(days)), enough=False
        )
    busiest = max(days, key=lambda d: (d.count, -d.day.toordinal()))
    return Takeaway(
        ngettext(
            "{n} card due today (overdue included) and {more} more over the next {days} "
            "days; the busiest day is {weekday} {day} with {busiest}.",
            "{n} cards due today (overdue included) and {more} more over the next {days} "
            "days; the busiest day is {weekday} {day} with {busiest}.",
            days[0].count,
        ).format(
            n=days[0].count,
            more=total - days[0].count,
            days=len(days) - 1,
            weekday=weekday(busiest.day),
            day=day_text(busiest.day),
            busiest=busiest.count,
        )
    )


def recall_takeaway(bins: Sequence[RecallBin], desired: float) -> Takeaway:
    total = sum(b.cards for b in bins)
    if not total:
        return Takeaway(
            _("No card has been rehearsed yet, so there is no recall to predict."), False
        )
    above = sum(b.cards for b in bins if b.low >= desired - 1e-9)
    return Takeaway(
        ngettext(
            "{above} of {n} rehearsed card would be recalled with at least {target} "
            "probability today.",
            "{above} of {n} rehearsed cards would be recalled with at least {target} "
            "probability today.",
            total,
        ).format(above=above, n=total, target=percent(desired))
    )


def retention_takeaway(retention: Retention) -> Takeaway:
    if retention.total < MIN_RETENTION_REHEARSALS:
        return Takeaway(
            _(
                "True retention needs at least {minimum} rehearsals of cards already in "
                "review; there are {n}."
            ).format(minimum=MIN_RETENTION_REHEARSALS, n=retention.total),
            enough=False,
        )
    share = retention.share or 0.0
    on_target = share >= retention.desired - 0.02
    sentence = (
        _(
            "You recalled {share} of answers on cards already in review "
            "({passed} of {n}), on target ({target})."
        )
        if on_target
        else _(
            "You recalled {share} of answers on cards already in review "
            "({passed} of {n}), below target ({target})."
        )
    )
    return Takeaway(
        sentence.format(
            share=percent(share),
            passed=retention.passed,
            n=retention.total,
            target=percent(retention.desired),
        )
    )


def _day_bars(days: Sequence[DayCount], title: str, colour: str, axis: alt.Axis) -> alt.Chart:
    data = frame([{"day": vega_day(d.day), "count": d.count} for d in days])
    return (
        alt.Chart(data)
        .mark_bar(color=palette.hex_of(colour))
        .encode(
            x=alt.X("yearmonthdate(day):T", title=None, axis=axis),
            y=alt.Y("count:Q", title=title, axis=alt.Axis(tickMinStep=1)),
            tooltip=[
                date_tooltip("yearmonthdate(day)", _("Day")),
                alt.Tooltip("count:Q", title=title),
            ],
        )
        .properties(height=200)
    )


@validated_once
def rehearsals_chart(days: Sequence[DayCount]) -> alt.Chart:
    """Rehearsals per day."""
    return _day_bars(days, _("Rehearsals"), palette.REHEARSALS, day_axis())


@validated_once
def due_forecast_chart(days: Sequence[DayCount]) -> alt.Chart:
    """Cards coming due on each of the next days (today includes the overdue)."""
    return _day_bars(days, _("Cards due"), palette.DUE, weekday_axis())


@validated_once
def recall_histogram(bins: Sequence[RecallBin], desired: float) -> alt.LayerChart:
    """Rehearsed cards by predicted recall today, with the target as a rule."""
    width = round(bins[1].low - bins[0].low, 4) if len(bins) > 1 else 0.05
    filled = [b.low for b in bins if b.cards]
    start = min([0.5, *filled])
    data = frame(
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
                title=_("Predicted recall today"),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[start, 1]),
            ),
            x2="high:Q",
            y=alt.Y("cards:Q", title=_("Cards"), axis=alt.Axis(tickMinStep=1)),
            tooltip=[
                alt.Tooltip("low:Q", title=_("From"), format=".0%"),
                alt.Tooltip("high:Q", title=_("Below"), format=".0%"),
                alt.Tooltip("cards:Q", title=_("Cards")),
            ],
        )
    )
    target = (
        alt.Chart(frame([{"target": desired}]))
        .mark_rule(color=palette.hex_of(palette.TARGET), strokeDash=[4, 3])
        .encode(x="target:Q", tooltip=[alt.Tooltip("target:Q", title=_("Target"), format=".0%")])
    )
    return (bars + target).properties(height=200)

"""Insights, are the fixes working: the share of each weak signal per interview,
over time, and whether interruptions, confused looks and probing are falling.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import altair as alt
import duckdb

from coach import palette
from coach.i18n import N_, _
from coach.insights.charting import (
    HEIGHT,
    colour_scale,
    date_tooltip,
    day_axis,
    frame,
    validated_once,
    vega_time,
)
from coach.insights.filters import HELD, Filters, in_zone
from coach.insights.halves import direction, later_start
from coach.insights.takeaway import Takeaway
from coach.insights.weak_spots import signal_label
from coach.wording import day_text, percent

WEAK_SIGNALS = ("interrupted", "confused", "probed")


@dataclass(frozen=True)
class SignalShares:
    interview_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    kind: str
    asks: int
    interrupted: int
    confused: int
    probed: int

    def share(self, signal: str) -> float:
        return getattr(self, signal) / self.asks


def signal_shares(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    latest: int | None = None,
) -> list[SignalShares]:
    """Per held interview with recorded asks, oldest first: asks and weak-signal counts.

    With `latest`, only the latest that many interviews (for a chart; the takeaways
    use `signal_halves`, over all of them)."""
    limit = "" if latest is None else f"LIMIT {int(latest)}"
    rows = cur.execute(
        f"""
        SELECT * FROM (
            SELECT i.id, any_value(i.scheduled_at) AS held_at, any_value(c.name),
                   any_value(c.kind), count(*),
                   count(*) FILTER (WHERE a.signal = 'interrupted'),
                   count(*) FILTER (WHERE a.signal = 'confused'),
                   count(*) FILTER (WHERE a.signal = 'probed')
            FROM asks a
            JOIN interviews i ON i.id = a.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE {HELD}
            GROUP BY i.id
            ORDER BY held_at DESC, i.id DESC
            {limit}
        )
        ORDER BY held_at, id
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [SignalShares(r[0], in_zone(r[1], now), *r[2:]) for r in rows]


@dataclass(frozen=True)
class SignalHalves:
    """Held interviews with recorded asks, split into an earlier and a later half (the
    later one starts at interview n // 2, oldest first): their asks and weak signals."""

    interviews: int
    since: datetime | None  # the first later interview, in the candidate's zone
    before: dict[str, int]  # "asks" and each weak signal -> count, earlier half
    after: dict[str, int]  # the same, later half


def signal_halves(cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime) -> SignalHalves:
    """What `signal_shares` gives the takeaways, summed in SQL: a few numbers, however
    many interviews the journal holds."""
    counts = ", ".join(
        f"sum({column}) FILTER (WHERE NOT later), sum({column}) FILTER (WHERE later)"
        for column in ("asks", *WEAK_SIGNALS)
    )
    row = cur.execute(
        f"""
        WITH per AS (
            SELECT i.id, any_value(i.scheduled_at) AS held_at, count(*) AS asks,
                   count(*) FILTER (WHERE a.signal = 'interrupted') AS interrupted,
                   count(*) FILTER (WHERE a.signal = 'confused') AS confused,
                   count(*) FILTER (WHERE a.signal = 'probed') AS probed
            FROM asks a
            JOIN interviews i ON i.id = a.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE {HELD}
            GROUP BY i.id
        ),
        numbered AS (
            SELECT *, row_number() OVER (ORDER BY held_at, id) - 1
                      >= count(*) OVER () // 2 AS later
            FROM per
        )
        SELECT count(*), min(held_at) FILTER (WHERE later), {counts}
        FROM numbered
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchone()
    names = ("asks", *WEAK_SIGNALS)
    values = [v or 0 for v in row[2:]]
    return SignalHalves(
        interviews=row[0],
        since=None if row[1] is None else in_zone(row[1], now),
        before={name: values[2 * k] for k, name in enumerate(names)},
        after={name: values[2 * k + 1] for k, name in enumerate(names)},
    )


MIN_SIGNAL_INTERVIEWS = 4


# What each weak signal's share is called in a takeaway, as a whole sentence's subject.
SIGNAL_NOUNS = {
    "interrupted": N_("interruptions"),
    "confused": N_("confused looks"),
    "probed": N_("probing for details"),
}


def halves_of(shares: Sequence[SignalShares]) -> SignalHalves:
    """`insights.signal_halves` from per-interview shares already loaded."""
    split = later_start(len(shares))
    names = ("asks", *WEAK_SIGNALS)

    def total(part: Sequence[SignalShares]) -> dict[str, int]:
        return {name: sum(getattr(s, name) for s in part) for name in names}

    return SignalHalves(
        interviews=len(shares),
        since=shares[split].scheduled_at if shares else None,
        before=total(shares[:split]),
        after=total(shares[split:]),
    )


def _signal_split(halves: SignalHalves, signal: str) -> tuple[int, int, int, int]:
    before, after = halves.before, halves.after
    return before[signal], before["asks"], after[signal], after["asks"]


def fixes_enough(shares: Sequence[SignalShares] | SignalHalves) -> Takeaway | None:
    count = shares.interviews if isinstance(shares, SignalHalves) else len(shares)
    if count < MIN_SIGNAL_INTERVIEWS:
        return Takeaway(
            _(
                "Review at least {minimum} interviews with their questions to see "
                "whether the fixes work; you have {n}."
            ).format(minimum=MIN_SIGNAL_INTERVIEWS, n=count),
            enough=False,
        )
    return None


def _halves_from(shares: Sequence[SignalShares] | SignalHalves) -> SignalHalves:
    return shares if isinstance(shares, SignalHalves) else halves_of(shares)


def signal_takeaway(
    shares: Sequence[SignalShares] | SignalHalves, signal: str = "interrupted"
) -> Takeaway:
    """'Interruptions fell from 12% of answers to 6% since 4 February (4 of 34, then 2 of 33).'

    From per-interview shares, or from `insights.signal_halves` (cheaper: summed in SQL)."""
    short = fixes_enough(shares)
    if short:
        return short
    halves = _halves_from(shares)
    x, n, y, m = _signal_split(halves, signal)
    way, a, b = direction(x / n, y / m, percent)
    noun = _(SIGNAL_NOUNS[signal])
    sentence = {
        "rose": _(
            "{noun} rose from {before} of answers to {after} since {day} "
            "({x} of {n}, then {y} of {m})."
        ),
        "fell": _(
            "{noun} fell from {before} of answers to {after} since {day} "
            "({x} of {n}, then {y} of {m})."
        ),
        "held": _("{noun} held at {before} of answers since {day} ({x} of {n}, then {y} of {m})."),
    }[way]
    text = sentence.format(
        noun=noun, before=a, after=b, day=day_text(halves.since), x=x, n=n, y=y, m=m
    )
    return Takeaway(text[0].upper() + text[1:])


def fixes_takeaway(shares: Sequence[SignalShares] | SignalHalves) -> Takeaway:
    """All three weak signals in one line, earlier half against later half."""
    short = fixes_enough(shares)
    if short:
        return short
    halves = _halves_from(shares)
    parts = {}
    for signal, noun in SIGNAL_NOUNS.items():
        x, n, y, m = _signal_split(halves, signal)
        way, a, b = direction(x / n, y / m, percent)
        part = {
            "rose": _("{noun} rose from {before} to {after}"),
            "fell": _("{noun} fell from {before} to {after}"),
            "held": _("{noun} held at {before}"),
        }[way]
        parts[signal] = part.format(noun=_(noun), before=a, after=b)
    return Takeaway(
        _("Share of answers since {day}: {interrupted}; {confused}; {probed}.").format(
            day=day_text(halves.since), **parts
        )
    )


def signal_colours() -> dict[str, str]:
    """The weak signals' labels (in the language in use) -> colour names."""
    return {signal_label(signal): palette.SIGNAL[signal] for signal in WEAK_SIGNALS}


ROLLING = 3  # interviews in the fixes chart's trailing mean


@validated_once
def fixes_chart(shares: Sequence[SignalShares]) -> alt.LayerChart:
    """Share of interrupted, confused and probed answers per interview over time.

    Faded points are single interviews; the lines are the trailing mean of the last
    ROLLING interviews (a Vega window over the points drawn), which shows the trend
    through the noise of five or six answers per interview.
    """
    data = frame(
        [
            {
                "when": vega_time(s.scheduled_at),
                "company": s.company,
                "signal": signal_label(signal),
                "share": round(s.share(signal), 4),
                "count": getattr(s, signal),
                "asks": s.asks,
            }
            for s in shares
            for signal in ("interrupted", "confused", "probed")
        ]
    )
    base = alt.Chart().encode(
        x=alt.X("when:T", title=None, axis=day_axis()),
        color=alt.Color("signal:N", title=_("Signal"), scale=colour_scale(signal_colours())),
    )
    points = base.mark_circle(size=55, opacity=0.35).encode(
        y=alt.Y("share:Q", title=_("Share of answers"), axis=alt.Axis(format="%")),
        tooltip=[
            alt.Tooltip("company:N", title=_("Company")),
            date_tooltip("when"),
            alt.Tooltip("signal:N", title=_("Signal")),
            alt.Tooltip("count:Q", title=_("Answers with this signal")),
            alt.Tooltip("asks:Q", title=_("Answers recorded")),
            alt.Tooltip("share:Q", title=_("Share"), format=".0%"),
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

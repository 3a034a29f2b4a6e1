"""Earlier against later: the two halves of the interviews, by date, that every trend
takeaway compares (the later half gets the odd one out). Means of both halves are summed
in SQL (`mean_halves`) or from a per-interview list (`mean_halves_of`): both agree, and
tests check it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach.insights.filters import HELD, in_zone


@dataclass(frozen=True)
class MeanHalves:
    """A per-interview value, oldest first, split into an earlier and a later half (the
    later one starts at interview n // 2): the mean of each half."""

    count: int
    since: datetime | None  # the first later interview, in the candidate's zone
    before: float | None
    after: float | None


def mean_halves(
    cur: duckdb.DuckDBPyConnection, value: str, where: str, params: dict, now: datetime
) -> MeanHalves:
    """`value` over the held interviews `i` (with company `c`, review `r`) matching
    `where`; both are fixed fragments of this module."""
    row = cur.execute(
        f"""
        WITH numbered AS (
            SELECT i.scheduled_at, {value} AS value,
                   row_number() OVER (ORDER BY i.scheduled_at, i.id) - 1
                   >= count(*) OVER () // 2 AS later
            FROM interviews i
            JOIN companies c ON c.id = i.company_id
            JOIN reviews r ON r.interview_id = i.id
            WHERE {where} AND {HELD}
        )
        SELECT count(*), min(scheduled_at) FILTER (WHERE later),
               avg(value) FILTER (WHERE NOT later), avg(value) FILTER (WHERE later)
        FROM numbered
        """,  # noqa: S608 - fixed fragments only
        params,
    ).fetchone()
    return MeanHalves(row[0], None if row[1] is None else in_zone(row[1], now), row[2], row[3])


def direction(before: float, after: float, shown: Callable[[float], str]) -> tuple[str, str, str]:
    """('rose' | 'fell' | 'held', before, after) as `shown` writes them, judged on the
    shown values: a takeaway picks its whole sentence by the direction, so each
    language words the change its own way."""
    a, b = shown(before), shown(after)
    if a == b:
        return "held", a, b
    return ("rose" if after > before else "fell"), a, b


def one_decimal(value: float) -> str:
    """'2.8': a mean rating, always with its one decimal."""
    return format(value, ".1f")


def later_start(n: int) -> int:
    """Index of the first 'later' item."""
    return n // 2


def mean_halves_of(values: list[float], moments: list[datetime]) -> MeanHalves:
    """`insights.MeanHalves` of per-interview values already loaded, oldest first."""
    if not values:
        return MeanHalves(0, None, None, None)
    split = later_start(len(values))
    before = values[:split]
    return MeanHalves(
        len(values),
        moments[split],
        sum(before) / len(before) if before else None,
        sum(values[split:]) / (len(values) - split),
    )

"""Practice progress: cards by state, rehearsals today, and the streak of days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from coach.days import day_start, end_of_day, from_day_number, local_day_sql, start_of_day
from coach.scheduling import (
    utc,
)

STREAK_LOOKBACK_DAYS = 400


@dataclass(frozen=True)
class Progress:
    due_today: int  # as in today's queue: leeches wait for a rewrite instead
    due_next_7_days: int  # after today, within the next seven days
    rehearsed_today: int
    streak_days: int  # consecutive days with a rehearsal, up to today (or yesterday)
    streak_includes_today: bool
    active_cards: int
    total_cards: int
    leeches: int


def progress(cur: duckdb.DuckDBPyConnection, now: datetime) -> Progress:
    today, tomorrow = start_of_day(now), end_of_day(now)
    in_a_week = tomorrow + timedelta(days=7)
    due, week, active, total, leech_count = cur.execute(
        """
        SELECT count(*) FILTER (WHERE status = 'active' AND NOT is_leech AND due < ?),
               count(*) FILTER (WHERE status = 'active' AND NOT is_leech
                                AND due >= ? AND due < ?),
               count(*) FILTER (WHERE status = 'active'),
               count(*),
               count(*) FILTER (WHERE status = 'active' AND is_leech)
        FROM cards
        """,
        [tomorrow, tomorrow, in_a_week],
    ).fetchone()
    rehearsed = cur.execute(
        "SELECT count(*) FROM rehearsals WHERE rated_at >= ? AND rated_at < ?",
        [today, tomorrow],
    ).fetchone()[0]
    streak, includes_today = _streak(cur, now)
    return Progress(due, week, rehearsed, streak, includes_today, active, total, leech_count)


def _streak(cur: duckdb.DuckDBPyConnection, now: datetime) -> tuple[int, bool]:
    today = now.date()
    first = today - timedelta(days=STREAK_LOOKBACK_DAYS)
    day, zone_params = local_day_sql("rated_at", now.tzinfo, first, today)
    # Local calendar days with a rehearsal, counted in SQL; at most a few hundred rows.
    days = {
        from_day_number(row[0])
        for row in cur.execute(
            f"SELECT DISTINCT {day} FROM rehearsals WHERE rated_at >= $first",  # noqa: S608 - fixed fragments only
            {**zone_params, "first": utc(day_start(first, now.tzinfo))},
        ).fetchall()
    }
    includes_today = today in days
    day = today if includes_today else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak, includes_today

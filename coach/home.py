"""What to do next: the home page's summary of the journal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach.days import days_until, end_of_day
from coach.interviews import Interview, get_interview


@dataclass(frozen=True)
class NextSteps:
    is_empty: bool
    awaiting_review: list[Interview]
    cards_due_today: int
    cards_total: int
    next_target: Interview | None
    next_interview: Interview | None  # the soonest upcoming, of any kind
    open_actions: int

    def days_until(self, interview: Interview, now: datetime) -> int:
        """Calendar days from today to the interview's day, in the candidate's zone."""
        return days_until(interview.scheduled_at, now)


def next_steps(cur: duckdb.DuckDBPyConnection, now: datetime) -> NextSteps:
    """`now` must be aware, in the candidate's own zone (it decides where 'today' ends)."""
    counts = cur.execute(
        """
        SELECT (SELECT count(*) FROM interviews),
               -- Leeches wait for a rewrite, not a rehearsal (as on the Practice page).
               (SELECT count(*) FROM cards
                WHERE status = 'active' AND NOT is_leech AND due < ?),
               (SELECT count(*) FROM cards WHERE status = 'active'),
               (SELECT count(*) FROM actions WHERE status = 'open')
        """,
        [end_of_day(now)],
    ).fetchone()
    interviews, due_today, cards_total, open_actions = counts
    awaiting_ids = [
        row[0]
        for row in cur.execute(
            """
            SELECT i.id FROM interviews i LEFT JOIN reviews r ON r.interview_id = i.id
            WHERE i.scheduled_at <= ? AND coalesce(r.status, 'none') <> 'completed'
            ORDER BY i.scheduled_at DESC
            LIMIT 5
            """,
            [now],
        ).fetchall()
    ]
    next_target = _next_interview(cur, now, target_only=True)
    return NextSteps(
        is_empty=interviews == 0,
        awaiting_review=[get_interview(cur, i) for i in awaiting_ids],
        cards_due_today=due_today,
        cards_total=cards_total,
        next_target=next_target,
        next_interview=_next_interview(cur, now, target_only=False),
        open_actions=open_actions,
    )


def _next_interview(cur, now: datetime, *, target_only: bool) -> Interview | None:
    row = cur.execute(
        """
        SELECT i.id FROM interviews i JOIN companies c ON c.id = i.company_id
        WHERE i.scheduled_at > ? AND (NOT ? OR c.kind = 'target')
        ORDER BY i.scheduled_at LIMIT 1
        """,
        [now, target_only],
    ).fetchone()
    return get_interview(cur, row[0]) if row else None

"""Today's queue, cards ahead of schedule, leeches, and *Rehearse these* after a review.

- A card is *due today* when it is active and due before the end of the candidate's
  day (rehearsal is day-level, see `coach.scheduling`). Today's queue lists the cards
  rehearsed before first (soonest due first), then the new ones (never rehearsed,
  oldest first). Leeches are kept out of it: they are offered for rewriting instead.
- A *leech* is a card that lapsed `leech_threshold` times (a setting, default 4).
- *Rehearse these* after a review: the active cards of the questions that interview
  asked and the candidate answered weakly, in the order asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach.days import end_of_day, start_of_day
from coach.errors import NotFound
from coach.i18n import _
from coach.practice.cards import (
    CARD_COLUMNS,
    CARD_FILTERS,
    CARD_FROM,
    CardRow,
    card_row,
    filter_params,
)
from coach.review_rules import DOUBTED_ASK_SQL, WEAK_ASK_SQL
from coach.scheduling import (
    utc,
)

QUEUE_LIMIT = 50


@dataclass(frozen=True)
class Queue:
    cards: list[CardRow]  # due first, then new; at most `limit`
    due_count: int  # rehearsed before and due today
    new_count: int  # never rehearsed
    leech_count: int  # leeches kept out of the queue, waiting for a rewrite
    next_due: datetime | None  # the soonest due time after today, when the queue is empty

    @property
    def total(self) -> int:
        return self.due_count + self.new_count


def todays_queue(
    cur: duckdb.DuckDBPyConnection,
    now: datetime,
    *,
    dimension: str | None = None,
    company_id: int | None = None,
    limit: int = QUEUE_LIMIT,
) -> Queue:
    """Active cards due before the end of today: due ones first, then new ones."""
    until = end_of_day(now)
    filters = filter_params(dimension, company_id)
    rows = cur.execute(
        f"""
        SELECT {CARD_COLUMNS} {CARD_FROM}
        WHERE c.status = 'active' AND NOT c.is_leech AND c.due < ? {CARD_FILTERS}
        ORDER BY (c.last_review IS NULL), c.due, c.id
        LIMIT ?
        """,  # noqa: S608 - fixed fragments only
        [until, *filters, limit],
    ).fetchall()
    due_count, new_count, leeches, next_due = cur.execute(
        f"""
        SELECT count(*) FILTER (WHERE NOT c.is_leech AND c.due < ? AND c.last_review IS NOT NULL),
               count(*) FILTER (WHERE NOT c.is_leech AND c.due < ? AND c.last_review IS NULL),
               count(*) FILTER (WHERE c.is_leech),
               min(c.due) FILTER (WHERE NOT c.is_leech AND c.due >= ?)
        {CARD_FROM}
        WHERE c.status = 'active' {CARD_FILTERS}
        """,  # noqa: S608 - fixed fragments only
        [until, until, until, *filters],
    ).fetchone()
    return Queue(
        cards=[card_row(row) for row in rows],
        due_count=due_count,
        new_count=new_count,
        leech_count=leeches,
        next_due=None if next_due is None else utc(next_due),
    )


def ahead_of_schedule(
    cur: duckdb.DuckDBPyConnection,
    now: datetime,
    *,
    dimension: str | None = None,
    company_id: int | None = None,
    limit: int = QUEUE_LIMIT,
) -> list[CardRow]:
    """Cards not due today and not rehearsed today, soonest due first: practice ahead."""
    rows = cur.execute(
        f"""
        SELECT {CARD_COLUMNS} {CARD_FROM}
        WHERE c.status = 'active' AND NOT c.is_leech AND c.due >= ?
          AND (c.last_review IS NULL OR c.last_review < ?) {CARD_FILTERS}
        ORDER BY c.due, c.id
        LIMIT ?
        """,  # noqa: S608 - fixed fragments only
        [end_of_day(now), start_of_day(now), *filter_params(dimension, company_id), limit],
    ).fetchall()
    return [card_row(row) for row in rows]


def leeches(cur: duckdb.DuckDBPyConnection) -> list[CardRow]:
    """Active leeches, most lapses first: rewrite these rather than drill them."""
    rows = cur.execute(
        f"""
        SELECT {CARD_COLUMNS} {CARD_FROM}
        WHERE c.status = 'active' AND c.is_leech
        ORDER BY c.lapses DESC, c.id
        LIMIT 100
        """  # noqa: S608 - fixed fragments only
    ).fetchall()
    return [card_row(row) for row in rows]


@dataclass(frozen=True)
class InterviewCards:
    """The active cards of the questions one interview asked and the candidate answered
    weakly, or well but doubted (a prepare-evidence card), in the order asked: what
    "Rehearse these now" after a review rehearses."""

    interview_id: int
    title: str  # "Company · role · round"
    cards: list[CardRow]
    done_today: frozenset[int]  # rehearsed today already

    @property
    def remaining(self) -> list[CardRow]:
        return [c for c in self.cards if c.card_id not in self.done_today]


def interview_cards(
    cur: duckdb.DuckDBPyConnection, interview_id: int, now: datetime
) -> InterviewCards:
    found = cur.execute(
        "SELECT concat_ws(' · ', c.name, nullif(i.role, ''), nullif(i.round, ''))"
        " FROM interviews i JOIN companies c ON c.id = i.company_id WHERE i.id = ?",
        [interview_id],
    ).fetchone()
    if found is None:
        raise NotFound(
            _("That interview no longer exists; it may have been deleted in another tab.")
        )
    rows = cur.execute(
        f"""
        SELECT {CARD_COLUMNS}
        {CARD_FROM}
        JOIN asks a ON a.question_id = c.question_id
        WHERE a.interview_id = ? AND c.status = 'active'
          AND ({WEAK_ASK_SQL} OR {DOUBTED_ASK_SQL})
        QUALIFY row_number() OVER (PARTITION BY c.id ORDER BY a.position, a.id) = 1
        ORDER BY a.position, a.id
        """,  # noqa: S608 - fixed fragments only
        [interview_id],
    ).fetchall()
    cards = [card_row(row) for row in rows]
    today = start_of_day(now)
    return InterviewCards(
        interview_id=interview_id,
        title=found[0],
        cards=cards,
        done_today=frozenset(
            c.card_id for c in cards if c.last_review is not None and c.last_review >= today
        ),
    )

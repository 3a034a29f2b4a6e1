"""The card browser: every card, filtered, sorted and paged in SQL; retiring,
suspending, resetting and adding cards by hand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach import vocabulary
from coach.db import Journal
from coach.errors import InvalidInput
from coach.i18n import N_, _
from coach.practice.cards import CARD_COLUMNS, CARD_FROM, CardRow, card_row, reset_card
from coach.questions import add_question, check_dimension
from coach.recall import recall_params, recall_sql
from coach.scheduling import (
    ensure_card,
    scheduler_for,
)
from coach.text import clean_text

BROWSER_PAGE_SIZE = 50


BROWSER_SORTS = {
    "due": "c.due",
    "recall": "recall",
    "lapses": "c.lapses",
    "reps": "c.reps",
    "stability": "c.stability",
    "difficulty": "c.difficulty",
    "question": "lower(q.text)",
    "added": "c.created_at",
}


# Marked, not translated: shown with `_(SORT_LABELS[key])` in the language in use.
SORT_LABELS = {
    "due": N_("Due date"),
    "recall": N_("Predicted recall now"),
    "lapses": N_("Lapses"),
    "reps": N_("Reviews"),
    "stability": N_("Stability"),
    "difficulty": N_("Difficulty"),
    "question": N_("Question"),
    "added": N_("Date added"),
}


@dataclass(frozen=True)
class CardPage:
    rows: list[CardRow]
    total: int  # cards matching the filters
    offset: int
    limit: int

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(self.total / self.limit))


def browse_cards(
    cur: duckdb.DuckDBPyConnection,
    now: datetime,
    *,
    status: str | None = None,
    dimension: str | None = None,
    search: str = "",
    leeches_only: bool = False,
    sort: str = "due",
    descending: bool = False,
    offset: int = 0,
    limit: int = BROWSER_PAGE_SIZE,
) -> CardPage:
    """One page of cards, filtered and sorted in SQL (fast at tens of thousands of cards)."""
    if sort not in BROWSER_SORTS:
        raise InvalidInput(_("Unknown sort {sort!r}.").format(sort=sort))
    if status is not None and status not in vocabulary.CARD_STATUSES:
        raise InvalidInput(_("Unknown card status {status!r}.").format(status=status))
    search = clean_text(search, field=_("Search"), limit=500)
    scheduler = scheduler_for(cur, fuzzing=False)
    where = """
        WHERE ($status::VARCHAR IS NULL OR c.status = $status)
          AND ($dimension::VARCHAR IS NULL OR q.dimension = $dimension)
          AND ($search = '' OR contains(lower(q.text), lower($search)))
          AND (NOT $leeches_only OR c.is_leech)
    """
    where_params = {
        "status": status,
        "dimension": dimension,
        "search": search,
        "leeches_only": leeches_only,
    }
    direction = "DESC" if descending else "ASC"
    order = BROWSER_SORTS[sort]
    rows = cur.execute(
        f"""
        SELECT {CARD_COLUMNS}, {recall_sql()} AS recall {CARD_FROM}
        {where}
        ORDER BY {order} {direction} NULLS LAST, c.id
        LIMIT $limit OFFSET $offset
        """,  # noqa: S608 - fixed fragments and a whitelisted sort only
        {**recall_params(scheduler, now), **where_params, "limit": limit, "offset": max(0, offset)},
    ).fetchall()
    total = cur.execute(
        f"SELECT count(*) {CARD_FROM} {where}",  # noqa: S608 - fixed fragments only
        where_params,
    ).fetchone()[0]
    return CardPage([card_row(r, recall=r[13]) for r in rows], total, max(0, offset), limit)


def set_status(journal: Journal, card_ids: list[int], status: str) -> int:
    """Suspend, retire or resume cards; returns how many changed."""
    if status not in vocabulary.CARD_STATUSES:
        raise InvalidInput(_("Unknown card status {status!r}.").format(status=status))
    ids = [int(i) for i in card_ids]
    if not ids:
        return 0

    def work(cur: duckdb.DuckDBPyConnection) -> int:
        changed = cur.execute(
            "SELECT count(*) FROM cards WHERE list_contains(?, id) AND status <> ?", [ids, status]
        ).fetchone()[0]
        # status is a plain column, so this is allowed although rehearsals reference cards.
        cur.execute(
            "UPDATE cards SET status = ? WHERE list_contains(?, id) AND status <> ?",
            [status, ids, status],
        )
        return changed

    return journal.write(work)


def reset_cards(journal: Journal, card_ids: list[int], *, now: datetime) -> None:
    """Forget the cards' schedules: new again, due now, no lapses, not leeches."""

    def work(cur: duckdb.DuckDBPyConnection) -> None:
        for card_id in card_ids:
            reset_card(cur, int(card_id), now)

    journal.write(work)


@dataclass(frozen=True)
class BankQuestion:
    id: int
    text: str
    dimension: str


def questions_without_card(
    cur: duckdb.DuckDBPyConnection, *, limit: int = 2_000
) -> list[BankQuestion]:
    """Bank questions that are not cards yet, most asked first."""
    rows = cur.execute(
        """
        SELECT q.id, q.text, q.dimension FROM questions q
        WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.question_id = q.id)
        ORDER BY (SELECT count(*) FROM asks a WHERE a.question_id = q.id) DESC, q.id DESC
        LIMIT ?
        """,
        [limit],
    ).fetchall()
    return [BankQuestion(*row) for row in rows]


def add_card(journal: Journal, question_id: int, *, now: datetime) -> tuple[int, bool]:
    """Make a bank question a card, due now; returns (card id, whether it was new).

    A retired or suspended card of the question is resumed.
    """

    def work(cur: duckdb.DuckDBPyConnection) -> tuple[int, bool]:
        card_id, created = ensure_card(cur, question_id, origin="manual", now=now)
        if not created:
            cur.execute(
                "UPDATE cards SET status = 'active' WHERE id = ? AND status <> 'active'",
                [card_id],
            )
        return card_id, created

    return journal.write(work)


def add_question_card(
    journal: Journal, text: str, dimension: str, *, now: datetime
) -> tuple[int, bool]:
    """Add a new question to the bank and make it a card (or reuse the same question)."""

    def work(cur: duckdb.DuckDBPyConnection) -> tuple[int, bool]:
        check_dimension(cur, dimension)
        existing = cur.execute(
            "SELECT id FROM questions WHERE lower(trim(text)) = lower(trim(?)) LIMIT 1", [text]
        ).fetchone()
        question_id = existing[0] if existing else add_question(cur, text, dimension, now=now)
        card_id, created = ensure_card(cur, question_id, origin="manual", now=now)
        cur.execute(
            "UPDATE cards SET status = 'active' WHERE id = ? AND status <> 'active'", [card_id]
        )
        return card_id, created

    return journal.write(work)

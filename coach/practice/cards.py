"""Cards as every practice list shows them: the row, the SQL that reads it, the
filters by dimension and company, and starting a card afresh.

Retrievability for many cards is computed in SQL with fsrs's own forgetting curve
(`coach.recall`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import fsrs

from coach.errors import NotFound
from coach.i18n import _
from coach.scheduling import (
    card_columns,
    utc,
)
from coach.vocabulary import dimension_label


@dataclass(frozen=True)
class CardRow:
    """A card with its question, as the queue, cram list and card browser show it."""

    card_id: int
    question_id: int
    question: str
    dimension: str
    dimension_label: str
    status: str
    due: datetime
    last_review: datetime | None
    stability: float | None
    difficulty: float | None
    reps: int
    lapses: int
    is_leech: bool
    recall: float | None = None  # predicted recall at the time the list was asked for

    @property
    def is_new(self) -> bool:
        """Never rehearsed (or reset): fsrs has no memory state for it yet."""
        return self.last_review is None


CARD_COLUMNS = """
    c.id, c.question_id, q.text, q.dimension, coalesce(d.label, q.dimension), c.status,
    c.due, c.last_review, c.stability, c.difficulty, c.reps, c.lapses, c.is_leech
"""


CARD_FROM = """
    FROM cards c
    JOIN questions q ON q.id = c.question_id
    LEFT JOIN dimensions d ON d.key = q.dimension
"""


# Filters shared by the queue and the cram list; parameters: dimension twice, company twice.
CARD_FILTERS = """
    AND (?::VARCHAR IS NULL OR q.dimension = ?)
    AND (?::BIGINT IS NULL OR EXISTS (
        SELECT 1 FROM asks a JOIN interviews i ON i.id = a.interview_id
        WHERE a.question_id = c.question_id AND i.company_id = ?))
"""


def card_row(row: tuple, recall: float | None = None) -> CardRow:
    values = list(row[:13])
    values[6] = utc(values[6])
    values[7] = None if values[7] is None else utc(values[7])
    values[4] = dimension_label(values[3], values[4])
    return CardRow(*values, recall=recall)


def filter_params(dimension: str | None, company_id: int | None) -> list[Any]:
    return [dimension, dimension, company_id, company_id]


def reset_card(cur: duckdb.DuckDBPyConnection, card_id: int, now: datetime) -> None:
    # Plain columns only: cards is referenced by rehearsals (see coach.migrations).
    if cur.execute("SELECT 1 FROM cards WHERE id = ?", [card_id]).fetchone() is None:
        raise NotFound(_("That card no longer exists; it may have been deleted in another tab."))
    columns = card_columns(fsrs.Card(card_id=card_id, due=utc(now)))
    cur.execute(
        """
        UPDATE cards
        SET fsrs_state = ?, fsrs_step = ?, stability = ?, difficulty = ?, due = ?,
            last_review = ?, lapses = 0, is_leech = false
        WHERE id = ?
        """,
        [*columns.values(), card_id],
    )


def card_dimensions(cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Dimension key -> label, for the dimensions that have cards, in the usual order."""
    return {
        key: dimension_label(key, label)
        for key, label in cur.execute(
            """
            SELECT d.key, d.label FROM dimensions d
            WHERE EXISTS (SELECT 1 FROM cards c JOIN questions q ON q.id = c.question_id
                          WHERE q.dimension = d.key)
            ORDER BY d.position, d.key
            """
        ).fetchall()
    }


def card_companies(cur: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """Company id -> name, for companies that asked a question that is a card."""
    return dict(
        cur.execute(
            """
            SELECT co.id, co.name FROM companies co
            WHERE EXISTS (
                SELECT 1 FROM interviews i JOIN asks a ON a.interview_id = i.id
                JOIN cards c ON c.question_id = a.question_id
                WHERE i.company_id = co.id)
            ORDER BY lower(co.name), co.id
            """
        ).fetchall()
    )

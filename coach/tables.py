"""The journal's tables as export and import see them: order, keys, references, columns.

Every table listed here is exported whole and merged on import. A new table is added
to `TABLES` after its parents, with its foreign keys in `REFERENCES`; how its rows
are told apart across journals is decided by the identity convention written in
coach.migrations ("Row identity").
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

# Tables in the order they can be inserted (parents first), with their id sequence.
TABLES: dict[str, str | None] = {
    "settings": None,
    "dimensions": None,
    "companies": "company_ids",
    "interviews": "interview_ids",
    "reviews": None,
    "transcripts": "transcript_ids",
    "questions": "question_ids",
    "asks": "ask_ids",
    "answers": "answer_ids",
    "stories": "story_ids",
    "story_uses": None,
    "actions": "action_ids",
    "cards": "card_ids",
    "rehearsals": "rehearsal_ids",
    "predictions": "prediction_ids",
    "predicted_questions": None,
}

# Foreign keys kept as plain columns: (table, column) -> parent table.
REFERENCES = {
    ("interviews", "company_id"): "companies",
    ("reviews", "interview_id"): "interviews",
    ("transcripts", "interview_id"): "interviews",
    ("asks", "interview_id"): "interviews",
    ("asks", "question_id"): "questions",
    ("answers", "question_id"): "questions",
    ("answers", "ask_id"): "asks",
    ("story_uses", "interview_id"): "interviews",
    ("story_uses", "story_id"): "stories",
    ("story_uses", "bridge_ask_id"): "asks",
    ("actions", "interview_id"): "interviews",
    ("cards", "question_id"): "questions",
    ("rehearsals", "card_id"): "cards",
    ("questions", "dimension"): "dimensions",
    ("predictions", "interview_id"): "interviews",
    ("predicted_questions", "prediction_id"): "predictions",
    ("predicted_questions", "question_id"): "questions",
}

UID = "uid"  # the identity column of a table whose rows have their own id


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    has_default: bool


def columns(cur: duckdb.DuckDBPyConnection, table: str) -> list[Column]:
    rows = cur.execute(
        """
        SELECT column_name, data_type, is_nullable = 'YES', column_default IS NOT NULL
        FROM information_schema.columns
        -- The journal's own catalogue only: a backup copy being written is attached
        -- under another catalogue with the same tables (coach.backups).
        WHERE table_catalog = current_database() AND table_schema = 'main'
          AND table_name = ?
        ORDER BY ordinal_position
        """,
        [table],
    ).fetchall()
    return [Column(*row) for row in rows]


def primary_key(table: str) -> tuple[str, ...]:
    return {
        "settings": ("key",),
        "dimensions": ("key",),
        "reviews": ("interview_id",),
        "story_uses": ("interview_id", "story_id"),
        "predicted_questions": ("prediction_id", "question_id"),
    }.get(table, ("id",))


def references_of(table: str) -> dict[str, str]:
    """The table's foreign-key columns: column -> parent table."""
    return {column: parent for (child, column), parent in REFERENCES.items() if child == table}

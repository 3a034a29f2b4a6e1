"""Export and import of the whole journal as one versioned JSON document.

The document holds every row of every journal table, so export → import into an
empty journal → export gives the same document. Importing validates the whole file
before touching the journal, then applies it in one transaction: a bad file changes
nothing, and the message says what is wrong and where.

Importing into a journal that already has data merges: a company with the same name,
a question with the same wording, a story with the same title, an interview at the
same company, time, role and round are the same thing and are not added twice (nor
is what was recorded in a duplicate interview). Rows that are new get fresh ids when
the journal already has rows, and keep their ids when it is empty.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from coach import vocabulary as v
from coach.db import Journal, read_version, schema_version
from coach.errors import InvalidInput

FORMAT = "interview-coach-journal"
FORMAT_VERSION = 1

# Tables in the order they can be inserted (parents first), with their sequence.
TABLES: dict[str, str | None] = {
    "settings": None,
    "dimensions": None,
    "companies": "company_ids",
    "interviews": "interview_ids",
    "reviews": None,
    "questions": "question_ids",
    "asks": "ask_ids",
    "answers": "answer_ids",
    "stories": "story_ids",
    "story_uses": None,
    "actions": "action_ids",
    "cards": "card_ids",
    "rehearsals": "rehearsal_ids",
}

# Foreign keys kept as plain columns: (table, column) -> parent table.
REFERENCES = {
    ("interviews", "company_id"): "companies",
    ("reviews", "interview_id"): "interviews",
    ("asks", "interview_id"): "interviews",
    ("asks", "question_id"): "questions",
    ("answers", "question_id"): "questions",
    ("answers", "ask_id"): "asks",
    ("story_uses", "interview_id"): "interviews",
    ("story_uses", "story_id"): "stories",
    ("actions", "interview_id"): "interviews",
    ("cards", "question_id"): "questions",
    ("rehearsals", "card_id"): "cards",
    ("questions", "dimension"): "dimensions",
}

ALLOWED = {
    ("companies", "kind"): v.COMPANY_KINDS,
    ("interviews", "format"): v.INTERVIEW_FORMATS,
    ("interviews", "outcome"): v.OUTCOMES,
    ("reviews", "status"): v.REVIEW_STATUSES,
    ("reviews", "depth"): {"deep": "", "refine": ""},
    ("reviews", "overall_rating"): v.OVERALL_RATINGS,
    ("reviews", "self_state"): v.SELF_STATES,
    ("reviews", "interviewer_reaction"): v.INTERVIEWER_REACTIONS,
    ("reviews", "harmony"): dict.fromkeys(range(1, 6)),
    ("reviews", "pace"): v.PACES,
    ("asks", "self_score"): v.SELF_SCORES,
    ("asks", "signal"): v.SIGNALS,
    ("asks", "cause"): v.CAUSES,
    ("answers", "source"): v.ANSWER_SOURCES,
    ("story_uses", "use"): v.STORY_USES,
    ("actions", "aspect"): v.ASPECTS,
    ("actions", "source"): v.ACTION_SOURCES,
    ("actions", "status"): v.ACTION_STATUSES,
    ("cards", "origin"): {"weak_ask": "", "manual": ""},
    ("cards", "status"): v.CARD_STATUSES,
    ("cards", "fsrs_state"): dict.fromkeys(range(1, 4)),
    ("rehearsals", "grade"): v.GRADES,
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    has_default: bool


def _columns(cur: duckdb.DuckDBPyConnection, table: str) -> list[Column]:
    rows = cur.execute(
        """
        SELECT column_name, data_type, is_nullable = 'YES', column_default IS NOT NULL
        FROM information_schema.columns
        WHERE table_schema = 'main' AND table_name = ?
        ORDER BY ordinal_position
        """,
        [table],
    ).fetchall()
    return [Column(*row) for row in rows]


def _primary_key(table: str) -> tuple[str, ...]:
    return {
        "settings": ("key",),
        "dimensions": ("key",),
        "reviews": ("interview_id",),
        "story_uses": ("interview_id", "story_id"),
    }.get(table, ("id",))


# -- export -------------------------------------------------------------------------


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, list):
        return [_to_json(item) for item in value]
    return value


def export_document(cur: duckdb.DuckDBPyConnection, *, now: datetime) -> dict[str, Any]:
    """The whole journal as a JSON-ready dict (one consistent snapshot)."""
    cur.execute("BEGIN TRANSACTION")
    try:
        tables = {}
        for table in TABLES:
            names = [c.name for c in _columns(cur, table)]
            order = ", ".join(_primary_key(table))
            rows = cur.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()  # noqa: S608
            tables[table] = [
                {name: _to_json(value) for name, value in zip(names, row, strict=True)}
                for row in rows
            ]
    finally:
        cur.execute("ROLLBACK")
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": read_version(cur),
        "exported_at": now.astimezone(UTC).isoformat(),
        "tables": tables,
    }


def export_json(cur: duckdb.DuckDBPyConnection, *, now: datetime) -> str:
    return json.dumps(export_document(cur, now=now), ensure_ascii=False, indent=1) + "\n"


# -- validation ---------------------------------------------------------------------


class _Problems:
    """Collects what is wrong with a document, with where; reports the first few."""

    LIMIT = 10

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, what: str) -> None:
        self.items.append(f"{where}: {what}")

    def raise_if_any(self) -> None:
        if not self.items:
            return
        shown = self.items[: self.LIMIT]
        more = len(self.items) - len(shown)
        raise InvalidInput(
            "The file was not imported; your journal is unchanged. "
            + ("Problem: " if len(self.items) == 1 else "Problems: ")
            + "; ".join(shown)
            + (f"; and {more} more." if more else ".")
        )


def _parse_value(column: Column, value: Any) -> tuple[Any, str | None]:
    """The Python value to insert, or an error text."""
    if value is None:
        if column.nullable:
            return None, None
        return None, f"“{column.name}” cannot be empty"
    kind = column.type
    if kind in ("BIGINT", "INTEGER", "SMALLINT"):
        if isinstance(value, bool) or not isinstance(value, int):
            return None, f"“{column.name}” must be a whole number, not {value!r:.40}"
        return value, None
    if kind == "DOUBLE":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, f"“{column.name}” must be a number, not {value!r:.40}"
        if not math.isfinite(value):
            return None, f"“{column.name}” must be a finite number"
        return float(value), None
    if kind == "BOOLEAN":
        if not isinstance(value, bool):
            return None, f"“{column.name}” must be true or false, not {value!r:.40}"
        return value, None
    if kind == "VARCHAR":
        if not isinstance(value, str):
            return None, f"“{column.name}” must be text, not {value!r:.40}"
        if "\x00" in value:
            return None, f"“{column.name}” contains a NUL character"
        return value, None
    if kind == "VARCHAR[]":
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            return None, f"“{column.name}” must be a list of texts"
        return value, None
    if kind == "TIMESTAMP WITH TIME ZONE":
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            return None, f"“{column.name}” must be an ISO date-time with a zone, not {value!r:.40}"
        return moment.astimezone(UTC), None
    if kind == "BLOB":
        try:
            return base64.b64decode(value, validate=True), None
        except (ValueError, TypeError):
            return None, f"“{column.name}” must be base64 text"
    raise AssertionError(f"unhandled column type {kind}")  # a migration added one


def _is_text_list(value: str) -> bool:
    try:
        items = json.loads(value)
    except json.JSONDecodeError:
        return False
    return isinstance(items, list) and all(isinstance(item, str) for item in items)


@dataclass
class _Parsed:
    """The validated rows of a document, per table, as lists of column dicts."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def parse_document(cur: duckdb.DuckDBPyConnection, text: str | bytes) -> _Parsed:
    """Validate a whole export document; raise InvalidInput listing what is wrong."""
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InvalidInput(
            f"The file was not imported; your journal is unchanged. It is not valid JSON: {error}."
        ) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput(
            "The file was not imported; your journal is unchanged. It is not an Interview "
            "Coach export (its “format” is not “interview-coach-journal”)."
        )
    if document.get("format_version") != FORMAT_VERSION:
        raise InvalidInput(
            "The file was not imported; your journal is unchanged. It uses export format "
            f"version {document.get('format_version')!r}; this version reads {FORMAT_VERSION}."
        )
    if not isinstance(document.get("schema_version"), int) or (
        document["schema_version"] > schema_version()
    ):
        raise InvalidInput(
            "The file was not imported; your journal is unchanged. It was exported by a "
            "newer version of Interview Coach; update Interview Coach to import it."
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise InvalidInput(
            "The file was not imported; your journal is unchanged. It has no “tables”."
        )
    problems = _Problems()
    for name in tables:
        if name not in TABLES:
            problems.add(f"tables.{name}", "is not a journal table")
    parsed = _Parsed()
    for table in TABLES:
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            problems.add(f"tables.{table}", "must be a list of rows")
            continue
        parsed.tables[table] = _parse_rows(cur, table, rows, problems)
    _check_references(parsed, problems)
    problems.raise_if_any()
    return parsed


def _parse_rows(cur, table: str, rows: list, problems: _Problems) -> list[dict[str, Any]]:
    columns = {c.name: c for c in _columns(cur, table)}
    parsed = []
    seen_keys = set()
    for index, row in enumerate(rows):
        where = f"tables.{table}[{index}]"
        if not isinstance(row, dict):
            problems.add(where, "must be an object of column values")
            continue
        for name in row:
            if name not in columns:
                problems.add(where, f"has an unknown column “{name}”")
        values = {}
        for column in columns.values():
            if column.name not in row:
                if not column.nullable and not column.has_default:
                    problems.add(where, f"lacks “{column.name}”")
                continue
            value, error = _parse_value(column, row[column.name])
            if error:
                problems.add(where, error)
                continue
            if (table, column.name) == ("stories", "skills") and not _is_text_list(value):
                problems.add(where, "“skills” must be a JSON array of texts")
                continue
            allowed = ALLOWED.get((table, column.name))
            if allowed is not None and value is not None and value not in allowed:
                problems.add(where, f"“{column.name}” cannot be {value!r:.40}")
                continue
            values[column.name] = value
        key = tuple(values.get(k) for k in _primary_key(table))
        if None not in key:
            if key in seen_keys:
                problems.add(where, f"repeats the key {key if len(key) > 1 else key[0]!r}")
            seen_keys.add(key)
        parsed.append(values)
    return parsed


def _check_references(parsed: _Parsed, problems: _Problems) -> None:
    keys = {
        table: {row.get(_primary_key(table)[0]) for row in rows}
        for table, rows in parsed.tables.items()
    }
    builtin_dimensions = set(v.DIMENSIONS)
    for (table, column), parent in REFERENCES.items():
        known = keys[parent] | (builtin_dimensions if parent == "dimensions" else set())
        for index, row in enumerate(parsed.tables[table]):
            value = row.get(column)
            if value is not None and value not in known:
                problems.add(
                    f"tables.{table}[{index}]",
                    f"“{column}” refers to {parent} {value!r}, which is not in the file",
                )


# -- import -------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportSummary:
    added: dict[str, int]
    merged: dict[str, int]  # rows recognised as already in the journal

    def describe(self) -> str:
        added = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in self.added.items() if n)
        merged = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in self.merged.items() if n)
        text = f"Imported {added or 'nothing new'}."
        return text + (f" Already in your journal: {merged}." if merged else "")


# Natural keys that make two rows the same thing when merging, per table.
_NATURAL: dict[str, Callable[[dict[str, Any]], Any]] = {
    "companies": lambda r: r["name"].strip().casefold(),
    "questions": lambda r: " ".join(r["text"].split()).casefold(),
    "stories": lambda r: r["title"].strip().casefold(),
    "interviews": lambda r: (
        r["company_id"],
        r["scheduled_at"],
        r.get("role", ""),
        r.get("round", ""),
    ),
    "answers": lambda r: (r["question_id"], r["text"]),
    "actions": lambda r: (r.get("interview_id"), r["text"]),
    "cards": lambda r: r["question_id"],
}


def import_json(journal: Journal, text: str | bytes) -> ImportSummary:
    """Validate `text` fully, then merge it into the journal in one transaction."""
    cur = journal.cursor()
    try:
        parsed = parse_document(cur, text)
    finally:
        cur.close()
    return journal.write(lambda cur: _Merge(cur).apply(parsed))


# Merged rows whose recorded children are already in the journal too: the children
# of a duplicate interview or card are skipped rather than added a second time.
_ABSORBING = {"interviews", "cards"}


class _Merge:
    def __init__(self, cur: duckdb.DuckDBPyConnection) -> None:
        self.cur = cur
        self.ids: dict[str, dict[Any, Any]] = {}  # table -> {key in file: key in journal}
        self.absorbed: dict[str, set[Any]] = {t: set() for t in _ABSORBING}
        self.added: dict[str, int] = {}
        self.merged: dict[str, int] = {}

    def apply(self, parsed: _Parsed) -> ImportSummary:
        for table, sequence in TABLES.items():
            self.ids[table] = {}
            existing = self._existing(table)
            new_rows = []
            for row in parsed.tables.get(table, []):
                original = self._key(table, row)
                row = self._remap(table, row)
                if row is None:
                    self._count(self.merged, table)
                    continue
                match = existing.get(self._natural(table, row))
                if match is not None:
                    self._count(self.merged, table)
                    if table in _ABSORBING:
                        self.absorbed[table].add(original)
                    else:
                        self.ids[table][original] = match
                    continue
                existing[self._natural(table, row)] = original  # duplicates within the file
                new_rows.append((original, row))
            if sequence:
                self._assign_ids(table, new_rows)
            for original, row in new_rows:
                self.ids[table][original] = self._key(table, row)
            self._insert(table, [row for _, row in new_rows])
            if sequence and new_rows:
                _advance_sequence(self.cur, table, sequence)
            self.added[table] = len(new_rows)
        return ImportSummary(added=self.added, merged=self.merged)

    @staticmethod
    def _count(counter: dict[str, int], table: str) -> None:
        counter[table] = counter.get(table, 0) + 1

    @staticmethod
    def _key(table: str, row: dict[str, Any]) -> Any:
        key = tuple(row.get(k) for k in _primary_key(table))
        return key[0] if len(key) == 1 else key

    @staticmethod
    def _natural(table: str, row: dict[str, Any]) -> Any:
        natural = _NATURAL.get(table)
        return natural(row) if natural else _Merge._key(table, row)

    def _remap(self, table: str, row: dict[str, Any]) -> dict[str, Any] | None:
        """The row with references translated to journal keys; None to skip it."""
        row = dict(row)
        for (child, column), parent in REFERENCES.items():
            value = row.get(column)
            if child != table or value is None:
                continue
            if (table, column) == ("answers", "ask_id") and value not in self.ids[parent]:
                row[column] = None  # its ask belonged to a duplicate interview
                continue
            if value in self.absorbed.get(parent, ()):
                return None  # recorded in a duplicate: already in the journal
            row[column] = self.ids[parent].get(value, value)
        return row

    def _existing(self, table: str) -> dict[Any, Any]:
        """Natural key -> journal key, for the rows already in the journal."""
        names = [c.name for c in _columns(self.cur, table)]
        rows = self.cur.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608 - fixed
        found = {}
        for row in rows:
            values = dict(zip(names, row, strict=True))
            if isinstance(values.get("scheduled_at"), datetime):
                values["scheduled_at"] = values["scheduled_at"].astimezone(UTC)
            found[self._natural(table, values)] = self._key(table, values)
        return found

    def _assign_ids(self, table: str, new_rows: list) -> None:
        """Keep the file's ids in an empty table; otherwise number after the journal's."""
        empty, next_id = self.cur.execute(
            f"SELECT count(*) = 0, coalesce(max(id), 0) + 1 FROM {table}"  # noqa: S608
        ).fetchone()
        if empty and all(row.get("id") is not None for _, row in new_rows):
            return
        for _, row in new_rows:
            row["id"] = next_id
            next_id += 1

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        # Rows are grouped by the columns they give; the others take their defaults.
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(tuple(row), []).append(row)
        for names, group in groups.items():
            placeholders = ", ".join("?" for _ in names)
            self.cur.executemany(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders})",  # noqa: S608
                [[row[name] for name in names] for row in group],
            )


def _advance_sequence(cur, table: str, sequence: str) -> None:
    # DuckDB has no setval: draw from the sequence until it passes the largest id.
    cur.execute(
        f"SELECT max(nextval('{sequence}')) FROM range("  # noqa: S608 - fixed names
        f"  (SELECT coalesce(max(id), 0) FROM {table}))"
    ).fetchall()

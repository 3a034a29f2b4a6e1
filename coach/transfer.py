"""Export and import of the whole journal as one versioned JSON document.

The document holds every row of every journal table, so export → import into an
empty journal → export gives the same document. Importing validates the whole file
before touching the journal, then applies it in one transaction: a bad file changes
nothing, and the message says what is wrong and where.

Importing into a journal that already has data merges, by each row's identity
(coach.merge): a row already in the journal is not added twice, every other row is
added, and the summary says which and why. Files of format version 1, written before
rows had identities, still import: their rows are added as new.
"""

from __future__ import annotations

import base64
import json
import math
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from coach import fields, merge
from coach import vocabulary as v
from coach.db import Journal, read_version, schema_version
from coach.errors import InvalidInput, JournalError
from coach.merge import ImportSummary
from coach.tables import REFERENCES, TABLES, UID, Column
from coach.tables import columns as _columns
from coach.tables import primary_key as _primary_key

__all__ = ["REFERENCES", "TABLES", "ImportSummary", "export_json", "import_json"]

FORMAT = "interview-coach-journal"
# 2: rows carry their identity (`uid`; coach.migrations, "Row identity").
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)


# -- export -------------------------------------------------------------------------


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, uuid.UUID):
        return str(value)
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


# The whole numbers each integer type holds: a larger one would fail inside DuckDB.
_INTEGER_BITS = {"BIGINT": 64, "INTEGER": 32, "SMALLINT": 16}


def _parse_value(column: Column, value: Any) -> tuple[Any, str | None]:
    """The Python value to insert, or an error text."""
    if value is None:
        if column.nullable:
            return None, None
        return None, f"“{column.name}” cannot be empty"
    kind = column.type
    if kind in _INTEGER_BITS:
        if isinstance(value, bool) or not isinstance(value, int):
            return None, f"“{column.name}” must be a whole number, not {value!r:.40}"
        if abs(value) >= 2 ** (_INTEGER_BITS[kind] - 1):
            return None, f"“{column.name}” is too large a number ({value:.3g})"
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
        return moment, None  # its rule (coach.fields) checks the year and converts to UTC
    if kind == "BLOB":
        if not isinstance(value, str):
            return None, f"“{column.name}” must be base64 text"
        try:
            return base64.b64decode(value, validate=True), None
        except ValueError:
            return None, f"“{column.name}” must be base64 text"
    if kind == "UUID":
        return value, None  # its rule (coach.fields) reads the identity
    raise AssertionError(f"unhandled column type {kind}")  # a migration added one


@dataclass
class _Parsed:
    """The validated rows of a document, per table, as lists of column dicts."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION


def parse_document(cur: duckdb.DuckDBPyConnection, text: str | bytes) -> _Parsed:
    """Validate a whole export document; raise InvalidInput listing what is wrong."""
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InvalidInput(
            f"The file was not imported; your journal is unchanged. It is not valid JSON: {error}."
        ) from error
    except RecursionError as error:
        raise InvalidInput(
            "The file was not imported; your journal is unchanged. Its JSON is nested too "
            "deeply to be an Interview Coach export."
        ) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput(
            "The file was not imported; your journal is unchanged. It is not an Interview "
            "Coach export (its “format” is not “interview-coach-journal”)."
        )
    if document.get("format_version") not in READABLE_VERSIONS:
        raise InvalidInput(
            "The file was not imported; your journal is unchanged. It uses export format "
            f"version {document.get('format_version')!r}; this version reads versions "
            f"{' and '.join(map(str, READABLE_VERSIONS))}. If it came from a newer Interview "
            "Coach, update Interview Coach to import it."
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
    parsed = _Parsed(format_version=document["format_version"])
    for table in TABLES:
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            problems.add(f"tables.{table}", "must be a list of rows")
            rows = []
        parsed.tables[table] = _parse_rows(cur, table, rows, problems)
    _check_references(parsed, problems)
    _check_identities(parsed, problems)
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
            if (table, column.name) in fields.RULES:  # the same rule as the forms'
                try:
                    value = fields.check(table, column.name, value)
                except JournalError as refused:
                    problems.add(where, f"“{column.name}”: {str(refused).rstrip('.')}")
                    continue
            values[column.name] = value
        try:
            fields.check_row(table, values)
        except JournalError as refused:
            problems.add(where, str(refused).rstrip("."))
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


def _check_identities(parsed: _Parsed, problems: _Problems) -> None:
    """Two rows of one table may not claim the same identity."""
    for table, rows in parsed.tables.items():
        seen: set[uuid.UUID] = set()
        for index, row in enumerate(rows):
            identity = row.get(UID)
            if identity is None:
                continue
            if identity in seen:
                problems.add(f"tables.{table}[{index}]", f"repeats the identity {identity}")
            seen.add(identity)


# -- import -------------------------------------------------------------------------


def import_json(journal: Journal, text: str | bytes) -> ImportSummary:
    """Validate `text` fully, then merge it into the journal in one transaction."""
    cur = journal.cursor()
    try:
        parsed = parse_document(cur, text)
    finally:
        cur.close()
    try:
        return journal.write(
            lambda cur: merge.merge(cur, parsed.tables, with_identities=parsed.format_version >= 2)
        )
    except duckdb.ConstraintException as error:  # a rule the checks above do not know
        raise InvalidInput(
            "The file was not imported; your journal is unchanged. A row in it breaks a "
            f"rule of the journal: {str(error).splitlines()[0]}"
        ) from error

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

from coach import fields, i18n, merge, wording
from coach import vocabulary as v
from coach.db import Journal, read_version, schema_version
from coach.errors import InvalidInput, JournalError
from coach.i18n import N_, _
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
        # `where` names the file's own keys (tables.companies[3]): they stay as written.
        self.items.append(_("{where}: {what}").format(where=where, what=what))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        shown = self.items[: self.LIMIT]
        more = len(self.items) - len(shown)
        listed = ("；" if i18n.is_chinese() else "; ").join(shown)
        if len(self.items) == 1:
            message = _(
                "The file was not imported; your journal is unchanged. Problem: {problems}."
            )
        elif more:
            message = _(
                "The file was not imported; your journal is unchanged. Problems: {problems}; "
                "and {n} more."
            )
        else:
            message = _(
                "The file was not imported; your journal is unchanged. Problems: {problems}."
            )
        raise InvalidInput(message.format(problems=listed, n=more))


# The whole numbers each integer type holds: a larger one would fail inside DuckDB.
_INTEGER_BITS = {"BIGINT": 64, "INTEGER": 32, "SMALLINT": 16}


def _parse_value(column: Column, value: Any) -> tuple[Any, str | None]:
    """The Python value to insert, or an error text."""
    if value is None:
        if column.nullable:
            return None, None
        return None, _("“{column}” cannot be empty").format(column=column.name)
    kind = column.type
    if kind in _INTEGER_BITS:
        if isinstance(value, bool) or not isinstance(value, int):
            return None, _("“{column}” must be a whole number, not {value}").format(
                column=column.name, value=f"{value!r:.40}"
            )
        if abs(value) >= 2 ** (_INTEGER_BITS[kind] - 1):
            return None, _("“{column}” is too large a number ({value})").format(
                column=column.name, value=f"{value:.3g}"
            )
        return value, None
    if kind == "DOUBLE":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, _("“{column}” must be a number, not {value}").format(
                column=column.name, value=f"{value!r:.40}"
            )
        if not math.isfinite(value):
            return None, _("“{column}” must be a finite number").format(column=column.name)
        return float(value), None
    if kind == "BOOLEAN":
        if not isinstance(value, bool):
            return None, _("“{column}” must be true or false, not {value}").format(
                column=column.name, value=f"{value!r:.40}"
            )
        return value, None
    if kind == "VARCHAR":
        if not isinstance(value, str):
            return None, _("“{column}” must be text, not {value}").format(
                column=column.name, value=f"{value!r:.40}"
            )
        if "\x00" in value:
            return None, _("“{column}” contains a NUL character").format(column=column.name)
        return value, None
    if kind == "VARCHAR[]":
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            return None, _("“{column}” must be a list of texts").format(column=column.name)
        return value, None
    if kind == "TIMESTAMP WITH TIME ZONE":
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            return None, _("“{column}” must be an ISO date-time with a zone, not {value}").format(
                column=column.name, value=f"{value!r:.40}"
            )
        return moment, None  # its rule (coach.fields) checks the year and converts to UTC
    if kind == "BLOB":
        if not isinstance(value, str):
            return None, _("“{column}” must be base64 text").format(column=column.name)
        try:
            return base64.b64decode(value, validate=True), None
        except ValueError:
            return None, _("“{column}” must be base64 text").format(column=column.name)
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
            _(
                "The file was not imported; your journal is unchanged. It is not valid JSON: "
                "{error}."
            ).format(error=_json_problem(error))
        ) from error
    except RecursionError as error:
        raise InvalidInput(
            _(
                "The file was not imported; your journal is unchanged. Its JSON is nested too "
                "deeply to be an Interview Coach export."
            )
        ) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput(
            _(
                "The file was not imported; your journal is unchanged. It is not an Interview "
                "Coach export (its “format” is not “interview-coach-journal”)."
            )
        )
    if document.get("format_version") not in READABLE_VERSIONS:
        raise InvalidInput(
            _(
                "The file was not imported; your journal is unchanged. It uses export format "
                "version {version}; this version reads versions {readable}. If it came from a "
                "newer Interview Coach, update Interview Coach to import it."
            ).format(
                version=repr(document.get("format_version")),
                readable=wording.list_text(map(str, READABLE_VERSIONS)),
            )
        )
    if not isinstance(document.get("schema_version"), int) or (
        document["schema_version"] > schema_version()
    ):
        raise InvalidInput(
            _(
                "The file was not imported; your journal is unchanged. It was exported by a "
                "newer version of Interview Coach; update Interview Coach to import it."
            )
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise InvalidInput(
            _("The file was not imported; your journal is unchanged. It has no “tables”.")
        )
    problems = _Problems()
    for name in tables:
        if name not in TABLES:
            problems.add(f"tables.{name}", _("is not a journal table"))
    parsed = _Parsed(format_version=document["format_version"])
    for table in TABLES:
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            problems.add(f"tables.{table}", _("must be a list of rows"))
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
            problems.add(where, _("must be an object of column values"))
            continue
        for name in row:
            if name not in columns:
                problems.add(where, _("has an unknown column “{column}”").format(column=name))
        values = {}
        for column in columns.values():
            if column.name not in row:
                if not column.nullable and not column.has_default:
                    problems.add(where, _("lacks “{column}”").format(column=column.name))
                continue
            value, error = _parse_value(column, row[column.name])
            if error:
                problems.add(where, error)
                continue
            if (table, column.name) in fields.RULES:  # the same rule as the forms'
                try:
                    value = fields.check(table, column.name, value)
                except JournalError as refused:
                    problems.add(
                        where,
                        _("“{column}”: {refusal}").format(
                            column=column.name, refusal=_unstop(refused)
                        ),
                    )
                    continue
            values[column.name] = value
        try:
            fields.check_row(table, values)
        except JournalError as refused:
            problems.add(where, _unstop(refused))
        key = tuple(values.get(k) for k in _primary_key(table))
        if None not in key:
            if key in seen_keys:
                problems.add(
                    where,
                    _("repeats the key {key}").format(key=key if len(key) > 1 else repr(key[0])),
                )
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
                    _("“{column}” refers to {parent} {value}, which is not in the file").format(
                        column=column, parent=parent, value=repr(value)
                    ),
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
                problems.add(
                    f"tables.{table}[{index}]",
                    _("repeats the identity {identity}").format(identity=identity),
                )
            seen.add(identity)


def _unstop(refused: Exception) -> str:
    """A refusal's sentence without its full stop, to go inside the list of problems."""
    return str(refused).rstrip(".。")


# JSON's own descriptions of a syntax error (json.decoder), said in the language in use.
_JSON_PROBLEMS = (
    N_("Expecting value"),
    N_("Expecting ',' delimiter"),
    N_("Expecting ':' delimiter"),
    N_("Expecting property name enclosed in double quotes"),
    N_("Extra data"),
    N_("Unterminated string starting at"),
    N_("Invalid control character at"),
    N_("Invalid \\escape"),
    N_("Illegal trailing comma before end of object"),
    N_("Illegal trailing comma before end of array"),
)


def _json_problem(error: ValueError) -> str:
    """Where and why a file is not JSON, as json says it (its words translated)."""
    if isinstance(error, json.JSONDecodeError):
        return _("{problem}: line {line} column {column} (char {char})").format(
            problem=_(error.msg) if error.msg in _JSON_PROBLEMS else error.msg,
            line=error.lineno,
            column=error.colno,
            char=error.pos,
        )
    if isinstance(error, UnicodeDecodeError):
        return _("the byte at position {position} is not UTF-8 text").format(position=error.start)
    return str(error)


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
            _(
                "The file was not imported; your journal is unchanged. A row in it breaks a "
                "rule of the journal: {rule}"
            ).format(rule=str(error).splitlines()[0])
        ) from error

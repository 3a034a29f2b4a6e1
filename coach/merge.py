"""Merging an export into a journal: which of the file's rows are already there.

Rows are told apart by their identity (coach.migrations, "Row identity"): a `uid`
for rows with their own id, the parents' identities for reviews and story uses, the
key for settings and dimensions. Table by table, parents first:

1. A row whose identity is already in the journal is already there. It is not added
   again, and the journal's row is kept as it is; the summary counts apart those
   that differ from the file (changed in one journal after the other was copied).
2. A row whose identity is new is joined with a journal row only where the journal's
   own rules say two rows are one:
   - a company with the same name (any case): a journal holds one company per name;
   - a question with the same wording (spacing and case aside) as one the journal
     held before the import: the bank holds each question once (DESIGN.md). The
     file's questions are never joined with each other: a journal may hold two of
     one wording, kept apart by the candidate, and a round trip keeps them apart;
   - a story with the same title and the same text in every part as one the journal
     held before: joining identical stories loses nothing;
   - the card of a question that already has a card (one card per question): the
     file's rehearsals of it are added to that card;
   - a row identified by its parents (a story use, a predicted question) whose
     parents now name the same journal rows as an earlier row of the file's: two
     questions the file kept apart both joined the journal's one of that wording,
     say, so a brief that listed both lists it once. The first row is kept.
3. Every other row is added, with its references translated to the journal's ids:
   two interviews at the same time are two interviews. Rows without an identity
   (files of format version 1) are always added, apart from the joins of rule 2, so
   importing such a file twice adds its interviews twice; the summary says so.

New rows keep the file's ids in a table that was empty and are numbered after the
journal's otherwise; each id sequence is then moved past the largest id.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb

from coach import wording
from coach.i18n import N_, _, ngettext
from coach.tables import TABLES, UID, columns, primary_key, references_of

# How many rows of each table, as a phrase ("3 interviews"): whole, so Chinese can word it.
COUNTS: dict[str, Callable[[int], str]] = {
    "settings": lambda n: ngettext("{n} setting", "{n} settings", n),
    "dimensions": lambda n: ngettext("{n} dimension", "{n} dimensions", n),
    "companies": lambda n: ngettext("{n} company", "{n} companies", n),
    "interviews": lambda n: ngettext("{n} interview", "{n} interviews", n),
    "reviews": lambda n: ngettext("{n} review", "{n} reviews", n),
    "transcripts": lambda n: ngettext("{n} kept transcript", "{n} kept transcripts", n),
    "questions": lambda n: ngettext("{n} question", "{n} questions", n),
    "asks": lambda n: ngettext("{n} recorded question", "{n} recorded questions", n),
    "answers": lambda n: ngettext("{n} answer version", "{n} answer versions", n),
    "stories": lambda n: ngettext("{n} story", "{n} stories", n),
    "story_uses": lambda n: ngettext("{n} story use", "{n} story uses", n),
    "actions": lambda n: ngettext("{n} action", "{n} actions", n),
    "cards": lambda n: ngettext("{n} card", "{n} cards", n),
    "rehearsals": lambda n: ngettext("{n} rehearsal", "{n} rehearsals", n),
    "predictions": lambda n: ngettext("{n} brief prediction", "{n} brief predictions", n),
    "predicted_questions": lambda n: ngettext(
        "{n} predicted question", "{n} predicted questions", n
    ),
}

# Why a row with a new identity was joined with a journal row (rule 2): the sentence.
JOINED_BECAUSE = {
    "companies": N_("Joined with a company of the same name in your journal: {rows}."),
    "questions": N_("Joined with a question of the same wording in your journal: {rows}."),
    "stories": N_("Joined with an identical story in your journal: {rows}."),
    "cards": N_("Joined with the card its question already had in your journal: {rows}."),
    "story_uses": N_("Joined with the same story of the same interview in your journal: {rows}."),
    "predicted_questions": N_(
        "Joined with the same question of the same brief prediction in your journal: {rows}."
    ),
}


def count_text(counts: dict[str, int]) -> str:
    """'3 interviews, 1 company' for the tables with a count, in table order."""
    parts = []
    for table in TABLES:
        n = counts.get(table, 0)
        if n:
            phrase = COUNTS.get(table)
            text = phrase(n) if phrase else f"{{n}} {table}"
            parts.append(text.format(n=wording.number(n)))
    return wording.series(parts)


@dataclass
class ImportSummary:
    """What an import did with each row of the file, per table."""

    added: dict[str, int] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)  # same identity, same values
    kept: dict[str, int] = field(default_factory=dict)  # same identity, the journal's differ
    joined: dict[str, int] = field(default_factory=dict)  # rule 2
    without_identities: bool = False  # a format-1 file

    def count(self, counter: dict[str, int], table: str) -> None:
        counter[table] = counter.get(table, 0) + 1

    @property
    def skipped(self) -> dict[str, int]:
        """Rows of the file not added, for any reason."""
        tables = self.present.keys() | self.kept.keys() | self.joined.keys()
        return {
            t: self.present.get(t, 0) + self.kept.get(t, 0) + self.joined.get(t, 0) for t in tables
        }

    def describe(self) -> str:
        added = count_text(self.added)
        lines = [_("Added {rows}.").format(rows=added) if added else _("Added nothing new.")]
        if self.present:
            lines.append(
                _("Already in your journal, unchanged: {rows}.").format(
                    rows=count_text(self.present)
                )
            )
        if self.kept:
            lines.append(
                _(
                    "Already in your journal but changed there since: {rows} "
                    "(kept as they are in your journal)."
                ).format(rows=count_text(self.kept))
            )
        for table, n in self.joined.items():
            lines.append(_(JOINED_BECAUSE[table]).format(rows=count_text({table: n})))
        if self.without_identities:
            lines.append(
                _(
                    "This file comes from an older version of Interview Coach, whose rows "
                    "carry no identity: its rows were added as new, so importing it again "
                    "would add them again."
                )
            )
        return wording.sentences(*lines)


def merge(
    cur: duckdb.DuckDBPyConnection,
    tables: dict[str, list[dict[str, Any]]],
    *,
    with_identities: bool,
) -> ImportSummary:
    """Merge validated rows (coach.transfer.parse_document) into the journal.

    Runs inside the caller's transaction.
    """
    merger = _Merger(cur)
    merger.summary.without_identities = not with_identities
    for table, sequence in TABLES.items():
        merger.table(table, sequence, tables.get(table, []))
    return merger.summary


def _key(table: str, row: dict[str, Any]) -> Any:
    key = tuple(row.get(k) for k in primary_key(table))
    return key[0] if len(key) == 1 else key


# The journal's rules of sameness (rule 2): the natural key of a row, and whether
# rows of the file may be joined with each other too, not only with the journal's.
def _wording(text: str) -> str:
    return " ".join(text.split()).casefold()


def _story(row: dict[str, Any]) -> tuple:
    return (
        row["title"].strip().casefold(),
        *(row.get(part, "") for part in ("situation", "task", "action", "result")),
        row.get("skills", "[]"),
    )


_SAMENESS: dict[str, tuple[Callable[[dict[str, Any]], Any], bool]] = {
    "companies": (lambda row: row["name"].strip().lower(), True),
    "questions": (lambda row: _wording(row["text"]), False),
    "stories": (_story, False),
    "cards": (lambda row: row["question_id"], True),
}


class _Merger:
    def __init__(self, cur: duckdb.DuckDBPyConnection) -> None:
        self.cur = cur
        self.ids: dict[str, dict[Any, Any]] = {}  # table -> {key in file: key in journal}
        self.summary = ImportSummary()

    def table(self, table: str, sequence: str | None, rows: list[dict[str, Any]]) -> None:
        self.ids[table] = ids = {}
        refs = references_of(table)
        has_uid = any(c.name == UID for c in columns(self.cur, table))
        translated = [self._translate(row, refs) for row in rows]
        if has_uid:
            found = self._by_uid(table, [row[UID] for row in translated if row.get(UID)])
        else:
            found = self._by_key(table)
        natural, across_file = _SAMENESS.get(table, (None, False))
        known = self._natural_keys(table, natural) if natural else {}
        new_rows: list[tuple[Any, dict[str, Any]]] = []
        pending: dict[Any, dict[str, Any]] = {}  # natural key -> a new row of this file
        aliases: list[tuple[Any, dict[str, Any]]] = []  # file key -> a new row it joins
        claimed: set[Any] = set()  # keys of the new rows of a table without uids
        for original, row in zip(rows, translated, strict=True):
            file_key = _key(table, original)
            identity = row.get(UID) if has_uid else _key(table, row)
            match = found.get(identity) if identity is not None else None
            if match is not None:
                same = _same_values(row, match, ignore={"id", UID, *refs})
                if not (same and table == "dimensions" and match["builtin"]):  # in every journal
                    self.summary.count(self.summary.present if same else self.summary.kept, table)
                ids[file_key] = _key(table, match)
                continue
            if not has_uid:
                if identity in claimed:  # its parents joined an earlier row's (rule 2)
                    self.summary.count(self.summary.joined, table)
                    ids[file_key] = identity
                    continue
                claimed.add(identity)
            if natural:
                name = natural(row)
                if name in known:
                    self.summary.count(self.summary.joined, table)
                    ids[file_key] = known[name]
                    continue
                if across_file and name in pending:
                    self.summary.count(self.summary.joined, table)
                    aliases.append((file_key, pending[name]))
                    continue
                pending.setdefault(name, row)
            if has_uid and row.get(UID) is None:
                row.pop(UID, None)  # no identity in the file: the journal makes one
            new_rows.append((file_key, row))
        if sequence:
            self._assign_ids(table, new_rows)
        for file_key, row in new_rows:
            ids[file_key] = _key(table, row)
        for file_key, row in aliases:
            ids[file_key] = _key(table, row)
        self._insert(table, [row for _, row in new_rows])
        if sequence and new_rows:
            _advance_sequence(self.cur, table, sequence)
        self.summary.added[table] = len(new_rows)

    def _translate(self, row: dict[str, Any], refs: dict[str, str]) -> dict[str, Any]:
        """The row with its references turned into the journal's keys."""
        row = dict(row)
        for column, parent in refs.items():
            value = row.get(column)
            if value is None:
                continue
            # A built-in dimension need not be in the file: its key is its identity.
            row[column] = self.ids[parent].get(value, value)
        return row

    def _rows(self, sql: str, params: list | None = None) -> list[dict[str, Any]]:
        result = self.cur.execute(sql, params or [])
        names = [d[0] for d in result.description]
        return [dict(zip(names, values, strict=True)) for values in result.fetchall()]

    def _by_uid(self, table: str, uids: list[uuid.UUID]) -> dict[Any, dict[str, Any]]:
        if not uids:
            return {}
        rows = self._rows(
            f"SELECT * FROM {table} WHERE uid IN (SELECT unnest(?::UUID[]))",  # noqa: S608
            [uids],
        )
        return {row[UID]: row for row in rows}

    def _by_key(self, table: str) -> dict[Any, dict[str, Any]]:
        # Tables keyed by parents or by a text key are small: a few rows per interview.
        return {_key(table, row): row for row in self._rows(f"SELECT * FROM {table}")}  # noqa: S608

    def _natural_keys(self, table: str, natural: Callable[[dict[str, Any]], Any]) -> dict:
        """Natural key -> journal key, for the rows the journal holds now (first id wins)."""
        known: dict[Any, Any] = {}
        for row in self._rows(f"SELECT * EXCLUDE (created_at) FROM {table} ORDER BY id"):  # noqa: S608
            known.setdefault(natural(row), _key(table, row))
        return known

    def _assign_ids(self, table: str, new_rows: list[tuple[Any, dict[str, Any]]]) -> None:
        """Keep the file's ids in an empty table; otherwise number after the journal's."""
        empty, next_id = self.cur.execute(
            f"SELECT count(*) = 0, coalesce(max(id), 0) + 1 FROM {table}"  # noqa: S608
        ).fetchone()
        if empty and all(row.get("id") is not None for _key, row in new_rows):
            return
        for _key, row in new_rows:
            row["id"] = next_id
            next_id += 1

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert rows a column at a time: each column goes in as one typed list, which
        DuckDB unnests (100,000 rehearsals: about 1 s, where a row at a time took 80 s).
        Rows are grouped by the columns they give; the others take their defaults."""
        types = {c.name: c.type for c in columns(self.cur, table)}
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(tuple(row), []).append(row)
        for names, group in groups.items():
            # Names and types come from the journal's own catalogue; values are parameters.
            unnested = ", ".join(f"unnest(?::{types[name]}[])" for name in names)
            self.cur.execute(
                f"INSERT INTO {table} ({', '.join(names)}) SELECT {unnested}",  # noqa: S608
                [[row[name] for row in group] for name in names],
            )


def _same_values(row: dict[str, Any], stored: dict[str, Any], *, ignore: set[str]) -> bool:
    """Whether the file's row says what the journal's says, for the columns it gives."""
    return all(stored.get(name) == value for name, value in row.items() if name not in ignore)


def _advance_sequence(cur: duckdb.DuckDBPyConnection, table: str, sequence: str) -> None:
    # DuckDB has no setval: draw from the sequence until it passes the largest id.
    cur.execute(
        f"SELECT max(nextval('{sequence}')) FROM range("  # noqa: S608 - fixed names
        f"  (SELECT coalesce(max(id), 0) FROM {table}))"
    ).fetchall()

"""Companies: employers the candidate interviews with, marked practice, target or undecided."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from coach import deletion, edits, fields, vocabulary
from coach.db import Journal
from coach.errors import InvalidInput, NotFound
from coach.i18n import N_, _

_GONE = N_("That company no longer exists; it may have been deleted in another tab.")


@dataclass(frozen=True)
class Company:
    id: int
    name: str
    kind: str
    notes: str
    interview_count: int = 0

    @property
    def kind_label(self) -> str:
        return vocabulary.COMPANY_KINDS[self.kind]


def list_companies(cur: duckdb.DuckDBPyConnection) -> list[Company]:
    rows = cur.execute(
        """
        SELECT c.id, c.name, c.kind, c.notes, count(i.id)
        FROM companies c LEFT JOIN interviews i ON i.company_id = c.id
        GROUP BY c.id, c.name, c.kind, c.notes
        ORDER BY lower(c.name), c.id
        """
    ).fetchall()
    return [Company(*row) for row in rows]


def company_page(cur: duckdb.DuckDBPyConnection, *, limit: int) -> tuple[list[Company], int]:
    """The first `limit` companies in `list_companies` order, and how many there are:
    limited in SQL so the cost does not grow with the journal."""
    rows = cur.execute(
        """
        SELECT c.id, c.name, c.kind, c.notes,
               (SELECT count(*) FROM interviews i WHERE i.company_id = c.id),
               count(*) OVER () AS total
        FROM companies c
        ORDER BY lower(c.name), c.id
        LIMIT ?
        """,
        [limit],
    ).fetchall()
    total = rows[0][-1] if rows else 0
    return [Company(*row[:-1]) for row in rows], total


def recent_company_names(cur: duckdb.DuckDBPyConnection, *, limit: int) -> list[str]:
    """The names of the `limit` companies interviewed (or added) most recently, by name.

    For pickers: a longer list is slow to draw and to scroll; an older company is still
    found when its name is typed (see `find_or_add_company`)."""
    rows = cur.execute(
        """
        SELECT name FROM (
            SELECT c.id, c.name, coalesce(max(i.scheduled_at), c.created_at) AS recent
            FROM companies c LEFT JOIN interviews i ON i.company_id = c.id
            GROUP BY c.id, c.name, c.created_at
            ORDER BY recent DESC, c.id DESC
            LIMIT ?
        ) ORDER BY lower(name), id
        """,
        [limit],
    ).fetchall()
    return [row[0] for row in rows]


def get_company(cur: duckdb.DuckDBPyConnection, company_id: int) -> Company:
    row = cur.execute(
        """
        SELECT c.id, c.name, c.kind, c.notes,
               (SELECT count(*) FROM interviews i WHERE i.company_id = c.id)
        FROM companies c WHERE c.id = ?
        """,
        [company_id],
    ).fetchone()
    if row is None:
        raise NotFound(_(_GONE))
    return Company(*row)


def _validate(name: str, kind: str, notes: str) -> tuple[str, str, str]:
    name = fields.check("companies", "name", name)
    kind = fields.check("companies", "kind", kind)
    return name, kind, fields.check("companies", "notes", notes)


def _check_unique_name(cur, name: str, *, except_id: int | None = None) -> None:
    # Enforced here, not by a UNIQUE index: DuckDB refuses to update an indexed
    # column of a row that interviews reference (see coach.migrations).
    clash = cur.execute(
        "SELECT name FROM companies WHERE lower(name) = lower(?) AND id IS DISTINCT FROM ?",
        [name, except_id],
    ).fetchone()
    if clash:
        raise InvalidInput(
            _("A company named “{name}” is already in your journal.").format(name=clash[0])
        )


def add_company(journal: Journal, name: str, kind: str = "undecided", notes: str = "") -> int:
    name, kind, notes = _validate(name, kind, notes)

    def work(cur):
        _check_unique_name(cur, name)
        return cur.execute(
            "INSERT INTO companies (name, kind, notes) VALUES (?, ?, ?) RETURNING id",
            [name, kind, notes],
        ).fetchone()[0]

    return journal.write(work)


def find_or_add_company(journal: Journal, name: str, kind: str = "undecided") -> int:
    """The id of the company with this name (any case), added if new."""
    return journal.write(lambda cur: company_named(cur, name, kind))


def company_named(cur: duckdb.DuckDBPyConnection, name: str, kind: str = "undecided") -> int:
    """`find_or_add_company` inside the caller's transaction."""
    name = fields.check("companies", "name", name)
    kind = fields.check("companies", "kind", kind)
    row = cur.execute("SELECT id FROM companies WHERE lower(name) = lower(?)", [name]).fetchone()
    if row:
        return row[0]
    return cur.execute(
        "INSERT INTO companies (name, kind) VALUES (?, ?) RETURNING id", [name, kind]
    ).fetchone()[0]


def update_company(
    journal: Journal,
    company_id: int,
    name: str,
    kind: str,
    notes: str,
    *,
    read: dict | None = None,
) -> None:
    """Save the company's name, kind and notes. `read`: the three as the saving tab showed
    them; one another tab changed since raises EditConflict, nothing saved (coach.edits)."""
    name, kind, notes = _validate(name, kind, notes)

    def work(cur):
        row = cur.execute(
            "SELECT name, kind, notes FROM companies WHERE id = ?", [company_id]
        ).fetchone()
        if row is None:
            raise NotFound(_(_GONE))
        stored = dict(zip(("name", "kind", "notes"), row, strict=True))
        changed = edits.changes(
            stored,
            {"name": name, "kind": kind, "notes": notes},
            read,
            {"name": _("Name"), "kind": _("Kind"), "notes": _("Notes")},
        )
        merged = {**stored, **changed}
        _check_unique_name(cur, merged["name"], except_id=company_id)
        cur.execute(
            "UPDATE companies SET name = ?, kind = ?, notes = ? WHERE id = ?",
            [merged["name"], merged["kind"], merged["notes"], company_id],
        )

    journal.write(work)


def delete_company(journal: Journal, company_id: int) -> None:
    """Delete the company, its interviews and all recorded in them (see coach.deletion)."""
    deletion.delete_interviews_where(journal, "company_id = ?", [company_id])
    journal.write(lambda cur: cur.execute("DELETE FROM companies WHERE id = ?", [company_id]))

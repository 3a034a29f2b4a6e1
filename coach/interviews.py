"""Interviews: one round at one company on one date; upcoming or held."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from coach import deletion, edits, fields
from coach.db import Journal
from coach.errors import InvalidInput, NotFound
from coach.i18n import N_, _

_GONE = N_("That interview no longer exists; it may have been deleted in another tab.")


@dataclass(frozen=True)
class Interview:
    id: int
    company_id: int
    company: str
    company_kind: str
    role: str
    round: str
    scheduled_at: datetime
    format: str
    interviewer: str
    outcome: str
    notes: str
    review_status: str | None  # None (not started), 'draft' or 'completed'
    overall_rating: int | None

    def is_upcoming(self, now: datetime) -> bool:
        return self.scheduled_at > now

    @property
    def title(self) -> str:
        parts = [self.company, self.role, self.round]
        return " · ".join(p for p in parts if p)

    @property
    def review_label(self) -> str:
        if self.review_status is None:
            return _("Not reviewed")
        return _("Review completed") if self.review_status == "completed" else _("Review in draft")


_SELECT = """
    SELECT i.id, i.company_id, c.name, c.kind, i.role, i.round, i.scheduled_at, i.format,
           i.interviewer, i.outcome, i.notes, r.status, r.overall_rating
    FROM interviews i
    JOIN companies c ON c.id = i.company_id
    LEFT JOIN reviews r ON r.interview_id = i.id
"""


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _interview(row) -> Interview:
    return Interview(*row[:6], _utc(row[6]), *row[7:])


def list_interviews(cur: duckdb.DuckDBPyConnection) -> list[Interview]:
    """Every interview, latest first."""
    rows = cur.execute(_SELECT + " ORDER BY i.scheduled_at DESC, i.id DESC").fetchall()
    return [_interview(row) for row in rows]


def split_upcoming_held(
    interviews: list[Interview], now: datetime
) -> tuple[list[Interview], list[Interview]]:
    """Upcoming soonest first; held latest first."""
    upcoming = sorted((i for i in interviews if i.is_upcoming(now)), key=lambda i: i.scheduled_at)
    held = [i for i in interviews if not i.is_upcoming(now)]
    return upcoming, held


@dataclass(frozen=True)
class InterviewPage:
    """What the Interviews page lists: every upcoming interview, the latest held ones."""

    upcoming: list[Interview]  # soonest first
    held: list[Interview]  # latest first, at most the limit asked for
    held_total: int


def interview_page(
    cur: duckdb.DuckDBPyConnection, now: datetime, *, held_limit: int, held_kind: str | None = None
) -> InterviewPage:
    """Upcoming interviews and the latest `held_limit` held ones (of companies of
    `held_kind` only, if given), limited in SQL so the cost does not grow with the journal."""
    if held_kind is not None:
        fields.check("companies", "kind", held_kind)  # the kind's own rule
    upcoming = cur.execute(
        _SELECT + " WHERE i.scheduled_at > ? ORDER BY i.scheduled_at, i.id", [now]
    ).fetchall()
    held = cur.execute(
        _SELECT + " WHERE i.scheduled_at <= ? AND (?::VARCHAR IS NULL OR c.kind = ?)"
        " ORDER BY i.scheduled_at DESC, i.id DESC LIMIT ?",
        [now, held_kind, held_kind, held_limit],
    ).fetchall()
    total = cur.execute(
        "SELECT count(*) FROM interviews i JOIN companies c ON c.id = i.company_id"
        " WHERE i.scheduled_at <= ? AND (?::VARCHAR IS NULL OR c.kind = ?)",
        [now, held_kind, held_kind],
    ).fetchone()[0]
    return InterviewPage(
        [_interview(row) for row in upcoming], [_interview(row) for row in held], total
    )


@dataclass(frozen=True)
class ReviewPicker:
    """What the review page offers: held interviews awaiting a review, and past reviews."""

    held_total: int
    awaiting: list[Interview]  # latest first, at most the limit asked for
    awaiting_total: int
    completed: list[Interview]  # latest first, matching the search, at most the limit
    completed_matching: int  # completed reviews matching the search
    completed_total: int  # all completed reviews


def review_picker(
    cur: duckdb.DuckDBPyConnection,
    now: datetime,
    *,
    awaiting_limit: int,
    completed_limit: int,
    search: str = "",
) -> ReviewPicker:
    """Held interviews for the review page, limited in SQL so the cost does not grow with
    the journal. `search` keeps the completed reviews whose company, role or round
    contains it (any case)."""
    search = search.strip().lower()
    matches = "(? = '' OR contains(lower(concat_ws(' ', c.name, i.role, i.round)), ?))"
    held_total, awaiting_total, completed_total, completed_matching = cur.execute(
        f"""
        SELECT count(*),
               count(*) FILTER (WHERE r.status IS DISTINCT FROM 'completed'),
               count(*) FILTER (WHERE r.status = 'completed'),
               count(*) FILTER (WHERE r.status = 'completed' AND {matches})
        FROM interviews i
        JOIN companies c ON c.id = i.company_id
        LEFT JOIN reviews r ON r.interview_id = i.id
        WHERE i.scheduled_at <= ?
        """,  # noqa: S608 - fixed fragments only
        [search, search, now],
    ).fetchone()
    awaiting = cur.execute(
        _SELECT + " WHERE i.scheduled_at <= ? AND r.status IS DISTINCT FROM 'completed'"
        " ORDER BY i.scheduled_at DESC, i.id DESC LIMIT ?",
        [now, awaiting_limit],
    ).fetchall()
    completed = cur.execute(
        _SELECT + f" WHERE i.scheduled_at <= ? AND r.status = 'completed' AND {matches}"
        " ORDER BY i.scheduled_at DESC, i.id DESC LIMIT ?",
        [now, search, search, completed_limit],
    ).fetchall()
    return ReviewPicker(
        held_total=held_total,
        awaiting=[_interview(row) for row in awaiting],
        awaiting_total=awaiting_total,
        completed=[_interview(row) for row in completed],
        completed_matching=completed_matching,
        completed_total=completed_total,
    )


def get_interview(cur: duckdb.DuckDBPyConnection, interview_id: int) -> Interview:
    row = cur.execute(_SELECT + " WHERE i.id = ?", [interview_id]).fetchone()
    if row is None:
        raise NotFound(_(_GONE))
    return _interview(row)


@dataclass(frozen=True)
class InterviewFields:
    """What the candidate enters about an interview."""

    company_id: int
    scheduled_at: datetime
    role: str = ""
    round: str = ""
    format: str = "video"
    interviewer: str = ""
    outcome: str = "pending"
    notes: str = ""

    def cleaned(self) -> InterviewFields:
        if self.scheduled_at.tzinfo is None:
            raise InvalidInput(_("The interview's date and time need a time zone."))
        if self.format is None or self.outcome is None:
            raise InvalidInput(_("Choose the interview's format and outcome."))

        def rule(column: str):
            return fields.check("interviews", column, getattr(self, column))

        return InterviewFields(
            company_id=self.company_id,
            scheduled_at=rule("scheduled_at"),
            role=rule("role"),
            round=rule("round"),
            format=rule("format"),
            interviewer=rule("interviewer"),
            outcome=rule("outcome"),
            notes=rule("notes"),
        )

    def values(self) -> list:
        return [
            self.company_id,
            self.role,
            self.round,
            self.scheduled_at,
            self.format,
            self.interviewer,
            self.outcome,
            self.notes,
        ]


def _require_company(cur, company_id: int) -> None:
    if cur.execute("SELECT 1 FROM companies WHERE id = ?", [company_id]).fetchone() is None:
        raise InvalidInput(_("Choose a company for the interview (or add the company first)."))


def add_interview(journal: Journal, fields: InterviewFields) -> int:
    fields = fields.cleaned()

    def work(cur):
        _require_company(cur, fields.company_id)
        return cur.execute(
            """
            INSERT INTO interviews
                (company_id, role, round, scheduled_at, format, interviewer, outcome, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """,
            fields.values(),
        ).fetchone()[0]

    return journal.write(work)


_INTERVIEW_LABELS = {
    "company_id": N_("Company"),
    "scheduled_at": N_("Date and time"),
    "role": N_("Role"),
    "round": N_("Round"),
    "format": N_("Format"),
    "interviewer": N_("Interviewer"),
    "outcome": N_("Outcome"),
    "notes": N_("Notes"),
}


def _labels() -> dict[str, str]:
    """The fields' names in the language in use (an edit clash names them)."""
    return {name: _(label) for name, label in _INTERVIEW_LABELS.items()}


def interview_values(interview: Interview | InterviewFields) -> dict:
    """The interview's editable fields, as `update_interview` compares them."""
    return {name: getattr(interview, name) for name in _INTERVIEW_LABELS}


def update_interview(
    journal: Journal, interview_id: int, fields: InterviewFields, *, read: dict | None = None
) -> None:
    """Save the interview's fields. `read`: the fields as the saving tab showed them
    (`interview_values`); one another tab changed since raises EditConflict and nothing
    is saved (coach.edits)."""
    typed = fields.cleaned()

    def work(cur):
        stored = interview_values(get_interview(cur, interview_id))
        fields = InterviewFields(
            **{**stored, **edits.changes(stored, interview_values(typed), read, _labels())}
        )
        _require_company(cur, fields.company_id)
        row = cur.execute(
            """
            SELECT i.company_id, c.name,
                   EXISTS (SELECT 1 FROM reviews WHERE interview_id = i.id)
                   OR EXISTS (SELECT 1 FROM asks WHERE interview_id = i.id)
                   OR EXISTS (SELECT 1 FROM actions WHERE interview_id = i.id)
                   OR EXISTS (SELECT 1 FROM story_uses WHERE interview_id = i.id)
                   OR EXISTS (SELECT 1 FROM transcripts WHERE interview_id = i.id)
            FROM interviews i JOIN companies c ON c.id = i.company_id
            WHERE i.id = ?
            """,
            [interview_id],
        ).fetchone()
        if row is None:
            raise NotFound(_(_GONE))
        company_id, company_name, has_review = row
        if company_id != fields.company_id and has_review:
            # DuckDB cannot change a foreign key in a row that others reference.
            raise InvalidInput(
                _(
                    "This interview already has a review, so it stays with {company}. "
                    "If the company's name is wrong, rename the company instead."
                ).format(company=company_name)
            )
        cur.execute(
            """
            UPDATE interviews
            SET role = ?, round = ?, scheduled_at = ?, format = ?, interviewer = ?,
                outcome = ?, notes = ?
            WHERE id = ?
            """,
            [*fields.values()[1:], interview_id],
        )
        # Set the (indexed) foreign key only when it changes: DuckDB refuses any
        # write to it, even of the same value, once other rows reference the interview.
        if company_id != fields.company_id:
            cur.execute(
                "UPDATE interviews SET company_id = ? WHERE id = ?",
                [fields.company_id, interview_id],
            )

    journal.write(work)


def delete_interview(journal: Journal, interview_id: int) -> None:
    """Delete the interview and all recorded in it (see coach.deletion)."""
    deletion.delete_interviews_where(journal, "id = ?", [interview_id])

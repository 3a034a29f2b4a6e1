"""Calendar events offered as interviews, and the picked ones added to the journal.

Each event is matched with the journal: an interview imported from the same event
(its UID, kept in `interviews.calendar_uid`) is *already here*, or *moved* when the
invitation now gives another time, and importing it again moves the interview; an
event without a UID is already here when an interview of the same company starts at
the same moment. Events that look like interviews, are not cancelled, do not repeat
and are not already here are offered picked; the candidate confirms each company.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import duckdb

from coach import fields
from coach.calendars.events import CalendarEvent
from coach.calendars.guesses import Guess, guess, looks_like_interview
from coach.companies import company_named
from coach.db import Journal
from coach.errors import InvalidInput
from coach.i18n import N_, _, ngettext
from coach.interviews import InterviewFields

PLAN_UID_DOMAIN = "@interview-coach"  # the rehearsal days of coach.calendars.exporting
# Marked, and translated where shown: a label translated here would keep the language
# of the first import.
STATUSES = {
    "new": N_("New"),
    "here": N_("Already in your journal"),
    "moved": N_("Moved since it was imported"),
    "cancelled": N_("Cancelled"),
    "repeats": N_("Repeats (not an interview?)"),
}
# How many events have a status, as the import's summary line says it.
_STATUS_COUNTS = {
    "new": N_("{n} new"),
    "here": N_("{n} already in your journal"),
    "moved": N_("{n} moved since it was imported"),
    "cancelled": N_("{n} cancelled"),
    "repeats": N_("{n} repeats (not an interview?)"),
}


def status_count(status: str, n: int) -> str:
    """'2 already in your journal' (a part of the import's summary line)."""
    return _(_STATUS_COUNTS[status]).format(n=n)


@dataclass(frozen=True)
class Offer:
    """One event as the import offers it."""

    event: CalendarEvent
    guess: Guess
    status: str  # a key of STATUSES
    interview_id: int | None  # the journal's interview made from this event, if any
    picked: bool  # offered ticked


@dataclass(frozen=True)
class Pick:
    """An event the candidate picked, with the company (and the rest) as confirmed."""

    event: CalendarEvent
    company: str
    role: str = ""
    round: str = ""
    format: str = "video"


@dataclass(frozen=True)
class Imported:
    added: int
    moved: int
    companies_added: int

    def describe(self) -> str:
        """'Added 3 interviews, moved 1 to the invitation's new time (2 new companies).'"""
        if not (self.added or self.moved):
            return _("Nothing was added: the picked events are already in your journal.")
        if self.added and self.moved:
            text = ngettext(
                "Added {added} interview, moved {moved} to the invitation's new time",
                "Added {added} interviews, moved {moved} to the invitation's new time",
                self.added,
            )
        elif self.added:
            text = ngettext("Added {added} interview", "Added {added} interviews", self.added)
        else:
            text = _("Moved {moved} to the invitation's new time")
        text = text.format(added=self.added, moved=self.moved)
        if self.companies_added:
            text = ngettext(
                "{done} ({n} new company).", "{done} ({n} new companies).", self.companies_added
            ).format(done=text, n=self.companies_added)
        else:
            text = _("{done}.").format(done=text)
        return text


def offers(cur: duckdb.DuckDBPyConnection, events: list[CalendarEvent]) -> list[Offer]:
    known = [row[0] for row in cur.execute("SELECT name FROM companies").fetchall()]
    by_uid = dict(
        cur.execute(
            "SELECT calendar_uid, id FROM interviews WHERE calendar_uid IS NOT NULL"
        ).fetchall()
    )
    times = {
        (name.casefold(), moment.replace(microsecond=0)): interview_id
        for interview_id, name, moment in cur.execute(
            "SELECT i.id, c.name, i.scheduled_at FROM interviews i"
            " JOIN companies c ON c.id = i.company_id"
        ).fetchall()
    }
    stored_at = dict(cur.execute("SELECT id, scheduled_at FROM interviews").fetchall())
    result = []
    for event in events:
        if _our_plan(event):
            continue  # a rehearsal day of our own export, not an appointment
        guessed = guess(event, known)
        interview_id = by_uid.get(event.uid) if event.uid else None
        if interview_id is None:
            interview_id = times.get((guessed.company.casefold(), event.starts_at))
        if event.cancelled:
            status = "cancelled"
        elif interview_id is not None:
            status = "here" if _same_time(stored_at[interview_id], event.starts_at) else "moved"
        elif event.recurring:
            status = "repeats"
        else:
            status = "new"
        picked = status == "moved" or (status == "new" and looks_like_interview(event))
        result.append(Offer(event, guessed, status, interview_id, picked))
    return result


def _same_time(stored: datetime, given: datetime) -> bool:
    # A calendar keeps whole seconds; a time typed into the app may hold a fraction.
    return stored.replace(microsecond=0) == given.replace(microsecond=0)


def _our_plan(event: CalendarEvent) -> bool:
    uid = event.uid or ""
    return uid.startswith("rehearse-") and uid.endswith(PLAN_UID_DOMAIN)


def import_picks(journal: Journal, picks: list[Pick], now: datetime) -> Imported:
    """Add the picked events as interviews (a moved one gets its new time), all or none.

    Refuses (InvalidInput, nothing written) a pick without a company, naming it."""
    if not picks:
        raise InvalidInput(_("Pick at least one event to import."))
    checked = []
    for pick in picks:
        if not pick.company.strip():
            raise InvalidInput(
                _("Say which company “{event}” is with.").format(
                    event=pick.event.title or _("the untitled event")
                )
            )
        checked.append((pick, _fields(pick)))

    def work(cur):
        added = moved = 0
        before = cur.execute("SELECT count(*) FROM companies").fetchone()[0]
        for pick, interview in checked:
            uid = pick.event.uid
            row = None
            if uid:
                row = cur.execute(
                    "SELECT id, scheduled_at FROM interviews WHERE calendar_uid = ?", [uid]
                ).fetchone()
            if row is not None:
                if not _same_time(row[1], pick.event.starts_at):
                    # A plain column: allowed although reviews and asks reference the row.
                    cur.execute(
                        "UPDATE interviews SET scheduled_at = ? WHERE id = ?",
                        [pick.event.starts_at, row[0]],
                    )
                    moved += 1
                continue
            company_id = company_named(cur, pick.company)
            values = replace(interview, company_id=company_id).values()
            cur.execute(
                "INSERT INTO interviews (company_id, role, round, scheduled_at, format,"
                " interviewer, outcome, notes, calendar_uid, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [*values, fields.check("interviews", "calendar_uid", uid), now],
            )
            added += 1
        companies_added = cur.execute("SELECT count(*) FROM companies").fetchone()[0] - before
        return Imported(added, moved, companies_added)

    return journal.write(work)


def _fields(pick: Pick) -> InterviewFields:
    event = pick.event
    notes = [_("Imported from a calendar invitation.")]
    if event.all_day:
        notes.append(_("A whole-day event: the time is a placeholder."))
    if event.organiser_name or event.organiser_email:
        who = " ".join(p for p in (event.organiser_name, f"<{event.organiser_email}>"
                                   if event.organiser_email else "") if p)  # fmt: skip
        notes.append(_("Organiser: {who}.").format(who=who))
    if event.location:
        notes.append(_("Where: {place}").format(place=event.location))
    return InterviewFields(
        company_id=0,  # set once the company is found or added, in the transaction
        scheduled_at=event.starts_at,
        role=pick.role[: fields.NAME_LIMIT],
        round=pick.round[: fields.NAME_LIMIT],
        format=pick.format,
        notes="\n".join(notes),
    ).cleaned()

"""Upcoming interviews and the rehearsal plan as one .ics file.

- Each upcoming interview is an event at its time, in UTC (every calendar shows it in
  its own zone), an hour long, its UID made from the interview's identity so a second
  export updates the same event instead of adding another. X-COACH-* properties carry
  the company, role, round and format, so importing the file back is exact.
- Every word a person reads in their calendar (summaries, descriptions, categories,
  the calendar's name) is in the language in use; the X-COACH-* values stay as stored.
- The rehearsal plan: for each upcoming interview at a *target* company, the days the
  cram view suggests (coach.practice.cram_plan over the interview's likely questions:
  the practice days from today to the day before, with the cards a day that cover
  every likely question to rehearse once by then), as whole-day events. A whole day is
  a date, not a time, so it stays the same calendar day in any zone and across a
  daylight-saving change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

import duckdb
import icalendar

from coach import vocabulary, wording
from coach.i18n import _, ngettext
from coach.likely import likely_questions
from coach.practice import cram_plan

PRODID = "-//Interview Coach//Interview Coach calendar//EN"
INTERVIEW_LENGTH = timedelta(hours=1)
UPCOMING_LIMIT = 200


@dataclass(frozen=True)
class _Upcoming:
    id: int
    uid: str
    company: str
    kind: str
    role: str
    round: str
    scheduled_at: datetime
    format: str
    interviewer: str
    notes: str

    @property
    def title(self) -> str:
        return " · ".join(p for p in (self.company, self.role, self.round) if p)


@dataclass(frozen=True)
class PlanDay:
    day: date  # in the candidate's zone
    interview: _Upcoming
    cards: int  # rehearsals that day
    weak: int  # cards below the desired retention on the interview's day


def upcoming(cur: duckdb.DuckDBPyConnection, now: datetime) -> list[_Upcoming]:
    rows = cur.execute(
        """
        SELECT i.id, i.uid::VARCHAR, c.name, c.kind, i.role, i.round, i.scheduled_at,
               i.format, i.interviewer, i.notes
        FROM interviews i JOIN companies c ON c.id = i.company_id
        WHERE i.scheduled_at > ?
        ORDER BY i.scheduled_at, i.id
        LIMIT ?
        """,
        [now.astimezone(UTC), UPCOMING_LIMIT],
    ).fetchall()
    return [_Upcoming(*row[:6], row[6].astimezone(UTC), *row[7:]) for row in rows]


def rehearsal_plan(cur: duckdb.DuckDBPyConnection, now: datetime) -> list[PlanDay]:
    """The cram view's days before each upcoming target interview, in `now`'s zone."""
    days = []
    for interview in upcoming(cur, now):
        if interview.kind != "target":
            continue
        plan = cram_plan(cur, likely_questions(cur, interview.id, now), now)
        if not plan.remaining:
            continue  # every card is ready, or rehearsed today: nothing to plan
        today = now.date()
        days += [
            PlanDay(today + timedelta(days=n), interview, plan.per_day, plan.count)
            for n in range(plan.days_left)
        ]
    return days


def calendar_ics(cur: duckdb.DuckDBPyConnection, now: datetime) -> bytes:
    """Upcoming interviews and the rehearsal plan, as an .ics file's bytes; the plan's
    words give each interview's time in `now`'s zone (the candidate's, with its clock
    changes: coach.days.candidate_zone)."""
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", _("Interview Coach"))
    stamp = now.astimezone(UTC)
    for interview in upcoming(cur, now):
        calendar.add_component(_interview_event(interview, stamp))
    for day in rehearsal_plan(cur, now):
        calendar.add_component(_plan_event(day, stamp, now.tzinfo))
    return calendar.to_ical()


def _interview_event(interview: _Upcoming, stamp: datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("UID", f"interview-{interview.uid}@interview-coach")
    event.add("DTSTAMP", stamp)
    event.add("DTSTART", interview.scheduled_at)
    event.add("DTEND", interview.scheduled_at + INTERVIEW_LENGTH)
    event.add("SUMMARY", _("Interview: {title}").format(title=interview.title))
    shown_format = vocabulary.INTERVIEW_FORMATS.get(interview.format, interview.format)
    details = [_("Format: {format}").format(format=shown_format)]
    if interview.interviewer:
        details.append(_("Interviewer: {name}").format(name=interview.interviewer))
    if interview.notes:
        details.append(interview.notes)
    event.add("DESCRIPTION", "\n".join(details))
    event.add("CATEGORIES", [_("Interview")])
    event.add("X-COACH-COMPANY", interview.company)
    event.add("X-COACH-ROLE", interview.role)
    event.add("X-COACH-ROUND", interview.round)
    event.add("X-COACH-FORMAT", interview.format)
    return event


def _plan_event(day: PlanDay, stamp: datetime, zone: tzinfo | None) -> icalendar.Event:
    interview = day.interview
    on = interview.scheduled_at.astimezone(zone)
    event = icalendar.Event()
    event.add("UID", f"rehearse-{interview.uid}-{day.day:%Y%m%d}@interview-coach")
    event.add("DTSTAMP", stamp)
    event.add("DTSTART", day.day)
    event.add("DTEND", day.day + timedelta(days=1))
    event.add(
        "SUMMARY",
        ngettext(
            "Rehearse {n} card for {company}", "Rehearse {n} cards for {company}", day.cards
        ).format(n=day.cards, company=interview.company),
    )
    description = ngettext(
        "Before {interview} on {day} at {time}: {n} card would be below your target recall "
        "on the day. Rehearse {cards} a day in Interview Coach (Practice → Cram) to be ready.",
        "Before {interview} on {day} at {time}: {n} cards would be below your target recall "
        "on the day. Rehearse {cards} a day in Interview Coach (Practice → Cram) to be ready.",
        day.weak,
    )
    event.add(
        "DESCRIPTION",
        description.format(
            interview=interview.title,
            day=wording.full_day(on),
            time=wording.clock(on),
            n=day.weak,
            cards=day.cards,
        ),
    )
    event.add("TRANSP", "TRANSPARENT")  # a plan for the day, not a busy slot
    event.add("CATEGORIES", [_("Rehearsal")])
    return event

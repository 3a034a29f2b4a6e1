"""An .ics file as calendar events, with icalendar.

An event's start is aware: in the zone its TZID names (an IANA name, or a zone the
file defines in a VTIMEZONE, as Outlook writes "China Standard Time"), in UTC when it
ends in Z, and in the candidate's own zone when it is "floating" (no zone at all). A
whole-day event keeps its calendar day; as an interview it starts at 09:00 that day in
the candidate's zone (`ALL_DAY_TIME`), so it shows on the same day after any
daylight-saving change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

import icalendar
from icalendar.error import BrokenCalendarProperty

from coach import i18n, wording
from coach.errors import InvalidInput
from coach.i18n import N_, _

FILE_LIMIT = 20 * 1024 * 1024  # years of a busy calendar stay under a few MB
ALL_DAY_TIME = time(9, 0)
_EXPORT_HOW = N_(
    "Export the calendar (or save the invitation's attachment) as an .ics file and import that."
)


@dataclass(frozen=True)
class CalendarEvent:
    uid: str | None
    title: str
    starts_at: datetime  # aware, UTC
    ends_at: datetime | None
    all_day: bool
    day: date  # the calendar day, in the zone the event was written in
    zone: str | None  # the zone the invitation gave, as it named it; None: UTC or floating
    zone_offset: timedelta | None  # that zone's offset from UTC at the start
    organiser_name: str
    organiser_email: str
    attendee_emails: tuple[str, ...]
    location: str
    description: str
    recurring: bool
    cancelled: bool
    extra: dict[str, str]  # X-COACH-* properties of our own export

    def local_start(self, zone: tzinfo) -> datetime:
        return self.starts_at.astimezone(zone)

    def as_written(self, zone: tzinfo) -> str:
        """The start as the invitation wrote it, when its zone is not `zone` at that
        moment ("09:30 China Standard Time"); '' otherwise."""
        if self.zone is None or self.zone_offset is None:
            return ""
        if self.local_start(zone).utcoffset() == self.zone_offset:
            return ""
        written = self.starts_at + self.zone_offset
        if i18n.is_chinese():  # "3月18日 周三 09:30 China Standard Time"
            day = f"{wording.day_text(written)} {wording.weekday(written)}"
            return f"{day} {wording.clock(written)} {self.zone}"
        return f"{written:%a %d %b, %H:%M} {self.zone}"


def read_calendar(data: bytes, *, zone: tzinfo) -> list[CalendarEvent]:
    """The file's events, earliest first. `zone` is the candidate's: floating times and
    whole days are taken in it."""
    if len(data) > FILE_LIMIT:
        raise InvalidInput(
            _(
                "That file is {size} MB; a calendar file is text and stays under {limit} MB. {how}"
            ).format(
                size=f"{len(data) / 1_048_576:,.1f}",  # the same in both languages
                limit=FILE_LIMIT // 1_048_576,
                how=_(_EXPORT_HOW),
            )
        )
    text = data.lstrip(b"\xef\xbb\xbf").strip()
    if not text:
        raise InvalidInput(_("That file is empty. {how}").format(how=_(_EXPORT_HOW)))
    if b"\x00" in text or not text.startswith(b"BEGIN:VCALENDAR"):
        raise InvalidInput(
            _("That file is not a calendar (.ics) file. {how}").format(how=_(_EXPORT_HOW))
        )
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidInput(
            _("That calendar file is damaged ({error}). {how}").format(
                error=str(error).splitlines()[0][:120], how=_(_EXPORT_HOW)
            )
        ) from error
    events = []
    for calendar in calendars:
        for component in calendar.walk("VEVENT"):
            event = _event(component, zone)
            if event is not None:
                events.append(event)
    if not events:
        raise InvalidInput(
            _("That calendar file holds no events. {how}").format(how=_(_EXPORT_HOW))
        )
    return sorted(events, key=lambda e: (e.starts_at, e.title))


def _event(component: icalendar.Event, zone: tzinfo) -> CalendarEvent | None:
    try:
        start = component.decoded("DTSTART")
    except (KeyError, BrokenCalendarProperty, ValueError):
        return None  # no start, or one that cannot be read: not an appointment
    if not isinstance(start, date):
        return None
    all_day = not isinstance(start, datetime)
    given_zone = None
    if all_day:
        day = start
        starts_at = datetime.combine(day, ALL_DAY_TIME, zone).astimezone(UTC)
    else:
        if start.tzinfo is None:  # floating: the candidate's own wall clock
            start = start.replace(tzinfo=zone)
        elif start.utcoffset() != timedelta(0) or _zone_name(start) not in (None, "UTC"):
            given_zone = _zone_name(start)
        day = start.date()
        starts_at = start.astimezone(UTC)
    return CalendarEvent(
        uid=_text(component.get("UID")) or None,
        title=" ".join(_text(component.get("SUMMARY")).split()),
        starts_at=starts_at,
        ends_at=_end(component, start, all_day, zone),
        all_day=all_day,
        day=day,
        zone=given_zone,
        zone_offset=start.utcoffset() if given_zone else None,
        organiser_name=_param(component.get("ORGANIZER"), "CN"),
        organiser_email=_email(component.get("ORGANIZER")),
        attendee_emails=tuple(
            e for e in (_email(a) for a in _list(component.get("ATTENDEE"))) if e
        ),
        location=_text(component.get("LOCATION")),
        description=_text(component.get("DESCRIPTION")),
        recurring=component.get("RRULE") is not None or component.get("RDATE") is not None,
        cancelled=_text(component.get("STATUS")).upper() == "CANCELLED",
        extra={
            str(name).upper(): _text(value)
            for name, value in component.items()
            if str(name).upper().startswith("X-COACH-")
        },
    )


def _end(component, start, all_day: bool, zone: tzinfo) -> datetime | None:
    try:
        end = component.decoded("DTEND") if "DTEND" in component else None
        if end is None and "DURATION" in component:
            end = start + component.decoded("DURATION")
    except (BrokenCalendarProperty, ValueError, TypeError):
        return None
    if end is None or all_day or not isinstance(end, datetime):
        return None
    return (end if end.tzinfo else end.replace(tzinfo=zone)).astimezone(UTC)


def _zone_name(moment: datetime) -> str | None:
    info = moment.tzinfo
    name = getattr(info, "key", None) or getattr(info, "_tzid", None)
    if name is None and info is not None:
        name = info.tzname(moment)
    return str(name) if name else None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip()


def _list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _email(address) -> str:
    if address is None:
        return ""
    text = str(address).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.strip().lower() if "@" in text else ""


def _param(address, name: str) -> str:
    params = getattr(address, "params", None) or {}
    return str(params.get(name, "")).strip().strip('"')

"""The candidate's calendar days: their time zone, where a day begins and ends, and the
day of a stored instant, in SQL, right across daylight-saving changes.

The journal stores instants in UTC; "today", "per day" and "the next 14 days" are the
candidate's own days. Every `now` carries the candidate's zone, a `zoneinfo.ZoneInfo`
chosen by `candidate_zone` (the pages and the command line ask it; the domain takes it
from `now`). A fixed UTC offset would not do: taken from "now", it shifts every
instant on the other side of a daylight-saving change by an hour, and an evening
rehearsal in winter would count on the next day when looked at in summer.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coach.i18n import _

EPOCH = date(1970, 1, 1)
MICROSECONDS_PER_DAY = 86_400_000_000
LOCALTIME = Path("/etc/localtime")
ZONE_VARIABLES = ("COACH_TZ", "TZ")  # in this order: the app's own, then the system's


# --- The candidate's zone -----------------------------------------------------------


def candidate_zone(environ: Mapping[str, str] | None = None, localtime: Path = LOCALTIME) -> tzinfo:
    """The candidate's time zone, which moves with daylight saving.

    `COACH_TZ`, else `TZ`, naming an IANA zone ("Europe/Berlin"); else this computer's
    own zone, read from `/etc/localtime` (the link names it; a copied file is read
    itself). Where no zone can be found (Windows without the `tzdata` package), the
    computer's present UTC offset, as before; UTC only if even that is unknown.
    """
    environ = os.environ if environ is None else environ
    for variable in ZONE_VARIABLES:
        zone = named_zone(environ.get(variable))
        if zone is not None:
            return zone
    if not environ.get("TZ"):  # a TZ the C library understands overrides the file
        zone = _machine_zone(localtime)
        if zone is not None:
            return zone
    return datetime.now().astimezone().tzinfo or UTC


def unknown_zone(environ: Mapping[str, str] | None = None) -> str | None:
    """A sentence when COACH_TZ names no time zone (it is then left aside), else None."""
    environ = os.environ if environ is None else environ
    name = environ.get("COACH_TZ")
    if name and named_zone(name) is None:
        return _(
            "COACH_TZ is set to {name}, which is not a time zone name such as "
            "Europe/Berlin or Asia/Shanghai: days follow this computer's zone instead."
        ).format(name=repr(name))
    return None


def named_zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone `name` (glibc's ":Europe/Berlin" too), or None if there is none."""
    name = (name or "").strip().removeprefix(":")
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def zone_name(zone: tzinfo | None) -> str:
    """'Europe/Berlin', or what the zone calls itself ('UTC+01:00')."""
    return getattr(zone, "key", None) or str(zone)


def _machine_zone(localtime: Path) -> ZoneInfo | None:
    try:
        target = os.readlink(localtime)
    except OSError:
        target = None
    if target is not None:
        # /etc/localtime -> /usr/share/zoneinfo/Europe/Berlin: the name is what follows
        # the folder "zoneinfo" (distributions put that folder in different places).
        parts = Path(target).parts
        if "zoneinfo" in parts:
            zone = named_zone("/".join(parts[len(parts) - parts[::-1].index("zoneinfo") :]))
            if zone is not None:
                return zone
    try:
        stamp = localtime.stat().st_mtime_ns
    except OSError:
        return None
    return _zone_file(localtime, stamp)


@functools.lru_cache(maxsize=4)
def _zone_file(path: Path, stamp: int) -> ZoneInfo | None:
    """The zone a copied /etc/localtime holds; one object per version of the file, so
    that everything keyed by the zone finds it again on the next page run."""
    try:
        with path.open("rb") as data:
            return ZoneInfo.from_file(data, key=str(path))
    except (OSError, ValueError):
        return None


# --- Days ---------------------------------------------------------------------------


def start_of_day(now: datetime) -> datetime:
    """Midnight at the start of `now`'s day, in `now`'s zone."""
    if now.tzinfo is None:
        raise ValueError("A time zone is needed: got a naive datetime.")
    return day_start(now.date(), now.tzinfo)


def end_of_day(now: datetime) -> datetime:
    """Midnight at the end of `now`'s day: 23 or 25 hours later on a day the clocks move."""
    return day_start(now.date() + timedelta(days=1), now.tzinfo)


def day_start(day: date, zone: tzinfo | None) -> datetime:
    """Midnight at the start of `day` in `zone`."""
    return datetime.combine(day, time(), tzinfo=zone)


def days_until(moment: datetime, now: datetime) -> int:
    """Calendar days from `now`'s day to `moment`'s, in `now`'s zone: 0 today, 1 tomorrow."""
    return (moment.astimezone(now.tzinfo).date() - now.date()).days


def day_number(day: date) -> int:
    """Whole days since 1970-01-01: how `local_day_sql` gives a day."""
    return (day - EPOCH).days


def from_day_number(number: int) -> date:
    return EPOCH + timedelta(days=int(number))


def local_day_sql(column: str, zone: tzinfo | None, first: date, last: date) -> tuple[str, dict]:
    """SQL for the candidate's calendar day of the TIMESTAMPTZ `column`, and its parameters.

    The day is an integer, `day_number`'s count of days since 1970-01-01. It is exact
    for instants from the day before `first` to the day after `last` (local days): the
    zone's UTC offset is looked up by the instant among the changes of that span. Outside
    it, the nearest end's offset applies. Integer arithmetic on the epoch, far cheaper
    per row than DuckDB's own time zone conversion (about 7 ms against 60 ms for a
    million rehearsals). The parameters are named `$tz_…`; `column` is a fixed column
    name chosen by the caller, never user text.
    """
    pieces = _offsets(zone or UTC, first, last)
    params = {f"tz_offset_{k}": offset for k, (_, offset) in enumerate(pieces)}
    params |= {f"tz_from_{k}": start for k, (start, _) in enumerate(pieces) if k}
    offset = "$tz_offset_0"
    if len(pieces) > 1:
        changes = " ".join(
            f"WHEN epoch_us({column}) >= $tz_from_{k} THEN $tz_offset_{k}"
            for k in range(len(pieces) - 1, 0, -1)
        )
        offset = f"CASE {changes} ELSE $tz_offset_0 END"
    return f"((epoch_us({column}) + {offset}) // {MICROSECONDS_PER_DAY})", params


@functools.lru_cache(maxsize=64)
def _offsets(zone: tzinfo, first: date, last: date) -> tuple[tuple[int | None, int], ...]:
    """The zone's UTC offsets over the local days `first` to `last`, one day either side:
    ((from, offset), …) in microseconds since the epoch, the first from any time before.

    Found by reading the offset once a day and, where it changed, the exact second by
    halving the interval. (Two changes within one day, which no zone has had, would
    pass unseen.)
    """
    start = _epoch_seconds(first - timedelta(days=2))
    end = _epoch_seconds(last + timedelta(days=2))

    def offset(second: int) -> int:
        moved = datetime.fromtimestamp(second, zone).utcoffset() or timedelta()
        return int(moved.total_seconds())

    pieces = [(None, offset(start))]
    if not isinstance(zone, timezone):  # a fixed offset never changes
        second = start
        while second < end:
            later = min(second + 86_400, end)
            if offset(later) != offset(second):
                before, after = second, later
                while after - before > 1:
                    middle = (before + after) // 2
                    before, after = (
                        (middle, after) if offset(middle) == offset(before) else (before, middle)
                    )
                pieces.append((after, offset(after)))
            second = later
    micro = 1_000_000
    return tuple((None if at is None else at * micro, by * micro) for at, by in pieces)


def _epoch_seconds(day: date) -> int:
    return day_number(day) * 86_400

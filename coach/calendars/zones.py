"""The candidate's time zone, with its daylight-saving rules.

`datetime.now().astimezone()` knows only today's offset (CET, +01:00): an April
invitation shown at that offset is an hour early, and a whole day taken at it starts
an hour off once the clocks change. Calendars need the zone itself (Europe/Berlin),
which the system names in TZ or in its own settings (read by `tzlocal`, on Linux,
macOS and Windows alike).
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

import tzlocal


def local_zone() -> tzinfo:
    """The zone this computer's clock is set to; today's fixed offset only when the
    system names no zone that can be read."""
    name = os.environ.get("TZ", "").removeprefix(":")
    if name:
        try:
            return ZoneInfo(name)
        except (KeyError, ValueError):  # a POSIX rule such as "CET-1CEST": ask the system
            pass
    try:
        return tzlocal.get_localzone()
    except (KeyError, ValueError, LookupError, OSError):
        return datetime.now().astimezone().tzinfo

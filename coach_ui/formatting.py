"""How dates and vocabulary values read on screen."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import datetime

from coach import palette
from coach.days import days_until

# A drop-down as wide as its longest option, so that option reads whole: about 8 px a
# character at the app's font (a wide CJK character counts twice), plus the arrow and
# the padding; never narrower than a short word, never wider than half a laptop page.
CHAR_PX, CHROME_PX, NARROWEST_PX, WIDEST_PX = 8, 72, 180, 520


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def choice_width(labels: Iterable[str]) -> int:
    """Pixels that show the longest of `labels` whole in a drop-down."""
    widest = max((_columns(label) for label in labels), default=0)
    return max(NARROWEST_PX, min(WIDEST_PX, CHAR_PX * widest + CHROME_PX))


def when(moment: datetime, now: datetime) -> str:
    """'Mon 16 Mar 2026, 14:00' in the candidate's zone (the zone of `now`)."""
    local = moment.astimezone(now.tzinfo)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"


def relative_day(moment: datetime, now: datetime) -> str:
    days = days_until(moment, now)
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def badge(colour: str, text: str) -> str:
    """A Streamlit badge in `colour`, a colour name of coach.palette; `text` already escaped."""
    return f":{colour}-badge[{text}]"


def kind_badge(kind: str, label: str) -> str:
    """A company kind's badge: the kind's colour, the same as on the charts."""
    return badge(palette.COMPANY_KIND[kind], label)


def outcome_badge(outcome: str, label: str) -> str:
    return badge(palette.OUTCOME[outcome], label)

"""How dates and vocabulary values read on screen."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import datetime

from coach import palette, wording
from coach.days import days_until
from coach.i18n import _, ngettext

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
    """'Mon 16 Mar 2026, 14:00' / '2026年3月16日 周一 14:00' in the candidate's zone (the
    zone of `now`), in the language in use."""
    return wording.moment_text(moment.astimezone(now.tzinfo))


def relative_day(moment: datetime, now: datetime) -> str:
    """'today', 'tomorrow', 'in 3 days', '2 days ago' (calendar days, the zone of `now`)."""
    days = days_until(moment, now)
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days == -1:
        return _("yesterday")
    if days > 0:
        return ngettext("in {n} day", "in {n} days", days).format(n=days)
    return ngettext("{n} day ago", "{n} days ago", -days).format(n=-days)


def badge(colour: str, text: str) -> str:
    """A Streamlit badge in `colour`, a colour name of coach.palette; `text` already escaped."""
    return f":{colour}-badge[{text}]"


def kind_badge(kind: str, label: str) -> str:
    """A company kind's badge: the kind's colour, the same as on the charts."""
    return badge(palette.COMPANY_KIND[kind], label)


def outcome_badge(outcome: str, label: str) -> str:
    return badge(palette.OUTCOME[outcome], label)

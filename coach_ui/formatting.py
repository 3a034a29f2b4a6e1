"""How dates and vocabulary values read on screen."""

from __future__ import annotations

from datetime import datetime

from coach import palette
from coach.days import days_until


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

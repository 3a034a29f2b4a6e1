"""How the app words numbers, days and quoted text in its sentences (takeaways, the
brief, the scorecard, the practice page): one phrasing everywhere, in the language in
use (coach.i18n), with Babel's CLDR data for each language's own order and words.

English keeps the app's British order ("Wed 2 Dec 2026"); Chinese writes
"2026年12月2日 周三". Every date, number and percentage the app shows or writes goes
through here rather than through strftime or an f-string format spec.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from coach import i18n

QUOTE_LIMIT = 60

# The CLDR locale behind each of the app's languages.
_CLDR = {i18n.ENGLISH: "en_GB", i18n.CHINESE: "zh_Hans_CN"}


def locale() -> Locale:
    return _cldr_locale(i18n.current())


@functools.cache
def _cldr_locale(lang: str) -> Locale:
    return Locale.parse(_CLDR[lang])


def day_text(day: date | datetime) -> str:
    """'2 March' / '3月2日'."""
    return format_skeleton("MMMMd", day, locale=locale())


def weekday(day: date | datetime) -> str:
    """'Wed' / '周三'."""
    return format_date(day, "EEE", locale=locale())


def full_day(day: date | datetime) -> str:
    """'Wed 2 Dec 2026' / '2026年12月2日 周三'."""
    if i18n.is_chinese():
        return f"{format_skeleton('yMMMd', day, locale=locale())} {weekday(day)}"
    return f"{weekday(day)} {format_skeleton('yMMMd', day, locale=locale())}"


def short_day(day: date | datetime) -> str:
    """'2 Dec 2026' / '2026年12月2日' (a chart's axis, a table's cell)."""
    return format_skeleton("yMMMd", day, locale=locale())


def month_text(day: date | datetime) -> str:
    """'Dec 2026' / '2026年12月'."""
    return format_skeleton("yMMM", day, locale=locale())


def clock(moment: datetime) -> str:
    """'14:00' in every language (the app's times are 24-hour)."""
    return format_time(moment, "HH:mm", locale=locale())


def moment_text(moment: datetime) -> str:
    """'Mon 16 Mar 2026, 14:00' / '2026年3月16日 周一 14:00' (already in the zone wanted)."""
    if i18n.is_chinese():
        return f"{full_day(moment)} {clock(moment)}"
    return f"{full_day(moment)}, {clock(moment)}"


def number(value: int | float) -> str:
    """'1,234' (grouped the language's way)."""
    return format_decimal(value, locale=locale())


def decimal(value: float, digits: int = 1) -> str:
    """'3.5' with at most `digits` digits after the point."""
    return format_decimal(value, format="#,##0." + "#" * digits, locale=locale())


def percent(fraction: float, digits: int = 0) -> str:
    """'20%' for 0.2 (the language's own percent sign and order)."""
    pattern = "#,##0%" if digits == 0 else "#,##0." + "#" * digits + "%"
    return format_percent(fraction, format=pattern, locale=locale())


def list_text(items: Iterable[str], style: str = "standard") -> str:
    """'a, b and c' / 'a、b和c' (`style='or'` for 'a, b or c')."""
    items = list(items)
    return format_list(items, style=style, locale=locale()) if items else ""


def sentences(*texts: str) -> str:
    """Whole sentences one after another: a space between them in English, none in Chinese."""
    return ("" if i18n.is_chinese() else " ").join(texts)


def series(items: Iterable[str]) -> str:
    """'a, b, c' / 'a、b、c': items listed with no 'and' (counts, names)."""
    return ("、" if i18n.is_chinese() else ", ").join(items)


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """The text in curly quotes, cut at a word near `limit` characters."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[: limit - 1]
        if " " in cut[limit // 2 :]:
            cut = cut.rsplit(" ", 1)[0]
        text = cut.rstrip(" ,;:，、；：") + "…"
    return f"\u201c{text}\u201d"

"""How the app words numbers, days and quoted text in its sentences (takeaways, the
brief, the scorecard, the practice page): one phrasing everywhere."""

from __future__ import annotations

from datetime import date, datetime

QUOTE_LIMIT = 60


def day_text(day: date | datetime) -> str:
    """'2 March'."""
    return f"{day.day} {day:%B}"


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """The text in curly quotes, cut at a word near `limit` characters."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[: limit - 1]
        if " " in cut[limit // 2 :]:
            cut = cut.rsplit(" ", 1)[0]
        text = cut.rstrip(" ,;:") + "…"
    return f"\u201c{text}\u201d"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"

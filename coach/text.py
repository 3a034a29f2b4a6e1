"""Cleaning of text the candidate types, before it is stored, and escaping it for display."""

from __future__ import annotations

import re

from coach.errors import InvalidInput

# Generous limits: a long answer is a few thousand words; a name is a line.
NAME_LIMIT = 200
TEXT_LIMIT = 200_000


def clean_text(value: str | None, *, field: str, limit: int = TEXT_LIMIT) -> str:
    """Strip surrounding whitespace; refuse NUL bytes and text over `limit` characters."""
    text = (value or "").strip()
    if "\x00" in text:
        raise InvalidInput(
            f"{field} contains an invisible NUL character (often from pasting binary "
            "data). Remove it and save again."
        )
    if len(text) > limit:
        raise InvalidInput(
            f"{field} is {len(text):,} characters long; the limit is {limit:,}. "
            "Shorten it and save again."
        )
    return text


def without_nul(value: str | None) -> tuple[str, int]:
    """The text without NUL characters (which the journal refuses), and how many went.

    For text that cannot be sent back to be fixed, such as a rehearsal attempt, whose box
    is gone once the best answer is revealed: refusing it would lose the attempt.
    """
    text = value or ""
    return text.replace("\x00", ""), text.count("\x00")


def required_text(value: str | None, *, field: str, limit: int = NAME_LIMIT) -> str:
    text = clean_text(value, field=field, limit=limit)
    if not text:
        raise InvalidInput(f"{field} cannot be empty.")
    return text


# Characters that Markdown would read as structure; escaped so the candidate's words
# read back exactly as typed (a "*" stays a star, "<script>" stays text).
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$~])")
_BULLET_START = re.compile(r"^(\s*)([-+])(?=\s)", re.MULTILINE)
_NUMBER_START = re.compile(r"^(\s*\d+)([.)])(?=\s)", re.MULTILINE)


def md(text: str | None) -> str:
    """The candidate's text, escaped for Markdown."""
    escaped = _SPECIAL.sub(r"\\\1", text or "")
    escaped = _BULLET_START.sub(r"\1\\\2", escaped)
    return _NUMBER_START.sub(r"\1\\\2", escaped)

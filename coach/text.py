"""Cleaning of text the candidate types, before it is stored."""

from __future__ import annotations

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


def required_text(value: str | None, *, field: str, limit: int = NAME_LIMIT) -> str:
    text = clean_text(value, field=field, limit=limit)
    if not text:
        raise InvalidInput(f"{field} cannot be empty.")
    return text

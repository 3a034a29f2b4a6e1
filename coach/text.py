"""Cleaning text the candidate types before it is stored, and escaping it for display.

`md` is the one way the candidate's words reach Markdown: page text, headings, labels,
help tooltips, captions, badges and the exported reports. Chart tooltips and tables
show plain text and take the words as they are.
"""

from __future__ import annotations

import re

from coach.fields import NAME_LIMIT, TEXT_LIMIT, Text

__all__ = ["NAME_LIMIT", "TEXT_LIMIT", "clean_text", "md", "md_line", "required_text"]


def clean_text(value: str | None, *, field: str, limit: int = TEXT_LIMIT) -> str:
    """Strip surrounding whitespace; refuse NUL bytes and text over `limit` characters."""
    return Text(field, limit).check(value)


def without_nul(value: str | None) -> tuple[str, int]:
    """The text without NUL characters (which the journal refuses), and how many went.

    For text that cannot be sent back to be fixed, such as a rehearsal attempt, whose box
    is gone once the best answer is revealed: refusing it would lose the attempt.
    """
    text = value or ""
    return text.replace("\x00", ""), text.count("\x00")


def required_text(value: str | None, *, field: str, limit: int = NAME_LIMIT) -> str:
    return Text(field, limit, required=True).check(value)


# Characters that start Markdown structure anywhere in a line: emphasis, code, links
# and images ([ ]), HTML (<), headings, tables, math ($), entities (&), Streamlit's
# directives and icons (:red[…], :material/…:). Escaped, each means only itself.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$~&:])")
# At the start of a line, these make a list, a heading underline or a rule.
_LINE_START = re.compile(r"^(\s*)([-+=])", re.MULTILINE)
_NUMBER_START = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
# Streamlit rewrites some text *after* Markdown has parsed it, escapes or not: a
# free-standing `--` becomes a dash and `->` an arrow (and <-, <->, >=, <=, ~=), and
# `:streamlit:` and `:material/name:` become images. An invisible WORD JOINER (U+2060)
# between their first two characters keeps them as typed; it shows as nothing.
WORD_JOINER = "\u2060"
_TYPOGRAPHY = re.compile(r"(?<!\S)(?:<->|->|<-|--|>=|<=|~=)(?!\S)")
_SHORTCODE = re.compile(r":(?=streamlit:|material[_/])")
# GFM finds bare links in text the same way: a web link (www.x, http://x) starts only
# after a space or punctuation, and an e-mail address needs its @ right after a letter,
# so a joiner just before either leaves it plain text.
_BARE_LINK = re.compile(r"(?<![\w\u2060])(?=https?://|www\.|mailto:|xmpp:)", re.IGNORECASE)
_BARE_EMAIL = re.compile(r"(?<=[-.+\w])(?=@[-\w]+\.\w)")
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def md(text: str | None) -> str:
    """The candidate's text as Markdown that shows exactly the text, line breaks kept."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _TYPOGRAPHY.sub(lambda m: m[0][0] + WORD_JOINER + m[0][1:], text)
    text = _SHORTCODE.sub(f":{WORD_JOINER}", text)
    text = _BARE_EMAIL.sub(WORD_JOINER, _BARE_LINK.sub(WORD_JOINER, text))
    # Leading spaces would be dropped, or start a code block: keep them as no-break spaces.
    text = _INDENT.sub(lambda m: m[0].replace("\t", "    ").replace(" ", "\u00a0"), text)
    escaped = _SPECIAL.sub(r"\\\1", text)
    escaped = _LINE_START.sub(r"\1\\\2", escaped)
    escaped = _NUMBER_START.sub(r"\1\\\2", escaped)
    # A backslash at the end of a line is a hard line break: one paragraph, as typed.
    return escaped.replace("\n", "\\\n")


def md_line(text: str | None) -> str:
    """`md` on one line, whitespace folded: for a table cell or a list item."""
    return md(" ".join((text or "").split()))

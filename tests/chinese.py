"""Checks that a page speaks Chinese: every text an AppTest run shows, and the English
words left in it.

`english_words(at)` lists the Latin-letter words of three letters or more in what the
page shows (titles, text, captions, labels, options, metrics, messages, table headers),
leaving out the words a Chinese candidate reads as they are (ALLOWED) and any word of
the journal's own data the test names (`data_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from streamlit.testing.v1 import AppTest

from coach import actions, db, i18n, settings

# Names and formats a Chinese interface writes in Latin letters too.
ALLOWED = {
    "star",  # the STAR method (Situation, Task, Action, Result) keeps its name in Chinese
    "csv",
    "json",
    "anki",
    "apkg",
    "webvtt",
    "vtt",
    "srt",
    "ics",
    "duckdb",
    "markdown",
    "utc",
    "wav",
    "url",
    "coach",  # the `coach` command
    "zip",
    "parquet",
    "localhost",
    # Keys a keyboard hint names, and the calendar and meeting products a person uses.
    "tab",
    "ctrl",
    "enter",
    "esc",
    "shift",
    "google",
    "outlook",
    "apple",
    "zoom",
    "teams",
    "meet",
    "english",  # the language picker names each language in its own language
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
# Streamlit's own Markdown syntax: icons, colours and badges are not words shown.
_SYNTAX = re.compile(r":material/[a-z_]+:|:[a-z]+(?:-badge|-background)?\[|\]\(|https?://\S+")

_TEXT_KINDS = (
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "text",
    "info",
    "warning",
    "error",
    "success",
    "exception",
    "toast",
)
_LABELLED_KINDS = (
    "button",
    "checkbox",
    "toggle",
    "radio",
    "selectbox",
    "multiselect",
    "select_slider",
    "slider",
    "text_input",
    "text_area",
    "number_input",
    "date_input",
    "time_input",
    "expander",
    "tabs",
    "metric",
    "segmented_control",
    "button_group",
    "status",
)


def speak_chinese(database) -> None:
    """Choose Chinese as the sidebar does: keep it as the journal's language (the setting
    the app reads) and say the plans' untouched suggestions in it."""
    journal = db.open_journal(str(database))
    journal.write(lambda cur: settings.set_setting(cur, "language", "zh_CN"))
    with i18n.speaking("zh_CN"):
        actions.reword_every_plan(journal, datetime.now(UTC))


def shown_texts(at: AppTest) -> Iterator[str]:
    """Every text the run shows, labels and options included."""
    for kind in _TEXT_KINDS:
        for element in getattr(at, kind, []):
            value = getattr(element, "value", None)
            if isinstance(value, str):
                yield value
            body = getattr(element, "body", None)
            if isinstance(body, str):
                yield body
    for kind in _LABELLED_KINDS:
        try:
            elements = list(getattr(at, kind))
        except (AttributeError, KeyError):
            continue
        for element in elements:
            for attr in ("label", "help", "placeholder"):
                value = getattr(element, attr, None)
                if isinstance(value, str):
                    yield value
            for option in getattr(element, "options", None) or []:
                yield str(option)
            if kind == "metric":
                yield str(element.value)
                yield str(getattr(element, "delta", "") or "")
    for frame in getattr(at, "dataframe", []):
        yield " ".join(str(c) for c in frame.value.columns)


def english_words(at: AppTest, data_words: Iterable[str] = ()) -> list[str]:
    """The English words left in what `at` shows (see the module's docstring)."""
    allowed = ALLOWED | {w.casefold() for w in data_words}
    found: list[str] = []
    for text in shown_texts(at):
        for word in _WORD.findall(_SYNTAX.sub(" ", text)):
            if word.casefold() not in allowed:
                found.append(word)
    return found

"""Which language this browser session reads: the journal's setting, else the browser's.

`coach.i18n` asks `session_language` whenever no `speaking` block is active, so a page
run, a fragment rerun and a widget callback all speak the same language. The choice
is kept in the journal (settings key `language`), so it follows the candidate to every
tab; until they choose, the browser's locale (`st.context.locale`) decides.

`selector` is the sidebar's choice. Its callback stores the choice before the script
runs again, so that one rerun draws the whole page, its title and the sidebar in the
new language.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from coach import actions, db, i18n, settings
from coach.days import candidate_zone
from coach.errors import JournalError
from coach.i18n import _
from coach.text import md
from coach_ui.uninterrupted import uninterrupted

SETTING = "language"
BROWSER = "browser"  # the selector's option for "no choice kept: follow the browser"
# The language each browser session reads, by session id. Not in st.session_state: the
# domain asks for the language inside its journal transactions (to word a suggestion or a
# message), and every read of st.session_state is a point where Streamlit may stop the
# run for a newer click. Stopped there, the transaction was rolled back: a reaction
# clicked just before the overall rating was lost (tests/browser/test_resilience_e2e.py).
# Streamlit says nothing when a session ends: only the latest sessions are kept. A session
# left out hears the browser's language until its next run's `choose` puts it back.
_CHOSEN: dict[str, str] = {}
SESSIONS_KEPT = 256
_WIDGET_KEY = "frame_language"
_FAILED_KEY = "frame_language_failed"


def session_language() -> str | None:
    """The language of the session whose script is running (None outside a script run).

    Until `choose` has read the journal's setting (the frame opens the journal first,
    and may write the sample or say it cannot open one), the browser's language is the
    best guess: a Chinese browser's first words are not English."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return None
    return _CHOSEN.get(ctx.session_id) or browser_language()


def kept(cur: duckdb.DuckDBPyConnection) -> str | None:
    """The language the journal keeps, or None: follow the browser."""
    chosen = settings.get_setting(cur, SETTING, None)
    return chosen if chosen in i18n.LANGUAGES else None


def browser_language() -> str:
    """The app's language for the browser's own (`navigator.language`)."""
    return i18n.from_locale(st.context.locale)


def choose(cur: duckdb.DuckDBPyConnection) -> str:
    """Settle this run's language from the journal's setting or the browser's locale."""
    lang = kept(cur) or browser_language()
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None:
        remember(_CHOSEN, ctx.session_id, lang)
    return lang


def remember(chosen: dict[str, str], session_id: str, lang: str) -> None:
    """Record a session's language, forgetting the least recently run beyond SESSIONS_KEPT."""
    chosen.pop(session_id, None)  # to the end: the most recently run
    chosen[session_id] = lang
    while len(chosen) > SESSIONS_KEPT:
        del chosen[next(iter(chosen))]


def keep(journal: db.Journal, lang: str | None) -> None:
    """Keep `lang` in the journal (None: forget the choice and follow the browser)."""
    if lang is not None and lang not in i18n.LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}: choose one of {', '.join(i18n.LANGUAGES)}.")
    journal.write(lambda cur: settings.set_setting(cur, SETTING, lang))


def selector(journal: db.Journal) -> None:
    """The language choice (in the sidebar): follow the browser, English or 简体中文, each
    language named in its own language, so a reader finds theirs whatever is shown."""
    st.session_state[_WIDGET_KEY] = kept(journal.cursor()) or BROWSER
    names = {BROWSER: _option_browser(), **i18n.LANGUAGES}
    st.selectbox(
        ":material/translate: " + _("Language"),
        list(names),
        format_func=names.get,
        key=_WIDGET_KEY,
        on_change=_keep_choice,
        args=(journal,),
    )
    failed = st.session_state.pop(_FAILED_KEY, None)
    if failed:
        st.error(
            _("Could not keep the language in your journal. {error}").format(error=md(failed)),
            icon=":material/error:",
        )


def _option_browser() -> str:
    return _("Follow the browser ({language})").format(language=i18n.LANGUAGES[browser_language()])


@uninterrupted
def _keep_choice(journal: db.Journal) -> None:
    choice = st.session_state[_WIDGET_KEY]
    lang = None if choice == BROWSER else choice
    try:
        keep(journal, lang)
        # The plans' untouched suggestions are stored text: say them in the new language.
        with i18n.speaking(lang or browser_language()):
            actions.reword_every_plan(journal, datetime.now(candidate_zone()))
    except JournalError as failure:
        st.session_state[_FAILED_KEY] = str(failure)


i18n.set_language_source(session_language)

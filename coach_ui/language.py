"""Which language this browser session reads: the journal's setting, else the browser's.

`coach.i18n` asks `session_language` whenever no `speaking` block is active, so a page
run, a fragment rerun and a widget callback all speak the same language. The choice
is kept in the journal (settings key `language`), so it follows the candidate to every
tab; until they choose, the browser's locale (`st.context.locale`) decides.
"""

from __future__ import annotations

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from coach import i18n, settings

SETTING = "language"
_SESSION_KEY = "coach_language"


def session_language() -> str | None:
    """The language of the session whose script is running (None outside a script run)."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return st.session_state.get(_SESSION_KEY)


def choose(cur: duckdb.DuckDBPyConnection) -> str:
    """Settle this run's language from the journal's setting or the browser's locale."""
    chosen = settings.get_setting(cur, SETTING, None)
    lang = chosen if chosen in i18n.LANGUAGES else i18n.from_locale(st.context.locale)
    st.session_state[_SESSION_KEY] = lang
    return lang


i18n.set_language_source(session_language)

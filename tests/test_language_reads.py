"""Reading the session's language never gives Streamlit a point to stop the run.

The domain asks for the language inside journal transactions (to word a suggestion or a
message). Every read of `st.session_state` lets Streamlit stop the run for a newer click,
raising inside the transaction, which is then rolled back: a click's save was lost when
a second click came while it was being written.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    from coach import i18n
    from coach_ui import language  # noqa: F401 - registers the session's language source

    state = get_script_run_ctx().session_state
    yields = []
    original = state._yield_callback
    object.__setattr__(state, "_yield_callback", lambda: yields.append(1) or original())
    try:
        spoken = [i18n.current(), i18n.current()]
    finally:
        object.__setattr__(state, "_yield_callback", original)
    st.write(f"yields={len(yields)} spoken={spoken}")


def test_the_language_is_read_without_touching_session_state():
    at = AppTest.from_function(_script, default_timeout=30).run()
    assert not at.exception
    assert at.markdown[0].value == "yields=0 spoken=['en', 'en']"


def test_only_the_most_recently_run_sessions_languages_are_kept():
    from coach_ui.language import SESSIONS_KEPT, remember

    chosen: dict[str, str] = {}
    remember(chosen, "first", "zh")
    for n in range(SESSIONS_KEPT - 1):
        remember(chosen, f"s{n}", "en")
    remember(chosen, "first", "zh")  # it runs again: now the most recent
    remember(chosen, "newest", "en")
    assert len(chosen) == SESSIONS_KEPT
    assert "s0" not in chosen and chosen["first"] == "zh" and chosen["newest"] == "en"

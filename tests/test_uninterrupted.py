"""A click that reaches the server while a callback saves does not cut the callback short
(coach_ui.uninterrupted).

Each script below asks for a rerun from inside a callback's save, as Streamlit does when
the browser sends a second request while the first one's callbacks run; the next read
of `st.session_state` is then where Streamlit stops the run.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _callback_script(wrapped: bool) -> None:
    import streamlit as st
    from streamlit.runtime.scriptrunner import RerunData, get_script_run_ctx

    from coach_ui.uninterrupted import uninterrupted

    def save() -> None:
        ctx = get_script_run_ctx()
        ctx.script_requests.request_rerun(
            RerunData(query_string="", page_script_hash=ctx.page_script_hash)
        )  # a second click, while this one is written
        st.session_state["saved"] = st.session_state["field"]

    st.text_input("Field", key="field", on_change=uninterrupted(save) if wrapped else save)


def _field_after_typing(wrapped: bool) -> object:
    at = AppTest.from_function(_callback_script, args=(wrapped,), default_timeout=30).run()
    at.text_input(key="field").input("typed").run()
    assert not at.exception
    return at.session_state.get("saved")


def test_streamlit_ends_a_callback_at_its_next_session_state_read_when_a_click_comes():
    # What the wrapper is for: without it the save below is never made.
    assert _field_after_typing(wrapped=False) is None


def test_an_uninterrupted_callback_runs_to_its_end():
    assert _field_after_typing(wrapped=True) == "typed"


def _checked_field_script() -> None:
    import streamlit as st
    from streamlit.runtime.scriptrunner import RerunData, get_script_run_ctx

    from coach_ui import review_widgets as w

    def save(value, read):
        st.session_state.setdefault("reads", []).append(read)
        ctx = get_script_run_ctx()
        ctx.script_requests.request_rerun(
            RerunData(query_string="", page_script_hash=ctx.page_script_hash)
        )
        return value

    key = w.seed("answer", "as read")
    st.text_input("Answer", key=key, on_change=w.checked_saver(key, save, what="Answer"))


def test_a_checked_field_records_what_it_saved_even_when_a_click_comes_meanwhile():
    # Recorded, the next save is checked against it: left at the old value, the next
    # change would be taken for a clash with another tab.
    at = AppTest.from_function(_checked_field_script, default_timeout=30).run()
    at.text_input(key="answer").input("first").run()
    at.text_input(key="answer").input("second").run()
    assert not at.exception
    assert at.session_state["reads"] == ["as read", "first"]


def test_every_callback_that_writes_to_the_journal_runs_uninterrupted():
    from coach_ui import (
        calendar_import,
        edit_state,
        language,
        practice_rehearsal,
        review_questions,
        review_steps,
        review_transcript,
        review_widgets,
    )
    from coach_ui.insights import brief

    callbacks = [
        review_questions._take_questions,  # pasted questions
        practice_rehearsal._take_attempt,  # reveal
        practice_rehearsal._grade,
        brief._downloaded,  # the brief kept as a prediction
        language._keep_choice,
        edit_state._resolve,  # keep mine / take theirs
        calendar_import._read,
        review_transcript._read_upload,
        review_steps.go_to,
        review_widgets.run,  # every button's save on the review
        review_widgets.saver("key", lambda value: value),
        review_widgets.checked_saver("key", lambda value, read: value, what="field"),
    ]
    assert [c for c in callbacks if not hasattr(c, "__wrapped__")] == []

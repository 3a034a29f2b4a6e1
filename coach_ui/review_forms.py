"""The review's edit forms for a story and an action, checked against other tabs' saves.

Each form's widgets are keyed, so what was typed survives any rerun, and the form
remembers what it showed when first drawn (coach_ui.edit_state): a save that meets a
change another tab made since shows both versions instead of replacing it, and text
typed into a story or action another tab removed is kept at the top of the page.
"""

from __future__ import annotations

import streamlit as st

from coach import actions as action_store
from coach import stories, vocabulary
from coach.errors import JournalError, NotFound
from coach.i18n import _
from coach_ui import edit_state, failures
from coach_ui import review_widgets as w
from coach_ui.frame import PageContext

EDITING_STORY = "review_editing_story"
EDITING_ACTION = "review_editing_action"


def _fresh(name: str) -> tuple[str, int]:
    generation = st.session_state.setdefault(f"{name}_generation", 0)
    return f"{name}_{generation}", generation


def _start_over(name: str) -> None:
    """Draw the form afresh from the journal next time (a new key for every widget)."""
    st.session_state[f"{name}_generation"] = st.session_state.get(f"{name}_generation", 0) + 1


def story_form(ctx: PageContext, story: stories.Story | None) -> int | None:
    """Add a story, or edit `story`; its id once saved (the edit form then closes)."""
    name = f"review_story_form_{story.id if story else 'new'}"
    form_key, _generation = _fresh(name)
    read = edit_state.form_base(form_key, stories.story_values(story)) if story else None

    def keyed(field: str) -> dict:
        return {"key": f"{form_key}_{field}"}

    with st.form(form_key, border=False, enter_to_submit=False):
        parts = vocabulary.STORY_PARTS
        title = st.text_input(_("Title"), value=story.title if story else "",
                              placeholder=_("e.g. Cutting report time by 80%"),
                              **keyed("title"))  # fmt: skip
        left, right = st.columns(2)
        situation = left.text_area(parts["situation"], value=story.situation if story else "",
                                   height=90, **keyed("situation"))  # fmt: skip
        task = right.text_area(parts["task"], value=story.task if story else "", height=90,
                               **keyed("task"))  # fmt: skip
        action = left.text_area(_("Action: what you did"), value=story.action if story else "",
                                height=90, **keyed("action"))  # fmt: skip
        result = right.text_area(parts["result"], value=story.result if story else "",
                                 height=90, **keyed("result"))  # fmt: skip
        skills = st.text_input(
            _("Skills shown, separated by commas"),
            value=", ".join(story.skills) if story else "",
            placeholder=_("e.g. SQL, stakeholder management, leadership"),
            **keyed("skills"),
        )
        submitted = st.form_submit_button(
            _("Save story") if story else _("Add story"), type="primary", icon=":material/save:"
        )
    if not submitted:
        edit_state.show_clash(form_key)
        return None
    fields = stories.StoryFields(title, situation, task, action, result, skills)
    if story is None:
        try:
            saved = stories.add_story(ctx.journal, fields)
        except JournalError as error:  # shown; the form keeps what was typed
            failures.show(error)
            return None
        _start_over(name)
        return saved

    def done(_saved: int) -> None:
        _start_over(name)
        st.session_state[EDITING_STORY] = None
        w.notice(_("Story saved."))

    try:
        saved = edit_state.checked_submit(
            form_key,
            lambda read: stories.update_story(ctx.journal, story.id, fields, w.now(), read=read),
            read,
            done=done,
            start_over=lambda: _start_over(name),
        )
    except NotFound as gone:
        typed = {_("Title"): title, parts["situation"]: situation, parts["task"]: task,
                 parts["action"]: action, parts["result"]: result, _("Skills"): skills}  # fmt: skip
        for label, text in typed.items():
            edit_state.keep_unsaved(
                _("{field} of the story “{story}”").format(field=label, story=story.title), text
            )
        st.session_state[EDITING_STORY] = None
        w.notice(str(gone))
        st.rerun()
    except JournalError as error:  # shown; the form keeps what was typed
        failures.show(error)
        return None
    if saved is None:
        edit_state.show_clash(form_key)
    return saved


def action_form(ctx: PageContext, action: action_store.Action) -> None:
    """Edit one action of the plan; the form closes once it is saved."""
    name = f"review_action_form_{action.id}"
    form_key, _generation = _fresh(name)
    read = edit_state.form_base(form_key, {"text": action.text, "aspect": action.aspect})
    aspects = list(vocabulary.ASPECTS)
    with st.form(form_key, border=False):
        new_text = st.text_area(_("Action"), value=action.text, height=80, key=f"{form_key}_text")
        aspect = st.selectbox(
            _("Aspect"), aspects, index=aspects.index(action.aspect),
            format_func=vocabulary.ASPECTS.get, key=f"{form_key}_aspect",
        )  # fmt: skip
        save, cancel = st.columns([1, 5])
        saved = save.form_submit_button(_("Save"), type="primary")
        cancelled = cancel.form_submit_button(_("Cancel"))
    if cancelled:
        _start_over(name)
        st.session_state[EDITING_ACTION] = None
        st.rerun()
    error_key = f"review_action_done_{action.id}"
    if saved:

        def done(_saved) -> None:
            _start_over(name)
            st.session_state[EDITING_ACTION] = None

        def save_action(read: dict) -> bool:
            action_store.update_action(
                ctx.journal, action.id, text=new_text, aspect=aspect, read=read
            )
            return True

        try:
            if edit_state.checked_submit(
                form_key, save_action, read, done=done, start_over=lambda: _start_over(name),
                display=lambda field, v: vocabulary.ASPECTS.get(v, v) if field == "aspect" else v,
            ):  # fmt: skip
                st.rerun()
        except NotFound:
            edit_state.keep_unsaved(_("An action of your plan"), new_text)
            st.session_state[EDITING_ACTION] = None
            st.rerun()
        except JournalError as error:
            st.session_state.setdefault(w.ERRORS, {})[error_key] = str(error)
    w.show_error(error_key)
    edit_state.show_clash(form_key)

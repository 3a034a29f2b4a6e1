"""Edits from two tabs: what this tab last read, clashes with another tab, text to copy.

Every editable value is shown as this tab read it; `seed` records that value (the
"base") next to the widget's own. A save sends the base with the new value
(coach.edits): when another tab saved something else in the meantime, nothing is
saved and `show_clash` draws both versions, keeping what was typed, with a choice:
keep mine (save it over the other) or take the other tab's. When the row itself was
removed in another tab, the typed text is kept at the top of the page to copy
(`keep_unsaved`, `show_unsaved`): the widget it was typed into is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import streamlit as st

from coach.edits import EditConflict
from coach.i18n import _
from coach.text import md
from coach_ui.uninterrupted import uninterrupted

BASES = "edit_bases"  # widget key -> the value this tab read from the journal
CLASHES = "edit_clashes"  # owner key -> Pending
UNSAVED = "edit_unsaved"  # [(what it was, the text)] whose row another tab removed
T = TypeVar("T")


@dataclass
class Pending:
    error: EditConflict
    keep_mine: Callable[[], None]  # save what was typed over the other tab's
    take_theirs: Callable[[], None]  # show the other tab's instead
    display: Callable[[str, Any], str] | None = None  # how a field's value reads


def plain(field: str, value: Any) -> str:
    """A stored value as text: lists joined, times as ISO, nothing as nothing."""
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return ", ".join(map(str, value))
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return str(value)


def seed(key: str, value: Any) -> str:
    """Give the widget `key` its stored value, unless this tab already shows one."""
    if key not in st.session_state:
        st.session_state[key] = value
        st.session_state.setdefault(BASES, {})[key] = value
    return key


def base(key: str) -> Any:
    return st.session_state.get(BASES, {}).get(key)


def set_base(key: str, value: Any) -> None:
    """The journal now holds `value` for this widget (this tab saved it, or took it)."""
    st.session_state.setdefault(BASES, {})[key] = value


def forget(*keys: str) -> None:
    """Drop widget values, so they are seeded from the journal again."""
    for key in keys:
        st.session_state.pop(key, None)
        st.session_state.get(BASES, {}).pop(key, None)
        st.session_state.get(CLASHES, {}).pop(key, None)


def remember_clash(owner: str, pending: Pending) -> None:
    st.session_state.setdefault(CLASHES, {})[owner] = pending


def clear_clash(owner: str) -> None:
    st.session_state.get(CLASHES, {}).pop(owner, None)


def show_clash(owner: str) -> bool:
    """Draw the clash recorded under `owner`, if any; True if one was drawn."""
    pending: Pending | None = st.session_state.get(CLASHES, {}).get(owner)
    if pending is None:
        return False
    with st.container(border=True, key=f"edit_clash_{owner}"):
        st.warning(pending.error, icon=":material/sync_problem:")
        shown = pending.display or plain
        for clash in pending.error.clashes:
            st.markdown(f"**{md(clash.label)}**")
            theirs, mine = st.columns(2)
            theirs.caption(_("Saved in the other tab"))
            theirs.code(shown(clash.field, clash.stored) or " ", language=None, wrap_lines=True)
            mine.caption(_("Yours, not saved yet"))
            mine.code(shown(clash.field, clash.typed) or " ", language=None, wrap_lines=True)
        keep, take, _rest = st.columns([2, 2, 3])
        keep.button(
            _("Keep mine"),
            key=f"edit_keep_{owner}",
            type="primary",
            help=_("Save your version over the other tab's."),
            on_click=_resolve,
            args=(owner, "keep"),
        )
        take.button(
            _("Use the other tab's"),
            key=f"edit_take_{owner}",
            help=_("Show the saved version here; yours stays above to copy until then."),
            on_click=_resolve,
            args=(owner, "take"),
        )
    return True


@uninterrupted
def _resolve(owner: str, choice: str) -> None:
    pending: Pending | None = st.session_state.get(CLASHES, {}).pop(owner, None)
    if pending is None:
        return
    try:
        (pending.keep_mine if choice == "keep" else pending.take_theirs)()
    except EditConflict as again:  # a third save in between: show that one instead
        remember_clash(owner, Pending(again, pending.keep_mine, pending.take_theirs,
                                      pending.display))  # fmt: skip


def form_base(form_key: str, shown: dict[str, Any]) -> dict[str, Any]:
    """What this tab showed when it first drew the form `form_key`: the values its keyed
    widgets started from. A form's key changes after each save, so the next edit
    starts from the journal again."""
    return st.session_state.setdefault(BASES, {}).setdefault(form_key, dict(shown))


def checked_submit(
    owner: str,
    save: Callable[[dict[str, Any]], T],
    read: dict[str, Any],
    *,
    done: Callable[[T], None],
    start_over: Callable[[], None],
    display: Callable[[str, Any], str] | None = None,
) -> T | None:
    """Save a submitted form given what it showed (`read`); `done(result)` once saved.

    On a clash with another tab, nothing is saved and the clash is kept under `owner`
    for `show_clash`: "Keep mine" saves again over the other tab's values, "Use the
    other tab's" calls `start_over` (a fresh form from the journal). Other refusals
    (JournalError) reach the caller, whose form keeps what was typed.
    """
    try:
        result = save(read)
    except EditConflict as clash:
        over = {**read, **{c.field: c.stored for c in clash.clashes}}

        def keep_mine() -> None:
            done(save(over))

        remember_clash(owner, Pending(clash, keep_mine, start_over, display))
        return None
    clear_clash(owner)
    done(result)
    return result


def keep_unsaved(what: str, text: Any) -> None:
    """Keep typed text whose row another tab removed, to show it for copying."""
    if isinstance(text, str) and text.strip():
        st.session_state.setdefault(UNSAVED, []).append((what, text))


def show_unsaved() -> None:
    """The texts kept by `keep_unsaved`, each with a copy button, until dismissed."""
    kept = st.session_state.get(UNSAVED, [])
    if not kept:
        return
    with st.container(border=True, key="edit_unsaved"):
        st.warning(
            _(
                "Not saved: what you typed below belonged to something removed in another "
                "tab or window. Copy it from here before you dismiss it."
            ),
            icon=":material/content_copy:",
        )
        for what, text in kept:
            st.caption(md(what))
            st.code(text, language=None, wrap_lines=True)
        st.button(_("Dismiss"), key="edit_unsaved_dismiss", on_click=st.session_state.pop,
                  args=(UNSAVED, None))  # fmt: skip

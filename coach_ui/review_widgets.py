"""Widgets of the guided review that save the moment they change.

Every editable value of a review is a keyed widget seeded once from the journal
(`seed`) and saved by an `on_change` callback (`saver`), so the journal is up to date
after every change and a refresh loses at most the field being typed. A save that
fails (text over the limit, a row deleted in another tab) leaves the widget as typed
and shows the message under it (`show_error`). A save checked against what this tab
read (`checked_saver`) never replaces what another tab saved since: the clash is
shown under the widget with both versions (coach_ui.edit_state), and text typed into
a row another tab removed is kept at the top of the page to copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from coach import vocabulary, wording
from coach.analysis import Analysis
from coach.edits import EditConflict
from coach.errors import JournalError, NotFound
from coach.i18n import _, ngettext, pgettext
from coach.text import md
from coach_ui import edit_state, frame
from coach_ui.uninterrupted import uninterrupted

ERRORS = "review_errors"  # widget key -> message of its last failed save
NOTICES = "review_notices"  # messages to show once, at the top of the step


now = frame.now_here  # the clock for saves in callbacks, which run before the script
seed = edit_state.seed  # the widget's stored value, and what this tab read (its base)
forget = edit_state.forget  # drop widget values so they are seeded from the journal again


def saver(key: str, save: Callable[[Any], Any]) -> Callable[[], None]:
    """An on_change callback: save the widget's new value; remember a failure's message."""

    @uninterrupted
    def callback() -> None:
        errors = st.session_state.setdefault(ERRORS, {})
        try:
            save(st.session_state[key])
        except JournalError as error:
            errors[key] = str(error)
        else:
            errors.pop(key, None)

    return callback


def checked_saver(
    key: str,
    save: Callable[[Any, Any], Any],
    *,
    what: str,
    display: Callable[[str, Any], str] | None = None,
) -> Callable[[], None]:
    """An on_change callback for a save checked against what this tab read.

    `save(value, read)` saves `value` given that this tab last read `read`, and returns
    the value as stored (cleaned). `what` names the field for text kept after its row
    was removed in another tab.
    """

    def attempt(value: Any, read: Any) -> None:
        stored = save(value, read)
        edit_state.set_base(key, stored)

    def keep_mine(clash_value: Any) -> Callable[[], None]:
        return uninterrupted(lambda: attempt(st.session_state[key], clash_value))

    def take_theirs(clash_value: Any) -> Callable[[], None]:
        @uninterrupted
        def take() -> None:
            st.session_state[key] = clash_value
            edit_state.set_base(key, clash_value)

        return take

    @uninterrupted
    def callback() -> None:
        if key not in st.session_state:
            # On a busy machine a change can reach the server after the rerun that
            # removed its widget (the review moved on a step): the value went with it,
            # and the last value the widget sent was already saved by its own callback.
            return
        errors = st.session_state.setdefault(ERRORS, {})
        value = st.session_state[key]
        try:
            attempt(value, edit_state.base(key))
        except EditConflict as clash:
            errors.pop(key, None)
            stored = clash.clashes[0].stored
            edit_state.remember_clash(
                key, edit_state.Pending(clash, keep_mine(stored), take_theirs(stored), display)
            )
        except NotFound as gone:
            errors[key] = str(gone)
            edit_state.keep_unsaved(what, value)
        except JournalError as error:
            errors[key] = str(error)
        else:
            errors.pop(key, None)
            edit_state.clear_clash(key)

    return callback


@uninterrupted
def run(key: str, action: Callable[[], Any]) -> Any:
    """Run a save from a button; show a failure's message under `key` instead of crashing."""
    errors = st.session_state.setdefault(ERRORS, {})
    try:
        result = action()
    except JournalError as error:
        errors[key] = str(error)
        return None
    errors.pop(key, None)
    return result


def show_error(key: str) -> None:
    message = st.session_state.get(ERRORS, {}).get(key)
    if message:
        st.error(md(message), icon=":material/error:")
    edit_state.show_clash(key)


def notice(message: str) -> None:
    st.session_state.setdefault(NOTICES, []).append(message)


def show_notices() -> None:
    for message in st.session_state.pop(NOTICES, []):
        st.toast(message, icon=":material/check:")


def analysis_line(analysis: Analysis | None) -> str:
    """A compact Markdown line: length, speaking time, fillers, numbers, STAR coverage."""
    if analysis is None:
        return ""
    seconds = round(analysis.estimated_seconds)
    if seconds < 90:
        spoken = _("~{seconds} s to say").format(seconds=seconds)
    else:
        spoken = _("~{minutes} min to say").format(minutes=wording.decimal(seconds / 60))
    parts = [_length(analysis), spoken]
    if analysis.filler_count:
        top = pgettext("list separator", ", ").join(
            f"{md(word)} ×{count}" for word, count in list(analysis.fillers.items())[:3]
        )
        fillers = ngettext("{n} filler", "{n} fillers", analysis.filler_count).format(
            n=analysis.filler_count
        )
        parts.append(_(":orange[{fillers}] ({top})").format(fillers=fillers, top=top))
    else:
        parts.append(_("no fillers"))
    if analysis.metrics:
        shown = pgettext("list separator", ", ").join(md(m) for m in analysis.metrics[:3])
        parts.append(_("numbers: {numbers}").format(numbers=shown))
    elif analysis.lacks_numbers:
        parts.append(":orange[" + _("no numbers") + "]")
    if analysis.star_expected:  # only a question that asks for a story
        # The STAR letters are the method's own name for the parts, in every language.
        has = ", ".join(h.part[0].upper() for h in analysis.star if h.covered)
        lacks = ", ".join(h.part[0].upper() for h in analysis.star if not h.covered)
        star = " · ".join(p for p in (_("has {parts}").format(parts=has) if has else "",
                                      ":orange[" + _("lacks {parts}").format(parts=lacks) + "]"
                                      if lacks else "") if p)  # fmt: skip
        parts.append(_("STAR: {star}").format(star=star))
    return " · ".join(parts)


def _length(analysis: Analysis) -> str:
    """'120 words' or '300 characters' (a Chinese answer is counted in characters)."""
    n, shown = analysis.length, wording.number(analysis.length)
    if analysis.unit == "words":
        return ngettext("{n} word", "{n} words", n).format(n=shown)
    return ngettext("{n} character", "{n} characters", n).format(n=shown)


def analysis_help(analysis: Analysis | None) -> str:
    if analysis is None:
        return ""
    hints = [
        _("{part}: {hint}").format(part=vocabulary.STORY_PARTS[h.part], hint=h.hint)
        for h in analysis.star
        if not h.covered
    ]
    rate = (
        _("Estimated at {rate} words a minute, a calm interview pace.")
        if analysis.unit == "words"
        else _("Estimated at {rate} characters a minute, a calm interview pace.")
    )
    lines = [rate.format(rate=analysis.typical_rate)]
    if analysis.lacks_numbers:
        lines.append(
            _("Add a number (a percentage, an amount, a count) to make the result concrete.")
        )
    lines += hints
    return "\n\n".join(lines)

"""Callbacks that save run to their end, whatever the browser sends meanwhile.

Streamlit stops a run for a newer request from the browser (a second click, a field
left for another) at its next *yield point*: every read or write of `st.session_state`
is one. (With fast reruns, Streamlit's default, the newer run starts at once beside the
older one, which stops there.) Inside a widget's callback, that stop ends the callback
where it stands, and the rest of it never runs. Before the callback's save, the change
is never saved, and the newer run, finding the widget's value unchanged, calls no
callback for it: a pasted list or a field's text is lost while the page still shows it.
After the save, its bookkeeping is skipped: what the tab last read (coach_ui.edit_state)
stays old, and the next change of that field is taken for a clash with another tab
(reproduced in Chromium: a field left by clicking a signal pill 2 ms later showed a
clash at its next change in 14 tries of 20; none since).

`uninterrupted` turns those points off while a callback runs: the callback runs to its
end, and its run stops at the first yield point after the callbacks. (A callback's
`st.rerun()` still works: it raises by itself.)

It reaches into Streamlit's session state for the hook it calls at every yield point
(`_yield_callback`, not public): tests/test_uninterrupted.py fails if a Streamlit
release renames it; meanwhile callbacks run as before, interruptible.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

from streamlit.runtime.scriptrunner import get_script_run_ctx

P = ParamSpec("P")
R = TypeVar("R")
_HOOK = "_yield_callback"


def _no_stop() -> None:
    """The yield point's hook while a callback runs: let the callback go on."""


@contextmanager
def no_yield_points() -> Iterator[None]:
    """Within: reading or writing `st.session_state` never stops the run."""
    ctx = get_script_run_ctx(suppress_warning=True)
    state = ctx.session_state if ctx is not None else None
    try:
        hook = object.__getattribute__(state, _HOOK)
    except AttributeError:  # no script run, or a Streamlit without the hook
        yield
        return
    object.__setattr__(state, _HOOK, _no_stop)
    try:
        yield
    finally:
        object.__setattr__(state, _HOOK, hook)


def uninterrupted(callback: Callable[P, R]) -> Callable[P, R]:
    """`callback`, run to its end (see the module's docstring)."""

    @functools.wraps(callback)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with no_yield_points():
            return callback(*args, **kwargs)

    return run

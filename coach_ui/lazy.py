"""Tabs and expanders whose hidden content is not drawn at all.

Streamlit sends the content of every tab and of every collapsed expander to the browser,
which lays all of it out before the page settles: on a page switch that is most of the
wait. These ask Streamlit to run the page again when a tab or an expander opens, so a
page draws only what is shown.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def open_tab(key: str, labels: dict[str, str]) -> tuple[str, DeltaGenerator]:
    """Draw tabs (`labels`: name → label) and return the open tab's name and container.

    The open tab is kept by name in `st.session_state[key]`, not by label, so a tab whose
    label holds a count ("Held (10)" → "Held (11)") stays open when the count changes.
    Setting that name before a run opens the tab (after a save, or in a test).
    """
    chosen = st.session_state.get(key)
    if chosen not in labels:
        chosen = next(iter(labels))
    st.session_state[key] = chosen
    # The script drives the tabs from the name; a click reaches the name through the
    # callback, which runs before the script.
    clicked = f"{key}_label"
    st.session_state[clicked] = labels[chosen]
    tabs = st.tabs(
        list(labels.values()),
        key=clicked,
        on_change=_remember_tab,
        args=(key, clicked, labels),
    )
    return chosen, tabs[list(labels).index(chosen)]


def _remember_tab(key: str, clicked: str, labels: dict[str, str]) -> None:
    label = st.session_state[clicked]
    st.session_state[key] = next((n for n, shown in labels.items() if shown == label), None)


def expander(label: str, *, key: str, expanded: bool = False, icon: str | None = None):
    """An expander that knows whether it is open: draw into it only `if box.open`.

    Setting `st.session_state[key] = True` before a run opens it.
    """
    return st.expander(label, expanded=expanded, key=key, icon=icon, on_change="rerun")

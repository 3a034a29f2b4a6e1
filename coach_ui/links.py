"""Deep links between the pages: Prepare, Cram, Practise now and Rehearse these now.

Each is an `st.page_link` with query parameters, so it is a real link: it opens in a
new tab, can be bookmarked, and works on a freshly started server, where the first
visit runs the page file without the entry script (see coach_ui.frame). The page it
opens reads the parameters with `arrived` and writes its state back with `settle`.
A link's label defaults to its name in the language in use (a default argument would be
said in the language of the first visitor).
"""

from __future__ import annotations

import streamlit as st

from coach.i18n import _

INSIGHTS = "pages/insights.py"
PRACTICE = "pages/practice.py"


def prepare(interview_id: int, *, label: str | None = None) -> None:
    """The readiness brief of this interview (Insights)."""
    st.page_link(
        INSIGHTS,
        label=label or _("Prepare"),
        icon=":material/checklist:",
        query_params={"interview": str(interview_id)},
        help=_("The readiness brief: the questions likely at this interview, and why."),
    )


def cram(interview_id: int, *, label: str | None = None) -> None:
    """The cram view of this interview (Practice)."""
    st.page_link(
        PRACTICE,
        label=label or _("Cram"),
        icon=":material/event_upcoming:",
        query_params={"section": "cram", "interview": str(interview_id)},
        help=_("Rehearse the brief's weak likely questions before the day."),
    )


def practise_now(label: str | None = None) -> None:
    """Today's queue (Practice)."""
    st.page_link(PRACTICE, label=label or _("Practise now"), icon=":material/exercise:")


def rehearse_these(interview_id: int, *, label: str | None = None) -> None:
    """The weak answers of one review, one after another (Practice)."""
    st.page_link(
        PRACTICE,
        label=label or _("Rehearse these now"),
        icon=":material/school:",
        query_params={"interview": str(interview_id)},
    )


def arrived(key: str, names: tuple[str, ...]) -> dict[str, str | None] | None:
    """The page's query parameters `names`, if a link, a bookmark or a refresh brought
    them: they differ from what the page last wrote (`settle`). None otherwise, when the
    page's own widgets decide."""
    current = {name: st.query_params.get(name) for name in names}
    if current == st.session_state.get(key):
        return None
    st.session_state[key] = current
    return current


def settle(key: str, values: dict[str, str | None]) -> None:
    """Write the page's state to the URL (None drops a parameter), so a refresh or a
    bookmark returns to it, and remember it as the page's own."""
    for name, value in values.items():
        if value is None:
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != value:
            st.query_params[name] = value
    st.session_state[key] = {name: st.query_params.get(name) for name in values}


def int_param(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None

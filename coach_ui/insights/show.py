"""What the Insights sections share on screen: the section keys, a takeaway or its
empty state, a chart drawn from its cached spec, the note on a shortened chart.
"""

from __future__ import annotations

import streamlit as st

from coach.i18n import N_, _
from coach.insights import charting, takeaway
from coach.text import md

BRIEF_SECTION = N_("Readiness brief")


SECTION = "insights_section"  # the segmented control choosing the section


# Per-interview charts draw at most this many interviews, the latest: more points than
# this are unreadable, and slow to build and to send.
CHART_INTERVIEWS = 60


def takeaway_or_empty(take: takeaway.Takeaway) -> bool:
    """Show the takeaway (or the empty state); whether to draw the chart."""
    if not take.enough:
        st.info(md(take.text), icon=":material/hourglass_empty:")
        return False
    st.markdown(f":material/lightbulb: {md(take.text)}")
    return True


def draw_chart(builder, rows, *extra, **kwargs):
    """Draw `builder(rows, *extra)`; its spec is built once per distinct input."""
    return st.vega_lite_chart(spec=charting.spec(builder, rows, *extra), width="stretch", **kwargs)


def drawn_note(drawn: int, total: int) -> None:
    """Say so when a per-interview chart draws only the latest interviews."""
    if drawn < total:
        st.caption(
            _(
                "The chart draws the latest {drawn} of {total} interviews (the takeaway "
                "counts them all); narrow the dates above to see older ones."
            ).format(drawn=drawn, total=total)
        )


def bold(text: str, icon: str = "") -> str:
    """A bold heading; its icon (Streamlit syntax) stays out of the translated text."""
    return f"**{icon} {text}**" if icon else f"**{text}**"

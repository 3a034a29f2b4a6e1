"""Insights on screen, fixes: the weak signals' share per interview over time."""

from __future__ import annotations

import streamlit as st

from coach.i18n import _
from coach.insights import fixes
from coach.insights.filters import Filters
from coach.text import md
from coach_ui.frame import PageContext
from coach_ui.insights.show import CHART_INTERVIEWS, draw_chart, drawn_note, takeaway_or_empty


def section(ctx: PageContext, chosen: Filters) -> None:
    halves = ctx.remember(fixes.signal_halves, chosen, ctx.minute)
    st.subheader(_("Are the fixes working?"))
    if takeaway_or_empty(fixes.fixes_takeaway(halves)):
        st.caption(md(fixes.signal_takeaway(halves).text))
        shares = ctx.remember(fixes.signal_shares, chosen, ctx.minute, latest=CHART_INTERVIEWS)
        draw_chart(fixes.fixes_chart, shares)
        drawn_note(len(shares), halves.interviews)

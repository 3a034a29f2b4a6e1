"""Insights on screen, overall trend: the ratings over time and their calibration."""

from __future__ import annotations

import streamlit as st

from coach.i18n import _
from coach.insights import overall
from coach.insights.filters import Filters
from coach_ui.frame import PageContext
from coach_ui.insights.show import CHART_INTERVIEWS, draw_chart, drawn_note, takeaway_or_empty


def section(ctx: PageContext, chosen: Filters) -> None:
    halves = ctx.remember(overall.rating_halves, chosen, ctx.minute)
    left, right = st.columns([3, 2])
    with left:
        st.subheader(_("Overall rating over time"))
        if takeaway_or_empty(overall.rating_takeaway(halves)):
            rated = ctx.remember(
                overall.rated_interviews, chosen, ctx.minute, latest=CHART_INTERVIEWS
            )
            draw_chart(overall.rating_trend_chart, rated)
            drawn_note(len(rated), halves.count)
    with right:
        st.subheader(_("My rating against the outcome"))
        cells = ctx.remember(overall.calibration, chosen, ctx.minute)
        if takeaway_or_empty(overall.calibration_takeaway(cells)):
            draw_chart(overall.calibration_chart, cells)

"""Insights on screen, recurring questions and their recall today."""

from __future__ import annotations

import streamlit as st

from coach.i18n import _
from coach.insights import recurring
from coach.insights.filters import Filters
from coach_ui.frame import PageContext
from coach_ui.insights.show import draw_chart, takeaway_or_empty


def section(ctx: PageContext, chosen: Filters) -> None:
    rows = ctx.remember(recurring.recurring_questions, chosen, ctx.minute)
    desired = _desired(ctx)
    st.subheader(_("Questions that keep coming back"))
    if takeaway_or_empty(recurring.recurring_takeaway(rows, desired)):
        draw_chart(recurring.recurring_chart, rows, desired)


def _desired(ctx: PageContext) -> float:
    from coach.settings import get_setting

    return float(get_setting(ctx.cur, "desired_retention"))

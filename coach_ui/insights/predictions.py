"""Insights on screen, predictions: how well the kept briefs predicted the questions."""

from __future__ import annotations

import streamlit as st

from coach.i18n import _
from coach.insights import predictions
from coach.insights.filters import Filters
from coach_ui.frame import PageContext
from coach_ui.insights.show import CHART_INTERVIEWS, draw_chart, takeaway_or_empty


def section(ctx: PageContext, chosen: Filters) -> None:
    rows = ctx.remember(predictions.scored_interviews, chosen, ctx.minute, latest=CHART_INTERVIEWS)
    st.subheader(_("How well the briefs predicted the questions"))
    if takeaway_or_empty(predictions.prediction_takeaway(rows)):
        draw_chart(predictions.prediction_chart, rows)
        st.caption(
            _(
                "Each bar is a reviewed interview whose brief was kept before it: the questions "
                "asked that the brief predicted, and the surprises. Surprises enter your "
                "question bank, and the weak ones become rehearsal cards, so the next brief "
                "knows them."
            )
        )

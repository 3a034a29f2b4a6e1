"""Insights on screen, rehearsal: per day, coming due, recall, retention."""

from __future__ import annotations

import streamlit as st

from coach.insights import rehearsal
from coach.insights.filters import Filters
from coach_ui.frame import PageContext
from coach_ui.insights.show import draw_chart, takeaway_or_empty


def section(ctx: PageContext, chosen: Filters) -> None:
    days = ctx.remember(rehearsal.rehearsals_per_day, chosen, ctx.minute)
    forecast = ctx.remember(rehearsal.due_forecast, ctx.minute)
    bins = ctx.remember(rehearsal.recall_distribution, ctx.minute)
    retention = ctx.remember(rehearsal.true_retention, chosen, ctx.minute)
    kept = rehearsal.retention_takeaway(retention)
    metric, text = st.columns([1, 3], vertical_alignment="center")
    metric.metric(
        "True retention",
        "—" if retention.share is None else f"{retention.share:.0%}",
        help="Share of passing grades (Hard, Good or Easy) on cards already in review.",
    )
    with text:
        takeaway_or_empty(kept)
    left, right = st.columns(2)
    with left:
        st.subheader("Rehearsals per day")
        if takeaway_or_empty(rehearsal.rehearsal_takeaway(days, ctx.now.date())):
            draw_chart(rehearsal.rehearsals_chart, days)
    with right:
        st.subheader("Due in the next 14 days")
        if takeaway_or_empty(rehearsal.forecast_takeaway(forecast)):
            draw_chart(rehearsal.due_forecast_chart, forecast)
    st.subheader("Predicted recall today")
    desired = retention.desired
    if takeaway_or_empty(rehearsal.recall_takeaway(bins, desired)):
        draw_chart(rehearsal.recall_histogram, bins, desired)

"""Insights on screen, rehearsal: per day, coming due, recall, retention."""

from __future__ import annotations

import streamlit as st

from coach import vocabulary
from coach.i18n import _
from coach.insights import rehearsal
from coach.insights.filters import Filters
from coach.wording import list_text, percent
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
        _("True retention"),
        "—" if retention.share is None else percent(retention.share),
        help=_("Share of passing grades ({grades}) on cards already in review.").format(
            grades=list_text((vocabulary.GRADES[g] for g in (2, 3, 4)), style="or")
        ),
    )
    with text:
        takeaway_or_empty(kept)
    left, right = st.columns(2)
    with left:
        st.subheader(_("Rehearsals per day"))
        if takeaway_or_empty(rehearsal.rehearsal_takeaway(days, ctx.now.date())):
            draw_chart(rehearsal.rehearsals_chart, days)
    with right:
        st.subheader(_("Due in the next {n} days").format(n=rehearsal.FORECAST_DAYS))
        if takeaway_or_empty(rehearsal.forecast_takeaway(forecast)):
            draw_chart(rehearsal.due_forecast_chart, forecast)
    st.subheader(_("Predicted recall today"))
    desired = retention.desired
    if takeaway_or_empty(rehearsal.recall_takeaway(bins, desired)):
        draw_chart(rehearsal.recall_histogram, bins, desired)

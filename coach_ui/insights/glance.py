"""The Insights page's filters and its glance: the three answers the page exists for."""

from __future__ import annotations

import streamlit as st

from coach import i18n, readiness, vocabulary
from coach.i18n import _
from coach.insights import fixes, weak_spots
from coach.insights.filters import Filters, filter_choices
from coach.likely import likely_questions
from coach.text import md
from coach_ui import links
from coach_ui.frame import PageContext
from coach_ui.insights.show import bold

ALL = "all"


def filters(ctx: PageContext) -> Filters:
    choices = ctx.remember(filter_choices, ctx.minute)
    first = choices.first_day or ctx.now.date()
    last = max(choices.last_day or first, first)
    dates, kind, company = st.columns([5, 3, 4])
    picked = dates.date_input(
        _("Interviews held between"),
        value=(first, last),
        key="insights_dates",
        format="YYYY/MM/DD" if i18n.is_chinese() else "DD/MM/YYYY",
    )
    start, end = _range(picked)
    kind_key = kind.selectbox(
        _("Company kind"),
        [ALL, *vocabulary.COMPANY_KINDS],
        format_func=lambda k: _("All kinds") if k == ALL else vocabulary.COMPANY_KINDS[k],
        key="insights_kind",
    )
    company_id = company.selectbox(
        _("Company"),
        [ALL, *choices.companies],
        format_func=lambda c: _("All companies") if c == ALL else choices.companies[c],
        key="insights_company",
    )
    st.caption(
        _(
            "Filters apply to every section but the readiness brief, which draws on your "
            "whole journal. Rehearsal follows the dates only."
        )
    )
    return Filters.for_days(
        start,
        end,
        ctx.now,
        kind=None if kind_key == ALL else kind_key,
        company_id=None if company_id == ALL else company_id,
    )


def _range(picked) -> tuple:
    if isinstance(picked, tuple | list):
        start = picked[0] if len(picked) > 0 else None
        end = picked[1] if len(picked) > 1 else None
        return start, end
    return picked, picked


def at_a_glance(ctx: PageContext, chosen: Filters, *, with_brief: bool) -> None:
    """The three answers the page exists for, before any chart.

    `with_brief`: make the default interview's whole readiness brief (the brief section
    shows it next, and finds it remembered); otherwise only the part this box needs.
    The sections read what they share with the glance through `ctx.remember` too, so
    nothing is loaded twice in a run."""
    dimensions = ctx.remember(weak_spots.dimension_weakness, chosen, ctx.minute)
    halves = ctx.remember(fixes.signal_halves, chosen, ctx.minute)
    weak = weak_spots.weakness_takeaway(dimensions)
    falling = fixes.signal_takeaway(halves)
    upcoming = ctx.remember(readiness.upcoming_interviews, ctx.minute)
    target = readiness.default_interview(upcoming)
    left, middle, right = st.columns(3)
    with left.container(border=True):
        st.markdown(bold(_("Where you are weakest"), ":material/trending_down:"))
        st.markdown(md(weak.text))
    with middle.container(border=True):
        st.markdown(bold(_("Are interruptions falling?"), ":material/timer:"))
        st.markdown(md(falling.text))
    with right.container(border=True):
        st.markdown(bold(_("Before your next interview"), ":material/flag:"))
        if target is None:
            st.markdown(_("No upcoming interview is booked."))
        elif with_brief:
            made = ctx.remember(readiness.readiness_brief, target.interview_id, ctx.minute)
            st.markdown(md(readiness.rehearse_first(made.likely)))
        else:
            found = ctx.remember(likely_questions, target.interview_id, ctx.minute)
            st.markdown(md(readiness.rehearse_first(found)))
            links.prepare(target.interview_id)

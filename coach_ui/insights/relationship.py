"""Insights on screen, relationship: harmony and pace, advice and referrals."""

from __future__ import annotations

import streamlit as st

from coach import vocabulary
from coach.i18n import _
from coach.insights import filters, relationship
from coach.insights.filters import Filters
from coach.text import md
from coach.wording import moment_text
from coach_ui.formatting import outcome_badge
from coach_ui.frame import PageContext
from coach_ui.insights.show import CHART_INTERVIEWS, draw_chart, drawn_note, takeaway_or_empty

# Advice and referrals list this many, the latest, and this many more per click.
LISTED = 10


ADVICE_SHOWN = "insights_advice_shown"


REFERRALS_SHOWN = "insights_referrals_shown"


def section(ctx: PageContext, chosen: Filters) -> None:
    summary = ctx.remember(relationship.relationship_summary, chosen, ctx.minute)
    st.subheader(_("Harmony and pace"))
    if takeaway_or_empty(relationship.relationship_takeaway(summary)):
        # The chart draws the interviews with a harmony: the latest of those.
        rated = ctx.remember(
            relationship.relationship_points,
            chosen,
            ctx.minute,
            latest_with_harmony=CHART_INTERVIEWS,
        )
        draw_chart(relationship.relationship_chart, rated)
        drawn_note(len(rated), summary.harmony.count)
    left, right = st.columns(2)
    with left:
        st.subheader(_("Advice received"))
        shown = st.session_state.get(ADVICE_SHOWN, LISTED)
        advice = ctx.remember(relationship.advice_received, chosen, ctx.minute, limit=shown + 1)
        if not advice:
            st.info(
                _("No interviewer has given advice in these interviews."),
                icon=":material/forum:",
            )
        for item in advice[:shown]:
            with st.container(border=True):
                st.markdown(md(item.advice))
                who = f" · {md(item.interviewer)}" if item.interviewer else ""
                st.caption(f"{md(item.company)} · {moment_text(item.scheduled_at)}{who}")
        _more_button(ADVICE_SHOWN, shown, len(advice) > shown)
    with right:
        st.subheader(_("Referrals and what came of them"))
        shown_referrals = st.session_state.get(REFERRALS_SHOWN, LISTED)
        found = ctx.remember(relationship.referrals, chosen, ctx.minute, limit=shown_referrals + 1)
        if not found:
            st.info(_("No referrals recorded in these interviews."), icon=":material/share:")
        for item in found[:shown_referrals]:
            with st.container(border=True):
                outcome = vocabulary.OUTCOMES[item.outcome]
                st.markdown(f"**{md(item.company)}** {outcome_badge(item.outcome, outcome)}")
                st.markdown(md(item.referral))
                st.caption(f"{moment_text(item.scheduled_at)} · {md(item.interviewer)}")
                for follow in item.follow_ups:
                    mark = (
                        ":material/check_box:"
                        if follow.done
                        else ":material/check_box_outline_blank:"
                    )
                    st.markdown(f"{mark} {md(follow.text)}")
                for later in item.later:
                    state = (
                        _("upcoming")
                        if later.upcoming
                        else vocabulary.OUTCOMES[later.outcome].lower()
                    )
                    st.markdown(
                        ":material/arrow_forward: "
                        + _("{interview} ({when}): {state}").format(
                            interview=md(later.round or later.role),
                            when=moment_text(later.scheduled_at),
                            state=state,
                        )
                    )
        _more_button(REFERRALS_SHOWN, shown_referrals, len(found) > shown_referrals)


def _more_button(key: str, shown: int, more: bool) -> None:
    """'Show older': the listing grows by LISTED, up to the query's own limit."""
    if more and shown < filters.LISTING_LIMIT:
        st.button(
            _("Show older"),
            key=f"{key}_more",
            icon=":material/expand_more:",
            on_click=lambda: st.session_state.update({key: shown + LISTED}),
        )

"""Home: what to do next, or a welcome for an empty journal."""

import streamlit as st

from coach import home, wording
from coach.i18n import _
from coach.text import md
from coach_ui import backups_section, frame, links
from coach_ui.home_cards import coming_up
from coach_ui.review_start import awaiting_card, open_review

ctx = frame.start("home")
steps = home.next_steps(ctx.cur, ctx.now)
backups_section.failure_notice(ctx)

if steps.is_empty:
    st.title(_("Welcome to Interview Coach"))
    st.markdown(
        _(
            "Every interview is practice for the next one. Interview Coach keeps a private "
            "journal on this computer and helps you:\n\n"
            "1. **Review** each interview the same evening: how it went, every question and "
            "how the interviewer reacted, the relationship, the stories you told or missed, "
            "and a plan to do better.\n"
            "2. **Rehearse** the answers that went badly, resurfaced on a spaced-repetition "
            "schedule until they are solid.\n"
            "3. **Prepare** for the interviews that matter: a brief of the questions likely "
            "there, and why.\n\n"
            "**Practise where it costs little.** Interview first at companies you are unlikely "
            "to join, and mark them *practice*; mark the ones you want *target*. Review every "
            "practice interview: its questions and weak answers carry over to the brief for "
            "your target interviews (asked for a similar role, asked in most interviews), so "
            "you walk into the one that matters with those lessons learnt."
        )
    )
    first, sample = st.columns(2)
    with first.container(border=True):
        st.markdown("#### " + _("Start your journal"))
        st.caption(_("Add a company and an upcoming or past interview."))
        if st.button(
            _("Add your first interview"),
            key="home_first_interview",
            type="primary",
            icon=":material/add:",
        ):
            st.switch_page("pages/interviews.py")
    with sample.container(border=True):
        st.markdown("#### " + _("Look around first"))
        st.caption(
            _(
                "Open a sample journal: thirteen interviews over ten weeks and two coming up. "
                "It is a separate file: nothing in it enters your own journal."
            )
        )
        if st.button(
            _("Explore the sample journal"), key="home_explore_sample", icon=":material/science:"
        ):
            frame.open_sample(ctx.now)
            st.rerun()
    st.stop()

st.title(_("What to do next"))

due, waiting, upcoming, actions = st.columns(4)
waiting.metric(_("Held interviews to review"), wording.number(len(steps.awaiting_review)))
due.metric(
    _("Cards due today"),
    wording.number(steps.cards_due_today),
    help=_("Questions to rehearse today."),
)
if steps.next_target:
    days = steps.days_until(steps.next_target, ctx.now)
    upcoming.metric(
        _("Days to next target interview"),
        wording.number(days),
        help=md(steps.next_target.title),
        border=False,
    )
else:
    upcoming.metric(_("Days to next target interview"), "—", help=_("No target interview booked."))
actions.metric(_("Open improvement actions"), wording.number(steps.open_actions))

left, right = st.columns(2)
with left:
    st.subheader(_("Review what just happened"))
    if not steps.awaiting_review:
        st.success(_("Every held interview is reviewed."), icon=":material/task_alt:")
    for interview in steps.awaiting_review:
        if awaiting_card(interview, ctx.now, key=f"home_review_{interview.id}"):
            open_review(interview.id)

with right:
    st.subheader(_("Coming up"))
    if steps.next_interview is None:
        st.info(_("No interview booked. Add one on the Interviews page."), icon=":material/event:")
        st.page_link("pages/interviews.py", label=_("Add an interview"), icon=":material/add:")
    for interview in dict.fromkeys(i for i in (steps.next_target, steps.next_interview) if i):
        coming_up(ctx, interview)
    if steps.cards_total:
        st.markdown(
            _("**{due}** of your {total} rehearsal cards are due today.").format(
                due=wording.number(steps.cards_due_today),
                total=wording.number(steps.cards_total),
            )
        )
        if steps.cards_due_today:
            links.practise_now()

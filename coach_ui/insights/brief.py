"""The readiness brief on the Insights page: the interview chosen (a Prepare link
opens it), its likely questions, open actions, advice and stories, and its download.
The brief itself is made by coach.readiness (its own feature: Home and the cram view
show the same likely questions).
"""

from __future__ import annotations

import streamlit as st

from coach import predictions, readiness, vocabulary, wording
from coach.db import Journal
from coach.i18n import _
from coach.insights.filters import Filters
from coach.likely import LikelyQuestions, score_explanation
from coach.text import md
from coach_ui import links
from coach_ui.formatting import kind_badge, when
from coach_ui.frame import PageContext, now_here
from coach_ui.insights.show import BRIEF_SECTION, SECTION
from coach_ui.likely_view import likely_list
from coach_ui.uninterrupted import uninterrupted

BRIEF = "insights_brief_interview"


PREPARE = "insights_url"  # the query parameters the page last wrote (coach_ui.links)


def arrive() -> None:
    """A *Prepare* link (?interview=12), a bookmark or a refresh opens that interview's brief."""
    asked = links.arrived(PREPARE, ("interview",))
    if asked is not None and asked["interview"] is not None:
        st.session_state[SECTION] = BRIEF_SECTION
        st.session_state[BRIEF] = links.int_param(asked["interview"]) or -1


def leave_brief() -> None:
    """Another section is shown: the URL no longer names an interview."""
    links.settle(PREPARE, {"interview": None})


def section(ctx: PageContext, chosen: Filters) -> None:
    """The readiness brief (the glance above it has usually made it already)."""
    upcoming = ctx.remember(readiness.upcoming_interviews, ctx.minute)
    if not upcoming:
        st.info(
            _(
                "No upcoming interview is booked. Add one on the Interviews page to get a "
                "readiness brief for it."
            ),
            icon=":material/event:",
        )
        st.page_link("pages/interviews.py", label=_("Add an interview"), icon=":material/add:")
        leave_brief()
        return
    default = readiness.default_interview(upcoming)
    ids = [u.interview_id for u in upcoming]
    by_id = {u.interview_id: u for u in upcoming}
    if st.session_state.get(BRIEF) not in by_id:
        if st.session_state.get(BRIEF) is not None:
            st.info(
                _(
                    "That interview is no longer upcoming (its time has come, or it was "
                    "deleted): after it, its review shows how well the brief predicted it. "
                    "Here is the brief for the next one."
                ),
                icon=":material/info:",
            )
        st.session_state[BRIEF] = default.interview_id
    chosen_id = st.selectbox(
        _("Brief for"),
        ids,
        format_func=lambda i: _choice(by_id[i], ctx),
        key=BRIEF,
    )
    links.settle(PREPARE, {"interview": str(chosen_id)})
    made = ctx.remember(readiness.readiness_brief, chosen_id, ctx.minute)
    # The brief as it stands before the interview is kept, for the review's scorecard.
    predictions.keep_due(ctx.journal, made.likely, ctx.now, shown=True)
    _brief_head(ctx, made)
    _likely_lists(made.likely)
    left, right = st.columns(2)
    with left:
        st.markdown("#### " + _("Open actions"))
        general = _("general")
        _listing(
            [
                f":material/check_box_outline_blank: {md(action.text)} "
                f":gray-badge[{action.aspect_label}] "
                f":small[{md(action.where) if action.where else general}]"
                for action in made.open_actions
            ],
            empty=_("No open improvement actions."),
            bullets=False,
        )
        if made.open_count > len(made.open_actions):
            st.caption(_("… and {n} more.").format(n=made.open_count - len(made.open_actions)))
        st.markdown(
            "#### "
            + _("Advice from earlier interviewers at {company}").format(
                company=md(made.interview.company)
            )
        )
        _listing([_advice_line(item, ctx) for item in made.advice], empty=_("None recorded."))
    with right:
        _stories(made)
    st.download_button(
        _("Download the brief (Markdown)"),
        readiness.brief_markdown(made, ctx.now),
        file_name=f"readiness-brief-{made.interview.scheduled_at:%Y-%m-%d}.md",
        mime="text/markdown",
        icon=":material/download:",
        key="insights_download",
        on_click=_downloaded,
        args=(ctx.journal, made.likely),
    )


@uninterrupted
def _downloaded(journal: Journal, likely: LikelyQuestions) -> None:
    """The brief was downloaded: keep it as it stood, for the review's scorecard."""
    if predictions.keep(journal, likely, "downloaded", now_here()) is not None:
        st.toast(
            _(
                "Brief kept as it stands: after the interview, its review compares it with "
                "the questions asked."
            ),
            icon=":material/check:",
        )


def _choice(interview: readiness.UpcomingInterview, ctx: PageContext) -> str:
    """An upcoming interview as the brief's drop-down names it."""
    values = {"interview": interview.title, "day": when(interview.scheduled_at, ctx.now)}
    if interview.kind == "target":
        return _("{interview} · {day} (target)").format(**values)
    return _("{interview} · {day}").format(**values)


def _advice_line(item, ctx: PageContext) -> str:
    """One piece of advice, with when (and by whom) it was given."""
    day = when(item.scheduled_at, ctx.now)
    source = (
        _("{day} · {interviewer}").format(day=day, interviewer=md(item.interviewer))
        if item.interviewer
        else day
    )
    return _("{advice} :small[({source})]").format(advice=md(item.advice), source=source)


def _brief_head(ctx: PageContext, made: readiness.Brief) -> None:
    interview, likely = made.interview, made.likely
    kind = vocabulary.COMPANY_KINDS[interview.kind]
    st.markdown(f"### {md(interview.title)} {kind_badge(interview.kind, kind)}")
    score = made.readiness.score
    days, ready, below, actions = st.columns(4)
    days.metric(_("Days left"), made.days_left, help=when(interview.scheduled_at, ctx.now))
    target = wording.percent(likely.desired_retention)
    ready.metric(
        _("Readiness"),
        "—" if score is None else wording.percent(score),
        delta=likely.evidence_tag,
        delta_color="off",
        delta_arrow="off",
        help=_("The likely questions are {evidence}.").format(evidence=likely.evidence_text),
    )
    below.metric(
        _("To rehearse"),
        _("{n} of {total}").format(n=len(likely.to_rehearse), total=len(likely.questions)),
        help=_("Likely questions whose card is predicted below {target} recall on the day.").format(
            target=target
        ),
    )
    actions.metric(_("Open actions"), made.open_count)
    st.caption(f":material/function: {md(made.readiness.explanation())}")
    st.markdown(f":material/lightbulb: {md(readiness.rehearse_first(likely))}")
    if likely.to_rehearse:
        links.cram(interview.interview_id, label=_("Cram these now"))


def _likely_lists(likely: LikelyQuestions) -> None:
    st.markdown("#### " + _("Questions most likely to come up"))
    st.caption(
        md(
            _("{explanation} These are {evidence}.").format(
                explanation=score_explanation(), evidence=likely.evidence_text
            )
        )
    )
    if not likely.questions:
        st.info(md(readiness.rehearse_first(likely)), icon=":material/quiz:")
        return
    target = wording.percent(likely.desired_retention)
    for title, group in (
        (_("**Rehearse first**: below {target} recall on the day").format(target=target),
         likely.to_rehearse),
        (_("**Keep fresh**: answered well, or rehearsed up to the target"), likely.keep_fresh),
    ):  # fmt: skip
        if group:
            st.markdown(title)
            likely_list(group)
    if likely.count > len(likely.questions):
        st.caption(
            _("… and {n} less likely questions.").format(n=likely.count - len(likely.questions))
        )


def _stories(made: readiness.Brief) -> None:
    company = md(made.interview.company)
    st.markdown("#### " + _("Stories already told at {company}").format(company=company))
    _listing(
        [_("{story} :small[({where})]").format(story=md(story.title), where=md(story.where))
         for story in made.told_here],
        empty=_("None yet: every story is new to {company}.").format(company=company),
    )  # fmt: skip
    if made.told_here:
        st.caption(_("Tell a different one this round, or build on what they heard."))
    st.markdown("#### " + _("Stories never told that fit this interview"))
    _listing(
        [_("{story} :small[({where})]").format(story=md(story.title), where=md(story.reason))
         for story in made.fitting_stories],
        empty=_("None found among the stories you have never told."),
    )  # fmt: skip


def _listing(items: list[str], *, empty: str, bullets: bool = True) -> None:
    """Items of Markdown as one element (Streamlit's cost is per element), or `empty`."""
    if not items:
        st.caption(empty)
    elif bullets:
        st.markdown("\n".join(f"- {item}" for item in items))
    else:  # each item on its own line (they carry their own checkbox icon)
        st.markdown("  \n".join(items))

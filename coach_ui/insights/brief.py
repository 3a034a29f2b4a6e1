"""The readiness brief on the Insights page: the interview chosen (a Prepare link
opens it), its likely questions, open actions, advice and stories, and its download.
The brief itself is made by coach.readiness (its own feature: Home and the cram view
show the same likely questions).
"""

from __future__ import annotations

import streamlit as st

from coach import predictions, readiness, vocabulary
from coach.db import Journal
from coach.insights.filters import Filters
from coach.likely import SCORE_EXPLANATION, LikelyQuestions
from coach.text import md
from coach_ui import links
from coach_ui.formatting import kind_badge, when
from coach_ui.frame import PageContext, now_here
from coach_ui.insights.show import BRIEF_SECTION, SECTION
from coach_ui.likely_view import likely_list

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
            "No upcoming interview is booked. Add one on the Interviews page to get a "
            "readiness brief for it.",
            icon=":material/event:",
        )
        st.page_link("pages/interviews.py", label="Add an interview", icon=":material/add:")
        leave_brief()
        return
    default = readiness.default_interview(upcoming)
    ids = [u.interview_id for u in upcoming]
    by_id = {u.interview_id: u for u in upcoming}
    if st.session_state.get(BRIEF) not in by_id:
        if st.session_state.get(BRIEF) is not None:
            st.info(
                "That interview is no longer upcoming (its time has come, or it was "
                "deleted): after it, its review shows how well the brief predicted it. "
                "Here is the brief for the next one.",
                icon=":material/info:",
            )
        st.session_state[BRIEF] = default.interview_id
    chosen_id = st.selectbox(
        "Brief for",
        ids,
        format_func=lambda i: (
            f"{by_id[i].title} · {when(by_id[i].scheduled_at, ctx.now)}"
            + (" (target)" if by_id[i].kind == "target" else "")
        ),
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
        st.markdown("#### Open actions")
        _listing(
            [
                f":material/check_box_outline_blank: {md(action.text)} "
                f":gray-badge[{action.aspect_label}] "
                f":small[{md(action.where) if action.where else 'general'}]"
                for action in made.open_actions
            ],
            empty="No open improvement actions.",
            bullets=False,
        )
        if made.open_count > len(made.open_actions):
            st.caption(f"… and {made.open_count - len(made.open_actions)} more.")
        st.markdown(f"#### Advice from earlier interviewers at {md(made.interview.company)}")
        _listing(
            [
                f"{md(item.advice)} :small[({when(item.scheduled_at, ctx.now)}"
                + (f" · {md(item.interviewer)}" if item.interviewer else "")
                + ")]"
                for item in made.advice
            ],
            empty="None recorded.",
        )
    with right:
        _stories(made)
    st.download_button(
        "Download the brief (Markdown)",
        readiness.brief_markdown(made, ctx.now),
        file_name=f"readiness-brief-{made.interview.scheduled_at:%Y-%m-%d}.md",
        mime="text/markdown",
        icon=":material/download:",
        key="insights_download",
        on_click=_downloaded,
        args=(ctx.journal, made.likely),
    )


def _downloaded(journal: Journal, likely: LikelyQuestions) -> None:
    """The brief was downloaded: keep it as it stood, for the review's scorecard."""
    if predictions.keep(journal, likely, "downloaded", now_here()) is not None:
        st.toast(
            "Brief kept as it stands: after the interview, its review compares it with "
            "the questions asked.",
            icon=":material/check:",
        )


def _brief_head(ctx: PageContext, made: readiness.Brief) -> None:
    interview, likely = made.interview, made.likely
    kind = vocabulary.COMPANY_KINDS[interview.kind]
    st.markdown(f"### {md(interview.title)} {kind_badge(interview.kind, kind)}")
    score = made.readiness.score
    days, ready, below, actions = st.columns(4)
    days.metric("Days left", made.days_left, help=when(interview.scheduled_at, ctx.now))
    ready.metric(
        "Readiness",
        "—" if score is None else f"{score:.0%}",
        delta=likely.evidence_tag,
        delta_color="off",
        delta_arrow="off",
        help=f"The likely questions are {likely.evidence_text}.",
    )
    below.metric(
        "To rehearse",
        f"{len(likely.to_rehearse)} of {len(likely.questions)}",
        help=f"Likely questions whose card is predicted below {likely.desired_retention:.0%} "
        "recall on the day.",
    )
    actions.metric("Open actions", made.open_count)
    st.caption(f":material/function: {md(made.readiness.explanation())}")
    st.markdown(f":material/lightbulb: {md(readiness.rehearse_first(likely))}")
    if likely.to_rehearse:
        links.cram(interview.interview_id, label="Cram these now")


def _likely_lists(likely: LikelyQuestions) -> None:
    st.markdown("#### Questions most likely to come up")
    st.caption(md(f"{SCORE_EXPLANATION} These are {likely.evidence_text}."))
    if not likely.questions:
        st.info(md(readiness.rehearse_first(likely)), icon=":material/quiz:")
        return
    for title, group in (
        (f"**Rehearse first**: below {likely.desired_retention:.0%} recall on the day",
         likely.to_rehearse),
        ("**Keep fresh**: answered well, or rehearsed up to the target", likely.keep_fresh),
    ):  # fmt: skip
        if group:
            st.markdown(title)
            likely_list(group)
    if likely.count > len(likely.questions):
        st.caption(f"… and {likely.count - len(likely.questions)} less likely questions.")


def _stories(made: readiness.Brief) -> None:
    company = md(made.interview.company)
    st.markdown(f"#### Stories already told at {company}")
    _listing(
        [f"{md(story.title)} :small[({md(story.where)})]" for story in made.told_here],
        empty=f"None yet: every story is new to {company}.",
    )
    if made.told_here:
        st.caption("Tell a different one this round, or build on what they heard.")
    st.markdown("#### Stories never told that fit this interview")
    _listing(
        [f"{md(story.title)} :small[({md(story.reason)})]" for story in made.fitting_stories],
        empty="None found among the stories you have never told.",
    )


def _listing(items: list[str], *, empty: str, bullets: bool = True) -> None:
    """Items of Markdown as one element (Streamlit's cost is per element), or `empty`."""
    if not items:
        st.caption(empty)
    elif bullets:
        st.markdown("\n".join(f"- {item}" for item in items))
    else:  # each item on its own line (they carry their own checkbox icon)
        st.markdown("  \n".join(items))

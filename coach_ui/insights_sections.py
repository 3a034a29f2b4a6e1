"""The insights page's filters, glance and sections: widgets in, coach calls, render out.

Only the chosen section runs (the page picks it with a segmented control), so a run
builds at most three Altair charts. Every chart shows its one-line takeaway above it,
or an honest empty state instead of the chart when the data are too few.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from coach import charts, insights, predictions, readiness, takeaways, vocabulary
from coach.db import Journal
from coach.insights import Filters
from coach.likely import SCORE_EXPLANATION, LikelyQuestions, likely_questions
from coach.text import md
from coach_ui import links
from coach_ui.formatting import kind_badge, outcome_badge, when
from coach_ui.frame import PageContext, now_here
from coach_ui.likely_view import likely_list

ALL = "all"
CELL = "insights_cell"  # the fallback selectbox of heatmap cells
CELL_SEEN = "insights_cell_seen"  # the chart selection last applied to it
BRIEF = "insights_brief_interview"
BRIEF_SECTION = "Readiness brief"
SECTION = "insights_section"  # the segmented control choosing the section
PREPARE = "insights_url"  # the query parameters the page last wrote (coach_ui.links)
# Per-interview charts draw at most this many interviews, the latest: more points than
# this are unreadable, and slow to build and to send.
CHART_INTERVIEWS = 60
# Advice and referrals list this many, the latest, and this many more per click.
LISTED = 10
ADVICE_SHOWN = "insights_advice_shown"
REFERRALS_SHOWN = "insights_referrals_shown"


# --- Filters and glance -------------------------------------------------------------


def filters(ctx: PageContext) -> Filters:
    choices = ctx.remember(insights.filter_choices, ctx.minute)
    first = choices.first_day or ctx.now.date()
    last = max(choices.last_day or first, first)
    dates, kind, company = st.columns([2, 1, 2])
    picked = dates.date_input(
        "Interviews held between",
        value=(first, last),
        key="insights_dates",
        format="DD/MM/YYYY",
    )
    start, end = _range(picked)
    kind_key = kind.selectbox(
        "Company kind",
        [ALL, *vocabulary.COMPANY_KINDS],
        format_func=lambda k: "All kinds" if k == ALL else vocabulary.COMPANY_KINDS[k],
        key="insights_kind",
    )
    company_id = company.selectbox(
        "Company",
        [ALL, *choices.companies],
        format_func=lambda c: "All companies" if c == ALL else choices.companies[c],
        key="insights_company",
    )
    st.caption(
        "Filters apply to every section but the readiness brief, which draws on your whole "
        "journal. Rehearsal follows the dates only."
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
    dimensions = ctx.remember(insights.dimension_weakness, chosen, ctx.minute)
    halves = ctx.remember(insights.signal_halves, chosen, ctx.minute)
    weak = takeaways.weakness_takeaway(dimensions)
    fixes = takeaways.signal_takeaway(halves)
    upcoming = ctx.remember(readiness.upcoming_interviews, ctx.minute)
    target = readiness.default_interview(upcoming)
    left, middle, right = st.columns(3)
    with left.container(border=True):
        st.markdown("**:material/trending_down: Where you are weakest**")
        st.markdown(md(weak.text))
    with middle.container(border=True):
        st.markdown("**:material/timer: Are interruptions falling?**")
        st.markdown(md(fixes.text))
    with right.container(border=True):
        st.markdown("**:material/flag: Before your next interview**")
        if target is None:
            st.markdown("No upcoming interview is booked.")
        elif with_brief:
            made = ctx.remember(readiness.readiness_brief, target.interview_id, ctx.minute)
            st.markdown(md(readiness.rehearse_first(made.likely)))
        else:
            found = ctx.remember(likely_questions, target.interview_id, ctx.minute)
            st.markdown(md(readiness.rehearse_first(found)))
            links.prepare(target.interview_id)


def _takeaway(take: takeaways.Takeaway) -> bool:
    """Show the takeaway (or the empty state); whether to draw the chart."""
    if not take.enough:
        st.info(md(take.text), icon=":material/hourglass_empty:")
        return False
    st.markdown(f":material/lightbulb: {md(take.text)}")
    return True


def _chart(builder, rows, *extra, **kwargs):
    """Draw `builder(rows, *extra)`; its spec is built once per distinct input."""
    return st.vega_lite_chart(spec=charts.spec(builder, rows, *extra), width="stretch", **kwargs)


# --- 1. Overall trend ---------------------------------------------------------------


def overall(ctx: PageContext, chosen: Filters) -> None:
    halves = ctx.remember(insights.rating_halves, chosen, ctx.minute)
    left, right = st.columns([3, 2])
    with left:
        st.subheader("Overall rating over time")
        if _takeaway(takeaways.rating_takeaway(halves)):
            rated = ctx.remember(
                insights.rated_interviews, chosen, ctx.minute, latest=CHART_INTERVIEWS
            )
            _chart(charts.rating_trend_chart, rated)
            _drawn_note(len(rated), halves.count)
    with right:
        st.subheader("My rating against the outcome")
        cells = ctx.remember(insights.calibration, chosen, ctx.minute)
        if _takeaway(takeaways.calibration_takeaway(cells)):
            _chart(charts.calibration_chart, cells)


# --- 2. Where I am weak -------------------------------------------------------------


def weak_spots(ctx: PageContext, chosen: Filters) -> None:
    dimensions = ctx.remember(insights.dimension_weakness, chosen, ctx.minute)
    take = takeaways.weakness_takeaway(dimensions)
    st.subheader("Where you are weak")
    if not _takeaway(take):
        return
    cells = ctx.remember(insights.signal_cells, chosen, ctx.minute)
    left, right = st.columns([3, 2])
    with left:
        st.caption("Answers by dimension and the interviewer's signal. Click a cell to list them.")
        event = _chart(charts.heatmap_chart, cells, on_select="rerun", key="insights_heatmap")
    with right:
        st.caption("Dimensions ranked by their share of weak answers.")
        _chart(charts.weakness_chart, dimensions)
    options = [(c.dimension, c.signal) for c in cells]
    labels = {
        (c.dimension, c.signal): f"{c.dimension_label} × {c.signal_label} ({c.asks})" for c in cells
    }
    clicked = _clicked_cell(event)
    if clicked != st.session_state.get(CELL_SEEN):
        st.session_state[CELL_SEEN] = clicked
        if clicked in labels:
            st.session_state[CELL] = clicked
    if st.session_state.get(CELL) not in labels:
        st.session_state.pop(CELL, None)
    cell = st.selectbox(
        "Answers in one cell",
        options,
        index=None,
        format_func=labels.get,
        placeholder="Click a cell above, or choose a dimension × signal here",
        key=CELL,
    )
    if cell is not None:
        _ask_listing(ctx, chosen, *cell, labels[cell])


def _clicked_cell(event) -> tuple[str, str] | None:
    try:
        points = event["selection"][charts.HEATMAP_SELECTION]
    except (KeyError, TypeError):
        return None
    if not points:
        return None
    point = points[0]
    if "dimension" in point and "signal" in point:
        return point["dimension"], point["signal"]
    return None


def _ask_listing(ctx: PageContext, chosen: Filters, dimension: str, signal: str, label: str):
    asks = insights.asks_in_cell(ctx.cur, chosen, ctx.now, dimension, signal)
    st.markdown(f"**{md(label)}**: latest first")
    for ask in asks:
        with st.container(border=True):
            badges = []
            if ask.self_score is not None:
                badges.append(f":gray-badge[Self score: {vocabulary.SELF_SCORES[ask.self_score]}]")
            if ask.cause:
                badges.append(f":orange-badge[{vocabulary.CAUSES[ask.cause]}]")
            st.markdown(f"**{md(ask.question)}** " + " ".join(badges))
            st.caption(f"{md(ask.company)} · {when(ask.scheduled_at, ctx.now)}")
            if ask.answer_notes:
                st.markdown(f"*What I said:* {md(ask.answer_notes)}")
            if ask.what_went_wrong:
                st.markdown(f"*What went wrong:* {md(ask.what_went_wrong)}")
            if ask.best_answer:
                st.markdown(f"*Best answer so far:* {md(ask.best_answer)}")


# --- 3. Are the fixes working -------------------------------------------------------


def fixes(ctx: PageContext, chosen: Filters) -> None:
    halves = ctx.remember(insights.signal_halves, chosen, ctx.minute)
    st.subheader("Are the fixes working?")
    if _takeaway(takeaways.fixes_takeaway(halves)):
        st.caption(md(takeaways.signal_takeaway(halves).text))
        shares = ctx.remember(insights.signal_shares, chosen, ctx.minute, latest=CHART_INTERVIEWS)
        _chart(charts.fixes_chart, shares)
        _drawn_note(len(shares), halves.interviews)


def _drawn_note(drawn: int, total: int) -> None:
    """Say so when a per-interview chart draws only the latest interviews."""
    if drawn < total:
        st.caption(
            f"The chart draws the latest {drawn} of {total} interviews (the takeaway "
            "counts them all); narrow the dates above to see older ones."
        )


# --- 4. Relationship ----------------------------------------------------------------


def relationship(ctx: PageContext, chosen: Filters) -> None:
    summary = ctx.remember(insights.relationship_summary, chosen, ctx.minute)
    st.subheader("Harmony and pace")
    if _takeaway(takeaways.relationship_takeaway(summary)):
        # The chart draws the interviews with a harmony: the latest of those.
        rated = ctx.remember(
            insights.relationship_points, chosen, ctx.minute, latest_with_harmony=CHART_INTERVIEWS
        )
        _chart(charts.relationship_chart, rated)
        _drawn_note(len(rated), summary.harmony.count)
    left, right = st.columns(2)
    with left:
        st.subheader("Advice received")
        shown = st.session_state.get(ADVICE_SHOWN, LISTED)
        advice = ctx.remember(insights.advice_received, chosen, ctx.minute, limit=shown + 1)
        if not advice:
            st.info("No interviewer has given advice in these interviews.", icon=":material/forum:")
        for item in advice[:shown]:
            with st.container(border=True):
                st.markdown(md(item.advice))
                who = f" · {md(item.interviewer)}" if item.interviewer else ""
                st.caption(f"{md(item.company)} · {when(item.scheduled_at, ctx.now)}{who}")
        _more_button(ADVICE_SHOWN, shown, len(advice) > shown)
    with right:
        st.subheader("Referrals and what came of them")
        shown_referrals = st.session_state.get(REFERRALS_SHOWN, LISTED)
        found = ctx.remember(insights.referrals, chosen, ctx.minute, limit=shown_referrals + 1)
        if not found:
            st.info("No referrals recorded in these interviews.", icon=":material/share:")
        for item in found[:shown_referrals]:
            with st.container(border=True):
                outcome = vocabulary.OUTCOMES[item.outcome]
                st.markdown(f"**{md(item.company)}** {outcome_badge(item.outcome, outcome)}")
                st.markdown(md(item.referral))
                st.caption(f"{when(item.scheduled_at, ctx.now)} · {md(item.interviewer)}")
                for follow in item.follow_ups:
                    mark = (
                        ":material/check_box:"
                        if follow.done
                        else ":material/check_box_outline_blank:"
                    )
                    st.markdown(f"{mark} {md(follow.text)}")
                for later in item.later:
                    state = (
                        "upcoming" if later.upcoming else vocabulary.OUTCOMES[later.outcome].lower()
                    )
                    st.markdown(
                        f":material/arrow_forward: {md(later.round or later.role)} "
                        f"({when(later.scheduled_at, ctx.now)}): {state}"
                    )
        _more_button(REFERRALS_SHOWN, shown_referrals, len(found) > shown_referrals)


def _more_button(key: str, shown: int, more: bool) -> None:
    """'Show older': the listing grows by LISTED, up to the query's own limit."""
    if more and shown < insights.LISTING_LIMIT:
        st.button(
            "Show older",
            key=f"{key}_more",
            icon=":material/expand_more:",
            on_click=lambda: st.session_state.update({key: shown + LISTED}),
        )


# --- 5. Stories -------------------------------------------------------------------


def stories(ctx: PageContext, chosen: Filters) -> None:
    tallies = ctx.remember(insights.story_tallies, chosen, ctx.minute)
    uncovered = ctx.remember(insights.uncovered_skills, chosen, ctx.minute)
    st.subheader("Stories told, partly told and missed")
    if _takeaway(takeaways.story_takeaway(tallies, uncovered)):
        _chart(charts.stories_chart, [t for t in tallies if t.used])
    left, right = st.columns(2)
    with left:
        st.markdown("**Not yet told in full**")
        untold = [t for t in tallies if not t.told]
        if not untold:
            st.caption("Every story has been told in full at least once.")
        for t in untold:
            st.markdown(
                f"- {md(t.title)} (partly {t.partly}, missed {t.missed})"
                if t.used
                else f"- {md(t.title)} (never used)"
            )
    with right:
        st.markdown("**Skills no fully told story shows yet**")
        if not uncovered:
            st.caption("Every skill in your stories has been shown in a story told in full.")
        else:
            st.markdown(" ".join(f":orange-badge[{md(s)}]" for s in uncovered))
            st.caption("Skills come from your stories; bridge to a story that shows them.")


# --- 6. Recurring questions ---------------------------------------------------------


def recurring(ctx: PageContext, chosen: Filters) -> None:
    rows = ctx.remember(insights.recurring_questions, chosen, ctx.minute)
    desired = _desired(ctx)
    st.subheader("Questions that keep coming back")
    if _takeaway(takeaways.recurring_takeaway(rows, desired)):
        _chart(charts.recurring_chart, rows, desired)


def _desired(ctx: PageContext) -> float:
    from coach.settings import get_setting

    return float(get_setting(ctx.cur, "desired_retention"))


# --- 7. Rehearsal -------------------------------------------------------------------


def rehearsal(ctx: PageContext, chosen: Filters) -> None:
    days = ctx.remember(insights.rehearsals_per_day, chosen, ctx.minute)
    forecast = ctx.remember(insights.due_forecast, ctx.minute)
    bins = ctx.remember(insights.recall_distribution, ctx.minute)
    retention = ctx.remember(insights.true_retention, chosen, ctx.minute)
    kept = takeaways.retention_takeaway(retention)
    metric, text = st.columns([1, 3], vertical_alignment="center")
    metric.metric(
        "True retention",
        "—" if retention.share is None else f"{retention.share:.0%}",
        help="Share of passing grades (Hard, Good or Easy) on cards already in review.",
    )
    with text:
        _takeaway(kept)
    left, right = st.columns(2)
    with left:
        st.subheader("Rehearsals per day")
        if _takeaway(takeaways.rehearsal_takeaway(days, ctx.now.date())):
            _chart(charts.rehearsals_chart, days)
    with right:
        st.subheader("Due in the next 14 days")
        if _takeaway(takeaways.forecast_takeaway(forecast)):
            _chart(charts.due_forecast_chart, forecast)
    st.subheader("Predicted recall today")
    desired = retention.desired
    if _takeaway(takeaways.recall_takeaway(bins, desired)):
        _chart(charts.recall_histogram, bins, desired)


# --- 8. Readiness brief -------------------------------------------------------------


def arrive() -> None:
    """A *Prepare* link (?interview=12), a bookmark or a refresh opens that interview's brief."""
    asked = links.arrived(PREPARE, ("interview",))
    if asked is not None and asked["interview"] is not None:
        st.session_state[SECTION] = BRIEF_SECTION
        st.session_state[BRIEF] = links.int_param(asked["interview"]) or -1


def leave_brief() -> None:
    """Another section is shown: the URL no longer names an interview."""
    links.settle(PREPARE, {"interview": None})


def brief(ctx: PageContext, chosen: Filters) -> None:
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
    predictions.keep(journal, likely, "downloaded", now_here())


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


# --- 9. Predictions -----------------------------------------------------------------


def prediction_scores(ctx: PageContext, chosen: Filters) -> None:
    rows = ctx.remember(predictions.scored_interviews, chosen, ctx.minute, latest=CHART_INTERVIEWS)
    st.subheader("How well the briefs predicted the questions")
    if _takeaway(predictions.prediction_takeaway(rows)):
        _chart(charts.prediction_chart, rows)
        st.caption(
            "Each bar is a reviewed interview whose brief was kept before it: the questions "
            "asked that the brief predicted, and the surprises. Surprises enter your "
            "question bank, and the weak ones become rehearsal cards, so the next brief "
            "knows them."
        )


# Each section draws itself from (ctx, filters).
SECTIONS: dict[str, Callable[[PageContext, Filters], None]] = {
    BRIEF_SECTION: brief,
    "Overall trend": overall,
    "Weak spots": weak_spots,
    "Fixes": fixes,
    "Relationship": relationship,
    "Stories": stories,
    "Recurring questions": recurring,
    "Rehearsal": rehearsal,
    "Predictions": prediction_scores,
}

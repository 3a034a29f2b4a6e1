"""The Practice page's rehearsal sections: progress, today's queue, leeches and cram."""

from __future__ import annotations

import streamlit as st

from coach import likely, practice, predictions, readiness
from coach.errors import JournalError
from coach.text import md
from coach.wording import plural
from coach_ui import lazy, links, practice_cards
from coach_ui.formatting import relative_day, when
from coach_ui.frame import PageContext
from coach_ui.likely_view import likely_list
from coach_ui.practice_rehearsal import NOTICE, rehearsal, rewrite, skipped

SECTION = "practice_section"  # the segmented control choosing the section (bound to the URL)
AHEAD = "practice_ahead"  # practising ahead of schedule, once today's queue is clear
DIMENSION = "practice_dimension"
COMPANY = "practice_company"
CRAM_INTERVIEW = "practice_cram_interview"
THESE = "practice_these"  # an interview whose weak answers are rehearsed ("Rehearse these")
URL = "practice_url"  # the query parameters the page last wrote (coach_ui.links)
LEECHES_SHOWN = 5
UP_NEXT = "practice_up_next"  # the "Up next" expander, open or not


def leech_key(card_id: int) -> str:
    """A leech's expander (its rewrite form is drawn only while it is open)."""
    return f"practice_leech_{card_id}"


def arrive(sections: dict[str, str]) -> None:
    """Follow a link, a bookmark or a refresh: ?section=cram&interview=12 crams for that
    interview; ?interview=12 alone rehearses the weak answers of its review."""
    asked = links.arrived(URL, ("section", "interview"))
    if asked is None:
        if st.session_state.get(SECTION) not in sections:
            st.session_state[SECTION] = "today"
        return
    section = asked["section"] if asked["section"] in sections else "today"
    interview = links.int_param(asked["interview"])
    st.session_state[SECTION] = section
    st.session_state[THESE] = interview if section == "today" else None
    if section == "cram" and interview is not None:
        st.session_state[CRAM_INTERVIEW] = interview


def settle(section: str, interview: int | None) -> None:
    links.settle(
        URL,
        {
            "section": None if section == "today" else section,
            "interview": None if interview is None else str(interview),
        },
    )


def go_to(section: str) -> None:
    """A button callback: switch the page to another section."""
    st.session_state[SECTION] = section


def progress_strip(ctx: PageContext, progress: practice.Progress) -> None:
    due, week, done, streak = st.columns(4)
    due.metric("Due today", progress.due_today, border=True)
    week.metric("Due in the next 7 days", progress.due_next_7_days, border=True)
    done.metric("Rehearsed today", progress.rehearsed_today, border=True)
    days = progress.streak_days
    streak.metric(
        "Streak",
        f"{days} day{'s' if days != 1 else ''}",
        help=(
            "Days in a row with at least one rehearsal."
            + ("" if progress.streak_includes_today or not days else " Rehearse today to keep it.")
        ),
        border=True,
    )


def filters(ctx: PageContext) -> tuple[str | None, int | None]:
    dimensions = practice.card_dimensions(ctx.cur)
    companies = practice.card_companies(ctx.cur)
    if not dimensions and not companies:
        return None, None
    # Halves, so that the longest dimension's name reads whole on a laptop screen.
    left, right = st.columns(2)
    dimension = left.selectbox(
        "Dimension",
        list(dimensions),
        format_func=dimensions.get,
        index=None,
        placeholder="All dimensions",
        key=DIMENSION,
    )
    company = right.selectbox(
        "Asked at",
        list(companies),
        format_func=companies.get,
        index=None,
        placeholder="Any company",
        key=COMPANY,
    )
    return dimension, company


def _first_unskipped(cards: list[practice.CardRow]) -> practice.CardRow | None:
    gone = skipped()
    return next((c for c in cards if c.card_id not in gone), None)


def _badge(card: practice.CardRow, ctx: PageContext) -> str:
    if card.is_new:
        return ":blue-badge[:material/fiber_new: New]"
    overdue = relative_day(card.due, ctx.now)
    return f":orange-badge[:material/schedule: Due {overdue}]"


def _up_next(cards: list[practice.CardRow], current: practice.CardRow, ctx: PageContext) -> None:
    rest = [c for c in cards if c.card_id != current.card_id][:8]
    if not rest:
        return
    box = lazy.expander(f"Up next ({len(rest)} shown)", key=UP_NEXT, icon=":material/list:")
    if not box.open:
        return
    with box:
        for card in rest:
            mark = " · skipped for now" if card.card_id in skipped() else ""
            kind = "new" if card.is_new else f"due {relative_day(card.due, ctx.now)}"
            st.markdown(f"- {md(card.question)} :gray[({kind}{mark})]")


def leeches_panel(
    ctx: PageContext,
    found: list[practice.CardRow],
    details: dict[int, practice.CardDetail],
) -> None:
    """The worst leeches; `details` holds the open ones' (their rewrite forms are drawn)."""
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.warning(notice, icon=":material/bug_report:")
    if not found:
        return
    st.markdown(f"#### :material/bug_report: Rewrite first ({len(found)})")
    st.caption(
        "These answers keep slipping however often you drill them. Rewrite them: simpler, "
        "more concrete, shorter. A rewritten card starts afresh in today's queue."
        + (f" The {LEECHES_SHOWN} worst are shown; the next appear as you rewrite them."
           if len(found) > LEECHES_SHOWN else "")
    )  # fmt: skip
    for card in found[:LEECHES_SHOWN]:
        box = lazy.expander(
            f"{md(card.question)} — {card.lapses} lapses",
            key=leech_key(card.card_id),
            icon=":material/edit:",
        )
        if box.open and card.card_id in details:  # not there: deleted since the list was read
            with box:
                rewrite(ctx, details[card.card_id])


def empty_journal(ctx: PageContext) -> None:
    st.info(
        "**No rehearsal cards yet.** Cards come from your weak answers: when you review an "
        "interview in the guided review, every question you answered poorly (a low self "
        "score, an interruption, a confused or probing interviewer, or a cause you noted) "
        "becomes a card here. You can also add any question by hand.",
        icon=":material/school:",
    )
    practice_cards.add_card_form(ctx, expanded=True)


def these(ctx: PageContext, interview_id: int) -> int | None:
    """Rehearse the weak answers of one review, one after another; the interview's id
    while they are on screen (for the URL), None once the candidate goes back."""
    try:
        found = practice.interview_cards(ctx.cur, interview_id, ctx.now)
    except JournalError as error:
        st.session_state[THESE] = None
        st.warning(f"{error} Here is today's queue instead.", icon=":material/info:")
        return None
    head, back = st.columns([4, 1], vertical_alignment="center")
    head.markdown(f"#### Rehearse the weak answers from {md(found.title)}")
    back.button(
        "Today's queue",
        icon=":material/today:",
        on_click=lambda: st.session_state.update({THESE: None}),
        width="stretch",
        key="practice_these_back",
    )
    card = _first_unskipped(found.remaining)
    if not found.cards:
        st.info(
            "No weak answer of this interview is an active rehearsal card.",
            icon=":material/task_alt:",
        )
    elif card is None:
        st.success(
            f"All {plural(len(found.cards), 'weak answer')} of this review rehearsed today"
            + (" (or skipped for now)." if found.remaining else "."),
            icon=":material/task_alt:",
        )
    else:
        st.caption(
            f"**{len(found.remaining)}** of {plural(len(found.cards), 'weak answer')} "
            "left to rehearse today, in the order they were asked."
        )
        rehearsal(ctx, card, badge=_badge(card, ctx))
    return interview_id


def today(ctx: PageContext, progress: practice.Progress) -> int | None:
    """Today's queue (or the weak answers of one review: `these`); the interview's id
    shown, for the URL."""
    if st.session_state.get(THESE) is not None:
        return these(ctx, st.session_state[THESE])
    if progress.total_cards == 0:
        empty_journal(ctx)
        return None
    # The leeches come first on the page, but their details load together with the
    # current card's (one set of queries), once the filters have chosen that card.
    leech_area = st.container()
    dimension, company = filters(ctx)
    queue = practice.todays_queue(ctx.cur, ctx.now, dimension=dimension, company_id=company)
    current = _first_unskipped(queue.cards)
    found = practice.leeches(ctx.cur)
    # An expander's state is known before it is drawn: load only the open leeches' details.
    opened = [
        c.card_id for c in found[:LEECHES_SHOWN] if st.session_state.get(leech_key(c.card_id))
    ]
    details = practice.card_details(
        ctx.cur, opened + ([current.card_id] if current is not None else []), ctx.now
    )
    with leech_area:
        leeches_panel(ctx, found, details)
    if current is not None:
        st.caption(
            f"**{queue.total}** to rehearse today: {queue.due_count} due, "
            f"{queue.new_count} new" + (f" · {len(skipped())} skipped for now" if skipped() else "")
        )
        rehearsal(ctx, current, badge=_badge(current, ctx), detail=details.get(current.card_id))
        _up_next(queue.cards, current, ctx)
        return
    if queue.cards:  # everything left was skipped
        st.info(
            f"You skipped the remaining {len(queue.cards)} card(s) for now.",
            icon=":material/skip_next:",
        )
        if st.button("Bring the skipped cards back", icon=":material/undo:"):
            skipped().clear()
            st.rerun()
        return
    filtered = " matching these filters" if dimension or company else ""
    next_due = (
        f" The next card{filtered} is due {relative_day(queue.next_due, ctx.now)} "
        f"({when(queue.next_due, ctx.now)})."
        if queue.next_due
        else ""
    )
    st.success(f"**Today's queue is clear{filtered}.**{next_due}", icon=":material/task_alt:")
    if st.session_state.get(AHEAD):
        ahead = practice.ahead_of_schedule(
            ctx.cur, ctx.now, dimension=dimension, company_id=company
        )
        card = _first_unskipped(ahead)
        if card is None:
            st.caption("Nothing left to practise ahead of schedule today.")
        else:
            rehearsal(
                ctx,
                card,
                badge=f":green-badge[:material/fast_forward: Ahead · due "
                f"{relative_day(card.due, ctx.now)}]",
            )
        st.button(
            "Stop practising ahead",
            on_click=lambda: st.session_state.update({AHEAD: False}),
            type="tertiary",
        )
        return
    cram, ahead_col, _ = st.columns([1, 1, 1])
    cram.button(
        "Cram for an interview",
        icon=":material/event_upcoming:",
        on_click=go_to,
        args=("cram",),
        width="stretch",
    )
    ahead_col.button(
        "Practise ahead",
        icon=":material/fast_forward:",
        help="Rehearse the cards that come due soonest, before they are due.",
        on_click=lambda: st.session_state.update({AHEAD: True}),
        width="stretch",
    )


def _interview_label(interview: likely.UpcomingInterview, ctx: PageContext) -> str:
    kind = " (target)" if interview.kind == "target" else ""
    return (
        f"{interview.title}{kind} — {when(interview.scheduled_at, ctx.now)} "
        f"({relative_day(interview.scheduled_at, ctx.now)})"
    )


def cram(ctx: PageContext, progress: practice.Progress) -> int | None:
    """The brief's cards to rehearse before one upcoming interview; its id, for the URL."""
    upcoming = ctx.remember(likely.upcoming_interviews, ctx.minute)
    if not upcoming:
        st.info(
            "No upcoming interview is booked. Add one on the Interviews page to cram for it.",
            icon=":material/event:",
        )
        st.page_link("pages/interviews.py", label="Add an interview", icon=":material/add:")
        return None
    by_id = {i.interview_id: i for i in upcoming}
    if st.session_state.get(CRAM_INTERVIEW) not in by_id:
        if st.session_state.get(CRAM_INTERVIEW) is not None:
            st.info(
                "That interview is no longer upcoming (its time has come, or it was "
                "deleted); here is the next one.",
                icon=":material/info:",
            )
        # Targets first: those are the interviews worth cramming for.
        st.session_state[CRAM_INTERVIEW] = likely.default_interview(upcoming).interview_id
    chosen = st.selectbox(
        "Cram for",
        list(by_id),
        format_func=lambda i: _interview_label(by_id[i], ctx),
        key=CRAM_INTERVIEW,
    )
    found = ctx.remember(likely.likely_questions, chosen, ctx.minute)
    predictions.keep_due(ctx.journal, found, ctx.now, shown=False)  # on the interview's day
    plan = practice.cram_plan(ctx.cur, found, ctx.now)
    links.prepare(chosen, label="The brief for this interview")
    retention = f"{plan.desired_retention:.0%}"
    day = when(by_id[chosen].scheduled_at, ctx.now)
    if plan.count == 0:
        if found.questions:
            st.success(
                f"**Ready.** All {len(found.questions)} likely questions of the brief are "
                f"answered well or predicted at {retention} recall or more on {day}.",
                icon=":material/verified:",
            )
        else:
            st.info(md(readiness.rehearse_first(found)), icon=":material/quiz:")
        return chosen
    days, left = plan.days_left, len(plan.remaining)
    st.info(
        f"The brief lists **{plural(plan.count, 'likely question')}** below {retention} "
        f"recall on {day}."
        + (f" {plan.rehearsed_today} rehearsed today already." if plan.rehearsed_today else "")
        + (f" With {plural(days, 'practice day')} left, rehearse **{plan.per_day} a day** to "
           "be ready." if left else " All rehearsed today: well done.")
        , icon=":material/event_upcoming:",
    )  # fmt: skip
    card = _first_unskipped(plan.remaining)
    if card is not None:
        why = {q.card_id: q for q in found.to_rehearse}[card.card_id]
        badge = (
            ":blue-badge[:material/fiber_new: New: never rehearsed]"
            if card.is_new
            else f":violet-badge[:material/trending_down: {why.recall_text} recall "
            "predicted on the day]"
        )
        st.caption("Why likely: " + md("; ".join(why.reasons)))
        rehearsal(ctx, card, badge=badge)
    with st.expander(f"The brief's list ({plan.count})", icon=":material/list:"):
        likely_list(found.to_rehearse, done_today=plan.done_today)
    return chosen

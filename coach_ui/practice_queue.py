"""The Practice page's rehearsal sections: progress, today's queue, leeches and cram."""

from __future__ import annotations

import streamlit as st

from coach import practice
from coach.text import md
from coach_ui import lazy, practice_cards
from coach_ui.formatting import relative_day, when
from coach_ui.frame import PageContext
from coach_ui.practice_rehearsal import NOTICE, rehearsal, rewrite, skipped

SECTION = "practice_section"  # the segmented control choosing the section (bound to the URL)
AHEAD = "practice_ahead"  # practising ahead of schedule, once today's queue is clear
DIMENSION = "practice_dimension"
COMPANY = "practice_company"
CRAM_INTERVIEW = "practice_cram_interview"
LEECHES_SHOWN = 5
UP_NEXT = "practice_up_next"  # the "Up next" expander, open or not


def leech_key(card_id: int) -> str:
    """A leech's expander (its rewrite form is drawn only while it is open)."""
    return f"practice_leech_{card_id}"


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
    left, right, _ = st.columns([2, 2, 3])
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


def today(ctx: PageContext, progress: practice.Progress) -> None:
    if progress.total_cards == 0:
        empty_journal(ctx)
        return
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


def _interview_label(interview: practice.UpcomingInterview, ctx: PageContext) -> str:
    return (
        f"{interview.title} — {when(interview.scheduled_at, ctx.now)} "
        f"({relative_day(interview.scheduled_at, ctx.now)})"
    )


def cram(ctx: PageContext, progress: practice.Progress) -> None:
    upcoming = practice.upcoming_interviews(ctx.cur, ctx.now)
    if not upcoming:
        st.info(
            "No upcoming interview is booked. Add one on the Interviews page to cram for it.",
            icon=":material/event:",
        )
        st.page_link("pages/interviews.py", label="Add an interview", icon=":material/add:")
        return
    if progress.active_cards == 0:
        empty_journal(ctx)
        return
    by_id = {i.id: i for i in upcoming}
    # Targets first: those are the interviews worth cramming for.
    default = next((i.id for i in upcoming if i.company_kind == "target"), upcoming[0].id)
    if st.session_state.get(CRAM_INTERVIEW) not in by_id:
        st.session_state[CRAM_INTERVIEW] = default
    chosen = st.selectbox(
        "Cram for",
        list(by_id),
        format_func=lambda i: _interview_label(by_id[i], ctx),
        key=CRAM_INTERVIEW,
    )
    interview = by_id[chosen]
    dimension, company = filters(ctx)
    plan = practice.cram_plan(
        ctx.cur, interview.scheduled_at, ctx.now, dimension=dimension, company_id=company
    )
    retention = f"{plan.desired_retention:.0%}"
    day = when(interview.scheduled_at, ctx.now)
    if plan.count == 0:
        done = (
            f" ({plan.rehearsed_today} rehearsed today count as done.)"
            if plan.rehearsed_today
            else ""
        )
        st.success(
            f"**Ready.** Every card is predicted above {retention} recall on {day}.{done}",
            icon=":material/verified:",
        )
        return
    days = plan.days_left
    st.info(
        f"**{plan.count} card{'s' if plan.count != 1 else ''}** would be below {retention} "
        f"recall on {day}. With {days} practice day{'s' if days != 1 else ''} left, "
        f"rehearse **{plan.per_day} a day** to be ready."
        + (f" {plan.rehearsed_today} already rehearsed today." if plan.rehearsed_today else ""),
        icon=":material/event_upcoming:",
    )
    card = _first_unskipped(plan.cards)
    if card is not None:
        badge = (
            ":blue-badge[:material/fiber_new: New: never rehearsed]"
            if card.is_new
            else f":violet-badge[:material/trending_down: {card.recall or 0:.0%} recall "
            "predicted on the day]"
        )
        rehearsal(ctx, card, badge=badge)
    with st.expander(f"Weakest first ({len(plan.cards)} shown)", icon=":material/list:"):
        st.dataframe(
            {
                "Question": [c.question for c in plan.cards],
                "Recall on the day": [c.recall or 0.0 for c in plan.cards],
                "Due": [c.due.astimezone(ctx.now.tzinfo) for c in plan.cards],
                "Lapses": [c.lapses for c in plan.cards],
            },
            hide_index=True,
            column_config={
                "Recall on the day": st.column_config.ProgressColumn(
                    format="percent", min_value=0.0, max_value=1.0
                ),
                "Due": st.column_config.DatetimeColumn(format="ddd D MMM"),
            },
        )

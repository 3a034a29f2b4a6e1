"""The Practice page's rehearsal sections: progress, today's queue, leeches and cram."""

from __future__ import annotations

import streamlit as st

from coach import likely, practice, predictions, readiness, wording
from coach.errors import JournalError
from coach.i18n import _, ngettext, pgettext
from coach.text import md
from coach.wording import sentences
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


def arrive(sections: dict) -> None:
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
    due.metric(_("Due today"), progress.due_today, border=True)
    week.metric(_("Due in the next 7 days"), progress.due_next_7_days, border=True)
    done.metric(_("Rehearsed today"), progress.rehearsed_today, border=True)
    days = progress.streak_days
    streak.metric(
        _("Streak"),
        ngettext("{n} day", "{n} days", days).format(n=days),
        help=(
            _("Days in a row with at least one rehearsal.")
            if progress.streak_includes_today or not days
            else _("Days in a row with at least one rehearsal. Rehearse today to keep it.")
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
        _("Dimension"),
        list(dimensions),
        format_func=dimensions.get,
        index=None,
        placeholder=_("All dimensions"),
        key=DIMENSION,
    )
    company = right.selectbox(
        _("Asked at"),
        list(companies),
        format_func=companies.get,
        index=None,
        placeholder=_("Any company"),
        key=COMPANY,
    )
    return dimension, company


def _first_unskipped(cards: list[practice.CardRow]) -> practice.CardRow | None:
    gone = skipped()
    return next((c for c in cards if c.card_id not in gone), None)


def _badge(card: practice.CardRow, ctx: PageContext) -> str:
    if card.is_new:
        return ":blue-badge[:material/fiber_new: " + _("New") + "]"
    overdue = relative_day(card.due, ctx.now)
    return ":orange-badge[:material/schedule: " + _("Due {when}").format(when=overdue) + "]"


def _up_next(cards: list[practice.CardRow], current: practice.CardRow, ctx: PageContext) -> None:
    rest = [c for c in cards if c.card_id != current.card_id][:8]
    if not rest:
        return
    box = lazy.expander(
        _("Up next ({n} shown)").format(n=len(rest)), key=UP_NEXT, icon=":material/list:"
    )
    if not box.open:
        return
    with box:
        for card in rest:
            if card.is_new:
                kind = _("new")
            else:
                kind = _("due {when}").format(when=relative_day(card.due, ctx.now))
            if card.card_id in skipped():
                kind = _("{state} · skipped for now").format(state=kind)
            note = pgettext("a note after a question", "({note})").format(note=kind)
            st.markdown(f"- {md(card.question)} :gray[{note}]")


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
    st.markdown("#### :material/bug_report: " + _("Rewrite first ({n})").format(n=len(found)))
    explained = _(
        "These answers keep slipping however often you drill them. Rewrite them: simpler, "
        "more concrete, shorter. A rewritten card starts afresh in today's queue."
    )
    if len(found) > LEECHES_SHOWN:
        explained += _(" The {n} worst are shown; the next appear as you rewrite them.").format(
            n=LEECHES_SHOWN
        )
    st.caption(explained)
    for card in found[:LEECHES_SHOWN]:
        box = lazy.expander(
            ngettext("{question} — {n} lapse", "{question} — {n} lapses", card.lapses).format(
                question=md(card.question), n=card.lapses
            ),
            key=leech_key(card.card_id),
            icon=":material/edit:",
        )
        if box.open and card.card_id in details:  # not there: deleted since the list was read
            with box:
                rewrite(ctx, details[card.card_id])


def empty_journal(ctx: PageContext) -> None:
    st.info(
        _(
            "**No rehearsal cards yet.** Cards come from your weak answers: when you review an "
            "interview in the guided review, every question you answered poorly (a low self "
            "score, an interruption, a confused or probing interviewer, or a cause you noted) "
            "becomes a card here. You can also add any question by hand."
        ),
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
        st.warning(
            _("{error} Here is today's queue instead.").format(error=error),
            icon=":material/info:",
        )
        return None
    head, back = st.columns([4, 1], vertical_alignment="center")
    head.markdown(
        "#### " + _("Rehearse the weak answers from {interview}").format(interview=md(found.title))
    )
    back.button(
        _("Today's queue"),
        icon=":material/today:",
        on_click=lambda: st.session_state.update({THESE: None}),
        width="stretch",
        key="practice_these_back",
    )
    card = _first_unskipped(found.remaining)
    if not found.cards:
        st.info(
            _("No weak answer of this interview is an active rehearsal card."),
            icon=":material/task_alt:",
        )
    elif card is None:
        n = len(found.cards)
        st.success(
            ngettext(
                "All {n} weak answer of this review rehearsed today (or skipped for now).",
                "All {n} weak answers of this review rehearsed today (or skipped for now).",
                n,
            ).format(n=n)
            if found.remaining
            else ngettext(
                "All {n} weak answer of this review rehearsed today.",
                "All {n} weak answers of this review rehearsed today.",
                n,
            ).format(n=n),
            icon=":material/task_alt:",
        )
    else:
        st.caption(
            ngettext(
                "**{left}** of {n} weak answer left to rehearse today, in the order they "
                "were asked.",
                "**{left}** of {n} weak answers left to rehearse today, in the order they "
                "were asked.",
                len(found.cards),
            ).format(left=len(found.remaining), n=len(found.cards))
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
        counts = _("**{total}** to rehearse today: {due} due, {new} new").format(
            total=queue.total, due=queue.due_count, new=queue.new_count
        )
        if skipped():
            counts = _("{counts} · {n} skipped for now").format(counts=counts, n=len(skipped()))
        st.caption(counts)
        rehearsal(ctx, current, badge=_badge(current, ctx), detail=details.get(current.card_id))
        _up_next(queue.cards, current, ctx)
        return
    if queue.cards:  # everything left was skipped
        st.info(
            ngettext(
                "You skipped the remaining {n} card for now.",
                "You skipped the remaining {n} cards for now.",
                len(queue.cards),
            ).format(n=len(queue.cards)),
            icon=":material/skip_next:",
        )
        if st.button(
            _("Bring the skipped cards back"), icon=":material/undo:", key="practice_unskip"
        ):
            skipped().clear()
            st.rerun()
        return
    st.success(_clear_message(queue, bool(dimension or company), ctx), icon=":material/task_alt:")
    if st.session_state.get(AHEAD):
        ahead = practice.ahead_of_schedule(
            ctx.cur, ctx.now, dimension=dimension, company_id=company
        )
        card = _first_unskipped(ahead)
        if card is None:
            st.caption(_("Nothing left to practise ahead of schedule today."))
        else:
            ahead = _("Ahead · due {when}").format(when=relative_day(card.due, ctx.now))
            rehearsal(ctx, card, badge=f":green-badge[:material/fast_forward: {ahead}]")
        st.button(
            _("Stop practising ahead"),
            on_click=lambda: st.session_state.update({AHEAD: False}),
            type="tertiary",
            key="practice_stop_ahead",
        )
        return
    cram, ahead_col, _rest = st.columns([1, 1, 1])
    cram.button(
        _("Cram for an interview"),
        icon=":material/event_upcoming:",
        on_click=go_to,
        args=("cram",),
        width="stretch",
        key="practice_go_cram",
    )
    ahead_col.button(
        _("Practise ahead"),
        icon=":material/fast_forward:",
        help=_("Rehearse the cards that come due soonest, before they are due."),
        on_click=lambda: st.session_state.update({AHEAD: True}),
        width="stretch",
        key="practice_go_ahead",
    )


def _clear_message(queue: practice.Queue, filtered: bool, ctx: PageContext) -> str:
    """Today's queue is empty: say so, and when the next card comes due."""
    if queue.next_due is None:
        return (
            _("**Today's queue is clear matching these filters.**")
            if filtered
            else _("**Today's queue is clear.**")
        )
    due = {"when": relative_day(queue.next_due, ctx.now), "day": when(queue.next_due, ctx.now)}
    if filtered:
        return _(
            "**Today's queue is clear matching these filters.** The next card matching these "
            "filters is due {when} ({day})."
        ).format(**due)
    return _("**Today's queue is clear.** The next card is due {when} ({day}).").format(**due)


def _interview_label(interview: likely.UpcomingInterview, ctx: PageContext) -> str:
    values = {
        "interview": interview.title,
        "day": when(interview.scheduled_at, ctx.now),
        "when": relative_day(interview.scheduled_at, ctx.now),
    }
    if interview.kind == "target":
        return _("{interview} (target) — {day} ({when})").format(**values)
    return _("{interview} — {day} ({when})").format(**values)


def cram(ctx: PageContext, progress: practice.Progress) -> int | None:
    """The brief's cards to rehearse before one upcoming interview; its id, for the URL."""
    upcoming = ctx.remember(likely.upcoming_interviews, ctx.minute)
    if not upcoming:
        st.info(
            _("No upcoming interview is booked. Add one on the Interviews page to cram for it."),
            icon=":material/event:",
        )
        st.page_link("pages/interviews.py", label=_("Add an interview"), icon=":material/add:")
        return None
    by_id = {i.interview_id: i for i in upcoming}
    if st.session_state.get(CRAM_INTERVIEW) not in by_id:
        if st.session_state.get(CRAM_INTERVIEW) is not None:
            st.info(
                _(
                    "That interview is no longer upcoming (its time has come, or it was "
                    "deleted); here is the next one."
                ),
                icon=":material/info:",
            )
        # Targets first: those are the interviews worth cramming for.
        st.session_state[CRAM_INTERVIEW] = likely.default_interview(upcoming).interview_id
    chosen = st.selectbox(
        _("Cram for"),
        list(by_id),
        format_func=lambda i: _interview_label(by_id[i], ctx),
        key=CRAM_INTERVIEW,
    )
    found = ctx.remember(likely.likely_questions, chosen, ctx.minute)
    predictions.keep_due(ctx.journal, found, ctx.now, shown=False)  # on the interview's day
    plan = practice.cram_plan(ctx.cur, found, ctx.now)
    links.prepare(chosen, label=_("The brief for this interview"))
    retention = wording.percent(plan.desired_retention)
    day = when(by_id[chosen].scheduled_at, ctx.now)
    if plan.count == 0:
        if found.questions:
            st.success(
                ngettext(
                    "**Ready.** The {n} likely question of the brief is answered well or "
                    "predicted at {retention} recall or more on {day}.",
                    "**Ready.** All {n} likely questions of the brief are answered well or "
                    "predicted at {retention} recall or more on {day}.",
                    len(found.questions),
                ).format(n=len(found.questions), retention=retention, day=day),
                icon=":material/verified:",
            )
        else:
            st.info(md(readiness.rehearse_first(found)), icon=":material/quiz:")
        return chosen
    st.info(_cram_message(plan, retention, day), icon=":material/event_upcoming:")
    card = _first_unskipped(plan.remaining)
    if card is not None:
        why = {q.card_id: q for q in found.to_rehearse}[card.card_id]
        badge = (
            ":blue-badge[:material/fiber_new: " + _("New: never rehearsed") + "]"
            if card.is_new
            else ":violet-badge[:material/trending_down: "
            + _("{recall} recall predicted on the day").format(recall=why.recall_text)
            + "]"
        )
        reasons = pgettext("between reasons", "; ").join(why.reasons)
        st.caption(_("Why likely: {reasons}").format(reasons=md(reasons)))
        rehearsal(ctx, card, badge=badge)
    with st.expander(
        _("The brief's list ({n})").format(n=plan.count),
        icon=":material/list:",
        key="practice_cram_list",
    ):
        likely_list(found.to_rehearse, done_today=plan.done_today)
    return chosen


def _cram_message(plan: practice.CramPlan, retention: str, day: str) -> str:
    """How many of the brief's questions to rehearse, and how many a day."""
    text = ngettext(
        "The brief lists **{n} likely question** below {retention} recall on {day}.",
        "The brief lists **{n} likely questions** below {retention} recall on {day}.",
        plan.count,
    ).format(n=plan.count, retention=retention, day=day)
    if plan.rehearsed_today:
        text = sentences(text, _("{n} rehearsed today already.").format(n=plan.rehearsed_today))
    if not plan.remaining:
        return sentences(text, _("All rehearsed today: well done."))
    return sentences(
        text,
        ngettext(
            "With {days} practice day left, rehearse **{n} a day** to be ready.",
            "With {days} practice days left, rehearse **{n} a day** to be ready.",
            plan.days_left,
        ).format(days=plan.days_left, n=plan.per_day),
    )

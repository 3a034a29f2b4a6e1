"""The Practice page's card browser, the add-a-card form and the practice settings."""

from __future__ import annotations

import streamlit as st

from coach import practice, vocabulary
from coach.errors import JournalError
from coach.questions import dimensions as all_dimensions
from coach.recall import recall_text
from coach_ui import failures
from coach_ui.frame import PageContext

PAGE = "practice_browser_page"
GENERATION = "practice_browser_generation"  # bumped to clear the table's selection
CONFIRM_RESET = "practice_confirm_reset"
ADD_GENERATION = "practice_add_generation"


def add_card_form(ctx: PageContext, *, expanded: bool = False) -> None:
    """Add a bank question (or a new one typed here) as a card, due now."""
    bank = practice.questions_without_card(ctx.cur)
    by_id = {q.id: q for q in bank}
    dimensions = all_dimensions(ctx.cur)
    generation = st.session_state.setdefault(ADD_GENERATION, 0)
    with (
        st.expander("Add a question as a card", expanded=expanded, icon=":material/add:"),
        st.form(f"practice_add_{generation}", border=False, enter_to_submit=False),
    ):
        choice = st.selectbox(
            "Question",
            list(by_id),
            format_func=lambda i: by_id[i].text if isinstance(i, int) else str(i),
            index=None,
            accept_new_options=True,
            placeholder=(
                "Choose one from your question bank, or type a new question"
                if bank
                else "Type a question"
            ),
        )
        dimension = st.selectbox(
            "Dimension (for a new question)",
            list(dimensions),
            format_func=dimensions.get,
            index=list(dimensions).index("other") if "other" in dimensions else 0,
        )
        submitted = st.form_submit_button("Add card", type="primary", icon=":material/add:")
    if not submitted:
        return
    if choice is None or (isinstance(choice, str) and not choice.strip()):
        st.error("Choose a question from the bank, or type a new one.")
        return
    try:
        if isinstance(choice, int):
            practice.add_card(ctx.journal, choice, now=ctx.now)
        else:
            practice.add_question_card(ctx.journal, choice, dimension, now=ctx.now)
    except JournalError as error:
        failures.show(error)
        return
    st.session_state[ADD_GENERATION] = generation + 1
    st.toast("Card added: it is due now.", icon=":material/check:")
    st.rerun()


def _reset_page() -> None:
    st.session_state[PAGE] = 0


def browser(ctx: PageContext) -> None:
    add_card_form(ctx)
    dimensions = practice.card_dimensions(ctx.cur)
    # Two rows, so that every drop-down reads whole on a laptop screen.
    search_col, status_col = st.columns([3, 2])
    dimension_col, sort_col = st.columns([3, 2])
    search = search_col.text_input(
        "Search", placeholder="Words in the question", key="practice_browser_search",
        on_change=_reset_page,
    )  # fmt: skip
    statuses = list(vocabulary.CARD_STATUSES)
    status = status_col.selectbox(
        "Status", statuses, format_func=vocabulary.CARD_STATUSES.get, index=None,
        placeholder="Any status", key="practice_browser_status", on_change=_reset_page,
    )  # fmt: skip
    dimension = dimension_col.selectbox(
        "Dimension", list(dimensions), format_func=dimensions.get, index=None,
        placeholder="All dimensions", key="practice_browser_dimension", on_change=_reset_page,
    )  # fmt: skip
    sort = sort_col.selectbox(
        "Sort by", list(practice.SORT_LABELS), format_func=practice.SORT_LABELS.get,
        key="practice_browser_sort",
    )  # fmt: skip
    leech_col, order_col, _ = st.columns([1, 1, 3])
    leeches_only = leech_col.checkbox(
        "Leeches only", key="practice_browser_leeches", on_change=_reset_page
    )
    descending = order_col.toggle("Largest first", key="practice_browser_desc")
    page_number = st.session_state.setdefault(PAGE, 0)
    try:
        page = practice.browse_cards(
            ctx.cur,
            ctx.now,
            status=status,
            dimension=dimension,
            search=search or "",
            leeches_only=leeches_only,
            sort=sort,
            descending=descending,
            offset=page_number * practice.BROWSER_PAGE_SIZE,
        )
    except JournalError as error:
        failures.show(error)
        return
    if page.total == 0:
        st.info("No cards match these filters.", icon=":material/filter_alt_off:")
        return
    generation = st.session_state.setdefault(GENERATION, 0)
    zone = ctx.now.tzinfo
    event = st.dataframe(
        {
            "Question": [r.question for r in page.rows],
            "Status": [
                vocabulary.CARD_STATUSES[r.status] + (" · leech" if r.is_leech else "")
                for r in page.rows
            ],
            "Due": [r.due.astimezone(zone) for r in page.rows],
            "Stability": [r.stability for r in page.rows],
            "Difficulty": [r.difficulty for r in page.rows],
            # As everywhere: a whole percent, or "new" for a card never rehearsed.
            "Recall now": [recall_text(r.recall, rehearsed=not r.is_new) for r in page.rows],
            "Lapses": [r.lapses for r in page.rows],
            "Reviews": [r.reps for r in page.rows],
        },
        hide_index=True,
        key=f"practice_browser_table_{generation}",
        on_select="rerun",
        selection_mode="multi-row",
        column_config={
            "Question": st.column_config.TextColumn(width="medium"),
            "Due": st.column_config.DatetimeColumn(format="D MMM YYYY"),
            "Stability": st.column_config.NumberColumn(
                format="%.1f d", help="Days for recall to fall to 90%"
            ),
            "Difficulty": st.column_config.NumberColumn(format="%.1f", help="1 easy to 10 hard"),
            "Recall now": st.column_config.TextColumn(
                width="small",
                help="fsrs's predicted probability that you recall the answer now; "
                "“new” for a card never rehearsed",
            ),
        },  # fmt: skip
    )
    first = page.offset + 1
    last = page.offset + len(page.rows)
    info, previous, following = st.columns([4, 1, 1], vertical_alignment="center")
    info.caption(f"Cards {first}–{last} of {page.total}. Select rows to act on them.")
    if previous.button(
        "Previous", icon=":material/chevron_left:", disabled=page_number == 0, width="stretch"
    ):
        st.session_state[PAGE] = page_number - 1
        st.rerun()
    if following.button(
        "Next",
        icon=":material/chevron_right:",
        disabled=last >= page.total,
        width="stretch",
    ):
        st.session_state[PAGE] = page_number + 1
        st.rerun()
    selected = [page.rows[i].card_id for i in event.selection.rows if i < len(page.rows)]
    _actions(ctx, selected)


def _done(message: str) -> None:
    st.session_state[GENERATION] += 1
    st.session_state[CONFIRM_RESET] = False
    st.toast(message, icon=":material/check:")
    st.rerun()


def _actions(ctx: PageContext, selected: list[int]) -> None:
    if not selected:
        return
    n = len(selected)
    cards = f"{n} card{'s' if n != 1 else ''}"
    st.markdown(f"**{cards} selected**")
    resume, suspend, retire, reset, _ = st.columns([1, 1, 1, 1, 2])
    for column, status, label, icon in (
        (resume, "active", "Resume", ":material/play_arrow:"),
        (suspend, "suspended", "Suspend", ":material/pause:"),
        (retire, "retired", "Retire", ":material/archive:"),
    ):
        if column.button(label, icon=icon, width="stretch", key=f"practice_status_{status}"):
            changed = practice.set_status(ctx.journal, selected, status)
            _done(f"{changed} card{'s' if changed != 1 else ''} now {status}.")
    if reset.button("Reset…", icon=":material/restart_alt:", width="stretch"):
        st.session_state[CONFIRM_RESET] = True
    if st.session_state.get(CONFIRM_RESET):
        st.warning(
            f"Reset {cards}? Their schedules start afresh (new, due now, no lapses, not "
            "leeches). Past rehearsals stay in your journal.",
            icon=":material/restart_alt:",
        )
        yes, no, _ = st.columns([1, 1, 4])
        if yes.button("Reset", type="primary", key="practice_reset_yes"):
            practice.reset_cards(ctx.journal, selected, now=ctx.now)
            _done(f"Reset {cards}.")
        if no.button("Cancel", key="practice_reset_no"):
            st.session_state[CONFIRM_RESET] = False
            st.rerun()


def settings(ctx: PageContext) -> None:
    current = practice.practice_settings(ctx.cur)
    low, high = practice.RETENTION_RANGE
    low_t, high_t = practice.LEECH_THRESHOLD_RANGE
    column, _ = st.columns([3, 2])
    with column.form("practice_settings", enter_to_submit=False):
        retention = st.slider(
            "Desired retention",
            min_value=low,
            max_value=high,
            value=current.desired_retention,
            step=0.01,
            format="%.2f",
            help=(
                "The chance of recalling an answer when it comes due. Higher means more "
                "frequent rehearsals; 0.90 is fsrs's recommended default."
            ),
        )
        threshold = st.number_input(
            "Leech threshold (lapses)",
            min_value=low_t,
            max_value=high_t,
            value=current.leech_threshold,
            step=1,
            help=(
                "After this many lapses (Again on an answer you had learnt), a card is "
                "flagged as a leech and offered for rewriting instead of drilling."
            ),
        )
        saved = st.form_submit_button("Save settings", type="primary", icon=":material/save:")
    if saved:
        try:
            practice.save_practice_settings(
                ctx.journal, desired_retention=retention, leech_threshold=int(threshold)
            )
        except JournalError as error:
            failures.show(error)
        else:
            st.toast("Settings saved.", icon=":material/check:")
            st.rerun()
    st.caption(
        "Settings are stored in your journal. A new desired retention applies from the next "
        "rehearsal of each card; a new leech threshold from the next lapse."
    )

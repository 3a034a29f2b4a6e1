"""The Practice page's card browser, the add-a-card form and the practice settings."""

from __future__ import annotations

import streamlit as st

from coach import practice, vocabulary
from coach.errors import JournalError
from coach.i18n import _, ngettext
from coach.questions import dimensions as all_dimensions
from coach.recall import recall_text
from coach.vocabulary import dimension_label
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
        st.expander(
            _("Add a question as a card"),
            expanded=expanded,
            icon=":material/add:",
            key="practice_add_expander",
        ),
        st.form(f"practice_add_{generation}", border=False, enter_to_submit=False),
    ):
        choice = st.selectbox(
            _("Question"),
            list(by_id),
            format_func=lambda i: by_id[i].text if isinstance(i, int) else str(i),
            index=None,
            accept_new_options=True,
            placeholder=(
                _("Choose one from your question bank, or type a new question")
                if bank
                else _("Type a question")
            ),
            key=f"practice_add_{generation}_question",
        )
        dimension = st.selectbox(
            _("Dimension (for a new question)"),
            list(dimensions),
            format_func=lambda key: dimension_label(key, dimensions[key]),
            index=list(dimensions).index("other") if "other" in dimensions else 0,
            key=f"practice_add_{generation}_dimension",
        )
        submitted = st.form_submit_button(_("Add card"), type="primary", icon=":material/add:")
    if not submitted:
        return
    if choice is None or (isinstance(choice, str) and not choice.strip()):
        st.error(_("Choose a question from the bank, or type a new one."))
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
    st.toast(_("Card added: it is due now."), icon=":material/check:")
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
        _("Search"), placeholder=_("Words in the question"), key="practice_browser_search",
        on_change=_reset_page,
    )  # fmt: skip
    statuses = list(vocabulary.CARD_STATUSES)
    status = status_col.selectbox(
        _("Status"), statuses, format_func=vocabulary.CARD_STATUSES.get, index=None,
        placeholder=_("Any status"), key="practice_browser_status", on_change=_reset_page,
    )  # fmt: skip
    dimension = dimension_col.selectbox(
        _("Dimension"), list(dimensions), format_func=dimensions.get, index=None,
        placeholder=_("All dimensions"), key="practice_browser_dimension", on_change=_reset_page,
    )  # fmt: skip
    sort = sort_col.selectbox(
        _("Sort by"), list(practice.SORT_LABELS),
        format_func=lambda key: _(practice.SORT_LABELS[key]), key="practice_browser_sort",
    )  # fmt: skip
    leech_col, order_col, _rest = st.columns([1, 1, 3])
    leeches_only = leech_col.checkbox(
        _("Leeches only"), key="practice_browser_leeches", on_change=_reset_page
    )
    descending = order_col.toggle(_("Largest first"), key="practice_browser_desc")
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
        st.info(_("No cards match these filters."), icon=":material/filter_alt_off:")
        return
    generation = st.session_state.setdefault(GENERATION, 0)
    zone = ctx.now.tzinfo
    # The columns are named in the language in use: the grid shows a column's key.
    question, status_, due = _("Question"), _("Status"), _("Due")
    stability, difficulty, recall = _("Stability"), _("Difficulty"), _("Recall now")
    lapses, reviews = _("Lapses"), _("Reviews")
    event = st.dataframe(
        {
            question: [r.question for r in page.rows],
            status_: [
                _("{status} · leech").format(status=vocabulary.CARD_STATUSES[r.status])
                if r.is_leech
                else vocabulary.CARD_STATUSES[r.status]
                for r in page.rows
            ],
            due: [r.due.astimezone(zone) for r in page.rows],
            stability: [r.stability for r in page.rows],
            difficulty: [r.difficulty for r in page.rows],
            # As everywhere: a whole percent, or "new" for a card never rehearsed.
            recall: [recall_text(r.recall, rehearsed=not r.is_new) for r in page.rows],
            lapses: [r.lapses for r in page.rows],
            reviews: [r.reps for r in page.rows],
        },
        hide_index=True,
        key=f"practice_browser_table_{generation}",
        on_select="rerun",
        selection_mode="multi-row",
        column_config={
            question: st.column_config.TextColumn(width="medium"),
            # A moment.js format: letters other than its tokens are written as they are.
            due: st.column_config.DatetimeColumn(format=_("D MMM YYYY")),
            stability: st.column_config.NumberColumn(
                format=_("%.1f d"), help=_("Days for recall to fall to 90%")
            ),
            difficulty: st.column_config.NumberColumn(format="%.1f", help=_("1 easy to 10 hard")),
            recall: st.column_config.TextColumn(
                width="small",
                help=_(
                    "fsrs's predicted probability that you recall the answer now; "
                    "“new” for a card never rehearsed"
                ),
            ),
        },
    )
    first = page.offset + 1
    last = page.offset + len(page.rows)
    # Room for the buttons' words in any language (a 1/6 column cut "上一页" short).
    info, previous, following = st.columns([3, 1, 1], vertical_alignment="center")
    info.caption(
        _("Cards {first}–{last} of {total}. Select rows to act on them.").format(
            first=first, last=last, total=page.total
        )
    )
    if previous.button(
        _("Previous"),
        icon=":material/chevron_left:",
        disabled=page_number == 0,
        width="stretch",
        key="practice_browser_previous",
    ):
        st.session_state[PAGE] = page_number - 1
        st.rerun()
    if following.button(
        _("Next"),
        key="practice_browser_next",
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
    st.markdown(ngettext("**{n} card selected**", "**{n} cards selected**", n).format(n=n))
    resume, suspend, retire, reset, _rest = st.columns([1, 1, 1, 1, 2])
    for column, status, label, icon in (
        (resume, "active", _("Resume"), ":material/play_arrow:"),
        (suspend, "suspended", _("Suspend"), ":material/pause:"),
        (retire, "retired", _("Retire"), ":material/archive:"),
    ):
        if column.button(label, icon=icon, width="stretch", key=f"practice_status_{status}"):
            changed = practice.set_status(ctx.journal, selected, status)
            _done(_status_changed(changed, status))
    if reset.button(
        _("Reset…"), icon=":material/restart_alt:", width="stretch", key="practice_reset"
    ):
        st.session_state[CONFIRM_RESET] = True
    if st.session_state.get(CONFIRM_RESET):
        st.warning(
            ngettext(
                "Reset {n} card? Their schedules start afresh (new, due now, no lapses, not "
                "leeches). Past rehearsals stay in your journal.",
                "Reset {n} cards? Their schedules start afresh (new, due now, no lapses, not "
                "leeches). Past rehearsals stay in your journal.",
                n,
            ).format(n=n),
            icon=":material/restart_alt:",
        )
        yes, no, _rest = st.columns([1, 1, 4])
        if yes.button(_("Reset"), type="primary", key="practice_reset_yes"):
            practice.reset_cards(ctx.journal, selected, now=ctx.now)
            _done(ngettext("Reset {n} card.", "Reset {n} cards.", n).format(n=n))
        if no.button(_("Cancel"), key="practice_reset_no"):
            st.session_state[CONFIRM_RESET] = False
            st.rerun()


def _status_changed(changed: int, status: str) -> str:
    """'2 cards now suspended.': what a status button did."""
    if status == "active":
        return ngettext("{n} card now active.", "{n} cards now active.", changed).format(n=changed)
    if status == "suspended":
        return ngettext("{n} card now suspended.", "{n} cards now suspended.", changed).format(
            n=changed
        )
    return ngettext("{n} card now retired.", "{n} cards now retired.", changed).format(n=changed)


def settings(ctx: PageContext) -> None:
    current = practice.practice_settings(ctx.cur)
    low, high = practice.RETENTION_RANGE
    low_t, high_t = practice.LEECH_THRESHOLD_RANGE
    column, _rest = st.columns([3, 2])
    with column.form("practice_settings", enter_to_submit=False):
        retention = st.slider(
            _("Desired retention"),
            min_value=low,
            max_value=high,
            value=current.desired_retention,
            step=0.01,
            format="%.2f",
            help=_(
                "The chance of recalling an answer when it comes due. Higher means more "
                "frequent rehearsals; {default} is fsrs's recommended default."
            ).format(default="0.90"),
            key="practice_settings_retention",
        )
        threshold = st.number_input(
            _("Leech threshold (lapses)"),
            min_value=low_t,
            max_value=high_t,
            value=current.leech_threshold,
            step=1,
            help=_(
                "After this many lapses ({again} on an answer you had learnt), a card is "
                "flagged as a leech and offered for rewriting instead of drilling."
            ).format(again=vocabulary.GRADES[1]),
            key="practice_settings_threshold",
        )
        saved = st.form_submit_button(_("Save settings"), type="primary", icon=":material/save:")
    if saved:
        try:
            practice.save_practice_settings(
                ctx.journal, desired_retention=retention, leech_threshold=int(threshold)
            )
        except JournalError as error:
            failures.show(error)
        else:
            st.toast(_("Settings saved."), icon=":material/check:")
            st.rerun()
    st.caption(
        _(
            "Settings are stored in your journal. A new desired retention applies from the next "
            "rehearsal of each card; a new leech threshold from the next lapse."
        )
    )

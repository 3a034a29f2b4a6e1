"""Step 2 of the guided review: questions and answers.

Fast capture (paste one per line, or add one at a time), a confirmation of questions
the bank has seen before (before their asks exist; see coach.questions), then one card
per ask: what I answered (with its analysis), self score, the interviewer's signal, the
cause of a poor answer, and the diagnosis and fix the moment a signal is chosen.
"""

from __future__ import annotations

import streamlit as st

from coach import questions as question_bank
from coach import reviews, vocabulary
from coach.db import Journal
from coach.i18n import N_, _, ngettext
from coach.questions import Proposal
from coach.reviews import Ask, NewAsk, Review
from coach.text import md
from coach_ui import review_transcript
from coach_ui import review_widgets as w
from coach_ui.bank_links import link_and_dimension
from coach_ui.formatting import choice_width
from coach_ui.frame import PageContext
from coach_ui.review_steps import prompts
from coach_ui.uninterrupted import uninterrupted


def _pending_key(review: Review) -> str:
    return f"review_{review.interview_id}_pending"


def questions_step(ctx: PageContext, review: Review) -> None:
    st.header(_("2. Questions and answers"))
    prompts(review, "questions")
    dimensions = question_bank.dimensions(ctx.cur)  # named in the language in use
    asks = reviews.list_asks(ctx.cur, review.interview_id)
    capture(ctx, review, dimensions, first=not asks)
    if asks:
        counts = reviews.summarise_asks(asks)
        parts = [
            ngettext("{n} question", "{n} questions", counts.asks).format(n=counts.asks),
            _("{n} to rehearse").format(n=counts.weak),
        ]
        if counts.doubted:
            parts.append(_("{n} doubted (prepare evidence)").format(n=counts.doubted))
        parts += [
            _("{n} strong").format(n=counts.strong),
            ngettext("{n} rehearsal card", "{n} rehearsal cards", counts.cards).format(
                n=counts.cards
            ),
        ]
        st.caption(" · ".join(parts))
    for number, ask in enumerate(asks, start=1):
        ask_card(ctx, review, ask, number, len(asks), dimensions)


# --- Capture ---------------------------------------------------------------
def capture(ctx: PageContext, review: Review, dimensions: dict[str, str], *, first: bool) -> None:
    pending_key = _pending_key(review)
    pending: list[Proposal] | None = st.session_state.get(pending_key)
    if pending:
        confirm(ctx, review, pending, dimensions)
        return
    if review_transcript.in_progress(ctx, review, dimensions):
        return
    generation = st.session_state.setdefault(f"{pending_key}_generation", 0)
    with st.container(border=True):
        st.markdown(_("**Record the questions you were asked**, in order, while they are fresh."))
        many, one, transcript = st.tabs([_("Paste many"), _("Add one"), _("Import a transcript")])
        with transcript:
            review_transcript.upload(ctx, review)
        # The questions are taken in the buttons' callbacks, before the page is drawn: the
        # run the click starts then shows them, with an empty form, in one go (a rerun
        # after adding them cost a second run and a second redraw of the page).
        with many, st.form(f"review_paste_{generation}", border=False):
            pasted_key = f"review_paste_{generation}_text"
            st.text_area(
                _("Questions, one per line"),
                height=140 if first else 100,
                placeholder=_(
                    "Tell me about yourself\nWhy do you want to join us?\n"
                    "Walk me through a project you led"
                ),
                key=pasted_key,
            )
            st.form_submit_button(_("Add these questions"), icon=":material/playlist_add:",
                                  type="primary", on_click=_take_questions,
                                  args=(ctx.journal, review, pasted_key, True))  # fmt: skip
        with one, st.form(f"review_one_{generation}", border=False):
            single_key = f"review_one_{generation}_text"
            st.text_input(
                _("Question"),
                placeholder=_("Type a question and press Enter"),
                key=single_key,
            )
            st.form_submit_button(_("Add question"), icon=":material/add:",
                                  on_click=_take_questions,
                                  args=(ctx.journal, review, single_key, False))  # fmt: skip
    w.show_error(pending_key)
    review_transcript.kept(ctx, review)


@uninterrupted
def _take_questions(journal: Journal, review: Review, text_key: str, many: bool) -> None:
    """A form's questions: added at once, or held to confirm those the bank has seen.

    Taken, the form is drawn afresh (a new generation of its keys) and empty; not taken
    (nothing typed, a failure), it keeps what was typed, with the message under it."""
    pending_key = _pending_key(review)
    text = st.session_state.get(text_key) or ""
    lines = question_bank.split_lines(text) if many else [text] if text.strip() else []
    if not lines:
        st.session_state.setdefault(w.ERRORS, {})[pending_key] = _(
            "Type or paste at least one question (one per line)."
        )
        return
    proposals = w.run(pending_key, lambda: _propose(journal, lines))
    if proposals is None:
        return
    if any(p.matches for p in proposals):
        st.session_state[pending_key] = proposals
    elif not _add(journal, review, [NewAsk(p.text, None, p.dimension) for p in proposals]):
        return
    generation = f"{pending_key}_generation"
    st.session_state[generation] = st.session_state.get(generation, 0) + 1


def _propose(journal: Journal, lines: list[str]) -> list[Proposal]:
    cur = journal.cursor()  # a callback's own: the page's cursor is made after it
    try:
        return question_bank.propose(cur, lines)
    finally:
        cur.close()


def _add(journal: Journal, review: Review, new: list[NewAsk]) -> bool:
    added = w.run(
        _pending_key(review),
        lambda: reviews.add_asks(journal, review.interview_id, new, w.now()),
    )
    if added:
        w.notice(
            ngettext("Added {n} question.", "Added {n} questions.", len(added)).format(n=len(added))
        )
    return bool(added)


def confirm(
    ctx: PageContext, review: Review, pending: list[Proposal], dimensions: dict[str, str]
) -> None:
    pending_key = _pending_key(review)
    with st.container(border=True):
        matched = sum(bool(p.matches) for p in pending)
        st.markdown(
            ngettext(
                "**{matched} of these {n} question looks like one you were asked before.** "
                "Link it to the same question in your bank, so its history, card and kept "
                "answers stay together, or keep it as a new question.",
                "**{matched} of these {n} questions look like ones you were asked before.** "
                "Link each to the same question in your bank, so its history, card and "
                "kept answers stay together, or keep it as a new question.",
                len(pending),
            ).format(matched=matched, n=len(pending))
        )
        with st.form(f"{pending_key}_form", border=False):
            choices = []
            for index, proposal in enumerate(pending):
                st.markdown(f"**{index + 1}.** {md(proposal.text)}")
                choices.append(link_and_dimension(pending_key, index, proposal, dimensions))
            add, cancel = st.columns([2, 5])
            confirmed = add.form_submit_button(
                ngettext("Add {n} question", "Add {n} questions", len(pending)).format(
                    n=len(pending)
                ),
                type="primary",
            )
            cancelled = cancel.form_submit_button(_("Cancel"))
    if cancelled:
        st.session_state.pop(pending_key, None)
        st.rerun()
    if confirmed and _add(ctx.journal, review, choices):
        st.session_state.pop(pending_key, None)
        st.rerun()
    w.show_error(pending_key)


# --- One ask ------------------------------------------------------------------
def _ask_key(ask: Ask, name: str) -> str:
    return f"review_ask_{ask.id}_{name}"


def _ask_saver(ctx: PageContext, ask: Ask, name: str, label: str, options=None):
    key = _ask_key(ask, name)

    def save(value, read):
        saved = reviews.save_ask(ctx.journal, ask.id, w.now(), read={name: read}, **{name: value})
        if saved.card_created:
            w.notice(_("Added to your rehearsal cards."))
        return getattr(saved.ask, name)

    display = (lambda _field, v: "" if v is None else str(options.get(v, v))) if options else None
    what = _("{field}, for “{question}”").format(field=label, question=ask.question)
    return w.checked_saver(key, save, what=what, display=display)


def ask_card(
    ctx: PageContext, review: Review, ask: Ask, number: int, total: int, dims: dict[str, str]
) -> None:
    with st.container(border=True, key=f"review_ask_{ask.id}"):
        head, menu = st.columns([12, 1], vertical_alignment="center")
        badges = []
        if ask.asked_elsewhere:
            elsewhere = ngettext(
                "asked in {n} other interview", "asked in {n} other interviews",
                ask.asked_elsewhere,
            ).format(n=ask.asked_elsewhere)  # fmt: skip
            badges.append(f":blue-badge[{elsewhere}]")
        if ask.card_id is not None:
            kind = (
                _("prepare-evidence card") if ask.card_kind == "evidence" else _("rehearsal card")
            )
            badges.append(f":violet-badge[:material/style: {kind}]")
        if ask.kept_text is not None:
            badges.append(":green-badge[:material/bookmark: " + _("answer kept") + "]")
        title = _("Q{number}. {question}").format(number=number, question=md(ask.question))
        head.markdown(f"**{title}** " + " ".join(badges))
        dim_key = w.seed(_ask_key(ask, "dimension"), ask.dimension)
        # Its own line, as wide as the longest dimension's name: every name reads whole.
        st.selectbox(
            _("Dimension"),
            list(dims),
            format_func=dims.get,
            key=dim_key,
            on_change=w.checked_saver(
                dim_key,
                lambda d, read: question_bank.set_dimension(
                    ctx.journal, ask.question_id, d, read=read
                ),
                what=_("Dimension of “{question}”").format(question=ask.question),
                display=lambda _field, d: dims.get(d, d),
            ),
            label_visibility="collapsed",
            help=_("The kind of question. Changing it re-classifies the question in your bank."),
            width=choice_width(dims.values()),
        )
        with menu.popover("", icon=":material/more_vert:", help=_("Move or remove")):
            st.button(
                _("Move up"), key=_ask_key(ask, "up"), icon=":material/arrow_upward:",
                disabled=number == 1,
                on_click=lambda: w.run(dim_key, lambda: reviews.move_ask(ctx.journal, ask.id, -1)),
            )  # fmt: skip
            st.button(
                _("Move down"), key=_ask_key(ask, "down"), icon=":material/arrow_downward:",
                disabled=number == total,
                on_click=lambda: w.run(dim_key, lambda: reviews.move_ask(ctx.journal, ask.id, 1)),
            )  # fmt: skip
            st.button(
                _("Remove from this interview"), key=_ask_key(ask, "delete"),
                icon=":material/delete:",
                help=_("The question stays in your bank, with its card and kept answers."),
                on_click=lambda: w.run(
                    dim_key, lambda: reviews.delete_ask(ctx.journal, ask.id, w.now())
                ),
            )  # fmt: skip
        w.show_error(dim_key)

        notes_key = w.seed(_ask_key(ask, "answer_notes"), ask.answer_notes)
        st.text_area(
            _("What I answered"),
            key=notes_key,
            on_change=_ask_saver(ctx, ask, "answer_notes", _("What I answered")),
            height=90,
            placeholder=_("The gist of your answer, in your own words"),
        )
        w.show_error(notes_key)
        # Always one line, before the answer too: a line that appeared with the answer's
        # first save moved the choices below it while a press on one was held (the press
        # that took the focus from the answer, starting its save), and the release,
        # landing beside the button, chose nothing (tests/browser/test_held_press_e2e.py).
        analysis = ask.analysis()
        st.caption(
            w.analysis_line(analysis)
            if analysis
            else _("Your answer's length, speaking time, fillers and numbers will show here."),
            help=w.analysis_help(analysis) or None,
        )
        review_transcript.measured_time(ask)
        # Its own line: beside the answer, "Strong" was cut off on a laptop screen.
        _ask_choice(ctx, ask, st.segmented_control, "self_score", _("My score"),
                    vocabulary.SELF_SCORES)  # fmt: skip
        # Full width: five signals do not fit beside the answer on a laptop screen.
        _ask_choice(ctx, ask, st.pills, "signal", _("The interviewer's signal"), vocabulary.SIGNALS)
        # Never asked of an answer scored Good or Strong (a probed one is *doubted*).
        if ask.asks_why_weak:
            _ask_choice(ctx, ask, st.pills, "cause", _("Why was it weak?"), vocabulary.CAUSES,
                        saved_as=_("Why it was weak"))  # fmt: skip
        diagnosis_box(ctx, review, ask)


def _ask_choice(
    ctx: PageContext, ask: Ask, widget, name: str, label: str, options: dict, *,
    saved_as: str | None = None,
) -> None:  # fmt: skip
    """One of the ask's choices (score, signal, cause), saved as it changes."""
    key = w.seed(_ask_key(ask, name), getattr(ask, name))
    widget(
        label,
        list(options),
        format_func=options.get,
        key=key,
        on_change=_ask_saver(ctx, ask, name, saved_as or label, options),
    )
    w.show_error(key)


def diagnosis_box(ctx: PageContext, review: Review, ask: Ask) -> None:
    diagnosis = ask.diagnosis
    if diagnosis is None:
        st.caption(_("Choose the interviewer's signal to see what it means and how to fix it."))
        return
    message = f"**{diagnosis.meaning}**  \n" + _("**Fix:** {fix}").format(fix=diagnosis.fix)
    if ask.strong:
        st.success(message, icon=":material/thumb_up:")
        keep_col, note_col = st.columns([2, 5], vertical_alignment="center")
        if ask.kept:
            note_col.caption(
                ":material/bookmark: " + _("Kept as an answer version of this question.")
            )
        else:
            keep_col.button(
                _("Keep this answer"),
                key=_ask_key(ask, "keep"),
                icon=":material/bookmark_add:",
                type="primary",
                disabled=not ask.answer_notes.strip(),
                on_click=lambda: w.run(
                    _ask_key(ask, "keep"),
                    lambda: reviews.keep_answer(ctx.journal, ask.id, w.now()),
                ),
            )
            note_col.caption(
                _("Saves what you answered as a version of your best answer to this question.")
                if ask.answer_notes.strip()
                else _("Write down what you answered first, then keep it.")
            )
        w.show_error(_ask_key(ask, "keep"))
    elif diagnosis.weak:
        st.warning(message, icon=":material/build:")
    elif diagnosis.doubted:
        st.warning(message, icon=":material/fact_check:")
    else:
        st.info(message, icon=":material/info:")
    if ask.card_id is not None and ask.card_kind == "evidence" and ask.doubted:
        st.caption(
            ":material/style: "
            + _(
                "This question is now a *prepare evidence* card: the Practice page brings it "
                "back with your evidence below as its scaffold."
            )
        )
    elif ask.weak and ask.card_id is not None:
        st.caption(
            ":material/style: "
            + _(
                "This question is now a rehearsal card: the Practice page will bring it back "
                "until the answer is solid."
            )
        )
    if ask.asks_evidence:
        evidence_fields(ctx, ask)
    if ask.weak:
        wrong_key = w.seed(_ask_key(ask, "what_went_wrong"), ask.what_went_wrong)
        label = _("What went wrong, and why?")
        container = st.container() if review.deep else st.expander(label)
        container.text_area(
            label,
            key=wrong_key,
            on_change=_ask_saver(ctx, ask, "what_went_wrong", _("What went wrong")),
            height=80,
            placeholder=_(
                "e.g. I started with the history of the project and never reached my own part"
            ),
            label_visibility="visible" if review.deep else "collapsed",
        )
        w.show_error(wrong_key)


# The method's fix for a probed answer: background, the problem, what I did, evidence.
EVIDENCE_PLACEHOLDERS = {
    "background": N_("Where and when: the team, the scale, what was at stake"),
    "problem": N_("What was wrong or needed, in one or two sentences"),
    "my_actions": N_("Your own actions, in the first person: 'I', not 'we'"),
    "evidence": N_("Numbers, results, documents, or who could confirm it"),
}


def evidence_fields(ctx: PageContext, ask: Ask) -> None:
    """The four fields of a probed answer, saved each on its own (two tabs: coach.edits)."""
    st.markdown(_("**Prepare the evidence** · the interviewer probed for details"))
    columns = st.columns(2)
    for index, name in enumerate(reviews.EVIDENCE_FIELDS):
        label, placeholder = reviews.EVIDENCE_LABELS[name], _(EVIDENCE_PLACEHOLDERS[name])
        key = w.seed(_ask_key(ask, name), getattr(ask, name))
        columns[index % 2].text_area(
            label,
            key=key,
            on_change=_ask_saver(ctx, ask, name, label),
            height=80,
            placeholder=placeholder,
        )
        with columns[index % 2]:
            w.show_error(key)

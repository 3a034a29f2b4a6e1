"""One rehearsal on the Practice page: the question, the attempt, the reveal, the grade.

The loop works from the keyboard: Tab into the attempt, Ctrl+Enter reveals, B saves
the attempt as the best answer, 1-4 grade it, S skips the card for now.

Only UI flow lives in `st.session_state` (which card is on screen, when it appeared,
the attempt until it is graded); every rehearsal, answer version and card change is
written to the journal at once.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from coach import fields, palette, practice, reviews, vocabulary
from coach.analysis import Analysis, analyse
from coach.db import Journal
from coach.errors import JournalError
from coach.i18n import _, ngettext, pgettext
from coach.text import md, without_nul
from coach_ui import failures
from coach_ui.formatting import relative_day, when
from coach_ui.frame import PageContext, now_here
from coach_ui.stopwatch import clock, stopwatch
from coach_ui.uninterrupted import uninterrupted

ATTEMPT = "practice_attempt"  # the attempt on screen: a dict, see _attempt()
SKIPPED = "practice_skipped"  # card ids skipped for now in this browser session
NOTICE = "practice_notice"  # a message to show after a grade (e.g. a new leech)
FAILURE = "practice_failure"  # the JournalError of a reveal or grade, taken in its callback
GRADE_KEYS = {1: "1", 2: "2", 3: "3", 4: "4"}
GRADE_ICONS = {
    1: ":material/replay:",
    2: ":material/sentiment_dissatisfied:",
    3: ":material/check:",
    4: ":material/bolt:",
}


def _attempt(card_id: int, now: datetime) -> dict:
    """The attempt at `card_id`, started now if another card was on screen before."""
    attempt = st.session_state.get(ATTEMPT)
    if not attempt or attempt.get("card_id") != card_id:
        attempt = {
            "card_id": card_id,
            "started_at": now.astimezone(UTC),
            "revealed": False,
            "revealed_at": None,
            "text": "",
            "audio": None,
            "audio_seconds": None,
            "keep_audio": False,
            "saved_best": False,
        }
        st.session_state[ATTEMPT] = attempt
    return attempt


def skipped() -> set[int]:
    return st.session_state.setdefault(SKIPPED, set())


def _context(detail: practice.CardDetail, now: datetime) -> None:
    """Where and when it was asked, the interviewer's signal, the diagnosis and the fix."""
    if not detail.asks:
        st.caption(
            _(
                "Added by hand: not asked in an interview yet. Answer as if it were, "
                "within the target time."
            )
        )
        return
    for ask in detail.asks[:3]:
        colour = palette.SIGNAL[ask.signal or "none"]
        st.markdown(
            f":{colour}-badge[{ask.signal_label}] **{md(ask.where)}** · "
            + _("{day} ({when})").format(
                day=when(ask.scheduled_at, now), when=relative_day(ask.scheduled_at, now)
            )
        )
        if ask.what_went_wrong:
            st.caption(_("What went wrong: {text}").format(text=md(ask.what_went_wrong)))
    if detail.ask_count > 3:
        st.caption(_("Asked {n} times in all.").format(n=detail.ask_count))
    ask = detail.focus
    meaning = (
        _("**What it means ({company}, {day}):** {meaning}").format(
            company=md(ask.company), day=when(ask.scheduled_at, now), meaning=ask.diagnosis.meaning
        )
        if len(detail.asks) > 1
        else _("**What it means:** {meaning}").format(meaning=ask.diagnosis.meaning)
    )
    fix = _("**The fix to rehearse:** {fix}").format(fix=ask.diagnosis.fix)
    st.markdown(f"{meaning}  \n{fix}")
    _scaffold(detail)


def _scaffold(detail: practice.CardDetail) -> None:
    """A probed answer's evidence from the review: the scaffold to answer along."""
    ask = detail.scaffold
    if ask is None:
        return
    with st.container(border=True, key="practice_scaffold"):
        title = _("Your answer's scaffold")
        if detail.kind == "evidence":
            title = ":violet-badge[" + _("Prepare evidence") + "] " + title
        source = _("from the review ({company})").format(company=md(ask.company))
        st.markdown(f"**{title}** · {source}")
        missing = ":gray[" + _("not written yet") + "]"
        for name, label in reviews.EVIDENCE_LABELS.items():
            value = getattr(ask, name)
            st.markdown(
                _("**{label}:** {value}").format(label=label, value=md(value) if value else missing)
            )
        if not ask.has_evidence:
            st.caption(_("Write these in the review of that interview: the interviewer probed."))


def _attempt_form(attempt: dict, detail: practice.CardDetail, now: datetime) -> None:
    with st.form(f"practice_form_{detail.card.card_id}", border=False, enter_to_submit=False):
        key = f"practice_form_{detail.card.card_id}"
        st.text_area(
            _("Your attempt"),
            height=160,
            placeholder=_("Type your answer, or the key points you said out loud…"),
            help=_("Ctrl+Enter reveals the best answer."),
            key=f"{key}_text",
        )
        st.audio_input(
            _("Or say it out loud"),
            help=_("Your speaking time is measured from the recording."),
            key=f"{key}_audio",
        )
        st.checkbox(
            _("Keep the recording in my journal"),
            help=_("Off: the recording is used to time you, then thrown away."),
            key=f"{key}_keep",
        )
        st.form_submit_button(
            _("Reveal the best answer"),
            type="primary",
            icon=":material/visibility:",
            shortcut="Ctrl+Enter",
            on_click=_take_attempt,
            args=(detail.card.card_id, key),
        )
    _show_failure()


def _show_failure() -> None:
    """Why the last reveal or grade failed, said once (its callback ran before the page)."""
    error = st.session_state.pop(FAILURE, None)
    if error is not None:
        failures.show(error)


@uninterrupted
def _take_attempt(card_id: int, key: str) -> None:
    """The form's attempt, taken before the page is drawn: the run the click starts shows
    the best answer beside it (a rerun after taking it cost a second run and redraw)."""
    attempt = st.session_state.get(ATTEMPT)
    if not attempt or attempt.get("card_id") != card_id:
        return  # another card is on screen (another tab graded this one)
    audio = st.session_state.get(f"{key}_audio")
    audio_bytes = audio.getvalue() if audio is not None else None
    seconds = None
    if audio_bytes:
        try:
            seconds = practice.wav_seconds(audio_bytes)
        except JournalError as error:
            st.session_state[FAILURE] = error
            return
    typed, removed = without_nul(st.session_state.get(f"{key}_text") or "")
    attempt.update(
        revealed=True,
        revealed_at=datetime.now(UTC),
        text=typed,
        removed_nul=removed,
        audio=audio_bytes,
        audio_seconds=seconds,
        keep_audio=bool(st.session_state.get(f"{key}_keep") and audio_bytes),
    )


def _analysis(attempt: dict, detail: practice.CardDetail) -> Analysis:
    return analyse(attempt["text"], attempt["audio_seconds"], dimension=detail.card.dimension)


def _structure(analysis: Analysis) -> None:
    missing = [h for h in analysis.star if not h.covered]
    covered = [h.label for h in analysis.star if h.covered]
    if not covered:
        summary = _("**Structure:** no situation, task, action or result is clear yet.")
    elif missing:
        summary = _("**Structure:** covers {parts}; add the rest.").format(
            parts=pgettext("list separator", ", ").join(covered)
        )
    else:
        summary = _("**Structure:** complete STAR: situation, task, action and result.")
    st.markdown(summary)
    for hint in missing:
        st.caption(_("{part}: {hint}").format(part=hint.label, hint=hint.hint))


def _speaking_seconds(attempt: dict, analysis: Analysis) -> tuple[float, str]:
    if attempt["audio_seconds"] is not None:
        return attempt["audio_seconds"], "recording"
    return analysis.estimated_seconds, "typed"


def _reveal(ctx: PageContext, attempt: dict, detail: practice.CardDetail) -> None:
    best_col, attempt_col = st.columns(2, gap="large")
    with best_col:
        st.markdown("##### " + _("Best answer so far"))
        best = detail.best
        if best is None:
            st.info(
                _(
                    "No answer saved for this question yet. If your attempt was decent, "
                    "save it as your first version."
                ),
                icon=":material/edit_note:",
            )
        else:
            with st.container(border=True):
                st.markdown(md(best.text))
            st.caption(
                _("{source} · {day} · {length}, about {seconds} to say").format(
                    source=vocabulary.ANSWER_SOURCES.get(best.source, best.source),
                    day=when(best.created_at, ctx.now),
                    length=practice.length_text(best.length, best.unit),
                    seconds=clock(best.estimated_seconds),
                )
            )
        if detail.versions:
            st.caption(
                ":material/trending_down: "
                + practice.length_advice(detail.versions, detail.target_seconds)
            )
    with attempt_col:
        st.markdown("##### " + _("This attempt"))
        analysis = _analysis(attempt, detail)
        if attempt.get("removed_nul"):
            n = attempt["removed_nul"]
            removed = ngettext(
                "{n} invisible NUL character (often pasted with binary data) was removed "
                "from your attempt, so it can be graded and kept.",
                "{n} invisible NUL characters (often pasted with binary data) were removed "
                "from your attempt, so it can be graded and kept.",
                n,
            ).format(n=n)
            st.caption(f":material/info: {removed}")
        if attempt["text"].strip():
            with st.container(border=True):
                st.text(attempt["text"])
        elif attempt["audio_seconds"] is None:
            st.caption(_("Nothing typed or recorded: grade how it went in your head."))
        if attempt["audio"]:
            st.audio(attempt["audio"], format="audio/wav")
        spoken, how = _speaking_seconds(attempt, analysis)
        target = detail.target_seconds
        over = spoken - target
        length_col, time_col, filler_col = st.columns(3)
        length_col.metric(
            _("Length (words)") if analysis.unit == "words" else _("Length (characters)"),
            analysis.length,
            delta=(analysis.length - detail.best.length) if detail.best else None,
            delta_color="inverse",
            help=_("Compared with your best answer so far."),
        )
        time_col.metric(
            _("Speaking time"),
            clock(spoken),
            delta=_("{sign}{over} vs {target}").format(
                sign="+" if over > 0 else "-", over=clock(abs(over)), target=clock(target)
            ),
            delta_color="inverse",
            help=_speaking_help(how, target, detail.interrupted),
        )
        filler_col.metric(_("Filler words"), analysis.filler_count)
        separator = pgettext("list separator", ", ")
        notes = []
        if analysis.fillers:
            notes.append(
                _("Fillers: {fillers}").format(
                    fillers=separator.join(f"“{w}” ×{n}" for w, n in analysis.fillers.items())
                )
            )
        if analysis.metrics:
            notes.append(
                _("Numbers: {numbers}").format(
                    numbers=separator.join(md(m) for m in analysis.metrics[:8])
                )
            )
        elif attempt["text"].strip() and analysis.lacks_numbers:
            notes.append(_("No numbers: a result with a figure is more convincing."))
        if analysis.speaking_rate:
            rate = f"{analysis.speaking_rate:.0f}"
            notes.append(
                _("{rate} words per minute").format(rate=rate)
                if analysis.unit == "words"
                else _("{rate} characters per minute").format(rate=rate)
            )
        for note in notes:
            st.caption(note)
        if attempt["text"].strip():
            if analysis.star_expected:  # only a question that asks for a story
                _structure(analysis)
            if attempt["saved_best"]:
                st.success(_("Saved as your best answer."), icon=":material/check:")
            elif st.button(
                _("Save this attempt as my best answer"),
                icon=":material/bookmark_add:",
                shortcut="B",
                key=f"practice_save_best_{detail.card.card_id}",
            ):
                try:
                    practice.save_answer(
                        ctx.journal, detail.card.card_id, attempt["text"], now=ctx.now
                    )
                except JournalError as error:
                    failures.show(error)
                else:
                    attempt["saved_best"] = True
                    st.rerun()


def _speaking_help(how: str, target: int, interrupted: bool) -> str:
    """Where the speaking time comes from, and the target it is held to."""
    if how == "recording":
        if interrupted:
            return _(
                "Speaking time measured from your recording; target {target} s (shorter: you "
                "were interrupted on this one)."
            ).format(target=target)
        return _("Speaking time measured from your recording; target {target} s.").format(
            target=target
        )
    if interrupted:
        return _(
            "Speaking time estimated from what you typed; target {target} s (shorter: you "
            "were interrupted on this one)."
        ).format(target=target)
    return _("Speaking time estimated from what you typed; target {target} s.").format(
        target=target
    )


def _grades(ctx: PageContext, attempt: dict, detail: practice.CardDetail) -> None:
    st.markdown("##### " + _("How did it go?"))
    columns = st.columns(4)
    for grade, column in zip(vocabulary.GRADES, columns, strict=True):
        with column:
            st.button(
                vocabulary.GRADES[grade],
                key=f"practice_grade_{grade}",
                icon=GRADE_ICONS[grade],
                shortcut=GRADE_KEYS[grade],
                type="primary" if grade == 3 else "secondary",
                width="stretch",
                on_click=_grade,
                args=(ctx.journal, attempt, detail, grade),
            )
            st.caption(_(practice.GRADE_RUBRIC[grade]))
    _show_failure()


def _duration_ms(attempt: dict, graded_at: datetime) -> int:
    if attempt["audio_seconds"] is not None:
        return round(attempt["audio_seconds"] * 1000)
    ended = attempt["revealed_at"] or graded_at
    spent = round((ended - attempt["started_at"]).total_seconds() * 1000)
    # A card left on screen overnight and graded the next day is timed at the longest.
    return min(max(0, spent), fields.LONGEST_REHEARSAL_MS)


@uninterrupted
def _grade(journal: Journal, attempt: dict, detail: practice.CardDetail, grade: int) -> None:
    """Write the rehearsal before the page is drawn: the run the click starts shows the
    next card (a rerun after writing it cost a second run and redraw)."""
    if st.session_state.get(ATTEMPT) is not attempt:
        return  # graded already: a second click that left before the page was redrawn
    now = now_here()
    graded_at = now.astimezone(UTC)
    try:
        result = practice.rehearse(
            journal,
            detail.card.card_id,
            grade,
            at=graded_at,
            duration_ms=_duration_ms(attempt, graded_at),
            attempt=attempt["text"],
            audio=attempt["audio"] if attempt["keep_audio"] else None,
        )
    except JournalError as error:
        st.session_state[FAILURE] = error
        return
    st.session_state.pop(ATTEMPT, None)
    label = vocabulary.GRADES[grade]
    st.toast(
        _("{grade}: next rehearsal {when} ({day}).").format(
            grade=label, when=relative_day(result.due, now), day=when(result.due, now)
        ),
        icon=":material/event_repeat:",
    )
    if result.is_leech and result.lapsed:
        st.session_state[NOTICE] = _(
            "“{question}” has lapsed {n} times and is now a **leech**. Drilling it again "
            "rarely helps: rewrite its answer (below) instead."
        ).format(question=md(detail.card.question), n=result.lapses)


def rehearsal(
    ctx: PageContext,
    card: practice.CardRow,
    *,
    badge: str,
    detail: practice.CardDetail | None = None,
) -> None:
    """Draw the rehearsal of `card` (its `detail`, if already loaded in this run);
    grading it writes the rehearsal and reruns."""
    detail = detail or practice.card_detail(ctx.cur, card.card_id, ctx.now)
    attempt = _attempt(card.card_id, ctx.now)
    with st.container(border=True, key="practice_rehearsal"):
        top, side = st.columns([4, 1], vertical_alignment="top")
        with top:
            st.markdown(f"{badge} :gray-badge[{md(card.dimension_label)}]")
            st.markdown(f"### {md(card.question)}")
        with side:
            if attempt["revealed"]:
                spent = (attempt["revealed_at"] - attempt["started_at"]).total_seconds()
                st.markdown(
                    ":material/timer: " + _("**{time}** to reveal").format(time=clock(spent))
                )
            else:
                elapsed = (datetime.now(UTC) - attempt["started_at"]).total_seconds()
                stopwatch(elapsed, detail.target_seconds)
            if st.button(
                _("Skip for now"),
                icon=":material/skip_next:",
                shortcut="S",
                key=f"practice_skip_{card.card_id}",
                type="tertiary",
            ):
                skipped().add(card.card_id)
                st.session_state.pop(ATTEMPT, None)
                st.rerun()
        _context(detail, ctx.now)
        target = clock(detail.target_seconds)
        st.caption(
            _("Target: {time} — shorter, because you were interrupted on this one.").format(
                time=target
            )
            if detail.interrupted
            else _(
                "Target: {time} — about two minutes is the ceiling for a full spoken answer."
            ).format(time=target)
        )
        if not attempt["revealed"]:
            _attempt_form(attempt, detail, ctx.now)
            st.caption(
                _(
                    "Keyboard: Tab to the answer box · Ctrl+Enter reveals · then B saves as "
                    "best, 1–4 grade · S skips."
                )
            )
            return
        _reveal(ctx, attempt, detail)
        st.divider()
        _grades(ctx, attempt, detail)


def rewrite(ctx: PageContext, detail: practice.CardDetail) -> None:
    """The rewrite flow for a leech: write a better answer instead of drilling it again."""
    card = detail.card
    _context(detail, ctx.now)
    best = detail.best
    st.caption(practice.length_advice(detail.versions, detail.target_seconds))
    with st.form(f"practice_rewrite_{card.card_id}", border=False, enter_to_submit=False):
        text = st.text_area(
            _("Rewrite the answer"),
            value=best.text if best else "",
            height=200,
            help=_(
                "Make it easier to remember: one clear point, a concrete example with a "
                "number, and your own actions. Shorter is usually better."
            ),
            key=f"practice_rewrite_{card.card_id}_text",
        )
        save = st.form_submit_button(
            _("Save the rewrite and start the card afresh"),
            type="primary",
            icon=":material/edit_note:",
        )
    if save:
        try:
            practice.rewrite_leech(ctx.journal, card.card_id, text, now=ctx.now)
        except JournalError as error:
            failures.show(error)
        else:
            st.toast(_("Rewritten: the card is back in today's queue."), icon=":material/check:")
            st.rerun()
    if st.button(
        _("Suspend it instead"),
        key=f"practice_suspend_leech_{card.card_id}",
        icon=":material/pause:",
        type="tertiary",
    ):
        practice.set_status(ctx.journal, [card.card_id], "suspended")
        st.rerun()

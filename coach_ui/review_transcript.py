"""The questions step's *Import a transcript*: upload, preview, confirm, store.

1. The file is read the moment it is chosen; a bad one gets its sentence under the
   uploader, and nothing else happens.
2. The preview: which speaker is the candidate (their earlier choice, else a guess),
   then one row per question found, with what they answered and the measured speaking
   time, in a table they edit (question, answer, keep, interrupted), and rows to merge
   or split.
3. The usual bank confirmation (coach_ui.bank_links) for questions the bank has seen,
   then everything is stored in one go (coach.transcripts.store).

The preview lives in this session only, as UI flow: nothing of the transcript reaches
the journal before the candidate confirms, and the file itself only if they ask. A
reload starts again from the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import streamlit as st

from coach import questions as question_bank
from coach import vocabulary, wording
from coach.errors import JournalError
from coach.i18n import N_, _, ngettext
from coach.questions import Proposal
from coach.reviews import Ask, Review
from coach.text import md, md_line
from coach.transcripts import store
from coach.transcripts.preview import (
    LONG_ANSWER_MS,
    Preview,
    build_preview,
    clock_text,
    duration_text,
)
from coach.transcripts.turns import Transcript, read_transcript
from coach_ui import review_widgets as w
from coach_ui.bank_links import link_and_dimension
from coach_ui.frame import PageContext
from coach_ui.uninterrupted import uninterrupted

if TYPE_CHECKING:
    import pandas as pd

# Larger files are refused by the browser before they are sent; anything up to this
# reaches coach.transcripts.files, whose sentence says what the file is.
UPLOAD_LIMIT_MB = 64
_COLUMNS = {
    "keep": N_("Keep"),
    "question": N_("Question"),
    "answer": N_("What I answered"),
    "asked": N_("Asked at"),
    "time": N_("Answer time"),
    "interrupted": N_("Interrupted"),
}


@dataclass
class _Import:
    """One import in progress (this session's UI flow, never the journal's)."""

    file_name: str
    transcript: Transcript
    preview: Preview
    generation: int = 0  # the table's key: a new one after a merge or a split
    proposals: list[Proposal] | None = None  # set once the rows are confirmed
    keep_file: bool = False
    errors: list[str] = field(default_factory=list)


def _key(review: Review, name: str = "") -> str:
    return f"review_{review.interview_id}_transcript{'_' + name if name else ''}"


def _current(review: Review) -> _Import | None:
    return st.session_state.get(_key(review))


# --- 1. Upload ------------------------------------------------------------------------
def upload(ctx: PageContext, review: Review) -> None:
    """The uploader, inside the capture box's *Import a transcript* tab."""
    generation = st.session_state.setdefault(_key(review, "upload_generation"), 0)
    uploader = _key(review, f"upload_{generation}")
    st.file_uploader(
        _("Transcript file"),
        key=uploader,
        max_upload_size=UPLOAD_LIMIT_MB,
        on_change=_read_upload,
        args=(ctx, review, uploader),
        help=_(
            "A Zoom, Teams or Meet transcript (.vtt), subtitles (.srt), or text with a "
            "“Name: words” line for each speaker turn, with or without times."
        ),
    )
    st.caption(
        _(
            "The questions are found in the interviewer's words and paired with your answers "
            "and how long you spoke. You check every row before anything is saved; the file "
            "itself is kept only if you ask."
        )
    )
    w.show_error(uploader)


@uninterrupted
def _read_upload(ctx: PageContext, review: Review, uploader: str) -> None:
    chosen = st.session_state.get(uploader)
    errors = st.session_state.setdefault(w.ERRORS, {})
    if chosen is None:
        errors.pop(uploader, None)
        return
    cur = ctx.journal.cursor()
    try:
        transcript = read_transcript(chosen.getvalue())
        candidate = transcript.guess_candidate(store.my_names(cur))
        preview = build_preview(transcript, candidate)
    except JournalError as error:
        errors[uploader] = str(error)
        return
    finally:
        cur.close()
    errors.pop(uploader, None)
    st.session_state[_key(review)] = _Import(chosen.name, transcript, preview)


# --- 2 and 3: the import in progress ---------------------------------------------------
def in_progress(ctx: PageContext, review: Review, dimensions: dict[str, str]) -> bool:
    """Draw the import in progress, if there is one; whether there was."""
    state = _current(review)
    if state is None:
        return False
    with st.container(border=True, key=_key(review, "box")):
        _heading(state)
        if state.proposals is None:
            _rows(ctx, review, state)
        else:
            _confirm(ctx, review, state, dimensions)
    return True


def _heading(state: _Import) -> None:
    transcript = state.transcript
    turns = transcript.turns
    starts = [t.start_ms for t in turns if t.start_ms is not None]
    ends = [t.end_ms for t in turns if t.end_ms is not None]
    parts = [
        "**" + _("Import a transcript") + "**",
        md_line(state.file_name),
        vocabulary.TRANSCRIPT_FORMATS[transcript.format],
        ngettext("{n} caption", "{n} captions", transcript.cue_count).format(
            n=wording.number(transcript.cue_count)
        ),
        ngettext("{n} speaker", "{n} speakers", len(transcript.speakers)).format(
            n=len(transcript.speakers)
        ),
    ]
    if starts and ends:
        parts.append(_("{time} long").format(time=duration_text(max(ends) - min(starts))))
    st.markdown(" · ".join(parts))
    st.caption(
        _(
            "Nothing is saved until you add the questions. Reloading the page starts again "
            "from the file."
        )
    )


def _speaker_label(transcript: Transcript, name: str) -> str:
    speaker = transcript.speaker(name)
    sample = speaker.sample if len(speaker.sample) < 70 else speaker.sample[:69] + "…"
    if speaker.spoken_ms is not None:
        label = ngettext(
            "**{name}** — spoke {time}, {n} turn: “{sample}”",
            "**{name}** — spoke {time}, {n} turns: “{sample}”",
            speaker.turns,
        )
    else:
        label = ngettext(
            "**{name}** — {chars} characters, {n} turn: “{sample}”",
            "**{name}** — {chars} characters, {n} turns: “{sample}”",
            speaker.turns,
        )
    return label.format(
        name=md_line(name),
        time=duration_text(speaker.spoken_ms),
        chars=wording.number(speaker.characters),
        n=speaker.turns,
        sample=md_line(sample),
    )


def _rows(ctx: PageContext, review: Review, state: _Import) -> None:
    transcript = state.transcript
    names = [s.name for s in transcript.speakers]
    chosen = st.radio(
        _("Which speaker is you?"),
        names,
        index=names.index(state.preview.candidate),
        format_func=lambda name: _speaker_label(transcript, name),
        key=_key(review, f"me_{state.generation}"),
    )
    if chosen != state.preview.candidate:
        state.preview = build_preview(transcript, chosen)
        state.generation += 1
        st.rerun()
    preview = state.preview
    if not preview.rows:
        st.warning(
            _(
                "No questions were found in the other speakers' words. If you are not "
                "{name}, choose the speaker who is you."
            ).format(name=md(preview.candidate)),
            icon=":material/search_off:",
        )
        _cancel_button(review)
        return
    interrupted = sum(r.interrupted for r in preview.rows)
    count = len(preview.rows)
    if interrupted:
        found = ngettext(
            "**{n} question found**, {cut} offered as interrupted.",
            "**{n} questions found**, {cut} offered as interrupted.",
            count,
        )
    else:
        found = ngettext("**{n} question found**.", "**{n} questions found**.", count)
    st.markdown(
        wording.sentences(
            found.format(n=count, cut=interrupted),
            _(
                "Correct the wording, untick what was not a question, merge a question "
                "asked in two goes, or split a row where the interviewer asked something new."
            ),
        )
    )
    if preview.left_out:
        st.caption(
            ngettext(
                "The first {n} turn, before the first question, are left out (greetings, "
                "small talk).",
                "The first {n} turns, before the first question, are left out (greetings, "
                "small talk).",
                preview.left_out,
            ).format(n=preview.left_out)
        )
    edited = st.data_editor(
        _table(preview),
        key=_key(review, f"rows_{state.generation}"),
        num_rows="fixed",
        disabled=["asked", "time"],
        # The long answer last: the short facts stay in view without scrolling. Widths
        # in pixels: every heading whole and every column in view at 1,400 px
        # (the answer's full text is in its cell's editor: double-click).
        column_order=["keep", "asked", "question", "time", "interrupted", "answer"],
        column_config={
            "keep": st.column_config.CheckboxColumn(_(_COLUMNS["keep"]), width=70),
            "question": st.column_config.TextColumn(
                _(_COLUMNS["question"]), width=300, required=True,
                max_chars=question_bank.QUESTION_LIMIT,
            ),
            "answer": st.column_config.TextColumn(_(_COLUMNS["answer"]), width=210),
            "asked": st.column_config.TextColumn(_(_COLUMNS["asked"]), width=70),
            "time": st.column_config.TextColumn(
                _(_COLUMNS["time"]), width=95,
                help=_("How long you spoke in this answer, from the transcript's times."),
            ),
            "interrupted": st.column_config.CheckboxColumn(
                _(_COLUMNS["interrupted"]), width=105,
                help=_("Offered when a long answer (over two minutes) was cut short by the "
                       "interviewer. Stored as the interviewer's signal; untick it if not."),
            ),
        },
    )  # fmt: skip
    state.preview = _with_edits(preview, edited)
    _merge_and_split(review, state)
    state.keep_file = st.checkbox(
        _("Keep the transcript file in my journal"),
        value=state.keep_file,
        key=_key(review, "keep_file"),
        help=_(
            "Off: only the questions and answers you keep are saved, not the file. On: "
            "the whole transcript is saved with this interview, to read or download later."
        ),
    )
    kept = len(state.preview.kept)
    go, cancel = st.columns([3, 2])
    if go.button(
        ngettext(
            "Next: check {n} question against your bank",
            "Next: check {n} questions against your bank",
            kept,
        ).format(n=kept),
        type="primary",
        icon=":material/arrow_forward:",
        disabled=not kept,
        key=_key(review, "next"),
    ):
        _check_rows(ctx, review, state)
    with cancel:
        _cancel_button(review)
    for message in state.errors:
        st.error(md(message), icon=":material/error:")
    state.errors.clear()


def _table(preview: Preview) -> pd.DataFrame:
    # Imported here: only a transcript's preview needs pandas, and importing it with the
    # review page cost the page's first visit about 0.3 s.
    import pandas as pd

    rows = preview.rows
    table = pd.DataFrame(
        {
            "keep": [r.keep for r in rows],
            "question": [r.question for r in rows],
            "answer": [r.answer for r in rows],
            "asked": [clock_text(r.asked_ms) for r in rows],
            "time": [duration_text(r.answer_ms) for r in rows],
            "interrupted": [r.interrupted for r in rows],
        },
        index=pd.RangeIndex(1, len(rows) + 1, name=_("Row")),
    )
    return table


def _with_edits(preview: Preview, edited: pd.DataFrame) -> Preview:
    """The preview with the table's edits applied (the table shows the preview)."""
    import pandas as pd

    for index, row in enumerate(preview.rows):
        values = edited.iloc[index]
        changes = {
            "keep": bool(values["keep"]),
            "question": "" if pd.isna(values["question"]) else str(values["question"]),
            "answer": "" if pd.isna(values["answer"]) else str(values["answer"]),
            "interrupted": bool(values["interrupted"]),
        }
        if any(getattr(row, name) != value for name, value in changes.items()):
            preview = preview.edit(index, **changes)
    return preview


def _merge_and_split(review: Review, state: _Import) -> None:
    preview = state.preview
    count = len(preview.rows)
    with st.expander(
        _("Merge or split rows"), icon=":material/call_split:", key=_key(review, "merging")
    ):
        number_col, merge_col = st.columns([1, 3], vertical_alignment="bottom")
        number = number_col.number_input(
            _("Row"), min_value=1, max_value=count, step=1, key=_key(review, "row")
        )
        index = int(number) - 1
        if merge_col.button(
            _("Merge with the next row"),
            disabled=index >= count - 1,
            key=_key(review, "merge"),
            help=_("One question asked in two goes: the questions and answers are joined."),
        ):
            _change(state, lambda p: p.merge_with_next(index))
        points = dict(preview.split_points(index))
        split_col, split_button = st.columns([3, 1], vertical_alignment="bottom")
        at = split_col.selectbox(
            _("Split where the interviewer said"),
            list(points),
            format_func=points.get,
            placeholder=_("The interviewer says nothing inside this row's answer"),
            disabled=not points,
            key=_key(review, f"split_at_{index}_{state.generation}"),
        )
        if split_button.button(
            _("Split here"), disabled=at is None, key=_key(review, "split"), width="stretch"
        ):
            _change(state, lambda p: p.split(index, at))


def _change(state: _Import, change) -> None:
    try:
        state.preview = change(state.preview)
    except JournalError as error:
        state.errors.append(str(error))
        return
    state.generation += 1
    st.rerun()


def _check_rows(ctx: PageContext, review: Review, state: _Import) -> None:
    try:
        rows = state.preview.checked()
        proposals = question_bank.propose(ctx.cur, [row.question for row in rows])
    except JournalError as error:
        state.errors.append(str(error))
        return
    if any(p.matches for p in proposals):
        state.proposals = proposals
        st.rerun()
    new = [store.confident_new_ask(p) for p in proposals]
    _store(ctx, review, state, [store.as_imported(r, n) for r, n in zip(rows, new, strict=True)])


def _confirm(ctx: PageContext, review: Review, state: _Import, dimensions: dict[str, str]) -> None:
    proposals = state.proposals or []
    rows = state.preview.kept
    matched = sum(bool(p.matches) for p in proposals)
    st.markdown(
        ngettext(
            "**{matched} of these {n} questions look like ones you were asked before.** Link "
            "each to the same question in your bank, so its history, card and kept answers "
            "stay together, or keep it as a new question.",
            "**{matched} of these {n} questions look like ones you were asked before.** Link "
            "each to the same question in your bank, so its history, card and kept answers "
            "stay together, or keep it as a new question.",
            len(proposals),
        ).format(matched=matched, n=len(proposals))
    )
    key = _key(review, f"confirm_{state.generation}")
    with st.form(key, border=False):
        choices = []
        for index, (proposal, row) in enumerate(zip(proposals, rows, strict=True)):
            st.markdown(f"**{index + 1}.** {md(proposal.text)}")
            facts = (
                [_("answered in {time}").format(time=duration_text(row.answer_ms))]
                if row.answer_ms
                else []
            )
            if row.interrupted:
                facts.append(_("interrupted"))
            if facts:
                st.caption(" · ".join(facts))
            choices.append(link_and_dimension(key, index, proposal, dimensions))
        add, back = st.columns([3, 2])
        confirmed = add.form_submit_button(
            ngettext(
                "Add {n} question with its answer",
                "Add {n} questions with their answers",
                len(proposals),
            ).format(n=len(proposals)),
            type="primary",
        )
        went_back = back.form_submit_button(_("Back to the rows"))
    if went_back:
        state.proposals = None
        st.rerun()
    if confirmed:
        imported = [store.as_imported(r, n) for r, n in zip(rows, choices, strict=True)]
        _store(ctx, review, state, imported)
    for message in state.errors:
        st.error(md(message), icon=":material/error:")
    state.errors.clear()


def _store(
    ctx: PageContext, review: Review, state: _Import, imported: list[store.ImportedAsk]
) -> None:
    keep = store.KeptTranscript.of(state.preview, state.file_name) if state.keep_file else None
    try:
        ids = store.record(ctx.journal, review.interview_id, imported, w.now(),
                           candidate=state.preview.candidate, keep=keep)  # fmt: skip
    except JournalError as error:
        state.errors.append(str(error))
        return
    interrupted = sum(item.signal == "interrupted" for item in imported)
    if interrupted:
        added = ngettext(
            "Added {n} question from the transcript, with your answers and speaking times; "
            "{cut} marked interrupted, now a rehearsal card.",
            "Added {n} questions from the transcript, with your answers and speaking times; "
            "{cut} marked interrupted, now a rehearsal card.",
            len(ids),
        )
    else:
        added = ngettext(
            "Added {n} question from the transcript, with your answers and speaking times.",
            "Added {n} questions from the transcript, with your answers and speaking times.",
            len(ids),
        )
    added = added.format(n=len(ids), cut=interrupted)
    if keep:
        added = wording.sentences(added, _("The transcript is kept with this interview."))
    w.notice(added)
    _finish(review)
    st.rerun()


def _cancel_button(review: Review) -> None:
    if st.button(_("Cancel the import"), key=_key(review, "cancel"), icon=":material/close:"):
        _finish(review)
        st.rerun()


def _finish(review: Review) -> None:
    st.session_state.pop(_key(review), None)
    generation = _key(review, "upload_generation")
    st.session_state[generation] = st.session_state.get(generation, 0) + 1


# --- Kept transcripts and measured times -----------------------------------------------
def kept(ctx: PageContext, review: Review) -> None:
    """The transcripts kept with this interview: download, or remove."""
    for item in store.kept_transcripts(ctx.cur, review.interview_id):
        name, download, remove = st.columns([6, 2, 2], vertical_alignment="center")
        name.caption(
            ":material/description: "
            + _("Transcript kept: {file} ({kind}, {chars} characters, you are {me})").format(
                file=md_line(item.file_name or _("untitled")),
                kind=vocabulary.TRANSCRIPT_FORMATS[item.format],
                chars=wording.number(item.characters),
                me=md_line(item.candidate),
            )
        )
        download.download_button(
            _("Download"),
            data=lambda item=item: store.transcript_text(ctx.journal.cursor(), item.id),
            file_name=item.file_name or f"transcript-{item.id}.txt",
            mime="text/plain",
            on_click="ignore",
            key=_key(review, f"kept_{item.id}_download"),
            icon=":material/download:",
        )
        with remove.popover(_("Remove"), icon=":material/delete:"):
            st.caption(_("The questions and answers stay; only the file goes."))
            st.button(
                _("Remove the transcript"),
                key=_key(review, f"kept_{item.id}_remove"),
                type="primary",
                on_click=lambda item=item: w.run(
                    _key(review, "kept"), lambda: store.delete_transcript(ctx.journal, item.id)
                ),
            )
    w.show_error(_key(review, "kept"))


def measured_time(ask: Ask) -> None:
    """The answer's speaking time, when a transcript measured it."""
    if ask.answer_ms is None:
        return
    long = ask.answer_ms > LONG_ANSWER_MS
    if long:
        said = _(
            "**{time} spoken**, measured from the transcript — longer than the two minutes "
            "an answer should take."
        )
    else:
        said = _("{time} spoken, measured from the transcript.")
    st.caption(":material/timer: " + said.format(time=duration_text(ask.answer_ms)))

"""The preview: one row per question asked, with what the candidate answered.

Once the candidate has said which speaker is them, every turn of another speaker that
asks something (coach.transcripts.asking) starts a row. The row's answer is the
candidate's turns that follow, up to the next asking turn; interviewers' turns that ask
nothing ("Mm-hmm", "Right") are left out of it. The answer's speaking time is the sum
of the candidate's cue times in it (measured, never estimated from the words).

An answer is offered as *interrupted* when it ran long (over the method's two minutes,
coach.review_rules.TARGET_SECONDS) and the interviewer cut in: spoke before the
candidate's last caption ended, or right after it while the sentence was unfinished,
or with words that stop a speaker ("sorry to interrupt", "in the interest of time").

The candidate then edits, merges, splits and drops rows; nothing is stored until they
confirm (coach.transcripts.store). Rows are plain values and every change returns a
new preview, so a page can keep the preview between runs and undo nothing by accident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from coach import fields, wording
from coach.errors import InvalidInput
from coach.i18n import _
from coach.review_rules import TARGET_SECONDS
from coach.transcripts.asking import CUTTING_IN, question_in
from coach.transcripts.cues import join_text
from coach.transcripts.turns import Transcript, Turn

LONG_ANSWER_MS = TARGET_SECONDS * 1000
# The interviewer came in this soon after an unfinished sentence: a cut, not a pause.
CUT_GAP_MS = 1_000
_UNFINISHED_END = re.compile(r"(?:[-–—]|\.\.\.|…|,|，|、)\s*$")
_FINISHED_END = re.compile(r"[.?!。？！\"'”’)）]\s*$")


@dataclass(frozen=True)
class Row:
    question: str
    answer: str
    asked_ms: int | None  # from the start of the call
    answer_ms: int | None  # the candidate's speaking time in the answer; None: not measured
    interrupted: bool  # offered as the interviewer's signal
    interviewer: str
    first: int  # the row's turns: transcript.turns[first:end], the question's first
    end: int
    keep: bool = True

    @property
    def signal(self) -> str | None:
        return "interrupted" if self.interrupted else None


@dataclass(frozen=True)
class Preview:
    transcript: Transcript
    candidate: str
    rows: tuple[Row, ...]

    @property
    def kept(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.keep)

    @property
    def left_out(self) -> int:
        """Turns before the first question (greetings, small talk)."""
        return self.rows[0].first if self.rows else len(self.transcript.turns)

    def checked(self) -> tuple[Row, ...]:
        """The kept rows, or InvalidInput naming the first row that cannot be stored."""
        if not self.kept:
            raise InvalidInput(_("Keep at least one question (tick “Keep”), or cancel the import."))
        for number, row in enumerate(self.rows, start=1):
            if not row.keep:
                continue
            if not row.question.strip():
                raise InvalidInput(
                    _("Row {number} has no question: write it, or untick “Keep”.").format(
                        number=number
                    )
                )
            if len(row.question.strip()) > fields.QUESTION_LIMIT:
                raise InvalidInput(
                    _(
                        "Row {number}'s question is {n} characters long; a question is at "
                        "most {limit}. Shorten it, or split the row."
                    ).format(
                        number=number,
                        n=wording.number(len(row.question.strip())),
                        limit=wording.number(fields.QUESTION_LIMIT),
                    )
                )
        return self.kept

    def split_points(self, index: int) -> list[tuple[int, str]]:
        """Where row `index` can be split: at each interviewer turn inside its answer,
        as (turn index, its first words)."""
        row = self.rows[index]
        turns = self.transcript.turns
        return [
            (at, _snippet(turns[at].text))
            for at in range(row.first + 1, row.end)
            if turns[at].speaker != self.candidate
        ]

    # -- the candidate's changes, each returning a new preview --------------------

    def edit(self, index: int, **changes) -> Preview:
        """Change a row's question, answer, keep or interrupted."""
        allowed = {"question", "answer", "keep", "interrupted"}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidInput(
                _("A preview row has no field {field}.").format(field=repr(sorted(unknown)[0]))
            )
        return self._with(index, [replace(self._row(index), **changes)])

    def merge_with_next(self, index: int) -> Preview:
        """Row `index` and the next as one question with one answer."""
        first, second = self._row(index), self._row(index + 1)
        times = [t for t in (first.answer_ms, second.answer_ms) if t is not None]
        merged = Row(
            question=join_text(first.question, second.question),
            answer="\n\n".join(a for a in (first.answer.strip(), second.answer.strip()) if a),
            asked_ms=first.asked_ms,
            answer_ms=sum(times) if times else None,
            interrupted=second.interrupted,
            interviewer=first.interviewer,
            first=first.first,
            end=second.end,
            keep=first.keep or second.keep,
        )
        rows = list(self.rows)
        rows[index : index + 2] = [merged]
        return replace(self, rows=tuple(rows))

    def split(self, index: int, at: int) -> Preview:
        """Row `index` as two, the second starting at the interviewer's turn `at`.

        The first keeps its question as edited; both answers are read afresh from the
        transcript's turns."""
        row = self._row(index)
        if at not in dict(self.split_points(index)):
            raise InvalidInput(_("A row splits only where an interviewer spoke within its answer."))
        before = replace(_row(self.transcript, self.candidate, row.first, at),
                         question=row.question, keep=row.keep)  # fmt: skip
        after = replace(_row(self.transcript, self.candidate, at, row.end), keep=row.keep)
        return self._with(index, [before, after])

    def _row(self, index: int) -> Row:
        if not 0 <= index < len(self.rows):
            raise InvalidInput(
                _("The preview has no row {number}; it may have changed.").format(number=index + 1)
            )
        return self.rows[index]

    def _with(self, index: int, new: list[Row]) -> Preview:
        rows = list(self.rows)
        rows[index : index + 1] = new
        return replace(self, rows=tuple(rows))


def build_preview(transcript: Transcript, candidate: str) -> Preview:
    """The rows of the transcript, with `candidate` (a speaker's name) as the candidate."""
    transcript.speaker(candidate)  # refuses a name that does not speak
    turns = transcript.turns
    starts = [
        i
        for i, turn in enumerate(turns)
        if turn.speaker != candidate and question_in(turn.text, limit=fields.QUESTION_LIMIT)
    ]
    ends = [*starts[1:], len(turns)]
    rows = tuple(_row(transcript, candidate, a, b) for a, b in zip(starts, ends, strict=True))
    return Preview(transcript, candidate, rows)


def _row(transcript: Transcript, candidate: str, first: int, end: int) -> Row:
    turns = transcript.turns
    asking = turns[first]
    question = (
        question_in(asking.text, limit=fields.QUESTION_LIMIT)
        or asking.text[: fields.QUESTION_LIMIT]
    )
    answers = [t for t in turns[first + 1 : end] if t.speaker == candidate]
    measured = [t.spoken_ms for t in answers if t.spoken_ms is not None]
    return Row(
        question=question,
        answer="\n\n".join(t.text for t in answers),
        asked_ms=_since_start(transcript, asking),
        answer_ms=sum(measured) if measured else None,
        interrupted=_cut_short(turns, candidate, first, end, sum(measured)),
        interviewer=asking.speaker,
        first=first,
        end=end,
    )


def _since_start(transcript: Transcript, turn: Turn) -> int | None:
    start = next((t.start_ms for t in transcript.turns if t.start_ms is not None), None)
    if start is None or turn.start_ms is None:
        return None
    return turn.start_ms - start


def _cut_short(turns: tuple[Turn, ...], candidate: str, first: int, end: int, spoken: int) -> bool:
    if spoken < LONG_ANSWER_MS:
        return False
    last = max((i for i in range(first + 1, end) if turns[i].speaker == candidate), default=None)
    if last is None or last + 1 >= len(turns):
        return False  # no answer, or the call ended on it
    answer, cutting = turns[last], turns[last + 1]
    if CUTTING_IN.match(cutting.text) or _UNFINISHED_END.search(answer.text):
        return True
    if answer.end_ms is None or cutting.start_ms is None:
        return False
    if cutting.start_ms < answer.end_ms:
        return True  # spoke over the candidate
    unfinished = not _FINISHED_END.search(answer.text)
    return unfinished and cutting.start_ms - answer.end_ms <= CUT_GAP_MS


def duration_text(ms: int | None) -> str:
    """'45 s', '2 min 10 s', '1 h 05 min'; 'not timed' when the transcript had no times
    (in Chinese '45 秒', '2 分 10 秒', '1 小时 05 分', '未计时')."""
    if ms is None:
        return _("not timed")
    seconds = round(ms / 1000)
    if seconds < 60:
        return _("{s} s").format(s=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        if not seconds:
            return _("{m} min").format(m=minutes)
        return _("{m} min {s} s").format(m=minutes, s=f"{seconds:02d}")
    hours, minutes = divmod(minutes, 60)
    return _("{h} h {m} min").format(h=hours, m=f"{minutes:02d}")


def clock_text(ms: int | None) -> str:
    """A moment of the call as 'm:ss' or 'h:mm:ss' from its start; '' if not timed."""
    if ms is None:
        return ""
    minutes, seconds = divmod(round(ms / 1000), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def _snippet(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

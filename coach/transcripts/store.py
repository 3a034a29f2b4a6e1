"""Storing a confirmed preview: the asks with their answers, speaking times and signals.

All in one transaction: the questions are linked to the bank or added to it exactly as
typed ones are (coach.reviews.record_asks), then each ask gets what the transcript
said. An ask whose signal is weak becomes a rehearsal card, as a typed one does, and
the plan is brought up to date once. The transcript itself is kept only when the
candidate asks; the name they chose as theirs is remembered, to be offered first the
next time (a name, never the transcript).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach import fields, settings
from coach import questions as question_bank
from coach.actions import sync_suggestions
from coach.db import Journal
from coach.review_rules import is_weak_ask
from coach.reviews import NewAsk, record_asks
from coach.scheduling import ensure_card
from coach.transcripts.preview import Preview, Row

# The settings key of the names the candidate chose as theirs, latest first (its rule:
# coach.fields.SETTING_RULES).
MY_NAMES = "transcript_my_names"
MY_NAMES_KEPT = 5


@dataclass(frozen=True)
class ImportedAsk:
    """A confirmed row: the question as the bank will hold it, and what was answered."""

    new: NewAsk
    answer: str = ""
    answer_ms: int | None = None
    signal: str | None = None


@dataclass(frozen=True)
class KeptTranscript:
    file_name: str
    format: str
    candidate: str
    text: str

    @classmethod
    def of(cls, preview: Preview, file_name: str) -> KeptTranscript:
        return cls(file_name, preview.transcript.format, preview.candidate, preview.transcript.text)


def with_bank_defaults(cur: duckdb.DuckDBPyConnection, preview: Preview) -> list[ImportedAsk]:
    """The kept rows as asks, linked to the bank as the review's confirmation offers by
    default: to a confident match (coach.questions.CONFIDENT_MATCH), else as new; with
    the suggested dimension. For storing without that confirmation (the command line)."""
    rows = preview.checked()
    proposals = question_bank.propose(cur, [row.question for row in rows])
    return [as_imported(row, confident_new_ask(p)) for row, p in zip(rows, proposals, strict=True)]


def confident_new_ask(proposal: question_bank.Proposal) -> NewAsk:
    best = proposal.best
    linked = best.question_id if best and best.score >= question_bank.CONFIDENT_MATCH else None
    return NewAsk(proposal.text, linked, proposal.dimension)


def as_imported(row: Row, new: NewAsk) -> ImportedAsk:
    return ImportedAsk(new, row.answer, row.answer_ms, row.signal)


def my_names(cur: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    names = settings.get_setting(cur, MY_NAMES, [])
    return tuple(n for n in names if isinstance(n, str)) if isinstance(names, list) else ()


def record(
    journal: Journal,
    interview_id: int,
    asks: list[ImportedAsk],
    now: datetime,
    *,
    candidate: str = "",
    keep: KeptTranscript | None = None,
) -> list[int]:
    """Store the asks after the interview's last one, in order; their ids."""
    checked = [
        (
            item.new,
            fields.check("asks", "answer_notes", item.answer),
            fields.check("asks", "answer_ms", item.answer_ms),
            fields.check("asks", "signal", item.signal),
        )
        for item in asks
    ]
    kept = None
    if keep is not None:
        kept = [
            fields.check("transcripts", column, getattr(keep, column))
            for column in ("file_name", "format", "candidate", "text")
        ]

    def work(cur):
        ids = record_asks(cur, interview_id, [new for new, *_ in checked], now)
        for ask_id, (_, answer, answer_ms, signal) in zip(ids, checked, strict=True):
            cur.execute(
                "UPDATE asks SET answer_notes = ?, answer_ms = ?, signal = ? WHERE id = ?",
                [answer, answer_ms, signal, ask_id],
            )
            if is_weak_ask(None, signal, None):
                [question_id] = cur.execute(
                    "SELECT question_id FROM asks WHERE id = ?", [ask_id]
                ).fetchone()
                ensure_card(cur, question_id, origin="weak_ask", now=now)
        if kept is not None:
            cur.execute(
                "INSERT INTO transcripts (interview_id, file_name, format, candidate, text,"
                " imported_at) VALUES (?, ?, ?, ?, ?, ?)",
                [interview_id, *kept, now],
            )
        if candidate.strip():
            _remember_name(cur, candidate.strip())
        sync_suggestions(cur, interview_id, now)
        return ids

    return journal.write(work)


def _remember_name(cur: duckdb.DuckDBPyConnection, name: str) -> None:
    names = [name, *(n for n in my_names(cur) if n != name)][:MY_NAMES_KEPT]
    settings.set_setting(cur, MY_NAMES, names)


@dataclass(frozen=True)
class KeptTranscriptRow:
    id: int
    file_name: str
    format: str
    candidate: str
    characters: int
    imported_at: datetime


def kept_transcripts(cur: duckdb.DuckDBPyConnection, interview_id: int) -> list[KeptTranscriptRow]:
    rows = cur.execute(
        "SELECT id, file_name, format, candidate, length(text), imported_at FROM transcripts"
        " WHERE interview_id = ? ORDER BY imported_at, id",
        [interview_id],
    ).fetchall()
    return [KeptTranscriptRow(*row) for row in rows]


def transcript_text(cur: duckdb.DuckDBPyConnection, transcript_id: int) -> str:
    row = cur.execute("SELECT text FROM transcripts WHERE id = ?", [transcript_id]).fetchone()
    return row[0] if row else ""


def delete_transcript(journal: Journal, transcript_id: int) -> None:
    """Remove a kept transcript; the asks made from it stay."""
    journal.write(lambda cur: cur.execute("DELETE FROM transcripts WHERE id = ?", [transcript_id]))

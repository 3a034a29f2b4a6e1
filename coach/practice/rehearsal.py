"""One card, ready to rehearse (where it was asked, the diagnosis and fix, the
answer's versions), and rehearsing it: a grade, an answer kept, a leech rewritten.

Rewriting a leech's answer saves a new answer version and starts the card afresh.
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach import fields, vocabulary, wording
from coach.analysis import analyse
from coach.db import Journal
from coach.errors import InvalidInput, NotFound
from coach.i18n import N_, _, ngettext
from coach.practice.cards import CARD_COLUMNS, CARD_FROM, CardRow, card_row, reset_card
from coach.recall import recall_params, recall_sql
from coach.review_rules import Diagnosis, diagnose, target_seconds
from coach.scheduling import (
    RehearsalResult,
    record_rehearsal,
    scheduler_for,
    utc,
)
from coach.settings import get_setting

# Marked, not translated: shown with `_(GRADE_RUBRIC[grade])`.
GRADE_RUBRIC = {
    1: N_("Could not structure it."),
    2: N_("Rambled or missed a point."),
    3: N_("Complete and within the time."),
    4: N_("Crisp and effortless."),
}
CARD_GONE = N_("That card no longer exists; it may have been deleted in another tab.")


@dataclass(frozen=True)
class AskContext:
    """Where and when the question was asked, and what the review made of the answer."""

    company: str
    role: str
    round: str
    scheduled_at: datetime
    signal: str | None
    self_score: int | None
    cause: str | None
    what_went_wrong: str
    answer_notes: str
    diagnosis: Diagnosis
    # The evidence of a probed answer, from the review (the card's answer scaffold).
    background: str = ""
    problem: str = ""
    my_actions: str = ""
    evidence: str = ""

    @property
    def has_evidence(self) -> bool:
        return any((self.background, self.problem, self.my_actions, self.evidence))

    @property
    def where(self) -> str:
        return " · ".join(p for p in (self.company, self.role, self.round) if p)

    @property
    def signal_label(self) -> str:
        return vocabulary.SIGNALS.get(self.signal or "", _("No signal recorded"))


@dataclass(frozen=True)
class AnswerVersion:
    id: int
    text: str
    source: str
    created_at: datetime
    length: int
    unit: str  # "words" or "characters"
    estimated_seconds: float


@dataclass(frozen=True)
class CardDetail:
    card: CardRow
    asks: list[AskContext]  # latest first, at most 5
    ask_count: int
    versions: list[AnswerVersion]  # oldest first, at most the latest 20
    target_seconds: int
    recall_now: float
    kind: str = "answer"  # a key of vocabulary.CARD_KINDS

    @property
    def scaffold(self) -> AskContext | None:
        """The answer scaffold: the latest asking with evidence written in the review,
        else the latest probed one (its fields still to write), else none."""
        return next(
            (a for a in self.asks if a.has_evidence),
            next((a for a in self.asks if a.signal == "probed"), None),
        )

    @property
    def best(self) -> AnswerVersion | None:
        """The best answer so far: the latest version."""
        return self.versions[-1] if self.versions else None

    @property
    def focus(self) -> AskContext | None:
        """The ask to rehearse against: the latest weak one, else the latest doubted one
        (a prepare-evidence card), else the latest."""
        latest = self.asks[0] if self.asks else None
        doubted = next((a for a in self.asks if a.diagnosis.doubted), latest)
        return next((a for a in self.asks if a.diagnosis.weak), doubted)

    @property
    def interrupted(self) -> bool:
        return any(ask.signal == "interrupted" for ask in self.asks)


def card_detail(cur: duckdb.DuckDBPyConnection, card_id: int, now: datetime) -> CardDetail:
    found = card_details(cur, [card_id], now)
    if card_id not in found:
        raise NotFound(_(CARD_GONE))
    return found[card_id]


def card_details(
    cur: duckdb.DuckDBPyConnection, card_ids: list[int], now: datetime
) -> dict[int, CardDetail]:
    """The detail of each card that exists, by id: a fixed number of queries for any
    number of cards (each an index lookup on the cards' questions), never one set per card."""
    ids = [int(i) for i in card_ids]
    if not ids:
        return {}
    scheduler = scheduler_for(cur, fuzzing=False)
    rows = cur.execute(
        f"SELECT {CARD_COLUMNS}, {recall_sql()} {CARD_FROM}"  # noqa: S608
        " WHERE list_contains($ids, c.id)",
        {**recall_params(scheduler, now), "ids": ids},
    ).fetchall()
    cards = {row[0]: card_row(row, recall=row[13]) for row in rows}
    question_ids = [card.question_id for card in cards.values()]
    if not question_ids:
        return {}
    asks: dict[int, list[AskContext]] = {q: [] for q in question_ids}
    ask_counts: dict[int, tuple[int, bool]] = {}
    for r in cur.execute(
        """
        SELECT question_id, name, role, round, scheduled_at, signal, self_score, cause,
               what_went_wrong, answer_notes, asked, interrupted,
               background, problem, my_actions, evidence
        FROM (
            SELECT a.question_id, co.name, i.role, i.round, i.scheduled_at, a.signal,
                   a.self_score, a.cause, a.what_went_wrong, a.answer_notes,
                   coalesce(a.background, '') AS background, coalesce(a.problem, '') AS problem,
                   coalesce(a.my_actions, '') AS my_actions,
                   coalesce(a.evidence, '') AS evidence,
                   count(*) OVER (PARTITION BY a.question_id) AS asked,
                   coalesce(bool_or(a.signal = 'interrupted')
                            OVER (PARTITION BY a.question_id), false) AS interrupted,
                   row_number() OVER (PARTITION BY a.question_id
                                      ORDER BY i.scheduled_at DESC, a.id DESC) AS latest
            FROM asks a
            JOIN interviews i ON i.id = a.interview_id
            JOIN companies co ON co.id = i.company_id
            WHERE list_contains(?, a.question_id)
        )
        WHERE latest <= 5
        ORDER BY question_id, latest
        """,
        [question_ids],
    ).fetchall():
        asks[r[0]].append(
            AskContext(
                *r[1:4],
                utc(r[4]),
                *r[5:10],
                diagnosis=diagnose(r[5], r[6], r[7] or None),
                background=r[12],
                problem=r[13],
                my_actions=r[14],
                evidence=r[15],
            )  # fmt: skip
        )
        ask_counts[r[0]] = (r[10], r[11])
    versions = _answer_versions(cur, question_ids)
    kinds = dict(
        cur.execute(
            "SELECT id, coalesce(kind, 'answer') FROM cards WHERE list_contains(?, id)", [ids]
        ).fetchall()
    )
    details = {}
    for card_id, card in cards.items():
        ask_count, interrupted = ask_counts.get(card.question_id, (0, False))
        details[card_id] = CardDetail(
            card=card,
            asks=asks[card.question_id],
            ask_count=ask_count,
            versions=versions[card.question_id],
            target_seconds=target_seconds("interrupted" if interrupted else None),
            recall_now=card.recall or 0.0,
            kind=kinds.get(card_id, "answer"),
        )
    return details


def answer_versions(
    cur: duckdb.DuckDBPyConnection, question_id: int, *, limit: int = 20
) -> list[AnswerVersion]:
    """The question's latest answer versions, oldest first, each with its length."""
    return _answer_versions(cur, [question_id], limit=limit)[question_id]


def _answer_versions(
    cur: duckdb.DuckDBPyConnection, question_ids: list[int], *, limit: int = 20
) -> dict[int, list[AnswerVersion]]:
    """Each question's latest answer versions, oldest first, in one query."""
    rows = cur.execute(
        """
        SELECT question_id, id, text, source, created_at FROM (
            SELECT question_id, id, text, source, created_at,
                   row_number() OVER (PARTITION BY question_id
                                      ORDER BY created_at DESC, id DESC) AS latest
            FROM answers WHERE list_contains(?, question_id)
        )
        WHERE latest <= ?
        ORDER BY question_id, created_at, id
        """,
        [question_ids, limit],
    ).fetchall()
    versions: dict[int, list[AnswerVersion]] = {q: [] for q in question_ids}
    for question_id, answer_id, text, source, created_at in rows:
        analysis = analyse(text)
        versions[question_id].append(
            AnswerVersion(
                answer_id,
                text,
                source,
                utc(created_at),
                analysis.length,
                analysis.unit,
                analysis.estimated_seconds,
            )
        )
    return versions


def length_advice(versions: list[AnswerVersion], target: int) -> str:
    """One line on how the answer's length moves across its versions."""
    if not versions:
        return _("No answer written yet: save an attempt as your first version.")
    latest = versions[-1]
    over = latest.estimated_seconds - target
    if len(versions) > 1:
        first = versions[0]
        trend = " → ".join(str(v.length) for v in versions[-6:])
        words = latest.unit == "words"
        if latest.length < first.length:
            moved = (
                _("{trend} words: shorter than your first version.")
                if words
                else _("{trend} characters: shorter than your first version.")
            )
        elif latest.length > first.length:
            moved = (
                _("{trend} words: longer than your first version.")
                if words
                else _("{trend} characters: longer than your first version.")
            )
        else:
            moved = (
                _("{trend} words: the same length as your first version.")
                if words
                else _("{trend} characters: the same length as your first version.")
            )
        head = moved.format(trend=trend)
    else:
        head = _("One version so far, {length}.").format(
            length=length_text(latest.length, latest.unit)
        )
    if over > 0:
        return _("{head} Keep it, but shorter: about {over} s over the {target} s target.").format(
            head=head, over=round(over), target=target
        )
    return _("{head} It fits the {target} s target (about {seconds} s).").format(
        head=head, target=target, seconds=round(latest.estimated_seconds)
    )


def length_text(length: int, unit: str) -> str:
    """'120 words' / '120 个单词', '85 characters' / '85 字': an answer's length in its unit
    (`coach.analysis`: words for English, characters for Chinese)."""
    if unit == "words":
        return ngettext("{n} word", "{n} words", length).format(n=length)
    return ngettext("{n} character", "{n} characters", length).format(n=length)


def wav_seconds(data: bytes) -> float:
    """How long a WAV recording lasts, in seconds (what `st.audio_input` returns).

    Measured from the sound the file holds, not from the length its header claims: a
    header cut short or written before the end was known can claim days.
    """
    try:
        with wave.open(io.BytesIO(data), "rb") as recording:
            rate = recording.getframerate()
            frame_size = recording.getsampwidth() * recording.getnchannels()
            claimed = recording.getnframes()
            frames = min(claimed, len(recording.readframes(claimed)) // max(1, frame_size))
    except (wave.Error, EOFError, ValueError, OverflowError, MemoryError) as error:
        raise InvalidInput(
            _("The recording could not be read as a WAV file; record it again.")
        ) from error
    if rate <= 0:
        raise InvalidInput(_("The recording has no sample rate; record it again."))
    seconds = frames / rate
    if seconds * 1000 > fields.LONGEST_REHEARSAL_MS:
        raise InvalidInput(
            _(
                "The recording claims to last {hours} hours, longer than any "
                "rehearsal: it is damaged. Record it again."
            ).format(hours=wording.number(round(seconds / 3600)))
        )
    return seconds


def rehearse(
    journal: Journal,
    card_id: int,
    grade: int,
    *,
    at: datetime,
    duration_ms: int | None,
    attempt: str = "",
    audio: bytes | None = None,
    fuzzing: bool = True,
) -> RehearsalResult:
    """Grade one rehearsal: schedule the card, record the rehearsal (and its audio if kept).

    The card must be active. The stored settings give the scheduler's desired retention
    and the leech threshold.
    """

    def work(cur: duckdb.DuckDBPyConnection) -> RehearsalResult:
        status = cur.execute("SELECT status FROM cards WHERE id = ?", [card_id]).fetchone()
        if status is None:
            raise NotFound(_(CARD_GONE))
        if status[0] != "active":
            raise InvalidInput(
                _("This card is {status}; resume it in the card browser to rehearse it.").format(
                    status=vocabulary.CARD_STATUSES[status[0]].lower()
                )
            )
        result = record_rehearsal(
            cur,
            card_id,
            grade,
            at=at,
            duration_ms=duration_ms,
            attempt=attempt,
            scheduler=scheduler_for(cur, fuzzing=fuzzing),
            leech_threshold=int(get_setting(cur, "leech_threshold")),
        )
        if audio:
            # rehearsals is referenced by nothing, so a plain UPDATE is safe here.
            cur.execute(
                "UPDATE rehearsals SET audio = ? WHERE id = ?", [audio, result.rehearsal_id]
            )
        return result

    return journal.write(work)


def save_answer(
    journal: Journal, card_id: int, text: str, *, source: str = "rehearsal", now: datetime
) -> int:
    """Save `text` as the newest (best) answer version of the card's question."""
    if source not in vocabulary.ANSWER_SOURCES:
        raise InvalidInput(_("Unknown answer source {source!r}.").format(source=source))
    text = fields.check("answers", "text", text)

    def work(cur: duckdb.DuckDBPyConnection) -> int:
        return cur.execute(
            """
            INSERT INTO answers (question_id, text, source, created_at)
            SELECT question_id, ?, ?, ? FROM cards WHERE id = ?
            RETURNING id
            """,
            [text, source, utc(now), card_id],
        ).fetchone()

    row = journal.write(work)
    if row is None:
        raise NotFound(_(CARD_GONE))
    return row[0]


def rewrite_leech(journal: Journal, card_id: int, text: str, *, now: datetime) -> int:
    """Save a rewritten answer and start the card afresh: unflagged, no lapses, due now.

    Returns the new answer version's id. Past rehearsals stay in the journal.
    """
    text = fields.check("answers", "text", text)

    def work(cur: duckdb.DuckDBPyConnection) -> int:
        reset_card(cur, card_id, now)
        cur.execute("UPDATE cards SET status = 'active' WHERE id = ?", [card_id])
        return cur.execute(
            """
            INSERT INTO answers (question_id, text, source, created_at)
            SELECT question_id, ?, 'rewrite', ? FROM cards WHERE id = ?
            RETURNING id
            """,
            [text, utc(now), card_id],
        ).fetchone()[0]

    return journal.write(work)

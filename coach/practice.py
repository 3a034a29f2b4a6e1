"""Practice: the queue of cards to rehearse, cramming for an interview, leeches, progress.

The rules, in one place:

- A card is *due today* when it is active and due before the end of the candidate's
  day (rehearsal is day-level, see `coach.scheduling`). Today's queue lists the cards
  rehearsed before first (soonest due first), then the new ones (never rehearsed,
  oldest first). Leeches are kept out of it: they are offered for rewriting instead.
- *Cram* for an upcoming interview on day D: the cards the interview's brief lists to
  rehearse (`coach.likely`: likely questions whose active card is predicted below the
  desired retention on D), in the brief's order; cards rehearsed today count as done
  (they have had their turn). Spread over the days left before D, that is `per_day`
  rehearsals a day.
- *Rehearse these* after a review: the active cards of the questions that interview
  asked and the candidate answered weakly, in the order asked.
- A *leech* is a card that lapsed `leech_threshold` times (a setting, default 4).
  Rewriting its answer saves a new answer version and starts the card afresh.

Retrievability for many cards is computed in SQL with fsrs's own forgetting curve
(`coach.recall`).
Reads take a cursor, writes take the Journal. "Now" is always a parameter, aware, in
the candidate's zone (it decides where "today" begins and ends); times are stored UTC.
"""

from __future__ import annotations

import io
import math
import wave
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import duckdb
import fsrs

from coach import fields, vocabulary
from coach.analysis import analyse
from coach.days import day_start, end_of_day, from_day_number, local_day_sql, start_of_day
from coach.db import Journal
from coach.errors import InvalidInput, NotFound
from coach.likely import LikelyQuestions
from coach.questions import add_question, check_dimension
from coach.recall import recall_params, recall_sql
from coach.review_rules import WEAK_ASK_SQL, Diagnosis, diagnose, target_seconds
from coach.scheduling import (
    RehearsalResult,
    card_columns,
    ensure_card,
    make_scheduler,
    record_rehearsal,
    scheduler_for,
    utc,
)
from coach.settings import get_setting, set_setting
from coach.text import clean_text

GRADE_RUBRIC = {
    1: "Could not structure it.",
    2: "Rambled or missed a point.",
    3: "Complete and within the time.",
    4: "Crisp and effortless.",
}
# The settings' ranges: their rules in coach.fields, also what the import checks.
RETENTION_RANGE = (
    fields.SETTING_RULES["desired_retention"].low,
    fields.SETTING_RULES["desired_retention"].high,
)
LEECH_THRESHOLD_RANGE = (
    fields.SETTING_RULES["leech_threshold"].low,
    fields.SETTING_RULES["leech_threshold"].high,
)
QUEUE_LIMIT = 50
BROWSER_PAGE_SIZE = 50
STREAK_LOOKBACK_DAYS = 400


# --- Cards as listed ----------------------------------------------------------


@dataclass(frozen=True)
class CardRow:
    """A card with its question, as the queue, cram list and card browser show it."""

    card_id: int
    question_id: int
    question: str
    dimension: str
    dimension_label: str
    status: str
    due: datetime
    last_review: datetime | None
    stability: float | None
    difficulty: float | None
    reps: int
    lapses: int
    is_leech: bool
    recall: float | None = None  # predicted recall at the time the list was asked for

    @property
    def is_new(self) -> bool:
        """Never rehearsed (or reset): fsrs has no memory state for it yet."""
        return self.last_review is None


_CARD_COLUMNS = """
    c.id, c.question_id, q.text, q.dimension, coalesce(d.label, q.dimension), c.status,
    c.due, c.last_review, c.stability, c.difficulty, c.reps, c.lapses, c.is_leech
"""
_CARD_FROM = """
    FROM cards c
    JOIN questions q ON q.id = c.question_id
    LEFT JOIN dimensions d ON d.key = q.dimension
"""
# Filters shared by the queue and the cram list; parameters: dimension twice, company twice.
_FILTERS = """
    AND (?::VARCHAR IS NULL OR q.dimension = ?)
    AND (?::BIGINT IS NULL OR EXISTS (
        SELECT 1 FROM asks a JOIN interviews i ON i.id = a.interview_id
        WHERE a.question_id = c.question_id AND i.company_id = ?))
"""


def _card_row(row: tuple, recall: float | None = None) -> CardRow:
    values = list(row[:13])
    values[6] = utc(values[6])
    values[7] = None if values[7] is None else utc(values[7])
    return CardRow(*values, recall=recall)


def _filter_params(dimension: str | None, company_id: int | None) -> list[Any]:
    return [dimension, dimension, company_id, company_id]


# --- Today's queue ------------------------------------------------------------


@dataclass(frozen=True)
class Queue:
    cards: list[CardRow]  # due first, then new; at most `limit`
    due_count: int  # rehearsed before and due today
    new_count: int  # never rehearsed
    leech_count: int  # leeches kept out of the queue, waiting for a rewrite
    next_due: datetime | None  # the soonest due time after today, when the queue is empty

    @property
    def total(self) -> int:
        return self.due_count + self.new_count


def todays_queue(
    cur: duckdb.DuckDBPyConnection,
    now: datetime,
    *,
    dimension: str | None = None,
    company_id: int | None = None,
    limit: int = QUEUE_LIMIT,
) -> Queue:
    """Active cards due before the end of today: due ones first, then new ones."""
    until = end_of_day(now)
    filters = _filter_params(dimension, company_id)
    rows = cur.execute(
        f"""
        SELECT {_CARD_COLUMNS} {_CARD_FROM}
        WHERE c.status = 'active' AND NOT c.is_leech AND c.due < ? {_FILTERS}
        ORDER BY (c.last_review IS NULL), c.due, c.id
        LIMIT ?
        """,  # noqa: S608 - fixed fragments only
        [until, *filters, limit],
    ).fetchall()
    due_count, new_count, leeches, next_due = cur.execute(
        f"""
        SELECT count(*) FILTER (WHERE NOT c.is_leech AND c.due < ? AND c.last_review IS NOT NULL),
               count(*) FILTER (WHERE NOT c.is_leech AND c.due < ? AND c.last_review IS NULL),
               count(*) FILTER (WHERE c.is_leech),
               min(c.due) FILTER (WHERE NOT c.is_leech AND c.due >= ?)
        {_CARD_FROM}
        WHERE c.status = 'active' {_FILTERS}
        """,  # noqa: S608 - fixed fragments only
        [until, until, until, *filters],
    ).fetchone()
    return Queue(
        cards=[_card_row(row) for row in rows],
        due_count=due_count,
        new_count=new_count,
        leech_count=leeches,
        next_due=None if next_due is None else utc(next_due),
    )


def ahead_of_schedule(
    cur: duckdb.DuckDBPyConnection,
    now: datetime,
    *,
    dimension: str | None = None,
    company_id: int | None = None,
    limit: int = QUEUE_LIMIT,
) -> list[CardRow]:
    """Cards not due today and not rehearsed today, soonest due first: practice ahead."""
    rows = cur.execute(
        f"""
        SELECT {_CARD_COLUMNS} {_CARD_FROM}
        WHERE c.status = 'active' AND NOT c.is_leech AND c.due >= ?
          AND (c.last_review IS NULL OR c.last_review < ?) {_FILTERS}
        ORDER BY c.due, c.id
        LIMIT ?
        """,  # noqa: S608 - fixed fragments only
        [end_of_day(now), start_of_day(now), *_filter_params(dimension, company_id), limit],
    ).fetchall()
    return [_card_row(row) for row in rows]


def leeches(cur: duckdb.DuckDBPyConnection) -> list[CardRow]:
    """Active leeches, most lapses first: rewrite these rather than drill them."""
    rows = cur.execute(
        f"""
        SELECT {_CARD_COLUMNS} {_CARD_FROM}
        WHERE c.status = 'active' AND c.is_leech
        ORDER BY c.lapses DESC, c.id
        LIMIT 100
        """  # noqa: S608 - fixed fragments only
    ).fetchall()
    return [_card_row(row) for row in rows]


# --- Cram for an upcoming interview --------------------------------------------


@dataclass(frozen=True)
class CramPlan:
    """The brief's cards to rehearse before one interview, in the brief's order.

    The cards are `coach.likely`'s: the same as the brief's "rehearse first" list, so the
    two can never disagree. Each card's `recall` is its predicted recall on the day.
    """

    likely: LikelyQuestions
    cards: list[CardRow]  # the brief's order: most likely and weakest first
    done_today: frozenset[int]  # cards of the plan already rehearsed today
    days_left: int  # practice days from today up to the day before the interview

    @property
    def on(self) -> datetime:
        return utc(self.likely.interview.scheduled_at)

    @property
    def desired_retention(self) -> float:
        return self.likely.desired_retention

    @property
    def count(self) -> int:
        return len(self.cards)

    @property
    def remaining(self) -> list[CardRow]:
        return [c for c in self.cards if c.card_id not in self.done_today]

    @property
    def rehearsed_today(self) -> int:
        return len(self.done_today)

    @property
    def per_day(self) -> int:
        """Rehearsals a day that cover every card left once before the interview."""
        left = len(self.remaining)
        return math.ceil(left / self.days_left) if left else 0


def cram_plan(cur: duckdb.DuckDBPyConnection, likely: LikelyQuestions, now: datetime) -> CramPlan:
    """The cards to pull forward for the interview of `likely` (coach.likely_questions)."""
    recall = {q.card_id: q.recall_on_day for q in likely.to_rehearse}
    rows = _cards_by_id(cur, likely.card_ids)
    cards = [_card_row(rows[i], recall=recall[i]) for i in likely.card_ids if i in rows]
    return CramPlan(
        likely=likely,
        cards=cards,
        done_today=frozenset(q.card_id for q in likely.to_rehearse if q.rehearsed_today),
        days_left=max(1, likely.days_left),
    )


def _cards_by_id(cur: duckdb.DuckDBPyConnection, card_ids: list[int]) -> dict[int, tuple]:
    if not card_ids:
        return {}
    rows = cur.execute(
        f"SELECT {_CARD_COLUMNS} {_CARD_FROM} WHERE list_contains(?, c.id)",  # noqa: S608
        [list(card_ids)],
    ).fetchall()
    return {row[0]: row for row in rows}


# --- Rehearse the weak answers of one review --------------------------------------


@dataclass(frozen=True)
class InterviewCards:
    """The active cards of the questions one interview asked and the candidate answered
    weakly, in the order asked: what "Rehearse these now" after a review rehearses."""

    interview_id: int
    title: str  # "Company · role · round"
    cards: list[CardRow]
    done_today: frozenset[int]  # rehearsed today already

    @property
    def remaining(self) -> list[CardRow]:
        return [c for c in self.cards if c.card_id not in self.done_today]


def interview_cards(
    cur: duckdb.DuckDBPyConnection, interview_id: int, now: datetime
) -> InterviewCards:
    found = cur.execute(
        "SELECT concat_ws(' · ', c.name, nullif(i.role, ''), nullif(i.round, ''))"
        " FROM interviews i JOIN companies c ON c.id = i.company_id WHERE i.id = ?",
        [interview_id],
    ).fetchone()
    if found is None:
        raise NotFound("That interview no longer exists; it may have been deleted in another tab.")
    rows = cur.execute(
        f"""
        SELECT {_CARD_COLUMNS}
        {_CARD_FROM}
        JOIN asks a ON a.question_id = c.question_id
        WHERE a.interview_id = ? AND c.status = 'active' AND {WEAK_ASK_SQL}
        QUALIFY row_number() OVER (PARTITION BY c.id ORDER BY a.position, a.id) = 1
        ORDER BY a.position, a.id
        """,  # noqa: S608 - fixed fragments only
        [interview_id],
    ).fetchall()
    cards = [_card_row(row) for row in rows]
    today = start_of_day(now)
    return InterviewCards(
        interview_id=interview_id,
        title=found[0],
        cards=cards,
        done_today=frozenset(
            c.card_id for c in cards if c.last_review is not None and c.last_review >= today
        ),
    )


# --- One card, ready to rehearse -----------------------------------------------


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

    @property
    def where(self) -> str:
        return " · ".join(p for p in (self.company, self.role, self.round) if p)

    @property
    def signal_label(self) -> str:
        return vocabulary.SIGNALS.get(self.signal or "", "No signal recorded")


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

    @property
    def best(self) -> AnswerVersion | None:
        """The best answer so far: the latest version."""
        return self.versions[-1] if self.versions else None

    @property
    def focus(self) -> AskContext | None:
        """The ask to rehearse against: the latest weak one, else the latest."""
        return next((a for a in self.asks if a.diagnosis.weak), self.asks[0] if self.asks else None)

    @property
    def interrupted(self) -> bool:
        return any(ask.signal == "interrupted" for ask in self.asks)


def card_detail(cur: duckdb.DuckDBPyConnection, card_id: int, now: datetime) -> CardDetail:
    found = card_details(cur, [card_id], now)
    if card_id not in found:
        raise NotFound("That card no longer exists; it may have been deleted in another tab.")
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
        f"SELECT {_CARD_COLUMNS}, {recall_sql()} {_CARD_FROM}"  # noqa: S608
        " WHERE list_contains($ids, c.id)",
        {**recall_params(scheduler, now), "ids": ids},
    ).fetchall()
    cards = {row[0]: _card_row(row, recall=row[13]) for row in rows}
    question_ids = [card.question_id for card in cards.values()]
    if not question_ids:
        return {}
    asks: dict[int, list[AskContext]] = {q: [] for q in question_ids}
    ask_counts: dict[int, tuple[int, bool]] = {}
    for r in cur.execute(
        """
        SELECT question_id, name, role, round, scheduled_at, signal, self_score, cause,
               what_went_wrong, answer_notes, asked, interrupted
        FROM (
            SELECT a.question_id, co.name, i.role, i.round, i.scheduled_at, a.signal,
                   a.self_score, a.cause, a.what_went_wrong, a.answer_notes,
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
            AskContext(*r[1:4], utc(r[4]), *r[5:10], diagnosis=diagnose(r[5], r[6], r[7] or None))
        )
        ask_counts[r[0]] = (r[10], r[11])
    versions = _answer_versions(cur, question_ids)
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
        return "No answer written yet: save an attempt as your first version."
    latest = versions[-1]
    over = latest.estimated_seconds - target
    if len(versions) > 1:
        first = versions[0]
        trend = " → ".join(str(v.length) for v in versions[-6:])
        moved = (
            "shorter"
            if latest.length < first.length
            else "longer"
            if latest.length > first.length
            else "the same length"
        )
        head = f"{trend} {latest.unit}: {moved} than your first version."
    else:
        head = f"One version so far, {latest.length} {latest.unit}."
    if over > 0:
        return f"{head} Keep it, but shorter: about {round(over)} s over the {target} s target."
    return f"{head} It fits the {target} s target (about {round(latest.estimated_seconds)} s)."


# --- Rehearsing -----------------------------------------------------------------


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
            "The recording could not be read as a WAV file; record it again."
        ) from error
    if rate <= 0:
        raise InvalidInput("The recording has no sample rate; record it again.")
    seconds = frames / rate
    if seconds * 1000 > fields.LONGEST_REHEARSAL_MS:
        raise InvalidInput(
            f"The recording claims to last {seconds / 3600:,.0f} hours, longer than any "
            "rehearsal: it is damaged. Record it again."
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
            raise NotFound("That card no longer exists; it may have been deleted in another tab.")
        if status[0] != "active":
            raise InvalidInput(
                f"This card is {vocabulary.CARD_STATUSES[status[0]].lower()}; resume it in "
                "the card browser to rehearse it."
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
        raise InvalidInput(f"Unknown answer source {source!r}.")
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
        raise NotFound("That card no longer exists; it may have been deleted in another tab.")
    return row[0]


def _reset(cur: duckdb.DuckDBPyConnection, card_id: int, now: datetime) -> None:
    # Plain columns only: cards is referenced by rehearsals (see coach.migrations).
    if cur.execute("SELECT 1 FROM cards WHERE id = ?", [card_id]).fetchone() is None:
        raise NotFound("That card no longer exists; it may have been deleted in another tab.")
    columns = card_columns(fsrs.Card(card_id=card_id, due=utc(now)))
    cur.execute(
        """
        UPDATE cards
        SET fsrs_state = ?, fsrs_step = ?, stability = ?, difficulty = ?, due = ?,
            last_review = ?, lapses = 0, is_leech = false
        WHERE id = ?
        """,
        [*columns.values(), card_id],
    )


def rewrite_leech(journal: Journal, card_id: int, text: str, *, now: datetime) -> int:
    """Save a rewritten answer and start the card afresh: unflagged, no lapses, due now.

    Returns the new answer version's id. Past rehearsals stay in the journal.
    """
    text = fields.check("answers", "text", text)

    def work(cur: duckdb.DuckDBPyConnection) -> int:
        _reset(cur, card_id, now)
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


# --- Card browser ---------------------------------------------------------------

BROWSER_SORTS = {
    "due": "c.due",
    "recall": "recall",
    "lapses": "c.lapses",
    "reps": "c.reps",
    "stability": "c.stability",
    "difficulty": "c.difficulty",
    "question": "lower(q.text)",
    "added": "c.created_at",
}
SORT_LABELS = {
    "due": "Due date",
    "recall": "Predicted recall now",
    "lapses": "Lapses",
    "reps": "Reviews",
    "stability": "Stability",
    "difficulty": "Difficulty",
    "question": "Question",
    "added": "Date added",
}


@dataclass(frozen=True)
class CardPage:
    rows: list[CardRow]
    total: int  # cards matching the filters
    offset: int
    limit: int

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(self.total / self.limit))


def browse_cards(
    cur: duckdb.DuckDBPyConnection,
    now: datetime,
    *,
    status: str | None = None,
    dimension: str | None = None,
    search: str = "",
    leeches_only: bool = False,
    sort: str = "due",
    descending: bool = False,
    offset: int = 0,
    limit: int = BROWSER_PAGE_SIZE,
) -> CardPage:
    """One page of cards, filtered and sorted in SQL (fast at tens of thousands of cards)."""
    if sort not in BROWSER_SORTS:
        raise InvalidInput(f"Unknown sort {sort!r}.")
    if status is not None and status not in vocabulary.CARD_STATUSES:
        raise InvalidInput(f"Unknown card status {status!r}.")
    search = clean_text(search, field="Search", limit=500)
    scheduler = scheduler_for(cur, fuzzing=False)
    where = """
        WHERE ($status::VARCHAR IS NULL OR c.status = $status)
          AND ($dimension::VARCHAR IS NULL OR q.dimension = $dimension)
          AND ($search = '' OR contains(lower(q.text), lower($search)))
          AND (NOT $leeches_only OR c.is_leech)
    """
    where_params = {
        "status": status,
        "dimension": dimension,
        "search": search,
        "leeches_only": leeches_only,
    }
    direction = "DESC" if descending else "ASC"
    order = BROWSER_SORTS[sort]
    rows = cur.execute(
        f"""
        SELECT {_CARD_COLUMNS}, {recall_sql()} AS recall {_CARD_FROM}
        {where}
        ORDER BY {order} {direction} NULLS LAST, c.id
        LIMIT $limit OFFSET $offset
        """,  # noqa: S608 - fixed fragments and a whitelisted sort only
        {**recall_params(scheduler, now), **where_params, "limit": limit, "offset": max(0, offset)},
    ).fetchall()
    total = cur.execute(
        f"SELECT count(*) {_CARD_FROM} {where}",  # noqa: S608 - fixed fragments only
        where_params,
    ).fetchone()[0]
    return CardPage([_card_row(r, recall=r[13]) for r in rows], total, max(0, offset), limit)


def set_status(journal: Journal, card_ids: list[int], status: str) -> int:
    """Suspend, retire or resume cards; returns how many changed."""
    if status not in vocabulary.CARD_STATUSES:
        raise InvalidInput(f"Unknown card status {status!r}.")
    ids = [int(i) for i in card_ids]
    if not ids:
        return 0

    def work(cur: duckdb.DuckDBPyConnection) -> int:
        changed = cur.execute(
            "SELECT count(*) FROM cards WHERE list_contains(?, id) AND status <> ?", [ids, status]
        ).fetchone()[0]
        # status is a plain column, so this is allowed although rehearsals reference cards.
        cur.execute(
            "UPDATE cards SET status = ? WHERE list_contains(?, id) AND status <> ?",
            [status, ids, status],
        )
        return changed

    return journal.write(work)


def reset_cards(journal: Journal, card_ids: list[int], *, now: datetime) -> None:
    """Forget the cards' schedules: new again, due now, no lapses, not leeches."""

    def work(cur: duckdb.DuckDBPyConnection) -> None:
        for card_id in card_ids:
            _reset(cur, int(card_id), now)

    journal.write(work)


@dataclass(frozen=True)
class BankQuestion:
    id: int
    text: str
    dimension: str


def questions_without_card(
    cur: duckdb.DuckDBPyConnection, *, limit: int = 2_000
) -> list[BankQuestion]:
    """Bank questions that are not cards yet, most asked first."""
    rows = cur.execute(
        """
        SELECT q.id, q.text, q.dimension FROM questions q
        WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.question_id = q.id)
        ORDER BY (SELECT count(*) FROM asks a WHERE a.question_id = q.id) DESC, q.id DESC
        LIMIT ?
        """,
        [limit],
    ).fetchall()
    return [BankQuestion(*row) for row in rows]


def add_card(journal: Journal, question_id: int, *, now: datetime) -> tuple[int, bool]:
    """Make a bank question a card, due now; returns (card id, whether it was new).

    A retired or suspended card of the question is resumed.
    """

    def work(cur: duckdb.DuckDBPyConnection) -> tuple[int, bool]:
        card_id, created = ensure_card(cur, question_id, origin="manual", now=now)
        if not created:
            cur.execute(
                "UPDATE cards SET status = 'active' WHERE id = ? AND status <> 'active'",
                [card_id],
            )
        return card_id, created

    return journal.write(work)


def add_question_card(
    journal: Journal, text: str, dimension: str, *, now: datetime
) -> tuple[int, bool]:
    """Add a new question to the bank and make it a card (or reuse the same question)."""

    def work(cur: duckdb.DuckDBPyConnection) -> tuple[int, bool]:
        check_dimension(cur, dimension)
        existing = cur.execute(
            "SELECT id FROM questions WHERE lower(trim(text)) = lower(trim(?)) LIMIT 1", [text]
        ).fetchone()
        question_id = existing[0] if existing else add_question(cur, text, dimension)
        card_id, created = ensure_card(cur, question_id, origin="manual", now=now)
        cur.execute(
            "UPDATE cards SET status = 'active' WHERE id = ? AND status <> 'active'", [card_id]
        )
        return card_id, created

    return journal.write(work)


# --- Progress -------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    due_today: int  # as in today's queue: leeches wait for a rewrite instead
    due_next_7_days: int  # after today, within the next seven days
    rehearsed_today: int
    streak_days: int  # consecutive days with a rehearsal, up to today (or yesterday)
    streak_includes_today: bool
    active_cards: int
    total_cards: int
    leeches: int


def progress(cur: duckdb.DuckDBPyConnection, now: datetime) -> Progress:
    today, tomorrow = start_of_day(now), end_of_day(now)
    in_a_week = tomorrow + timedelta(days=7)
    due, week, active, total, leech_count = cur.execute(
        """
        SELECT count(*) FILTER (WHERE status = 'active' AND NOT is_leech AND due < ?),
               count(*) FILTER (WHERE status = 'active' AND NOT is_leech
                                AND due >= ? AND due < ?),
               count(*) FILTER (WHERE status = 'active'),
               count(*),
               count(*) FILTER (WHERE status = 'active' AND is_leech)
        FROM cards
        """,
        [tomorrow, tomorrow, in_a_week],
    ).fetchone()
    rehearsed = cur.execute(
        "SELECT count(*) FROM rehearsals WHERE rated_at >= ? AND rated_at < ?",
        [today, tomorrow],
    ).fetchone()[0]
    streak, includes_today = _streak(cur, now)
    return Progress(due, week, rehearsed, streak, includes_today, active, total, leech_count)


def _streak(cur: duckdb.DuckDBPyConnection, now: datetime) -> tuple[int, bool]:
    today = now.date()
    first = today - timedelta(days=STREAK_LOOKBACK_DAYS)
    day, zone_params = local_day_sql("rated_at", now.tzinfo, first, today)
    # Local calendar days with a rehearsal, counted in SQL; at most a few hundred rows.
    days = {
        from_day_number(row[0])
        for row in cur.execute(
            f"SELECT DISTINCT {day} FROM rehearsals WHERE rated_at >= $first",  # noqa: S608 - fixed fragments only
            {**zone_params, "first": utc(day_start(first, now.tzinfo))},
        ).fetchall()
    }
    includes_today = today in days
    day = today if includes_today else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak, includes_today


# --- Filters' choices -------------------------------------------------------------


def card_dimensions(cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Dimension key -> label, for the dimensions that have cards, in the usual order."""
    return dict(
        cur.execute(
            """
            SELECT d.key, d.label FROM dimensions d
            WHERE EXISTS (SELECT 1 FROM cards c JOIN questions q ON q.id = c.question_id
                          WHERE q.dimension = d.key)
            ORDER BY d.position, d.key
            """
        ).fetchall()
    )


def card_companies(cur: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """Company id -> name, for companies that asked a question that is a card."""
    return dict(
        cur.execute(
            """
            SELECT co.id, co.name FROM companies co
            WHERE EXISTS (
                SELECT 1 FROM interviews i JOIN asks a ON a.interview_id = i.id
                JOIN cards c ON c.question_id = a.question_id
                WHERE i.company_id = co.id)
            ORDER BY lower(co.name), co.id
            """
        ).fetchall()
    )


# --- Settings -----------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeSettings:
    desired_retention: float
    leech_threshold: int


def practice_settings(cur: duckdb.DuckDBPyConnection) -> PracticeSettings:
    return PracticeSettings(
        float(get_setting(cur, "desired_retention")), int(get_setting(cur, "leech_threshold"))
    )


def save_practice_settings(
    journal: Journal, *, desired_retention: float, leech_threshold: int
) -> PracticeSettings:
    low, high = RETENTION_RANGE
    if not low <= desired_retention <= high:
        raise InvalidInput(
            f"Choose a desired retention between {low:.2f} and {high:.2f} "
            f"(got {desired_retention})."
        )
    make_scheduler(desired_retention)  # the scheduler's own check
    low_t, high_t = LEECH_THRESHOLD_RANGE
    if isinstance(leech_threshold, bool) or int(leech_threshold) != leech_threshold:
        raise InvalidInput("The leech threshold is a whole number of lapses.")
    if not low_t <= leech_threshold <= high_t:
        raise InvalidInput(f"Choose a leech threshold between {low_t} and {high_t} lapses.")
    saved = PracticeSettings(round(float(desired_retention), 4), int(leech_threshold))

    def work(cur: duckdb.DuckDBPyConnection) -> None:
        set_setting(cur, "desired_retention", saved.desired_retention)
        set_setting(cur, "leech_threshold", saved.leech_threshold)

    journal.write(work)
    return saved

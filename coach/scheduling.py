"""Practice scheduling: the bridge between the `cards` table and the fsrs library.

A card's fsrs state lives in plain columns of `cards` (so queues and forecasts
aggregate in SQL); `card_columns` and `to_fsrs_card` convert between those columns
and an `fsrs.Card` without losing anything. Rehearsal is day-level: the scheduler
has no minute-long learning steps, so every grade schedules the card whole days
ahead.

Writers take a cursor and expect to run inside the caller's transaction (usually
`Journal.write`). "Now" is always a parameter; nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb
import fsrs

from coach import fields, vocabulary
from coach.errors import InvalidInput, NotFound
from coach.i18n import _
from coach.settings import get_setting

# The columns of `cards` that hold the fsrs state, in this order.
FSRS_COLUMNS = ("fsrs_state", "fsrs_step", "stability", "difficulty", "due", "last_review")

CARD_ORIGINS = ("weak_ask", "manual")
CARD_KINDS = tuple(vocabulary.CARD_KINDS)


def make_scheduler(desired_retention: float = 0.9, *, fuzzing: bool = True) -> fsrs.Scheduler:
    """A day-level fsrs scheduler: no learning or relearning steps of minutes."""
    if not 0.5 <= desired_retention < 1:
        raise InvalidInput(
            _("Desired retention must be at least 0.5 and below 1 (got {value}).").format(
                value=desired_retention
            )
        )
    return fsrs.Scheduler(
        desired_retention=desired_retention,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=fuzzing,
    )


def scheduler_for(cur: duckdb.DuckDBPyConnection, *, fuzzing: bool = True) -> fsrs.Scheduler:
    """The scheduler for the journal's stored `desired_retention` setting."""
    return make_scheduler(float(get_setting(cur, "desired_retention")), fuzzing=fuzzing)


def utc(moment: datetime) -> datetime:
    """`moment` in `datetime.timezone.utc`, the only zone fsrs accepts."""
    if moment.tzinfo is None:
        raise ValueError("A time zone is needed: got a naive datetime.")
    return moment.astimezone(UTC)


def card_columns(card: fsrs.Card) -> dict[str, Any]:
    """The `cards` column values holding `card`'s fsrs state."""
    return {
        "fsrs_state": int(card.state),
        "fsrs_step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": card.due,
        "last_review": card.last_review,
    }


def to_fsrs_card(card_id: int, columns: Mapping[str, Any]) -> fsrs.Card:
    """The `fsrs.Card` stored in `columns` (as `card_columns` gives, or as read back)."""
    last_review = columns["last_review"]
    return fsrs.Card(
        card_id=card_id,
        state=fsrs.State(columns["fsrs_state"]),
        step=columns["fsrs_step"],
        stability=columns["stability"],
        difficulty=columns["difficulty"],
        due=utc(columns["due"]),
        last_review=None if last_review is None else utc(last_review),
    )


def card_from_row(card_id: int, row: Sequence[Any]) -> fsrs.Card:
    """The `fsrs.Card` of a row selected as `FSRS_COLUMNS`, in that order."""
    return to_fsrs_card(card_id, dict(zip(FSRS_COLUMNS, row, strict=True)))


def load_card(cur: duckdb.DuckDBPyConnection, card_id: int) -> fsrs.Card:
    row = cur.execute(
        "SELECT fsrs_state, fsrs_step, stability, difficulty, due, last_review "
        "FROM cards WHERE id = ?",
        [card_id],
    ).fetchone()
    if row is None:
        raise NotFound(_("That card no longer exists; it may have been deleted in another tab."))
    return card_from_row(card_id, row)


def ensure_card(
    cur: duckdb.DuckDBPyConnection,
    question_id: int,
    *,
    origin: str,
    now: datetime,
    kind: str | None = None,
) -> tuple[int, bool]:
    """The id of the question's card, created due `now` if it has none; and whether it was.

    An existing card is returned as it is, whatever its status; given a `kind`, it
    takes that kind (what the review now says the question needs). A new card is
    of `kind`, by default one that rehearses the answer.
    """
    if origin not in CARD_ORIGINS:
        raise InvalidInput(_("Unknown card origin {origin!r}.").format(origin=origin))
    if kind is not None and kind not in CARD_KINDS:
        raise InvalidInput(_("Unknown card kind {kind!r}.").format(kind=kind))
    row = cur.execute(
        "SELECT id, coalesce(kind, 'answer') FROM cards WHERE question_id = ?", [question_id]
    ).fetchone()
    if row is not None:
        if kind is not None and row[1] != kind:
            cur.execute("UPDATE cards SET kind = ? WHERE id = ?", [kind, row[0]])
        return row[0], False
    if cur.execute("SELECT 1 FROM questions WHERE id = ?", [question_id]).fetchone() is None:
        raise NotFound(
            _("That question no longer exists; it may have been deleted in another tab.")
        )
    now = utc(now)
    columns = card_columns(fsrs.Card(card_id=0, due=now))
    card_id = cur.execute(
        """
        INSERT INTO cards (question_id, origin, kind, fsrs_state, fsrs_step, stability,
                           difficulty, due, last_review, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        RETURNING id
        """,
        [question_id, origin, kind or "answer", *columns.values(), now],
    ).fetchone()[0]
    return card_id, True


@dataclass(frozen=True)
class RehearsalResult:
    card_id: int
    rehearsal_id: int
    grade: int
    rated_at: datetime
    due: datetime
    fsrs_state: int
    stability: float
    difficulty: float
    reps: int
    lapses: int
    lapsed: bool  # this rehearsal was a lapse: Again on a card in Review
    is_leech: bool


def record_rehearsal(
    cur: duckdb.DuckDBPyConnection,
    card_id: int,
    grade: int,
    *,
    at: datetime,
    duration_ms: int | None,
    attempt: str = "",
    scheduler: fsrs.Scheduler,
    leech_threshold: int | None = None,
) -> RehearsalResult:
    """Apply one rehearsal of the card graded `grade` (fsrs Rating 1-4) at `at`.

    Updates the card's fsrs columns and counters and inserts the rehearsal row.
    A lapse (Again on a card in the Review state) adds to `lapses`; when
    `leech_threshold` is given and the lapses reach it, the card is flagged a leech
    (it is never unflagged here).
    """
    if grade not in vocabulary.GRADES:
        raise InvalidInput(
            _("A rehearsal grade is 1 ({again}) to 4 ({easy}), not {grade!r}.").format(
                again=vocabulary.GRADES[1], easy=vocabulary.GRADES[4], grade=grade
            )
        )
    if duration_ms is not None and duration_ms < 0:
        raise InvalidInput(_("A rehearsal cannot take a negative time."))
    duration_ms = fields.check("rehearsals", "duration_ms", duration_ms)
    attempt = fields.check("rehearsals", "attempt", attempt)
    at = utc(at)
    card = load_card(cur, card_id)
    lapsed = grade == fsrs.Rating.Again and card.state == fsrs.State.Review
    new_card, _log = scheduler.review_card(card, fsrs.Rating(grade), at, duration_ms)
    columns = card_columns(new_card)
    # No RETURNING here: DuckDB runs an UPDATE ... RETURNING as delete + insert, which
    # breaks the foreign key from rehearsals. Read the counters back instead.
    cur.execute(
        """
        UPDATE cards
        SET fsrs_state = ?, fsrs_step = ?, stability = ?, difficulty = ?, due = ?,
            last_review = ?, reps = reps + 1, lapses = lapses + ?,
            is_leech = is_leech OR (? IS NOT NULL AND lapses + ? >= ?)
        WHERE id = ?
        """,
        [*columns.values(), int(lapsed), leech_threshold, int(lapsed), leech_threshold, card_id],
    )
    reps, lapses, is_leech = cur.execute(
        "SELECT reps, lapses, is_leech FROM cards WHERE id = ?", [card_id]
    ).fetchone()
    rehearsal_id = cur.execute(
        "INSERT INTO rehearsals (card_id, rated_at, grade, duration_ms, attempt) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        [card_id, at, grade, duration_ms, attempt],
    ).fetchone()[0]
    return RehearsalResult(
        card_id=card_id,
        rehearsal_id=rehearsal_id,
        grade=grade,
        rated_at=at,
        due=new_card.due,
        fsrs_state=int(new_card.state),
        stability=new_card.stability,
        difficulty=new_card.difficulty,
        reps=reps,
        lapses=lapses,
        lapsed=lapsed,
        is_leech=is_leech,
    )

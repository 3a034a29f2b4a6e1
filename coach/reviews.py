"""The guided review of one interview: a draft saved as the candidate goes, then completed.

A review walks the four aspects of DESIGN.md and ends with the improvement plan:
`STEPS` are the screens, and the step the candidate is on is saved with the review, so
a refresh or a closed tab resumes there. Every save is its own small write of only the
columns that changed (DuckDB refuses writes to indexed columns of referenced rows; see
coach.migrations), and every save that changes the review's facts brings the plan's
suggested actions up to date in the same transaction (coach.actions.sync_suggestions).

Asks (one asking of a question in this interview) live here too: recording them from
confirmed proposals (coach.questions.propose), saving each field, turning a weak ask
into a rehearsal card, and keeping a strong answer as an answer version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb

from coach import edits, vocabulary
from coach import fields as field_rules
from coach import questions as question_bank
from coach.actions import sync_suggestions
from coach.analysis import Analysis, analyse
from coach.db import Journal
from coach.errors import InvalidInput, NotFound
from coach.i18n import N_, _
from coach.review_rules import (
    WEAK_ASK_SQL,
    Depth,
    Diagnosis,
    asks_cause,
    diagnose,
    is_doubted_ask,
    is_strong_answer,
    is_weak_ask,
    review_depth,
)
from coach.scheduling import ensure_card

STEPS = vocabulary.REVIEW_STEPS
DEPTHS = vocabulary.REVIEW_DEPTHS


# --- The review ---------------------------------------------------------------
@dataclass(frozen=True)
class Review:
    interview_id: int
    status: str
    step: str
    depth: str | None
    overall_rating: int | None
    self_state: int | None
    self_state_notes: str
    interviewer_reaction: str | None
    reaction_notes: str
    harmony: int | None
    pace: str | None
    passionate_topics: str
    advice: str
    referral: str
    led_by_interviewer: bool | None
    started_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    nerves: str | None = None  # a key of vocabulary.NERVES

    @property
    def completed(self) -> bool:
        return self.status == "completed"

    @property
    def suggested_depth(self) -> Depth | None:
        """The depth the rating sets (None until rated)."""
        return review_depth(self.overall_rating) if self.overall_rating else None

    @property
    def depth_plan(self) -> Depth:
        """The depth in use: the candidate's choice, else the rating's, else deep."""
        key = self.depth or (self.suggested_depth.key if self.suggested_depth else "deep")
        # review_depth(1) is the deep review, review_depth(4) the refine review.
        chosen = review_depth(1 if key == "deep" else 4)
        suggested = self.suggested_depth
        if suggested is None:
            reason = _(
                "Rate the interview first: the rating sets how deep the review goes. "
                "Until then, every prompt is shown."
            )
        elif suggested.key == chosen.key:
            reason = suggested.reason
        else:
            reason = _(
                "You chose this instead of the {depth} your rating suggests ({minutes} minutes)."
            ).format(depth=suggested.label.lower(), minutes=suggested.minutes)
        return Depth(chosen.key, chosen.label, chosen.minutes, reason, chosen.prompts)

    @property
    def deep(self) -> bool:
        return self.depth_plan.key == "deep"


@dataclass(frozen=True)
class Advice:
    """Advice an interviewer gave in one held interview (its review's `advice`), as the
    readiness brief and Insights list it."""

    interview_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    round: str
    interviewer: str
    advice: str


_REVIEW_COLUMNS = (
    "interview_id, status, step, depth, overall_rating, self_state, self_state_notes, "
    "interviewer_reaction, reaction_notes, harmony, pace, passionate_topics, advice, referral, "
    "led_by_interviewer, started_at, updated_at, completed_at, nerves"
)


def get_review(cur: duckdb.DuckDBPyConnection, interview_id: int) -> Review | None:
    row = cur.execute(
        f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE interview_id = ?",  # noqa: S608
        [interview_id],
    ).fetchone()
    return Review(*row) if row else None


def _require_interview(cur, interview_id: int) -> None:
    if cur.execute("SELECT 1 FROM interviews WHERE id = ?", [interview_id]).fetchone() is None:
        raise NotFound(
            _("That interview no longer exists; it may have been deleted in another tab.")
        )


def start_review(journal: Journal, interview_id: int, now: datetime) -> Review:
    """The interview's review, started now (as a draft on its first step) if it has none.

    The review page calls this on every run: a review that exists is only read, so the
    run is no write and every page's remembered reads (coach.memo) stay.
    """
    cur = journal.cursor()
    try:
        found = get_review(cur, interview_id)
    finally:
        cur.close()
    if found is not None:
        return found

    def work(cur):
        _require_interview(cur, interview_id)
        cur.execute(
            "INSERT INTO reviews (interview_id, started_at, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (interview_id) DO NOTHING",
            [interview_id, now, now],
        )
        return get_review(cur, interview_id)

    return journal.write(work)


# Columns a candidate edits; each is checked by its rule in coach.fields.
_REVIEW_FIELDS = frozenset(
    {
        "self_state_notes",
        "reaction_notes",
        "passionate_topics",
        "advice",
        "referral",
        "overall_rating",
        "self_state",
        "nerves",
        "interviewer_reaction",
        "harmony",
        "pace",
        "depth",
        "led_by_interviewer",
    }
)


def _clean_fields(table: str, editable: frozenset[str], fields: dict) -> dict:
    cleaned = {}
    for name, value in fields.items():
        if name not in editable:
            noun = {"reviews": "A review", "asks": "An ask"}[table]
            raise InvalidInput(f"{noun} has no field {name!r}.")
        cleaned[name] = field_rules.check(table, name, value)
    return cleaned


# A clash names each field as its rule does (coach.fields), the form's own words.
_REVIEW_LABELS = {name: field_rules.rule("reviews", name).label for name in _REVIEW_FIELDS}


def _said(labels: dict[str, str]) -> dict[str, str]:
    """Field labels (coach.fields marks them for translation) in the language in use."""
    return {name: _(label) for name, label in labels.items()}


def save_review(
    journal: Journal, interview_id: int, now: datetime, *, read: dict | None = None, **fields
) -> Review:
    """Save the given fields of the review (only those), and bring the plan up to date.

    `read`: what the saving tab last read of those fields; a field another tab changed
    since raises EditConflict and nothing is saved (coach.edits). A new overall rating
    resets the depth to the one the rating sets; pass `depth` to choose another.
    """
    cleaned = _clean_fields("reviews", _REVIEW_FIELDS, fields)

    def work(cur):
        review = get_review(cur, interview_id)
        if review is None:
            raise NotFound(
                _(
                    "That review no longer exists; its interview may have been deleted in "
                    "another tab."
                )
            )
        stored = {name: getattr(review, name) for name in cleaned}
        changed = edits.changes(stored, cleaned, read, _said(_REVIEW_LABELS))
        if "overall_rating" in changed and "depth" not in fields:
            rating = changed["overall_rating"]
            changed["depth"] = review_depth(rating).key if rating else None
        if changed:
            assignments = ", ".join(f"{name} = ?" for name in changed)  # whitelisted names
            cur.execute(
                f"UPDATE reviews SET {assignments}, updated_at = ? WHERE interview_id = ?",  # noqa: S608
                [*changed.values(), now, interview_id],
            )
            sync_suggestions(cur, interview_id, now)
        return get_review(cur, interview_id)

    return journal.write(work)


def set_step(journal: Journal, interview_id: int, step: str, now: datetime) -> None:
    """Remember the step the candidate is on."""
    if step not in STEPS:
        raise InvalidInput(f"Unknown review step {step!r}.")

    def work(cur):
        cur.execute(
            "UPDATE reviews SET step = ?, updated_at = ? WHERE interview_id = ?",
            [step, now, interview_id],
        )

    journal.write(work)


def complete_review(journal: Journal, interview_id: int, now: datetime) -> Review:
    """Complete the review: it stays editable, and its plan is brought up to date."""

    def work(cur):
        review = get_review(cur, interview_id)
        if review is None:
            raise NotFound(
                _(
                    "That review no longer exists; its interview may have been deleted in "
                    "another tab."
                )
            )
        sync_suggestions(cur, interview_id, now)
        cur.execute(
            "UPDATE reviews SET status = 'completed', step = 'summary',"
            " completed_at = coalesce(completed_at, ?), updated_at = ? WHERE interview_id = ?",
            [now, now, interview_id],
        )
        return get_review(cur, interview_id)

    return journal.write(work)


def reopen_review(journal: Journal, interview_id: int, now: datetime) -> None:
    """Turn a completed review back into a draft (it shows as awaiting review again)."""
    journal.write(
        lambda cur: cur.execute(
            "UPDATE reviews SET status = 'draft', completed_at = NULL, updated_at = ?"
            " WHERE interview_id = ?",
            [now, interview_id],
        )
    )


def minutes_spent(review: Review, now: datetime) -> int:
    """Minutes since the review started (for the suggested time budget)."""
    return max(0, int((now - review.started_at.astimezone(UTC)).total_seconds() // 60))


# --- Asks ---------------------------------------------------------------------
@dataclass(frozen=True)
class Ask:
    id: int
    interview_id: int
    question_id: int
    position: int
    question: str
    dimension: str
    answer_notes: str
    self_score: int | None
    signal: str | None
    cause: str | None
    what_went_wrong: str
    card_id: int | None
    card_origin: str | None
    kept_text: str | None  # the latest answer version kept from this ask
    versions: int  # answer versions of the question, from any source
    asked_elsewhere: int  # other interviews that asked this question
    # The evidence of a probed answer (the method's fields): the card's answer scaffold.
    background: str = ""
    problem: str = ""
    my_actions: str = ""
    evidence: str = ""
    card_kind: str | None = None  # a key of vocabulary.CARD_KINDS; None: no card
    answer_ms: int | None = None  # speaking time measured from a transcript

    @property
    def weak(self) -> bool:
        return is_weak_ask(self.self_score, self.signal, self.cause)

    @property
    def doubted(self) -> bool:
        """Probed for details although scored Good or Strong: prepare evidence."""
        return is_doubted_ask(self.self_score, self.signal, self.cause)

    @property
    def asks_why_weak(self) -> bool:
        """Whether "why was it weak?" is asked: never of an answer scored Good or Strong."""
        return (self.weak or bool(self.cause)) and asks_cause(self.self_score)

    @property
    def asks_evidence(self) -> bool:
        """The evidence fields are asked of every probed answer (and kept once written)."""
        return self.signal == "probed" or any(
            (self.background, self.problem, self.my_actions, self.evidence)
        )

    @property
    def strong(self) -> bool:
        return is_strong_answer(self.self_score, self.signal, self.cause)

    @property
    def diagnosis(self) -> Diagnosis | None:
        """The diagnosis and fix, once a signal, a self score or a cause is recorded."""
        if self.signal is None and self.self_score is None and self.cause is None:
            return None
        return diagnose(self.signal, self.self_score, self.cause)

    @property
    def kept(self) -> bool:
        """The current notes are already kept as an answer version."""
        return self.kept_text is not None and self.kept_text == self.answer_notes

    def analysis(self) -> Analysis | None:
        if not self.answer_notes.strip():
            return None
        return analyse(self.answer_notes, dimension=self.dimension)


ASK_GONE = N_(
    "That question no longer exists in this review; it may have been deleted in another tab."
)
_ASK_SELECT = """
    SELECT a.id, a.interview_id, a.question_id, a.position, q.text, q.dimension,
           a.answer_notes, a.self_score, a.signal, a.cause, a.what_went_wrong,
           c.id, c.origin,
           (SELECT an.text FROM answers an WHERE an.ask_id = a.id
            ORDER BY an.created_at DESC, an.id DESC LIMIT 1),
           (SELECT count(*) FROM answers an WHERE an.question_id = a.question_id),
           (SELECT count(DISTINCT o.interview_id) FROM asks o
            WHERE o.question_id = a.question_id AND o.interview_id <> a.interview_id),
           coalesce(a.background, ''), coalesce(a.problem, ''), coalesce(a.my_actions, ''),
           coalesce(a.evidence, ''), CASE WHEN c.id IS NOT NULL THEN coalesce(c.kind, 'answer') END,
           a.answer_ms
    FROM asks a
    JOIN questions q ON q.id = a.question_id
    LEFT JOIN cards c ON c.question_id = a.question_id
"""


def list_asks(cur: duckdb.DuckDBPyConnection, interview_id: int) -> list[Ask]:
    """The interview's asks in the order asked."""
    rows = cur.execute(
        _ASK_SELECT + " WHERE a.interview_id = ? ORDER BY a.position, a.id", [interview_id]
    ).fetchall()
    return [Ask(*row) for row in rows]


def get_ask(cur: duckdb.DuckDBPyConnection, ask_id: int) -> Ask:
    row = cur.execute(_ASK_SELECT + " WHERE a.id = ?", [ask_id]).fetchone()
    if row is None:
        raise NotFound(_(ASK_GONE))
    return Ask(*row)


@dataclass(frozen=True)
class NewAsk:
    """A confirmed proposal: the question's text, and the bank question it repeats (if any)."""

    text: str
    question_id: int | None = None  # None: a new bank question
    dimension: str = "other"


def add_asks(journal: Journal, interview_id: int, new: list[NewAsk], now: datetime) -> list[int]:
    """Record confirmed questions after the interview's last one, in order; their ask ids.

    A matched question links to its bank entry (its dimension is updated if the
    candidate chose another); a new one is added to the bank.
    """
    if not new:
        return []

    def work(cur):
        ids = record_asks(cur, interview_id, new, now)
        sync_suggestions(cur, interview_id, now)
        return ids

    return journal.write(work)


def record_asks(
    cur: duckdb.DuckDBPyConnection, interview_id: int, new: list[NewAsk], now: datetime
) -> list[int]:
    """`add_asks` inside the caller's transaction, without bringing the plan up to date
    (the caller does, once it has written all it writes): for an import that fills
    in the asks' answers too (coach.transcripts.store)."""
    _require_interview(cur, interview_id)
    position = cur.execute(
        "SELECT coalesce(max(position), 0) FROM asks WHERE interview_id = ?", [interview_id]
    ).fetchone()[0]
    ids = []
    for item in new:
        question_bank.check_dimension(cur, item.dimension)
        if item.question_id is None:
            question_id = question_bank.add_question(cur, item.text, item.dimension, now=now)
        else:
            question = question_bank.get_question(cur, item.question_id)
            question_id = question.id
            if question.dimension != item.dimension:
                cur.execute(
                    "UPDATE questions SET dimension = ? WHERE id = ?",
                    [item.dimension, question_id],
                )
        position += 1
        ids.append(
            cur.execute(
                "INSERT INTO asks (interview_id, question_id, position, created_at)"
                " VALUES (?, ?, ?, ?) RETURNING id",
                [interview_id, question_id, position, now],
            ).fetchone()[0]
        )
    return ids


# The evidence of a probed answer (the method's fields), in the order asked.
EVIDENCE_FIELDS = ("background", "problem", "my_actions", "evidence")
# The evidence fields' labels, in the language in use (the method's words: vocabulary).
EVIDENCE_LABELS = vocabulary.EVIDENCE_PARTS
_ASK_FIELDS = frozenset(
    {"answer_notes", "what_went_wrong", "self_score", "signal", "cause", *EVIDENCE_FIELDS}
)
_ASK_CHOICE_FIELDS = frozenset({"self_score", "signal", "cause"})


@dataclass(frozen=True)
class AskSaved:
    ask: Ask
    card_created: bool = False  # this save made the question a rehearsal card


_ASK_LABELS = {name: field_rules.rule("asks", name).label for name in _ASK_FIELDS}


def save_ask(
    journal: Journal, ask_id: int, now: datetime, *, read: dict | None = None, **fields
) -> AskSaved:
    """Save the given fields of an ask (only those). A weak ask becomes a rehearsal card;
    a doubted one (probed, though scored good) a *prepare evidence* card.

    `read`: what the saving tab last read of those fields (see save_review). Never
    touches the ask's question link or interview (indexed columns; answer versions may
    reference the ask).
    """
    cleaned = _clean_fields("asks", _ASK_FIELDS, fields)

    def work(cur):
        interview_id, stored = _stored_ask_fields(cur, ask_id, cleaned)
        changed = edits.changes(stored, cleaned, read, _said(_ASK_LABELS))
        if changed:
            assignments = ", ".join(f"{name} = ?" for name in changed)  # whitelisted names
            cur.execute(
                f"UPDATE asks SET {assignments} WHERE id = ?",  # noqa: S608
                [*changed.values(), ask_id],
            )
        ask = get_ask(cur, ask_id)
        created = False
        if ask.weak or ask.doubted:
            kind = _card_kind(cur, ask.question_id)
            _card, created = ensure_card(
                cur, ask.question_id, origin="weak_ask", now=now, kind=kind
            )
            if created or ask.card_kind != kind:  # the card this save made or changed
                ask = get_ask(cur, ask_id)
        if any(name in _ASK_CHOICE_FIELDS for name in changed):
            sync_suggestions(cur, interview_id, now)
        return AskSaved(ask, created)

    return journal.write(work)


def _stored_ask_fields(cur: duckdb.DuckDBPyConnection, ask_id: int, names) -> tuple[int, dict]:
    """The ask's interview, and the stored values of the fields `names` as an Ask has them.

    Not `get_ask`: its counts over every answer and ask cost a save a few milliseconds on
    a long journal, and a save only compares the fields it writes."""
    ordered = sorted(names)
    columns = "".join(
        f", coalesce({name}, '')" if name in EVIDENCE_FIELDS else f", {name}" for name in ordered
    )  # whitelisted names
    row = cur.execute(
        f"SELECT interview_id{columns} FROM asks WHERE id = ?",  # noqa: S608
        [ask_id],
    ).fetchone()
    if row is None:
        raise NotFound(_(ASK_GONE))
    return row[0], dict(zip(ordered, row[1:], strict=True))


def _card_kind(cur: duckdb.DuckDBPyConnection, question_id: int) -> str:
    """What the question's card rehearses, from every asking of it: the answer when any
    was weak (it needs more than evidence), else the evidence of a doubted one."""
    weak = cur.execute(
        f"SELECT coalesce(bool_or({WEAK_ASK_SQL}), false) FROM asks a"  # noqa: S608
        " WHERE a.question_id = ?",
        [question_id],
    ).fetchone()[0]
    return "answer" if weak else "evidence"


def keep_answer(journal: Journal, ask_id: int, now: datetime) -> int:
    """Keep the ask's notes as a new answer version of its question; the version's id.

    Meant for a strong answer, but any answer with notes may be kept.
    """

    def work(cur):
        ask = get_ask(cur, ask_id)
        if not ask.answer_notes.strip():
            raise InvalidInput(_("Write down what you answered first; then it can be kept."))
        if ask.kept:
            return cur.execute(
                "SELECT id FROM answers WHERE ask_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                [ask_id],
            ).fetchone()[0]
        return cur.execute(
            "INSERT INTO answers (question_id, text, source, ask_id, created_at)"
            " VALUES (?, ?, 'review', ?, ?) RETURNING id",
            [ask.question_id, ask.answer_notes, ask_id, now],
        ).fetchone()[0]

    return journal.write(work)


def move_ask(journal: Journal, ask_id: int, offset: int) -> None:
    """Move the ask up (-1) or down (+1) in the order asked."""

    def work(cur):
        ask = get_ask(cur, ask_id)
        ordered = [
            row[0]
            for row in cur.execute(
                "SELECT id FROM asks WHERE interview_id = ? ORDER BY position, id",
                [ask.interview_id],
            ).fetchall()
        ]
        index = ordered.index(ask_id)
        target = index + offset
        if not 0 <= target < len(ordered):
            return
        ordered[index], ordered[target] = ordered[target], ordered[index]
        # position is a plain column: renumbering is allowed although answers reference asks.
        for position, moved in enumerate(ordered, start=1):
            cur.execute("UPDATE asks SET position = ? WHERE id = ?", [position, moved])

    journal.write(work)


def delete_ask(journal: Journal, ask_id: int, now: datetime) -> None:
    """Remove a question from this interview. Its bank entry, card and answer versions stay.

    Separate statements, child first (DuckDB; see coach.deletion): answer versions let
    go of the ask, then the ask goes, then the plan is brought up to date.
    """
    row = journal.write(
        lambda cur: cur.execute("SELECT interview_id FROM asks WHERE id = ?", [ask_id]).fetchone()
    )
    if row is None:
        return
    journal.write(
        lambda cur: cur.execute("UPDATE answers SET ask_id = NULL WHERE ask_id = ?", [ask_id])
    )
    # A missed story's "where it could have been told" lets go of it too (no foreign key).
    journal.write(
        lambda cur: cur.execute(
            "UPDATE story_uses SET bridge_ask_id = NULL WHERE bridge_ask_id = ?", [ask_id]
        )
    )
    journal.write(lambda cur: cur.execute("DELETE FROM asks WHERE id = ?", [ask_id]))
    journal.write(lambda cur: sync_suggestions(cur, row[0], now))


@dataclass(frozen=True)
class QuestionsSummary:
    asks: int = 0
    weak: int = 0
    strong: int = 0
    doubted: int = 0  # probed although scored good: counted apart from weak
    cards: int = 0
    kept: int = 0
    by_signal: dict[str, int] = field(default_factory=dict)


def summarise_asks(asks: list[Ask]) -> QuestionsSummary:
    by_signal: dict[str, int] = {}
    for ask in asks:
        if ask.signal:
            by_signal[ask.signal] = by_signal.get(ask.signal, 0) + 1
    return QuestionsSummary(
        asks=len(asks),
        weak=sum(a.weak for a in asks),
        strong=sum(a.strong for a in asks),
        doubted=sum(a.doubted for a in asks),
        cards=len({a.card_id for a in asks if a.card_id is not None}),
        kept=sum(a.kept_text is not None for a in asks),
        by_signal=by_signal,
    )

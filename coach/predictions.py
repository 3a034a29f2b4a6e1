"""The brief's prediction, kept before an interview, and its scorecard after it.

A *prediction* is a snapshot of an interview's likely questions (coach.likely) as they
stood before the interview. One is kept the first time the brief is shown, one each
time it is downloaded, and one on the interview's day (the first time the app works
out the likely questions that day, before the interview's time): at most a few per
interview, never changed afterwards.

When the interview has been reviewed, its *scorecard* compares the latest prediction
kept before it with the questions asked: *hits* were predicted and asked, *surprises*
asked but not predicted, and the rest predicted but not asked. Surprises are in the
question bank already (every recorded question is), and the weak ones are rehearsal
cards, as for any weak answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach import vocabulary, wording
from coach.db import Journal
from coach.i18n import _, ngettext
from coach.likely import LikelyQuestions
from coach.review_rules import WEAK_ASK_SQL
from coach.scheduling import utc
from coach.wording import day_text

MOMENTS = vocabulary.PREDICTION_MOMENTS


# --- Keeping snapshots ------------------------------------------------------------------


def due_moment(likely: LikelyQuestions, now: datetime, *, shown: bool) -> str | None:
    """The snapshot to keep now, if any.

    Nothing once the interview's time has come (a prediction must come before it). On
    the interview's day the "day" snapshot, once; otherwise, if the brief is being
    `shown` and none was kept yet, the "shown" one.
    """
    if now >= likely.interview.scheduled_at:
        return None
    if likely.days_left <= 0 and "day" not in likely.kept:
        return "day"
    if shown and not likely.kept:
        return "shown"
    return None


def keep(journal: Journal, likely: LikelyQuestions, moment: str, now: datetime) -> int | None:
    """Keep `likely` as a prediction taken `now`; its id, or None if it was too late.

    A "shown" or "day" snapshot that another tab kept meanwhile is not kept twice.
    """
    if moment not in MOMENTS:
        raise ValueError(f"Unknown prediction moment {moment!r}.")
    interview = likely.interview

    def work(cur: duckdb.DuckDBPyConnection) -> int | None:
        row = cur.execute(
            "SELECT scheduled_at, EXISTS (SELECT 1 FROM predictions WHERE interview_id = ?"
            " AND moment = ?) FROM interviews WHERE id = ?",
            [interview.interview_id, moment, interview.interview_id],
        ).fetchone()
        if row is None or utc(now) >= row[0]:
            return None  # deleted, or moved into the past, since the brief was made
        if row[1] and moment != "downloaded":
            return None
        return insert(cur, likely, moment, now)

    return journal.write(work)


def insert(
    cur: duckdb.DuckDBPyConnection, likely: LikelyQuestions, moment: str, now: datetime
) -> int:
    """Write the snapshot (inside the caller's transaction); its id."""
    prediction_id = cur.execute(
        "INSERT INTO predictions (interview_id, moment, taken_at, earlier_interviews,"
        " likely_count) VALUES (?, ?, ?, ?, ?) RETURNING id",
        [likely.interview.interview_id, moment, utc(now), likely.earlier, likely.count],
    ).fetchone()[0]
    rows = [
        [prediction_id, q.question_id, rank, q.score,
         json.dumps(list(q.reasons), ensure_ascii=False), q.to_rehearse, q.recall_on_day]
        for rank, q in enumerate(likely.questions, start=1)
    ]  # fmt: skip
    if rows:
        # One statement for all rows: DuckDB runs an executemany row by row.
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * len(rows))
        cur.execute(
            "INSERT INTO predicted_questions (prediction_id, question_id, rank, score,"  # noqa: S608 - placeholders only
            f" reasons, to_rehearse, recall) VALUES {values}",
            [value for row in rows for value in row],
        )
    return prediction_id


def keep_due(
    journal: Journal, likely: LikelyQuestions, now: datetime, *, shown: bool
) -> str | None:
    """Keep the snapshot due now (see `due_moment`); which one was kept, if any."""
    moment = due_moment(likely, now, shown=shown)
    if moment is None or keep(journal, likely, moment, now) is None:
        return None
    return moment


# --- The scorecard ------------------------------------------------------------------


@dataclass(frozen=True)
class ScoredQuestion:
    question_id: int
    text: str
    weak: bool  # answered weakly in this interview
    card: bool  # the question is a rehearsal card


@dataclass(frozen=True)
class Scorecard:
    interview_id: int
    moment: str | None  # None: no prediction was kept before the interview
    taken_at: datetime | None
    predicted: int  # questions the kept brief listed
    hits: tuple[ScoredQuestion, ...]  # predicted and asked, in the order asked
    surprises: tuple[ScoredQuestion, ...]  # asked, not predicted, in the order asked
    unasked: tuple[ScoredQuestion, ...]  # predicted, not asked, in the brief's order

    @property
    def kept(self) -> bool:
        return self.moment is not None

    @property
    def asked(self) -> int:
        return len(self.hits) + len(self.surprises)

    def text(self, now: datetime) -> str:
        """The scorecard in a sentence or two."""
        if not self.kept:
            return _(
                "No prediction was kept for this interview: its brief was never opened "
                "before it. Open *Prepare* before your next interview to see how well "
                "the brief predicts it."
            )
        taken = day_text(self.taken_at.astimezone(now.tzinfo))
        if not self.asked:
            return ngettext(
                "Your brief of {day} listed {n} likely question. Record the questions you "
                "were asked to see how many it predicted.",
                "Your brief of {day} listed {n} likely questions. Record the questions you "
                "were asked to see how many it predicted.",
                self.predicted,
            ).format(day=taken, n=self.predicted)
        text = ngettext(
            "Your brief predicted {hits} of the {n} question asked (the brief as it stood "
            "{moment}, {day}).",
            "Your brief predicted {hits} of the {n} questions asked (the brief as it stood "
            "{moment}, {day}).",
            self.asked,
        ).format(hits=len(self.hits), n=self.asked, moment=MOMENTS[self.moment], day=taken)
        if self.surprises:
            text = wording.sentences(text, self._surprises_text())
        return text

    def _surprises_text(self) -> str:
        """The surprises: in the bank now, and which of them became rehearsal cards."""
        n = len(self.surprises)
        carded = sum(q.weak and q.card for q in self.surprises)
        if n == 1:
            if carded:
                return _(
                    "1 surprise: it is in your question bank now, and as you answered it "
                    "weakly, it is a rehearsal card."
                )
            return _("1 surprise: it is in your question bank now.")
        if not carded:
            return _("{n} surprises: they are in your question bank now.").format(n=n)
        return ngettext(
            "{n} surprises: they are in your question bank now, and the {carded} you "
            "answered weakly is a rehearsal card.",
            "{n} surprises: they are in your question bank now, and the {carded} you "
            "answered weakly are rehearsal cards.",
            carded,
        ).format(n=n, carded=carded)


def scorecard(cur: duckdb.DuckDBPyConnection, interview_id: int) -> Scorecard:
    """The latest prediction kept before the interview against the questions asked."""
    found = cur.execute(
        """
        SELECT p.id, p.moment, p.taken_at FROM predictions p
        JOIN interviews i ON i.id = p.interview_id
        WHERE p.interview_id = ? AND p.taken_at < i.scheduled_at
        ORDER BY p.taken_at DESC, p.id DESC LIMIT 1
        """,
        [interview_id],
    ).fetchone()
    prediction_id, moment, taken_at = found or (None, None, None)
    rows = cur.execute(
        f"""
        WITH predicted AS (
            SELECT question_id, rank FROM predicted_questions WHERE prediction_id = $prediction
        ),
        asked AS (
            SELECT a.question_id, min(a.position) AS position, bool_or({WEAK_ASK_SQL}) AS weak
            FROM asks a WHERE a.interview_id = $interview GROUP BY a.question_id
        )
        SELECT q.id, q.text, coalesce(s.weak, false), k.id IS NOT NULL,
               p.rank IS NOT NULL, s.position IS NOT NULL
        FROM predicted p FULL JOIN asked s ON s.question_id = p.question_id
        JOIN questions q ON q.id = coalesce(p.question_id, s.question_id)
        LEFT JOIN cards k ON k.question_id = q.id
        ORDER BY s.position NULLS LAST, p.rank, q.id
        """,  # noqa: S608 - fixed fragments only
        {"prediction": prediction_id, "interview": interview_id},
    ).fetchall()
    hits, surprises, unasked = [], [], []
    for question_id, text, weak, card, was_predicted, was_asked in rows:
        item = ScoredQuestion(question_id, text, weak, card)
        if was_predicted and was_asked:
            hits.append(item)
        elif was_asked:
            surprises.append(item)
        else:
            unasked.append(item)
    return Scorecard(
        interview_id=interview_id,
        moment=moment,
        taken_at=None if taken_at is None else utc(taken_at),
        predicted=len(hits) + len(unasked),
        hits=tuple(hits),
        surprises=tuple(surprises),
        unasked=tuple(unasked),
    )

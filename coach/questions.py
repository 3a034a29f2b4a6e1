"""The question bank: questions, their dimensions, and matching a new question to the bank.

The same question asked at two companies is one question. When the candidate records
a question, `propose` finds the bank entries it probably repeats (rapidfuzz, see
`coach.review_rules.match_question`) and suggests a dimension; the candidate confirms
the match *before* the ask is created, because DuckDB cannot re-link an ask to
another question once an answer version references it (see coach.migrations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach import dimension_guess, edits, fields, vocabulary, wording
from coach.db import Journal
from coach.errors import InvalidInput, NotFound
from coach.i18n import _
from coach.review_rules import match_question, normalise_question

# A question is a sentence or two; a longer "question" is almost certainly a paste gone
# wrong (the answer, or a whole transcript), so it is refused with a message.
QUESTION_LIMIT = fields.QUESTION_LIMIT
# How many questions one paste may add; more is a paste gone wrong too.
PASTE_LIMIT = 100
# A match this close is offered as the default choice; a weaker one defaults to "new".
CONFIDENT_MATCH = 90.0


@dataclass(frozen=True)
class Question:
    id: int
    text: str
    dimension: str
    asked: int = 0  # how many asks link to it


@dataclass(frozen=True)
class BankMatch:
    """A bank question the new text probably repeats."""

    question_id: int
    text: str
    dimension: str
    score: float
    asked: int


@dataclass(frozen=True)
class Proposal:
    """A question the candidate typed, before it becomes an ask."""

    text: str
    matches: tuple[BankMatch, ...]
    dimension: str  # suggested: the best match's, else coach.dimension_guess's

    @property
    def best(self) -> BankMatch | None:
        return self.matches[0] if self.matches else None


def dimensions(cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Dimension key -> label, in the candidate's order.

    A seeded dimension is named in the language in use (the table keeps the name it was
    seeded with, in either language); one the candidate added keeps the name they gave."""
    rows = cur.execute("SELECT key, label FROM dimensions ORDER BY position, key").fetchall()
    return {key: vocabulary.dimension_label(key, label) for key, label in rows}


def check_dimension(cur: duckdb.DuckDBPyConnection, dimension: str) -> None:
    # Checked here rather than by a foreign key (see coach.migrations).
    if cur.execute("SELECT 1 FROM dimensions WHERE key = ?", [dimension]).fetchone() is None:
        raise InvalidInput(
            _("Unknown dimension {dimension}; choose one from the list.").format(
                dimension=repr(dimension)
            )
        )


def clean_question(text: str | None) -> str:
    text = fields.check("questions", "text", text)
    return " ".join(text.split()) if "\n" in text else text


def split_lines(pasted: str | None) -> list[str]:
    """One question per non-blank line, bullets and numbering removed."""
    lines = []
    for line in (pasted or "").splitlines():
        line = _BULLET.sub("", line).strip()
        if line:
            lines.append(line)
    return lines


_HAN = "\u3400-\u9fff"
_CHINESE_NUMBER = "一二三四五六七八九十"
# A list's marks before each question: bullets, "1." and "Q1:", and as Chinese lists
# number them: "1、", "（2）", "三、", "第四题：", "问题5：", "⑥". A number followed by
# a point and a digit or a Latin word ("3.5% growth") is the question's own.
_BULLET = re.compile(
    r"^\s*(?:[-*•·‣◦]\s+|[\u2460-\u2473]\s*|\d{1,3}[.)]\s+|"
    rf"\d{{1,3}}[.)](?=[{_HAN}])|\d{{1,3}}[、．）]\s*|[（(]\d{{1,3}}[)）]\s*|"
    rf"[{_CHINESE_NUMBER}]{{1,3}}[、．.]\s*|"
    rf"第[{_CHINESE_NUMBER}\d]{{1,3}}(?:[题问][:：、.．]?|[:：、.．])\s*|"
    r"问题\s*\d{1,3}[:：、.．]?\s*|"
    rf"[Qq]\d{{1,3}}[.:：)）]?\s+|[Qq]\d{{1,3}}[.:：)）](?=[{_HAN}]))"
)


def get_question(cur: duckdb.DuckDBPyConnection, question_id: int) -> Question:
    row = cur.execute(
        "SELECT q.id, q.text, q.dimension, (SELECT count(*) FROM asks a WHERE a.question_id = q.id)"
        " FROM questions q WHERE q.id = ?",
        [question_id],
    ).fetchone()
    if row is None:
        raise NotFound(
            _("That question no longer exists; it may have been deleted in another tab.")
        )
    return Question(*row)


def _bank(cur) -> list[tuple[int, str, str, int]]:
    return cur.execute(
        """
        SELECT q.id, q.text, q.dimension, count(a.id)
        FROM questions q LEFT JOIN asks a ON a.question_id = q.id
        GROUP BY q.id, q.text, q.dimension
        ORDER BY q.id
        """
    ).fetchall()


def propose(cur: duckdb.DuckDBPyConnection, lines: list[str]) -> list[Proposal]:
    """For each typed question: the bank questions it probably repeats, and a dimension.

    Refuses (InvalidInput) an empty list, a question over the length limit, or more
    than PASTE_LIMIT questions, before anything is written.
    """
    texts = [clean_question(line) for line in lines]
    if not texts:
        raise InvalidInput(_("Type or paste at least one question (one per line)."))
    if len(texts) > PASTE_LIMIT:
        raise InvalidInput(
            _(
                "That is {n} lines; add at most {limit} questions at a time. "
                "Is it the whole transcript? Paste only the questions, one per line."
            ).format(n=wording.number(len(texts)), limit=PASTE_LIMIT)
        )
    rows = _bank(cur)
    bank = [(row[0], row[1]) for row in rows]
    by_id = {row[0]: row for row in rows}
    known = set(dimensions(cur))
    # Made once for the whole paste: the bank's confirmed dimensions teach the guesser.
    guesser = dimension_guess.make_guesser((row[1], row[2]) for row in rows)
    proposals = []
    for text in texts:
        matches = tuple(
            BankMatch(m.question_id, m.text, by_id[m.question_id][2], m.score,
                      by_id[m.question_id][3])
            for m in match_question(text, bank)
        )  # fmt: skip
        best = matches[0].dimension if matches else None
        dimension = best or dimension_guess.guess(text, guesser, known)
        proposals.append(Proposal(text, matches, dimension if dimension in known else "other"))
    return proposals


def add_question(
    cur: duckdb.DuckDBPyConnection, text: str, dimension: str, *, now: datetime
) -> int:
    """Insert a new bank question (inside the caller's transaction)."""
    text = clean_question(text)
    check_dimension(cur, dimension)
    return cur.execute(
        "INSERT INTO questions (text, dimension, created_at) VALUES (?, ?, ?) RETURNING id",
        [text, dimension, now],
    ).fetchone()[0]


def set_dimension(
    journal: Journal, question_id: int, dimension: str, *, read: str | None = None
) -> str:
    """Re-classify a question (a plain column: allowed although asks reference it).

    `read`: the dimension the saving tab last read; another tab's change since raises
    EditConflict (coach.edits). Returns the dimension stored."""

    def work(cur):
        check_dimension(cur, dimension)
        question = get_question(cur, question_id)
        changed = edits.changes(
            {"dimension": question.dimension},
            {"dimension": dimension},
            None if read is None else {"dimension": read},
            {"dimension": _("Dimension")},
        )
        if not changed:
            return question.dimension  # this tab's choice was already stored, or kept
        cur.execute("UPDATE questions SET dimension = ? WHERE id = ?", [dimension, question_id])
        return dimension

    return journal.write(work)


def set_text(journal: Journal, question_id: int, text: str) -> None:
    """Correct a question's wording in the bank (every ask of it shows the new wording)."""
    text = clean_question(text)

    def work(cur):
        get_question(cur, question_id)
        cur.execute("UPDATE questions SET text = ? WHERE id = ?", [text, question_id])

    journal.write(work)


def same_question(a: str, b: str) -> bool:
    return normalise_question(a) == normalise_question(b)

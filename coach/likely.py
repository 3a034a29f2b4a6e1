"""What to rehearse before one interview: its likely questions, with reasons and recall.

This is the app's one answer to "what do I rehearse before interview X?": the brief,
the cram view, Home and the Markdown brief all call `likely_questions`, so they can
never disagree.

Every bank question earns points for the evidence that it will come up at X, drawn
from the *earlier* interviews (held before X and before now, X itself left out):

- **3** if this company asked it in an earlier round;
- **2** if it was asked for a similar role at another company (titles compared by
  their words, see `coach.similar`: "Junior Data Analyst" ~ "Marketing Analytics Lead");
- **2** if more than half of the earlier interviews asked it, **1** if fewer did
  (only interviews with questions recorded count: "asked in 3 of 3 interviews");
- **2** if it is an opener or a closer nearly every interview has: introducing
  yourself, why this company, salary, questions for us (`OPENERS`);
- **1** if it was not asked here or for a similar role itself, but its dimension was.

A question with 2 points or more is likely. The `LIKELY_LIMIT` with the most points are
the prediction (ties: the weaker answer first); they are listed *to rehearse* first
(an active rehearsal card predicted below the desired retention at the interview's
time), then *to keep fresh* (answered well, or rehearsed up to the target).

Nothing here reads the clock: `now` is a parameter, aware, in the candidate's zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach import vocabulary
from coach.days import days_until, start_of_day
from coach.errors import NotFound
from coach.i18n import N_, _, ngettext
from coach.recall import recall_params, recall_sql, recall_text
from coach.review_rules import WEAK_ASK_SQL
from coach.scheduling import scheduler_for, utc
from coach.similar import same_role, similar_roles
from coach.wording import day_text

LIKELY_LIMIT = 20
LIKELY_POINTS = 2
POINTS = {"here": 3, "role": 2, "most": 2, "some": 1, "opener": 2, "dimension": 1}
_SCORE_EXPLANATION = N_(
    "How likely a question is: it earns 3 points if this company asked it in an earlier "
    "round, 2 if it was asked for a similar role elsewhere (role titles are compared by "
    "their words, so analyst and analytics count as one and junior or lead do not "
    "count), 2 if more than half of your earlier interviews asked it (1 if fewer did), "
    "2 if it is an opener or closer nearly every interview has (introduce yourself, why "
    "this company, salary, questions for us), and 1 if this company or a similar role "
    "asked about its dimension. Questions with 2 points or more are likely; the "
    "{limit} with the most are listed, the ones to rehearse first."
)
# The explanation in English, as it always read (what the English page shows).
SCORE_EXPLANATION = _SCORE_EXPLANATION.format(limit=LIKELY_LIMIT)


def score_explanation() -> str:
    """How a likely question's points are counted, in the language in use."""
    return _(_SCORE_EXPLANATION).format(limit=LIKELY_LIMIT)


# Openers and closers nearly every interview has, by kind, as lower-case phrases
# (English, Chinese, Japanese, Korean). A phrase matches within a question's text.
OPENERS: dict[str, tuple[str, ...]] = {
    "self-introduction": (
        "tell me about yourself", "tell us about yourself", "introduce yourself",
        "walk me through your background", "walk me through your cv",
        "walk me through your resume", "自我介绍", "介绍一下你自己", "介绍一下自己",
        "自己紹介", "자기소개",
    ),
    "motivation": (
        "why do you want", "why are you interested", "why this company", "why our company",
        "why us", "why this role", "why this position", "what attracts you",
        "why are you leaving", "why do you want to leave", "looking to leave", "why leave",
        "为什么想", "为什么选择",
        "为什么离开", "志望動機", "지원 동기", "지원동기",
    ),
    "salary": (
        "salary", "compensation", "pay expectations", "expected pay", "薪资", "薪水",
        "期望薪", "待遇", "年収", "연봉",
    ),
    "questions for us": (
        "questions for us", "questions for me", "questions do you have", "any questions",
        "anything you would like to ask", "what would you like to ask", "有什么问题",
        "有什么想问", "何か質問",
        "질문 있",
    ),
}  # fmt: skip
CLOSERS = frozenset({"salary", "questions for us"})
# Each kind as a reason names it.
OPENER_LABELS = {
    "self-introduction": N_("self-introduction"),
    "motivation": N_("motivation"),
    "salary": N_("salary"),
    "questions for us": N_("questions for us"),
}


def _phrase_pattern(phrase: str) -> str:
    words = r"\s+".join(re.escape(word) for word in phrase.split())
    # Whole words for scripts that have them ("why us" is not "why use").
    return rf"\b{words}\b" if phrase.isascii() else words


OPENER_PATTERN = "|".join(_phrase_pattern(p) for phrases in OPENERS.values() for p in phrases)
_OPENER_KINDS = {kind: re.compile("|".join(map(_phrase_pattern, p))) for kind, p in OPENERS.items()}


def opener_kind(text: str) -> str | None:
    """The kind of opener or closer `text` is ("salary"…), or None. The same phrases
    decide in SQL (`OPENER_PATTERN` over `lower(text)`) which questions earn the points."""
    folded = (text or "").lower()
    return next((kind for kind, pattern in _OPENER_KINDS.items() if pattern.search(folded)), None)


# --- The interview -------------------------------------------------------------------


@dataclass(frozen=True)
class UpcomingInterview:
    interview_id: int
    company_id: int
    company: str
    kind: str
    role: str
    round: str
    scheduled_at: datetime  # in the candidate's zone

    @property
    def title(self) -> str:
        return " · ".join(p for p in (self.company, self.role, self.round) if p)


_INTERVIEW = """
    SELECT i.id, i.company_id, c.name, c.kind, i.role, i.round, i.scheduled_at
    FROM interviews i JOIN companies c ON c.id = i.company_id
"""


def upcoming_interviews(
    cur: duckdb.DuckDBPyConnection, now: datetime, *, limit: int = 50
) -> list[UpcomingInterview]:
    """Interviews after `now`, soonest first."""
    rows = cur.execute(
        _INTERVIEW + " WHERE i.scheduled_at > ? ORDER BY i.scheduled_at, i.id LIMIT ?",
        [utc(now), limit],
    ).fetchall()
    return [UpcomingInterview(*r[:6], r[6].astimezone(now.tzinfo)) for r in rows]


def default_interview(choices: list[UpcomingInterview]) -> UpcomingInterview | None:
    """The next target-company interview, else the next interview of any kind."""
    return next((c for c in choices if c.kind == "target"), choices[0] if choices else None)


def get_interview(
    cur: duckdb.DuckDBPyConnection, interview_id: int, now: datetime
) -> UpcomingInterview:
    row = cur.execute(_INTERVIEW + " WHERE i.id = ?", [interview_id]).fetchone()
    if row is None:
        raise NotFound(
            _("That interview no longer exists; it may have been deleted in another tab.")
        )
    return UpcomingInterview(*row[:6], row[6].astimezone(now.tzinfo))


# --- Likely questions ------------------------------------------------------------------


@dataclass(frozen=True)
class LikelyQuestion:
    question_id: int
    text: str
    dimension_label: str
    score: int
    reasons: tuple[str, ...]  # the evidence, in words, strongest first
    card_id: int | None  # its rehearsal card, of any status
    card_status: str | None
    rehearsed: bool  # the card has been rehearsed at least once
    recall_on_day: float | None  # predicted at the interview's time; None without a card
    to_rehearse: bool  # an active card below the desired retention on the day
    rehearsed_today: bool

    @property
    def recall_text(self) -> str:
        """'73%', 'new' (a card never rehearsed) or 'no card' (answered well so far)."""
        if self.card_id is None:
            return _("no card")
        return recall_text(self.recall_on_day, rehearsed=self.rehearsed)


@dataclass(frozen=True)
class LikelyQuestions:
    """The likely questions of one interview: the brief's, the cram view's and Home's."""

    interview: UpcomingInterview
    questions: tuple[LikelyQuestion, ...]  # to rehearse first, then to keep fresh
    count: int  # all likely questions, listed or not
    earlier: int  # earlier interviews with questions recorded: the evidence
    desired_retention: float
    days_left: int
    kept: tuple[str, ...]  # snapshot moments already kept (coach.predictions)

    @property
    def to_rehearse(self) -> tuple[LikelyQuestion, ...]:
        return tuple(q for q in self.questions if q.to_rehearse)

    @property
    def keep_fresh(self) -> tuple[LikelyQuestion, ...]:
        return tuple(q for q in self.questions if not q.to_rehearse)

    @property
    def card_ids(self) -> list[int]:
        """The cards to rehearse before the interview, in the order to rehearse them."""
        return [q.card_id for q in self.to_rehearse if q.card_id is not None]

    @property
    def evidence_text(self) -> str:
        return evidence_text(self.earlier)

    @property
    def evidence_tag(self) -> str:
        return evidence_tag(self.earlier)


def evidence_tag(earlier: int) -> str:
    """`evidence_text` in a few words, to stand beside a figure."""
    if earlier == 0:
        return _("nothing to go on yet")
    if earlier < 3:
        return _("a first guess")
    if earlier < 6:
        return _("an early estimate")
    return _("from {n} interviews").format(n=earlier)


def evidence_text(earlier: int) -> str:
    """How much a prediction can be trusted, in words."""
    if earlier == 0:
        return _("no earlier interview to learn from yet: only the usual openers and closers")
    if earlier < 3:
        return ngettext(
            "based on {n} earlier interview: a first guess",
            "based on {n} earlier interviews: a first guess",
            earlier,
        ).format(n=earlier)
    if earlier < 6:
        return _("based on {n} earlier interviews: an early estimate").format(n=earlier)
    return _("based on {n} earlier interviews").format(n=earlier)


_LIKELY = f"""
    WITH earlier AS (
        SELECT i.id, i.round, i.role, i.scheduled_at, c.name AS company,
               i.company_id = $company AS here,
               i.company_id <> $company AND list_contains($similar, i.role) AS alike
        FROM interviews i JOIN companies c ON c.id = i.company_id
        WHERE i.scheduled_at <= $now AND i.scheduled_at < $at AND i.id <> $interview
          AND EXISTS (SELECT 1 FROM asks a WHERE a.interview_id = i.id)
    ),
    pairs AS (  -- each question once per interview (a question may be recorded twice)
        SELECT a.question_id, a.interview_id, bool_or({WEAK_ASK_SQL}) AS weak
        FROM asks a
        WHERE a.interview_id IN (SELECT id FROM earlier)
        GROUP BY a.question_id, a.interview_id
    ),
    asked AS (
        SELECT p.question_id,
               count(*) AS interviews,
               count(*) FILTER (WHERE e.here) AS here,
               arg_max(e.round, e.scheduled_at) FILTER (WHERE e.here) AS here_round,
               max(e.scheduled_at) FILTER (WHERE e.here) AS here_last,
               count(*) FILTER (WHERE e.alike) AS alike,
               arg_max(e.role, e.scheduled_at) FILTER (WHERE e.alike) AS alike_role,
               arg_max(e.company, e.scheduled_at) FILTER (WHERE e.alike) AS alike_company,
               bool_or(p.weak) AS weak
        FROM pairs p JOIN earlier e ON e.id = p.interview_id
        GROUP BY p.question_id
    ),
    candidates AS (
        SELECT q.id, q.text, q.dimension,
               coalesce(s.interviews, 0) AS interviews, coalesce(s.here, 0) AS here,
               s.here_round, s.here_last, coalesce(s.alike, 0) AS alike, s.alike_role,
               s.alike_company, coalesce(s.weak, false) AS weak,
               regexp_matches(lower(q.text), $openers) AS opener
        FROM questions q LEFT JOIN asked s ON s.question_id = q.id
        WHERE s.question_id IS NOT NULL OR regexp_matches(lower(q.text), $openers)
    ),
    dims AS (  -- the dimensions this company or a similar role asked about
        SELECT dimension, bool_or(here > 0) AS here, bool_or(alike > 0) AS alike
        FROM candidates WHERE here > 0 OR alike > 0 GROUP BY dimension
    ),
    total AS (SELECT count(*) AS n FROM earlier),
    scored AS (
        SELECT c.*, coalesce(d.here, false) AS dim_here, coalesce(d.alike, false) AS dim_alike,
               {POINTS["here"]} * (c.here > 0)::INTEGER + {POINTS["role"]} * (c.alike > 0)::INTEGER
               + CASE WHEN 2 * c.interviews > (SELECT n FROM total) THEN {POINTS["most"]}
                      WHEN c.interviews > 0 THEN {POINTS["some"]} ELSE 0 END
               + {POINTS["opener"]} * c.opener::INTEGER
               + CASE WHEN c.here = 0 AND c.alike = 0 AND (d.here OR d.alike)
                      THEN {POINTS["dimension"]} ELSE 0 END AS score
        FROM candidates c LEFT JOIN dims d ON d.dimension = c.dimension
    ),
    likely AS (
        SELECT *, count(*) OVER () AS likely_count FROM scored WHERE score >= {LIKELY_POINTS}
    ),
    -- Only the questions with at least the points of the LIMIT-th need their card.
    cut AS (SELECT coalesce(min(score), 0) AS points
            FROM (SELECT score FROM likely ORDER BY score DESC LIMIT $limit)),
    carded AS (
        SELECT l.*, k.id AS card_id, k.status AS card_status,
               k.last_review IS NOT NULL AS rehearsed,
               CASE WHEN k.id IS NULL THEN NULL ELSE {recall_sql("k")} END AS recall,
               coalesce(k.last_review >= $today, false) AS rehearsed_today
        FROM likely l LEFT JOIN cards k ON k.question_id = l.id
        WHERE l.score >= (SELECT points FROM cut)
    )
    SELECT c.id, c.text, c.dimension, coalesce(dl.label, c.dimension), c.score, c.interviews,
           c.here, c.here_round, c.here_last, c.alike, c.alike_role, c.alike_company, c.opener,
           c.dim_here, c.dim_alike, c.card_id, c.card_status, c.rehearsed, c.recall,
           coalesce(c.card_status = 'active' AND c.recall < $desired, false) AS to_rehearse,
           c.rehearsed_today, (SELECT n FROM total), c.likely_count
    FROM carded c LEFT JOIN dimensions dl ON dl.key = c.dimension
    ORDER BY c.score DESC, to_rehearse DESC, c.weak DESC, c.recall NULLS LAST, c.id
    LIMIT $limit
"""  # noqa: S608 - fixed fragments and numbers only


def likely_questions(
    cur: duckdb.DuckDBPyConnection, interview_id: int, now: datetime
) -> LikelyQuestions:
    """The likely questions of interview `interview_id` (see the module's docstring)."""
    interview = get_interview(cur, interview_id, now)
    scheduler = scheduler_for(cur, fuzzing=False)
    rows = cur.execute(
        _LIKELY,
        {
            **recall_params(scheduler, interview.scheduled_at),
            "at": utc(interview.scheduled_at),
            "interview": interview.interview_id,
            "company": interview.company_id,
            "now": utc(now),
            "similar": _similar_roles(cur, interview, now),
            "openers": OPENER_PATTERN,
            "desired": scheduler.desired_retention,
            "today": utc(start_of_day(now)),
            "limit": LIKELY_LIMIT,
        },
    ).fetchall()
    earlier, count = (rows[0][-2], rows[0][-1]) if rows else (_earlier(cur, interview, now), 0)
    questions = [_likely_question(row, interview, now) for row in rows]
    # Weak answers first, then the well-answered ones to keep fresh; the query's order
    # (most points first) holds within each.
    questions.sort(key=lambda q: not q.to_rehearse)
    kept = cur.execute(
        "SELECT DISTINCT moment FROM predictions WHERE interview_id = ? ORDER BY moment",
        [interview.interview_id],
    ).fetchall()
    return LikelyQuestions(
        interview=interview,
        questions=tuple(questions),
        count=count,
        earlier=earlier,
        desired_retention=scheduler.desired_retention,
        days_left=days_until(interview.scheduled_at, now),
        kept=tuple(row[0] for row in kept),
    )


def _similar_roles(cur, interview: UpcomingInterview, now: datetime) -> list[str]:
    """The earlier interviews' role titles similar to this one's (a few dozen at most)."""
    if not interview.role.strip():
        return []
    roles = cur.execute(
        "SELECT DISTINCT role FROM interviews WHERE scheduled_at <= ? AND role <> ''",
        [utc(now)],
    ).fetchall()
    return [role for (role,) in roles if similar_roles(role, interview.role)]


def _earlier(cur, interview: UpcomingInterview, now: datetime) -> int:
    return cur.execute(
        """
        SELECT count(*) FROM interviews i
        WHERE i.scheduled_at <= ? AND i.scheduled_at < ? AND i.id <> ?
          AND EXISTS (SELECT 1 FROM asks a WHERE a.interview_id = i.id)
        """,
        [utc(now), utc(interview.scheduled_at), interview.interview_id],
    ).fetchone()[0]


def _alike_reason(same: bool, role: str, company: str, times: int) -> str:
    """Asked for this role (or a similar one) at another company, `times` interviews."""
    if same and times > 1:
        return _("asked for the same role (latest at {company}, {n} interviews)").format(
            company=company, n=times
        )
    if same:
        return _("asked for the same role (at {company})").format(company=company)
    if times > 1:
        return _("asked for a similar role ({role} at {company}, {n} interviews)").format(
            role=role, company=company, n=times
        )
    return _("asked for a similar role ({role} at {company})").format(role=role, company=company)


def _likely_question(row: tuple, interview: UpcomingInterview, now: datetime) -> LikelyQuestion:
    (question_id, text, dimension_key, dimension, score, interviews, here, here_round,
     here_last, alike, alike_role, alike_company, opener, dim_here, dim_alike, card_id,
     card_status, rehearsed, recall, to_rehearse, rehearsed_today, earlier,
     _count) = row  # fmt: skip
    dimension = vocabulary.dimension_label(dimension_key, dimension)
    reasons = []
    if here == 1:
        held = day_text(here_last.astimezone(now.tzinfo))
        reasons.append(
            _("asked here before ({round}, {day})").format(round=here_round, day=held)
            if here_round
            else _("asked here before ({day})").format(day=held)
        )
    elif here > 1:
        reasons.append(_("asked here in {n} earlier rounds").format(n=here))
    if alike:
        reasons.append(_alike_reason(same_role(alike_role, interview.role), alike_role,
                                     alike_company, alike))  # fmt: skip
    if interviews:
        reasons.append(
            _("asked in {n} of {total} interviews so far").format(n=interviews, total=earlier)
            if earlier > 1
            else _("asked in your only earlier interview")
        )
    if opener:
        kind = opener_kind(text) or "self-introduction"
        label = _(OPENER_LABELS[kind])
        reasons.append(
            _("a common closer ({kind})").format(kind=label)
            if kind in CLOSERS
            else _("a common opener ({kind})").format(kind=label)
        )
    if not here and not alike and (dim_here or dim_alike):
        reasons.append(
            _("{dimension} was asked about for this company").format(dimension=dimension)
            if dim_here
            else _("{dimension} was asked about for a similar role").format(dimension=dimension)
        )
    return LikelyQuestion(
        question_id=question_id,
        text=text,
        dimension_label=dimension,
        score=score,
        reasons=tuple(reasons),
        card_id=card_id,
        card_status=card_status,
        rehearsed=bool(rehearsed),
        recall_on_day=recall,
        to_rehearse=bool(to_rehearse),
        rehearsed_today=bool(rehearsed_today),
    )

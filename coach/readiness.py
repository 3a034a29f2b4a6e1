"""The readiness brief for one upcoming interview, and its Markdown download.

What goes into it, in the order the brief shows it:

- **Days left**: calendar days from today to the interview's day, in the candidate's zone.
- **Likely questions**: bank questions with a rehearsal card (active or suspended) that
  are likely to come up, because they were asked before at this company, belong to a
  dimension asked before for this role (same role title, any company), or were asked at
  two or more companies. Likelihood counts 3 for "asked here", 2 for "recurring", 1 for
  "this role's dimension"; the list is ordered by likelihood, then by predicted recall
  on the interview's date, weakest first. Each carries that predicted recall (fsrs's
  forgetting curve; 0 for a card never rehearsed).
- **Open actions**: this company's first, then general ones, then the rest.
- **Stories not yet told here**: stories never told (fully or partly) at this company.
- **Advice** earlier interviewers at this company gave.
- **Readiness score**: a weighted mean of three shares, each shown with its parts:
  half the average predicted recall on the day of all likely questions, a quarter the
  share of improvement actions done, a quarter the share of stories told in full at
  least once. A part without data (no likely questions, no actions, no stories) is left
  out and the others are weighted up in proportion.

Nothing here reads the clock: `now` is a parameter, aware, in the candidate's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach import vocabulary
from coach.errors import NotFound
from coach.insights import (
    WEAK_ASK_SQL,
    Advice,
    _scheduler,
    recall_params,
    recall_sql,
)
from coach.scheduling import utc
from coach.takeaways import day_text, plural
from coach.text import md_line

LIKELY_LIMIT = 10
ACTIONS_LIMIT = 15
STORIES_LIMIT = 20
ADVICE_LIMIT = 20
WEIGHTS = {"recall": 0.5, "actions": 0.25, "stories": 0.25}


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


_UPCOMING = """
    SELECT i.id, i.company_id, c.name, c.kind, i.role, i.round, i.scheduled_at
    FROM interviews i JOIN companies c ON c.id = i.company_id
"""


def upcoming_interviews(
    cur: duckdb.DuckDBPyConnection, now: datetime, *, limit: int = 50
) -> list[UpcomingInterview]:
    """Interviews after `now`, soonest first."""
    rows = cur.execute(
        _UPCOMING + " WHERE i.scheduled_at > ? ORDER BY i.scheduled_at, i.id LIMIT ?",
        [utc(now), limit],
    ).fetchall()
    return [UpcomingInterview(*r[:6], r[6].astimezone(now.tzinfo)) for r in rows]


def default_interview(choices: list[UpcomingInterview]) -> UpcomingInterview | None:
    """The next target-company interview, else the next interview of any kind."""
    return next((c for c in choices if c.kind == "target"), choices[0] if choices else None)


@dataclass(frozen=True)
class LikelyQuestion:
    question_id: int
    text: str
    dimension_label: str
    asked_here: bool
    companies: int  # distinct companies that asked it
    role_dimension: bool
    weak_asks: int
    recall_on_day: float  # predicted recall at the interview; 0 if never rehearsed
    rehearsed: bool

    @property
    def reasons(self) -> list[str]:
        reasons = []
        if self.asked_here:
            reasons.append("asked here before")
        if self.companies >= 2:
            reasons.append(f"asked at {self.companies} companies")
        if self.role_dimension:
            reasons.append("this role's dimension")
        return reasons


@dataclass(frozen=True)
class OpenAction:
    text: str
    aspect: str
    where: str  # "Company · round", or "" for a general action
    here: bool  # from an interview at this company

    @property
    def aspect_label(self) -> str:
        return vocabulary.ASPECTS[self.aspect]


@dataclass(frozen=True)
class UntoldStory:
    title: str
    told_elsewhere: bool  # told in full at another company


@dataclass(frozen=True)
class Part:
    name: str  # a key of WEIGHTS
    value: float | None  # 0-1; None: no data
    done: float  # numerator, for the explanation
    of: int  # denominator


@dataclass(frozen=True)
class Readiness:
    parts: list[Part]

    @property
    def counted(self) -> list[Part]:
        return [p for p in self.parts if p.value is not None]

    @property
    def score(self) -> float | None:
        counted = self.counted
        if not counted:
            return None
        weight = sum(WEIGHTS[p.name] for p in counted)
        return sum(WEIGHTS[p.name] * p.value for p in counted) / weight

    def explanation(self) -> str:
        """The formula in plain words, with this brief's numbers."""
        if not self.counted:
            return (
                "Readiness needs rehearsal cards for the likely questions, improvement "
                "actions or stories; there are none yet."
            )
        words = {0.5: "half", 0.25: "a quarter"}
        clauses = []
        for p in self.parts:
            weight = words[WEIGHTS[p.name]]
            if p.name == "recall":
                what = (
                    "your average predicted recall on the day of the "
                    f"{plural(p.of, 'likely question')}"
                )
            elif p.name == "actions":
                what = f"the share of improvement actions you have done ({p.done:.0f} of {p.of})"
            else:
                what = (
                    f"the share of your stories told in full at least once ({p.done:.0f} of {p.of})"
                )
            value = "no data yet, so left out" if p.value is None else f"{p.value:.0%}"
            clauses.append(f"{weight} {what}: {value}")
        text = "Readiness is " + "; plus ".join(clauses) + "."
        if len(self.counted) < len(self.parts) and self.counted:
            text += " The parts with data are weighted up in proportion."
        return text


@dataclass(frozen=True)
class Brief:
    interview: UpcomingInterview
    days_left: int
    likely: list[LikelyQuestion]  # at most LIKELY_LIMIT, most likely first
    likely_count: int  # all likely questions
    below_target: int  # likely questions below the desired retention on the day
    desired_retention: float
    open_actions: list[OpenAction]
    open_count: int
    untold_stories: list[UntoldStory]
    advice: list[Advice]
    readiness: Readiness


def days_until(moment: datetime, now: datetime) -> int:
    return (moment.astimezone(now.tzinfo).date() - now.date()).days


def readiness_brief(cur: duckdb.DuckDBPyConnection, interview_id: int, now: datetime) -> Brief:
    row = cur.execute(_UPCOMING + " WHERE i.id = ?", [interview_id]).fetchone()
    if row is None:
        raise NotFound("That interview no longer exists; it may have been deleted in another tab.")
    interview = UpcomingInterview(*row[:6], row[6].astimezone(now.tzinfo))
    scheduler = _scheduler(cur)
    likely, likely_count, below, recall_sum = _likely_questions(cur, interview, now, scheduler)
    actions, open_count, done, total = _actions(cur, interview)
    stories, told_once, story_count = _stories(cur, interview, now)
    readiness = Readiness(
        [
            Part("recall", recall_sum / likely_count if likely_count else None, recall_sum,
                 likely_count),
            Part("actions", done / total if total else None, done, total),
            Part("stories", told_once / story_count if story_count else None, told_once,
                 story_count),
        ]
    )  # fmt: skip
    return Brief(
        interview=interview,
        days_left=days_until(interview.scheduled_at, now),
        likely=likely,
        likely_count=likely_count,
        below_target=below,
        desired_retention=scheduler.desired_retention,
        open_actions=actions,
        open_count=open_count,
        untold_stories=stories,
        advice=_advice(cur, interview, now),
        readiness=readiness,
    )


def _likely_questions(cur, interview: UpcomingInterview, now: datetime, scheduler):
    recall = recall_sql("k")
    params = {
        **recall_params(scheduler, interview.scheduled_at),
        "now": utc(now),
        "company": interview.company_id,
        "role": interview.role,
        "desired": scheduler.desired_retention,
        "limit": LIKELY_LIMIT,
    }
    query = f"""
        WITH held AS (
            SELECT id, company_id, role FROM interviews WHERE scheduled_at <= $now
        ),
        asked AS (
            SELECT a.question_id,
                   bool_or(h.company_id = $company) AS here,
                   count(DISTINCT h.company_id) AS companies,
                   count(*) FILTER (WHERE {WEAK_ASK_SQL}) AS weak
            FROM asks a JOIN held h ON h.id = a.interview_id
            GROUP BY a.question_id
        ),
        role_dimensions AS (
            SELECT DISTINCT q.dimension
            FROM asks a JOIN held h ON h.id = a.interview_id
            JOIN questions q ON q.id = a.question_id
            WHERE trim($role) <> '' AND lower(trim(h.role)) = lower(trim($role))
        ),
        likely AS (
            SELECT q.id, q.text, coalesce(d.label, q.dimension) AS dimension, s.here,
                   s.companies, q.dimension IN (SELECT dimension FROM role_dimensions) AS role_dim,
                   s.weak, {recall} AS recall, k.last_review IS NOT NULL AS rehearsed
            FROM asked s
            JOIN questions q ON q.id = s.question_id
            JOIN cards k ON k.question_id = q.id AND k.status IN ('active', 'suspended')
            LEFT JOIN dimensions d ON d.key = q.dimension
            WHERE s.here OR s.companies >= 2
               OR q.dimension IN (SELECT dimension FROM role_dimensions)
        )
    """  # noqa: S608 - fixed fragments only
    # One query: the shown rows carry the totals of all likely questions.
    rows = cur.execute(
        query  # noqa: S608 - fixed fragments only
        + """
        SELECT likely.*, totals.*
        FROM likely, (
            SELECT count(*), count(*) FILTER (WHERE recall < $desired), coalesce(sum(recall), 0)
            FROM likely
        ) AS totals
        ORDER BY 3 * here::INTEGER + 2 * (companies >= 2)::INTEGER + role_dim::INTEGER DESC,
                 recall, id
        LIMIT $limit
        """,
        params,
    ).fetchall()
    count, below, recall_sum = rows[0][-3:] if rows else (0, 0, 0)
    return [LikelyQuestion(*r[:-3]) for r in rows], count, below, recall_sum


def _actions(cur, interview: UpcomingInterview):
    rows = cur.execute(
        """
        SELECT a.text, a.aspect,
               coalesce(c.name || CASE WHEN i.round <> '' THEN ' · ' || i.round ELSE '' END, ''),
               coalesce(i.company_id = $company, false) AS here
        FROM actions a
        LEFT JOIN interviews i ON i.id = a.interview_id
        LEFT JOIN companies c ON c.id = i.company_id
        WHERE a.status = 'open'
        ORDER BY here DESC, a.interview_id IS NOT NULL, i.scheduled_at DESC, a.created_at, a.id
        LIMIT $limit
        """,
        {"company": interview.company_id, "limit": ACTIONS_LIMIT},
    ).fetchall()
    open_count, done, total = cur.execute(
        "SELECT count(*) FILTER (WHERE status = 'open'), count(*) FILTER (WHERE status = 'done'),"
        " count(*) FROM actions"
    ).fetchone()
    return [OpenAction(*r) for r in rows], open_count, done, total


def _stories(cur, interview: UpcomingInterview, now: datetime):
    rows = cur.execute(
        """
        WITH uses AS (
            SELECT su.story_id, su.use, i.company_id
            FROM story_uses su JOIN interviews i ON i.id = su.interview_id
            WHERE i.scheduled_at <= $now
        )
        SELECT s.title,
               bool_or(u.use = 'told') AS told_anywhere,
               coalesce(bool_or(u.company_id = $company AND u.use IN ('told', 'partly')), false)
                   AS told_here
        FROM stories s LEFT JOIN uses u ON u.story_id = s.id
        GROUP BY s.id, s.title
        ORDER BY told_anywhere NULLS FIRST, s.title, s.id
        """,
        {"now": utc(now), "company": interview.company_id},
    ).fetchall()
    untold = [UntoldStory(title, bool(told)) for title, told, here in rows if not here]
    told_once = sum(1 for _, told, _ in rows if told)
    return untold[:STORIES_LIMIT], told_once, len(rows)


def _advice(cur, interview: UpcomingInterview, now: datetime) -> list[Advice]:
    rows = cur.execute(
        """
        SELECT i.id, i.scheduled_at, c.name, i.round, i.interviewer, r.advice
        FROM interviews i
        JOIN companies c ON c.id = i.company_id
        JOIN reviews r ON r.interview_id = i.id
        WHERE i.company_id = ? AND i.scheduled_at <= ? AND trim(r.advice) <> ''
        ORDER BY i.scheduled_at DESC, i.id DESC
        LIMIT ?
        """,
        [interview.company_id, utc(now), ADVICE_LIMIT],
    ).fetchall()
    return [Advice(r[0], r[1].astimezone(now.tzinfo), *r[2:]) for r in rows]


# --- Words ------------------------------------------------------------------------


def days_left_text(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def rehearse_first(brief: Brief) -> str:
    """One line: what to rehearse before this interview."""
    return _rehearse_first(
        brief.interview, brief.days_left, brief.likely, brief.likely_count,
        brief.below_target, brief.desired_retention,
    )  # fmt: skip


def rehearse_first_line(
    cur: duckdb.DuckDBPyConnection, interview: UpcomingInterview, now: datetime
) -> str:
    """`rehearse_first` of the interview's brief, making only the part of the brief it
    needs (the likely questions), for a page that shows this line without the brief."""
    scheduler = _scheduler(cur)
    likely, likely_count, below, _ = _likely_questions(cur, interview, now, scheduler)
    return _rehearse_first(
        interview, days_until(interview.scheduled_at, now), likely, likely_count, below,
        scheduler.desired_retention,
    )  # fmt: skip


def _rehearse_first(
    interview: UpcomingInterview,
    days_left: int,
    likely: list[LikelyQuestion],
    likely_count: int,
    below_target: int,
    desired_retention: float,
) -> str:
    weak = [q for q in likely if q.recall_on_day < desired_retention]
    title = interview.company
    if not weak:
        if not likely_count:
            return f"No rehearsal cards match the questions likely at {title} yet."
        return (
            f"All {plural(likely_count, 'likely question')} for {title} should be at or "
            f"above {desired_retention:.0%} recall on the day."
        )
    from coach.takeaways import quote

    names = ", ".join(quote(q.text, 50) for q in weak[:3])
    return (
        f"Before {title} ({days_left_text(days_left)}), rehearse "
        f"{plural(below_target, 'likely question')} below "
        f"{desired_retention:.0%} recall on the day, first {names}."
    )


def brief_markdown(brief: Brief, now: datetime) -> str:
    """The brief as a Markdown document for download."""
    i = brief.interview
    score = brief.readiness.score
    lines = [
        f"# Readiness brief: {md_line(i.title)}",
        "",
        f"- Interview: {i.scheduled_at:%a} {day_text(i.scheduled_at)} {i.scheduled_at:%Y, %H:%M}"
        f" ({days_left_text(brief.days_left)})",
        f"- Company kind: {vocabulary.COMPANY_KINDS[i.kind]}",
        f"- Readiness: {'not enough data' if score is None else f'{score:.0%}'}",
        f"- Prepared on {day_text(now)} {now:%Y}",
        "",
        f"{brief.readiness.explanation()}",
        "",
        "## Questions most likely to come up",
        "",
    ]
    if not brief.likely:
        lines.append("No rehearsal cards match the questions likely here yet.")
    else:
        lines.append(
            f"Predicted recall on the interview day; the target is "
            f"{brief.desired_retention:.0%}. {brief.below_target} of {brief.likely_count} "
            "likely questions are below it."
        )
        lines.append("")
        lines.append("| Question | Dimension | Why likely | Recall on the day |")
        lines.append("|---|---|---|---|")
        for q in brief.likely:
            recall = f"{q.recall_on_day:.0%}" if q.rehearsed else "never rehearsed"
            cells = [md_line(q.text), md_line(q.dimension_label), ", ".join(q.reasons), recall]
            lines.append(f"| {' | '.join(cells)} |")
    lines += ["", "## Open actions", ""]
    if not brief.open_actions:
        lines.append("No open improvement actions.")
    for a in brief.open_actions:
        where = f" ({md_line(a.where)})" if a.where else " (general)"
        lines.append(f"- [ ] {md_line(a.text)} — {a.aspect_label}{where}")
    if brief.open_count > len(brief.open_actions):
        lines.append(f"- … and {brief.open_count - len(brief.open_actions)} more")
    lines += ["", f"## Stories not yet told at {md_line(i.company)}", ""]
    if not brief.untold_stories:
        lines.append("Every story in your bank has been told here.")
    for s in brief.untold_stories:
        note = "told in full elsewhere" if s.told_elsewhere else "never told in full"
        lines.append(f"- {md_line(s.title)} ({note})")
    lines += ["", f"## Advice from earlier interviewers at {md_line(i.company)}", ""]
    if not brief.advice:
        lines.append("None recorded.")
    for a in brief.advice:
        who = f", {md_line(a.interviewer)}" if a.interviewer else ""
        lines.append(f"- {day_text(a.scheduled_at)}{who}: {md_line(a.advice)}")
    return "\n".join(lines) + "\n"

"""The readiness brief for one upcoming interview, and its Markdown download.

What goes into it, in the order the brief shows it:

- **Days left**: calendar days from today to the interview's day, in the candidate's zone.
- **Likely questions**: `coach.likely.likely_questions`, the one answer to "what do I
  rehearse before this interview?" that the cram view and Home use too: each with its
  reasons in words and its predicted recall on the day, those to rehearse first.
- **Open actions**: this company's first, then general ones, then the rest.
- **Stories**: those already told at this company in earlier rounds (so a final round
  does not hear the same one twice), and those never told anywhere that cover what
  this interview's likely questions ask for: a skill of the story shares a word with
  a likely question (compared as in `coach.similar`), or the story was marked missed,
  though relevant, at this company or for a similar role.
- **Advice** earlier interviewers at this company gave.
- **Readiness score**: a weighted mean of three shares, each shown with its parts:
  half the average predicted recall on the day of the likely questions that have a
  rehearsal card, a quarter the share of improvement actions done, a quarter the share
  of stories told in full at least once. A part without data is left out and the
  others are weighted up in proportion. With few earlier interviews the score says so
  (`coach.likely.evidence_text`).

Nothing here reads the clock: `now` is a parameter, aware, in the candidate's zone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach import i18n, vocabulary, wording
from coach.i18n import N_, _, ngettext, pgettext
from coach.likely import (
    LikelyQuestion,
    LikelyQuestions,
    UpcomingInterview,
    default_interview,
    likely_questions,
    score_explanation,
    upcoming_interviews,
)
from coach.reviews import Advice
from coach.scheduling import utc
from coach.similar import question_keys, similar_roles
from coach.text import md_line
from coach.wording import day_text, quote

__all__ = ["UpcomingInterview", "default_interview", "upcoming_interviews"]

ACTIONS_LIMIT = 15
STORIES_LIMIT = 20
ADVICE_LIMIT = 20
WEIGHTS = {"recall": 0.5, "actions": 0.25, "stories": 0.25}
WEIGHT_WORDS = {0.5: N_("half"), 0.25: N_("a quarter")}


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
class ToldStory:
    """A story already told at this company, in its latest earlier round there."""

    title: str
    use: str  # "told" or "partly"
    round: str
    scheduled_at: datetime  # in the candidate's zone

    @property
    def where(self) -> str:
        day = day_text(self.scheduled_at)
        if self.use == "told":
            if self.round:
                return _("told in {round}, {day}").format(round=self.round, day=day)
            return _("told in an earlier round, {day}").format(day=day)
        if self.round:
            return _("told partly in {round}, {day}").format(round=self.round, day=day)
        return _("told partly in an earlier round, {day}").format(day=day)


@dataclass(frozen=True)
class FittingStory:
    """A story never told anywhere that covers what this interview's questions ask for."""

    title: str
    reason: str


@dataclass(frozen=True)
class Part:
    name: str  # a key of WEIGHTS
    value: float | None  # 0-1; None: no data
    done: float  # numerator, for the explanation
    of: int  # denominator


@dataclass(frozen=True)
class Readiness:
    parts: list[Part]
    evidence: str = ""  # how much the likely questions rest on (coach.likely.evidence_text)

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

    @property
    def score_text(self) -> str:
        """The score with what it rests on: '25% (based on 1 earlier interview: a first guess)'."""
        score = self.score
        if score is None:
            return _("not enough data yet")
        if not self.evidence:
            return wording.percent(score)
        return _("{score} ({evidence})").format(
            score=wording.percent(score), evidence=self.evidence
        )

    def explanation(self) -> str:
        """The formula in plain words, with this brief's numbers."""
        if not self.counted:
            return _(
                "Readiness needs rehearsal cards for the likely questions, improvement "
                "actions or stories; there are none yet."
            )
        clauses = [_clause(p) for p in self.parts]
        text = _("Readiness is {parts}.").format(
            parts=pgettext("between the parts of the readiness score", "; plus ").join(clauses)
        )
        if len(self.counted) < len(self.parts) and self.counted:
            text += _(" The parts with data are weighted up in proportion.")
        return text


def _clause(p: Part) -> str:
    """One part of the readiness score in words: its weight, what it is, its value."""
    weight = _(WEIGHT_WORDS[WEIGHTS[p.name]])
    value = _("no data yet, so left out") if p.value is None else wording.percent(p.value)
    if p.name == "recall":
        return ngettext(
            "{weight} your average predicted recall on the day of the {n} likely question "
            "with a rehearsal card: {value}",
            "{weight} your average predicted recall on the day of the {n} likely questions "
            "with a rehearsal card: {value}",
            p.of,
        ).format(weight=weight, n=p.of, value=value)
    if p.name == "actions":
        return _(
            "{weight} the share of improvement actions you have done ({done} of {total}): {value}"
        ).format(weight=weight, done=f"{p.done:.0f}", total=p.of, value=value)
    return _(
        "{weight} the share of your stories told in full at least once ({done} of {total}): {value}"
    ).format(weight=weight, done=f"{p.done:.0f}", total=p.of, value=value)


@dataclass(frozen=True)
class Brief:
    likely: LikelyQuestions
    open_actions: list[OpenAction]
    open_count: int
    told_here: list[ToldStory]  # latest first
    fitting_stories: list[FittingStory]
    advice: list[Advice]
    readiness: Readiness

    @property
    def interview(self) -> UpcomingInterview:
        return self.likely.interview

    @property
    def days_left(self) -> int:
        return self.likely.days_left


def readiness_brief(cur: duckdb.DuckDBPyConnection, interview_id: int, now: datetime) -> Brief:
    likely = likely_questions(cur, interview_id, now)
    interview = likely.interview
    carded = [q for q in likely.questions if q.card_id is not None and q.card_status != "retired"]
    recall_sum = sum(q.recall_on_day or 0.0 for q in carded)
    actions, open_count, done, total = _actions(cur, interview)
    told_once, story_count = _story_counts(cur, now)
    readiness = Readiness(
        [
            Part("recall", recall_sum / len(carded) if carded else None, recall_sum,
                 len(carded)),
            Part("actions", done / total if total else None, done, total),
            Part("stories", told_once / story_count if story_count else None, told_once,
                 story_count),
        ],
        evidence=likely.evidence_text,
    )  # fmt: skip
    return Brief(
        likely=likely,
        open_actions=actions,
        open_count=open_count,
        told_here=_told_here(cur, interview, now),
        fitting_stories=_fitting_stories(cur, likely, now),
        advice=_advice(cur, interview, now),
        readiness=readiness,
    )


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


def _story_counts(cur, now: datetime) -> tuple[int, int]:
    """Stories told in full at least once (in a held interview), and all stories."""
    return cur.execute(
        """
        SELECT count(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM story_uses su JOIN interviews i ON i.id = su.interview_id
                   WHERE su.story_id = s.id AND su.use = 'told' AND i.scheduled_at <= ?)),
               count(*)
        FROM stories s
        """,
        [utc(now)],
    ).fetchone()


def _told_here(cur, interview: UpcomingInterview, now: datetime) -> list[ToldStory]:
    rows = cur.execute(
        """
        SELECT s.title, arg_max(su.use, i.scheduled_at), arg_max(i.round, i.scheduled_at),
               max(i.scheduled_at) AS last
        FROM story_uses su
        JOIN interviews i ON i.id = su.interview_id
        JOIN stories s ON s.id = su.story_id
        WHERE i.company_id = $company AND su.use IN ('told', 'partly')
          AND i.scheduled_at <= $now AND i.scheduled_at < $at AND i.id <> $interview
        GROUP BY s.id, s.title
        ORDER BY last DESC, s.title, s.id
        LIMIT $limit
        """,
        {
            "company": interview.company_id,
            "now": utc(now),
            "at": utc(interview.scheduled_at),
            "interview": interview.interview_id,
            "limit": STORIES_LIMIT,
        },
    ).fetchall()
    return [ToldStory(r[0], r[1], r[2], r[3].astimezone(now.tzinfo)) for r in rows]


def _fitting_stories(cur, likely: LikelyQuestions, now: datetime) -> list[FittingStory]:
    """Stories never told (fully or partly) anywhere that fit this interview: missed though
    relevant here or for a similar role, or showing a skill a likely question asks for."""
    interview = likely.interview
    rows = cur.execute(
        """
        WITH held AS (
            SELECT i.id, i.company_id, i.role, c.name AS company
            FROM interviews i JOIN companies c ON c.id = i.company_id
            WHERE i.scheduled_at <= ? AND i.id <> ?
        )
        SELECT s.id, s.title, s.skills,
               list({'company': h.company, 'role': h.role, 'here': h.company_id = ?}
                    ORDER BY h.id DESC) FILTER (WHERE su.use = 'missed')
        FROM stories s
        LEFT JOIN story_uses su ON su.story_id = s.id
        LEFT JOIN held h ON h.id = su.interview_id
        GROUP BY s.id, s.title, s.skills
        HAVING NOT coalesce(bool_or(su.use IN ('told', 'partly') AND h.id IS NOT NULL), false)
        ORDER BY lower(s.title), s.id
        LIMIT 500
        """,
        [utc(now), interview.interview_id, interview.company_id],
    ).fetchall()
    asked = [(q, question_keys(q.text)) for q in likely.questions]
    fitting = []
    for _story_id, title, skills, missed in rows:
        reason = _missed_reason(missed or [], interview) or _skill_reason(json.loads(skills), asked)
        if reason:
            fitting.append(FittingStory(title, reason))
    return fitting[:STORIES_LIMIT]


def _missed_reason(missed: list[dict], interview: UpcomingInterview) -> str | None:
    for use in missed:
        if use["here"]:
            return _("missed at {company}, where it was relevant").format(company=use["company"])
    for use in missed:
        if use["role"] and similar_roles(use["role"], interview.role):
            return _("missed at {company} ({role}), where it was relevant").format(
                company=use["company"], role=use["role"]
            )
    return None


def _skill_reason(skills: list[str], asked: list[tuple[LikelyQuestion, frozenset]]) -> str | None:
    for skill in skills:
        keys = question_keys(skill)
        for question, question_words in asked:
            if keys & question_words:
                return _("shows {skill}, which {question} asks for").format(
                    skill=skill, question=quote(question.text, 50)
                )
    return None


def _advice(cur, interview: UpcomingInterview, now: datetime) -> list[Advice]:
    rows = cur.execute(
        """
        SELECT i.id, i.scheduled_at, c.name, i.round, i.interviewer, r.advice
        FROM interviews i
        JOIN companies c ON c.id = i.company_id
        JOIN reviews r ON r.interview_id = i.id
        WHERE i.company_id = ? AND i.scheduled_at <= ? AND i.id <> ? AND trim(r.advice) <> ''
        ORDER BY i.scheduled_at DESC, i.id DESC
        LIMIT ?
        """,
        [interview.company_id, utc(now), interview.interview_id, ADVICE_LIMIT],
    ).fetchall()
    return [Advice(r[0], r[1].astimezone(now.tzinfo), *r[2:]) for r in rows]


# --- Words ------------------------------------------------------------------------


def days_left_text(days: int) -> str:
    if days <= 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    return ngettext("in {n} day", "in {n} days", days).format(n=days)


def rehearse_first(likely: LikelyQuestions) -> str:
    """One line: what to rehearse before this interview. Home, the insights glance and
    the brief show it, all from the same likely questions."""
    title = likely.interview.company
    weak = likely.to_rehearse
    target = wording.percent(likely.desired_retention)
    if not weak:
        if not likely.questions:
            if not likely.earlier:
                return _(
                    "Nothing to go on for {company} yet: review your interviews as they "
                    "happen, and their questions will show up here."
                ).format(company=title)
            return _("No question in your bank looks likely at {company} yet.").format(
                company=title
            )
        n = len(likely.questions)
        return ngettext(
            "All {n} likely question for {company} are answered well or at {target} recall "
            "on the day: keep them fresh.",
            "All {n} likely questions for {company} are answered well or at {target} recall "
            "on the day: keep them fresh.",
            n,
        ).format(n=n, company=title, target=target)
    names = pgettext("list separator", ", ").join(quote(q.text, 50) for q in weak[:3])
    return ngettext(
        "Before {company} ({when}), rehearse {n} likely question below {target} recall on "
        "the day, first {names}.",
        "Before {company} ({when}), rehearse {n} likely questions below {target} recall on "
        "the day, first {names}.",
        len(weak),
    ).format(
        company=title,
        when=days_left_text(likely.days_left),
        n=len(weak),
        target=target,
        names=names,
    )


def _long_day(moment: datetime) -> str:
    """'16 March 2026' / '2026年3月16日': a day written out, as a document dates itself."""
    if i18n.is_chinese():
        return wording.short_day(moment)
    return f"{day_text(moment)} {moment:%Y}"


def _long_moment(moment: datetime) -> str:
    """'Fri 20 March 2026, 10:00' / '2026年3月20日 周五 10:00'."""
    if i18n.is_chinese():
        return wording.moment_text(moment)
    return f"{wording.weekday(moment)} {_long_day(moment)}, {wording.clock(moment)}"


def brief_markdown(brief: Brief, now: datetime) -> str:
    """The brief as a Markdown document for download: the same likely questions, reasons
    and recall as the page shows, in the language in use."""
    i, likely = brief.interview, brief.likely
    lines = [
        _("# Readiness brief: {title}").format(title=md_line(i.title)),
        "",
        _("- Interview: {moment} ({when})").format(
            moment=_long_moment(i.scheduled_at), when=days_left_text(brief.days_left)
        ),
        _("- Company kind: {kind}").format(kind=vocabulary.COMPANY_KINDS[i.kind]),
        _("- Readiness: {score}").format(score=brief.readiness.score_text),
        _("- Prepared on {day}").format(day=_long_day(now)),
        "",
        f"{brief.readiness.explanation()}",
        "",
        f"{md_line(rehearse_first(likely))}",
        "",
        _("## Questions most likely to come up"),
        "",
        _("{explanation} The likely questions are {evidence}.").format(
            explanation=score_explanation(), evidence=likely.evidence_text
        ),
        "",
    ]
    if not likely.questions:
        lines.append(_("No question in your bank looks likely here yet."))
    target = wording.percent(likely.desired_retention)
    for heading, group in (
        (_("Rehearse first (below {target} recall on the day)").format(target=target),
         likely.to_rehearse),
        (_("Keep fresh (answered well, or rehearsed up to the target)"), likely.keep_fresh),
    ):  # fmt: skip
        if not group:
            continue
        lines += [f"### {heading}", ""]
        lines.append(_("| Question | Dimension | Why likely | Points | Recall on the day |"))
        lines.append("|---|---|---|--:|---|")
        reason_separator = pgettext("between reasons", "; ")
        for q in group:
            reasons = reason_separator.join(md_line(r) for r in q.reasons)
            lines.append(
                f"| {md_line(q.text)} | {md_line(q.dimension_label)} | {reasons} | {q.score} "
                f"| {q.recall_text} |"
            )
        lines.append("")
    if likely.count > len(likely.questions):
        more = likely.count - len(likely.questions)
        lines += [_("… and {n} less likely questions.").format(n=more), ""]
    lines += [_("## Open actions"), ""]
    if not brief.open_actions:
        lines.append(_("No open improvement actions."))
    for a in brief.open_actions:
        lines.append(
            _("- [ ] {action} — {aspect} ({where})").format(
                action=md_line(a.text), aspect=a.aspect_label, where=md_line(a.where)
            )
            if a.where
            else _("- [ ] {action} — {aspect} (general)").format(
                action=md_line(a.text), aspect=a.aspect_label
            )
        )
    if brief.open_count > len(brief.open_actions):
        lines.append(_("- … and {n} more").format(n=brief.open_count - len(brief.open_actions)))
    company = md_line(i.company)
    lines += ["", _("## Stories already told at {company}").format(company=company), ""]
    if not brief.told_here:
        lines.append(_("None yet: every story is new to them."))
    for s in brief.told_here:
        lines.append(
            _("- {story} ({where})").format(story=md_line(s.title), where=md_line(s.where))
        )
    lines += ["", _("## Stories never told that fit this interview"), ""]
    if not brief.fitting_stories:
        lines.append(_("None found among your untold stories."))
    for f in brief.fitting_stories:
        lines.append(
            _("- {story}: {reason}").format(story=md_line(f.title), reason=md_line(f.reason))
        )
    lines += ["", _("## Advice from earlier interviewers at {company}").format(company=company), ""]
    if not brief.advice:
        lines.append(_("None recorded."))
    for a in brief.advice:
        day = day_text(a.scheduled_at)
        lines.append(
            _("- {day}, {interviewer}: {advice}").format(
                day=day, interviewer=md_line(a.interviewer), advice=md_line(a.advice)
            )
            if a.interviewer
            else _("- {day}: {advice}").format(day=day, advice=md_line(a.advice))
        )
    return "\n".join(lines) + "\n"

"""One interview's review as a whole: gathered for the summary screen, written as Markdown
for the candidate in the language in use (its file name stays ASCII)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from coach import actions as action_store
from coach import questions as question_bank
from coach import reviews, stories, vocabulary, wording
from coach.i18n import _
from coach.interviews import Interview, get_interview
from coach.text import md


@dataclass(frozen=True)
class ReviewReport:
    interview: Interview
    review: reviews.Review | None
    asks: list[reviews.Ask]
    story_uses: list[tuple[stories.Story, str]]  # (story, use), in bank order
    actions: list[action_store.Action]
    dimensions: dict[str, str]
    misses: dict[int, stories.StoryMiss] = field(default_factory=dict)  # story id -> miss

    @property
    def summary(self) -> reviews.QuestionsSummary:
        return reviews.summarise_asks(self.asks)


def load_report(cur: duckdb.DuckDBPyConnection, interview_id: int) -> ReviewReport:
    uses = stories.story_uses(cur, interview_id)
    return ReviewReport(
        interview=get_interview(cur, interview_id),
        review=reviews.get_review(cur, interview_id),
        asks=reviews.list_asks(cur, interview_id),
        story_uses=[(s, uses[s.id]) for s in stories.list_stories(cur) if s.id in uses],
        actions=action_store.list_actions(cur, interview_id),
        dimensions=question_bank.dimensions(cur),
        misses=stories.story_misses(cur, interview_id),
    )


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in md(text).splitlines()] or [">"]


def _label(mapping: Mapping, key, missing: str | None = None) -> str:
    if key is None:
        return missing if missing is not None else _("not recorded")
    return mapping.get(key, missing if missing is not None else _("not recorded"))


def _local(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return ""
    return wording.moment_text(moment.astimezone(now.tzinfo))


def _fact(label: str, value: str) -> str:
    """One '- **Label:** value' line (the colon is the language's own)."""
    return _("- **{label}:** {value}").format(label=label, value=value)


def _yes(flag: bool | None) -> str:
    return {True: _("yes"), False: _("no"), None: _("not recorded")}[flag]


def to_markdown(report: ReviewReport, now: datetime, *, top: int = 1) -> str:
    """The review as a Markdown document, in the language in use (dates in the zone of `now`).

    `top` is the level of the document's heading (3 to show it inside a page).
    """
    h1, h2, h3 = ("#" * (top + i) for i in range(3))
    interview, review = report.interview, report.review
    out = [_("{h} Interview review: {title}").format(h=h1, title=md(interview.title)), ""]
    facts = [
        _fact(_("When"), _local(interview.scheduled_at, now)),
        _fact(_("Format"), vocabulary.INTERVIEW_FORMATS[interview.format]),
        _fact(
            _("Company"),
            _("{company} ({kind})").format(
                company=md(interview.company),
                kind=vocabulary.COMPANY_KINDS[interview.company_kind].lower(),
            ),
        ),
    ]
    if interview.interviewer:
        facts.append(_fact(_("Interviewer"), md(interview.interviewer)))
    facts.append(_fact(_("Outcome"), vocabulary.OUTCOMES[interview.outcome]))
    if review is None:
        out += [*facts, "", _("_Not reviewed yet._"), ""]
        return "\n".join(out)
    plan = review.depth_plan
    if review.completed:
        status = _("completed {moment} · {depth} (about {minutes} minutes)").format(
            moment=_local(review.completed_at, now), depth=plan.label, minutes=plan.minutes
        )
    else:
        status = _("draft · {depth} (about {minutes} minutes)").format(
            depth=plan.label, minutes=plan.minutes
        )
    facts.append(_fact(_("Review"), status))
    out += [*facts, ""]

    out += [h2 + " " + _("1. Overall performance"), ""]
    out.append(
        _fact(_("Overall rating"), _label(vocabulary.OVERALL_RATINGS, review.overall_rating))
    )
    out.append(_fact(_("How I came across"), _label(vocabulary.SELF_STATES, review.self_state)))
    if review.nerves:
        out.append(_fact(_("Nerves"), vocabulary.NERVES[review.nerves]))
    if review.self_state_notes:
        out += _quote(review.self_state_notes)
    out.append(
        _fact(
            _("The interviewer's reaction"),
            _label(vocabulary.INTERVIEWER_REACTIONS, review.interviewer_reaction),
        )
    )
    if review.reaction_notes:
        out += _quote(review.reaction_notes)
    out.append("")

    summary = report.summary
    out += [h2 + " " + _("2. Questions and answers"), ""]
    if not report.asks:
        out += [_("_No questions recorded._"), ""]
    else:
        counts = (
            _(
                "{asks} questions · {weak} to rehearse · {doubted} doubted (prepare evidence) · "
                "{strong} strong · {cards} rehearsal cards"
            )
            if summary.doubted
            else _(
                "{asks} questions · {weak} to rehearse · {strong} strong · {cards} rehearsal cards"
            )
        )
        out += [
            counts.format(
                asks=summary.asks,
                weak=summary.weak,
                doubted=summary.doubted,
                strong=summary.strong,
                cards=summary.cards,
            ),
            "",
        ]
    for number, ask in enumerate(report.asks, start=1):
        stored = report.dimensions.get(ask.dimension, ask.dimension)
        dimension = vocabulary.dimension_label(ask.dimension, stored)
        out += [
            _("{h} Q{number}. {question}").format(h=h3, number=number, question=md(ask.question)),
            "",
            _fact(_("Dimension"), md(dimension)),
        ]
        out.append(_fact(_("Self score"), _label(vocabulary.SELF_SCORES, ask.self_score)))
        out.append(_fact(_("Interviewer's signal"), _label(vocabulary.SIGNALS, ask.signal)))
        if ask.cause and ask.asks_why_weak:
            out.append(_fact(_("Cause"), vocabulary.CAUSES[ask.cause]))
        diagnosis = ask.diagnosis
        if diagnosis:
            out.append(_fact(_("Diagnosis"), diagnosis.meaning))
            out.append(_fact(_("Fix"), diagnosis.fix))
        if ask.card_id is not None:
            kind = vocabulary.CARD_KINDS.get(ask.card_kind or "answer", "")
            out.append(_fact(_("Rehearsal card"), _("yes ({kind})").format(kind=kind.lower())))
        if ask.kept_text is not None:
            out.append(_fact(_("Kept as an answer version"), _("yes")))
        if ask.answer_notes:
            out += ["", _("What I answered:"), "", *_quote(ask.answer_notes)]
        if ask.what_went_wrong:
            out += ["", _("What went wrong, and why:"), "", *_quote(ask.what_went_wrong)]
        for name, label in reviews.EVIDENCE_LABELS.items():
            if getattr(ask, name):
                out += ["", _("{label}:").format(label=label), "", *_quote(getattr(ask, name))]
        out.append("")

    out += [h2 + " " + _("3. The interview relationship"), ""]
    harmony = _("{level} / 5").format(level=review.harmony) if review.harmony else _("not recorded")
    out.append(_fact(_("Harmony"), harmony))
    out.append(_fact(_("Pace"), _label(vocabulary.PACES, review.pace)))
    for label, text in (
        (_("Topics I was passionate about"), review.passionate_topics),
        (_("The interviewer's advice"), review.advice),
        (_("Referral"), review.referral),
    ):
        if text:
            out += [_fact(label, "").rstrip(), *_quote(text)]
    out.append("")

    out += [h2 + " " + _("4. Strengths told or missed"), ""]
    out.append(_fact(_("Led entirely by the interviewer"), _yes(review.led_by_interviewer)))
    numbers = {ask.id: number for number, ask in enumerate(report.asks, start=1)}
    for story, use in report.story_uses:
        line = _("- {story}: {use}").format(
            story=md(story.title), use=vocabulary.STORY_USES[use].lower()
        )
        miss = report.misses.get(story.id)
        if use == "missed" and miss is not None:
            if miss.missed_reason:
                line += _(" — {reason}").format(
                    reason=vocabulary.MISSED_REASONS[miss.missed_reason]
                )
            if miss.bridge_ask_id in numbers:
                line += _("; could have been told after Q{number}").format(
                    number=numbers[miss.bridge_ask_id]
                )
        out.append(line)
    if not report.story_uses:
        out.append(_("- _No stories marked._"))
    out.append("")

    out += [h2 + " " + _("Improvement plan"), ""]
    if not report.actions:
        out += [_("_No actions yet._"), ""]
    for aspect, label in vocabulary.ASPECTS.items():
        planned = [a for a in report.actions if a.aspect == aspect]
        if not planned:
            continue
        out += [f"{h3} {label}", ""]
        for action in planned:
            box = "x" if action.done else " "
            out.append(f"- [{box}] {md(' '.join(action.text.split()))}")
        out.append("")
    out.append(_("_Written by Interview Coach on {moment}._").format(moment=_local(now, now)))
    return "\n".join(out) + "\n"


def file_name(interview: Interview) -> str:
    """A safe download name: review-2026-03-16-acme.md."""
    slug = re.sub(r"[^\w]+", "-", interview.company.casefold()).strip("-")[:40] or "interview"
    return f"review-{interview.scheduled_at:%Y-%m-%d}-{slug}.md"


def reports_zip(cur: duckdb.DuckDBPyConnection, now: datetime) -> bytes:
    """A zip of the Markdown report of every reviewed interview, oldest first."""
    import io
    import zipfile

    ids = [
        row[0]
        for row in cur.execute(
            "SELECT i.id FROM interviews i JOIN reviews r ON r.interview_id = i.id"
            " ORDER BY i.scheduled_at, i.id"
        ).fetchall()
    ]
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for interview_id in ids:
            report = load_report(cur, interview_id)
            name = file_name(report.interview)
            if name in used:  # two rounds at one company on one day
                name = name.removesuffix(".md") + f"-{interview_id}.md"
            used.add(name)
            archive.writestr(name, to_markdown(report, now))
    return buffer.getvalue()

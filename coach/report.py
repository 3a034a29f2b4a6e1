"""One interview's review as a whole: gathered for the summary screen, written as Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from coach import actions as action_store
from coach import questions as question_bank
from coach import reviews, stories, vocabulary
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


def _label(mapping: dict, key, missing: str = "not recorded") -> str:
    return mapping.get(key, missing) if key is not None else missing


def _local(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(now.tzinfo)
    return f"{local:%Y-%m-%d %H:%M}"


def to_markdown(report: ReviewReport, now: datetime, *, top: int = 1) -> str:
    """The review as a Markdown document (dates in the zone of `now`).

    `top` is the level of the document's heading (3 to show it inside a page).
    """
    h1, h2, h3 = ("#" * (top + i) for i in range(3))
    interview, review = report.interview, report.review
    out = [f"{h1} Interview review: {md(interview.title)}", ""]
    facts = [
        f"- **When:** {_local(interview.scheduled_at, now)}",
        f"- **Format:** {vocabulary.INTERVIEW_FORMATS[interview.format]}",
        f"- **Company:** {md(interview.company)} "
        f"({vocabulary.COMPANY_KINDS[interview.company_kind].lower()})",
    ]
    if interview.interviewer:
        facts.append(f"- **Interviewer:** {md(interview.interviewer)}")
    facts.append(f"- **Outcome:** {vocabulary.OUTCOMES[interview.outcome]}")
    if review is None:
        out += [*facts, "", "_Not reviewed yet._", ""]
        return "\n".join(out)
    status = "completed " + _local(review.completed_at, now) if review.completed else "draft"
    plan = review.depth_plan
    facts.append(f"- **Review:** {status} · {plan.label} (about {plan.minutes} minutes)")
    out += [*facts, ""]

    out += [f"{h2} 1. Overall performance", ""]
    out.append(f"- **Overall rating:** {_label(vocabulary.OVERALL_RATINGS, review.overall_rating)}")
    out.append(f"- **How I came across:** {_label(vocabulary.SELF_STATES, review.self_state)}")
    if review.nerves:
        out.append(f"- **Nerves:** {vocabulary.NERVES[review.nerves]}")
    if review.self_state_notes:
        out += _quote(review.self_state_notes)
    out.append(
        "- **The interviewer's reaction:** "
        + _label(vocabulary.INTERVIEWER_REACTIONS, review.interviewer_reaction)
    )
    if review.reaction_notes:
        out += _quote(review.reaction_notes)
    out.append("")

    summary = report.summary
    out += [f"{h2} 2. Questions and answers", ""]
    if not report.asks:
        out += ["_No questions recorded._", ""]
    else:
        out += [
            f"{summary.asks} questions · {summary.weak} to rehearse · "
            + (f"{summary.doubted} doubted (prepare evidence) · " if summary.doubted else "")
            + f"{summary.strong} strong · {summary.cards} rehearsal cards",
            "",
        ]
    for number, ask in enumerate(report.asks, start=1):
        dimension = report.dimensions.get(ask.dimension, ask.dimension)
        out += [f"{h3} Q{number}. {md(ask.question)}", "", f"- **Dimension:** {md(dimension)}"]
        out.append(f"- **Self score:** {_label(vocabulary.SELF_SCORES, ask.self_score)}")
        out.append(f"- **Interviewer's signal:** {_label(vocabulary.SIGNALS, ask.signal)}")
        if ask.cause and ask.asks_why_weak:
            out.append(f"- **Cause:** {vocabulary.CAUSES[ask.cause]}")
        diagnosis = ask.diagnosis
        if diagnosis:
            out.append(f"- **Diagnosis:** {diagnosis.meaning}")
            out.append(f"- **Fix:** {diagnosis.fix}")
        if ask.card_id is not None:
            kind = vocabulary.CARD_KINDS.get(ask.card_kind or "answer", "")
            out.append(f"- **Rehearsal card:** yes ({kind.lower()})")
        if ask.kept_text is not None:
            out.append("- **Kept as an answer version:** yes")
        if ask.answer_notes:
            out += ["", "What I answered:", "", *_quote(ask.answer_notes)]
        if ask.what_went_wrong:
            out += ["", "What went wrong, and why:", "", *_quote(ask.what_went_wrong)]
        for name, label in reviews.EVIDENCE_LABELS.items():
            if getattr(ask, name):
                out += ["", f"{label}:", "", *_quote(getattr(ask, name))]
        out.append("")

    out += [f"{h2} 3. The interview relationship", ""]
    harmony = f"{review.harmony} / 5" if review.harmony else "not recorded"
    out.append(f"- **Harmony:** {harmony}")
    out.append(f"- **Pace:** {_label(vocabulary.PACES, review.pace)}")
    for label, text in (
        ("Topics I was passionate about", review.passionate_topics),
        ("The interviewer's advice", review.advice),
        ("Referral", review.referral),
    ):
        if text:
            out += [f"- **{label}:**", *_quote(text)]
    out.append("")

    out += [f"{h2} 4. Strengths told or missed", ""]
    led = {True: "yes", False: "no", None: "not recorded"}[review.led_by_interviewer]
    out.append(f"- **Led entirely by the interviewer:** {led}")
    numbers = {ask.id: number for number, ask in enumerate(report.asks, start=1)}
    for story, use in report.story_uses:
        line = f"- {md(story.title)}: {vocabulary.STORY_USES[use].lower()}"
        miss = report.misses.get(story.id)
        if use == "missed" and miss is not None:
            if miss.missed_reason:
                line += f" — {vocabulary.MISSED_REASONS[miss.missed_reason]}"
            if miss.bridge_ask_id in numbers:
                line += f"; could have been told after Q{numbers[miss.bridge_ask_id]}"
        out.append(line)
    if not report.story_uses:
        out.append("- _No stories marked._")
    out.append("")

    out += [f"{h2} Improvement plan", ""]
    if not report.actions:
        out += ["_No actions yet._", ""]
    for aspect, label in vocabulary.ASPECTS.items():
        planned = [a for a in report.actions if a.aspect == aspect]
        if not planned:
            continue
        out += [f"{h3} {label}", ""]
        for action in planned:
            box = "x" if action.done else " "
            out.append(f"- [{box}] {md(' '.join(action.text.split()))}")
        out.append("")
    out.append(f"_Written by Interview Coach on {_local(now, now)}._")
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

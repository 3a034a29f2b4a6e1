"""Insights, predictions: how well the kept briefs predicted the questions asked,
interview by interview (snapshots and scorecards themselves: coach.predictions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import altair as alt
import duckdb

from coach import palette, wording
from coach.i18n import N_, _, ngettext, pgettext
from coach.insights.charting import HEIGHT, colour_scale, frame, shorten, validated_once, vega_time
from coach.insights.filters import HELD, Filters
from coach.insights.takeaway import Takeaway

# The chart's two parts of the questions asked, and their colours.
PARTS = {"hit": N_("Predicted by the brief"), "surprise": N_("Surprise")}


def prediction_colours() -> dict[str, str]:
    """The parts as the legend names them, in the language in use, and their colours."""
    return {_(label): palette.PREDICTION[part] for part, label in PARTS.items()}


@validated_once
def prediction_chart(rows: Sequence[ScoredInterview]) -> alt.Chart:
    """Per reviewed interview with a kept brief: the questions asked, split into those the
    brief predicted and the surprises."""
    labels: list[str] = []
    seen: dict[str, int] = {}
    for r in rows:
        label = f"{wording.short_day(r.scheduled_at)} · {shorten(r.company, 28)}"
        # Two rounds on one day at one company stay two bars.
        seen[label] = seen.get(label, 0) + 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    data = frame(
        [
            {
                "interview": label,
                "company": r.company,
                "when": vega_time(r.scheduled_at),
                "day": wording.full_day(r.scheduled_at),
                "part": part,
                "order": order,
                "questions": count,
                "asked": r.asked,
                "predicted": r.predicted,
            }
            for r, label in zip(rows, labels, strict=True)
            for order, (part, count) in enumerate(
                ((_(PARTS["hit"]), r.hits), (_(PARTS["surprise"]), r.surprises))
            )
        ]
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "interview:N",
                title=None,
                sort=None,
                axis=alt.Axis(labelAngle=-40, labelLimit=200),
            ),
            y=alt.Y("questions:Q", title=_("Questions asked"), axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("part:N", title=None, scale=colour_scale(prediction_colours())),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("company:N", title=_("Company")),
                # Written by wording, not by Vega's English-only date format.
                alt.Tooltip("day:N", title=_("Date")),
                alt.Tooltip("part:N", title=_("Questions")),
                alt.Tooltip("questions:Q", title=_("How many")),
                alt.Tooltip("asked:Q", title=_("Questions asked")),
                alt.Tooltip("predicted:Q", title=_("Likely questions the brief listed")),
            ],
        )
        .properties(height=HEIGHT)
    )


@dataclass(frozen=True)
class ScoredInterview:
    interview_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    kind: str
    predicted: int
    asked: int
    hits: int

    @property
    def surprises(self) -> int:
        return self.asked - self.hits


def scored_interviews(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime, *, latest: int = 60
) -> list[ScoredInterview]:
    """Held interviews (as filtered) with a prediction kept before them and questions
    recorded: the latest `latest`, oldest first. Counted in SQL."""
    rows = cur.execute(
        f"""
        WITH latest AS (
            SELECT p.interview_id, arg_max(p.id, (p.taken_at, p.id)) AS prediction_id
            FROM predictions p JOIN interviews i ON i.id = p.interview_id
            WHERE p.taken_at < i.scheduled_at
            GROUP BY p.interview_id
        ),
        asked AS (
            SELECT DISTINCT interview_id, question_id FROM asks
        ),
        scored AS (
            SELECT i.id, i.scheduled_at, c.name, c.kind,
                   (SELECT count(*) FROM predicted_questions pq
                    WHERE pq.prediction_id = l.prediction_id) AS predicted,
                   (SELECT count(*) FROM asked s WHERE s.interview_id = i.id) AS asked,
                   (SELECT count(*) FROM asked s JOIN predicted_questions pq
                        ON pq.question_id = s.question_id AND pq.prediction_id = l.prediction_id
                    WHERE s.interview_id = i.id) AS hits
            FROM latest l
            JOIN interviews i ON i.id = l.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE {HELD}
        )
        SELECT * FROM (
            SELECT * FROM scored WHERE asked > 0 ORDER BY scheduled_at DESC, id DESC LIMIT $latest
        ) ORDER BY scheduled_at, id
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "latest": latest},
    ).fetchall()
    return [ScoredInterview(r[0], r[1].astimezone(now.tzinfo), *r[2:]) for r in rows]


def prediction_takeaway(rows: list[ScoredInterview]) -> Takeaway:
    if not rows:
        return Takeaway(
            _(
                "No reviewed interview has a prediction yet. Open *Prepare* for an upcoming "
                "interview; after you review it, you will see how well its brief predicted it."
            ),
            False,
        )
    hits, asked = sum(r.hits for r in rows), sum(r.asked for r in rows)
    # Two counts in one sentence: the interviews' count chooses the phrase's form, and
    # the questions' count is a phrase of its own.
    questions = ngettext("{n} question", "{n} questions", asked).format(n=asked)
    text = ngettext(
        "Your briefs predicted {hits} of the {questions} asked in {n} interview ({share})",
        "Your briefs predicted {hits} of the {questions} asked in {n} interviews ({share})",
        len(rows),
    ).format(hits=hits, questions=questions, n=len(rows), share=wording.percent(hits / asked))
    if len(rows) >= 4:
        half = len(rows) // 2
        before = _share(rows[:half])
        after = _share(rows[half:])
        if before is not None and after is not None:
            was, now = wording.percent(before), wording.percent(after)
            if was != now:
                text += (
                    _("; the share rose from {before} to {after} in the later half")
                    if after > before
                    else _("; the share fell from {before} to {after} in the later half")
                ).format(before=was, after=now)
    return Takeaway(text + pgettext("end of a sentence", "."))


def _share(rows: list[ScoredInterview]) -> float | None:
    asked = sum(r.asked for r in rows)
    return sum(r.hits for r in rows) / asked if asked else None

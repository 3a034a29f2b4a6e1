"""Insights, recurring questions: questions asked in more than one interview, with
their predicted recall today against the candidate's target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import altair as alt
import duckdb

from coach import palette
from coach.i18n import _, ngettext
from coach.insights.charting import colour_scale, frame, shorten, validated_once
from coach.insights.filters import HELD, Filters, scheduler_of
from coach.insights.takeaway import Takeaway
from coach.recall import recall_params, recall_sql, recall_text
from coach.review_rules import WEAK_ASK_SQL
from coach.vocabulary import dimension_label
from coach.wording import percent, quote

RECURRING_LIMIT = 30


@dataclass(frozen=True)
class RecurringQuestion:
    question_id: int
    text: str
    stored_dimension_label: str  # the journal's; a seeded dimension is shown translated
    companies: int  # distinct companies that asked it
    asks: int
    weak_asks: int
    card_status: str | None  # None: no card
    recall_today: float | None  # predicted recall now; None without a rehearsed card
    dimension: str = ""  # its key

    @property
    def dimension_label(self) -> str:
        return dimension_label(self.dimension, self.stored_dimension_label)


def recurring_questions(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    min_companies: int = 2,
    limit: int = RECURRING_LIMIT,
) -> list[RecurringQuestion]:
    """Bank questions asked at `min_companies` or more companies, most widely asked first."""
    recall = recall_sql("k")
    rows = cur.execute(
        f"""
        WITH asked AS (
            SELECT a.question_id, count(DISTINCT i.company_id) AS companies, count(*) AS asks,
                   count(*) FILTER (WHERE {WEAK_ASK_SQL}) AS weak
            FROM asks a
            JOIN interviews i ON i.id = a.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE {HELD}
            GROUP BY a.question_id
            HAVING count(DISTINCT i.company_id) >= $min_companies
        )
        SELECT q.id, q.text, coalesce(d.label, q.dimension), s.companies, s.asks, s.weak,
               k.status, CASE WHEN k.last_review IS NULL THEN NULL ELSE {recall} END AS recall,
               q.dimension
        FROM asked s
        JOIN questions q ON q.id = s.question_id
        LEFT JOIN dimensions d ON d.key = q.dimension
        LEFT JOIN cards k ON k.question_id = q.id
        ORDER BY s.companies DESC, s.asks DESC, recall NULLS FIRST, q.id
        LIMIT $limit
        """,  # noqa: S608 - fixed fragments only
        {
            **filters.params(now),
            **recall_params(scheduler_of(cur), now),
            "min_companies": min_companies,
            "limit": limit,
        },
    ).fetchall()
    return [RecurringQuestion(*row) for row in rows]


def recurring_takeaway(rows: Sequence[RecurringQuestion], desired: float) -> Takeaway:
    if not rows:
        return Takeaway(
            _("No question has come up at two or more companies yet."),
            enough=False,
        )
    top = rows[0]
    weak = [r for r in rows if r.recall_today is not None and r.recall_today < desired]
    unrehearsed = [r for r in rows if r.recall_today is None and r.weak_asks]
    parts = [
        ngettext(
            "{n} question came up at two or more companies, led by {question} "
            "({companies} companies)",
            "{n} questions came up at two or more companies, led by {question} "
            "({companies} companies)",
            len(rows),
        ).format(n=len(rows), question=quote(top.text, 45), companies=top.companies)
    ]
    if weak:
        parts.append(
            _("{n} below {target} predicted recall today").format(
                n=len(weak), target=percent(desired)
            )
        )
    if unrehearsed:
        parts.append(_("{n} answered weakly and never rehearsed").format(n=len(unrehearsed)))
    return Takeaway(_("{parts}.").format(parts=_("; ").join(parts)))


@validated_once
def recurring_chart(rows: Sequence[RecurringQuestion], desired: float) -> alt.Chart:
    """Questions asked at two or more companies; colour is predicted recall today."""
    target = percent(desired)
    below, above = (
        _("Below {target}").format(target=target),
        _("{target} or above").format(target=target),
    )
    new, no_card = _("New card"), _("No rehearsal card")
    data = frame(
        [
            {
                "question": shorten(r.text, 60),
                "text": r.text,
                "dimension": r.dimension_label,
                "companies": r.companies,
                "asks": r.asks,
                "weak": r.weak_asks,
                "recall": (
                    _("no card")
                    if r.card_status is None
                    else _("new")
                    if r.recall_today is None
                    else recall_text(r.recall_today)
                ),
                "state": (
                    no_card
                    if r.card_status is None
                    else new
                    if r.recall_today is None
                    else (below if r.recall_today < desired else above)
                ),
            }
            for r in rows
        ]
    )
    states = {
        below: palette.RECALL["below"],
        above: palette.RECALL["above"],
        new: palette.RECALL["new"],
        no_card: palette.RECALL["no card"],
    }
    return (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            x=alt.X(
                "companies:Q", title=_("Companies that asked it"), axis=alt.Axis(tickMinStep=1)
            ),
            y=alt.Y(
                "question:N",
                title=None,
                sort=None,
                axis=alt.Axis(labelLimit=380, labelOverlap=False),
            ),
            color=alt.Color(
                "state:N",
                title=_("Recall today"),
                scale=colour_scale(states),
            ),
            tooltip=[
                alt.Tooltip("text:N", title=_("Question")),
                alt.Tooltip("dimension:N", title=_("Dimension")),
                alt.Tooltip("companies:Q", title=_("Companies")),
                alt.Tooltip("asks:Q", title=_("Times asked")),
                alt.Tooltip("weak:Q", title=_("Weak answers")),
                alt.Tooltip("recall:N", title=_("Predicted recall today")),
            ],
        )
        .properties(height=alt.Step(24))
    )

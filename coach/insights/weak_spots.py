"""Insights, where I am weak: interviewer signals per dimension (the heatmap and
its asks), and the dimensions ranked by their share of weak answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import altair as alt
import duckdb

from coach import palette, vocabulary
from coach.i18n import N_, _, ngettext
from coach.insights.charting import colour_scale, frame, validated_once
from coach.insights.filters import HELD, LISTING_LIMIT, Filters, in_zone
from coach.insights.takeaway import Takeaway
from coach.review_rules import DOUBTED_ASK_SQL, WEAK_ASK_SQL
from coach.vocabulary import dimension_label

NO_SIGNAL = "none"  # the heatmap's key for asks recorded without a signal


# The heatmap's signals, in order: the method's signals, then asks without one.
SIGNAL_KEYS = (*vocabulary.SIGNALS, NO_SIGNAL)


def signal_label(signal: str) -> str:
    """A signal's label in the language in use (read when shown: a module-level copy of
    the vocabulary would keep the language of the first visitor)."""
    return _("No signal") if signal == NO_SIGNAL else vocabulary.SIGNALS[signal]


@dataclass(frozen=True)
class SignalCell:
    dimension: str
    stored_dimension_label: str  # the journal's; a seeded dimension is shown translated
    signal: str  # a key of SIGNAL_KEYS
    asks: int

    @property
    def dimension_label(self) -> str:
        return dimension_label(self.dimension, self.stored_dimension_label)

    @property
    def signal_label(self) -> str:
        return signal_label(self.signal)


_ASKS_FROM = """
    FROM asks a
    JOIN interviews i ON i.id = a.interview_id
    JOIN companies c ON c.id = i.company_id
    JOIN questions q ON q.id = a.question_id
    LEFT JOIN dimensions d ON d.key = q.dimension
"""


def signal_cells(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> list[SignalCell]:
    """Asks counted by (dimension, signal), in the dimensions' order."""
    rows = cur.execute(
        f"""
        SELECT q.dimension, coalesce(any_value(d.label), q.dimension),
               coalesce(a.signal, '{NO_SIGNAL}') AS sig, count(*)
        {_ASKS_FROM}
        WHERE {HELD}
        GROUP BY q.dimension, sig
        ORDER BY coalesce(any_value(d.position), 1000), q.dimension,
                 array_position($signals, sig)
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "signals": list(SIGNAL_KEYS)},
    ).fetchall()
    return [SignalCell(*row) for row in rows]


@dataclass(frozen=True)
class DimensionWeakness:
    dimension: str
    stored_label: str  # the journal's; a seeded dimension is shown translated
    asks: int
    weak: int  # asks weak by the review method's rule (self score, signal or cause)
    avg_self_score: float | None
    # Asks probed for details though scored Good or Strong (review_rules.is_doubted_ask):
    # counted apart from the weak ones, never among them.
    doubted: int = 0

    @property
    def label(self) -> str:
        return dimension_label(self.dimension, self.stored_label)

    @property
    def weak_share(self) -> float:
        return self.weak / self.asks if self.asks else 0.0


MIN_ASKS_TO_RANK = 2


def dimension_weakness(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> list[DimensionWeakness]:
    """Dimensions, weakest first: by share of weak asks, then by number of weak asks.

    Dimensions with fewer than MIN_ASKS_TO_RANK asks come last: one answer says too
    little to rank on.
    """
    rows = cur.execute(
        f"""
        SELECT q.dimension, coalesce(any_value(d.label), q.dimension), count(*) AS asks,
               count(*) FILTER (WHERE {WEAK_ASK_SQL}) AS weak, avg(a.self_score),
               count(*) FILTER (WHERE {DOUBTED_ASK_SQL}) AS doubted
        {_ASKS_FROM}
        WHERE {HELD}
        GROUP BY q.dimension
        ORDER BY (asks < {MIN_ASKS_TO_RANK}), weak / asks DESC, weak DESC,
                 coalesce(any_value(d.position), 1000), q.dimension
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [DimensionWeakness(*row) for row in rows]


@dataclass(frozen=True)
class AskListing:
    ask_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    question: str
    self_score: int | None
    signal: str | None
    cause: str | None
    answer_notes: str
    what_went_wrong: str
    best_answer: str | None  # the latest saved answer to the question, if any


def asks_in_cell(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    dimension: str,
    signal: str,
    *,
    limit: int = LISTING_LIMIT,
) -> list[AskListing]:
    """The asks of one heatmap cell, latest first, with what was said and the best answer."""
    rows = cur.execute(
        f"""
        SELECT a.id, i.scheduled_at, c.name, q.text, a.self_score, a.signal, a.cause,
               a.answer_notes, a.what_went_wrong,
               (SELECT arg_max(w.text, w.created_at) FROM answers w
                WHERE w.question_id = a.question_id)
        {_ASKS_FROM}
        WHERE {HELD} AND q.dimension = $dimension
          AND coalesce(a.signal, '{NO_SIGNAL}') = $signal
        ORDER BY i.scheduled_at DESC, a.position
        LIMIT $limit
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "dimension": dimension, "signal": signal, "limit": limit},
    ).fetchall()
    return [AskListing(r[0], in_zone(r[1], now), *r[2:]) for r in rows]


MIN_ASKS = 5


def weakness_takeaway(dimensions: Sequence[DimensionWeakness], top: int = 3) -> Takeaway:
    asks = sum(d.asks for d in dimensions)
    if asks < MIN_ASKS:
        return Takeaway(
            _(
                "Record at least {minimum} questions in your reviews to see where you are "
                "weak; you have {n}."
            ).format(minimum=MIN_ASKS, n=asks),
            enough=False,
        )
    weakest = [d for d in dimensions if d.weak and d.asks >= 2][:top]
    doubted = _doubted_sentence(dimensions)
    if not weakest:
        if doubted:
            return Takeaway(
                _("None of your {n} recorded answers was weak. {doubted}").format(
                    n=asks, doubted=doubted
                )
            )
        return Takeaway(_("None of your {n} recorded answers was weak. Keep it up.").format(n=asks))
    first = weakest[0]
    listed = [
        _("{dimension} ({weak} of {asks} answers weak)").format(
            dimension=first.label, weak=first.weak, asks=first.asks
        )
    ]
    listed += [
        _("{dimension} ({weak} of {asks})").format(dimension=d.label, weak=d.weak, asks=d.asks)
        for d in weakest[1:]
    ]
    text = _("Weakest: {dimensions}.").format(dimensions=_(", ").join(listed))
    if not doubted:
        return Takeaway(text)
    return Takeaway(_("{weakest} {doubted}").format(weakest=text, doubted=doubted))


def _doubted_sentence(dimensions: Sequence[DimensionWeakness]) -> str:
    """Answers scored good that the interviewer probed: named apart from the weak ones."""
    doubted = sorted((d for d in dimensions if d.doubted), key=lambda d: -d.doubted)
    if not doubted:
        return ""
    total = sum(d.doubted for d in doubted)
    if total == 1:
        return _(
            "Doubted: 1 answer you scored good was probed for details ({dimension}): "
            "prepare evidence for it."
        ).format(dimension=doubted[0].label)
    where = _(", ").join(
        _("{dimension} {n}").format(dimension=d.label, n=d.doubted) for d in doubted[:3]
    )
    return ngettext(
        "Doubted: {n} answer you scored good was probed for details ({dimensions}): "
        "prepare evidence for it.",
        "Doubted: {n} answers you scored good were probed for details ({dimensions}): "
        "prepare evidence for them.",
        total,
    ).format(n=total, dimensions=where)


HEATMAP_SELECTION = "cell"


# The heatmap's column heads: short enough to sit side by side.
SIGNAL_SHORT = {
    "positive": N_("Positive"),
    "neutral": N_("Neutral"),
    "interrupted": N_("Interrupted"),
    "confused": N_("Confused"),
    "probed": N_("Probed"),
    "none": N_("No signal"),
}


# How an answer went, by its signal: the heatmap's colour.
TONE_LABELS = {"good": N_("Good"), "neutral": N_("Neutral"), "weak": N_("Weak")}


def tone_colours() -> dict[str, str]:
    return {_(TONE_LABELS[tone]): name for tone, name in palette.TONE.items()}


def _tone(signal: str) -> str:
    if signal == "positive":
        tone = "good"
    else:
        tone = "weak" if signal in ("interrupted", "confused", "probed") else "neutral"
    return _(TONE_LABELS[tone])


@validated_once
def heatmap_chart(cells: Sequence[SignalCell]) -> alt.LayerChart:
    """Dimension × signal: red for weak signals, green for positive, deeper for more answers.

    Clicking a cell selects it (selection 'cell', fields dimension and signal).
    """
    dimensions = list(dict.fromkeys(c.dimension_label for c in cells))
    data = frame(
        [
            {
                "dimension": c.dimension,
                "signal": c.signal,
                "dimension_label": c.dimension_label,
                "signal_label": _(SIGNAL_SHORT[c.signal])
                if c.signal in SIGNAL_SHORT
                else c.signal_label,
                "signal_title": c.signal_label,
                "tone": _tone(c.signal),
                "asks": c.asks,
            }
            for c in cells
        ]
    )
    select = alt.selection_point(
        fields=["dimension", "signal"], name=HEATMAP_SELECTION, on="click", clear="dblclick"
    )
    base = alt.Chart().encode(
        x=alt.X(
            "signal_label:N",
            title=None,
            sort=[_(short) for short in SIGNAL_SHORT.values()],
            axis=alt.Axis(labelAngle=0, orient="top", labelOverlap=False, labelLimit=90),
        ),
        y=alt.Y("dimension_label:N", title=None, sort=dimensions, axis=alt.Axis(labelLimit=220)),
    )
    rects = (
        base.mark_rect(stroke="white", strokeWidth=2, cornerRadius=3, cursor="pointer")
        .encode(
            color=alt.Color("tone:N", legend=None, scale=colour_scale(tone_colours())),
            opacity=alt.condition(
                select,
                alt.Opacity("asks:Q", legend=None, scale=alt.Scale(range=[0.3, 1])),
                alt.value(0.12),
            ),
            tooltip=[
                alt.Tooltip("dimension_label:N", title=_("Dimension")),
                alt.Tooltip("signal_title:N", title=_("Signal")),
                alt.Tooltip("asks:Q", title=_("Answers")),
            ],
        )
        .add_params(select)
    )
    labels = base.mark_text(fontSize=13, fontWeight="bold", color=palette.TEXT).encode(
        text="asks:Q"
    )
    return alt.layer(rects, labels, data=data).properties(height=max(160, 34 * len(dimensions)))


@validated_once
def weakness_chart(dimensions: Sequence[DimensionWeakness]) -> alt.Chart:
    """Dimensions ranked by the share of weak answers."""
    order = [d.label for d in dimensions]
    ranked, few = _("Ranked"), _("Too few answers")
    data = frame(
        [
            {
                "dimension": d.label,
                "weak_share": round(d.weak_share, 4),
                "weak": d.weak,
                "doubted": d.doubted,
                "asks": d.asks,
                "avg_self": None if d.avg_self_score is None else round(d.avg_self_score, 2),
                "rank": ranked if d.asks >= 2 else few,
            }
            for d in dimensions
        ]
    )
    return (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            x=alt.X(
                "weak_share:Q",
                title=_("Share of answers that were weak"),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y("dimension:N", title=None, sort=order, axis=alt.Axis(labelLimit=220)),
            color=alt.Color(
                "rank:N",
                legend=None,
                scale=colour_scale({ranked: palette.WEAK, few: palette.FEW}),
            ),
            tooltip=[
                alt.Tooltip("dimension:N", title=_("Dimension")),
                alt.Tooltip("weak:Q", title=_("Weak answers")),
                alt.Tooltip("doubted:Q", title=_("Doubted answers (good, yet probed)")),
                alt.Tooltip("asks:Q", title=_("Answers")),
                alt.Tooltip("weak_share:Q", title=_("Share weak"), format=".0%"),
                alt.Tooltip("avg_self:Q", title=_("Average self score (1-4)")),
            ],
        )
        .properties(height=max(160, 30 * len(order)))
    )

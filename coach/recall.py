"""Predicted recall: fsrs's forgetting curve, in SQL over many cards at once, and in words.

fsrs-6 predicts the chance of recalling a card `t` whole days after its last review as
R(t, S) = (1 + factor * t / S) ** decay, with S the card's stability, decay = -w20 (the
scheduler's 21st parameter) and factor = 0.9 ** (1 / decay) - 1, so that R(S, S) = 90%.
`fsrs.Scheduler.get_card_retrievability` computes it for one card; the queue, the card
browser, the brief and Insights need it for thousands, so it is written here once as
SQL over a row of `cards` (tests/test_recall.py checks it against fsrs itself).
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import fsrs

from coach import wording
from coach.days import MICROSECONDS_PER_DAY
from coach.i18n import _
from coach.scheduling import utc


def recall_sql(alias: str = "c") -> str:
    """Predicted recall at `$recall_at` of the card row `alias`, as SQL (see the module).

    t counts the whole days from the last review to `$recall_at` (never negative). A
    card never reviewed has R = 0. The parameters come from `recall_params`. `alias` is
    a fixed table alias chosen by the caller, never user text.
    """
    return (
        f"(CASE WHEN {alias}.last_review IS NULL OR {alias}.stability IS NULL "
        f"OR {alias}.stability <= 0 THEN 0.0 "
        f"ELSE pow(1 + $recall_factor * greatest(0, (epoch_us($recall_at::TIMESTAMPTZ) "
        f"- epoch_us({alias}.last_review)) // {MICROSECONDS_PER_DAY}) / {alias}.stability, "
        f"$recall_decay) END)"
    )


def recall_params(scheduler: fsrs.Scheduler, at: datetime) -> dict[str, Any]:
    """The named parameters of `recall_sql`: `scheduler`'s curve, read at `at`."""
    decay = -scheduler.parameters[20]
    return {"recall_factor": 0.9 ** (1 / decay) - 1, "recall_decay": decay, "recall_at": utc(at)}


def recall_text(recall: float | None, *, rehearsed: bool = True) -> str:
    """Predicted recall as every page and download shows it: a whole percent, rounded
    down (89.7% reads 89%, so a card below a 90% target never shows 90%), or "new" for a
    card never rehearsed (fsrs knows nothing of it yet, so "0%" would mislead)."""
    if not rehearsed or recall is None:
        return _("new")
    return wording.percent(math.floor(round(recall * 100, 6)) / 100)

"""*Cram* for an upcoming interview on day D: the cards the interview's brief lists to
rehearse (`coach.likely`: likely questions whose active card is predicted below the
desired retention on D), in the brief's order; cards rehearsed today count as done
(they have had their turn). Spread over the days left before D, that is `per_day`
rehearsals a day.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach.likely import LikelyQuestions
from coach.practice.cards import CARD_COLUMNS, CARD_FROM, CardRow, card_row
from coach.scheduling import (
    utc,
)


@dataclass(frozen=True)
class CramPlan:
    """The brief's cards to rehearse before one interview, in the brief's order.

    The cards are `coach.likely`'s: the same as the brief's "rehearse first" list, so the
    two can never disagree. Each card's `recall` is its predicted recall on the day.
    """

    likely: LikelyQuestions
    cards: list[CardRow]  # the brief's order: most likely and weakest first
    done_today: frozenset[int]  # cards of the plan already rehearsed today
    days_left: int  # practice days from today up to the day before the interview

    @property
    def on(self) -> datetime:
        return utc(self.likely.interview.scheduled_at)

    @property
    def desired_retention(self) -> float:
        return self.likely.desired_retention

    @property
    def count(self) -> int:
        return len(self.cards)

    @property
    def remaining(self) -> list[CardRow]:
        return [c for c in self.cards if c.card_id not in self.done_today]

    @property
    def rehearsed_today(self) -> int:
        return len(self.done_today)

    @property
    def per_day(self) -> int:
        """Rehearsals a day that cover every card left once before the interview."""
        left = len(self.remaining)
        return math.ceil(left / self.days_left) if left else 0


def cram_plan(cur: duckdb.DuckDBPyConnection, likely: LikelyQuestions, now: datetime) -> CramPlan:
    """The cards to pull forward for the interview of `likely` (coach.likely_questions)."""
    recall = {q.card_id: q.recall_on_day for q in likely.to_rehearse}
    rows = _cards_by_id(cur, likely.card_ids)
    cards = [card_row(rows[i], recall=recall[i]) for i in likely.card_ids if i in rows]
    return CramPlan(
        likely=likely,
        cards=cards,
        done_today=frozenset(q.card_id for q in likely.to_rehearse if q.rehearsed_today),
        days_left=max(1, likely.days_left),
    )


def _cards_by_id(cur: duckdb.DuckDBPyConnection, card_ids: list[int]) -> dict[int, tuple]:
    if not card_ids:
        return {}
    rows = cur.execute(
        f"SELECT {CARD_COLUMNS} {CARD_FROM} WHERE list_contains(?, c.id)",  # noqa: S608
        [list(card_ids)],
    ).fetchall()
    return {row[0]: row for row in rows}

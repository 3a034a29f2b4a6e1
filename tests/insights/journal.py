"""The small hand-built journal the Insights tests read (built by the `small` fixture).

The journal (NOW is Monday 16 March 2026, 18:30 UTC):

- Beta (practice): i1 on 1 March (rated 1, rejected), i3 on 9 March (rated 2, advanced).
- Acme (target): i2 on 5 March (rated 3, advanced; advice and a referral), i4 on
  12 March (rated 4, pending; advice), and i5 on 20 March, upcoming.
- Ten asks of four questions; three cards (q1 and q2 rehearsed, q3 never); three stories.
"""

from __future__ import annotations

from datetime import UTC, datetime

from coach.insights.filters import Filters
from coach.scheduling import card_from_row, make_scheduler

NOW = datetime(2026, 3, 16, 18, 30, tzinfo=UTC)
ALL = Filters()


def at(day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def recall(cur, card_id: int, moment: datetime) -> float:
    """What fsrs itself predicts for the stored card."""
    row = cur.execute(
        "SELECT fsrs_state, fsrs_step, stability, difficulty, due, last_review FROM cards "
        "WHERE id = ?",
        [card_id],
    ).fetchone()
    return make_scheduler(fuzzing=False).get_card_retrievability(
        card_from_row(card_id, row), moment
    )

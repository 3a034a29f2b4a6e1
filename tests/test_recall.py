"""The forgetting curve in SQL (coach.recall) against fsrs's own, and recall in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import fsrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.recall import recall_params, recall_sql, recall_text
from coach.scheduling import ensure_card, load_card, make_scheduler, record_rehearsal

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


def sql_recall(cur, card_id: int, scheduler: fsrs.Scheduler, at: datetime) -> float:
    return cur.execute(
        f"SELECT {recall_sql('c')} FROM cards c WHERE c.id = $id",  # noqa: S608
        {**recall_params(scheduler, at), "id": card_id},
    ).fetchone()[0]


def new_card(cur, text: str, now: datetime) -> int:
    question_id = cur.execute(
        "INSERT INTO questions (text, dimension) VALUES (?, 'behavioural') RETURNING id", [text]
    ).fetchone()[0]
    return ensure_card(cur, question_id, origin="manual", now=now)[0]


def test_the_sql_forgetting_curve_matches_fsrs_for_stored_cards(cur):
    scheduler = make_scheduler(0.85, fuzzing=False)
    base = datetime(2026, 1, 1, 9, tzinfo=UTC)
    cases = [
        (1, 0.4, base, base + timedelta(hours=5)),
        (2, 1.5, base, base + timedelta(days=1, hours=23, minutes=59)),
        (3, 12.0, base, base + timedelta(days=30)),
        (4, 250.0, base, base + timedelta(days=400, seconds=1)),
        (5, 3.0, base, base - timedelta(days=2)),  # asked about a time before the review
        (6, None, None, base),  # never reviewed
    ]
    cur.execute("INSERT INTO questions (id, text) SELECT i, 'q' || i FROM range(1, 7) t(i)")
    for card_id, stability, last, _ in cases:
        cur.execute(
            "INSERT INTO cards (id, question_id, fsrs_state, stability, difficulty, due,"
            " last_review) VALUES (?, ?, 2, ?, 5, ?, ?)",
            [card_id, card_id, stability, base, last],
        )
    for card_id, stability, last, moment in cases:
        card = fsrs.Card(
            card_id=card_id,
            state=fsrs.State.Review if last else fsrs.State.Learning,
            stability=stability,
            difficulty=5.0 if last else None,
            due=base,
            last_review=last,
        )
        expected = scheduler.get_card_retrievability(card, moment)
        assert sql_recall(cur, card_id, scheduler, moment) == pytest.approx(expected, abs=1e-12)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    grades=st.lists(st.sampled_from([AGAIN, HARD, GOOD, EASY]), min_size=0, max_size=6),
    gaps=st.lists(st.integers(0, 40 * 24 * 60), min_size=6, max_size=6),
    later=st.integers(-3 * 24 * 60, 400 * 24 * 60),
    retention=st.sampled_from([0.8, 0.9, 0.95]),
)
def test_recall_computed_in_sql_equals_fsrs_after_any_rehearsals(
    cur, now, grades, gaps, later, retention
):
    scheduler = make_scheduler(retention, fuzzing=False)
    card_id = new_card(cur, f"Q {len(grades)} {later} {gaps}", now)
    at = now
    for grade, gap in zip(grades, gaps, strict=False):
        at += timedelta(minutes=gap)
        record_rehearsal(cur, card_id, grade, at=at, duration_ms=1, scheduler=scheduler)
    moment = at + timedelta(minutes=later)
    expected = scheduler.get_card_retrievability(load_card(cur, card_id), moment)
    assert sql_recall(cur, card_id, scheduler, moment) == pytest.approx(expected, rel=1e-12)


def test_the_curve_is_fsrs6_with_w20_and_ninety_percent_at_the_stability(cur, now):
    scheduler = make_scheduler(fuzzing=False)
    card_id = new_card(cur, "Why us?", now)
    record_rehearsal(cur, card_id, GOOD, at=now, duration_ms=1, scheduler=scheduler)
    card = load_card(cur, card_id)
    w20 = scheduler.parameters[20]
    factor = 0.9 ** (-1 / w20) - 1
    ten_days = (1 + factor * 10 / card.stability) ** (-w20)
    assert sql_recall(cur, card_id, scheduler, now + timedelta(days=10, hours=5)) == (
        pytest.approx(ten_days, rel=1e-12)
    )
    at_stability = (1 + factor * card.stability / card.stability) ** (-w20)
    assert at_stability == pytest.approx(0.9)


@pytest.mark.parametrize(
    ("recall", "rehearsed", "text"),
    [
        (0.8974, True, "89%"),  # rounded down: below a 90% target never reads 90%
        (0.95, True, "95%"),
        (1.0, True, "100%"),
        (0.0, False, "new"),  # never rehearsed: not "0%"
        (None, True, "new"),
    ],
)
def test_recall_reads_the_same_everywhere(recall, rehearsed, text):
    assert recall_text(recall, rehearsed=rehearsed) == text

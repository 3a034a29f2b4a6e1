"""Insights, recurring questions and their recall."""

from __future__ import annotations

import pytest

from coach.insights import recurring
from coach.insights.filters import Filters
from coach.insights.recurring import RecurringQuestion
from tests.insights.journal import ALL, NOW, recall
from tests.insights.specs import tooltips, values


def test_recurring_questions_carry_todays_predicted_recall(small):
    rows = recurring.recurring_questions(small, ALL, NOW)
    assert [(r.question_id, r.companies, r.asks, r.weak_asks, r.card_status) for r in rows] == [
        (1, 2, 4, 2, "active"),
        (2, 2, 3, 2, "active"),  # ask 9, probed but scored Good, is doubted, not weak
        (3, 2, 2, 1, "active"),
    ]
    assert rows[0].recall_today == pytest.approx(recall(small, 1, NOW), abs=1e-12)
    assert rows[1].recall_today == pytest.approx(recall(small, 2, NOW), abs=1e-12)
    assert rows[2].recall_today is None  # never rehearsed
    assert recurring.recurring_takeaway(rows, 0.9).text == (
        "3 questions came up at two or more companies, led by \u201cTell me about "
        "yourself.\u201d (2 companies); 1 answered weakly and never rehearsed."
    )
    assert recurring.recurring_questions(small, Filters(company_id=1), NOW) == []


def test_the_recurring_chart_colours_by_recall_against_the_target():
    rows = [
        RecurringQuestion(1, "Why us?", "Motivation", 3, 3, 1, "active", 0.8),
        RecurringQuestion(2, "Salary?", "Pay", 2, 2, 0, None, None),
        RecurringQuestion(3, "Intro", "Career", 2, 2, 0, "active", 0.95),
        RecurringQuestion(4, "Weakness?", "Behavioural", 2, 2, 2, "active", None),
    ]
    spec = recurring.recurring_chart(rows, 0.9).to_dict()
    # Recall reads as everywhere: a whole percent, "new" for a card never rehearsed.
    assert [(v["question"], v["state"], v["recall"]) for v in values(spec)] == [
        ("Why us?", "Below 90%", "80%"),
        ("Salary?", "No rehearsal card", "no card"),
        ("Intro", "90% or above", "95%"),
        ("Weakness?", "New card", "new"),
    ]
    assert "Predicted recall today" in tooltips(spec)

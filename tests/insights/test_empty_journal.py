"""Insights, an empty journal: every query answers, every takeaway says what is missing."""

from __future__ import annotations

from coach import readiness
from coach.insights import fixes, overall, recurring, rehearsal, relationship, stories, weak_spots
from coach.insights.filters import journal_counts
from tests.insights.journal import ALL, NOW


def test_every_query_answers_an_empty_journal_and_every_takeaway_says_so(cur):
    assert journal_counts(cur, NOW) == (0, 0)
    assert overall.rated_interviews(cur, ALL, NOW) == []
    assert weak_spots.signal_cells(cur, ALL, NOW) == []
    assert relationship.referrals(cur, ALL, NOW) == []
    assert stories.uncovered_skills(cur, ALL, NOW) == []
    assert rehearsal.rehearsals_per_day(cur, ALL, NOW) == []
    assert all(d.count == 0 for d in rehearsal.due_forecast(cur, NOW))
    assert rehearsal.true_retention(cur, ALL, NOW).share is None
    empty = [
        overall.rating_takeaway([]),
        overall.calibration_takeaway([]),
        weak_spots.weakness_takeaway([]),
        fixes.fixes_takeaway([]),
        relationship.relationship_takeaway([]),
        stories.story_takeaway([], []),
        recurring.recurring_takeaway([], 0.9),
        rehearsal.rehearsal_takeaway([], NOW.date()),
        rehearsal.forecast_takeaway(rehearsal.due_forecast(cur, NOW)),
        rehearsal.recall_takeaway(rehearsal.recall_distribution(cur, NOW), 0.9),
        rehearsal.retention_takeaway(rehearsal.true_retention(cur, ALL, NOW)),
    ]
    assert not any(t.enough for t in empty)
    assert overall.rating_takeaway([]).text == (
        "Rate at least 3 interviews to see a trend; you have rated 0."
    )
    assert readiness.upcoming_interviews(cur, NOW) == []
    assert readiness.default_interview([]) is None

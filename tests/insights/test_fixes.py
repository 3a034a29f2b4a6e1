"""Insights, are the fixes working: weak signals over time."""

from __future__ import annotations

import pytest

from coach.insights import fixes, overall, relationship
from coach.insights.filters import Filters
from coach.insights.fixes import SignalShares
from tests.insights.journal import ALL, NOW
from tests.insights.specs import WHEN, layers, mark, values


def test_signal_shares_per_interview_and_the_takeaways(small):
    shares = fixes.signal_shares(small, ALL, NOW)
    assert [(s.interview_id, s.asks, s.interrupted, s.confused, s.probed) for s in shares] == [
        (1, 2, 1, 1, 0),
        (2, 3, 1, 0, 1),
        (3, 2, 0, 0, 0),
        (4, 3, 0, 0, 1),
    ]
    assert shares[1].share("probed") == pytest.approx(1 / 3)
    assert fixes.signal_takeaway(shares).text == (
        "Interruptions fell from 40% of answers to 0% since 9 March (2 of 5, then 0 of 5)."
    )
    assert fixes.fixes_takeaway(shares).text == (
        "Share of answers since 9 March: interruptions fell from 40% to 0%; confused looks "
        "fell from 20% to 0%; probing for details held at 20%."
    )
    halves = fixes.signal_halves(small, ALL, NOW)
    assert halves == fixes.halves_of(shares)
    assert fixes.signal_takeaway(halves) == fixes.signal_takeaway(shares)
    assert fixes.fixes_takeaway(halves) == fixes.fixes_takeaway(shares)
    for filters in (Filters(company_id=1), Filters(company_id=99), Filters(kind="target")):
        assert fixes.signal_halves(small, filters, NOW) == fixes.halves_of(
            fixes.signal_shares(small, filters, NOW)
        )


def test_the_takeaways_summed_in_sql_match_those_from_every_interview(small):
    for filters in (ALL, Filters(company_id=1), Filters(company_id=99), Filters(kind="target")):
        rated = overall.rated_interviews(small, filters, NOW)
        halves = overall.rating_halves(small, filters, NOW)
        assert halves.count == len(rated)
        assert overall.rating_takeaway(halves) == overall.rating_takeaway(rated)
        points = relationship.relationship_points(small, filters, NOW)
        summary = relationship.relationship_summary(small, filters, NOW)
        assert relationship.relationship_takeaway(summary) == (
            relationship.relationship_takeaway(points)
        )
    rated = overall.rated_interviews(small, ALL, NOW)
    assert overall.rated_interviews(small, ALL, NOW, latest=2) == rated[-2:]
    with_harmony = [p for p in relationship.relationship_points(small, ALL, NOW) if p.harmony]
    assert (
        relationship.relationship_points(small, ALL, NOW, latest_with_harmony=2)
        == (with_harmony[-2:])
    )
    shares = fixes.signal_shares(small, ALL, NOW)
    assert fixes.signal_shares(small, ALL, NOW, latest=3) == shares[-3:]


def test_too_few_interviews_give_an_honest_empty_state(small):
    shares = fixes.signal_shares(small, Filters(company_id=1), NOW)
    take = fixes.signal_takeaway(shares)
    assert not take.enough
    assert take.text == (
        "Review at least 4 interviews with their questions to see whether the fixes work; "
        "you have 2."
    )


def test_the_fixes_chart_has_one_series_per_weak_signal_and_a_rolling_trend():
    spec = fixes.fixes_chart([SignalShares(1, WHEN, "Acme", "target", 4, 1, 0, 2)]).to_dict()
    assert [(v["signal"], v["share"], v["count"]) for v in values(spec)] == [
        ("Interrupted", 0.25, 1),
        ("Confused", 0.0, 0),
        ("Probed for details", 0.5, 2),
    ]
    points, trend = layers(spec)
    assert mark(points) == "circle"
    assert mark(trend) == "line"
    assert trend["transform"][0]["window"][0]["op"] == "mean"
    assert trend["transform"][0]["frame"] == [-(fixes.ROLLING - 1), 0]

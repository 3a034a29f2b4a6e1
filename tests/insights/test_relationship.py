"""Insights, relationship: harmony, pace, advice, referrals."""

from __future__ import annotations

from coach.insights import relationship
from coach.insights.relationship import RelationshipPoint
from tests.insights.journal import ALL, NOW
from tests.insights.specs import WHEN, layers, values


def test_harmony_and_pace_advice_and_referrals(small):
    points = relationship.relationship_points(small, ALL, NOW)
    assert [(p.harmony, p.pace) for p in points] == [
        (2, "too_fast"),
        (4, "right"),
        (3, "right"),
        (5, "right"),
    ]
    assert relationship.relationship_takeaway(points).text == (
        "Harmony rose from 3.0 to 4.0 (of 5) since 9 March; the pace felt too fast in 1 of 4 "
        "interviews."
    )
    advice = relationship.advice_received(small, ALL, NOW)
    assert [(a.company, a.interviewer, a.advice) for a in advice] == [
        ("Acme", "Dana Lee", "Lead with the answer."),
        ("Acme", "Sam Roe", "Quantify impact."),
    ]
    [referral] = relationship.referrals(small, ALL, NOW)
    assert referral.referral == "Referred to the Ops team."
    assert referral.outcome == "advanced"
    assert referral.follow_ups == [relationship.FollowUp("Email the Ops lead.", True)]
    assert [(later.round, later.outcome, later.upcoming) for later in referral.later] == [
        ("Second", "pending", False),
        ("Final", "pending", True),
    ]


def test_the_relationship_chart_draws_harmony_coloured_by_pace():
    spec = relationship.relationship_chart(
        [
            RelationshipPoint(1, WHEN, "Acme", "target", 4, "too_fast"),
            RelationshipPoint(2, WHEN, "Beta", "practice", None, "right"),
        ]
    ).to_dict()
    assert [(v["harmony"], v["pace"]) for v in values(spec)] == [(4, "Too fast")]
    line, dots = layers(spec)
    assert dots["encoding"]["color"]["field"] == "pace"

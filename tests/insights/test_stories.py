"""Insights, stories told, partly told, missed."""

from __future__ import annotations

from coach.insights import stories
from coach.insights.stories import StoryTally
from tests.insights.journal import ALL, NOW
from tests.insights.specs import values


def test_story_tallies_and_skills_no_told_story_shows(small):
    tallies = stories.story_tallies(small, ALL, NOW)
    assert [(t.title, t.told, t.partly, t.missed) for t in tallies] == [
        ("Forecast", 1, 1, 0),
        ("Unused", 0, 0, 0),
        ("Mentoring", 0, 0, 2),
    ]
    uncovered = stories.uncovered_skills(small, ALL, NOW)
    assert uncovered == ["coaching", "negotiation"]  # "Modelling" is shown by Forecast
    assert stories.story_takeaway(tallies, uncovered).text == (
        "\u201cMentoring\u201d was missed 2 times when it was relevant; 2 of 3 not yet told "
        "in full; skills not yet shown: coaching, negotiation."
    )


def test_the_stories_chart_stacks_told_partly_and_missed():
    spec = stories.stories_chart([StoryTally(1, "Forecast", 2, 0, 1, ())]).to_dict()
    assert [(v["use"], v["interviews"]) for v in values(spec)] == [
        ("Told fully", 2),
        ("Missed", 1),
    ]
    assert spec["encoding"]["color"]["scale"]["domain"] == ["Told fully", "Told partly", "Missed"]

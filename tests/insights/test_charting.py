"""Insights, the chart spec cache."""

from __future__ import annotations

from coach.insights import (
    charting,
    overall,
    weak_spots,
)
from coach.insights.overall import RatedInterview
from coach.insights.weak_spots import DimensionWeakness
from tests.insights.specs import WHEN, layers, mark, values


def test_a_spec_is_built_once_per_input_and_each_caller_gets_its_own_copy():
    rated = [RatedInterview(1, WHEN, "Acme", "target", "Final", 3, 2, "advanced")]
    first = charting.spec(overall.rating_trend_chart, rated)
    first["layer"].clear()  # a caller changing its copy changes nobody else's
    second = charting.spec(overall.rating_trend_chart, list(rated))
    assert [mark(layer) for layer in layers(second)] == ["line", "point"]
    built = overall.rating_trend_chart(rated).to_dict()
    assert {k: v for k, v in second.items() if k != "config"} == {
        k: v for k, v in built.items() if k != "config"
    }
    hits = charting._spec_text.cache_info().hits
    charting.spec(overall.rating_trend_chart, tuple(rated))
    assert charting._spec_text.cache_info().hits == hits + 1
    other = [RatedInterview(2, WHEN, "Beta", "practice", "First", 1, 1, "rejected")]
    assert values(charting.spec(overall.rating_trend_chart, other))[0]["company"] == "Beta"


def test_a_spec_leaves_the_size_to_streamlit():
    spec = charting.spec(
        weak_spots.weakness_chart, [DimensionWeakness("behavioural", "Behavioural", 4, 2, 2.5)]
    )
    assert "continuousWidth" not in spec.get("config", {}).get("view", {})

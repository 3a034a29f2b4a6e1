"""Chart builders, checked through the Vega-Lite spec they produce (`chart.to_dict()`)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from coach import palette
from coach.insights import (
    charting,
    fixes,
    overall,
    recurring,
    rehearsal,
    relationship,
    stories,
    weak_spots,
)
from coach.insights.fixes import SignalShares
from coach.insights.overall import CalibrationCell, RatedInterview
from coach.insights.recurring import RecurringQuestion
from coach.insights.rehearsal import DayCount, RecallBin
from coach.insights.relationship import RelationshipPoint
from coach.insights.stories import StoryTally
from coach.insights.weak_spots import DimensionWeakness, SignalCell

WHEN = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)


def values(spec: dict, top: dict | None = None) -> list[dict]:
    """The rows of a (possibly layered) spec: Altair puts a DataFrame's rows into the
    top-level `datasets` and refers to them by name."""
    top = top or spec
    if "data" in spec:
        data = spec["data"]
        return data["values"] if "values" in data else top["datasets"][data["name"]]
    return next(values(layer, top) for layer in spec["layer"] if "data" in layer)


def layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def mark(layer: dict) -> str:
    return layer["mark"] if isinstance(layer["mark"], str) else layer["mark"]["type"]


def tooltips(layer: dict) -> list[str]:
    return [t["title"] for t in layer["encoding"]["tooltip"]]


def test_the_rating_trend_tells_company_kinds_apart_in_local_time():
    spec = overall.rating_trend_chart(
        [RatedInterview(1, WHEN, "Acme", "target", "Final", 3, 2, "advanced")]
    ).to_dict()
    assert values(spec) == [
        {
            "when": "2026-03-02T10:30:00",
            "rating": 3,
            "rating_label": "Satisfied",
            "kind": "Target",
            "company": "Acme",
            "round": "Final",
            "outcome": "Advanced",
        }
    ]
    line, points = layers(spec)
    assert (mark(line), mark(points)) == ("line", "point")
    assert points["encoding"]["color"]["field"] == "kind"
    assert points["encoding"]["color"]["scale"]["domain"] == ["Target", "Practice", "Undecided"]
    assert tooltips(points) == ["Company", "Round", "Date", "Rating", "Outcome"]
    assert points["encoding"]["y"]["axis"]["values"] == [1, 2, 3, 4]


def test_the_calibration_grid_counts_ratings_against_results():
    spec = overall.calibration_chart(
        [CalibrationCell(1, "stopped", 2), CalibrationCell(4, "forward", 3)]
    ).to_dict()
    assert values(spec) == [
        {"rating": "Dissatisfied", "result": "Stopped", "interviews": 2},
        {"rating": "Very satisfied", "result": "Went forward", "interviews": 3},
    ]
    squares, labels = layers(spec)
    assert (mark(squares), mark(labels)) == ("rect", "text")
    assert labels["encoding"]["text"]["field"] == "interviews"
    assert squares["encoding"]["x"]["sort"] == ["Went forward", "Stopped", "Pending"]


def test_the_heatmap_is_selectable_by_dimension_and_signal():
    cells = [
        SignalCell("behavioural", "Behavioural", "probed", 4),
        SignalCell("behavioural", "Behavioural", "positive", 1),
        SignalCell("other", "Other", "none", 2),
    ]
    spec = weak_spots.heatmap_chart(cells).to_dict()
    assert [(v["dimension"], v["signal"], v["tone"], v["asks"]) for v in values(spec)] == [
        ("behavioural", "probed", "Weak", 4),
        ("behavioural", "positive", "Good", 1),
        ("other", "none", "Neutral", 2),
    ]
    rects, labels = layers(spec)
    [param] = spec["params"]  # Altair lifts a layer's selection to the top, naming the view
    assert param["views"] == [rects["name"]]
    assert param["name"] == weak_spots.HEATMAP_SELECTION == "cell"
    assert param["select"]["type"] == "point"
    assert param["select"]["fields"] == ["dimension", "signal"]
    assert tooltips(rects) == ["Dimension", "Signal", "Answers"]
    assert mark(labels) == "text"


def test_the_weakness_ranking_keeps_the_query_order():
    spec = weak_spots.weakness_chart(
        [
            DimensionWeakness("a", "Alpha", 4, 3, 2.0),
            DimensionWeakness("b", "Beta", 1, 1, 1.0),
        ]
    ).to_dict()
    assert spec["encoding"]["y"]["sort"] == ["Alpha", "Beta"]
    assert [(v["weak_share"], v["rank"]) for v in values(spec)] == [
        (0.75, "Ranked"),
        (1.0, "Too few answers"),
    ]
    assert spec["encoding"]["x"]["axis"]["format"] == "%"


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


def test_the_stories_chart_stacks_told_partly_and_missed():
    spec = stories.stories_chart([StoryTally(1, "Forecast", 2, 0, 1, ())]).to_dict()
    assert [(v["use"], v["interviews"]) for v in values(spec)] == [
        ("Told fully", 2),
        ("Missed", 1),
    ]
    assert spec["encoding"]["color"]["scale"]["domain"] == ["Told fully", "Told partly", "Missed"]


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


def test_rehearsal_charts_use_whole_days_and_the_target_rule():
    days = [DayCount(date(2026, 3, 2), 4), DayCount(date(2026, 3, 3), 0)]
    spec = rehearsal.rehearsals_chart(days).to_dict()
    assert values(spec) == [
        {"day": "2026-03-02T00:00:00", "count": 4},
        {"day": "2026-03-03T00:00:00", "count": 0},
    ]
    assert spec["encoding"]["x"]["timeUnit"] == "yearmonthdate"
    assert rehearsal.due_forecast_chart(days).to_dict()["mark"]["color"] == palette.HEX["violet"]

    bins = [RecallBin(round(i / 20, 2), 0) for i in range(20)]
    bins[18] = RecallBin(0.9, 5)
    hist = rehearsal.recall_histogram(bins, 0.9).to_dict()
    bars, rule = layers(hist)
    assert bars["encoding"]["x"]["scale"]["domain"] == [0.5, 1]
    assert values(bars, hist)[0] == {"low": 0.5, "high": 0.55, "cards": 0}
    assert values(rule, hist) == [{"target": 0.9}]


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

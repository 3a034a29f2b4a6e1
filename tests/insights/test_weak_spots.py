"""Insights, where I am weak: the heatmap, its asks, the ranking."""

from __future__ import annotations

import pytest

from coach.insights import weak_spots
from coach.insights.filters import Filters
from coach.insights.weak_spots import DimensionWeakness, SignalCell
from tests.insights.journal import ALL, NOW
from tests.insights.specs import layers, mark, tooltips, values


def test_signal_cells_count_asks_by_dimension_and_signal(small):
    cells = weak_spots.signal_cells(small, ALL, NOW)
    assert [(c.dimension, c.signal, c.asks) for c in cells] == [
        ("career_planning", "positive", 2),
        ("career_planning", "interrupted", 2),
        ("professional_ability", "confused", 1),
        ("professional_ability", "probed", 2),
        ("behavioural", "positive", 1),
        ("behavioural", "neutral", 1),
        ("logistics_pay", "positive", 1),
    ]
    assert cells[3].signal_label == "Probed for details"


def test_an_ask_without_a_signal_has_its_own_cell(small):
    small.execute(
        "INSERT INTO asks (id, interview_id, question_id, position, self_score)"
        " VALUES (11, 3, 4, 3, 3)"
    )
    cells = weak_spots.signal_cells(small, ALL, NOW)
    assert ("logistics_pay", "none", 1) in [(c.dimension, c.signal, c.asks) for c in cells]
    [listed] = weak_spots.asks_in_cell(small, ALL, NOW, "logistics_pay", "none")
    assert listed.signal is None


def test_dimensions_are_ranked_by_their_share_of_weak_asks(small):
    ranked = weak_spots.dimension_weakness(small, ALL, NOW)
    # Ask 9 was probed but scored Good: doubted, counted apart from the weak ones.
    assert [(d.dimension, d.weak, d.doubted, d.asks) for d in ranked] == [
        ("professional_ability", 2, 1, 3),
        ("career_planning", 2, 0, 4),
        ("behavioural", 1, 0, 2),
        ("logistics_pay", 0, 0, 1),  # one answer is too few to rank: last
    ]
    assert ranked[0].avg_self_score == pytest.approx(2.0)
    assert weak_spots.weakness_takeaway(ranked).text == (
        "Weakest: Professional ability (2 of 3 answers weak), Career planning (2 of 4), "
        "Behavioural (1 of 2). Doubted: 1 answer you scored good was probed for details "
        "(Professional ability): prepare evidence for it."
    )


def test_a_cell_lists_its_asks_latest_first_with_the_best_answer(small):
    listed = weak_spots.asks_in_cell(small, ALL, NOW, "professional_ability", "probed")
    assert [(a.ask_id, a.company, a.answer_notes, a.what_went_wrong) for a in listed] == [
        (9, "Acme", "Bridge first.", "Pushed on mix."),
        (4, "Acme", "Said price and volume.", "No mix."),
    ]
    assert {a.best_answer for a in listed} == {"Price, volume, mix."}
    assert weak_spots.asks_in_cell(small, Filters(company_id=2), NOW, "professional_ability",
                                 "probed") == []  # fmt: skip


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

"""Insights, overall trend: ratings and calibration."""

from __future__ import annotations

from coach.insights import overall
from coach.insights.overall import CalibrationCell, RatedInterview
from tests.insights.journal import ALL, NOW
from tests.insights.specs import WHEN, layers, mark, tooltips, values


def test_rated_interviews_and_their_takeaway(small):
    rated = overall.rated_interviews(small, ALL, NOW)
    assert [(r.company, r.rating, r.outcome) for r in rated] == [
        ("Beta", 1, "rejected"),
        ("Acme", 3, "advanced"),
        ("Beta", 2, "advanced"),
        ("Acme", 4, "pending"),
    ]
    assert [r.went_forward for r in rated] == [False, True, True, None]
    assert overall.rating_takeaway(rated).text == (
        "Your average rating rose from 2.0 to 3.0 (of 4) since 9 March."
    )


def test_calibration_counts_ratings_against_outcomes(small):
    cells = overall.calibration(small, ALL, NOW)
    assert [(c.rating, c.result, c.interviews) for c in cells] == [
        (1, "stopped", 1),
        (2, "forward", 1),
        (3, "forward", 1),
        (4, "pending", 1),
    ]
    assert overall.calibration_takeaway(cells).text == (
        "You may be under-confident: 1 of 2 interviews you rated below satisfied still "
        "went forward."
    )


def test_calibration_takeaways_for_matching_and_over_confident_ratings():
    cell = overall.CalibrationCell
    matching = [cell(4, "forward", 3), cell(1, "stopped", 2), cell(2, "forward", 0)]
    assert overall.calibration_takeaway(matching).text == (
        "Your ratings match the outcomes: 3 of 3 interviews you rated satisfied or better "
        "went forward, against 0 of 2 you rated lower."
    )
    over = [cell(3, "stopped", 2), cell(4, "forward", 1)]
    assert overall.calibration_takeaway(over).text == (
        "You may be over-confident: only 1 of 3 interviews you rated satisfied or better "
        "went forward."
    )


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

"""Insights, rehearsal per day, coming due, recall, retention."""

from __future__ import annotations

from datetime import date, timedelta, timezone

from coach import palette
from coach.insights import rehearsal
from coach.insights.filters import Filters
from coach.insights.rehearsal import DayCount, RecallBin
from tests.insights.journal import ALL, NOW, recall
from tests.insights.specs import layers, values


def test_rehearsals_per_day_follow_the_candidates_zone(small):
    days = rehearsal.rehearsals_per_day(small, ALL, NOW)
    assert [(d.day.day, d.count) for d in days] == [(8, 1), (9, 1), (10, 2), (14, 1)]
    tokyo = NOW.astimezone(timezone(timedelta(hours=9)))
    days = rehearsal.rehearsals_per_day(small, ALL, tokyo)
    assert [(d.day.day, d.count) for d in days] == [(9, 1), (10, 1), (11, 2), (14, 1)]
    assert rehearsal.rehearsal_takeaway(days, tokyo.date()).text == (
        "5 rehearsals on 4 days; 3 in the last 7 days."
    )


def test_rehearsals_per_day_keep_the_latest_days_with_rehearsals_across_gaps(small, monkeypatch):
    # Days with rehearsals: 8, 9, 10, 14 March. With room for 3 days, the last three
    # with any are listed, although they span more than three calendar days.
    monkeypatch.setattr(rehearsal, "REHEARSAL_DAYS_LIMIT", 3)
    days = rehearsal.rehearsals_per_day(small, ALL, NOW)
    assert [(d.day.day, d.count) for d in days] == [(9, 1), (10, 2), (14, 1)]
    monkeypatch.setattr(rehearsal, "REHEARSAL_DAYS_LIMIT", 1)
    assert [(d.day.day, d.count) for d in rehearsal.rehearsals_per_day(small, ALL, NOW)] == [
        (14, 1)
    ]


def test_due_forecast_lists_fourteen_days_with_the_overdue_today(small):
    forecast = rehearsal.due_forecast(small, NOW)
    assert len(forecast) == 14
    assert forecast[0].day == date(2026, 3, 16)
    assert {d.day.day: d.count for d in forecast if d.count} == {16: 2, 20: 1}
    assert rehearsal.forecast_takeaway(forecast).text == (
        "2 cards due today (overdue included) and 1 more over the next 13 days; the busiest "
        "day is Mon 16 March with 2."
    )


def test_recall_distribution_bins_rehearsed_cards(small):
    bins = rehearsal.recall_distribution(small, NOW)
    assert len(bins) == 20
    expected = sorted(min(19, int(recall(small, c, NOW) * 20)) for c in (1, 2))
    assert sorted(i for i, b in enumerate(bins) for _ in range(b.cards)) == expected


def test_true_retention_counts_rehearsals_after_a_cards_first(small):
    kept = rehearsal.true_retention(small, ALL, NOW)
    assert (kept.passed, kept.total, kept.desired) == (2, 3, 0.9)
    assert rehearsal.retention_takeaway(kept).text == (
        "True retention needs at least 5 rehearsals of cards already in review; there are 3."
    )
    since_ninth = rehearsal.true_retention(small, Filters.for_days(date(2026, 3, 11), None, NOW),
                                          NOW)  # fmt: skip
    assert (since_ninth.passed, since_ninth.total) == (0, 1)


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

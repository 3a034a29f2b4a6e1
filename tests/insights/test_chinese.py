"""Insights in Chinese: the takeaways as whole Chinese sentences, and charts whose axis,
legend and tooltip titles, labels and dates are Chinese (on the small journal)."""

from __future__ import annotations

import json
import re

import pytest

from coach import i18n
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
from coach.insights.overall import CalibrationCell, RatedInterview
from coach.insights.rehearsal import DayCount, RecallBin
from tests.insights.journal import ALL, NOW
from tests.insights.specs import WHEN, layers, values

_LATIN = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def chinese():
    with i18n.speaking("zh_CN"):
        yield


def test_the_takeaways_are_whole_chinese_sentences(small, chinese):
    rated = overall.rated_interviews(small, ALL, NOW)
    assert overall.rating_takeaway(rated).text == (
        "自 3月9日以来，你的平均评分从 2.0 升到了 3.0（满分 4）。"
    )
    assert overall.calibration_takeaway(overall.calibration(small, ALL, NOW)).text == (
        "你可能不够自信：你评为满意以下的 2 场面试中，仍有 1 场进入了下一步。"
    )
    shares = fixes.signal_shares(small, ALL, NOW)
    assert fixes.signal_takeaway(shares).text == (
        "自 3月9日以来，被打断的回答占比从 40% 降到了 0%（之前 5 个中 2 个，之后 5 个中 0 个）。"
    )
    assert fixes.fixes_takeaway(shares).text == (
        "自 3月9日以来的回答占比：被打断从 40% 降到 0%；疑惑从 20% 降到 0%；被追问细节保持在 20%。"
    )
    assert weak_spots.weakness_takeaway(weak_spots.dimension_weakness(small, ALL, NOW)).text == (
        "最弱：专业能力评估（3 个回答中 2 个较弱）、职业规划（4 个中 2 个）、"
        "行为面试（2 个中 1 个）。"
        "被怀疑：有 1 个你自评良好的回答被追问了细节（专业能力评估）：为它准备证据。"
    )
    points = relationship.relationship_points(small, ALL, NOW)
    assert relationship.relationship_takeaway(points).text == (
        "自 3月9日以来，融洽度从 3.0 升到了 4.0（满分 5）；4 场面试中有 1 场感觉节奏太快。"
    )
    tallies = stories.story_tallies(small, ALL, NOW)
    uncovered = stories.uncovered_skills(small, ALL, NOW)
    assert stories.story_takeaway(tallies, uncovered).text == (
        "\u201cMentoring\u201d在相关时被错过了 2 次；3 个故事中有 2 个还没完整讲过；"
        "尚未展示的技能：coaching、negotiation。"
    )
    asked = recurring.recurring_questions(small, ALL, NOW)
    assert recurring.recurring_takeaway(asked, 0.9).text == (
        "有 3 个问题在两家或更多公司被问到，最常见的是\u201cTell me about yourself.\u201d"
        "（2 家公司）；1 个回答较弱却从未练习。"
    )


def test_the_rehearsal_takeaways_say_days_and_weekdays_in_chinese(small, chinese):
    days = rehearsal.rehearsals_per_day(small, ALL, NOW)
    assert rehearsal.rehearsal_takeaway(days, NOW.date()).text == (
        "4 天里共 5 次练习；最近 7 天 3 次。"
    )
    assert rehearsal.forecast_takeaway(rehearsal.due_forecast(small, NOW)).text == (
        "今天有 2 张卡片到期（含已逾期的），未来 13 天还有 1 张；"
        "最忙的一天是 3月16日 周一，有 2 张。"
    )
    assert rehearsal.retention_takeaway(rehearsal.true_retention(small, ALL, NOW)).text == (
        "真实记忆保持率需要至少 5 次对已进入复习阶段卡片的练习；目前有 3 次。"
    )


def test_empty_states_are_chinese_too(chinese):
    assert weak_spots.weakness_takeaway([]).text == (
        "在复盘中至少记录 5 个问题，才能看出你的弱项；你已记录 0 个。"
    )
    assert overall.rating_takeaway([]).text == "至少为 3 场面试评分才能看到趋势；你已评分 0 场。"
    assert not stories.story_takeaway([], []).enough


def _titles(spec: dict) -> list[str]:
    """Every axis, legend and tooltip title of a spec's layers."""
    found = []
    for layer in layers(spec):
        for encoding in layer.get("encoding", {}).values():
            for item in encoding if isinstance(encoding, list) else [encoding]:
                title = item.get("title") if isinstance(item, dict) else None
                if isinstance(title, str) and title.strip():
                    found.append(title)
    return found


def _chinese_charts(small) -> dict[str, dict]:
    rated = [RatedInterview(1, WHEN, "字节跳动", "target", "一面", 3, 2, "advanced")]
    days = [DayCount(NOW.date(), 2)]
    return {
        "rating": charting.spec(overall.rating_trend_chart, rated),
        "calibration": charting.spec(overall.calibration_chart, [CalibrationCell(1, "stopped", 2)]),
        "fixes": charting.spec(fixes.fixes_chart, fixes.signal_shares(small, ALL, NOW)),
        "heatmap": charting.spec(
            weak_spots.heatmap_chart, weak_spots.signal_cells(small, ALL, NOW)
        ),
        "weakness": charting.spec(
            weak_spots.weakness_chart, weak_spots.dimension_weakness(small, ALL, NOW)
        ),
        "relationship": charting.spec(
            relationship.relationship_chart, relationship.relationship_points(small, ALL, NOW)
        ),
        "stories": charting.spec(stories.stories_chart, stories.story_tallies(small, ALL, NOW)),
        "recurring": charting.spec(
            recurring.recurring_chart, recurring.recurring_questions(small, ALL, NOW), 0.9
        ),
        "rehearsals": charting.spec(rehearsal.rehearsals_chart, days),
        "due": charting.spec(rehearsal.due_forecast_chart, days),
        "recall": charting.spec(
            rehearsal.recall_histogram, [RecallBin(round(i / 20, 2), i % 3) for i in range(20)], 0.9
        ),
    }


def test_every_charts_titles_are_chinese(small, chinese):
    for name, spec in _chinese_charts(small).items():
        titles = _titles(spec)
        assert titles, name
        assert [t for t in titles if _LATIN.search(t)] == [], name


def test_chart_labels_computed_for_marks_are_chinese(small, chinese):
    charts = _chinese_charts(small)
    rating = values(charts["rating"])[0]
    assert (rating["rating_label"], rating["kind"], rating["outcome"]) == (
        "满意",
        "目标公司",
        "进入下一轮",
    )
    assert values(charts["calibration"]) == [
        {"rating": "不满意", "result": "未通过", "interviews": 2}
    ]
    assert {v["signal"] for v in values(charts["fixes"])} == {"打断", "疑惑", "追问"}
    heat = values(charts["heatmap"])
    assert {v["dimension_label"] for v in heat} == {
        "职业规划",
        "专业能力评估",
        "行为面试",
        "入职安排与薪资",
    }
    assert {v["tone"] for v in heat} == {"良好", "较弱", "中性"}
    assert {v["signal_label"] for v in heat} == {"积极", "打断", "疑惑", "追问", "中性"}
    assert {v["rank"] for v in values(charts["weakness"])} == {"已排名", "回答太少"}
    assert {v["pace"] for v in values(charts["relationship"])} == {"太快", "正好"}
    assert {v["use"] for v in values(charts["stories"])} == {"完整讲述", "讲了一部分", "错过"}
    assert {(v["state"], v["recall"]) for v in values(charts["recurring"])} >= {
        ("新卡片", "新卡片")
    }
    # The legend's colours follow the same Chinese labels.
    points = layers(charts["rating"])[1]
    assert points["encoding"]["color"]["scale"]["domain"] == ["目标公司", "练手公司", "待定"]
    line = layers(charts["rating"])[0]
    y = charts["rating"].get("encoding", {}).get("y") or line["encoding"]["y"]
    assert y["axis"]["labelExpr"] == "['', '不满意', '基本满意', '满意', '非常满意'][datum.value]"


def test_dates_on_chinese_axes_and_tooltips_need_no_english_month_names(small, chinese):
    charts = _chinese_charts(small)
    rating = layers(charts["rating"])
    axis = charts["rating"].get("encoding", {}).get("x") or rating[0]["encoding"]["x"]
    assert axis["axis"]["format"] == "%-m月%-d日"
    date_tip = next(t for t in rating[1]["encoding"]["tooltip"] if t["title"] == "日期")
    assert date_tip["format"] == "%Y年%-m月%-d日"
    due_axis = charts["due"]["encoding"]["x"]["axis"]
    assert "周一" in due_axis["labelExpr"] and "format" not in due_axis
    # No d3 format names a month or a weekday in words (%b, %a): those are English only.
    text = json.dumps(charts, ensure_ascii=False)
    assert "%b" not in text and "%a" not in text


def test_a_chart_is_built_again_when_the_language_changes(small):
    cells = weak_spots.dimension_weakness(small, ALL, NOW)
    english = charting.spec(weak_spots.weakness_chart, cells)
    with i18n.speaking("zh_CN"):
        chinese = charting.spec(weak_spots.weakness_chart, cells)
    assert english["encoding"]["x"]["title"] == "Share of answers that were weak"
    assert chinese["encoding"]["x"]["title"] == "较弱回答的占比"
    assert charting.spec(weak_spots.weakness_chart, cells) == english

"""The Insights page in Chinese, through AppTest: every section, on journals unlike the
sample (Chinese and English questions mixed, two interviews at the same time, one
interview only), shows no English word the app wrote, and draws its charts with
Chinese titles, legends and tooltips.

The app reads the real clock, so these journals are dated relative to the real now.
None has an upcoming interview: the readiness brief and the predictions are another
area's, tested there; here they are left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest

from coach import db, i18n
from tests.chinese import english_words, speak_chinese
from tests.test_insights_page import CHARTS
from tests.test_pages import app  # noqa: F401 - the AppTest factory fixture

PAGE = "pages/insights.py"
# The sections this area draws (the brief and the predictions are the practice area's),
# and the charts each draws when its data are enough.
SECTIONS = [s for s in CHARTS if s not in ("Readiness brief", "Predictions")]
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _ago(days: float, hour: int = 10) -> datetime:
    day = datetime.now(UTC).replace(hour=hour, minute=0, second=0, microsecond=0)
    return day - timedelta(days=days)


COMPANIES = [
    (1, "字节跳动", "target"),
    (2, "Northwind Logistics", "practice"),
    (3, "美团", "undecided"),
]
# Interviews 4 and 5 are held at the same moment (two panels on one afternoon).
INTERVIEWS = [
    (1, 2, "Analyst", "First round", _ago(40), "Kim Lee", "rejected"),
    (2, 1, "数据分析师", "一面", _ago(30), "王经理", "advanced"),
    (3, 3, "数据分析师", "二面", _ago(20), "李总", "advanced"),
    (4, 1, "数据分析师", "二面", _ago(10, 14), "张三", "pending"),
    (5, 2, "Analyst", "Panel", _ago(10, 14), "Sam Roe", "offer"),
]
REVIEWS = [
    (1, 1, 2, "too_fast", "", ""),
    (2, 3, 4, "right", "回答先讲结论，再讲细节。", "推荐我去看战略部的岗位。"),
    (3, 2, 3, "too_slow", "", ""),
    (4, 4, 5, "right", "多用数据说话。", ""),
    (5, 3, 4, "right", "Quantify the impact.", ""),
]
QUESTIONS = [
    (1, "请做一下自我介绍。", "career_planning"),
    (2, "Walk me through a variance analysis.", "professional_ability"),
    (3, "讲一个你和同事发生冲突的例子。", "behavioural"),
    (4, "What are your salary expectations?", "logistics_pay"),
]
ASKS = [
    (1, 1, 1, 1, 2, "interrupted", None, "讲得太长了。", "被打断。"),
    (2, 1, 2, 2, 1, "confused", "did_not_know", "Muddled the bridge.", "No structure."),
    (3, 2, 1, 1, 3, "interrupted", None, "短一些了。", ""),
    (4, 2, 2, 2, 2, "probed", None, "只讲了价格和数量。", "没讲结构。"),
    (5, 3, 4, 1, 4, "positive", None, "给了一个范围。", ""),
    (6, 3, 1, 2, 3, "positive", None, "九十秒。", ""),
    (7, 4, 3, 1, 2, "neutral", "wording", "有点啰嗦。", ""),
    (8, 4, 1, 2, 4, "positive", None, "一分钟。", ""),
    (9, 5, 2, 1, 3, "probed", None, "Bridge first.", "Pushed on mix."),
    (10, 5, 3, 2, 4, "positive", None, "Clear and short.", ""),
]
STORIES = [
    (1, "重建滚动预测", ["财务建模", "沟通"]),
    (2, "Mentoring two graduates", ["coaching"]),
]
STORY_USES = [(1, 1, "partly"), (1, 2, "missed"), (2, 1, "told"), (4, 2, "missed")]


def _data_words() -> set[str]:
    """The Latin words of the journal's own data: shown as the candidate typed them."""
    texts: list[str] = []
    for rows in (COMPANIES, INTERVIEWS, REVIEWS, QUESTIONS, ASKS):
        texts += [value for row in rows for value in row if isinstance(value, str)]
    texts += [title for _, title, _ in STORIES] + [s for *_, skills in STORIES for s in skills]
    return {word for text in texts for word in _WORD.findall(text)}


def write_mixed_journal(path, *, only_first: bool = False) -> None:
    """The journal above (with `only_first`, its first Chinese interview alone)."""
    journal = db.open_journal(str(path))
    keep = {2} if only_first else {row[0] for row in INTERVIEWS}

    def fill(cur) -> None:
        cur.executemany("INSERT INTO companies (id, name, kind) VALUES (?, ?, ?)", COMPANIES)
        cur.executemany(
            "INSERT INTO interviews (id, company_id, role, round, scheduled_at, interviewer,"
            " outcome) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [row for row in INTERVIEWS if row[0] in keep],
        )
        cur.executemany(
            "INSERT INTO reviews (interview_id, status, overall_rating, harmony, pace, advice,"
            " referral) VALUES (?, 'completed', ?, ?, ?, ?, ?)",
            [row for row in REVIEWS if row[0] in keep],
        )
        cur.executemany("INSERT INTO questions (id, text, dimension) VALUES (?, ?, ?)", QUESTIONS)
        cur.executemany(
            "INSERT INTO asks (id, interview_id, question_id, position, self_score, signal,"
            " cause, answer_notes, what_went_wrong) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row for row in ASKS if row[1] in keep],
        )
        cur.executemany(
            "INSERT INTO stories (id, title, skills) VALUES (?, ?, ?)",
            [(i, title, json.dumps(skills, ensure_ascii=False)) for i, title, skills in STORIES],
        )
        cur.executemany(
            "INSERT INTO story_uses (interview_id, story_id, use) VALUES (?, ?, ?)",
            [row for row in STORY_USES if row[0] in keep],
        )
        if only_first:
            return
        cur.executemany(
            "INSERT INTO cards (id, question_id, status, fsrs_state, stability, difficulty,"
            " due, last_review) VALUES (?, ?, 'active', 2, ?, 5.0, ?, ?)",
            [(1, 1, 3.0, _ago(-1), _ago(2)), (2, 2, 10.0, _ago(-3), _ago(6))],
        )
        cur.executemany(
            "INSERT INTO rehearsals (card_id, rated_at, grade) VALUES (?, ?, ?)",
            [
                (1, _ago(9, 19), 1),
                (1, _ago(8, 19), 3),
                (1, _ago(2, 12), 3),
                (2, _ago(12, 19), 1),
                (2, _ago(9, 18), 3),
                (2, _ago(6, 18), 4),
                (2, _ago(5, 18), 2),
            ],
        )

    journal.write(fill)


@contextmanager
def chinese_test_side() -> Iterator[None]:
    """AppTest formats a selectbox's value with its `format_func` in the test's own
    thread, where no page has set the language: say it there too."""
    with i18n.speaking(i18n.CHINESE):
        yield


@pytest.fixture
def mixed(tmp_path):
    path = tmp_path / "mixed.duckdb"
    write_mixed_journal(path)
    speak_chinese(path)
    return path


@pytest.fixture
def one_interview(tmp_path):
    path = tmp_path / "one.duckdb"
    write_mixed_journal(path, only_first=True)
    speak_chinese(path)
    return path


def open_section(at, section: str):
    at.run()
    at.switch_page(PAGE).run()
    at.session_state["insights_section"] = section
    at.run()
    return at


def _data_and_path(path) -> set[str]:
    return _data_words() | set(_WORD.findall(str(path)))


def _chart_texts(spec: dict) -> Iterator[str]:
    """Every axis title, legend title and tooltip title of a spec, every layer's."""
    for layer in spec.get("layer", [spec]):
        for channel, encoding in layer.get("encoding", {}).items():
            items = encoding if isinstance(encoding, list) else [encoding]
            for item in items:
                title = item.get("title") if isinstance(item, dict) else None
                if isinstance(title, str) and title.strip():
                    yield f"{channel}: {title}"


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_speaks_chinese_on_a_mixed_journal(app, mixed, section):  # noqa: F811
    with chinese_test_side():
        at = open_section(app(mixed), section)
    assert not at.exception
    assert at.title[0].value == "洞察"
    assert english_words(at, data_words=_data_and_path(mixed)) == []
    charts = at.get("vega_lite_chart")
    assert len(charts) == CHARTS[section]
    for chart in charts:
        titles = list(_chart_texts(json.loads(chart.proto.spec)))
        assert titles, "every chart names what it shows"
        for title in titles:
            assert _CJK.search(title), title


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_speaks_chinese_on_a_journal_of_one_interview(  # noqa: F811
    app,  # noqa: F811
    one_interview,
    section,
):
    with chinese_test_side():
        at = open_section(app(one_interview), section)
    assert not at.exception
    assert english_words(at, data_words=_data_and_path(one_interview)) == []
    # One interview is too few for every chart but the stories' (one story was told).
    assert at.info or section == "Stories", "too little data: the section says so"


def test_the_glance_and_filters_speak_chinese(app, mixed):  # noqa: F811
    with chinese_test_side():
        at = open_section(app(mixed), "Weak spots")
    shown = "\n".join(m.value for m in at.markdown)
    assert "**:material/trending_down: 你最弱的地方**" in shown
    assert "还没有安排即将到来的面试。" in shown
    assert at.selectbox(key="insights_kind").options == ["全部类型", "目标公司", "练手公司", "待定"]
    assert at.selectbox(key="insights_company").options[0] == "全部公司"
    sections = at.get("button_group")[0].proto.options
    assert [option.content for option in sections][:3] == ["准备简报", "整体趋势", "弱项"]


def test_a_heatmap_cell_lists_its_asks_in_chinese(app, mixed):  # noqa: F811
    with chinese_test_side():
        at = open_section(app(mixed), "Weak spots")
        at.selectbox(key="insights_cell").set_value(("professional_ability", "probed")).run()
    assert not at.exception
    shown = "\n".join(m.value for m in at.markdown)
    assert "**专业能力评估 × 追问（2）**：最新的在前" in shown
    assert "*我当时说的：* 只讲了价格和数量。" in shown
    assert english_words(at, data_words=_data_and_path(mixed)) == []


def test_a_chosen_section_survives_a_change_of_language(app, mixed):  # noqa: F811
    with chinese_test_side():
        at = open_section(app(mixed), "Stories")
    assert at.subheader[0].value == "完整讲述、讲了一部分和错过的故事"
    journal = db.open_journal(str(mixed))
    from coach import settings

    journal.write(lambda cur: settings.set_setting(cur, "language", "en"))
    with chinese_test_side():  # the widgets on screen are still the Chinese ones
        at.run()
    assert not at.exception
    assert at.subheader[0].value == "Stories told, partly told and missed"

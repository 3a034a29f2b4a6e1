"""Practice and the readiness brief in Chinese, through AppTest: every section on an
empty journal and on journals unlike the sample (tests/practice_journals.py), with no
English word the app wrote.

Shared helpers of other areas (dates and relative days in coach_ui.formatting, the
diagnosis in coach.review_rules, STAR hints in coach.analysis, evidence labels) are
translated on their own branches: `others_words` lists the Latin words those helpers
still write *in Chinese*, so the allowance shrinks to nothing by itself once they speak
Chinese, and these tests then check every word on the page.

AppTest calls a widget's `format_func` in the test's own thread to send its value,
outside any script run: the tests speak Chinese there too (`i18n.speaking`), or a
translated drop-down could not be set.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach import analysis, db, i18n, practice, reviews, vocabulary
from coach.review_rules import diagnose
from coach_ui import formatting
from tests import practice_journals
from tests.chinese import english_words, speak_chinese

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
PAGE = "pages/practice.py"
SECTIONS = ("today", "cram", "cards", "settings")
# Names a Chinese page writes as they are: keys on the keyboard, the scheduler's name,
# and each language in the sidebar's picker, named in its own language.
NAMES = {"Tab", "Ctrl", "Enter", "fsrs", *i18n.LANGUAGES.values()}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def others_words(now: datetime) -> set[str]:
    """The Latin words other areas' shared helpers still write in Chinese (see above)."""
    with i18n.speaking(i18n.CHINESE):
        texts = []
        for days in range(-400, 400):
            moment = now + timedelta(days=days, hours=-1)
            texts += [formatting.when(moment, now), formatting.relative_day(moment, now)]
        for signal in (None, *vocabulary.SIGNALS):
            for score in (None, 1, 2, 3, 4):
                for cause in (None, *vocabulary.CAUSES):
                    found = diagnose(signal, score, cause)
                    texts += [found.meaning, found.fix]
        texts += [*analysis.STAR_PARTS.values(), *analysis.STAR_HINTS.values()]
        texts += [*reviews.EVIDENCE_LABELS.values()]
    return {word for text in texts for word in _WORD.findall(text)}


@pytest.fixture
def chinese(monkeypatch, tmp_path):
    """An AppTest factory speaking Chinese on the given journal file (empty if none)."""
    opened: list[str] = []

    def make(database: Path | None = None) -> AppTest:
        path = str(database or tmp_path / "journal.duckdb")
        speak_chinese(path)
        monkeypatch.setenv("COACH_DB", path)
        monkeypatch.setenv("COACH_SAMPLE_DB", str(tmp_path / "sample.duckdb"))
        opened.extend([path, str(tmp_path / "sample.duckdb")])
        at = AppTest.from_file(APP, default_timeout=30)
        at.run()
        at.switch_page(PAGE).run()
        return at

    with i18n.speaking(i18n.CHINESE):
        yield make
    for path in opened:
        db.close_journal(path)


def allowed(tmp_path: Path) -> set[str]:
    # The sidebar names the journal's file.
    paths = [p for p in tmp_path.glob("*.duckdb") if p.name != "sample.duckdb"]
    path_words = {w for p in paths for w in _WORD.findall(str(p))}
    return (
        NAMES
        | path_words
        | practice_journals.DATA_WORDS
        | stored_actions(paths)
        | others_words(datetime.now(UTC))
    )


def stored_actions(paths: list[Path]) -> set[str]:
    """The words of the improvement actions the journals hold: the review wrote its
    suggestions in the language it spoke then (the candidate's plan is their data)."""
    words = set()
    for path in paths:
        cur = db.open_journal(str(path)).cursor()
        for (text,) in cur.execute("SELECT text FROM actions").fetchall():
            words |= set(_WORD.findall(text))
        cur.close()
    return words


def show(at: AppTest, section: str) -> AppTest:
    at.segmented_control[0].set_value(section).run()
    assert not at.exception
    assert at.segmented_control[0].value == section
    return at


def texts(at: AppTest) -> str:
    return "\n".join(
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [i.value for i in at.info]
        + [s.value for s in at.success]
        + [w.value for w in at.warning]
    )


def labels(at: AppTest, kind: str) -> list[str]:
    return [element.label for element in getattr(at, kind)]


# --- Every section ----------------------------------------------------------------------


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_speaks_chinese_on_an_empty_journal(chinese, tmp_path, section):
    at = chinese()
    assert not at.exception
    assert at.title[0].value == "练习"
    show(at, section)
    assert english_words(at, allowed(tmp_path)) == []


def test_an_empty_journal_says_in_chinese_where_cards_come_from(chinese):
    at = chinese()
    assert "**还没有练习卡片。** 卡片来自你答得不好的问题" in texts(at)
    assert "添加卡片" in labels(at, "button")
    assert at.segmented_control[0].options == ["今日队列", "突击复习", "卡片浏览", "设置"]


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_speaks_chinese_with_questions_in_both_languages(chinese, tmp_path, section):
    at = chinese(practice_journals.mixed(tmp_path / "mixed.duckdb"))
    show(at, section)
    at.run()  # a rerun skips the entry script: the page still speaks Chinese
    assert not at.exception
    assert english_words(at, allowed(tmp_path)) == []


def test_the_queue_in_chinese_counts_its_cards_and_shows_the_leech_to_rewrite(chinese, tmp_path):
    at = chinese(practice_journals.mixed(tmp_path / "mixed.duckdb"))
    metrics = {m.label: m.value for m in at.metric}
    assert set(metrics) == {"今天到期", "未来 7 天到期", "今天已练习", "连续练习"}
    assert metrics["连续练习"] == "0 天"
    shown = texts(at)
    assert "#### :material/bug_report: 先重写（1）" in shown
    assert "这些回答无论练多少次都记不牢。" in shown
    assert re.search(r"今天要练习 \*\*\d+\*\* 张：\d+ 张到期，\d+ 张新卡", shown)
    assert "目标：1:30 — 更短，因为这道题你被打断过。" in shown
    assert [e.label for e in at.expander if e.label.startswith("讲一个")] == [
        "讲一个你推动跨部门合作的例子 — 遗忘 4 次"
    ]


def test_a_rehearsal_in_chinese_through_reveal_and_grade(chinese, tmp_path):
    path = practice_journals.mixed(tmp_path / "mixed.duckdb")
    at = chinese(path)
    question = at.markdown[[m.value.startswith("### ") for m in at.markdown].index(True)].value
    attempt = "嗯，我先说结论：用 SQL 把流失率降低了百分之二十，然后讲过程。"
    at.text_area[0].input(attempt)
    at.button(key=next(b.key for b in at.button if b.label == "显示最好的答案")).click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert "长度（字）" in metrics and "说话时长" in metrics and "口头禅" in metrics
    assert "##### 目前最好的答案" in texts(at) and "##### 这次回答" in texts(at)
    assert labels(at, "button")[-4:] == ["重来", "困难", "良好", "简单"]
    assert english_words(at, allowed(tmp_path) | set(_WORD.findall(attempt))) == []

    at.button(key="practice_grade_3").click().run()
    assert not at.exception
    assert at.toast[0].value.startswith("良好：下次练习在")
    assert question not in [m.value for m in at.markdown]  # graded: the next card is up
    cur = db.open_journal(str(path)).cursor()
    assert cur.execute("SELECT attempt FROM rehearsals ORDER BY id DESC LIMIT 1").fetchone() == (
        attempt,
    )


def test_the_cram_view_in_chinese_for_two_interviews_at_the_same_time(chinese, tmp_path):
    at = chinese(practice_journals.mixed(tmp_path / "mixed.duckdb"))
    show(at, "cram")
    options = at.selectbox(key="practice_cram_interview").options
    assert len(options) == 2
    # The target company comes first, marked in Chinese.
    assert options[0].startswith("字节跳动 · 数据分析师 · 终面（目标公司）— ")
    assert any(i.value.startswith("简报列出了 **") for i in at.info)
    assert any(c.value.startswith("可能被问的原因：") for c in at.caption)
    # The other interview at the same hour is crammed for just as well.
    at.selectbox(key="practice_cram_interview").select_index(1).run()
    assert not at.exception
    assert english_words(at, allowed(tmp_path)) == []


def test_the_card_browser_names_its_columns_in_chinese(chinese, tmp_path):
    at = chinese(practice_journals.mixed(tmp_path / "mixed.duckdb"))
    show(at, "cards")
    assert list(at.dataframe[0].value.columns) == [
        "问题", "状态", "到期", "稳定度", "难度", "当前记忆率", "遗忘次数", "练习次数"
    ]  # fmt: skip
    assert "进行中 · 顽固卡" in list(at.dataframe[0].value["状态"])
    assert any(re.match(r"第 1–(\d+) 张，共 \1 张。", c.value) for c in at.caption)


def test_the_settings_in_chinese_save_to_the_journal(chinese, tmp_path):
    at = chinese(practice_journals.one_interview(tmp_path / "one.duckdb"))
    show(at, "settings")
    assert labels(at, "slider") == ["目标记忆保持率"]
    at.slider[0].set_value(0.85)
    at.number_input[0].set_value(6)
    next(b for b in at.button if b.label == "保存设置").click().run()
    assert not at.exception
    assert at.toast[0].value == "设置已保存。"
    cur = db.open_journal(str(tmp_path / "one.duckdb")).cursor()
    assert practice.practice_settings(cur) == practice.PracticeSettings(0.85, 6)


def test_one_interview_only_in_chinese_queues_its_weak_answers_and_has_nothing_to_cram(
    chinese, tmp_path
):
    at = chinese(practice_journals.one_interview(tmp_path / "one.duckdb"))
    assert english_words(at, allowed(tmp_path)) == []
    show(at, "cram")
    assert at.info[0].value == (
        "还没有安排即将到来的面试。在“面试”页面添加一场，就可以为它突击复习。"
    )
    assert english_words(at, allowed(tmp_path)) == []


# --- The readiness brief ---------------------------------------------------------------


class SectionView:
    """What an AppTest run shows from one element on (the brief's own part of the
    insights page: the filters and the glance above it are the insights area's), with
    AppTest's lists (`.markdown`, `.metric`…) so `english_words` reads it as a page."""

    def __init__(self, at: AppTest, key: str, *, after: bool = False) -> None:
        nodes = list(_walk(at.main))
        start = next(i for i, n in enumerate(nodes) if getattr(n, "key", None) == key) + after
        self._at, self._kept = at, {id(n) for n in nodes[start:]}

    def __getattr__(self, kind: str) -> list:
        return [e for e in getattr(self._at, kind) if id(e) in self._kept]


def _walk(node):
    yield node
    children = getattr(node, "children", None) or {}
    for index in sorted(children):
        yield from _walk(children[index])


@pytest.fixture
def brief_in_chinese(monkeypatch, tmp_path):
    """The insights page in Chinese on its brief section."""

    def make(database: Path) -> AppTest:
        speak_chinese(database)
        monkeypatch.setenv("COACH_DB", str(database))
        monkeypatch.setenv("COACH_SAMPLE_DB", str(tmp_path / "sample.duckdb"))
        at = AppTest.from_file(APP, default_timeout=30)
        at.run()
        at.switch_page("pages/insights.py").run()
        return at

    with i18n.speaking(i18n.CHINESE):
        yield make
    for name in ("mixed.duckdb", "one.duckdb", "sample.duckdb"):
        db.close_journal(str(tmp_path / name))


def test_the_brief_in_chinese_for_the_target_interview(brief_in_chinese, tmp_path):
    at = brief_in_chinese(practice_journals.mixed(tmp_path / "mixed.duckdb"))
    assert not at.exception
    brief = SectionView(at, "insights_brief_interview")
    metrics = {m.label: m.value for m in at.metric}
    assert set(metrics) == {"剩余天数", "准备度", "待练习", "未完成的行动"}
    assert re.fullmatch(r"\d+/\d+", metrics["待练习"])
    shown = texts(at)
    assert "#### 最可能被问到的问题" in shown
    assert "**优先练习**：面试当天的记忆率低于 90%" in shown
    assert "这家公司以前问过（二面，" in shown
    assert "#### 已在 字节跳动 讲过的故事" in shown
    assert labels(brief, "selectbox") == ["简报对应的面试"]
    assert at.get("download_button")
    assert english_words(brief, allowed(tmp_path)) == []


def test_the_brief_in_chinese_with_nothing_booked(brief_in_chinese, tmp_path):
    at = brief_in_chinese(practice_journals.one_interview(tmp_path / "one.duckdb"))
    assert not at.exception
    brief = SectionView(at, "insights_section", after=True)  # no interview to choose
    assert brief.info[0].value.startswith("还没有安排即将到来的面试。")
    assert english_words(brief, allowed(tmp_path)) == []

"""Every page through AppTest in English and in Chinese, on an empty journal and on one
holding interviews and questions in both languages; Home speaks only Chinese in Chinese.

On a journal with interviews and questions in both languages, every page in Chinese
shows no English word the app wrote.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach import i18n
from coach_ui.pages import PAGES
from tests.bilingual import DATA_WORDS, bilingual_journal
from tests.chinese import english_words, shown_texts, speak_chinese

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")  # a word as tests.chinese counts one
APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
LANGUAGES = ("en", "zh_CN")

# The selector names each language in its own language, so "English" is on every page.
LANGUAGE_NAMES = ("English",)
# Backup files keep their English names (journal-20261129T…-daily.duckdb) in any language.
BACKUP_FILE_WORDS = ("backups", "journal-", "daily", "manual")
INSIGHTS = next(spec for spec in PAGES if spec.url_path == "insights")


@pytest.fixture
def app(app_journal):
    """`app(lang, locale=None)`: an AppTest of the app on the test's journal, which keeps
    `lang` as its language ("en": no choice kept, the browser's `locale` decides)."""
    with contextlib.ExitStack() as stack:

        def make(lang: str, *, locale: str | None = None) -> AppTest:
            if lang == "zh_CN":
                speak_chinese(app_journal)
                # AppTest reads the widgets back between runs in the test's own thread,
                # outside any script run, where the page's language is not known: a
                # format_func that translates must answer in the page's language there.
                stack.enter_context(i18n.speaking("zh_CN"))
            at = AppTest.from_file(APP, default_timeout=30)
            if locale:
                at.context = {"locale": locale}
            return at

        yield make


def run_page(at: AppTest, spec) -> AppTest:
    at.run()
    if not spec.default:
        at.switch_page(spec.path).run()
    at.run()  # a rerun skips the entry script (see coach_ui.frame): the page must not care
    return at


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path)
def test_every_page_runs_on_an_empty_journal_in_both_languages(app, spec, lang):
    at = run_page(app(lang), spec)
    assert not at.exception, at.exception
    assert at.title


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path)
def test_every_page_runs_on_a_journal_in_both_languages_in_both_languages(
    app, app_journal, spec, lang
):
    bilingual_journal(app_journal)
    at = run_page(app(lang), spec)
    assert not at.exception, at.exception
    assert at.title


def path_words(path: Path) -> tuple[str, ...]:
    """The journal's path, which the sidebar shows as it is."""
    return tuple(WORD.findall(str(path)))


def test_the_welcome_speaks_only_chinese_in_chinese(app, app_journal):
    at = app("zh_CN").run()
    assert not at.exception
    assert at.title[0].value == "欢迎使用面试教练"
    assert english_words(at, LANGUAGE_NAMES + path_words(app_journal)) == []


def test_home_with_interviews_speaks_chinese_in_its_own_words(app, app_journal):
    bilingual_journal(app_journal)
    at = app("zh_CN").run()
    assert not at.exception
    assert at.title[0].value == "接下来做什么"
    assert [m.label for m in at.metric] == [
        "今天到期的卡片",
        "待复盘的面试",
        "距目标面试天数",
        "未完成的改进行动",
    ]
    assert [s.value for s in at.subheader] == ["复盘刚结束的面试", "即将到来"]
    # Both upcoming interviews share an hour: the target one leads, the other follows.
    captions = " ".join(c.value for c in at.caption)
    assert "3 天后" in captions
    assert "周" in captions and "年" in captions  # 2026年12月2日 周三 10:00
    found = english_words(
        at, DATA_WORDS + LANGUAGE_NAMES + BACKUP_FILE_WORDS + path_words(app_journal)
    )
    assert found == [], (
        found,
        [t[:300] for t in shown_texts(at) if any(w in t for w in found)][:12],
    )


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path)
def test_every_page_with_interviews_in_both_languages_speaks_only_chinese(app, app_journal, spec):
    bilingual_journal(app_journal)
    at = run_page(app("zh_CN"), spec)
    assert not at.exception, at.exception
    found = english_words(
        at, DATA_WORDS + LANGUAGE_NAMES + BACKUP_FILE_WORDS + path_words(app_journal)
    )
    assert found == [], (
        found,
        [t[:300] for t in shown_texts(at) if any(w in t for w in found)][:12],
    )


def test_home_reads_in_english_as_before(app, app_journal):
    bilingual_journal(app_journal)
    at = app("en").run()
    assert at.title[0].value == "What to do next"
    assert "Cards due today" in [m.label for m in at.metric]
    assert "in 3 days" in " ".join(c.value for c in at.caption)


def test_the_browser_decides_until_the_candidate_chooses(app):
    at = app("en", locale="zh-CN").run()
    assert at.title[0].value == "欢迎使用面试教练"
    assert at.sidebar.selectbox[0].value == "browser"
    at = app("en", locale="en-GB").run()
    assert at.title[0].value == "Welcome to Interview Coach"


def test_choosing_chinese_in_the_sidebar_switches_the_page_and_sidebar_at_once(app, app_journal):
    at = app("en", locale="en-US").run()
    assert at.title[0].value == "Welcome to Interview Coach"
    at.sidebar.selectbox(key="frame_language").set_value("zh_CN").run()
    assert not at.exception
    assert at.title[0].value == "欢迎使用面试教练"
    assert "首页" in [link.label for link in at.sidebar.get("page_link")]
    assert at.sidebar.selectbox[0].label.endswith("语言")
    # Kept in the journal: a new session (another tab) opens in Chinese too.
    assert app("en", locale="en-US").run().title[0].value == "欢迎使用面试教练"


def test_choosing_chinese_rewords_the_plans_untouched_suggestions_on_every_page(app, app_journal):
    """The review's suggestions are stored as they were offered, in English here: the
    sidebar's choice says them again in Chinese, so Insights' open actions read in it."""
    bilingual_journal(app_journal)
    at = run_page(app("en", locale="en-US"), INSIGHTS)
    assert "Rehearse" in " ".join(shown_texts(at))
    at.sidebar.selectbox(key="frame_language").set_value("zh_CN").run()
    assert not at.exception
    shown = " ".join(shown_texts(at))
    assert "Rehearse" not in shown
    assert "练习" in shown


def test_following_the_browser_again_forgets_the_choice(app, app_journal):
    at = app("zh_CN", locale="en-US").run()
    assert at.title[0].value == "欢迎使用面试教练"
    at.sidebar.selectbox(key="frame_language").set_value("browser").run()
    assert at.title[0].value == "Welcome to Interview Coach"
    assert app("en", locale="en-US").run().title[0].value == "Welcome to Interview Coach"


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path)
def test_every_page_title_and_sidebar_follow_the_choice_on_every_page(app, spec):
    at = run_page(app("en", locale="en-US"), spec)
    at.sidebar.selectbox(key="frame_language").set_value("zh_CN").run()
    assert not at.exception, at.exception
    labels = [link.label for link in at.sidebar.get("page_link")]
    assert labels == ["首页", "面试", "引导复盘", "练习", "洞察", "你的数据"]


def test_the_language_chosen_in_the_sample_is_kept_in_the_own_journal(app, app_journal):
    at = app("en", locale="en-US").run()
    at.button(key="home_explore_sample").click().run()
    at.sidebar.selectbox(key="frame_language").set_value("zh_CN").run()
    assert any("示例日志" in m.value for m in at.markdown)
    at.button(key="frame_leave_sample").click().run()
    assert at.title[0].value == "欢迎使用面试教练"


def test_a_time_zone_name_that_is_not_one_is_said_in_chinese_in_the_sidebar(app, monkeypatch):
    monkeypatch.setenv("COACH_TZ", "Mars/Olympus")
    at = app("zh_CN").run()
    assert not at.exception
    [warning] = at.sidebar.warning
    assert "Mars/Olympus" in warning.value and "时区" in warning.value

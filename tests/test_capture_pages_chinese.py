"""The capture screens in Chinese through AppTest: the Interviews page (each tab, the add
forms, a row's edit and delete), the calendar import's preview and the transcript
import's preview, on an empty journal and on journals holding data (one interview
only; two at the same time; Chinese and English role titles), with no English word
the app wrote; and the same screens in English as before.

The calendar and transcript sections are drawn alone (AppTest.from_function), as the
data and review pages draw them, so what is checked is this area's words and the
frame's, not the rest of those pages.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach import companies, db, i18n, interviews, reviews, wording
from coach.days import zone_name
from coach.interviews import InterviewFields
from coach_ui import frame
from coach_ui.formatting import relative_day
from coach_ui.review_start import review_button_label
from tests.chinese import english_words, speak_chinese
from tests.test_pages import app  # noqa: F401 - a fixture

INTERVIEWS = "pages/interviews.py"
FIXTURES = Path(__file__).parent / "fixtures"
# Products a Chinese interface names in Latin letters too ("从 Google、Outlook 或 Apple
# 日历导出"). (tests.chinese.ALLOWED may take them once every area agrees.)
PRODUCTS = ("Google", "Outlook", "Apple", "Zoom", "Teams", "Meet", "UTF")
# The tables' column keys: tests.chinese reads a data editor's keys, but the browser
# shows their translated labels (column_config), which the tests check by name.
CALENDAR_COLUMNS = ("import", "when", "zone", "title", "company", "role", "round", "format",
                    "status", "why")  # fmt: skip
TRANSCRIPT_COLUMNS = ("keep", "question", "answer", "asked", "time", "interrupted")
# The journal's own words (company names, roles, rounds, people): shown as typed.
DATA_WORDS = ("Northwind", "Globex", "Data", "Analyst", "Senior", "Dana", "Smith", "First",
              "round", "Java")  # fmt: skip


def interviews_page(app_factory, path: Path, *, chinese: bool = True) -> AppTest:  # noqa: F811
    if chinese:
        speak_chinese(path)
    at = app_factory(path).run()
    at.switch_page(INTERVIEWS).run()
    assert not at.exception
    return at


def add(path: Path, company: str, kind: str, when, **fields) -> int:
    journal = db.open_journal(str(path))
    company_id = companies.find_or_add_company(journal, company, kind)
    return interviews.add_interview(
        journal, InterviewFields(company_id=company_id, scheduled_at=when, **fields)
    )


def tab(at: AppTest, name: str) -> AppTest:
    at.session_state["interviews_tab"] = name
    return at.run()


def open_all(at: AppTest) -> AppTest:
    """Both add forms open, so their labels are checked too."""
    at.session_state["interviews_adding"] = True
    at.session_state["interviews_adding_company"] = True
    return at.run()


def others_words(*texts: str) -> list[str]:
    """Words of texts that helpers outside this area write (coach_ui.formatting's
    relative days, the review's button), as they say them now: once those helpers
    speak Chinese this list is empty, and until then their English is theirs to fix."""
    return [w for text in texts for w in re.findall(r"[A-Za-z][A-Za-z'’-]{2,}", text)]


def path_words(path: Path) -> list[str]:
    """The journal's path, which the sidebar shows as it is."""
    return others_words(str(path))


def chinese_words_left(at: AppTest, path: Path, shown: list[interviews.Interview], now) -> list:
    with i18n.speaking(i18n.CHINESE):
        helpers = [relative_day(i.scheduled_at, now) for i in shown]
        helpers += [review_button_label(i) for i in shown]
    return english_words(at, [*DATA_WORDS, *path_words(path), *others_words(*helpers)])


def column_labels(at: AppTest) -> list[str]:
    """The shown headings and help of every table's columns."""
    found = []
    for frame_ in at.dataframe:
        for config in json.loads(frame_.proto.columns).values():
            found += [config.get("label", ""), config.get("help", "")]
    return [text for text in found if text]


def every_tab(at: AppTest) -> list[AppTest]:
    runs = []
    for name in ("upcoming", "held", "companies"):
        at = open_all(tab(at, name))
        assert not at.exception
        runs.append(at)
    return runs


@pytest.fixture
def chinese():
    # AppTest formats a widget's options in the test's own thread too (to find the
    # chosen one), so the test speaks the page's language there as well.
    with i18n.speaking(i18n.CHINESE):
        yield


def test_the_interviews_page_on_an_empty_journal_speaks_only_chinese(app, tmp_path, chinese):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    at = interviews_page(app, path)
    assert at.title[0].value == "面试"
    for shown in every_tab(at):
        assert english_words(shown, path_words(path)) == []
    texts = [i.value for i in at.info]
    assert "还没有公司。可以在这里添加，也可以在添加面试时添加。" in texts
    assert [t.label for t in at.tabs] == ["即将到来（0）", "已结束（0）", "公司（0）"]


def test_the_interviews_page_with_one_interview_only_speaks_only_chinese(app, tmp_path, chinese):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    now = datetime.now(UTC)
    add(path, "字节跳动", "target", now + timedelta(days=3), role="数据分析师", round="二面",
        interviewer="王经理")  # fmt: skip
    at = interviews_page(app, path)
    shown = interviews.list_interviews(db.open_journal(str(path)).cursor())
    for run in every_tab(at):
        assert chinese_words_left(run, path, shown, now) == []
    at = tab(at, "upcoming")
    markdown = [m.value for m in at.markdown]
    assert any("目标面试" in m and "(1)" in m for m in markdown)
    captions = " ".join(c.value for c in at.caption)
    assert "视频面试" in captions and "面试官：王经理" in captions
    assert wording_day(shown[0].scheduled_at) in captions


def wording_day(moment: datetime) -> str:
    with i18n.speaking(i18n.CHINESE):
        return wording.full_day(moment.astimezone(frame.now_here().tzinfo))


def test_two_interviews_at_one_time_and_roles_in_both_languages(app, tmp_path, chinese):  # noqa: F811
    """Chinese and English role titles, two interviews at the same moment: all in Chinese."""
    path = tmp_path / "journal.duckdb"
    now = datetime.now(UTC)
    same = now + timedelta(days=2)
    add(
        path, "Northwind", "target", same, role="数据分析师", round="二面", interviewer="Dana Smith"
    )
    add(path, "腾讯", "practice", same, role="Senior Data Analyst")
    add(path, "Globex", "undecided", now - timedelta(days=3), role="Data Analyst",
        round="First round")  # fmt: skip
    add(path, "Globex", "undecided", now - timedelta(days=3), role="Java开发工程师")
    at = interviews_page(app, path)
    shown = interviews.list_interviews(db.open_journal(str(path)).cursor())
    for run in every_tab(at):
        assert not run.exception
        assert chinese_words_left(run, path, shown, now) == []
    at = tab(at, "companies")
    captions = [c.value for c in at.caption]
    assert "2 场面试" in captions and "1 场面试" in captions
    at = tab(at, "held")
    kinds = at.segmented_control(key="interviews_held_kind")
    assert (kinds.label, kinds.options) == ("显示", ["仅目标公司", "仅练手公司", "仅待定"])


def test_a_rows_edit_and_delete_confirmation_speak_chinese(app, tmp_path, chinese):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    now = datetime.now(UTC)
    interview_id = add(path, "字节跳动", "target", now - timedelta(days=1), role="产品经理")
    at = tab(interviews_page(app, path), "held")
    at.session_state["interviews_deleting"] = ("interview", interview_id)
    at.run()
    [warning] = [w.value for w in at.warning]
    assert (
        warning.startswith("删除 **字节跳动 · 产品经理**？问题会留在")
        and "此操作无法撤销。" in warning
    )
    shown = interviews.list_interviews(db.open_journal(str(path)).cursor())
    assert chinese_words_left(at, path, shown, now) == []
    at.session_state["interviews_deleting"] = None
    at.session_state["interviews_editing"] = ("interview", interview_id)
    at.run()
    assert not at.exception
    assert "保存修改" in [b.label for b in at.button]
    assert chinese_words_left(at, path, shown, now) == []


def test_an_interview_added_in_chinese_is_stored_as_typed_and_listed(app, tmp_path, chinese):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    companies.add_company(db.open_journal(str(path)), "美团", "target")
    at = interviews_page(app, path)
    assert at.expander[0].label == "添加面试"
    at.selectbox(key="interviews_new_0_company").set_value("美团")
    at.text_input(key="interviews_new_0_role").set_value("数据分析师")
    [submit] = [b for b in at.button if b.label == "添加面试"]
    submit.click().run()
    assert not at.exception
    [stored] = interviews.list_interviews(db.open_journal(str(path)).cursor())
    assert (stored.company, stored.role) == ("美团", "数据分析师")


def test_an_add_form_without_a_company_says_why_in_chinese(app, tmp_path, chinese):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    at = interviews_page(app, path)
    [submit] = [b for b in at.button if b.label == "添加面试"]
    submit.click().run()
    assert [e.value for e in at.error] == ["请选择一家公司，或输入新公司的名称。"]


def test_the_interviews_page_in_english_is_unchanged(app, tmp_path):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    now = datetime.now(UTC)
    add(path, "Northwind", "target", now + timedelta(days=2), role="Data analyst",
        interviewer="Dana Smith")  # fmt: skip
    at = interviews_page(app, path, chinese=False)
    assert at.title[0].value == "Interviews"
    assert [t.label for t in at.tabs] == ["Upcoming (1)", "Held (0)", "Companies (1)"]
    assert "##### :violet[Target interviews] (1)" in [m.value for m in at.markdown]
    assert any(c.value.endswith("Video call · with Dana Smith") for c in at.caption)
    at = tab(at, "companies")
    assert "1 interview" in [c.value for c in at.caption]


# --- The calendar import and the transcript import, drawn alone ---------------------


def _context():
    """The page's context as coach_ui.frame.start makes it (journal, language, clock),
    without the sidebar's page links, which need the whole app's navigation."""
    import os

    from coach_ui import frame, language

    journal = db.open_journal(os.environ["COACH_DB"])
    language.choose(journal.cursor())
    return frame.PageContext(journal=journal, cur=journal.cursor(), now=frame.now_here())


def calendar_section() -> None:
    from coach_ui import calendar_import
    from tests.test_capture_pages_chinese import _context

    calendar_import.section(_context())


def transcript_section() -> None:
    import streamlit as st

    from coach import questions, reviews
    from coach_ui import review_transcript
    from tests.test_capture_pages_chinese import _context

    ctx = _context()
    review = reviews.get_review(ctx.cur, st.session_state["test_interview"])
    if not review_transcript.in_progress(ctx, review, questions.dimensions(ctx.cur)):
        review_transcript.upload(ctx, review)
    review_transcript.kept(ctx, review)


@pytest.fixture
def section(monkeypatch, tmp_path):
    """An AppTest of one section, on the test's own journal file."""
    opened: list[str] = []

    def make(script, path: Path) -> AppTest:
        monkeypatch.setenv("COACH_DB", str(path))
        monkeypatch.setenv("COACH_SAMPLE_DB", str(tmp_path / "sample.duckdb"))
        opened.append(str(path))
        return AppTest.from_function(script, default_timeout=30)

    yield make
    for path in opened:
        db.close_journal(path)


def calendar_reading(path: Path, ics: bytes, name: str):
    from coach.calendars import importing
    from coach.calendars.events import read_calendar
    from coach_ui.calendar_import import _Reading

    journal = db.open_journal(str(path))
    with i18n.speaking(i18n.CHINESE):  # as the uploader's callback reads it, in Chinese
        events = read_calendar(ics, zone=frame.now_here().tzinfo)
        return _Reading(name, importing.offers(journal.cursor(), events))


def chinese_calendar(*titles: str, at: str = "20991118T013000Z") -> bytes:
    events = "".join(
        f"BEGIN:VEVENT\nUID:zh-{n}\nSUMMARY:{title}\nDTSTART:{at}\nDTEND:{at}\n"
        "ORGANIZER;CN=张敏:mailto:hr@qq.com\nLOCATION:腾讯会议\nEND:VEVENT\n"
        for n, title in enumerate(titles)
    )
    return f"BEGIN:VCALENDAR\nVERSION:2.0\n{events}END:VCALENDAR\n".encode()


def test_the_calendar_import_on_an_empty_journal_speaks_only_chinese(section, tmp_path, chinese):
    path = tmp_path / "journal.duckdb"
    speak_chinese(path)
    at = section(calendar_section, path).run()
    assert not at.exception
    assert at.subheader[0].value == "日历"
    assert english_words(at, [*path_words(path), *PRODUCTS]) == []


@pytest.mark.parametrize(
    "fixture", ["google-export.ics", "outlook-invitation.ics", "two-chinese-at-one-time"]
)
def test_the_calendar_preview_speaks_only_chinese(section, tmp_path, chinese, fixture):
    path = tmp_path / "journal.duckdb"
    speak_chinese(path)
    if fixture == "two-chinese-at-one-time":
        ics = chinese_calendar("字节跳动 数据分析师 二面", "【腾讯】Senior Data Analyst 一面邀请")
    else:
        ics = (FIXTURES / "calendars" / fixture).read_bytes()
    at = section(calendar_section, path)
    at.session_state["data_calendar_import"] = calendar_reading(path, ics, fixture)
    at.session_state["data_calendar_show_all"] = True  # every event, guesses and all
    at.run()
    assert not at.exception
    # The events' own titles, organisers and places are the invitation's words.
    titles = [t for e in at.session_state["data_calendar_import"].offers for t in (
        e.event.title, e.event.organiser_name, e.guess.company, e.guess.role, e.guess.round,
        e.event.location, e.event.as_written(frame.now_here().tzinfo))]  # fmt: skip
    data = [*path_words(path), *others_words(*titles, fixture), *PRODUCTS, *CALENDAR_COLUMNS]
    assert english_words(at, data) == []
    zone = others_words(str(frame.now_here().tzinfo))
    assert others_words(*column_labels(at)) == zone  # only the zone's name, in "时间（…）"
    assert column_labels(at)[:2] == ["添加", f"时间（{zone_name(frame.now_here().tzinfo)}）"]
    summary = [m.value for m in at.markdown if m.value.startswith("**")][0]
    assert "个事件**：" in summary and summary.endswith("。")
    assert any(b.label.startswith("添加 ") and b.label.endswith(" 场面试") for b in at.button)


def test_a_calendar_import_in_chinese_reports_what_it_added(section, tmp_path, chinese):
    path = tmp_path / "journal.duckdb"
    speak_chinese(path)
    at = section(calendar_section, path)
    at.session_state["data_calendar_import"] = calendar_reading(
        path, chinese_calendar("字节跳动 数据分析师 二面", "美团 终面"), "邀请.ics"
    )
    at.run()
    [add] = [b for b in at.button if b.label == "添加 2 场面试"]
    add.click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["已添加 2 场面试（新增 2 家公司）。"]
    stored = interviews.list_interviews(db.open_journal(str(path)).cursor())
    assert sorted((i.company, i.role, i.round) for i in stored) == [
        ("字节跳动", "数据分析师", "二面"), ("美团", "", "终面")
    ]  # fmt: skip
    assert stored[0].notes.startswith("从日历邀请导入。\n组织者：张敏 <hr@qq.com>。")


def transcript_at(section, path: Path, data: bytes, name: str) -> AppTest:  # noqa: F811
    from coach.transcripts.preview import build_preview
    from coach.transcripts.turns import read_transcript
    from coach_ui.review_transcript import _Import

    journal = db.open_journal(str(path))
    company = companies.add_company(journal, "腾讯", "target")
    interview_id = interviews.add_interview(
        journal,
        InterviewFields(company_id=company, scheduled_at=datetime.now(UTC) - timedelta(hours=2)),
    )
    reviews.start_review(journal, interview_id, datetime.now(UTC))
    speak_chinese(path)
    at = section(transcript_section, path)
    at.session_state["test_interview"] = interview_id
    if data:
        transcript = read_transcript(data)
        preview = build_preview(transcript, transcript.guess_candidate())
        at.session_state[f"review_{interview_id}_transcript"] = _Import(name, transcript, preview)
    return at.run()


def test_the_transcript_upload_speaks_only_chinese(section, tmp_path, chinese):
    path = tmp_path / "journal.duckdb"
    at = transcript_at(section, path, b"", "")
    assert not at.exception
    assert english_words(at, [*path_words(path), *PRODUCTS]) == []


@pytest.mark.parametrize("fixture", ["tencent-meeting-zh.txt", "northwind-zoom.vtt"])
def test_the_transcript_preview_speaks_only_chinese(section, tmp_path, chinese, fixture):
    path = tmp_path / "journal.duckdb"
    data = (FIXTURES / "transcripts" / fixture).read_bytes()
    at = transcript_at(section, path, data, fixture)
    assert not at.exception
    # The call's own words (speakers, questions, answers) are shown as said.
    said = data.decode()
    data = [*path_words(path), *others_words(said, fixture), *PRODUCTS, *TRANSCRIPT_COLUMNS]
    assert english_words(at, data) == []
    texts = [m.value for m in at.markdown]
    assert any(t.startswith("**导入文字记录** · ") for t in texts)
    found = next(t for t in texts if t.startswith("**找到 "))
    assert "。修改措辞" in found  # sentences follow one another without a space
    assert at.radio[0].label == "哪位说话人是你？"
    assert others_words(*column_labels(at)) == []
    assert column_labels(at)[:4] == ["保留", "问题", "我的回答", "提问时间"]


def test_the_chinese_transcripts_speakers_are_offered_with_chinese_counts(
    section, tmp_path, chinese
):
    path = tmp_path / "journal.duckdb"
    data = (FIXTURES / "transcripts" / "tencent-meeting-zh.txt").read_bytes()
    at = transcript_at(section, path, data, "转写.txt")
    [me] = [o for o in at.radio[0].options if o.startswith("**李伟**")]
    assert me.startswith("**李伟** — 说了 ") and "次发言：“" in me
    heading = [m.value for m in at.markdown if m.value.startswith("**导入文字记录**")][0]
    assert heading.startswith("**导入文字记录** · 转写.txt · 纯文本 · ")
    assert " 条字幕 · 3 位说话人 · 时长 " in heading

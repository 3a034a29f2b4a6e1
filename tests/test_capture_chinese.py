"""What capture writes and reads in Chinese: calendar events exported, guesses from
Chinese invitations, the import's notes and summary, transcript reports and their
measured times, Chinese interviewers' requests and role labels, and the messages of a
bad file, each with its expected sentence; English as before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from coach import companies, i18n, interviews, questions
from coach.calendars import exporting, importing
from coach.calendars.events import read_calendar
from coach.calendars.guesses import guess, looks_like_interview
from coach.errors import InvalidInput
from coach.interviews import InterviewFields
from coach.transcripts import files
from coach.transcripts.asking import is_question
from coach.transcripts.preview import build_preview, duration_text
from coach.transcripts.report import preview_lines, transcript_lines
from coach.transcripts.turns import read_transcript
from tests.test_calendars import sample_journal  # noqa: F401 - a fixture

SHANGHAI = ZoneInfo("Asia/Shanghai")
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def chinese():
    with i18n.speaking(i18n.CHINESE):
        yield


def invitation(title: str, organiser: str = "hr@qq.com", extra: str = "") -> bytes:
    return (
        f"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:{title}\nDTSTART:20260318T013000Z\n"
        f"ORGANIZER;CN=张敏:mailto:{organiser}\n{extra}END:VEVENT\nEND:VCALENDAR\n"
    ).encode()


def event_of(title: str, **kwargs):
    [event] = read_calendar(invitation(title, **kwargs), zone=SHANGHAI)
    return event


# --- Chinese invitations -------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "company", "role", "round_"),
    [
        ("字节跳动 二面", "字节跳动", "", "二面"),
        ("字节跳动 数据分析师 二面", "字节跳动", "数据分析师", "二面"),
        ("【字节跳动】数据分析师一面邀请", "字节跳动", "数据分析师", "一面"),
        ("腾讯面试邀请：产品经理 二面", "腾讯", "产品经理", "二面"),
        ("京东 产品运营岗 初试", "京东", "产品运营岗", "一面"),
        ("网易游戏-游戏策划-笔试", "网易游戏", "游戏策划", "笔试"),
        ("小红书 数据分析实习生 面试", "小红书", "数据分析实习生", ""),
        ("百度 算法工程师 技术面", "百度", "算法工程师", "技术面"),
        ("面试：蚂蚁集团 前端开发 三面", "蚂蚁集团", "前端开发", "三面"),
        ("招商银行 管培生 群面", "招商银行", "管培生", "群面"),
        ("滴滴 视频面试 - 后端开发", "滴滴", "后端开发", ""),
        ("美团 终面（HR面）", "美团", "", "终面"),
    ],
)  # fmt: skip
def test_a_chinese_invitation_gives_its_company_role_and_round(title, company, role, round_):
    event = event_of(title)
    guessed = guess(event, [])
    assert looks_like_interview(event)
    assert (guessed.company, guessed.role, guessed.round) == (company, role, round_)


def test_a_chinese_phone_interview_is_a_phone_interview():
    guessed = guess(event_of("华为 电话面试"), [])
    assert (guessed.company, guessed.format) == ("华为", "phone")


def test_an_english_invitation_read_in_chinese_names_its_round_and_reason_in_chinese(chinese):
    guessed = guess(event_of("Final round – Globex"), [])
    assert (guessed.company, guessed.round, guessed.company_reason) == (
        "Globex", "终面", "事件标题"
    )  # fmt: skip
    by_domain = guess(event_of("Final round", organiser="talent@careers.acme.co.uk"), [])
    assert by_domain.company_reason == "邮箱域名 careers.acme.co.uk"


def test_an_invitation_from_another_zone_is_written_in_chinese(chinese):
    [event] = read_calendar(
        (FIXTURES / "calendars" / "outlook-invitation.ics").read_bytes(), zone=SHANGHAI
    )
    assert event.as_written(ZoneInfo("Europe/Berlin")) == "3月18日 周三 09:30 China Standard Time"


EXPORT_ICS = "把日历导出（或把邀请的附件另存）为 .ics 文件，再导入它。"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "这个文件是空的。" + EXPORT_ICS),
        (b"hello", "这个文件不是日历（.ics）文件。" + EXPORT_ICS),
        (b"BEGIN:VCALENDAR\nEND:VCALENDAR\n", "这个日历文件里没有事件。" + EXPORT_ICS),
    ],
)  # fmt: skip
def test_a_bad_calendar_file_is_refused_in_chinese(chinese, data, message):
    with pytest.raises(InvalidInput) as refused:
        read_calendar(data, zone=SHANGHAI)
    assert str(refused.value) == message


def test_picked_chinese_invitations_are_added_with_chinese_notes_and_summary(
    chinese, journal, cur, now
):
    events = read_calendar(
        invitation("字节跳动 数据分析师 二面", extra="LOCATION:腾讯会议\n"), zone=SHANGHAI
    )
    [offer] = importing.offers(cur, events)
    pick = importing.Pick(offer.event, offer.guess.company, offer.guess.role, offer.guess.round)
    result = importing.import_picks(journal, [pick], now)
    assert result.describe() == "已添加 1 场面试（新增 1 家公司）。"
    [stored] = interviews.list_interviews(cur)
    assert stored.notes == "从日历邀请导入。\n组织者：张敏 <hr@qq.com>。\n地点：腾讯会议"
    again = importing.offers(cur, events)
    assert importing.status_count(again[0].status, 1) == "1 个已在日志中"
    assert importing.import_picks(journal, [pick], now).describe() == (
        "没有添加任何内容：选中的事件已经在你的日志里了。"
    )
    with pytest.raises(InvalidInput, match="^请说明“无标题的事件”是哪家公司的面试。$"):
        importing.import_picks(journal, [importing.Pick(_untitled(), " ")], now)


def _untitled():
    [event] = read_calendar(invitation(""), zone=SHANGHAI)
    return event


def test_the_import_summary_in_english_is_unchanged(journal, now):
    assert importing.Imported(3, 1, 2).describe() == (
        "Added 3 interviews, moved 1 to the invitation's new time (2 new companies)."
    )
    assert importing.Imported(0, 1, 0).describe() == "Moved 1 to the invitation's new time."
    assert importing.Imported(1, 0, 1).describe() == "Added 1 interview (1 new company)."


# --- Calendar export -----------------------------------------------------------------


def events_in(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_an_exported_interview_reads_in_chinese_and_imports_back_exactly(chinese, journal, now):
    company = companies.add_company(journal, "字节跳动", "practice")
    interviews.add_interview(
        journal,
        InterviewFields(
            company_id=company, scheduled_at=datetime(2026, 3, 18, 1, 30, tzinfo=UTC),
            role="数据分析师", round="二面", format="video", interviewer="王经理",
            notes="带上作品集",
        ),
    )  # fmt: skip
    data = exporting.calendar_ics(journal.cursor(), now.astimezone(SHANGHAI))
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "面试教练"
    [event] = events_in(data)
    assert str(event["SUMMARY"]) == "面试：字节跳动 · 数据分析师 · 二面"
    assert str(event["DESCRIPTION"]) == "形式：视频面试\n面试官：王经理\n带上作品集"
    assert event["CATEGORIES"].cats == ["面试"]
    assert str(event["X-COACH-FORMAT"]) == "video"  # stored keys stay as stored
    [offer] = importing.offers(journal.cursor(), read_calendar(data, zone=SHANGHAI))
    assert (offer.guess.company, offer.guess.role, offer.guess.round, offer.status) == (
        "字节跳动", "数据分析师", "二面", "here"
    )  # fmt: skip


def test_the_rehearsal_plan_reads_in_chinese(chinese, sample_journal, now):  # noqa: F811
    cur = sample_journal.cursor()
    local = now.astimezone(SHANGHAI)
    plan = exporting.rehearsal_plan(cur, local)
    assert plan, "the sample has a target interview with weak cards"
    events = {
        str(e["UID"]): e for e in events_in(exporting.calendar_ics(cur, local))
    }  # fmt: skip
    for day in plan:
        event = events[f"rehearse-{day.interview.uid}-{day.day:%Y%m%d}@interview-coach"]
        on = day.interview.scheduled_at.astimezone(SHANGHAI)
        weekday = "一二三四五六日"[on.weekday()]
        assert str(event["SUMMARY"]) == f"为 {day.interview.company} 练习 {day.cards} 张卡片"
        assert str(event["DESCRIPTION"]) == (
            f"{on.year}年{on.month}月{on.day}日 周{weekday} {on:%H:%M} 的 {day.interview.title} "
            f"之前：有 {day.weak} 张卡片到那天会低于你的目标记忆水平。在面试教练里每天练习 "
            f"{day.cards} 张（练习 → 突击复习），就能准备好。"
        )
        assert event["CATEGORIES"].cats == ["练习"]


def test_the_rehearsal_plan_in_english_reads_as_before(sample_journal, now):  # noqa: F811
    cur = sample_journal.cursor()
    local = now.astimezone(SHANGHAI)
    [day, *_] = exporting.rehearsal_plan(cur, local)
    [event] = [
        e for e in events_in(exporting.calendar_ics(cur, local))
        if str(e["UID"]) == f"rehearse-{day.interview.uid}-{day.day:%Y%m%d}@interview-coach"
    ]  # fmt: skip
    on = day.interview.scheduled_at.astimezone(SHANGHAI)
    assert str(event["DESCRIPTION"]) == (
        f"Before {day.interview.title} on {on:%a} {on.day} {on:%b %Y} at {on:%H:%M}: "
        f"{day.weak} cards would be below your target recall on the day. Rehearse "
        f"{day.cards} a day in Interview Coach (Practice → Cram) to be ready."
    )


# --- Transcripts ---------------------------------------------------------------------

TENCENT = (FIXTURES / "transcripts" / "tencent-meeting-zh.txt").read_bytes()


def test_the_transcript_report_reads_in_chinese(chinese):
    transcript = read_transcript(TENCENT)
    assert transcript_lines(transcript, "转写.txt") == [
        "转写.txt：纯文本，12 条字幕，3 位说话人",
        "  李伟：5 次发言，共说了 3 分 30 秒",
        "  张敏：5 次发言，共说了 23 秒",
        "  王强：1 次发言，共 13 个字符",
    ]
    lines = preview_lines(build_preview(transcript, "李伟"))
    assert lines[0] == "在其他人的话里找到 3 个问题（你是 李伟）："
    assert lines[3:5] == [
        "2. [1:49] 你为什么想离开现在的公司？",
        "   回答（42 秒）：我希望更贴近业务，转向财务分析。",
    ]


def test_an_interrupted_answer_is_reported_in_chinese(chinese):
    long_answer = "我负责搭建了一个数据看板，" * 10
    data = (
        f"[00:00:05] 面试官：请介绍一下你最有成就感的一个项目。\n"
        f"[00:00:10] 我：{long_answer}\n"
        f"[00:02:40] 面试官：打断一下，时间关系我们看下一个问题。你怎么看待这个岗位？\n"
        f"[00:02:50] 我：我觉得这个岗位很适合我。\n"
        f"[00:03:30] 面试官：谢谢。\n"
    ).encode()
    transcript = read_transcript(data)
    lines = preview_lines(build_preview(transcript, transcript.guess_candidate()))
    assert lines[0] == "在其他人的话里找到 2 个问题（你是 我），其中 1 个标为被打断："
    assert lines[2].startswith("   回答（2 分 30 秒 · 被打断）：我负责搭建了一个数据看板")


@pytest.mark.parametrize(
    ("ms", "english", "chinese_text"),
    [(None, "not timed", "未计时"), (45_000, "45 s", "45 秒"), (120_000, "2 min", "2 分钟"),
     (130_000, "2 min 10 s", "2 分 10 秒"), (3_900_000, "1 h 05 min", "1 小时 05 分")],
)  # fmt: skip
def test_speaking_times_read_in_either_language(ms, english, chinese_text):
    assert duration_text(ms) == english
    with i18n.speaking(i18n.CHINESE):
        assert duration_text(ms) == chinese_text


@pytest.mark.parametrize(
    "sentence",
    ["讲一下你在上家公司的项目", "聊聊你的职业规划", "说说你对这个行业的理解", "介绍下你自己",
     "谈一谈你的优缺点", "举个例子说明一下", "描述一下你遇到的最大挑战", "分享一个你失败的经历",
     "那你说一下你的优势", "你来讲讲这个项目的难点", "先介绍一下你自己"],
)  # fmt: skip
def test_a_chinese_request_without_a_question_mark_is_a_question(sentence):
    assert is_question(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["我来介绍一下我们团队。", "我讲一下这个岗位的职责。", "好的，那我说一下我的理解。",
     "我们公司主要做电商。", "我们先聊聊一下项目"],
)  # fmt: skip
def test_an_interviewer_telling_about_the_team_is_not_a_question(sentence):
    assert not is_question(sentence)


def test_a_speaker_labelled_candidate_is_taken_for_the_candidate():
    # The interviewer talks longest and asks in fewer than half their turns: by talk
    # alone they would be taken for the candidate; the labels say otherwise.
    data = (
        "面试官：欢迎来面试。我们团队负责集团的数据平台，服务二十多个业务线，规模很大，"
        "今年还会继续扩张，所以需要更多有经验的分析师加入。\n"
        "候选人：谢谢。\n"
        "面试官：我们的工作节奏比较快，每周都有需求评审和数据复盘，跨部门沟通也很多。\n"
        "候选人：明白。\n"
        "面试官：你为什么想加入我们？\n"
        "候选人：想做更大规模的数据。\n"
    ).encode()
    transcript = read_transcript(data)
    assert transcript.guess_candidate() == "候选人"


def test_an_interviewer_label_is_never_taken_for_the_candidate():
    data = (
        "王面试官：欢迎。我们团队负责集团的数据平台，服务二十多个业务线，规模很大，"
        "今年还会继续扩张，所以需要更多有经验的分析师加入。\n"
        "李伟：谢谢。\n"
        "王面试官：我们的工作节奏比较快，每周都有需求评审和数据复盘，跨部门沟通也很多。\n"
        "李伟：明白。\n"
        "王面试官：你为什么想加入我们？\n"
        "李伟：想做更大规模的数据。\n"
    ).encode()
    assert read_transcript(data).guess_candidate() == "李伟"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"   ", "这个文件是空的：里面没有文字记录。把通话的文字记录导出为 .vtt、.srt 或 .txt 文件"
               "（在 Zoom、Teams 或 Meet 中：文字记录的下载按钮），再导入它。"),
        (b"%PDF-1.4 ...", "这个文件是 PDF 文档，不是文字记录。把通话的文字记录导出为 .vtt、.srt 或 "
                          ".txt 文件（在 Zoom、Teams 或 Meet 中：文字记录的下载按钮），再导入它。"),
        ("面试官：你好，请先做一下自我介绍，谢谢你今天过来参加我们的面试。".encode("gb18030"),
         "这个文件看起来是以 GB18030（或 GBK）保存的中文文本，面试教练无法读取。用文本编辑器"
         "打开它，以“UTF-8”编码保存，再导入那个文件。"),
    ],
)  # fmt: skip
def test_a_bad_transcript_file_gets_one_chinese_sentence(chinese, data, message):
    with pytest.raises(InvalidInput) as refused:
        files.decode(data)
    assert str(refused.value) == message


def test_a_transcript_naming_one_speaker_says_how_to_fix_it_in_chinese(chinese):
    with pytest.raises(InvalidInput) as refused:
        read_transcript("张敏：你好？\n张敏：有人吗？\n".encode())
    assert str(refused.value).startswith(
        "这份文字记录里只标出了一位说话人（张敏）；一场面试需要面试官的话和你的话。"
        "在会议工具的文字记录设置里打开说话人姓名并重新导出"
    )


# --- Interviews, companies and questions ---------------------------------------------


def test_the_journals_refusals_are_said_in_chinese(chinese, journal, cur, now):
    companies.add_company(journal, "字节跳动")
    with pytest.raises(InvalidInput, match="^你的日志里已经有一家名为“字节跳动”的公司。$"):
        companies.add_company(journal, "字节跳动")
    with pytest.raises(InvalidInput, match=r"^请至少输入或粘贴一个问题（每行一个）。$"):
        questions.propose(cur, [])
    with pytest.raises(InvalidInput, match=r"^这里有 101 行；一次最多添加 100 个问题。"):
        questions.propose(cur, [f"问题 {n}" for n in range(101)])
    with pytest.raises(Exception, match="^这场面试已不存在；可能已在另一个标签页中被删除。$"):
        interviews.get_interview(cur, 999)


def test_an_interviews_review_state_reads_in_chinese(chinese, journal, cur, now):
    company = companies.add_company(journal, "美团")
    interview_id = interviews.add_interview(
        journal, InterviewFields(company_id=company, scheduled_at=now - timedelta(days=1))
    )
    assert interviews.get_interview(cur, interview_id).review_label == "未复盘"
    with i18n.speaking(i18n.ENGLISH):
        assert interviews.get_interview(cur, interview_id).review_label == "Not reviewed"


def test_the_seeded_dimensions_are_named_in_the_language_in_use(journal, cur):
    cur.execute(
        "INSERT INTO dimensions (key, label, position) VALUES ('case_interview', 'Case 面试', 9)"
    )
    english = questions.dimensions(cur)
    with i18n.speaking(i18n.CHINESE):
        chinese = questions.dimensions(cur)
    assert (english["career_planning"], chinese["career_planning"]) == (
        "Career planning",
        "职业规划",
    )
    assert chinese["professional_ability"] == "专业能力评估"
    assert english["case_interview"] == chinese["case_interview"] == "Case 面试"  # as they named it
    assert list(english) == list(chinese)


@pytest.mark.parametrize("place", ["腾讯会议", "飞书", "钉钉会议室 3", "线上"])
def test_a_chinese_meeting_app_makes_a_video_interview(place):
    guessed = guess(event_of("字节跳动 二面", extra=f"LOCATION:{place}\n"), [])
    assert guessed.format == "video"


def test_five_questions_pasted_as_a_chinese_list_lose_their_numbers_only():
    pasted = (
        "1、请做一下自我介绍\n（2）你为什么离开上一家公司？\n三、你的职业规划是什么\n"
        "第四题：你对加班怎么看\n问题5：你有什么想问我们的\n"
        "第一份工作为什么离职\n十分钟讲清楚你的项目\n3.5% growth: how?\n④ 期望薪资多少"
    )
    assert questions.split_lines(pasted) == [
        "请做一下自我介绍", "你为什么离开上一家公司？", "你的职业规划是什么", "你对加班怎么看",
        "你有什么想问我们的", "第一份工作为什么离职", "十分钟讲清楚你的项目", "3.5% growth: how?",
        "期望薪资多少",
    ]  # fmt: skip

"""The words of the review method (DESIGN.md), as values stored in the journal.

Each vocabulary maps a stored key to the label the app shows. The schema's CHECK
constraints are generated from these same tuples, so a key added here is allowed
by the database after the next migration that rebuilds the constraint.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping
from typing import Generic, TypeVar

from coach import i18n

K = TypeVar("K", bound=Hashable)


class Vocabulary(Mapping[K, str], Generic[K]):
    """Stored keys and their labels, in English and in Chinese side by side.

    Reading a label (`VOCAB[key]`, `.get`, `.items()`, `.values()`) gives it in the
    language in use (coach.i18n), so code that shows a label needs no change; the
    keys, which the journal stores and the schema checks, are the same in every
    language. The Chinese terms follow the method's article (DESIGN.md).
    """

    def __init__(self, terms: dict[K, tuple[str, str]]) -> None:
        self._terms = terms

    def __getitem__(self, key: K) -> str:
        english, chinese = self._terms[key]
        return chinese if i18n.is_chinese() else english

    def __iter__(self) -> Iterator[K]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def english(self, key: K) -> str:
        return self._terms[key][0]

    def chinese(self, key: K) -> str:
        return self._terms[key][1]

    def key_for(self, label: str) -> K | None:
        """The key whose label is `label` in either language (import, transcripts)."""
        folded = label.strip().casefold()
        for key, pair in self._terms.items():
            if folded in (pair[0].casefold(), pair[1]):
                return key
        return None


COMPANY_KINDS = Vocabulary(
    {
        "target": ("Target", "目标公司"),
        "practice": ("Practice", "练手公司"),
        "undecided": ("Undecided", "待定"),
    }
)

INTERVIEW_FORMATS = Vocabulary(
    {
        "phone": ("Phone", "电话面试"),
        "video": ("Video call", "视频面试"),
        "onsite": ("On site", "现场面试"),
        "panel": ("Panel", "小组面试"),
        "take_home": ("Take-home / assessment", "笔试 / 测评"),
    }
)

OUTCOMES = Vocabulary(
    {
        "pending": ("Pending", "等待结果"),
        "advanced": ("Advanced", "进入下一轮"),
        "rejected": ("Rejected", "未通过"),
        "offer": ("Offer", "拿到录用"),
        "referred": ("Referred elsewhere", "被推荐到其他岗位"),
    }
)

# Overall rating of an interview: four levels, as the method names them.
OVERALL_RATINGS = Vocabulary(
    {
        1: ("Dissatisfied", "不满意"),
        2: ("Basically satisfied", "基本满意"),
        3: ("Satisfied", "满意"),
        4: ("Very satisfied", "非常满意"),
    }
)

# How confidently did I show my experience and abilities?
SELF_STATES = Vocabulary(
    {
        1: ("Hesitant", "犹豫"),
        2: ("Uneven", "时好时坏"),
        3: ("Mostly confident", "基本自信"),
        4: ("Confident throughout", "始终自信"),
    }
)

# Nerves, the other half of the candidate's own state: "nervous at the start" is
# common, and a warm-up routine before the next interview is its fix.
NERVES = Vocabulary(
    {
        "calm": ("Calm", "平静"),
        "nervous_start": ("Nervous at the start", "开始时紧张"),
        "nervous_throughout": ("Nervous throughout", "全程紧张"),
    }
)

INTERVIEWER_REACTIONS = Vocabulary(
    {
        "positive": ("Positive", "积极回应"),
        "neutral": ("Neutral", "中性"),
        "impatient": ("Impatient", "不耐烦"),
        "questioning": ("Questioning", "疑惑"),
    }
)

# Seeded dimensions; the user can add more (the dimensions table is extensible).
DIMENSIONS = Vocabulary(
    {
        "career_planning": ("Career planning", "职业规划"),
        "past_experience": ("Past-experience verification", "过往经历验证"),
        "professional_ability": ("Professional ability", "专业能力评估"),
        "motivation_fit": ("Motivation and fit", "动机与匹配度"),
        "behavioural": ("Behavioural", "行为面试"),
        "logistics_pay": ("Logistics and pay", "入职安排与薪资"),
        "other": ("Other", "其他"),
    }
)


def dimension_label(key: str, stored: str) -> str:
    """A dimension's name as shown: a seeded one under its seeded name (the journal
    keeps it in English; a journal made before that may hold the Chinese) reads in the
    language in use; any other name reads as the candidate typed it."""
    if key in DIMENSIONS and stored in (DIMENSIONS.english(key), DIMENSIONS.chinese(key)):
        return DIMENSIONS[key]
    return stored


SIGNALS = Vocabulary(
    {
        "positive": ("Positive", "积极回应"),
        "neutral": ("Neutral", "中性"),
        "interrupted": ("Interrupted", "打断"),
        "confused": ("Confused", "疑惑"),
        "probed": ("Probed for details", "追问"),
    }
)

# Self score of one answer: the bottom two levels are weak.
SELF_SCORES = Vocabulary(
    {
        1: ("Poor", "差"),
        2: ("Weak", "较弱"),
        3: ("Good", "良好"),
        4: ("Strong", "出色"),
    }
)

# The four parts of a prepared story (the STAR method keeps its English name).
STORY_PARTS = Vocabulary(
    {
        "situation": ("Situation", "情境"),
        "task": ("Task", "任务"),
        "action": ("Action", "行动"),
        "result": ("Result", "结果"),
    }
)

# The method's fix for a probed answer: the evidence behind the experience.
EVIDENCE_PARTS = Vocabulary(
    {
        "background": ("Background", "背景"),
        "problem": ("The problem", "问题所在"),
        "my_actions": ("What I did", "我做了什么"),
        "evidence": ("Evidence", "证据"),
    }
)

CAUSES = Vocabulary(
    {
        "unprepared": ("Unprepared", "没有准备"),
        "wording": ("Wording not refined", "表达不够精炼"),
        "did_not_know": ("Did not know", "不会"),
    }
)

STORY_USES = Vocabulary(
    {
        "told": ("Told fully", "完整讲述"),
        "partly": ("Told partly", "讲了一部分"),
        "missed": ("Missed", "错过"),
    }
)

# Why a relevant story was missed: each has its own fix in the plan.
MISSED_REASONS = Vocabulary(
    {
        "no_opening": ("No opening came", "没有合适的时机"),
        "no_bridge": ("I did not bridge to it", "没有主动引到它"),
        "forgot": ("I forgot it", "忘了讲"),
    }
)

ASPECTS = Vocabulary(
    {
        "overall": ("Overall performance", "整体表现"),
        "questions": ("Questions and answers", "问题与回答"),
        "relationship": ("The interview relationship", "面试中的互动"),
        "strengths": ("Strengths told or missed", "优势讲到与错过"),
    }
)

ACTION_STATUSES = Vocabulary({"open": ("Open", "待办"), "done": ("Done", "已完成")})

ACTION_SOURCES = Vocabulary(
    {
        "suggested": ("Suggested by the review", "复盘建议"),
        "own": ("My own", "自己的"),
        "advice": ("Interviewer's advice", "面试官的建议"),
        "referral": ("Referral follow-up", "内推跟进"),
        "bridge": ("Bridge to a missed story", "引到错过的故事"),
    }
)

PACES = Vocabulary(
    {
        "too_slow": ("Too slow", "太慢"),
        "right": ("About right", "正好"),
        "too_fast": ("Too fast", "太快"),
    }
)

REVIEW_STATUSES = Vocabulary({"draft": ("Draft", "草稿"), "completed": ("Completed", "已完成")})

# The guided review's steps, in order: a draft remembers the one it is on.
REVIEW_STEPS = Vocabulary(
    {
        "overall": ("Overall performance", "整体表现"),
        "questions": ("Questions and answers", "问题与回答"),
        "relationship": ("Relationship", "互动"),
        "strengths": ("Strengths", "优势"),
        "plan": ("Improvement plan", "改进计划"),
        "summary": ("Summary", "总结"),
    }
)
REVIEW_DEPTHS = Vocabulary(
    {"deep": ("Deep review", "深度复盘"), "refine": ("Refine your strengths", "打磨优势")}
)

# What a card rehearses: a better answer, or the evidence behind a good answer the
# interviewer probed (background, problem, what I did, evidence).
CARD_KINDS = Vocabulary(
    {
        "answer": ("Rehearse the answer", "练习回答"),
        "evidence": ("Prepare evidence", "准备证据"),
    }
)

CARD_STATUSES = Vocabulary(
    {
        "active": ("Active", "进行中"),
        "suspended": ("Suspended", "已暂停"),
        "retired": ("Retired", "已退役"),
    }
)

# fsrs Rating values.
GRADES = Vocabulary(
    {1: ("Again", "重来"), 2: ("Hard", "困难"), 3: ("Good", "良好"), 4: ("Easy", "简单")}
)

ANSWER_SOURCES = Vocabulary(
    {
        "review": ("Kept from a review", "来自复盘"),
        "rehearsal": ("Saved from a rehearsal", "来自练习"),
        "rewrite": ("Rewritten", "重写"),
        "manual": ("Written by hand", "手写"),
    }
)

# When a brief's prediction was kept (coach.predictions), as its scorecard says it.
PREDICTION_MOMENTS = Vocabulary(
    {
        "shown": ("when you first opened it", "在你第一次打开它时"),
        "downloaded": ("when you downloaded it", "在你下载它时"),
        "day": ("on the interview's day", "在面试当天"),
    }
)

# How a kept transcript was written (coach.transcripts).
TRANSCRIPT_FORMATS = Vocabulary(
    {"vtt": ("WebVTT", "WebVTT"), "srt": ("SRT", "SRT"), "text": ("Plain text", "纯文本")}
)

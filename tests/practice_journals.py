"""Journals unlike the sample for the Chinese Practice and brief tests, built through the
domain functions at the real clock (the pages read it): questions in Chinese and in
English side by side, one interview only, and two interviews booked at the same time.

Every text here is the candidate's own data, which no language choice translates:
`DATA_WORDS` lists its Latin-letter words, for `tests.chinese.english_words`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from coach import actions, db, practice, reviews, stories
from coach.scheduling import make_scheduler, record_rehearsal
from coach.stories import StoryFields
from tests.test_likely import book, review

WEAK = {"self_score": 1, "signal": "interrupted", "what_went_wrong": "说得太长，没讲重点"}
PROBED = {"self_score": 2, "signal": "probed", "background": "去年双十一的大促"}
CONFUSED = {"self_score": 2, "signal": "confused"}
STRONG = {"self_score": 4, "signal": "positive"}

CHINESE_QUESTIONS = [
    ("请做一下自我介绍", "career_planning", WEAK),
    ("你为什么离开上一家公司？", "motivation_fit", PROBED),
    ("讲一个你推动跨部门合作的例子", "behavioural", CONFUSED),
]
ENGLISH_QUESTIONS = [
    ("Walk me through a SQL query you are proud of", "professional_ability", WEAK),
    ("What are your salary expectations?", "logistics_pay", STRONG),
]

TEXTS = [
    *(q for q, _d, _f in CHINESE_QUESTIONS + ENGLISH_QUESTIONS),
    "字节跳动", "数据分析师", "二面", "Acme Analytics", "Data Analyst", "Final round",
    "Northwind", "Finance Partner", "Panel", "Globex", "First round",
    "Cut the story to two minutes", "先说结论，再讲过程",
    "I built a churn model in SQL and cut churn by 12%.",
    "大促复盘 story", "stakeholder management", "跨部门沟通", "Keep answers short",
]  # fmt: skip
DATA_WORDS = frozenset(w for text in TEXTS for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", text))


def clock_now() -> datetime:
    return datetime.now(UTC)


def _review(journal, interview_id: int, now: datetime, asked: list[tuple[str, str, dict]]):
    """The interview's review, completed (tests.test_likely.review), with the interviewer's
    advice."""
    review(journal, interview_id, now, asked)
    reviews.save_review(journal, interview_id, now, advice="先说结论，再讲过程")


def _card_of(journal, text: str) -> int:
    cur = journal.cursor()
    try:
        return cur.execute(
            "SELECT c.id FROM cards c JOIN questions q ON q.id = c.question_id WHERE q.text = ?",
            [text],
        ).fetchone()[0]
    finally:
        cur.close()


def mixed(path: Path) -> Path:
    """Two reviewed interviews (Chinese and English questions, weak and strong), a card
    rehearsed into a leech, an answer kept, stories and actions; and two upcoming
    interviews booked at the same time, one at a target company."""
    journal = db.open_journal(str(path))
    now = clock_now()
    first = book(journal, "字节跳动", "target", now - timedelta(days=20), "数据分析师", "二面")
    _review(journal, first, now - timedelta(days=20), CHINESE_QUESTIONS + ENGLISH_QUESTIONS[:1])
    second = book(journal, "Acme Analytics", "practice", now - timedelta(days=9),
                   "Data Analyst", "Final round")  # fmt: skip
    _review(journal, second, now - timedelta(days=9), ENGLISH_QUESTIONS + CHINESE_QUESTIONS[:1])
    soon = (now + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    book(journal, "字节跳动", "target", soon, "数据分析师", "终面")
    book(journal, "Northwind", "practice", soon, "Finance Partner", "Panel")
    # One card rehearsed until it lapsed into a leech; one with an answer kept.
    scheduler = make_scheduler(fuzzing=False)
    leech = _card_of(journal, "讲一个你推动跨部门合作的例子")

    def lapse(cur) -> None:
        days = 18
        for grade in (3, 1, 3, 1, 3, 1, 3, 1):
            record_rehearsal(cur, leech, grade, at=now - timedelta(days=days), duration_ms=9_000,
                             scheduler=scheduler, leech_threshold=4)  # fmt: skip
            days -= 2

    journal.write(lapse)
    sql = _card_of(journal, ENGLISH_QUESTIONS[0][0])
    practice.save_answer(journal, sql, "I built a churn model in SQL and cut churn by 12%.",
                         now=now - timedelta(days=5))  # fmt: skip
    when = now - timedelta(days=5)
    journal.write(
        lambda cur: record_rehearsal(
            cur, sql, 3, at=when, duration_ms=60_000, scheduler=scheduler, leech_threshold=4
        )
    )
    told = stories.add_story(journal, StoryFields(title="大促复盘 story",
                                                  skills=("跨部门沟通",)))  # fmt: skip
    stories.add_story(journal, StoryFields(title="Keep answers short",
                                           skills=("stakeholder management",)))  # fmt: skip
    stories.set_story_use(journal, first, told, "told", now)
    actions.add_action(journal, first, "questions", "Cut the story to two minutes", now)
    actions.add_action(journal, None, "overall", "先说结论，再讲过程", now)
    return path


def one_interview(path: Path) -> Path:
    """A single interview, reviewed: nothing booked, nothing rehearsed yet."""
    journal = db.open_journal(str(path))
    now = clock_now()
    only = book(journal, "Globex", "practice", now - timedelta(days=1), "Data Analyst",
                 "First round")  # fmt: skip
    _review(journal, only, now - timedelta(days=1), CHINESE_QUESTIONS[:2] + ENGLISH_QUESTIONS)
    return path

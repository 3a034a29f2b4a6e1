"""A journal holding interviews and questions in both languages, built with the domain's
own functions: what the pages are tested on in English and in Chinese."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from coach import actions, companies, db, interviews, reviews
from coach.days import candidate_zone
from coach.interviews import InterviewFields
from coach.reviews import NewAsk

# What the journal holds in Latin letters: the candidate's own words, shown as typed.
DATA_WORDS = (
    "Acme",
    "Analytics",
    "Data",
    "Analyst",
    "Onsite",
    "Tell",
    "about",
    "yourself",
    "Why",
    "data",
)


def bilingual_journal(path: Path) -> None:
    """Two held interviews, one in Chinese and one in English, each asked questions in
    both languages; two upcoming interviews at the same hour, a target and a practice one.
    Dated around the real clock, as the pages read it."""
    journal = db.open_journal(str(path))
    now = datetime.now(candidate_zone())
    bytedance = companies.add_company(journal, "字节跳动", "target")
    acme = companies.add_company(journal, "Acme Analytics", "practice")
    held = {
        bytedance: (now - timedelta(days=2), "数据分析师", ["请介绍一下你自己。", "Why data?"]),
        acme: (now - timedelta(days=5), "Data Analyst", ["Tell me about yourself.", "离职原因？"]),
    }
    for company, (when, role, questions) in held.items():
        interview = interviews.add_interview(
            journal, InterviewFields(company_id=company, scheduled_at=when, role=role)
        )
        reviews.start_review(journal, interview, now)
        asks = reviews.add_asks(journal, interview, [NewAsk(q) for q in questions], now)
        reviews.save_ask(journal, asks[0], now, self_score=1, signal="interrupted")
        reviews.save_ask(journal, asks[1], now, self_score=4, signal="positive")
        actions.add_action(journal, interview, "questions", "回答控制在两分钟内", now)
    reviews.complete_review(journal, interview, now)  # the English one; the Chinese waits
    coming = (now + timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)
    for company, round_ in ((bytedance, "二面"), (acme, "Onsite")):
        interviews.add_interview(
            journal, InterviewFields(company_id=company, scheduled_at=coming, round=round_)
        )

"""Hostile input on every text field that stores data: kept exactly, or refused clearly.

Each field is written through the same domain function the pages call, then read
back from the journal. A value is either stored exactly (surrounding whitespace
trimmed) or refused with `InvalidInput` and a message a person can act on; nothing
crashes, and a refused value leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from coach import actions, companies, db, fields, interviews, practice, reviews, stories
from coach.errors import InvalidInput
from coach.interviews import InterviewFields
from coach.text import md
from tests.test_pages import app  # noqa: F401 - the AppTest factory fixture

HOSTILE = {
    "empty": "",
    "whitespace": "   \t\n  ",
    "100 KB": "Situation, task, action, result. " * 3_100,
    "emoji": "Led the launch 🚀🎯 — team of 5 👩‍💻👨‍💻",
    "Chinese": "我负责合并报表，把月结时间从五天缩短到三天。",
    "Japanese": "私は連結決算を担当し、月次決算を五日から三日に短縮しました。",
    "Korean": "저는 연결 재무제표를 담당했고 월말 결산을 5일에서 3일로 줄였습니다.",
    "right-to-left": "قدت فريق التقارير المالية — צוות של חמישה אנשים",
    "HTML": '<script>alert("x")</script><b>bold</b><img src=x onerror=alert(1)>',
    "SQL": "'); DROP TABLE asks; -- \" OR 1=1; SELECT * FROM companies WHERE name = ''",
    "NUL byte": "before\x00after",
}
NOW = datetime(2026, 3, 16, 18, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Field:
    """Store `value` in one field and return what the journal then holds."""

    name: str
    store: Callable[..., str]
    column: tuple[str, str]  # (table, column): its rule in coach.fields


def fresh_interview(journal) -> int:
    company_id = companies.add_company(journal, f"Acme {datetime.now().timestamp()}")
    interview_id = interviews.add_interview(
        journal, InterviewFields(company_id=company_id, scheduled_at=NOW - timedelta(days=1))
    )
    reviews.start_review(journal, interview_id, NOW)
    return interview_id


def fresh_ask(journal) -> int:
    interview_id = fresh_interview(journal)
    [ask_id] = reviews.add_asks(journal, interview_id, [reviews.NewAsk("Why us?")], NOW)
    return ask_id


def fresh_card(journal) -> int:
    card_id, _ = practice.add_question_card(
        journal, f"Tell me about yourself {datetime.now().timestamp()}", "other", now=NOW
    )
    return card_id


def read(cur, sql: str, *params) -> str:
    return cur.execute(sql, list(params)).fetchone()[0]


def company_field(column: str) -> Callable:
    def store(journal, cur, value):
        name, notes = (value, "") if column == "name" else ("Acme", value)
        company_id = companies.add_company(journal, name, "target", notes)
        return read(cur, f"SELECT {column} FROM companies WHERE id = ?", company_id)  # noqa: S608

    return store


def interview_field(column: str) -> Callable:
    def store(journal, cur, value):
        company_id = companies.find_or_add_company(journal, "Acme")
        interview_id = interviews.add_interview(
            journal, InterviewFields(company_id=company_id, scheduled_at=NOW, **{column: value})
        )
        return read(cur, f"SELECT {column} FROM interviews WHERE id = ?", interview_id)  # noqa: S608

    return store


def review_field(column: str) -> Callable:
    def store(journal, cur, value):
        interview_id = fresh_interview(journal)
        reviews.save_review(journal, interview_id, NOW, **{column: value})
        return read(cur, f"SELECT {column} FROM reviews WHERE interview_id = ?", interview_id)  # noqa: S608

    return store


def ask_field(column: str) -> Callable:
    def store(journal, cur, value):
        ask_id = fresh_ask(journal)
        reviews.save_ask(journal, ask_id, NOW, **{column: value})
        return read(cur, f"SELECT {column} FROM asks WHERE id = ?", ask_id)  # noqa: S608

    return store


def question_text(journal, cur, value):
    interview_id = fresh_interview(journal)
    [ask_id] = reviews.add_asks(journal, interview_id, [reviews.NewAsk(value)], NOW)
    return read(
        cur, "SELECT q.text FROM asks a JOIN questions q ON q.id = a.question_id WHERE a.id = ?",
        ask_id,
    )  # fmt: skip


def story_field(column: str) -> Callable:
    def store(journal, cur, value):
        fields = {"title": "A story", column: value}
        story_id = stories.add_story(journal, stories.StoryFields(**fields))
        return read(cur, f"SELECT {column} FROM stories WHERE id = ?", story_id)  # noqa: S608

    return store


def action_text(journal, cur, value):
    action_id = actions.add_action(journal, fresh_interview(journal), "questions", value, NOW)
    return read(cur, "SELECT text FROM actions WHERE id = ?", action_id)


def rehearsal_attempt(journal, cur, value):
    result = practice.rehearse(
        journal, fresh_card(journal), 3, at=NOW, duration_ms=60_000, attempt=value
    )
    return read(cur, "SELECT attempt FROM rehearsals WHERE id = ?", result.rehearsal_id)


def answer_version(journal, cur, value):
    answer_id = practice.save_answer(journal, fresh_card(journal), value, now=NOW)
    return read(cur, "SELECT text FROM answers WHERE id = ?", answer_id)


def kept_transcript(journal, cur, value):
    from coach.transcripts import store

    interview_id = fresh_interview(journal)
    keep = store.KeptTranscript("call.vtt", "vtt", "Li Wei", value)
    store.record(journal, interview_id, [], NOW, keep=keep)
    return read(cur, "SELECT text FROM transcripts WHERE interview_id = ?", interview_id)


def transcript_answer(journal, cur, value):
    from coach.transcripts import store

    interview_id = fresh_interview(journal)
    imported = store.ImportedAsk(reviews.NewAsk("Why us?"), value, 61_000, None)
    [ask_id] = store.record(journal, interview_id, [imported], NOW)
    return read(cur, "SELECT answer_notes FROM asks WHERE id = ?", ask_id)


FIELDS = [
    Field("company name", company_field("name"), ("companies", "name")),
    Field("company notes", company_field("notes"), ("companies", "notes")),
    *(
        Field(f"interview {c}", interview_field(c), ("interviews", c))
        for c in ("role", "round", "interviewer", "notes")
    ),
    *(
        Field(f"review {c}", review_field(c), ("reviews", c))
        for c in ("self_state_notes", "reaction_notes", "passionate_topics", "advice", "referral")
    ),
    Field("question", question_text, ("questions", "text")),
    Field("ask answer notes", ask_field("answer_notes"), ("asks", "answer_notes")),
    Field("ask what went wrong", ask_field("what_went_wrong"), ("asks", "what_went_wrong")),
    Field("story title", story_field("title"), ("stories", "title")),
    *(
        Field(f"story {c}", story_field(c), ("stories", c))
        for c in ("situation", "task", "action", "result")
    ),
    Field("action", action_text, ("actions", "text")),
    Field("rehearsal attempt", rehearsal_attempt, ("rehearsals", "attempt")),
    Field("answer version", answer_version, ("answers", "text")),
    Field("kept transcript", kept_transcript, ("transcripts", "text")),
    Field("answer from a transcript", transcript_answer, ("asks", "answer_notes")),
]


def rule_refuses(field: Field, value: str) -> bool:
    try:
        fields.check(*field.column, value)
    except InvalidInput:
        return True
    return False


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.name)
@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_text_is_stored_exactly_or_refused_clearly(journal, cur, field, kind):
    value = HOSTILE[kind]
    try:
        stored = field.store(journal, cur, value)
    except InvalidInput as refusal:
        message = str(refusal)
        assert message.endswith(".") and len(message) > 20, message
        # The form refuses exactly what the field's one rule refuses (coach.fields).
        assert rule_refuses(field, value), f"{field.name} refused {kind}: {message}"
        return
    assert not rule_refuses(field, value), f"{field.name} stored {kind}"
    assert kind != "NUL byte", f"{field.name} stored a NUL byte"
    assert stored == value.strip()


def test_story_skills_keep_emoji_cjk_and_markup_exactly(journal, cur):
    skills = ["SQL 🚀", "合并报表", "<b>lead</b>", "'; DROP TABLE stories; --"]
    story_id = stories.add_story(journal, stories.StoryFields("A story", skills=skills))
    assert stories.get_story(cur, story_id).skills == tuple(skills)


@pytest.mark.parametrize(
    ("year", "accepted"), [(1, False), (1899, False), (1900, True), (2200, True), (9999, False)]
)
def test_interview_dates_far_in_the_past_or_future_are_refused_clearly(journal, year, accepted):
    company_id = companies.add_company(journal, "Acme")
    fields = InterviewFields(company_id=company_id, scheduled_at=NOW.replace(year=year))
    if accepted:
        interviews.add_interview(journal, fields)
    else:
        with pytest.raises(InvalidInput, match="not a plausible year"):
            interviews.add_interview(journal, fields)


@pytest.mark.parametrize("kind", HOSTILE)
def test_the_company_form_keeps_or_refuses_hostile_text_as_the_rule_says(app, kind, tmp_path):  # noqa: F811
    from tests.test_pages import add_company, interviews_page, open_companies

    value = HOSTILE[kind]
    at = add_company(open_companies(interviews_page(app)), value)
    assert not at.exception
    journal = db.open_journal(str(tmp_path / "journal.duckdb"))
    names = [c.name for c in companies.list_companies(journal.cursor())]
    if rule_refuses(FIELDS[0], value):
        [error] = at.error
        with pytest.raises(InvalidInput) as rule:
            fields.check("companies", "name", value)
        assert error.value == md(str(rule.value))  # the rule's own sentence, as typed
        assert names == []
    else:
        assert not list(at.error)
        assert names == [value.strip()]

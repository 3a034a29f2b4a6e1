"""Likely questions: one answer to "what do I rehearse before interview X?".

Small journals built through the domain functions, each unlike the sample: one earlier
interview only, role titles that differ, several rounds at the target company, a
company with no history, Chinese titles. NOW is Monday 16 March 2026, 18:30 UTC.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from coach import companies, interviews, likely, practice, readiness, reviews, stories
from coach.interviews import InterviewFields
from coach.likely import likely_questions, opener_kind
from coach.reviews import NewAsk
from coach.similar import question_keys, role_keys, same_role, similar_roles
from coach.text import WORD_JOINER
from tests.test_exported_markdown import render

WEAK = {"self_score": 2, "signal": "interrupted"}
STRONG = {"self_score": 4, "signal": "positive"}


def book(journal, company: str, kind: str, when, role: str = "", round_: str = "") -> int:
    company_id = companies.find_or_add_company(journal, company, kind)
    return interviews.add_interview(
        journal,
        InterviewFields(company_id=company_id, scheduled_at=when, role=role, round=round_),
    )


def review(journal, interview_id: int, now, asked: list[tuple[str, str, dict]]) -> list[int]:
    """Record (question, dimension, ask fields) in the interview's review, completed."""
    reviews.start_review(journal, interview_id, now)
    cur = journal.cursor()
    bank = dict(cur.execute("SELECT text, id FROM questions").fetchall())
    cur.close()
    # A question already in the bank is confirmed as the same one, as the review asks.
    new = [NewAsk(q, question_id=bank.get(q), dimension=d) for q, d, _ in asked]
    ids = reviews.add_asks(journal, interview_id, new, now)
    for ask_id, (_, _, fields) in zip(ids, asked, strict=True):
        reviews.save_ask(journal, ask_id, now, **fields)
    reviews.complete_review(journal, interview_id, now)
    return ids


FIRST_PRACTICE = [
    ("Tell me about yourself", "career_planning", WEAK),
    ("Walk me through a SQL query you are proud of", "professional_ability", WEAK),
    ("Describe a time you handled a difficult stakeholder", "behavioural", WEAK),
    ("What are your salary expectations?", "logistics_pay", WEAK),
    ("How do you check data quality?", "professional_ability", STRONG),
]


@pytest.fixture
def first_target(journal, now):
    """The issue's walk: one practice interview reviewed (four weak answers), then a
    target interview booked at another company for a differently titled role."""
    practice_id = book(journal, "Warm-up Ltd", "practice", now - timedelta(days=2),
                       "Junior Data Analyst", "First round")  # fmt: skip
    review(journal, practice_id, now, FIRST_PRACTICE)
    return book(journal, "Dream Co", "target", now + timedelta(days=5),
                "Marketing Analytics Lead", "Final")  # fmt: skip


# --- Role titles and openers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Junior Data Analyst", "Marketing Analytics Lead"),  # analyst ~ analytics
        ("Finance Manager", "Management Accountant"),  # manager ~ management
        ("Senior FP&A Analyst", "fp&a analyst"),
        ("数据分析师", "市场分析经理"),  # data analyst ~ marketing analysis manager: 分析
        ("데이터 분석가", "마케팅 분석 리드"),  # Korean: 분석 (analysis)
        ("Data Analyst (数据分析师)", "高级数据工程师"),  # 数据 (data)
    ],
)
def test_role_titles_are_similar_when_they_share_a_word(a, b):
    assert similar_roles(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Data Analyst", "Chef"),
        ("Senior Designer", "Senior Accountant"),  # seniority alone does not count
        ("Junior Lead", "Head of Sales"),
        ("高级工程师", "高级会计"),  # 高级 (senior) alone does not count
        ("", "Data Analyst"),
    ],
)
def test_role_titles_are_not_similar_for_seniority_or_nothing_shared(a, b):
    assert not similar_roles(a, b)


def test_the_words_of_a_title_are_keyed_by_their_first_five_letters():
    assert role_keys("Junior Data Analyst") == {"data", "analy"}
    assert role_keys("Marketing Analytics Lead") == {"marke", "analy"}
    assert same_role("Data analyst", "data-analyst") and not same_role("Analyst", "Analytics")
    assert question_keys("Tell me about a time you managed stakeholders") == {"manag", "stake"}
    assert question_keys("你如何与同事沟通？") >= {"沟通"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Tell me about yourself.", "self-introduction"),
        ("Could you briefly introduce   yourself?", "self-introduction"),
        ("请做一个自我介绍", "self-introduction"),
        ("Why do you want to work here?", "motivation"),
        ("Why us?", "motivation"),
        ("What are your salary expectations?", "salary"),
        ("期望薪资是多少？", "salary"),
        ("Do you have any questions for us?", "questions for us"),
        ("What questions do you have for me?", "questions for us"),
        ("Why are you looking to leave your current role?", "motivation"),
        ("Why use a left join?", None),  # "why us" is a whole phrase
        ("Explain a variance.", None),
    ],
)
def test_openers_and_closers_are_recognised_in_several_languages(text, kind):
    assert opener_kind(text) == kind


# --- Evidence -------------------------------------------------------------------------


def test_a_differently_titled_target_role_inherits_the_earlier_weak_questions(
    journal, cur, now, first_target
):
    brief = readiness.readiness_brief(cur, first_target, now)
    found = brief.likely
    assert [q.text for q in found.to_rehearse] == [
        "Tell me about yourself",  # 6 points: with the opener's
        "What are your salary expectations?",  # 6 points: with the closer's
        "Walk me through a SQL query you are proud of",
        "Describe a time you handled a difficult stakeholder",
    ]
    assert [q.text for q in found.keep_fresh] == ["How do you check data quality?"]
    assert found.questions[0].reasons == (
        "asked for a similar role (Junior Data Analyst at Warm-up Ltd)",
        "asked in your only earlier interview",
        "a common opener (self-introduction)",
    )
    assert all(q.recall_text == "new" for q in found.to_rehearse)
    assert found.keep_fresh[0].recall_text == "no card"
    assert (found.earlier, found.evidence_text) == (
        1,
        "based on 1 earlier interview: a first guess",
    )
    assert brief.readiness.score_text.endswith("(based on 1 earlier interview: a first guess)")
    # The download says the same, with the reasons.
    text = readiness.brief_markdown(brief, now)
    assert (
        "| Tell me about yourself | Career planning | asked for a similar role (Junior Data "
        "Analyst at Warm-up Ltd); asked in your only earlier interview; a common opener "
        "(self-introduction) | 6 | new |"
    ) in text
    assert "Readiness: 0% (based on 1 earlier interview: a first guess)" in text


def test_one_earlier_interview_for_an_unrelated_role_still_counts(journal, cur, now):
    earlier = book(journal, "Bistro", "practice", now - timedelta(days=1), "Chef")
    review(journal, earlier, now, [("Describe a busy service.", "behavioural", WEAK)])
    target = book(journal, "Bank", "target", now + timedelta(days=3), "Data Analyst")
    [question] = likely_questions(cur, target, now).questions
    assert question.reasons == ("asked in your only earlier interview",)
    assert (question.score, question.to_rehearse) == (2, True)


def test_several_rounds_at_the_target_company_come_first_and_name_the_rounds(journal, cur, now):
    first = book(journal, "Acme", "target", now - timedelta(days=20), "Analyst", "Screen")
    second = book(journal, "Acme", "target", now - timedelta(days=10), "Analyst", "Second")
    elsewhere = book(journal, "Beta", "practice", now - timedelta(days=15), "Barista")
    final = book(journal, "Acme", "target", now + timedelta(days=2), "Analyst", "Final")
    review(
        journal,
        first,
        now,
        [
            ("Walk me through your CV.", "past_experience", WEAK),
            ("Explain a variance.", "professional_ability", WEAK),
        ],
    )
    review(
        journal,
        second,
        now,
        [
            ("Explain a variance.", "professional_ability", STRONG),
            ("Describe a conflict.", "behavioural", STRONG),
        ],
    )
    review(journal, elsewhere, now, [
        ("Describe a conflict.", "behavioural", WEAK),
        ("Why coffee?", "motivation_fit", WEAK),
        ("Explain latte art.", "professional_ability", WEAK),
    ])  # fmt: skip
    story = stories.add_story(journal, stories.StoryFields(title="Month-end rescue"))
    stories.set_story_use(journal, second, story, "told", now)

    brief = readiness.readiness_brief(cur, final, now)
    by_text = {q.text: q for q in brief.likely.questions}
    assert by_text["Explain a variance."].reasons == (
        "asked here in 2 earlier rounds",
        "asked in 2 of 3 interviews so far",
    )
    assert by_text["Explain a variance."].score == 3 + 2
    assert by_text["Describe a conflict."].reasons[0] == "asked here before (Second, 6 March)"
    assert (
        by_text["Walk me through your CV."].reasons[0] == "asked here before (Screen, 24 February)"
    )
    # Latte art was asked once, for an unrelated role at another company, and of a
    # dimension Acme asked about: 1 + 1 points, just likely.
    assert by_text["Explain latte art."].reasons == (
        "asked in 1 of 3 interviews so far",
        "Professional ability was asked about for this company",
    )
    assert "Why coffee?" not in by_text  # once elsewhere, a dimension Acme never asked: 1 point
    assert [q.text for q in brief.likely.questions][:2] == [
        "Walk me through your CV.",  # weak, then most points
        "Explain a variance.",
    ]
    assert [(s.title, s.where) for s in brief.told_here] == [
        ("Month-end rescue", "told in Second, 6 March")
    ]


def test_a_company_with_no_history_learns_from_similar_roles_elsewhere(journal, cur, now):
    earlier = book(journal, "Beta", "practice", now - timedelta(days=4), "FP&A Analyst")
    other = book(journal, "Gamma", "practice", now - timedelta(days=3), "Barista")
    review(
        journal,
        earlier,
        now,
        [
            ("Build a driver-based forecast.", "professional_ability", WEAK),
            ("Describe a conflict.", "behavioural", STRONG),
        ],
    )
    review(journal, other, now, [("Describe a rush hour.", "behavioural", WEAK)])  # fmt: skip
    target = book(journal, "New Co", "target", now + timedelta(days=7), "Senior Financial Analyst")
    found = likely_questions(cur, target, now)
    by_text = {q.text: q for q in found.questions}
    assert by_text["Build a driver-based forecast."].reasons == (
        "asked for a similar role (FP&A Analyst at Beta)",
        "asked in 1 of 2 interviews so far",
    )
    # Asked only for an unrelated role, but of a dimension a similar role asked about.
    assert by_text["Describe a rush hour."].reasons == (
        "asked in 1 of 2 interviews so far",
        "Behavioural was asked about for a similar role",
    )
    assert found.evidence_text == "based on 2 earlier interviews: a first guess"


def test_with_no_earlier_interview_only_the_usual_openers_are_likely(journal, cur, now):
    for text in ("Tell me about yourself.", "Explain IFRS 16."):
        practice.add_question_card(journal, text, "other", now=now)
    target = book(journal, "First Co", "target", now + timedelta(days=1))
    found = likely_questions(cur, target, now)
    assert [(q.text, q.reasons) for q in found.questions] == [
        ("Tell me about yourself.", ("a common opener (self-introduction)",))
    ]
    assert found.evidence_text == (
        "no earlier interview to learn from yet: only the usual openers and closers"
    )
    assert readiness.rehearse_first(found).startswith("Before First Co (tomorrow), rehearse 1")
    empty = book(journal, "Empty Co", "practice", now + timedelta(days=2))
    journal.write(lambda c: c.execute("UPDATE cards SET status = 'retired'"))
    assert readiness.rehearse_first(likely_questions(cur, empty, now)) == (
        "All 1 likely question for Empty Co are answered well or at 90% recall on the day: "
        "keep them fresh."
    )


def test_an_interview_never_predicts_itself_nor_learns_from_later_ones(journal, cur, now):
    held = book(journal, "Acme", "target", now - timedelta(days=5), "Analyst")
    later = book(journal, "Beta", "practice", now - timedelta(days=1), "Analyst")
    review(journal, held, now, [("Asked at the held one.", "other", WEAK)])
    review(journal, later, now, [("Asked only later.", "other", WEAK)])
    found = likely_questions(cur, held, now)
    assert (found.earlier, found.questions) == (0, ())


def test_the_most_likely_are_listed_weak_first_and_the_rest_counted(journal, cur, now):
    asked = [(f"Question {n:02}?", "other", WEAK if n % 2 else STRONG) for n in range(30)]
    for day in (3, 2):  # asked in 2 of 2 interviews: 2 points each, plus 2 for the role
        review(journal, book(journal, f"Co {day}", "practice", now - timedelta(days=day),
                             "Analyst"), now, asked)  # fmt: skip
    review(journal, book(journal, "Co 1", "practice", now - timedelta(days=1), "Chef"), now,
           asked[:5])  # fmt: skip
    target = book(journal, "Target", "target", now + timedelta(days=2), "Data Analyst")
    found = likely_questions(cur, target, now)
    assert (len(found.questions), found.count) == (likely.LIKELY_LIMIT, 30)
    # The five asked everywhere have most points; then the weak before the strong.
    assert [q.text for q in found.questions][:3] == ["Question 01?", "Question 03?",
                                                     "Question 05?"]  # fmt: skip
    flags = [q.to_rehearse for q in found.questions]
    assert flags == sorted(flags, reverse=True)  # weak first, then keep fresh
    assert {q.text for q in found.questions} >= {f"Question {n:02}?" for n in range(5)}


# --- One answer for every page ------------------------------------------------------------


def test_the_brief_the_cram_view_and_the_glance_list_the_same_cards(
    journal, cur, now, first_target
):
    unrelated = book(journal, "Other", "practice", now - timedelta(days=30), "Chef")
    review(journal, unrelated, now - timedelta(days=29), [("Knife skills?", "other", WEAK)])
    brief = readiness.readiness_brief(cur, first_target, now)
    plan = practice.cram_plan(cur, likely_questions(cur, first_target, now), now)
    assert brief.likely.card_ids == [c.card_id for c in plan.cards]
    assert len(plan.cards) == 4
    assert [c.question for c in plan.cards] == [q.text for q in brief.likely.to_rehearse]
    assert readiness.rehearse_first(brief.likely) == readiness.rehearse_first(
        likely_questions(cur, first_target, now)
    )


def test_two_interviews_at_the_same_time_learn_only_from_earlier_ones(journal, cur, now):
    held = book(journal, "Warm-up Ltd", "practice", now - timedelta(days=1), "Analyst")
    review(journal, held, now, [("Why analytics?", "motivation_fit", WEAK)])
    at = now + timedelta(days=2)
    first = book(journal, "Acme", "target", at, "Analyst")
    second = book(journal, "Beta", "target", at, "Analyst")
    review(journal, first, at + timedelta(hours=1), [("Asked at Acme.", "other", WEAK)])
    later = at + timedelta(hours=2)  # both held; neither is earlier than the other
    for interview_id in (first, second):
        found = likely_questions(cur, interview_id, later)
        assert found.earlier == 1
        assert [q.text for q in found.questions] == ["Why analytics?"]


def test_hostile_and_chinese_text_reaches_the_brief_as_typed(journal, cur, now):
    held = book(journal, "<script>alert(1)</script>", "practice", now - timedelta(days=1),
                "数据分析师 $x$")  # fmt: skip
    review(journal, held, now, [("**Why** [us](http://example.com)?", "other", WEAK)])
    target = book(journal, "市场部", "target", now + timedelta(days=1), "市场分析经理")
    brief = readiness.readiness_brief(cur, target, now)
    assert brief.likely.questions[0].reasons[0] == (
        "asked for a similar role (数据分析师 $x$ at <script>alert(1)</script>)"
    )
    text = readiness.brief_markdown(brief, now)
    assert "<script>" not in text and "[us](" not in text  # no tag, no link: text
    page = render(text)  # as another program shows the downloaded brief
    shown = "".join(page.text).replace(WORD_JOINER, "")
    assert "asked for a similar role (数据分析师 $x$ at <script>alert(1)</script>)" in shown
    assert "**Why** [us](http://example.com)?" in shown
    assert not {"a", "img", "script", "strong"} & set(page.tags)

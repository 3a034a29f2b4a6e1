"""The guided review's domain: drafts, asks, cards, kept answers, the plan, the report."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coach import actions, companies, interviews, questions, report, reviews, stories
from coach.errors import InvalidInput, NotFound
from coach.interviews import InterviewFields
from coach.reviews import NewAsk


@pytest.fixture
def interview_id(journal, now):
    company_id = companies.add_company(journal, "Acme", "target")
    return interviews.add_interview(
        journal,
        InterviewFields(
            company_id=company_id, scheduled_at=now - timedelta(hours=3), role="Analyst"
        ),
    )


def record(journal, interview_id, now, *texts):
    return reviews.add_asks(journal, interview_id, [NewAsk(t) for t in texts], now)


def counts(cur):
    return cur.execute(
        "SELECT (SELECT count(*) FROM asks), (SELECT count(*) FROM cards),"
        " (SELECT count(*) FROM answers), (SELECT count(*) FROM questions)"
    ).fetchone()


# --- The draft ------------------------------------------------------------------
def test_starting_a_review_makes_a_draft_on_its_first_step(journal, interview_id, now):
    review = reviews.start_review(journal, interview_id, now)
    assert (review.status, review.step, review.depth) == ("draft", "overall", None)
    assert review.started_at == now


def test_starting_again_resumes_the_same_draft_where_it_was(journal, interview_id, now):
    reviews.start_review(journal, interview_id, now)
    reviews.save_review(journal, interview_id, now, overall_rating=2, self_state_notes="Nervous")
    reviews.set_step(journal, interview_id, "strengths", now)
    resumed = reviews.start_review(journal, interview_id, now + timedelta(hours=1))
    assert (resumed.step, resumed.overall_rating, resumed.self_state_notes) == (
        "strengths",
        2,
        "Nervous",
    )
    assert resumed.started_at == now


def test_opening_a_review_that_exists_writes_nothing(journal, interview_id, now):
    reviews.start_review(journal, interview_id, now)
    writes = journal.generation
    reviews.start_review(journal, interview_id, now + timedelta(hours=1))
    # The review page opens it on every run; a write would drop every remembered read.
    assert journal.generation == writes


def test_a_review_of_a_deleted_interview_says_so(journal, now):
    with pytest.raises(NotFound, match="deleted in another tab"):
        reviews.start_review(journal, 999, now)


@pytest.mark.parametrize(
    ("rating", "depth", "minutes"),
    [(1, "deep", 45), (2, "deep", 45), (3, "refine", 15), (4, "refine", 15)],
)
def test_the_rating_sets_the_depth(journal, interview_id, now, rating, depth, minutes):
    reviews.start_review(journal, interview_id, now)
    review = reviews.save_review(journal, interview_id, now, overall_rating=rating)
    assert (review.depth, review.depth_plan.key, review.depth_plan.minutes) == (
        depth,
        depth,
        minutes,
    )
    assert "You rated this interview" in review.depth_plan.reason


def test_the_candidate_can_switch_depth_and_the_page_says_so(journal, interview_id, now):
    reviews.start_review(journal, interview_id, now)
    reviews.save_review(journal, interview_id, now, overall_rating=4)
    review = reviews.save_review(journal, interview_id, now, depth="deep")
    assert review.depth_plan.key == "deep"
    assert "You chose this instead of the refine your strengths" in review.depth_plan.reason
    # A new rating sets the depth again.
    review = reviews.save_review(journal, interview_id, now, overall_rating=3)
    assert review.depth == "refine"


def test_an_unknown_choice_is_refused_and_nothing_changes(journal, interview_id, now):
    reviews.start_review(journal, interview_id, now)
    with pytest.raises(InvalidInput):
        reviews.save_review(journal, interview_id, now, overall_rating=7)
    with pytest.raises(InvalidInput):
        reviews.save_review(journal, interview_id, now, pace="glacial")
    with pytest.raises(InvalidInput):
        reviews.save_review(journal, interview_id, now, status="completed")
    assert reviews.get_review(journal.cursor(), interview_id).overall_rating is None


def test_completing_keeps_the_review_editable_and_reopening_makes_it_a_draft(
    journal, cur, interview_id, now
):
    reviews.start_review(journal, interview_id, now)
    done = reviews.complete_review(journal, interview_id, now)
    assert (done.status, done.step, done.completed_at) == ("completed", "summary", now)
    reviews.save_review(journal, interview_id, now, advice="Learn dbt")
    assert reviews.get_review(cur, interview_id).completed
    assert interviews.get_interview(cur, interview_id).review_status == "completed"
    reviews.reopen_review(journal, interview_id, now)
    assert reviews.get_review(cur, interview_id).status == "draft"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "数据分析 面试の反省 회고",
        "😀🎉",
        "<script>alert(1)</script>",
        "'); DROP TABLE asks;--",
        "x" * 100_000,
    ],
)
def test_hostile_and_international_text_is_stored_exactly(journal, cur, interview_id, now, text):
    reviews.start_review(journal, interview_id, now)
    reviews.save_review(journal, interview_id, now, advice=text, passionate_topics=text)
    (ask_id,) = record(journal, interview_id, now, "Why us?")
    reviews.save_ask(journal, ask_id, now, answer_notes=text, what_went_wrong=text)
    review = reviews.get_review(cur, interview_id)
    ask = reviews.get_ask(cur, ask_id)
    assert (review.advice, review.passionate_topics) == (text, text)
    assert (ask.answer_notes, ask.what_went_wrong) == (text, text)
    assert report.to_markdown(report.load_report(cur, interview_id), now)


def test_text_over_the_limit_is_refused_with_a_clear_message(journal, interview_id, now):
    reviews.start_review(journal, interview_id, now)
    with pytest.raises(InvalidInput, match="the limit is 200,000"):
        reviews.save_review(journal, interview_id, now, advice="x" * 200_001)


# --- Asks and the question bank -----------------------------------------------
def test_asks_keep_the_order_asked(journal, cur, interview_id, now):
    first, second, third = record(journal, interview_id, now, "One?", "Two?", "Three?")
    record(journal, interview_id, now, "Four?")
    assert [a.question for a in reviews.list_asks(cur, interview_id)] == [
        "One?",
        "Two?",
        "Three?",
        "Four?",
    ]
    reviews.move_ask(journal, third, -1)
    assert [a.id for a in reviews.list_asks(cur, interview_id)][:3] == [first, third, second]


def test_pasted_lines_lose_bullets_and_blank_lines():
    pasted = "1. Tell me about yourself\n\n- Why us?\n  • What is a JOIN?  \nQ4: Salary?\n"
    assert questions.split_lines(pasted) == [
        "Tell me about yourself",
        "Why us?",
        "What is a JOIN?",
        "Salary?",
    ]


def test_a_question_asked_before_is_matched_to_its_bank_entry(journal, cur, interview_id, now):
    (first,) = reviews.add_asks(
        journal, interview_id, [NewAsk("Tell me about yourself.", dimension="behavioural")], now
    )
    bank_id = reviews.get_ask(cur, first).question_id
    (proposal, other) = questions.propose(cur, ["tell me about  yourself", "What is a p-value?"])
    assert proposal.best.question_id == bank_id
    assert proposal.dimension == "behavioural"
    assert other.matches == ()


def test_a_confirmed_match_links_the_ask_to_the_same_bank_question(journal, cur, interview_id, now):
    company_id = companies.add_company(journal, "Other")
    later = interviews.add_interview(
        journal, InterviewFields(company_id=company_id, scheduled_at=now)
    )
    (first,) = record(journal, interview_id, now, "Why do you want this job?")
    bank_id = reviews.get_ask(cur, first).question_id
    (proposal,) = questions.propose(cur, ["Why do you want this job"])
    (second,) = reviews.add_asks(
        journal,
        later,
        [NewAsk(proposal.text, proposal.best.question_id, "motivation_fit")],
        now,
    )
    ask = reviews.get_ask(cur, second)
    assert ask.question_id == bank_id
    assert ask.dimension == "motivation_fit"  # confirmed dimension re-classifies the bank entry
    assert ask.asked_elsewhere == 1
    assert cur.execute("SELECT count(*) FROM questions").fetchone() == (1,)


def test_a_new_question_gets_a_dimension_suggested_from_the_bank_or_its_words(
    journal, cur, interview_id, now
):
    reviews.add_asks(
        journal, interview_id, [NewAsk("How would you design a data pipeline for sales?",
                                       dimension="professional_ability")], now
    )  # fmt: skip
    neighbour, cue, nothing = questions.propose(
        cur,
        [
            "How would you design a dashboard for the marketing team?",
            "What are your salary expectations?",
            "Hmm",
        ],
    )
    assert neighbour.matches == () and neighbour.dimension == "professional_ability"
    assert cue.dimension == "logistics_pay"
    assert nothing.dimension == "other"


def test_a_paste_that_is_not_questions_is_refused_before_anything_is_written(cur):
    with pytest.raises(InvalidInput, match="at least one question"):
        questions.propose(cur, [])
    with pytest.raises(InvalidInput, match="at most 100 questions"):
        questions.propose(cur, [f"Q{i}?" for i in range(101)])
    with pytest.raises(InvalidInput, match="limit is 1,000"):
        questions.propose(cur, ["x" * 1001])


def test_a_dimension_stays_editable_although_asks_reference_the_question(
    journal, cur, interview_id, now
):
    (ask_id,) = record(journal, interview_id, now, "Why us?")
    reviews.save_ask(journal, ask_id, now, answer_notes="Because", signal="positive", self_score=4)
    reviews.keep_answer(journal, ask_id, now)
    question_id = reviews.get_ask(cur, ask_id).question_id
    questions.set_dimension(journal, question_id, "motivation_fit")
    questions.set_text(journal, question_id, "Why do you want to join us?")
    ask = reviews.get_ask(cur, ask_id)
    assert (ask.dimension, ask.question) == ("motivation_fit", "Why do you want to join us?")
    with pytest.raises(InvalidInput, match="Unknown dimension"):
        questions.set_dimension(journal, question_id, "astrology")


# --- Weak asks become cards; strong answers are kept ---------------------------
@pytest.mark.parametrize(
    "fields",
    [
        {"signal": "interrupted"},
        {"signal": "confused"},
        {"signal": "probed"},
        {"self_score": 2},
        {"signal": "positive", "cause": "wording"},
    ],
)
def test_a_weak_ask_becomes_a_rehearsal_card_once(journal, cur, interview_id, now, fields):
    (ask_id,) = record(journal, interview_id, now, "Walk me through your last project.")
    saved = reviews.save_ask(journal, ask_id, now, **fields)
    assert saved.card_created and saved.ask.card_id is not None
    assert saved.ask.card_origin == "weak_ask"
    again = reviews.save_ask(journal, ask_id, now, what_went_wrong="Too long")
    assert not again.card_created and again.ask.card_id == saved.ask.card_id
    assert cur.execute("SELECT count(*), min(due) FROM cards").fetchone() == (1, now)


@pytest.mark.parametrize("score", [3, 4])
def test_a_probed_answer_scored_good_becomes_a_prepare_evidence_card_not_a_weak_one(
    journal, cur, interview_id, now, score
):
    (ask_id,) = record(journal, interview_id, now, "How did you cut the close to five days?")
    saved = reviews.save_ask(journal, ask_id, now, self_score=score, signal="probed")
    ask = saved.ask
    assert (ask.weak, ask.doubted, ask.asks_why_weak, ask.asks_evidence) == (
        False, True, False, True
    )  # fmt: skip
    assert saved.card_created and ask.card_kind == "evidence"
    counts = reviews.summarise_asks([ask])
    assert (counts.weak, counts.doubted) == (0, 1)
    assert "evidence" in ask.diagnosis.fix


def test_a_weak_answer_turns_a_prepare_evidence_card_into_one_rehearsing_the_answer(
    journal, cur, interview_id, now
):
    (doubted,) = record(journal, interview_id, now, "Walk me through the migration.")
    first = reviews.save_ask(journal, doubted, now, self_score=3, signal="probed").ask
    assert first.card_kind == "evidence"
    # The same bank question asked again (a follow-up round): it shares the card.
    (weak,) = reviews.add_asks(
        journal, interview_id, [NewAsk(first.question, first.question_id)], now
    )
    after = reviews.save_ask(journal, weak, now, self_score=1).ask
    assert after.card_id == first.card_id and after.card_kind == "answer"
    # and a doubted ask never turns it back
    reviews.save_ask(journal, doubted, now, evidence="Close went from 8 to 5 days")
    assert reviews.get_ask(cur, doubted).card_kind == "answer"


def test_a_cause_kept_from_a_lower_score_no_longer_makes_an_answer_scored_good_weak(
    journal, cur, interview_id, now
):
    (ask_id,) = record(journal, interview_id, now, "Why this company?")
    reviews.save_ask(journal, ask_id, now, self_score=2, cause="unprepared")
    ask = reviews.save_ask(journal, ask_id, now, self_score=3).ask
    assert ask.cause == "unprepared"  # kept, so a lower score brings it back
    assert (ask.weak, ask.asks_why_weak) == (False, False)
    assert reviews.save_ask(journal, ask_id, now, self_score=2).ask.asks_why_weak


def test_a_strong_or_neutral_ask_makes_no_card(journal, cur, interview_id, now):
    strong, neutral = record(journal, interview_id, now, "Why us?", "Where do you live?")
    assert not reviews.save_ask(journal, strong, now, signal="positive", self_score=4).card_created
    assert not reviews.save_ask(journal, neutral, now, signal="neutral", self_score=3).card_created
    assert counts(cur)[1] == 0


def test_a_diagnosis_appears_as_soon_as_a_signal_is_chosen(journal, interview_id, now):
    (ask_id,) = record(journal, interview_id, now, "Why us?")
    saved = reviews.save_ask(journal, ask_id, now, signal="confused")
    assert saved.ask.diagnosis.fix.startswith("Clarify the parts")


def test_a_strong_answer_is_kept_as_an_answer_version(journal, cur, interview_id, now):
    (ask_id,) = record(journal, interview_id, now, "Why us?")
    saved = reviews.save_ask(
        journal, ask_id, now, answer_notes="Your data team ships weekly.", signal="positive",
        self_score=4,
    )  # fmt: skip
    assert saved.ask.strong and not saved.ask.kept
    answer_id = reviews.keep_answer(journal, ask_id, now)
    assert reviews.keep_answer(journal, ask_id, now) == answer_id  # kept once
    row = cur.execute("SELECT question_id, text, source, ask_id FROM answers").fetchone()
    assert row == (saved.ask.question_id, "Your data team ships weekly.", "review", ask_id)
    assert reviews.get_ask(cur, ask_id).kept
    # Notes edited afterwards (a plain column, allowed although the answer references
    # the ask) can be kept again as a new version.
    reviews.save_ask(journal, ask_id, now, answer_notes="Your team ships weekly; I do too.")
    assert not reviews.get_ask(cur, ask_id).kept
    assert reviews.keep_answer(journal, ask_id, now) != answer_id
    assert reviews.get_ask(cur, ask_id).versions == 2


def test_an_answer_without_notes_cannot_be_kept(journal, interview_id, now):
    (ask_id,) = record(journal, interview_id, now, "Why us?")
    with pytest.raises(InvalidInput, match="Write down what you answered"):
        reviews.keep_answer(journal, ask_id, now)


def test_deleting_an_ask_keeps_the_bank_its_card_and_its_answer_versions(
    journal, cur, interview_id, now
):
    (ask_id,) = record(journal, interview_id, now, "Why us?")
    reviews.save_ask(journal, ask_id, now, answer_notes="Because", signal="interrupted")
    reviews.keep_answer(journal, ask_id, now)
    reviews.delete_ask(journal, ask_id, now)
    assert counts(cur) == (0, 1, 1, 1)
    assert cur.execute("SELECT ask_id FROM answers").fetchone() == (None,)
    assert actions.list_actions(cur, interview_id) == []


# --- The improvement plan -------------------------------------------------------
def plan(cur, interview_id):
    return [(a.aspect, a.source) for a in actions.list_actions(cur, interview_id)]


def test_suggested_actions_are_saved_as_the_review_goes(journal, cur, interview_id, now):
    reviews.start_review(journal, interview_id, now)
    reviews.save_review(journal, interview_id, now, interviewer_reaction="impatient")
    (ask_id,) = record(journal, interview_id, now, "Tell me about a conflict.")
    reviews.save_ask(journal, ask_id, now, signal="probed")
    reviews.save_review(journal, interview_id, now, pace="too_fast", advice="Learn dbt")
    reviews.save_review(journal, interview_id, now, referral="Finance business partner role")
    story_id = stories.add_story(journal, stories.StoryFields("Migration", result="-30% cost"))
    stories.set_story_use(journal, interview_id, story_id, "missed", now)
    assert plan(cur, interview_id) == [
        ("overall", "suggested"),
        ("questions", "suggested"),
        ("relationship", "suggested"),
        ("relationship", "advice"),
        ("relationship", "referral"),
        ("strengths", "bridge"),
    ]
    texts = [a.text for a in actions.list_actions(cur, interview_id)]
    assert "Prepare evidence for 'Tell me about a conflict.'" in texts[1]
    assert texts[5].startswith("Bridge to your 'Migration' story")


def test_an_untouched_suggestion_follows_its_facts_but_an_edited_one_stays(
    journal, cur, interview_id, now
):
    reviews.start_review(journal, interview_id, now)
    reviews.save_review(journal, interview_id, now, advice="Learn SQL")
    reviews.save_review(journal, interview_id, now, advice="Learn SQL window functions")
    (advice,) = actions.list_actions(cur, interview_id)
    assert advice.text == "Act on the interviewer's advice: Learn SQL window functions."
    actions.update_action(
        journal, advice.id, text="Do the window-functions course", aspect="relationship"
    )
    reviews.save_review(journal, interview_id, now, advice="Learn SQL window functions.")
    reviews.save_review(journal, interview_id, now, advice="")
    assert [a.text for a in actions.list_actions(cur, interview_id)] == [
        "Do the window-functions course"
    ]


def test_a_deleted_or_done_suggestion_is_not_added_back(journal, cur, interview_id, now):
    reviews.start_review(journal, interview_id, now)
    reviews.save_review(journal, interview_id, now, pace="too_fast", harmony=1)
    slow_down, two_way = actions.list_actions(cur, interview_id)
    actions.delete_action(journal, slow_down.id)
    actions.set_done(journal, two_way.id, True, now)
    reviews.save_review(journal, interview_id, now, passionate_topics="Data quality")
    reviews.complete_review(journal, interview_id, now)
    (left,) = actions.list_actions(cur, interview_id)
    assert (left.id, left.done, left.done_at) == (two_way.id, True, now)


def test_own_actions_and_open_actions_of_earlier_reviews(journal, cur, interview_id, now):
    company_id = companies.add_company(journal, "Next Co")
    later = interviews.add_interview(
        journal, InterviewFields(company_id=company_id, scheduled_at=now)
    )
    earlier_action = actions.add_action(journal, interview_id, "overall", "Sleep well", now)
    done = actions.add_action(journal, interview_id, "overall", "Print CV", now)
    actions.set_done(journal, done, True, now)
    own = actions.add_action(journal, later, "strengths", "Prepare two stories", now)
    (listed,), total = actions.open_actions_elsewhere(cur, later)
    assert (listed.id, listed.interview_title, total) == (earlier_action, "Acme · Analyst", 1)
    assert [a.source for a in actions.list_actions(cur, later)] == ["own"]
    assert actions.list_actions(cur, later)[0].id == own
    with pytest.raises(InvalidInput, match="An action cannot be empty"):
        actions.add_action(journal, later, "overall", "   ", now)


# --- Stories --------------------------------------------------------------------
def test_a_story_is_added_and_edited_inline_with_its_skills(journal, cur, now, interview_id):
    story_id = stories.add_story(
        journal,
        stories.StoryFields(
            "Migration", "Legacy DB", "Move it", "I led it", "", "SQL, leadership, sql"
        ),
    )
    stories.set_story_use(journal, interview_id, story_id, "partly", now)
    # A used story's skills can change in place (they are JSON text, see coach.migrations).
    saved_id = stories.update_story(
        journal,
        story_id,
        stories.StoryFields("DB migration", result="Cost -30%", skills=["SQL"]),
        now,
    )
    assert saved_id == story_id
    story = stories.get_story(cur, story_id)
    assert [s.id for s in stories.list_stories(cur)] == [story_id]
    assert (story.title, story.result, story.skills, story.times_told) == (
        "DB migration",
        "Cost -30%",
        ("SQL",),
        1,
    )
    assert "'DB migration'" in actions.list_actions(cur, interview_id)[0].text
    stories.set_story_use(journal, interview_id, story_id, None, now)
    assert stories.story_uses(cur, interview_id) == {}
    assert actions.list_actions(cur, interview_id) == []


# --- The report -----------------------------------------------------------------
def test_the_markdown_report_holds_the_whole_review(journal, cur, interview_id, now):
    reviews.start_review(journal, interview_id, now)
    reviews.save_review(
        journal, interview_id, now, overall_rating=2, interviewer_reaction="questioning",
        harmony=4, pace="right", referral="Finance BP role", led_by_interviewer=True,
    )  # fmt: skip
    interrupted, strong = record(journal, interview_id, now, "What is *your* weakness?", "Why us?")
    reviews.save_ask(
        journal, interrupted, now, signal="interrupted", answer_notes="Um, I <b>work</b>"
    )
    reviews.save_ask(journal, strong, now, signal="positive", self_score=4, answer_notes="Growth")
    reviews.keep_answer(journal, strong, now)
    reviews.complete_review(journal, interview_id, now)
    text = report.to_markdown(report.load_report(cur, interview_id), now)
    assert text.startswith("# Interview review: Acme · Analyst\n")
    assert "- **Overall rating:** Basically satisfied" in text
    assert "Deep review (about 45 minutes)" in text
    assert "### Q1. What is \\*your\\* weakness?" in text
    assert "> Um, I \\<b\\>work\\</b\\>" in text
    assert "- **Fix:** Cut to the point, and rehearse the answer within a time limit." in text
    assert "- **Kept as an answer version:** yes" in text
    assert "- **Led entirely by the interviewer:** yes" in text
    assert "- [ ] Follow up on the referral\\: Finance BP role." in text
    assert "2 questions · 1 to rehearse · 1 strong · 1 rehearsal cards" in text
    assert report.file_name(report.load_report(cur, interview_id).interview) == (
        "review-2026-03-16-acme.md"
    )


def test_markdown_escaping_reads_back_as_the_text_typed():
    assert report.md("1. $5 <i>x</i> #1 a_b") == "1\\. \\$5 \\<i\\>x\\</i\\> \\#1 a\\_b"


def test_a_question_sharing_only_a_word_with_a_longer_one_is_not_offered_as_a_match(
    journal, cur, interview_id, now
):
    # Regression: WRatio scores exactly 85.5 for any shared word when lengths differ by
    # 1.5x, which passed review_rules' threshold of 85 (see coach.questions).
    record(
        journal,
        interview_id,
        now,
        "Revenue is 8% below budget this quarter. How would you investigate the variance?",
    )
    (proposal,) = questions.propose(cur, ["How would you build a rolling forecast from scratch?"])
    assert proposal.matches == ()


def test_a_question_new_to_the_bank_is_dated_by_the_moment_given_not_the_clock(
    journal, interview_id, now
):
    earlier = now - timedelta(days=400)  # a moment the clock cannot be at
    reviews.add_asks(journal, interview_id, [NewAsk("Why this company?")], earlier)
    created = journal.cursor().execute("SELECT created_at FROM questions").fetchall()
    assert created == [(earlier,)]

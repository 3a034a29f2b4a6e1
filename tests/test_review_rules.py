"""The review method's rules: diagnoses, weak and strong asks, depth, actions, matching."""

from __future__ import annotations

import pytest

from coach.review_rules import (
    BRIDGING_LINE,
    DOUBTED_ASK_SQL,
    WEAK_ASK_SQL,
    AskFacts,
    Depth,
    Diagnosis,
    Match,
    ReviewFacts,
    SuggestedAction,
    asks_cause,
    diagnose,
    is_doubted_ask,
    is_strong_answer,
    is_weak_ask,
    match_question,
    review_depth,
    suggest_actions,
    target_seconds,
)
from coach.vocabulary import ACTION_SOURCES, ASPECTS, CAUSES, SELF_SCORES, SIGNALS

STRONG = Diagnosis(
    meaning="A strong answer: the interviewer responded well and you were satisfied.",
    fix="Keep the idea, and say it more concisely.",
    strong=True,
)
INTERRUPTED = Diagnosis(
    meaning="You were interrupted: you probably strayed from the topic or said too much.",
    fix="Cut to the point, and rehearse the answer within a time limit.",
    weak=True,
)
CONFUSED = Diagnosis(
    meaning="The interviewer looked confused: your answer was not clear to them.",
    fix="Clarify the parts that raised doubts, and add concrete detail.",
    weak=True,
)
PROBED = Diagnosis(
    meaning="The interviewer probed for details: they may doubt this experience.",
    fix=(
        "Prepare the background, the problem and what you did yourself, "
        "with evidence such as numbers or results."
    ),
    weak=True,
)


# --- diagnose: every signal ---------------------------------------------------
@pytest.mark.parametrize("score", [3, 4])
def test_positive_signal_with_a_satisfied_self_score_is_a_strong_answer(score):
    assert diagnose("positive", score, None) == STRONG


def test_interrupted_means_off_topic_or_too_long_and_fixes_with_a_time_limit():
    assert diagnose("interrupted", None, None) == INTERRUPTED


def test_confused_means_unclear_and_fixes_with_concrete_detail():
    assert diagnose("confused", None, None) == CONFUSED


def test_probed_means_doubted_experience_and_fixes_with_evidence():
    assert diagnose("probed", None, None) == PROBED


def test_neutral_signal_without_weakness_gives_a_calm_message():
    assert diagnose("neutral", 3, None) == Diagnosis(
        meaning="No clear reaction from the interviewer, and nothing you flagged as weak.",
        fix="Nothing urgent: read your answer once more and check it makes its point quickly.",
    )


def test_neutral_signal_with_a_weak_self_score_suggests_rewriting():
    assert diagnose("neutral", 2, None) == Diagnosis(
        meaning="You felt this answer was weak, though the interviewer gave no clear sign.",
        fix="Write down what you wish you had said, and rehearse that version.",
        weak=True,
    )


def test_positive_signal_with_a_weak_self_score_is_not_strong():
    assert diagnose("positive", 1, None) == Diagnosis(
        meaning="The interviewer responded well, but you were not happy with your answer.",
        fix="Write down what you wish you had said, and rehearse that version.",
        weak=True,
    )


def test_positive_signal_without_a_self_score_keeps_the_idea_but_is_not_called_strong():
    assert diagnose("positive", None, None) == Diagnosis(
        meaning="The interviewer responded well to this answer.",
        fix="Keep the idea, and say it more concisely.",
    )


def test_a_missing_signal_reads_like_a_neutral_one():
    assert diagnose(None, None, None) == diagnose("neutral", None, None)


def test_every_signal_has_a_diagnosis_with_text():
    assert all(diagnose(signal, None, None).fix for signal in SIGNALS)


# --- diagnose: every cause ----------------------------------------------------
def test_unprepared_cause_fixes_by_preparing_content():
    assert diagnose("neutral", 2, "unprepared") == Diagnosis(
        meaning="You had not prepared for this question.",
        fix="Prepare the content: note the points you want to make and an example for each.",
        weak=True,
    )


def test_wording_cause_fixes_by_refining_the_wording():
    assert diagnose("neutral", 2, "wording") == Diagnosis(
        meaning="You knew what to say, but the wording was not refined.",
        fix="Refine the wording: write the answer out, then tighten it until it flows.",
        weak=True,
    )


def test_did_not_know_cause_fixes_by_learning_the_subject():
    assert diagnose("neutral", 1, "did_not_know") == Diagnosis(
        meaning="You did not know the subject well enough.",
        fix="Learn the subject, then write a short answer you could give next time.",
        weak=True,
    )


def test_a_signal_and_a_cause_combine_signal_first():
    assert diagnose("interrupted", 2, "wording").fix == (
        "Cut to the point, and rehearse the answer within a time limit. "
        "Refine the wording: write the answer out, then tighten it until it flows."
    )


def test_a_cause_overrides_a_positive_answer_scored_weak():
    assert diagnose("positive", 2, "wording").strong is False
    assert diagnose("positive", 2, "wording").weak is True


@pytest.mark.parametrize("score", [3, 4])
def test_a_cause_stored_on_an_answer_scored_good_says_nothing_about_it(score):
    # "Why was it weak?" is never asked of a Good or Strong answer (issue 13), so a cause
    # left from an earlier, lower score neither weakens nor diagnoses it.
    assert asks_cause(score) is False
    assert diagnose("positive", score, "wording") == STRONG
    assert diagnose("neutral", score, "unprepared").weak is False
    assert is_weak_ask(score, "neutral", "did_not_know") is False


def test_every_cause_makes_the_diagnosis_weak():
    assert all(diagnose("neutral", None, cause).weak for cause in CAUSES)


@pytest.mark.parametrize(
    ("signal", "score", "cause"),
    [("shouted", None, None), ("neutral", 5, None), ("neutral", None, "tired")],
)
def test_unknown_keys_are_refused_rather_than_guessed(signal, score, cause):
    with pytest.raises(ValueError):
        diagnose(signal, score, cause)


# --- weak and strong ----------------------------------------------------------
@pytest.mark.parametrize("score", [1, 2])
def test_a_self_score_in_the_bottom_two_levels_is_weak(score):
    assert is_weak_ask(score, "positive", None) is True


@pytest.mark.parametrize("signal", ["interrupted", "confused"])
@pytest.mark.parametrize("score", [None, 1, 2, 3, 4])
def test_an_interrupted_or_confused_answer_is_weak_whatever_its_score(signal, score):
    assert is_weak_ask(score, signal, None) is True


@pytest.mark.parametrize("score", [None, 1, 2])
def test_a_probed_answer_not_scored_good_is_weak_not_doubted(score):
    assert is_weak_ask(score, "probed", None) is True
    assert is_doubted_ask(score, "probed") is False
    assert diagnose("probed", score, None).weak is True


@pytest.mark.parametrize("score", [3, 4])
def test_a_probed_answer_scored_good_is_doubted_not_weak(score):
    assert is_weak_ask(score, "probed", None) is False
    assert is_doubted_ask(score, "probed") is True
    diagnosis = diagnose("probed", score, None)
    assert (diagnosis.weak, diagnosis.doubted, diagnosis.strong) == (False, True, False)
    assert "evidence" in diagnosis.fix


@pytest.mark.parametrize("cause", list(CAUSES))
@pytest.mark.parametrize("score", [None, 1, 2])
def test_any_cause_of_a_poor_answer_is_weak(cause, score):
    assert is_weak_ask(score, "positive", cause) is True


def test_the_sql_rules_agree_with_the_python_rules_on_every_combination():
    import duckdb

    combos = [
        (score, signal, cause)
        for score in [None, *SELF_SCORES]
        for signal in [None, *SIGNALS]
        for cause in [None, *CAUSES]
    ]
    con = duckdb.connect()
    con.execute("CREATE TABLE a (self_score SMALLINT, signal VARCHAR, cause VARCHAR)")
    con.executemany("INSERT INTO a VALUES (?, ?, ?)", combos)
    rows = con.execute(
        f"SELECT self_score, signal, cause, coalesce({WEAK_ASK_SQL}, false),"  # noqa: S608
        f" coalesce({DOUBTED_ASK_SQL}, false) FROM a"
    ).fetchall()
    assert len(rows) == len(combos)
    for score, signal, cause, weak, doubted in rows:
        assert weak == is_weak_ask(score, signal, cause), (score, signal, cause)
        assert doubted == is_doubted_ask(score, signal, cause), (score, signal, cause)
        assert not (weak and doubted)


@pytest.mark.parametrize("signal", ["positive", "neutral", None])
def test_a_good_score_with_a_calm_signal_and_no_cause_is_not_weak(signal):
    assert is_weak_ask(3, signal, None) is False


def test_an_unscored_ask_with_no_signal_is_not_weak():
    assert is_weak_ask(None, None, None) is False


@pytest.mark.parametrize("score", [3, 4])
def test_positive_and_satisfied_is_a_strong_answer(score):
    assert is_strong_answer(score, "positive") is True


@pytest.mark.parametrize(("score", "signal"), [(2, "positive"), (4, "neutral"), (None, "positive")])
def test_anything_short_of_positive_and_satisfied_is_not_strong(score, signal):
    assert is_strong_answer(score, signal) is False


# --- review depth -------------------------------------------------------------
@pytest.mark.parametrize("rating", [1, 2])
def test_an_unsatisfying_interview_gets_a_deep_45_minute_review(rating):
    depth = review_depth(rating)
    assert (depth.key, depth.minutes) == ("deep", 45)


@pytest.mark.parametrize("rating", [3, 4])
def test_a_satisfying_interview_gets_a_15_minute_refine_review(rating):
    depth = review_depth(rating)
    assert (depth.key, depth.minutes) == ("refine", 15)


def test_the_deep_reason_names_the_rating_and_what_went_wrong():
    assert review_depth(2).reason == (
        "You rated this interview “Basically satisfied”, so take your time: go through "
        "every aspect and look closely at what went wrong and why."
    )


def test_the_refine_reason_names_the_rating_and_saying_it_concisely():
    assert review_depth(3).reason == (
        "You rated this interview “Satisfied”, so a short review is enough: keep what "
        "worked and find ways to say it more concisely."
    )


@pytest.mark.parametrize("rating", [1, 2, 3, 4])
def test_prompts_are_given_for_all_four_aspects_in_order(rating):
    assert list(review_depth(rating).prompts) == list(ASPECTS)


def test_a_deep_review_asks_what_went_wrong_and_why_for_weak_answers():
    assert (
        "For each weak answer, what went wrong and why: unprepared, wording not refined, "
        "or did not know the subject?"
    ) in review_depth(1).prompts["questions"]


def test_a_refine_review_asks_to_keep_strong_answers_and_say_them_concisely():
    assert review_depth(4).prompts["questions"] == (
        "Write down every question you were asked, as completely as you can, while it is fresh.",
        "For each strong answer, keep the idea: how could you say it more concisely?",
    )


def test_a_refine_review_asks_no_what_went_wrong_questions():
    prompts = [p for group in review_depth(4).prompts.values() for p in group]
    assert [p for p in prompts if "went wrong" in p] == []


def test_a_deep_review_asks_every_refine_prompt_too():
    deep, refine = review_depth(1).prompts, review_depth(4).prompts
    assert all(set(refine[aspect]) <= set(deep[aspect]) for aspect in ASPECTS)


def test_a_deep_review_has_four_prompts_per_aspect():
    assert [len(p) for p in review_depth(1).prompts.values()] == [4, 4, 4, 4]


@pytest.mark.parametrize("rating", [0, 5, None, True])
def test_a_rating_outside_the_four_levels_is_refused(rating):
    with pytest.raises(ValueError):
        review_depth(rating)


def test_depth_is_a_dataclass_with_a_label():
    assert isinstance(review_depth(1), Depth) and review_depth(1).label == "Deep review"


# --- target speaking time -----------------------------------------------------
def test_an_interrupted_answer_is_rehearsed_within_90_seconds():
    assert target_seconds("interrupted") == 90


@pytest.mark.parametrize("signal", ["positive", "neutral", "confused", "probed", None])
def test_other_answers_are_rehearsed_within_two_minutes(signal):
    assert target_seconds(signal) == 120


# --- suggested actions --------------------------------------------------------
DEADLINE = "Tell me about a time you missed a deadline"

REVIEW = ReviewFacts(
    overall_rating=2,
    interviewer_reaction="questioning",
    asks=[
        (DEADLINE, "interrupted", 2, None),
        ("Why do you want to work here?", "positive", 4, None),
        ("What is your biggest weakness?", "neutral", 3, None),
        ("Explain how a hash map works", "probed", None, "did_not_know"),
        ("What are your salary expectations?", "neutral", None, "unprepared"),
        ("Walk me through your CV", "confused", 3, None),
        ("How do you handle conflict?", None, 1, None),
        (DEADLINE, "interrupted", 2, None),  # asked twice: one action
    ],
    harmony=2,
    pace="too_fast",
    advice="Learn more about our payments product",
    referral="Finance business partner role in the retail unit",
    led_by_interviewer=True,
    story_uses=[("Billing migration", "missed"), ("Hiring plan", "partly"), ("Launch", "told")],
)

EXPECTED_ACTIONS = [
    SuggestedAction(
        "overall",
        "suggested",
        "Back up your claims: the interviewer seemed doubtful. Prepare a number or an "
        "example for each of your main experiences.",
    ),
    SuggestedAction(
        "questions",
        "suggested",
        "Rehearse 'Tell me about a time you missed a deadline' within 90 seconds: "
        "you were interrupted.",
    ),
    SuggestedAction(
        "questions",
        "suggested",
        "Keep your answer to 'Why do you want to work here?' and say it more concisely: it worked.",
    ),
    SuggestedAction(
        "questions",
        "suggested",
        "Prepare evidence for 'Explain how a hash map works': the interviewer probed for "
        "details. Note the background, the problem and what you did yourself, with numbers. "
        "Learn the subject behind it first.",
    ),
    SuggestedAction(
        "questions",
        "suggested",
        "Prepare the content for 'What are your salary expectations?': you had not "
        "prepared for it.",
    ),
    SuggestedAction(
        "questions",
        "suggested",
        "Make your answer to 'Walk me through your CV' clearer: the interviewer seemed "
        "confused. Clarify the doubtful parts and add a concrete example.",
    ),
    SuggestedAction(
        "questions",
        "suggested",
        "Rewrite your answer to 'How do you handle conflict?' and rehearse it: you scored it poor.",
    ),
    SuggestedAction(
        "relationship",
        "suggested",
        "Slow down: the pace felt too fast. Pause after each question and take a breath "
        "before you answer.",
    ),
    SuggestedAction(
        "relationship",
        "suggested",
        "Make the next conversation more two-way: after a longer answer, ask "
        "'Does that answer your question?', and prepare questions of your own.",
    ),
    SuggestedAction(
        "relationship",
        "advice",
        "Act on the interviewer's advice: Learn more about our payments product.",
    ),
    SuggestedAction(
        "relationship",
        "referral",
        "Follow up on the referral: Finance business partner role in the retail unit. "
        "Thank the interviewer and ask to be put in touch.",
    ),
    SuggestedAction(
        "strengths",
        "suggested",
        "Steer towards your strengths: you were led entirely by the interviewer. Pick two "
        "stories you will bring up yourself next time.",
    ),
    SuggestedAction(
        "strengths",
        "bridge",
        "Bridge to your 'Billing migration' story when it is relevant: "
        "“I have another experience that illustrates this even better — may I tell you "
        "about it?”",
    ),
    SuggestedAction(
        "strengths",
        "suggested",
        "Tell your 'Hiring plan' story in full next time: situation, task, what you did, "
        "and the result.",
    ),
]


def test_a_representative_review_suggests_these_actions_in_this_order():
    assert suggest_actions(REVIEW) == EXPECTED_ACTIONS


def test_a_question_asked_twice_gives_one_action():
    texts = [a.text for a in suggest_actions(REVIEW)]
    assert len(texts) == len(set(texts))


def test_actions_use_only_known_aspects_and_sources():
    actions = suggest_actions(REVIEW)
    assert all(a.aspect in ASPECTS and a.source in ACTION_SOURCES for a in actions)


def test_the_bridging_line_is_the_one_from_the_method():
    assert BRIDGING_LINE == (
        "I have another experience that illustrates this even better — may I tell you about it?"
    )


def test_a_calm_review_with_nothing_to_fix_suggests_nothing():
    review = ReviewFacts(overall_rating=4, asks=[("Tell me about yourself", "neutral", 3, None)])
    assert suggest_actions(review) == []


def test_a_slow_pace_suggests_picking_it_up():
    assert suggest_actions(ReviewFacts(pace="too_slow")) == [
        SuggestedAction(
            "relationship",
            "suggested",
            "Pick up the pace: the conversation felt slow. Lead with your main point and keep "
            "answers short.",
        )
    ]


def test_an_impatient_interviewer_suggests_leading_with_the_point():
    assert suggest_actions(ReviewFacts(interviewer_reaction="impatient")) == [
        SuggestedAction(
            "overall",
            "suggested",
            "Lead with your main point in every answer: the interviewer seemed impatient. "
            "Offer detail only when asked.",
        )
    ]


def test_a_harmony_of_three_suggests_nothing_about_the_relationship():
    assert suggest_actions(ReviewFacts(harmony=3)) == []


def test_blank_advice_and_referral_suggest_nothing():
    assert suggest_actions(ReviewFacts(advice="  ", referral="\n")) == []


def test_missing_advice_and_referral_from_the_journal_suggest_nothing():
    assert suggest_actions(ReviewFacts(advice=None, referral=None)) == []


def test_a_very_long_question_is_shortened_in_the_action():
    question = "Why " + "really " * 30 + "?"
    (action,) = suggest_actions(ReviewFacts(asks=[(question, "interrupted", None, None)]))
    assert action.text == (
        "Rehearse 'Why" + " really" * 10 + "…' within 90 seconds: you were interrupted."
    )


def test_a_very_long_cjk_question_is_cut_without_looking_for_spaces():
    (action,) = suggest_actions(ReviewFacts(asks=[("问" * 100, "interrupted", None, None)]))
    assert action.text == f"Rehearse '{'问' * 79}…' within 90 seconds: you were interrupted."


def test_asks_may_be_given_as_named_ask_facts():
    review = ReviewFacts(asks=[AskFacts(DEADLINE, "interrupted", None, None)])
    assert suggest_actions(review)[0].text.startswith(f"Rehearse '{DEADLINE}'")


def test_an_unknown_pace_is_refused():
    with pytest.raises(ValueError):
        suggest_actions(ReviewFacts(pace="frantic"))


def test_an_unknown_story_use_is_refused():
    with pytest.raises(ValueError):
        suggest_actions(ReviewFacts(story_uses=[("Launch", "forgotten")]))


# --- question matching --------------------------------------------------------
BANK = [
    (1, "Can you tell me about a time when you missed a deadline?"),
    (2, "Tell me about a time you led a team"),
    (3, "What are your salary expectations?"),
    (4, "请你介绍一下自己。"),
    (5, "自己紹介をお願いします"),
    (6, "자기소개를 해주세요"),
]


def test_a_reworded_question_matches_its_bank_question():
    assert match_question(DEADLINE, BANK) == [Match(1, BANK[0][1], 95.0)]


def test_an_unrelated_question_matches_nothing():
    assert match_question("What is your greatest strength?", BANK) == []


def test_case_punctuation_and_spacing_are_ignored():
    assert match_question("  WHAT are your   salary expectations ", BANK) == [
        Match(3, "What are your salary expectations?", 100.0)
    ]


def test_a_one_word_question_does_not_match_every_longer_question():
    assert match_question("Why?", [(1, "Why do you want to work here?")]) == []


def test_a_chinese_question_matches_its_near_duplicate():
    assert match_question("请介绍一下你自己", BANK) == [Match(4, "请你介绍一下自己。", 87.5)]


def test_a_japanese_question_matches_its_full_width_punctuated_copy():
    assert match_question("自己紹介をお願いします！", BANK) == [
        Match(5, "自己紹介をお願いします", 100.0)
    ]


def test_korean_spacing_differences_do_not_matter():
    assert match_question("자기소개를 해 주세요?", BANK) == [Match(6, "자기소개를 해주세요", 100.0)]


def test_an_unrelated_chinese_question_matches_nothing():
    assert match_question("你为什么离开上一家公司？", BANK) == []


def test_at_most_three_matches_are_returned_best_first():
    bank = [(i, f"Tell me about yourself{'!' * i}") for i in range(1, 6)]
    bank.append((9, "Tell me more about yourself"))
    assert [m.question_id for m in match_question("Tell me more about yourself", bank)] == [9, 1, 2]


def test_empty_text_matches_nothing():
    assert match_question("   ", BANK) == []


def test_an_empty_bank_matches_nothing():
    assert match_question(DEADLINE, []) == []


def test_a_lower_threshold_admits_weaker_matches():
    ids = [m.question_id for m in match_question(DEADLINE, BANK, threshold=80)]
    assert ids == [1, 2]

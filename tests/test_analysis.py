"""Answer analysis: counts, speaking time, fillers, metrics and STAR hints."""

from __future__ import annotations

import pytest

from coach.analysis import (
    CHINESE_CHARS_PER_MINUTE,
    ENGLISH_WORDS_PER_MINUTE,
    JAPANESE_CHARS_PER_MINUTE,
    KOREAN_SYLLABLES_PER_MINUTE,
    STAR_HINTS,
    analyse,
)

ENGLISH = (
    "Um, when I was at Acme, our release was late. I led the fix and, you know, "
    "basically we cut build time by 30% and saved $12,000."
)
CHINESE = "嗯，当时我负责一个项目，然后我决定重构系统，结果性能提升了百分之三十。"
JAPANESE = "えーと、前職ではチームで売上を三割向上させました。あの、私が提案しました。"
KOREAN = "음, 저는 이전 회사에서 비용을 30% 절감했습니다. 그 과정에서 제가 주도했어요."


# --- English ------------------------------------------------------------------
def test_english_text_is_latin_script():
    assert (analyse(ENGLISH).script, analyse(ENGLISH).language) == ("latin", "en")


def test_english_text_is_counted_in_words():
    assert (analyse(ENGLISH).length, analyse(ENGLISH).unit) == (27, "words")


def test_english_speaking_time_uses_150_words_a_minute():
    assert analyse(ENGLISH).estimated_seconds == 10.8  # 27 words / 150 wpm


def test_english_fillers_are_counted_as_whole_words_most_frequent_first():
    text = "Um, I mean, um... actually the umbrella was kind of basically, um, you know, fine."
    assert list(analyse(text).fillers.items()) == [
        ("um", 3),
        ("I mean", 1),
        ("actually", 1),
        ("kind of", 1),
        ("basically", 1),
        ("you know", 1),
    ]


def test_filler_total_adds_up_every_filler():
    assert analyse(ENGLISH).filler_count == 3


def test_english_metrics_are_found_in_order():
    assert analyse(ENGLISH).metrics == ("30%", "$12,000")


def test_multipliers_spelled_numbers_percent_words_and_currency_are_metrics():
    text = "Revenue grew 3x, twenty-five people, 45 percent, €2.5M, in 2019"
    assert analyse(text).metrics == ("3x", "twenty-five", "45 percent", "€2.5M", "2019")


def test_one_as_a_pronoun_and_digits_inside_a_name_are_not_metrics():
    assert analyse("The one I chose shipped in Q3 on an mp3 player.").metrics == ()


def test_one_is_a_metric_when_part_of_a_larger_number():
    assert analyse("We hired one hundred people.").metrics == ("one hundred",)


def test_english_star_hints_report_the_missing_task():
    assert analyse(ENGLISH).missing_star == ("task",)


def test_a_missing_star_part_carries_its_hint():
    hint = analyse(ENGLISH).star[1]
    assert (hint.part, hint.covered, hint.hint) == ("task", False, STAR_HINTS["task"])


def test_a_covered_star_part_has_no_hint():
    hint = analyse(ENGLISH).star[2]
    assert (hint.part, hint.covered, hint.hint) == ("action", True, "")


def test_an_answer_told_only_as_we_is_missing_the_action():
    text = "At the time our team had a deadline. We rebuilt the system and revenue increased."
    assert analyse(text).missing_star == ("action",)


def test_the_action_hint_asks_for_what_you_did_yourself():
    assert STAR_HINTS["action"] == "Say what you did yourself: 'I …', not only 'we …'."


def test_speaking_rate_is_words_per_minute_when_spoken_time_is_given():
    assert analyse(ENGLISH, spoken_seconds=9).speaking_rate_wpm == 180.0


def test_speaking_rate_is_absent_without_spoken_time():
    assert analyse(ENGLISH).speaking_rate is None


def test_zero_spoken_seconds_gives_no_rate_rather_than_a_crash():
    assert analyse(ENGLISH, spoken_seconds=0).speaking_rate is None


def test_negative_spoken_seconds_are_refused():
    with pytest.raises(ValueError):
        analyse(ENGLISH, spoken_seconds=-1)


def test_numbers_with_separators_count_as_one_word():
    assert analyse("It cost 10,000 dollars, or 3.5 times more.").length == 8


# --- Chinese ------------------------------------------------------------------
def test_chinese_text_is_cjk_script_in_chinese():
    assert (analyse(CHINESE).script, analyse(CHINESE).language) == ("cjk", "zh")


def test_chinese_text_counts_characters_without_punctuation():
    assert (analyse(CHINESE).length, analyse(CHINESE).unit) == (31, "characters")


def test_chinese_speaking_time_uses_250_characters_a_minute():
    assert analyse(CHINESE).estimated_seconds == 7.4  # 31 / 250 * 60 = 7.44


def test_chinese_fillers_are_found_inside_running_text_but_then_as_a_connective_is_not():
    # "然后我决定…" is "then I decided…": a filler only before a pause (see coach.analysis).
    assert analyse(CHINESE).fillers == {"嗯": 1}


def test_chinese_percent_phrase_is_a_metric():
    assert analyse(CHINESE).metrics == ("百分之三十",)


def test_chinese_numerals_with_units_are_metrics_but_a_lone_yi_in_a_word_is_not():
    assert analyse("用户增长三倍，成本降低百分之20，团队五十人，一起").metrics == (
        "三倍",
        "百分之20",
        "五十",
    )


def test_chinese_answer_covering_all_of_star_has_nothing_missing():
    assert analyse(CHINESE).missing_star == ()


def test_chinese_speaking_rate_is_characters_per_minute():
    analysis = analyse(CHINESE, spoken_seconds=6)
    assert (analysis.speaking_rate, analysis.rate_unit) == (310.0, "characters per minute")


def test_words_per_minute_is_not_reported_for_cjk_text():
    assert analyse(CHINESE, spoken_seconds=6).speaking_rate_wpm is None


# --- Japanese -----------------------------------------------------------------
def test_japanese_text_is_recognised_by_its_kana():
    assert (analyse(JAPANESE).script, analyse(JAPANESE).language) == ("cjk", "ja")


def test_japanese_text_counts_kana_and_kanji():
    assert analyse(JAPANESE).length == 33


def test_japanese_speaking_time_uses_300_characters_a_minute():
    assert analyse(JAPANESE).estimated_seconds == 6.6


def test_japanese_fillers_prefer_the_longest_form():
    assert analyse(JAPANESE).fillers == {"えーと": 1, "あの": 1}


def test_japanese_ee_and_eeto_are_counted_separately():
    assert analyse("えー、えーと、なんか").fillers == {"えー": 1, "えーと": 1, "なんか": 1}


def test_japanese_wari_is_a_metric():
    assert analyse(JAPANESE).metrics == ("三割",)


def test_japanese_star_hints_report_the_missing_task():
    assert analyse(JAPANESE).missing_star == ("task",)


# --- Korean -------------------------------------------------------------------
def test_korean_text_is_cjk_script_in_korean():
    assert (analyse(KOREAN).script, analyse(KOREAN).language) == ("cjk", "ko")


def test_korean_text_counts_hangul_syllables():
    assert analyse(KOREAN).length == 30


def test_korean_speaking_time_adds_latin_words_at_the_english_rate():
    assert analyse(KOREAN).estimated_seconds == 7.6  # 30 / 250 min + "30" / 150 min


def test_korean_fillers_count_only_when_standing_alone():
    assert analyse(KOREAN).fillers == {"음": 1, "그": 1}


def test_korean_filler_syllables_inside_words_are_not_fillers():
    assert analyse("어떻게 그래서 음식을 먹었어요").fillers == {}


def test_korean_percent_is_a_metric():
    assert analyse(KOREAN).metrics == ("30%",)


def test_korean_star_hints_report_the_missing_task():
    assert analyse(KOREAN).missing_star == ("task",)


# --- Rates are documented figures ---------------------------------------------
def test_speaking_rates_are_the_documented_figures():
    assert (
        ENGLISH_WORDS_PER_MINUTE,
        CHINESE_CHARS_PER_MINUTE,
        JAPANESE_CHARS_PER_MINUTE,
        KOREAN_SYLLABLES_PER_MINUTE,
    ) == (150, 250, 300, 250)


def test_mixed_text_takes_the_script_of_most_of_its_letters():
    assert analyse("I used 微服务 for the API").script == "latin"


# --- Hostile and edge-case input ----------------------------------------------
@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_or_blank_text_gives_an_empty_analysis(text):
    analysis = analyse(text)
    assert (analysis.length, analysis.estimated_seconds, analysis.fillers, analysis.metrics) == (
        0,
        0.0,
        {},
        (),
    )


def test_empty_text_misses_every_star_part():
    assert analyse("").missing_star == ("situation", "task", "action", "result")


def test_emoji_and_html_are_analysed_without_crashing_and_emoji_are_not_words():
    assert analyse("🎉 <script>alert('hi')</script> 😀").length == 4


def test_a_100_kb_english_answer_is_counted_exactly():
    assert analyse("I led it. " * 10_000).length == 30_000


def test_a_100_kb_chinese_answer_counts_characters_and_fillers_exactly():
    analysis = analyse("嗯我负责。" * 20_000)
    assert (analysis.length, analysis.fillers) == (80_000, {"嗯": 20_000})


# --- Analysis that fits the question (issue 13) -----------------------------------
@pytest.mark.parametrize("dimension", ["behavioural", "past_experience", None])
def test_star_coverage_is_checked_for_story_questions_and_when_the_dimension_is_unknown(
    dimension,
):
    analysis = analyse("I led the migration; as a result we saved 20%.", dimension=dimension)
    assert analysis.star_expected
    assert [h.part for h in analysis.star] == ["situation", "task", "action", "result"]


@pytest.mark.parametrize(
    "dimension",
    ["career_planning", "motivation_fit", "professional_ability", "logistics_pay", "other"],
)
def test_star_coverage_is_not_asked_of_questions_that_want_no_story(dimension):
    analysis = analyse("I want to move closer to the business.", dimension=dimension)
    assert not analysis.star_expected and analysis.missing_star == ()


@pytest.mark.parametrize("dimension", ["career_planning", "motivation_fit", "other"])
def test_a_plan_or_a_reason_without_a_number_is_not_warned_about(dimension):
    analysis = analyse("I want to become a business partner to operations.", dimension=dimension)
    assert analysis.metrics == () and not analysis.lacks_numbers


@pytest.mark.parametrize("dimension", ["past_experience", "behavioural", "professional_ability"])
def test_a_story_or_a_method_without_a_number_still_is(dimension):
    assert analyse("I rebuilt the forecast.", dimension=dimension).lacks_numbers


@pytest.mark.parametrize(
    "text",
    [
        "It took about four minutes before I got to the point.",
        "We spent forty-five minutes on the history.",
        "我花了两个月才完成。",
        "用了十五分钟介绍背景。",
        "Two years ago I joined the team.",
    ],
)
def test_number_words_inside_durations_are_not_evidence(text):
    assert analyse(text).metrics == ()


def test_a_duration_in_digits_and_a_number_word_that_is_a_result_still_count():
    text = "We went from eight days to five, and 3 weeks later saved twenty thousand."
    assert analyse(text).metrics == ("five", "3", "twenty thousand")

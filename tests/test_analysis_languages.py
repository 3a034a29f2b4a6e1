"""Analysis that reads Chinese: known counts on Chinese, English and mixed answers, and
what the analysis says about them in either language (issue 17)."""

from __future__ import annotations

import pytest

from coach import i18n
from coach.analysis import analyse

# 46 characters; fillers 嗯, 那个 and 就是 before a pause, and the tag 对吧; 然后 before
# 我 is "then", not a filler. 三个 and 百分之二十 are evidence; 一家 is "a".
CHINESE = (
    "嗯，那个，当时我在一家零售公司负责库存系统。然后我主导了三个项目，就是，"
    "把盘点时间缩短了百分之二十，对吧？"
)
# Mostly Chinese, with English terms: 16 characters, 6 English words, and 15 read aloud.
MIXED_CHINESE = "我在 Shopee 做 data analyst，负责 A/B testing 平台，最后把转化率提升了 15%。"
# Mostly English, with a Chinese term: 11 words (20 included) and 4 characters.
MIXED_ENGLISH = "I led the 数据中台 migration at Meituan and cut costs by 20%."
ENGLISH = "Um, at my last job I led the audit and, you know, we cut the close by 3 days."


# --- Chinese ------------------------------------------------------------------------
def test_a_chinese_answer_is_measured_in_characters_at_the_chinese_rate():
    analysis = analyse(CHINESE)
    assert (analysis.script, analysis.length, analysis.unit) == ("cjk", 46, "characters")
    assert (analysis.characters, analysis.words, analysis.mixed) == (46, 0, False)
    assert analysis.estimated_seconds == 11.0  # 46 / 250 * 60 = 11.04


def test_chinese_fillers_count_hesitations_anywhere_and_ordinary_words_only_before_a_pause():
    assert analyse(CHINESE).fillers == {"嗯": 1, "那个": 1, "就是": 1, "对吧": 1}
    assert analyse(CHINESE).filler_count == 4


@pytest.mark.parametrize(
    ("text", "fillers"),
    [
        ("那个项目很难，然后我们重做了。", {}),  # "that project", "then"
        ("这就是我们的方案。", {}),
        ("那个那个，我觉得", {"那个": 2}),
        ("然后嗯，我们上线了", {"然后": 1, "嗯": 1}),
        ("其实……我没准备", {"其实": 1}),
        ("呃，怎么说呢，我负责预算", {"呃": 1, "怎么说呢": 1}),
    ],
)
def test_a_chinese_word_is_a_filler_only_in_a_fillers_position(text, fillers):
    assert analyse(text).fillers == fillers


def test_chinese_numerals_with_measure_words_and_percentages_are_evidence():
    assert analyse(CHINESE).metrics == ("三个", "百分之二十")
    assert analyse("我们三个人，两家公司，一个项目，覆盖300万用户").metrics == (
        "三个",
        "两家",
        "300万",
    )


def test_a_chinese_count_of_months_is_a_duration_not_evidence():
    assert analyse("花了三个月上线，两年后还在用").metrics == ()


def test_star_cues_in_chinese_cover_every_part():
    assert analyse(CHINESE).missing_star == ()
    assert analyse("我先和团队对齐目标").missing_star == ("result",)


# --- English -------------------------------------------------------------------------
def test_an_english_answer_is_measured_in_words_at_the_english_rate():
    analysis = analyse(ENGLISH)
    assert (analysis.length, analysis.unit, analysis.characters, analysis.words) == (
        19,
        "words",
        0,
        19,
    )
    assert analysis.estimated_seconds == 7.6  # 19 / 150 * 60
    assert analysis.fillers == {"um": 1, "you know": 1}
    assert analysis.metrics == ("3",)
    assert analysis.missing_star == ("task",)  # "at my last job", "I led", "cut"


# --- Mixed ---------------------------------------------------------------------------
def test_a_mostly_chinese_answer_is_measured_by_its_parts():
    analysis = analyse(MIXED_CHINESE)
    assert (analysis.script, analysis.unit, analysis.length) == ("cjk", "characters", 16)
    assert (analysis.characters, analysis.words, analysis.mixed) == (16, 6, True)
    # 16 characters at 250 a minute, and 7 Latin tokens (15 included) at 150 words a minute.
    assert analysis.estimated_seconds == 6.6  # 3.84 s + 2.8 s
    assert analysis.metrics == ("15%",)
    assert analysis.missing_star == ("action",)


def test_a_mostly_english_answer_is_measured_by_its_parts():
    analysis = analyse(MIXED_ENGLISH)
    assert (analysis.script, analysis.unit, analysis.length) == ("latin", "words", 11)
    assert (analysis.characters, analysis.words, analysis.mixed) == (4, 11, True)
    assert analysis.estimated_seconds == 5.4  # 11 / 150 * 60 + 4 / 250 * 60 = 5.36
    assert analysis.metrics == ("20%",)


def test_the_part_that_takes_longer_to_say_gives_the_unit():
    # Three characters (0.7 s) inside five English words (2 s): an English answer.
    assert analyse("I used 微服务 for the API").unit == "words"
    # Twelve characters (2.9 s) around two English words (0.8 s): a Chinese answer.
    assert analyse("我们用 Power BI 把周报的时间缩短了一半").unit == "characters"


# --- What the analysis says, in either language --------------------------------------
def test_the_length_says_both_parts_of_a_mixed_answer_in_english():
    assert analyse(MIXED_CHINESE).length_text == "16 characters and 6 words"
    assert analyse(MIXED_ENGLISH).length_text == "11 words and 4 characters"
    assert analyse(ENGLISH).length_text == "19 words"
    assert analyse("我负责").length_text == "3 characters"


def test_the_length_says_both_parts_of_a_mixed_answer_in_chinese():
    with i18n.speaking("zh_CN"):
        assert analyse(MIXED_CHINESE).length_text == "16 字和 6 个单词"
        assert analyse(MIXED_ENGLISH).length_text == "11 个单词和 4 字"
        assert analyse(CHINESE).length_text == "46 字"
        assert analyse(CHINESE).unit_label == "字"
        assert analyse(ENGLISH).rate_label == "单词/分钟"


def test_the_pace_behind_the_estimate_names_each_parts_rate():
    assert analyse(MIXED_CHINESE).pace_text == (
        "Estimated at 250 characters a minute for the part in Chinese and 150 words a "
        "minute for the rest, a calm interview pace."
    )
    with i18n.speaking("zh_CN"):
        assert analyse(MIXED_CHINESE).pace_text == (
            "中文部分按每分钟 250 字、其余部分按每分钟 150 个单词估算，这是面试中从容的语速。"
        )
        assert analyse(CHINESE).pace_text == "按每分钟 250 字估算，这是面试中从容的语速。"


def test_star_parts_and_hints_are_said_in_the_language_in_use():
    hints = analyse("", dimension="behavioural").star
    assert [h.label for h in hints] == ["Situation", "Task", "Action", "Result"]
    with i18n.speaking("zh_CN"):
        assert [h.label for h in hints] == ["情境", "任务", "行动", "结果"]
        assert hints[2].hint == "讲你自己做了什么：说“我……”，而不只是“我们……”。"
    assert analyse(CHINESE).star[0].hint == ""  # a covered part needs no hint

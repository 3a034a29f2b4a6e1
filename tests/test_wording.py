"""Dates, numbers, percentages and lists as the app writes them, in English and Chinese
(Babel's CLDR data): the exact text a candidate reads."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from coach import i18n, wording
from coach_ui.formatting import relative_day, when

WEDNESDAY = date(2026, 12, 2)
MONDAY_AT_TWO = datetime(2026, 3, 16, 14, 0)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["2 December", "Wed", "Wed 2 Dec 2026", "2 Dec 2026", "Dec 2026"]),
        ("zh_CN", ["12月2日", "周三", "2026年12月2日 周三", "2026年12月2日", "2026年12月"]),
    ],
)
def test_a_day_is_written_in_the_order_and_words_of_the_language(lang, expected):
    with i18n.speaking(lang):
        written = [
            wording.day_text(WEDNESDAY),
            wording.weekday(WEDNESDAY),
            wording.full_day(WEDNESDAY),
            wording.short_day(WEDNESDAY),
            wording.month_text(WEDNESDAY),
        ]
    assert written == expected


def test_every_weekday_has_its_chinese_name():
    monday = date(2026, 11, 30)
    with i18n.speaking("zh_CN"):
        names = [wording.weekday(monday + timedelta(days=n)) for n in range(7)]
    assert names == ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Mon 16 Mar 2026, 14:00"), ("zh_CN", "2026年3月16日 周一 14:00")],
)
def test_a_moment_reads_as_day_and_24_hour_clock(lang, expected):
    with i18n.speaking(lang):
        assert wording.moment_text(MONDAY_AT_TWO) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Mon 16 Mar 2026, 19:30"), ("zh_CN", "2026年3月16日 周一 19:30")],
)
def test_when_shows_an_instant_in_the_candidates_zone(lang, expected):
    # 18:30 UTC is 19:30 in Berlin in March (CET): `when` takes the zone of `now`.
    now = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    with i18n.speaking(lang):
        assert when(datetime(2026, 3, 16, 18, 30, tzinfo=UTC), now) == expected


def test_when_in_english_is_as_it_was_before_babel():
    # The strftime wording it replaces: f"{local:%a} {local.day} {local:%b %Y, %H:%M}".
    now = datetime(2026, 1, 1, tzinfo=UTC)
    moment = datetime(2026, 7, 5, 8, 5, tzinfo=UTC)
    old = f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"
    with i18n.speaking("en"):
        assert when(moment, now) == old == "Sun 5 Jul 2026, 08:05"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["1,234,567", "3.5", "1,234.57", "20%", "12.5%", "0%"]),
        ("zh_CN", ["1,234,567", "3.5", "1,234.57", "20%", "12.5%", "0%"]),
    ],
)
def test_numbers_and_percentages_are_grouped_and_signed_the_languages_way(lang, expected):
    with i18n.speaking(lang):
        written = [
            wording.number(1234567),
            wording.decimal(3.456),
            wording.decimal(1234.5678, 2),
            wording.percent(0.2),
            wording.percent(0.125, 1),
            wording.percent(0),
        ]
    assert written == expected


@pytest.mark.parametrize(
    ("lang", "standard", "either"),
    [
        ("en", "Acme, 字节跳动 and Beta", "Acme, 字节跳动 or Beta"),
        ("zh_CN", "Acme、字节跳动和Beta", "Acme、字节跳动或Beta"),
    ],
)
def test_a_list_is_joined_with_the_languages_own_words(lang, standard, either):
    items = ["Acme", "字节跳动", "Beta"]
    with i18n.speaking(lang):
        assert wording.list_text(items) == standard
        assert wording.list_text(items, style="or") == either
        assert wording.list_text(["字节跳动"]) == "字节跳动"
        assert wording.list_text([]) == ""


@pytest.mark.parametrize(
    ("days", "english", "chinese"),
    [
        (0, "today", "今天"),
        (1, "tomorrow", "明天"),
        (-1, "yesterday", "昨天"),
        (3, "in 3 days", "3 天后"),
        (-2, "2 days ago", "2 天前"),
        (400, "in 400 days", "400 天后"),
    ],
)
def test_relative_days_are_said_in_both_languages(days, english, chinese):
    now = datetime(2026, 3, 16, 23, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    moment = now + timedelta(days=days)
    with i18n.speaking("en"):
        assert relative_day(moment, now) == english
    with i18n.speaking("zh_CN"):
        assert relative_day(moment, now) == chinese


def test_relative_days_count_the_candidates_calendar_days_not_hours():
    # 23:30 in Shanghai; an hour later is tomorrow there, though only an hour away.
    now = datetime(2026, 3, 16, 23, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    with i18n.speaking("zh_CN"):
        assert relative_day(now + timedelta(hours=1), now) == "明天"


def test_a_long_chinese_quote_is_cut_with_an_ellipsis_inside_the_quotes():
    text = "请详细介绍一下你在上一家公司负责的数据平台项目，" * 5
    quoted = wording.quote(text, limit=20)
    assert quoted.startswith("“请详细介绍") and quoted.endswith("…”")
    assert len(quoted) <= 22

"""Calendar days in the candidate's own time zone, across daylight-saving changes.

Berlin moves its clocks on 29 March 2026 (02:00 CET becomes 03:00 CEST, UTC+1 to
UTC+2) and on 25 October 2026 (back to UTC+1). A day counted with the offset of "now"
puts an evening on the other side of the change on the wrong day: 23:30 CET is 22:30
UTC, which at UTC+2 reads 00:30 the next day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from coach import practice
from coach.days import candidate_zone, end_of_day, start_of_day, unknown_zone
from coach.insights import rehearsal
from coach.insights.filters import Filters
from coach.sample import summarize
from coach.scheduling import ensure_card, make_scheduler, record_rehearsal

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


def card(cur, text: str, created: datetime) -> int:
    question_id = cur.execute(
        "INSERT INTO questions (text, dimension) VALUES (?, 'behavioural') RETURNING id", [text]
    ).fetchone()[0]
    return ensure_card(cur, question_id, origin="manual", now=created)[0]


def rehearse(cur, card_id: int, at: datetime) -> None:
    record_rehearsal(
        cur, card_id, 3, at=at, duration_ms=1_000, scheduler=make_scheduler(fuzzing=False)
    )


def due_at(cur, card_id: int, moment: datetime) -> None:
    cur.execute("UPDATE cards SET due = ? WHERE id = ?", [moment.astimezone(UTC), card_id])


def test_the_offset_really_changes_between_these_moments():
    assert berlin(3, 27, 23, 30).utcoffset() == timedelta(hours=1)
    assert berlin(3, 30, 12).utcoffset() == timedelta(hours=2)
    assert berlin(10, 26, 23, 30).utcoffset() == timedelta(hours=1)


def test_rehearsals_per_day_count_a_winter_evening_on_its_own_day_in_summer(cur):
    card_id = card(cur, "Tell me about yourself.", berlin(3, 1, 9))
    rehearse(cur, card_id, berlin(3, 27, 23, 30))  # CET: 22:30 UTC
    rehearse(cur, card_id, berlin(3, 28, 9))
    rehearse(cur, card_id, berlin(3, 30, 0, 30))  # CEST: 22:30 UTC on the 29th
    now = berlin(4, 2, 12)
    days = rehearsal.rehearsals_per_day(cur, Filters(), now)
    assert [(d.day, d.count) for d in days] == [
        (date(2026, 3, 27), 1),
        (date(2026, 3, 28), 1),
        (date(2026, 3, 30), 1),
    ]


def test_rehearsals_per_day_read_every_day_when_the_latest_window_is_not_full(cur):
    # Beyond the window of the latest days (a journal with few days of rehearsals reads
    # them all), the days follow the zone too.
    first = datetime(2025, 1, 10, 23, 30, tzinfo=BERLIN)  # CET, more than 400 days ago
    card_id = card(cur, "Why this company?", first - timedelta(days=1))
    rehearse(cur, card_id, first)
    rehearse(cur, card_id, berlin(7, 10, 23, 30))
    days = rehearsal.rehearsals_per_day(cur, Filters(), berlin(8, 20, 12))
    assert [d.day for d in days] == [date(2025, 1, 10), date(2026, 7, 10)]


def test_the_due_forecast_puts_a_card_due_after_the_autumn_change_on_its_day(cur):
    now = berlin(10, 20, 12)  # CEST
    late = card(cur, "Describe a conflict.", berlin(10, 1, 9))
    early = card(cur, "Explain a variance.", berlin(10, 1, 9))
    due_at(cur, late, berlin(10, 26, 23, 30))  # CET: 22:30 UTC
    due_at(cur, early, berlin(10, 27, 0, 30))  # CET: 23:30 UTC on the 26th
    forecast = rehearsal.due_forecast(cur, now)
    assert {d.day: d.count for d in forecast if d.count} == {
        date(2026, 10, 26): 1,
        date(2026, 10, 27): 1,
    }


def test_the_streak_counts_the_days_rehearsed_in_the_candidates_zone(cur):
    card_id = card(cur, "Salary expectations?", berlin(3, 1, 9))
    rehearse(cur, card_id, berlin(3, 28, 23, 30))  # Saturday evening, CET
    rehearse(cur, card_id, berlin(3, 30, 10))  # Monday; nothing on Sunday the 29th
    progress = practice.progress(cur, berlin(3, 30, 20))
    assert (progress.streak_days, progress.streak_includes_today) == (1, True)
    assert progress.rehearsed_today == 1


def test_the_day_of_the_spring_change_has_23_hours(cur):
    now = berlin(3, 29, 10)
    tonight = card(cur, "Tonight", berlin(3, 1, 9))
    tomorrow = card(cur, "Tomorrow", berlin(3, 1, 9))
    due_at(cur, tonight, berlin(3, 29, 23, 30))
    due_at(cur, tomorrow, berlin(3, 30, 0, 30))
    start, end = start_of_day(now), end_of_day(now)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
    queue = practice.todays_queue(cur, now)
    assert [c.card_id for c in queue.cards] == [tonight]


def test_the_sample_summary_counts_cards_due_today_on_the_candidates_day(cur):
    now = berlin(3, 29, 10)
    tonight = card(cur, "Tonight", berlin(3, 1, 9))
    tomorrow = card(cur, "Tomorrow", berlin(3, 1, 9))
    due_at(cur, tonight, berlin(3, 29, 23, 30))  # 21:30 UTC
    due_at(cur, tomorrow, berlin(3, 30, 0, 30))  # 22:30 UTC, still the 29th in UTC
    assert summarize(cur, now).due_today == 1


@pytest.mark.parametrize(
    ("first", "last", "since", "until"),
    [
        # Winter days chosen in summer start at midnight CET, not at midnight CEST.
        (date(2026, 3, 1), date(2026, 3, 28), "2026-02-28T23:00", "2026-03-28T23:00"),
        (date(2026, 10, 20), date(2026, 10, 25), "2026-10-19T22:00", "2026-10-25T23:00"),
    ],
)
def test_date_filters_cover_whole_local_days_on_either_side_of_a_change(first, last, since, until):
    chosen = Filters.for_days(first, last, berlin(7, 1, 12))
    assert chosen.since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M") == since
    assert chosen.until.astimezone(UTC).strftime("%Y-%m-%dT%H:%M") == until


# --- The candidate's zone -------------------------------------------------------------


def test_coach_tz_names_the_zone_before_tz_and_the_computers_own(tmp_path):
    none = tmp_path / "no-localtime"
    assert candidate_zone({"COACH_TZ": "Asia/Shanghai", "TZ": "Europe/Berlin"}, none) == ZoneInfo(
        "Asia/Shanghai"
    )
    assert candidate_zone({"TZ": ":Europe/Berlin"}, none) == BERLIN


def test_the_computers_zone_is_read_from_its_localtime_link(tmp_path):
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/New_York")
    zone = candidate_zone({}, link)
    assert zone == ZoneInfo("America/New_York")
    assert datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset() == timedelta(hours=-4)


def test_a_copied_localtime_file_keeps_its_daylight_saving(tmp_path):
    copied = tmp_path / "localtime"
    copied.write_bytes(Path("/usr/share/zoneinfo/Europe/Berlin").read_bytes())
    zone = candidate_zone({}, copied)
    assert datetime(2026, 1, 1, 12, tzinfo=zone).utcoffset() == timedelta(hours=1)
    assert datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset() == timedelta(hours=2)
    assert candidate_zone({}, copied) is zone  # the same object: caches keyed by it hold


def test_without_any_zone_the_present_offset_is_used_and_a_bad_name_is_said(tmp_path):
    zone = candidate_zone({"COACH_TZ": "Mars/Olympus"}, tmp_path / "none")
    assert datetime.now(zone).utcoffset() == datetime.now().astimezone().utcoffset()
    assert "Mars/Olympus" in unknown_zone({"COACH_TZ": "Mars/Olympus"})
    assert unknown_zone({"COACH_TZ": "Europe/Berlin"}) is None
    assert unknown_zone({}) is None


def test_a_zone_name_that_is_not_one_is_said_in_chinese_too():
    from coach import i18n

    with i18n.speaking("zh_CN"):
        said = unknown_zone({"COACH_TZ": "Mars/Olympus"})
    assert said == (
        "COACH_TZ 设为 'Mars/Olympus'，这不是 Europe/Berlin 或 Asia/Shanghai 这样的时区名称："
        "日期改按这台电脑的时区计算。"
    )

"""Calendars: .ics files in (an Outlook invitation in another zone, a Google export with
whole days, floating times, repeats and cancellations) and out (upcoming interviews
and the rehearsal plan), round trips through icalendar, across daylight-saving changes.

The fixtures in tests/fixtures/calendars were written for this project. March 2026:
the United States move their clocks on Sunday 8 March, Europe on Sunday 29 March.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from coach import cli, companies, db, interviews, practice, reviews, sample
from coach.calendars import exporting, importing
from coach.calendars.events import read_calendar
from coach.calendars.guesses import guess
from coach.days import candidate_zone
from coach.errors import InvalidInput
from coach.interviews import InterviewFields
from coach.likely import likely_questions

FIXTURES = Path(__file__).parent / "fixtures" / "calendars"
NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def events_of(name: str, zone=NEW_YORK):
    return read_calendar((FIXTURES / name).read_bytes(), zone=zone)


def offered(cur, name: str, zone=NEW_YORK) -> dict[str, importing.Offer]:
    return {o.event.title: o for o in importing.offers(cur, events_of(name, zone))}


def picks_of(offers) -> list[importing.Pick]:
    return [
        importing.Pick(o.event, o.guess.company, o.guess.role, o.guess.round, o.guess.format)
        for o in offers
        if o.picked
    ]


# -- reading: zones, whole days, floating times ----------------------------------------------


def test_an_invitation_in_another_zone_shows_at_the_right_local_time():
    # Outlook writes its own zone name with a VTIMEZONE: 09:30 in China Standard Time.
    [event] = events_of("outlook-invitation.ics")
    assert event.starts_at == datetime(2026, 3, 18, 1, 30, tzinfo=UTC)
    assert event.zone == "China Standard Time"
    assert event.local_start(BERLIN).strftime("%a %d %b %H:%M") == "Wed 18 Mar 02:30"
    assert event.local_start(NEW_YORK).strftime("%a %d %b %H:%M") == "Tue 17 Mar 21:30"
    assert event.local_start(SHANGHAI).strftime("%H:%M") == "09:30"
    assert event.as_written(BERLIN) == "Wed 18 Mar, 09:30 China Standard Time"
    assert event.as_written(SHANGHAI) == ""  # the same zone: nothing to add


def test_times_after_the_american_clock_change_keep_their_wall_clock():
    events = {e.title: e for e in events_of("google-export.ics")}
    # Monday 9 March, 10:00 in New York: the clocks moved on Sunday, so UTC-4.
    final = events["Northwind – Group accountant – Final round"]
    assert final.starts_at == datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    assert final.local_start(NEW_YORK).hour == 10
    # Berlin has not moved yet: 15:00 there, where a week earlier it would be 16:00.
    assert final.local_start(BERLIN).hour == 15


def test_a_whole_day_event_stays_on_its_day_across_the_clock_change():
    events = {e.title: e for e in events_of("google-export.ics")}
    onsite = events["Globex onsite interview"]
    assert onsite.all_day and onsite.day == date(2026, 3, 8)  # the day the clocks move
    local = onsite.local_start(NEW_YORK)
    assert (local.date(), local.hour) == (date(2026, 3, 8), 9)
    assert onsite.starts_at == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)  # 09:00 EDT


def test_a_floating_time_is_the_candidates_own_wall_clock():
    phone = {e.title: e for e in events_of("google-export.ics")}["Phone screen"]
    assert phone.local_start(NEW_YORK).strftime("%d %H:%M") == "10 14:00"
    in_berlin = {e.title: e for e in events_of("google-export.ics", BERLIN)}["Phone screen"]
    assert in_berlin.local_start(BERLIN).strftime("%d %H:%M") == "10 14:00"


# -- guesses ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "organiser", "known", "company", "reason"),
    [
        ("Interview with Tencent - Data Analyst", "", [], "Tencent", "the event's title"),
        ("Final round", "talent@careers.acme.co.uk", [], "Acme",
         "the e-mail domain careers.acme.co.uk"),
        ("Final round – NORTHWIND", "", ["Northwind"], "Northwind",
         "a company in your journal, named in the title"),
        ("Li Wei x Dana Smith", "dana@northwind.com", ["Northwind"], "Northwind",
         "a company in your journal, from the domain northwind.com"),
        ("面试 - 腾讯 - 数据分析师 - 二面", "hr@qq.com", [], "腾讯", "the event's title"),
        ("Technical interview", "no-reply@greenhouse.io", [], "", ""),
    ],
)  # fmt: skip
def test_the_company_is_guessed_from_the_title_or_the_organisers_domain(
    title, organiser, known, company, reason
):
    [event] = read_calendar(
        f"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:{title}\nDTSTART:20260318T093000Z\n"
        f"ORGANIZER:mailto:{organiser or 'me@gmail.com'}\nEND:VEVENT\nEND:VCALENDAR\n".encode(),
        zone=BERLIN,
    )
    guessed = guess(event, known)
    assert (guessed.company, guessed.company_reason) == (company, reason)


def test_role_round_and_format_are_read_from_the_invitation():
    [event] = events_of("outlook-invitation.ics")
    guessed = guess(event, [])
    assert (guessed.company, guessed.role, guessed.round, guessed.format) == (
        "腾讯", "财务分析师", "二面", "video"
    )  # fmt: skip
    events = {e.title: e for e in events_of("google-export.ics")}
    assert guess(events["Globex onsite interview"], []).format == "onsite"
    assert guess(events["Phone screen"], []).format == "phone"


# -- importing --------------------------------------------------------------------------------


def test_interview_events_are_offered_picked_and_the_rest_are_not(cur):
    offers = offered(cur, "google-export.ics")
    assert {t: (o.status, o.picked) for t, o in offers.items()} == {
        "Northwind – Group accountant – Final round": ("new", True),
        "Globex onsite interview": ("new", True),
        "Phone screen": ("new", True),
        "Team standup": ("repeats", False),
        "Interview with Contoso": ("cancelled", False),
        "Dentist": ("new", False),
    }


def test_picked_events_become_interviews_with_confirmed_companies(journal, cur):
    companies.add_company(journal, "northwind", "target")  # already known, another case
    offers = offered(cur, "google-export.ics")
    picks = picks_of(offers.values())
    picks = [p if p.company else importing.Pick(p.event, "Initech") for p in picks]
    result = importing.import_picks(journal, picks, datetime(2026, 3, 1, tzinfo=UTC))
    assert result.describe() == "Added 3 interviews (2 new companies)."
    rows = cur.execute(
        "SELECT c.name, i.role, i.round, i.format, i.scheduled_at, i.calendar_uid"
        " FROM interviews i JOIN companies c ON c.id = i.company_id ORDER BY i.scheduled_at"
    ).fetchall()
    assert [r[:4] for r in rows] == [
        ("Globex", "", "On site", "onsite"),
        ("northwind", "Group accountant", "Final round", "video"),
        ("Initech", "", "Phone screen", "phone"),
    ]
    assert rows[1][4] == datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    assert rows[1][5] == "7kq2m1n0p9northwind@google.com"
    notes = interviews.get_interview(cur, 1 + 1).notes
    assert "Imported from a calendar invitation." in notes


def test_importing_the_same_calendar_again_adds_nothing_and_a_moved_invitation_moves(
    journal, cur, now
):
    picks = picks_of(offered(cur, "outlook-invitation.ics").values())
    importing.import_picks(journal, picks, now)
    [interview] = interviews.list_interviews(cur)
    reviews.start_review(journal, interview.id, now)  # the interview has a review now
    again = offered(cur, "outlook-invitation.ics")["面试 - 腾讯 - 财务分析师 - 二面"]
    assert (again.status, again.picked, again.interview_id) == ("here", False, interview.id)
    # The recruiter moves the interview an hour later and sends the invitation again.
    moved_file = (FIXTURES / "outlook-invitation.ics").read_bytes().replace(b"T0930", b"T1030")
    [moved] = importing.offers(cur, read_calendar(moved_file, zone=BERLIN))
    assert (moved.status, moved.picked) == ("moved", True)
    result = importing.import_picks(journal, picks_of([moved]), now)
    assert result.describe() == "Moved 1 to the invitation's new time."
    [after] = interviews.list_interviews(cur)
    assert after.id == interview.id and after.review_status == "draft"
    assert after.scheduled_at == datetime(2026, 3, 18, 2, 30, tzinfo=UTC)


def test_a_pick_without_a_company_is_refused_and_nothing_is_added(journal, cur, now):
    offers = offered(cur, "google-export.ics")
    picks = picks_of(offers.values())  # Globex's first: the earliest
    no_company = [importing.Pick(picks[0].event, "  "), *picks[1:]]
    with pytest.raises(InvalidInput, match="Say which company “Globex onsite interview” is"):
        importing.import_picks(journal, no_company, now)
    assert interviews.list_interviews(cur) == []
    assert cur.execute("SELECT count(*) FROM companies").fetchone()[0] == 0


# -- exporting --------------------------------------------------------------------------------


@pytest.fixture
def sample_journal(tmp_path, now):
    path = tmp_path / "sample.duckdb"
    sample.write_sample(path, now)
    journal = db.open_journal(str(path))
    yield journal
    db.close_journal(str(path))


def parsed(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_upcoming_interviews_export_at_their_times_and_import_back_exactly(
    sample_journal, now, journal
):
    local = now.astimezone(BERLIN)
    data = exporting.calendar_ics(sample_journal.cursor(), local)
    upcoming = exporting.upcoming(sample_journal.cursor(), local)
    assert upcoming, "the sample journal has upcoming interviews"
    events = {str(e["UID"]): e for e in parsed(data)}
    for interview in upcoming:
        event = events[f"interview-{interview.uid}@interview-coach"]
        assert event.decoded("DTSTART") == interview.scheduled_at
        assert str(event["SUMMARY"]) == f"Interview: {interview.title}"
    # Into an empty journal: the same companies, times, roles, rounds and formats.
    offers = importing.offers(journal.cursor(), read_calendar(data, zone=BERLIN))
    assert len(offers) == len(upcoming) and all(o.picked for o in offers)
    importing.import_picks(journal, picks_of(offers), now)
    got = [
        (i.company, i.role, i.round, i.format, i.scheduled_at)
        for i in reversed(interviews.list_interviews(journal.cursor()))
    ]
    assert got == [(u.company, u.role, u.round, u.format, u.scheduled_at) for u in upcoming]


def test_the_rehearsal_plan_is_the_cram_views_days_before_each_target_interview(
    sample_journal, now
):
    cur = sample_journal.cursor()
    local = now.astimezone(BERLIN)
    data = exporting.calendar_ics(cur, local)
    plan = [e for e in parsed(data) if str(e["UID"]).startswith("rehearse-")]
    targets = [u for u in exporting.upcoming(cur, local) if u.kind == "target"]
    expected = []
    for interview in targets:
        cram = practice.cram_plan(cur, likely_questions(cur, interview.id, local), local)
        if cram.remaining:
            expected += [
                (local.date() + timedelta(days=n), f"Rehearse {cram.per_day} cards for "
                 f"{interview.company}")
                for n in range(cram.days_left)
            ]  # fmt: skip
    assert expected, "the sample has a target interview with weak cards"
    got = [(e.decoded("DTSTART"), str(e["SUMMARY"])) for e in plan]
    assert sorted(got) == sorted(expected)
    for event in plan:  # whole days: dates, each one day long
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and end - start == timedelta(days=1)


# Friday 6 March in New York; a target interview on Tuesday 10 March, after the change.
BEFORE_THE_CHANGE = datetime(2026, 3, 6, 18, 0, tzinfo=NEW_YORK)


def target_interview_after_the_change(journal, weak_questions: int) -> None:
    now = BEFORE_THE_CHANGE
    company = companies.add_company(journal, "Northwind", "target")
    interviews.add_interview(
        journal,
        InterviewFields(company_id=company, scheduled_at=datetime(2026, 3, 10, 10, 0,
                                                                  tzinfo=NEW_YORK)),
    )  # fmt: skip
    # Questions answered weakly at Northwind before: likely again, to rehearse.
    earlier = interviews.add_interview(
        journal, InterviewFields(company_id=company, scheduled_at=now - timedelta(days=20))
    )
    asked = reviews.add_asks(
        journal, earlier, [reviews.NewAsk(f"Question {n}?") for n in range(weak_questions)], now
    )
    for ask_id in asked:
        reviews.save_ask(journal, ask_id, now - timedelta(days=20), signal="interrupted")


def test_plan_days_across_the_american_clock_change_are_whole_consecutive_days(journal):
    target_interview_after_the_change(journal, weak_questions=6)
    data = exporting.calendar_ics(journal.cursor(), BEFORE_THE_CHANGE)
    plan = sorted(
        (e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in parsed(data)
        if str(e["UID"]).startswith("rehearse-")
    )
    assert [start for start, _ in plan] == [date(2026, 3, d) for d in (6, 7, 8, 9)]
    assert all(end - start == timedelta(days=1) for start, end in plan)
    # Read back in any zone, a whole day is the same calendar day.
    for zone in (NEW_YORK, BERLIN, SHANGHAI):
        days = [e.day for e in read_calendar(data, zone=zone) if e.all_day]
        assert days == [date(2026, 3, d) for d in (6, 7, 8, 9)]
    [interview] = [e for e in parsed(data) if str(e["UID"]).startswith("interview-")]
    assert interview.decoded("DTSTART") == datetime(2026, 3, 10, 14, 0, tzinfo=UTC)


def test_the_plan_names_the_interviews_time_in_the_candidates_zone_after_its_clock_change(
    journal, monkeypatch
):
    # Today's offset is New York's -05:00 on Friday; the interview on Tuesday is at
    # 10:00 New York time, -04:00 by then: the plan's words follow the zone, not the offset.
    monkeypatch.setenv("COACH_TZ", "America/New_York")
    target_interview_after_the_change(journal, weak_questions=1)
    today = BEFORE_THE_CHANGE.astimezone(candidate_zone())
    data = exporting.calendar_ics(journal.cursor(), today)
    plan = [e for e in parsed(data) if str(e["UID"]).startswith("rehearse-")]
    assert plan
    for event in plan:
        assert "on Tue 10 Mar 2026 at 10:00" in str(event["DESCRIPTION"])


@pytest.mark.parametrize(
    "name",
    ["数据分析师 面试", "Zoë 🎯 Labs", "<script>alert(1)</script>", "'); DROP TABLE asks;--",
     "A, B; C\\D"],
)  # fmt: skip
def test_hostile_names_round_trip_through_a_calendar_exactly(journal, tmp_path, now, name):
    company = companies.add_company(journal, name, "practice")
    interviews.add_interview(
        journal,
        InterviewFields(company_id=company, scheduled_at=now + timedelta(days=2), role=name,
                        round=name),
    )  # fmt: skip
    data = exporting.calendar_ics(journal.cursor(), now)
    other = db.open_journal(str(tmp_path / "other.duckdb"))
    try:
        offers = importing.offers(other.cursor(), read_calendar(data, zone=UTC))
        importing.import_picks(other, picks_of(offers), now)
        [got] = interviews.list_interviews(other.cursor())
        assert (got.company, got.role, got.round) == (name, name, name)
    finally:
        db.close_journal(str(tmp_path / "other.duckdb"))


def test_coach_export_writes_the_calendar(tmp_path, capsys):
    database = str(tmp_path / "journal.duckdb")
    journal = db.open_journal(database)
    company = companies.add_company(journal, "Northwind", "target")
    # The command reads the clock; a calendar keeps whole seconds.
    soon = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0)
    interviews.add_interview(journal, InterviewFields(company_id=company, scheduled_at=soon))
    db.close_journal(database)
    out = tmp_path / "calendar.ics"
    assert cli.main(["export", str(out), "--format", "ics", "--db", database]) == 0
    [event] = parsed(out.read_bytes())
    assert str(event["SUMMARY"]) == "Interview: Northwind"
    assert event.decoded("DTSTART") == soon
    assert "calendar.ics" in capsys.readouterr().err


# -- bad files --------------------------------------------------------------------------------

BAD = {
    "empty": (b"", "That file is empty"),
    "binary": (bytes(range(256)) * 8, "not a calendar (.ics) file"),
    "a transcript": (b"WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n", "not a calendar (.ics) file"),
    "damaged": (
        b"BEGIN:VCALENDAR\nthis is not a line\nEND:VCALENDAR\n",
        "That calendar file is damaged",
    ),
    "no events": (b"BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "holds no events"),
    "a broken start": (
        b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART:tomorrow\nEND:VEVENT\nEND:VCALENDAR\n",
        "holds no events",
    ),
    "30 MB": (b"BEGIN:VCALENDAR\n" + b"X" * (30 * 1024 * 1024), "That file is 30.0 MB"),
}  # fmt: skip


@pytest.mark.parametrize("name", BAD)
def test_a_bad_calendar_file_gets_one_sentence(name):
    data, expected = BAD[name]
    with pytest.raises(InvalidInput) as refused:
        read_calendar(data, zone=BERLIN)
    assert expected in str(refused.value)
    assert str(refused.value).endswith(".")

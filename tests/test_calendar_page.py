"""*Your data*'s calendar section through AppTest: the offered events, an added pick, a
cancelled import, and the calendar among the exports.

AppTest cannot choose a file, so the read events are put where the uploader puts them;
choosing the file in a real browser is tests/browser/test_calendar_e2e.py's part.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from coach import db, interviews
from coach.calendars import importing
from coach.calendars.events import read_calendar
from coach.days import candidate_zone
from coach_ui.calendar_import import STATE, _Reading
from tests.test_data_page import open_page
from tests.test_pages import app  # noqa: F401 - a fixture

FIXTURES = Path(__file__).parent / "fixtures" / "calendars"


def with_file(app_factory, path, name: str):  # noqa: F811
    journal = db.open_journal(str(path))
    events = read_calendar((FIXTURES / name).read_bytes(), zone=ZoneInfo("America/New_York"))
    offers = importing.offers(journal.cursor(), events)
    at = open_page(app_factory, path, "pages/data.py")
    at.session_state[STATE] = _Reading(name, offers)
    return at.run()


def texts(at) -> str:
    return "\n".join(str(m.value) for m in [*at.markdown, *at.success, *at.info, *at.error])


def test_the_calendar_is_among_the_exports_and_its_import_is_offered(app, tmp_path):  # noqa: F811
    at = open_page(app, tmp_path / "journal.duckdb", "pages/data.py")
    assert "**Calendar (.ics)**" in texts(at)
    assert [s.value for s in at.subheader][:3] == ["Export", "Import", "Calendar"]


def test_the_picked_events_are_added_as_interviews(app, tmp_path):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    at = with_file(app, path, "google-export.ics")
    assert not at.exception
    assert "3 look like interviews, 1 cancelled, 1 repeats" in texts(at)
    [add] = [b for b in at.button if b.label == "Add 3 interviews"]
    add.click().run()
    assert not at.exception
    assert "Added 3 interviews (3 new companies)." in texts(at)
    assert len(interviews.list_interviews(db.open_journal(str(path)).cursor())) == 3


def test_a_cancelled_import_adds_nothing(app, tmp_path):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    at = with_file(app, path, "outlook-invitation.ics")
    [cancel] = [b for b in at.button if b.label == "Cancel"]
    cancel.click().run()
    assert "looks like interviews" not in texts(at)
    assert interviews.list_interviews(db.open_journal(str(path)).cursor()) == []


@pytest.fixture
def in_berlin(monkeypatch):
    """The app's process runs in Berlin, whatever the machine's own zone."""
    monkeypatch.setenv("COACH_TZ", "Europe/Berlin")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def invitations_either_side_of_the_clock_change() -> bytes:
    # One in winter and one in summer: whatever today is, one of them is on the other
    # side of a clock change from it.
    year = datetime.now().year + 1
    events = "".join(
        "BEGIN:VEVENT\r\n"
        f"UID:{month}-interview@example.com\r\n"
        f"SUMMARY:Interview with Northwind ({month})\r\n"
        f"DTSTART;TZID=Europe/Berlin:{year}{month}15T093000\r\n"
        f"DTEND;TZID=Europe/Berlin:{year}{month}15T103000\r\n"
        "END:VEVENT\r\n"
        for month in ("01", "07")
    )
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n" + events + "END:VCALENDAR\r\n"
    ).encode()


def test_invitations_either_side_of_the_clock_change_show_at_their_own_local_time(
    app,  # noqa: F811
    tmp_path,
    in_berlin,
):
    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path))
    events = read_calendar(invitations_either_side_of_the_clock_change(), zone=candidate_zone())
    offers = importing.offers(journal.cursor(), events)
    at = open_page(app, path, "pages/data.py")
    at.session_state[STATE] = _Reading("invitations.ics", offers)
    at.run()
    assert not at.exception
    shown = at.dataframe[0].value
    assert [when[-5:] for when in shown["when"]] == ["09:30", "09:30"]
    assert list(shown["zone"]) == ["", ""]  # written in the candidate's own zone

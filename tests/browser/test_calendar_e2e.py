"""An Outlook invitation written in Shanghai's zone, imported on *Your data* by a
candidate in Berlin: shown at the right local time, its company confirmed, added."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from coach import db, interviews

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "calendars"


def test_an_invitation_from_another_zone_is_imported_at_the_local_time(
    app_server, page, wait_for_app, tmp_path
):
    path = tmp_path / "journal.duckdb"
    server = app_server(db_path=path, env={"COACH_TZ": "Europe/Berlin", "TZ": "Europe/Berlin"})
    page.goto(server.url + "/data")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    uploaders = main.locator('[data-testid="stFileUploaderDropzoneInput"]')
    expect(main.get_by_text("Calendar file (.ics)")).to_be_visible()
    uploaders.nth(1).set_input_files(str(FIXTURES / "outlook-invitation.ics"))
    expect(main.get_by_text("1 looks like interviews", exact=False)).to_be_visible()

    events = main.locator('[data-testid="stDataFrame"]').first  # the backups' table follows

    def cell(column: int):
        return events.locator(f'[data-testid="glide-cell-{column}-0"]')

    expect(cell(1)).to_have_text("Wed 18 Mar 2026, 02:30")  # 09:30 in Shanghai
    expect(cell(2)).to_have_text("腾讯")  # the company, guessed from the title
    expect(cell(7)).to_have_text("Wed 18 Mar, 09:30 China Standard Time")
    main.get_by_role("button", name="Add 1 interview").click()
    expect(main.get_by_text("Added 1 interview (1 new company).")).to_be_visible()

    server.stop()
    journal = db.open_journal(str(path))
    try:
        [interview] = interviews.list_interviews(journal.cursor())
        assert (interview.company, interview.role, interview.round) == (
            "腾讯",
            "财务分析师",
            "二面",
        )
        assert interview.scheduled_at.isoformat() == "2026-03-18T01:30:00+00:00"
    finally:
        db.close_journal(str(path))

"""A date the journal refuses is said to be refused, never saved as the default date.

The browser's date field used to refuse dates outside its own limits by showing them as
invalid and sending the default instead, so the form said "Interview added." with
another date. Only a real browser shows this: AppTest sets values without the field.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from coach import db


def type_date(form, label: str, typed: str) -> None:
    """Type into the segments of the date field labelled `label` (year first)."""
    field = form.get_by_test_id("stDateInput").filter(has_text=label)
    field.locator('[role="spinbutton"]').first.focus()
    form.page.keyboard.type(typed.replace("-", ""))
    form.page.keyboard.press("Escape")  # close the calendar the field opened


def choose(form, label: str, option: str) -> None:
    box = form.get_by_test_id("stSelectbox").filter(has_text=label)
    box.locator("input").click()
    box.page.keyboard.type(option)
    box.page.keyboard.press("Enter")


def interview_count(path) -> int:
    con = db.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM interviews").fetchone()[0]
    finally:
        con.close()


def open_form(app_server, page, wait_for_app, path, where: str, button: str):
    """The server on a fresh journal, and the form with `button` on page `where`, for Acme."""
    server = app_server(db_path=path)
    page.goto(server.url + where)
    wait_for_app(page)
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=button))
    choose(form, "Company", "Acme")
    return server, form


def test_an_interview_dated_in_a_year_the_journal_refuses_is_not_added_and_says_why(
    app_server, page, wait_for_app, settled, tmp_path
):
    path = tmp_path / "journal.duckdb"
    server, form = open_form(app_server, page, wait_for_app, path, "/interviews", "Add interview")
    form.get_by_label("Role").fill("Analyst")
    type_date(form, "Date", "1889-05-04")
    expect(form.get_by_test_id("stDateInputError")).to_have_count(0)  # not refused unseen
    settled(page)
    form.get_by_role("button", name="Add interview").click()
    expect(page.get_by_text(re.compile("1889 is not a plausible year"))).to_be_visible()
    expect(page.get_by_text("Interview added.")).to_have_count(0)
    expect(form.get_by_label("Role")).to_have_value("Analyst")  # what was typed stays
    server.stop()
    assert interview_count(path) == 0


def test_the_spot_forms_date_is_never_replaced_by_today(
    app_server, page, wait_for_app, settled, tmp_path
):
    path = tmp_path / "journal.duckdb"
    server, form = open_form(
        app_server, page, wait_for_app, path, "/review", "Add and start the review"
    )
    type_date(form, "Date", "2041-02-03")  # more than ten years ahead: outside the default
    settled(page)
    form.get_by_role("button", name="Add and start the review").click()
    expect(page.get_by_role("heading", name=re.compile("Review: Acme"))).to_be_visible()
    expect(page.get_by_text(re.compile("3 Feb 2041"))).to_be_visible()
    server.stop()
    con = db.connect(str(path), read_only=True)
    try:
        (scheduled,) = con.execute("SELECT scheduled_at FROM interviews").fetchone()
    finally:
        con.close()
    assert scheduled.year == 2041

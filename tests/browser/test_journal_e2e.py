"""The journal in a real browser: what is added survives a reload; deep links work."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from coach_ui.pages import PAGES


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the Streamlit selectbox labelled `label` (typing works for new ones)."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label)
    box.locator("input").click()
    box.page.keyboard.type(option)
    box.page.keyboard.press("Enter")


def test_a_company_and_an_interview_added_in_the_browser_survive_a_reload(
    app_server, page, wait_for_app, settled, tmp_path
):
    server = app_server(db_path=tmp_path / "journal.duckdb")
    page.goto(server.url + "/interviews")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Interviews")).to_be_visible()

    page.get_by_role("tab", name=re.compile("Companies")).click()
    page.get_by_text("Add a company").click()
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Add company"))
    form.get_by_label("Name").fill("Acme Analytics")
    form.get_by_text("Target", exact=True).click()
    form.get_by_role("button", name="Add company").click()
    expect(page.get_by_role("tab", name="Companies (1)")).to_be_visible()
    settled(page)  # mid-run, the old and the new interview form are both on the page

    form = page.get_by_test_id("stForm").filter(
        has=page.get_by_role("button", name="Add interview")
    )
    choose(form, "Company", "Acme Analytics")
    form.get_by_label("Role").fill("Data analyst")
    form.get_by_label("Round").fill("First round")
    form.get_by_label("Interviewer").fill("Dana Lee, analytics lead")
    form.get_by_role("button", name="Add interview").click()
    row = page.get_by_text("Acme Analytics · Data analyst · First round")
    expect(row).to_be_visible()

    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("tab", name="Upcoming (1)")).to_be_visible()
    expect(page.get_by_text("Acme Analytics · Data analyst · First round")).to_be_visible()
    expect(page.get_by_text("with Dana Lee, analytics lead")).to_be_visible()
    page.get_by_role("tab", name="Companies (1)").click()
    expect(page.get_by_text("1 interview", exact=True)).to_be_visible()


def test_each_interviews_tab_shows_its_own_rows_and_stays_open_when_its_count_changes(
    app_server, page, wait_for_app, settled, click_until, tmp_path
):
    from datetime import UTC, datetime

    from coach import sample

    path = tmp_path / "journal.duckdb"
    sample.write_sample(path, datetime.now(UTC))
    server = app_server(db_path=path)
    page.goto(server.url + "/interviews")
    wait_for_app(page)
    held_row = page.get_by_role("button", name=re.compile("review", re.IGNORECASE)).first
    company_row = page.get_by_text(re.compile(r"^\d+ interviews?"))

    # Only the open tab is drawn, so each click must reach the server and draw its rows.
    for _ in range(2):
        page.get_by_role("tab", name=re.compile("Held")).click()
        expect(held_row).to_be_visible()
        page.get_by_role("tab", name=re.compile("Companies")).click()
        expect(company_row.first).to_be_visible()
        expect(held_row).to_have_count(0)
        page.get_by_role("tab", name=re.compile("Upcoming")).click()
        expect(company_row).to_have_count(0)

    page.get_by_role("tab", name=re.compile("Companies")).click()
    companies = page.get_by_role("tab", name=re.compile("Companies"))
    count = int(re.search(r"\((\d+)\)", companies.inner_text()).group(1))
    settled(page)  # the tab's own run: on a busy machine the form's click was lost to it
    page.get_by_text("Add a company").click()
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Add company"))
    form.get_by_label("Name").fill("Zephyr Zoological")
    after = page.get_by_role("tab", name=f"Companies ({count + 1})")
    click_until(page, form.get_by_role("button", name="Add company"), after)
    expect(after).to_have_attribute("aria-selected", "true")
    expect(company_row.first).to_be_visible()


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path)
def test_every_page_opens_by_deep_link_on_a_freshly_started_server(
    spec, app_server, page, wait_for_app
):
    server = app_server()
    path = "" if spec.default else spec.url_path
    page.goto(f"{server.url}/{path}")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    for other in PAGES:
        expect(sidebar.get_by_role("link", name=other.title)).to_be_visible()
    expect(page.get_by_test_id("stMain").get_by_role("heading").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert spec.title in page.title()

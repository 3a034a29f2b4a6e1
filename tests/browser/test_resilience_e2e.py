"""Faults in a real browser: a killed server, two tabs on one review, hostile markup."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from playwright.sync_api import expect

from coach import companies, db, interviews
from coach.interviews import InterviewFields

SCRIPT = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def held_interview(path, role: str = "Data analyst") -> int:
    journal = db.open_journal(str(path))
    try:
        company = companies.add_company(journal, "Acme Analytics", "target")
        return interviews.add_interview(
            journal,
            InterviewFields(
                company_id=company,
                scheduled_at=datetime.now().astimezone() - timedelta(hours=4),
                role=role,
            ),
        )
    finally:
        db.close_journal(str(path))


def read(path, sql: str) -> list:
    journal = db.open_journal(str(path))
    try:
        return journal.cursor().execute(sql).fetchall()
    finally:
        db.close_journal(str(path))


def open_review(page, server, interview_id: int, wait_for_app):
    page.goto(f"{server.url}/review?interview={interview_id}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Review: Acme Analytics")).to_be_visible()
    return page.get_by_test_id("stMain")


def test_a_server_killed_mid_review_keeps_every_saved_field_and_restarts_cleanly(
    app_server, page, wait_for_app, tmp_path
):
    path = tmp_path / "journal.duckdb"
    interview_id = held_interview(path)
    server = app_server(db_path=path)
    main = open_review(page, server, interview_id, wait_for_app)
    main.get_by_text("Questioning", exact=True).click()
    main.get_by_text("Dissatisfied", exact=True).click()
    expect(main.get_by_text("Deep review · about 45 min", exact=True)).to_be_visible()
    main.get_by_role("button", name="Next: Questions and answers").click()
    main.get_by_label("Questions, one per line").fill("Why did you leave?\nWhat is your DCF?")
    main.get_by_role("button", name="Add these questions").click()
    expect(main.get_by_text("Q2. What is your DCF?")).to_be_visible()
    # Typed but never left: the field being typed when the server dies may be lost.
    page.locator(".st-key-review_ask_1").get_by_label("What I answered").fill("half a thou")

    server.process.kill()  # SIGKILL: no shutdown, no checkpoint
    server.process.wait(timeout=10)

    restarted = app_server(db_path=path)
    main = open_review(page, restarted, interview_id, wait_for_app)
    expect(main.get_by_role("heading", name="2. Questions and answers")).to_be_visible()
    expect(main.get_by_text("Q1. Why did you leave?")).to_be_visible()
    expect(main.get_by_text("Q2. What is your DCF?")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    restarted.stop()
    assert read(path, "SELECT overall_rating, interviewer_reaction, step FROM reviews") == [
        (1, "questioning", "questions")
    ]
    assert read(path, "SELECT count(*) FROM asks") == [(2,)]


def test_two_tabs_editing_one_review_keep_both_saves(app_server, browser, wait_for_app, tmp_path):
    path = tmp_path / "journal.duckdb"
    interview_id = held_interview(path)
    server = app_server(db_path=path)
    first = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    second = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    try:
        left = open_review(first, server, interview_id, wait_for_app)
        right = open_review(second, server, interview_id, wait_for_app)
        left.get_by_text("Satisfied", exact=True).click()
        right.get_by_text("Positive", exact=True).click()
        expect(left.get_by_text("Refine your strengths · about 15 min", exact=True)).to_be_visible()
        # What the other tab saved shows after a reload; nothing was dropped.
        for tab in (first, second):
            tab.reload()
            wait_for_app(tab)
            expect(
                tab.get_by_text("Refine your strengths · about 15 min", exact=True)
            ).to_be_visible()
            expect(tab.get_by_test_id("stException")).to_have_count(0)
    finally:
        first.context.close()
        second.context.close()
    server.stop()
    assert read(path, "SELECT overall_rating, interviewer_reaction FROM reviews") == [
        (3, "positive")
    ]


def test_markup_typed_by_the_candidate_is_shown_as_text_and_never_runs(
    app_server, page, wait_for_app, tmp_path
):
    path = tmp_path / "journal.duckdb"
    interview_id = held_interview(path, role=SCRIPT)
    server = app_server(db_path=path)
    for url in ("/interviews", "/", f"/review?interview={interview_id}"):
        page.goto(server.url + url)
        wait_for_app(page)
        if url == "/interviews":
            page.get_by_role("tab", name="Held (1)").click()
        expect(
            page.get_by_text(re.compile(re.escape("<script>window.__pwned"))).first
        ).to_be_visible()
        assert page.evaluate("window.__pwned") is None
        expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_second_program_on_a_journal_in_use_is_told_which_app_holds_it(
    app_server, page, wait_for_app, tmp_path
):
    import subprocess
    import sys

    path = tmp_path / "journal.duckdb"
    server = app_server(db_path=path)
    page.goto(server.url + "/")  # the app opens the journal on its first page run
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Welcome to Interview Coach")).to_be_visible()
    result = subprocess.run(
        [sys.executable, "-m", "coach.cli", "backup", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert f"PID {server.process.pid}" in result.stderr
    assert "the Interview Coach app" in result.stderr
    assert "Ctrl+C" in result.stderr

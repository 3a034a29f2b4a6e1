"""Two tabs on one review: a save never silently replaces the other tab's, and text typed
into a question the other tab removed is kept to copy."""

from __future__ import annotations

from datetime import datetime, timedelta

from playwright.sync_api import expect

from coach import companies, db, interviews, reviews
from coach.interviews import InterviewFields


def reviewed_interview(path, step: str) -> int:
    """A held interview whose review is open on `step`, with one recorded question."""
    journal = db.open_journal(str(path))
    try:
        company = companies.add_company(journal, "Acme Analytics", "target")
        interview_id = interviews.add_interview(
            journal,
            InterviewFields(
                company_id=company, scheduled_at=datetime.now().astimezone() - timedelta(hours=3)
            ),
        )
        now = datetime.now().astimezone()
        reviews.start_review(journal, interview_id, now)
        reviews.add_asks(journal, interview_id, [reviews.NewAsk("Tell me about yourself")], now)
        reviews.set_step(journal, interview_id, step, now)
        return interview_id
    finally:
        db.close_journal(str(path))


def stored(path, sql: str):
    """Read the journal once the server has stopped (it holds the file until then)."""
    con = db.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def shown_in_a_fresh_tab(browser, url: str, label: str, wait_for_app) -> str:
    """What the journal holds now, as a tab opened now shows it."""
    tab = open_tab(browser, url, wait_for_app)
    try:
        box = tab.get_by_label(label)
        expect(box).to_be_visible()
        return box.input_value()
    finally:
        tab.context.close()


def open_tab(browser, url: str, wait_for_app):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(url)
    wait_for_app(tab)
    return tab


def type_and_leave(tab, settled, label: str, text: str) -> None:
    settled(tab)
    box = tab.get_by_label(label)
    box.fill(text)
    tab.get_by_role("heading").first.click()  # leaving the box saves it


def serve_review(app_server, tmp_path, step: str):
    """A server on a journal whose one review is open on `step`: (path, server, url)."""
    path = tmp_path / "journal.duckdb"
    interview_id = reviewed_interview(path, step)
    server = app_server(db_path=path)
    return path, server, f"{server.url}/review?interview={interview_id}"


def test_an_earlier_tab_never_overwrites_a_newer_save_and_shows_both_texts(
    app_server, browser, wait_for_app, settled, tmp_path
):
    path, server, url = serve_review(app_server, tmp_path, "relationship")
    label = "Did the interviewer give you advice?"

    earlier = open_tab(browser, url, wait_for_app)
    expect(earlier.get_by_label(label)).to_have_value("")
    later = open_tab(browser, url, wait_for_app)
    type_and_leave(later, settled, label, "Learn dbt, said in the second tab")
    expect(later.get_by_text("In your plan as a follow-up action.")).to_be_visible()

    type_and_leave(earlier, settled, label, "Show business impact, typed in the first tab")
    clash = earlier.get_by_test_id("stAlert").filter(has_text="changed in another tab")
    expect(clash).to_be_visible()
    panel = earlier.locator(".st-key-edit_clash_review_1_advice")
    expect(panel.get_by_text("Learn dbt, said in the second tab")).to_be_visible()
    expect(panel.get_by_text("Show business impact, typed in the first tab")).to_be_visible()
    expect(earlier.get_by_label(label)).to_have_value(
        "Show business impact, typed in the first tab"
    )
    assert shown_in_a_fresh_tab(browser, url, label, wait_for_app) == (
        "Learn dbt, said in the second tab"
    )

    settled(earlier)
    panel.get_by_role("button", name="Keep mine").click()
    expect(clash).to_have_count(0)
    server.stop()
    assert stored(path, "SELECT advice FROM reviews") == [
        ("Show business impact, typed in the first tab",)
    ]


def test_text_typed_into_a_question_removed_in_another_tab_is_kept_to_copy(
    app_server, browser, wait_for_app, settled, click_until, tmp_path
):
    path, server, url = serve_review(app_server, tmp_path, "questions")

    typing = open_tab(browser, url, wait_for_app)
    expect(typing.get_by_label("What I answered")).to_be_visible()
    removing = open_tab(browser, url, wait_for_app)
    remove = removing.get_by_role("button", name="Remove from this interview")
    menu = removing.locator(".st-key-review_ask_1").get_by_test_id("stPopover")
    click_until(removing, menu.get_by_role("button"), remove)  # the question's menu
    remove.click()
    expect(removing.get_by_label("What I answered")).to_have_count(0)

    answer = "I lead analytics at a retailer; 我负责数据分析 🚀 <b>not bold</b>"
    type_and_leave(typing, settled, "What I answered", answer)
    kept = typing.locator(".st-key-edit_unsaved")
    expect(
        kept.get_by_text("Not saved: what you typed below belonged to something")
    ).to_be_visible()
    expect(kept.get_by_text(answer, exact=True)).to_be_visible()
    server.stop()
    assert stored(path, "SELECT count(*) FROM asks") == [(0,)]

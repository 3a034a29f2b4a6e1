"""Practice in a real browser: clear today's queue from the keyboard; a fourth lapse is a leech.

The cards are set up in the test's journal before the server starts (the server then
holds the DuckDB file lock); the journal is read back after the server has stopped.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from coach import db
from coach.scheduling import ensure_card, make_scheduler, record_rehearsal
from tests.browser.test_stopwatch_e2e import READ

AGAIN, GOOD = 1, 3


def prepare(path, cards: dict[str, list[tuple[int, int]]]) -> dict[str, int]:
    """Write one card per question, with (grade, days ago) rehearsals; return their ids."""
    now = datetime.now(UTC)
    scheduler = make_scheduler(fuzzing=False)
    journal = db.open_journal(str(path))

    def work(cur):
        ids = {}
        for text, history in cards.items():
            question_id = cur.execute(
                "INSERT INTO questions (text, dimension) VALUES (?, 'behavioural') RETURNING id",
                [text],
            ).fetchone()[0]
            card_id, _ = ensure_card(
                cur, question_id, origin="weak_ask", now=now - timedelta(days=60)
            )
            for grade, days_ago in history:
                record_rehearsal(
                    cur,
                    card_id,
                    grade,
                    at=now - timedelta(days=days_ago),
                    duration_ms=1_000,
                    scheduler=scheduler,
                    leech_threshold=4,
                )
            ids[text] = card_id
        return ids

    try:
        return journal.write(work)
    finally:
        db.close_journal(str(path))


def read(path, sql: str, params=()):
    journal = db.open_journal(str(path))
    try:
        return journal.cursor().execute(sql, list(params)).fetchall()
    finally:
        db.close_journal(str(path))


def open_practice(page, server, wait_for_app) -> None:
    page.goto(server.url + "/practice")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Practice", exact=True)).to_be_visible()


def test_a_due_card_is_rehearsed_from_the_keyboard_graded_good_and_leaves_the_queue(
    app_server, page, wait_for_app, tmp_path
):
    path = tmp_path / "journal.duckdb"
    question = "Tell me about a time you disagreed with your manager."
    ids = prepare(path, {question: [(GOOD, 10)]})  # due eight days ago
    server = app_server(db_path=path)
    open_practice(page, server, wait_for_app)

    expect(page.get_by_role("heading", name=question)).to_be_visible()
    expect(page.get_by_text("1 due, 0 new")).to_be_visible()
    answer = page.get_by_role("textbox", name="Your attempt")
    answer.focus()
    page.keyboard.type("I disagreed about a launch date, showed the data, and we moved it.")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("Best answer so far")).to_be_visible()
    expect(page.get_by_text("Complete and within the time.")).to_be_visible()

    page.keyboard.press("3")  # Good
    expect(page.get_by_text("Today's queue is clear")).to_be_visible()
    expect(page.get_by_role("heading", name=question)).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)

    server.stop()
    [(grade, duration_ms, attempt)] = read(
        path,
        "SELECT grade, duration_ms, attempt FROM rehearsals WHERE card_id = ? "
        "ORDER BY rated_at DESC LIMIT 1",
        [ids[question]],
    )
    assert grade == GOOD
    assert duration_ms > 0
    assert attempt.startswith("I disagreed about a launch date")
    [(due,)] = read(path, "SELECT due FROM cards WHERE id = ?", [ids[question]])
    assert due > datetime.now(UTC) + timedelta(hours=20)


def test_a_fourth_lapse_flags_a_leech_and_offers_a_rewrite(
    app_server, page, wait_for_app, tmp_path
):
    path = tmp_path / "journal.duckdb"
    question = "Walk me through a DCF."
    ids = prepare(path, {question: [(GOOD, 30), (AGAIN, 20), (AGAIN, 15), (AGAIN, 10)]})
    server = app_server(db_path=path)
    open_practice(page, server, wait_for_app)

    expect(page.get_by_role("heading", name=question)).to_be_visible()
    page.get_by_role("textbox", name="Your attempt").focus()
    page.keyboard.press("Control+Enter")  # reveal without typing anything
    expect(page.get_by_text("Could not structure it.")).to_be_visible()
    page.keyboard.press("1")  # Again: the fourth lapse
    expect(page.get_by_text("is now a leech")).to_be_visible()
    expect(page.get_by_text("Rewrite first (1)")).to_be_visible()
    page.get_by_text(f"{question} — 4 lapses").click()  # the form is drawn once opened
    expect(page.get_by_role("textbox", name="Rewrite the answer")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    server.stop()
    assert read(path, "SELECT lapses, is_leech FROM cards WHERE id = ?", [ids[question]]) == [
        (4, True)
    ]
    assert read(path, "SELECT count(*), max(grade) FILTER (WHERE rated_at > ?) FROM rehearsals", [
        datetime.now(UTC) - timedelta(hours=1)
    ]) == [(5, AGAIN)]  # fmt: skip


def test_the_stopwatch_counts_while_no_script_runs(app_server, page, wait_for_app, tmp_path):
    path = tmp_path / "journal.duckdb"
    prepare(path, {"Why this company?": [(GOOD, 10)]})
    server = app_server(db_path=path)
    open_practice(page, server, wait_for_app)
    page.locator(".coach-stopwatch").wait_for()
    page.evaluate("""() => {
      window.__runs = 0;
      new MutationObserver(() => { window.__runs += 1; }).observe(
        document.querySelector('[data-testid="stApp"]'),
        {attributes: true, attributeFilter: ['data-test-script-state']});
    }""")
    before = page.evaluate(READ)
    page.wait_for_timeout(2_500)
    after = page.evaluate(READ)
    seconds = [shown["minutes"] * 60 + shown["seconds"] for shown in (before, after)]
    assert seconds[1] >= seconds[0] + 2
    assert page.evaluate("window.__runs") == 0  # the page's script did not run meanwhile
    assert page.get_by_test_id("stHtml").filter(has_text="/ 2:00").count() == 1

"""A whole guided review in a real browser, with a reload in the middle; then the journal."""

from __future__ import annotations

from datetime import datetime, timedelta

from playwright.sync_api import expect

from coach import companies, db, interviews
from coach.interviews import InterviewFields

QUESTIONS = [
    "Tell me about yourself",
    "How would you measure the success of a product launch?",
    "Walk me through the migration project on your CV",
    "Why do you want to join us?",
]


def held_interview(path) -> int:
    journal = db.open_journal(str(path))
    try:
        company = companies.add_company(journal, "Acme Analytics", "target")
        return interviews.add_interview(
            journal,
            InterviewFields(
                company_id=company,
                scheduled_at=datetime.now().astimezone() - timedelta(hours=4),
                role="Data analyst",
            ),
        )
    finally:
        db.close_journal(str(path))


def ask(page, number: int):
    # Asks of a fresh journal get ids 1, 2, 3, ...; each card is a keyed container.
    return page.locator(f".st-key-review_ask_{number}")


def choose(container, option: str) -> None:
    container.get_by_text(option, exact=True).click()


def test_a_review_with_four_questions_survives_a_reload_and_fills_the_journal(
    app_server, page, wait_for_app, tmp_path
):
    path = tmp_path / "journal.duckdb"
    held_interview(path)
    server = app_server(db_path=path)

    # Start from Home's button for the held interview.
    page.goto(server.url + "/")
    wait_for_app(page)
    page.get_by_role("button", name="Start review").click()
    expect(page.get_by_role("heading", name="Review: Acme Analytics")).to_be_visible()
    main = page.get_by_test_id("stMain")

    # 1. Overall: the rating sets the depth. (Choices first, then wait for what the last
    # one shows: a button click sent while a rerun is in flight can be dropped.)
    choose(main, "Impatient")
    choose(main, "Basically satisfied")
    expect(main.get_by_text("Deep review · about 45 min", exact=True)).to_be_visible()
    main.get_by_role("button", name="Next: Questions and answers").click()
    expect(main.get_by_role("heading", name="2. Questions and answers")).to_be_visible()

    # 2. Four questions, pasted at once.
    main.get_by_label("Questions, one per line").fill("\n".join(QUESTIONS))
    main.get_by_role("button", name="Add these questions").click()
    expect(main.get_by_text("Q4. Why do you want to join us?")).to_be_visible()

    choose(ask(page, 1), "Interrupted")
    expect(ask(page, 1).get_by_text("This question is now a rehearsal card")).to_be_visible()
    expect(ask(page, 1).get_by_text("Cut to the point", exact=False)).to_be_visible()
    choose(ask(page, 2), "Confused")
    expect(ask(page, 2).get_by_text("Clarify the parts", exact=False)).to_be_visible()

    # A reload in the middle resumes on the same step with everything recorded so far.
    page.reload()
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="2. Questions and answers")).to_be_visible()
    expect(ask(page, 1).get_by_text("Cut to the point", exact=False)).to_be_visible()
    expect(ask(page, 2).get_by_text("Clarify the parts", exact=False)).to_be_visible()

    choose(ask(page, 3), "Probed for details")
    expect(ask(page, 3).get_by_text("Prepare the background", exact=False)).to_be_visible()

    strong = ask(page, 4)
    strong.get_by_label("What I answered").fill(
        "Your team ships weekly and I raised our release cadence by 40% at my last job."
    )
    strong.get_by_label("What I answered").press("Tab")  # leaving the field saves it
    expect(strong.get_by_text("words ·", exact=False)).to_be_visible()  # the analysis
    choose(strong, "Strong")
    choose(strong, "Positive")
    strong.get_by_role("button", name="Keep this answer").click()
    expect(strong.get_by_text("Kept as an answer version of this question.")).to_be_visible()

    # 3. Relationship: advice becomes a follow-up.
    main.get_by_role("button", name="Next: Relationship").click()
    expect(main.get_by_role("heading", name="3. The interview relationship")).to_be_visible()
    advice = main.get_by_label("Did the interviewer give you advice?")
    advice.fill("Learn dbt")
    advice.press("Tab")
    expect(main.get_by_text("In your plan as a follow-up action.")).to_be_visible()

    # 4 and 5: on to the plan, which holds the suggestions; then complete.
    main.get_by_role("button", name="Next: Strengths").click()
    expect(main.get_by_role("heading", name="4. Strengths told or missed")).to_be_visible()
    main.get_by_role("button", name="Next: Improvement plan").click()
    expect(main.get_by_text("Act on the interviewer's advice: Learn dbt.")).to_be_visible()
    main.get_by_role("button", name="Next: Summary").click()
    expect(main.get_by_role("heading", name="Summary", exact=True)).to_be_visible()
    main.get_by_role("button", name="Complete the review").click()
    expect(main.get_by_text("Review completed", exact=False).first).to_be_visible()

    server.stop()  # DuckDB lets one process hold the file: stop the server to read it
    journal = db.open_journal(str(path))
    try:
        cur = journal.cursor()
        asks = cur.execute(
            "SELECT q.text, a.signal FROM asks a JOIN questions q ON q.id = a.question_id"
            " ORDER BY a.position"
        ).fetchall()
        assert asks == list(
            zip(QUESTIONS, ["interrupted", "confused", "probed", "positive"], strict=True)
        )
        cards = cur.execute(
            "SELECT q.text FROM cards c JOIN questions q ON q.id = c.question_id ORDER BY c.id"
        ).fetchall()
        assert [c[0] for c in cards] == QUESTIONS[:3]
        assert cur.execute("SELECT source, ask_id FROM answers").fetchall() == [("review", 4)]
        actions = dict(
            cur.execute("SELECT source, count(*) FROM actions GROUP BY source").fetchall()
        )
        assert actions == {"suggested": 5, "advice": 1}  # overall + 4 asks; the advice
        assert cur.execute("SELECT status, step FROM reviews").fetchone() == (
            "completed",
            "summary",
        )
    finally:
        db.close_journal(str(path))


def test_the_just_had_an_interview_form_shows_its_fields_whole_on_a_narrow_window(
    app_server, page, wait_for_app, tmp_path
):
    server = app_server(db_path=tmp_path / "journal.duckdb")
    page.goto(server.url + "/review")
    wait_for_app(page)
    role, round_ = (page.get_by_role("textbox", name=name) for name in ("Role", "Round"))
    # "e.g. Data analyst" needs about 110 px; side by side at 1,000 px each had 58.
    for width in (1000, 1400):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(400)  # the layout follows the new width
        for field in (role, round_):
            assert field.bounding_box()["width"] >= 120, f"{width} px"

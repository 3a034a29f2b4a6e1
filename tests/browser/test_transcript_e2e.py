"""A WebVTT transcript imported into a review in a real browser: a bad file first, then
the preview edited, the bank confirmation, and the asks in the journal with their
answers and measured speaking times."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from playwright.sync_api import expect

from coach import companies, db, interviews, reviews
from coach.interviews import InterviewFields

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "transcripts"
ROW_PX = 35  # the data editor's header and row height


def held_interview(path) -> int:
    """A journal that already holds data: an earlier interview at another company asked
    one of the transcript's questions. Returns the interview to review (Northwind's)."""
    journal = db.open_journal(str(path))
    try:
        now = datetime.now().astimezone()
        contoso = companies.add_company(journal, "Contoso", "practice")
        earlier = interviews.add_interview(
            journal,
            InterviewFields(company_id=contoso, scheduled_at=now - timedelta(days=12),
                            role="Financial analyst"),
        )  # fmt: skip
        reviews.add_asks(
            journal, earlier,
            [reviews.NewAsk("Why do you want to leave Northwind?", None, "motivation_fit")],
            now - timedelta(days=12),
        )  # fmt: skip
        northwind = companies.add_company(journal, "Northwind", "target")
        return interviews.add_interview(
            journal,
            InterviewFields(company_id=northwind, scheduled_at=now - timedelta(hours=3),
                            role="Group accountant"),
        )  # fmt: skip
    finally:
        db.close_journal(str(path))


def open_questions_step(page, url: str, interview_id: int):
    """The review's questions step, its transcript tab open; the page's main area."""
    page.goto(f"{url}/review?interview={interview_id}")
    main = page.get_by_test_id("stMain")
    heading = main.get_by_role("heading", name="2. Questions and answers")
    onward = main.get_by_role("button", name="Next: Questions and answers")
    expect(heading.or_(onward)).to_be_visible()  # a review resumes on its saved step
    if onward.is_visible():
        onward.click()
    expect(heading).to_be_visible()
    main.get_by_role("tab", name="Import a transcript").click()
    return main


def choose_file(main, path: Path) -> None:
    main.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))


def cell(main, column: int, row: int):
    # The data editor draws on a canvas; its cells are mirrored in hidden elements.
    return main.locator(f'[data-testid="glide-cell-{column}-{row}"]')


def test_a_webvtt_transcript_becomes_asks_with_answers_and_measured_times(
    app_server, page, wait_for_app, settled, click_until, tmp_path
):
    path = tmp_path / "journal.duckdb"
    interview_id = held_interview(path)
    server = app_server(db_path=path)
    page.goto(server.url + "/")
    wait_for_app(page)
    main = open_questions_step(page, server.url, interview_id)

    # A file in another encoding: one sentence, nothing else.
    utf16 = tmp_path / "exported-by-notepad.txt"
    utf16.write_text("Dana: Why us?\nLi: The team.\n", encoding="utf-16")
    choose_file(main, utf16)
    expect(main.get_by_text("That file is saved as UTF-16 text", exact=False)).to_be_visible()

    # The Zoom call: five questions, one offered as interrupted.
    choose_file(main, FIXTURES / "northwind-zoom.vtt")
    expect(main.get_by_text("5 questions found", exact=False)).to_be_visible()
    expect(main.get_by_text("1 offered as interrupted", exact=False)).to_be_visible()
    expect(main.get_by_label("Li Wei", exact=False)).to_be_checked()  # the guess
    assert cell(main, 4, 2).text_content() == "2 min 10 s"  # row 3's measured time

    # Edit row 1's wording and drop row 5, in the table itself.
    settled(page)
    grid = main.locator('[data-testid="stDataFrame"]')
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + 400, box["y"] + ROW_PX * 1.5)  # row 1, "Question"
    editor = page.locator("textarea.gdg-input")  # the cell's editor, over the canvas
    editor.fill("Tell me about yourself")
    editor.press("Enter")
    expect(cell(main, 3, 0)).to_have_text("Tell me about yourself")
    settled(page)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 90, box["y"] + ROW_PX * 5.5)  # row 5, "Keep"
    next_step = main.get_by_role("button", name="Next: check 4 questions against your bank")
    expect(next_step).to_be_visible()

    main.get_by_text("Keep the transcript file in my journal", exact=True).click()
    expect(
        main.get_by_role("checkbox", name="Keep the transcript file in my journal")
    ).to_be_checked()
    # The usual confirmation: one question was asked before, at Contoso.
    asked_before = main.get_by_text(
        "1 of these 4 questions look like ones you were asked before", exact=False
    )
    # A click that lands while the checkbox's rerun is still going can be dropped.
    click_until(page, next_step, asked_before)
    expect(main.get_by_text("answered in 2 min 10 s · interrupted")).to_be_visible()
    main.get_by_role("button", name="Add 4 questions with their answers").click()
    expect(main.get_by_text("Q1. Tell me about yourself")).to_be_visible()
    expect(main.get_by_text("56 s spoken, measured from the transcript.")).to_be_visible()
    expect(main.get_by_text("Transcript kept: northwind-zoom.vtt", exact=False)).to_be_visible()
    page.screenshot(path=str(tmp_path / "imported.png"), full_page=True)

    server.stop()  # DuckDB lets one process hold the file: stop the server to read it
    journal = db.open_journal(str(path))
    try:
        cur = journal.cursor()
        asks = reviews.list_asks(cur, interview_id)
        assert [(a.question, a.answer_ms, a.signal) for a in asks] == [
            ("Tell me about yourself", 56_000, None),
            ("How did you handle consolidation eliminations for the subsidiaries?", 80_000, None),
            ("Walk me through the migration project on your CV", 130_000, "interrupted"),
            ("Why do you want to leave Northwind?", 40_000, None),
        ]
        assert asks[2].card_id is not None  # interrupted: a rehearsal card
        assert asks[3].asked_elsewhere == 1  # linked to the question asked at Contoso
        assert asks[3].answer_notes == "I want to move closer to the business, into FP&A."
        kept = cur.execute("SELECT file_name, format, candidate FROM transcripts").fetchall()
        assert kept == [("northwind-zoom.vtt", "vtt", "Li Wei")]
    finally:
        db.close_journal(str(path))

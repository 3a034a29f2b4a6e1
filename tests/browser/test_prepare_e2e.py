"""The method's hand-over in a real browser: a practice interview's lessons reach the brief
of a target interview for a differently titled role, and the review scores the brief.

A practice interview is reviewed (four weak answers) → a target interview is booked for
another role title → *Prepare* from Home → the brief lists the earlier weak questions
with their reasons → the Markdown download says the same → the target interview (moved
into the past while the server is stopped, as a day passing would) is reviewed on a
freshly started server → its summary shows the hits and the surprise.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from coach import companies, db, interviews
from coach.interviews import InterviewFields

PRACTICE_QUESTIONS = [
    "Tell me about yourself",
    "Walk me through a SQL query you are proud of",
    "Describe a time you handled a difficult stakeholder",
    "What are your salary expectations?",
]
REASON = "asked for a similar role (Junior Data Analyst at Warm-up Ltd)"


def practice_interview(path) -> int:
    journal = db.open_journal(str(path))
    try:
        company = companies.add_company(journal, "Warm-up Ltd", "practice")
        return interviews.add_interview(
            journal,
            InterviewFields(
                company_id=company,
                scheduled_at=datetime.now().astimezone() - timedelta(days=1),
                role="Junior Data Analyst",
                round="First round",
            ),
        )
    finally:
        db.close_journal(str(path))


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label` (typing adds a new one)."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label)
    box.locator("input").click()
    box.page.keyboard.type(option)
    box.page.keyboard.press("Enter")


def review_questions(page, questions: list[str], signals: dict[int, str]) -> None:
    """On a review's first step: paste the questions, mark signals, complete the review."""
    main = page.get_by_test_id("stMain")
    main.get_by_text("Basically satisfied", exact=True).click()
    expect(main.get_by_text("Deep review · about 45 min", exact=True)).to_be_visible()
    main.get_by_role("button", name="Next: Questions and answers").click()
    main.get_by_label("Questions, one per line").fill("\n".join(questions))
    main.get_by_role("button", name="Add these questions").click()
    expect(main.get_by_text(f"Q{len(questions)}. {questions[-1]}")).to_be_visible()
    for number, signal in signals.items():
        card = page.locator(f".st-key-review_ask_{number}")
        card.get_by_text(signal, exact=True).click()
        expect(card.get_by_text("This question is now a rehearsal card")).to_be_visible()
    main.get_by_role("radio", name="Summary", exact=True).click()
    expect(main.get_by_role("heading", name="Summary", exact=True)).to_be_visible()
    main.get_by_role("button", name="Complete the review").click()
    expect(main.get_by_text("Review completed", exact=False).first).to_be_visible()


def test_a_practice_interview_carries_over_to_the_target_brief_and_its_scorecard(
    app_server, page, wait_for_app, tmp_path
):
    path = tmp_path / "journal.duckdb"
    practice_id = practice_interview(path)
    server = app_server(db_path=path)

    # 1. Review the practice interview: four weak answers (the interviewer interrupted).
    page.goto(f"{server.url}/review?interview={practice_id}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Review: Warm-up Ltd")).to_be_visible()
    review_questions(page, PRACTICE_QUESTIONS, dict.fromkeys(range(1, 5), "Interrupted"))

    # 2. Book the target interview, at a new company, for a differently titled role.
    page.goto(server.url + "/interviews")
    wait_for_app(page)
    page.get_by_text("Add an interview").click()
    form = page.get_by_test_id("stForm").filter(
        has=page.get_by_role("button", name="Add interview")
    )
    choose(form, "Company", "Dream Co")
    form.get_by_text("Target", exact=True).click()
    form.get_by_label("Role").fill("Marketing Analytics Lead")
    form.get_by_label("Round").fill("Final")
    form.get_by_role("button", name="Add interview").click()
    expect(page.get_by_text("Dream Co · Marketing Analytics Lead · Final")).to_be_visible()
    expect(page.get_by_text("Target interviews")).to_be_visible()

    # 3. Prepare, from Home's "Coming up".
    page.goto(server.url + "/")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Before Dream Co (tomorrow), rehearse 4 likely questions",
                            exact=False)).to_be_visible()  # fmt: skip
    prepare = main.get_by_role("link", name="Prepare")
    expect(prepare).to_have_attribute("href", "insights?interview=2")  # a link to bookmark
    prepare.click()
    expect(
        page.get_by_role("heading", name="Dream Co · Marketing Analytics Lead · Final")
    ).to_be_visible()
    assert page.url.endswith("/insights?interview=2")

    # 4. The brief lists the earlier weak questions, with their reasons.
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Rehearse first", exact=True)).to_be_visible()
    for question in PRACTICE_QUESTIONS:
        expect(main.get_by_text(question, exact=True)).to_be_visible()
    expect(main.get_by_text(REASON, exact=False).first).to_be_visible()
    expect(main.get_by_text("a first guess", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    # 5. The Markdown download says the same.
    with page.expect_download() as download:
        main.get_by_role("button", name="Download the brief (Markdown)").click()
    text = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115, PTH123
    # The download's own run keeps the snapshot; the server must not stop before it.
    expect(page.get_by_text("Brief kept as it stands", exact=False)).to_be_visible()
    for question in PRACTICE_QUESTIONS:
        assert f"| {question} |" in text
    assert REASON in text
    assert "(based on 1 earlier interview: a first guess)" in text

    # 6. The day passes: the interview moves into the past (the server stopped, as DuckDB
    #    lets one program hold the file), just after the brief was last kept.
    server.stop()
    journal = db.open_journal(str(path))
    try:
        cur = journal.cursor()
        target_id, kept = cur.execute(
            "SELECT interview_id, max(taken_at) FROM predictions GROUP BY interview_id"
        ).fetchone()
        assert cur.execute("SELECT moment FROM predictions ORDER BY id").fetchall() == [
            ("shown",),
            ("downloaded",),
        ]
        journal.write(
            lambda c: c.execute(
                "UPDATE interviews SET scheduled_at = ? WHERE id = ?",
                [kept + timedelta(seconds=1), target_id],
            )
        )
    finally:
        db.close_journal(str(path))

    # 7. Review the target interview on a freshly started server, by deep link.
    server = app_server(db_path=path)
    page.goto(f"{server.url}/review?interview={target_id}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Review: Dream Co")).to_be_visible()
    asked = [PRACTICE_QUESTIONS[0], "Why marketing analytics?", PRACTICE_QUESTIONS[3]]
    main = page.get_by_test_id("stMain")
    main.get_by_text("Basically satisfied", exact=True).click()
    main.get_by_role("button", name="Next: Questions and answers").click()
    main.get_by_label("Questions, one per line").fill("\n".join(asked))
    main.get_by_role("button", name="Add these questions").click()
    # Two of them were asked before: the review offers to link them to the bank's.
    expect(main.get_by_text("2 of these 3 questions look like ones you were asked before",
                            exact=False)).to_be_visible()  # fmt: skip
    main.get_by_role("button", name="Add 3 questions").click()
    expect(main.get_by_text(f"Q3. {asked[2]}")).to_be_visible()
    surprise = page.locator(".st-key-review_ask_6")  # asks 1-4 were the practice's
    surprise.get_by_text("Confused", exact=True).click()
    expect(surprise.get_by_text("This question is now a rehearsal card")).to_be_visible()
    main.get_by_role("radio", name="Summary", exact=True).click()
    expect(main.get_by_role("heading", name="Summary", exact=True)).to_be_visible()
    main.get_by_role("button", name="Complete the review").click()

    # 8. The summary shows how well the brief predicted it: hits and the surprise.
    expect(
        main.get_by_text("Your brief predicted 2 of the 3 questions asked", exact=False)
    ).to_be_visible()
    expect(main.get_by_text("Predicted and asked (2)")).to_be_visible()
    expect(main.get_by_text("Surprises (1)")).to_be_visible()
    expect(main.get_by_text("weak: now a card")).to_be_visible()
    expect(main.get_by_role("link", name="Rehearse these now")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def booked_target(path) -> tuple[int, int]:
    """A reviewed practice interview (four weak answers) and an upcoming target; their ids."""
    from tests.test_likely import FIRST_PRACTICE, book, review

    journal = db.open_journal(str(path))
    try:
        now = datetime.now().astimezone()
        held = book(journal, "Warm-up Ltd", "practice", now - timedelta(days=2),
                    "Junior Data Analyst")  # fmt: skip
        review(journal, held, now, FIRST_PRACTICE)
        target = book(journal, "Dream Co", "target", now + timedelta(days=3),
                      "Marketing Analytics Lead")  # fmt: skip
        return held, target
    finally:
        db.close_journal(str(path))


@pytest.mark.parametrize(
    ("link", "shows"),
    [
        ("insights?interview={target}", "Questions most likely to come up"),
        ("practice?section=cram&interview={target}", "The brief lists 4 likely questions"),
        ("practice?interview={held}", "Rehearse the weak answers from Warm-up Ltd"),
    ],
    ids=["prepare", "cram", "rehearse-these"],
)
def test_each_link_opens_its_view_as_the_first_visit_to_a_fresh_server(
    link, shows, app_server, page, wait_for_app, tmp_path
):
    path = tmp_path / "journal.duckdb"
    held, target = booked_target(path)
    server = app_server(db_path=path)  # fresh: this visit is its first
    page.goto(f"{server.url}/{link.format(held=held, target=target)}")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(shows, exact=False).first).to_be_visible()
    if link.startswith("insights"):
        heading = main.get_by_role("heading", name="Dream Co · Marketing Analytics Lead")
        expect(heading).to_be_visible()
    elif "cram" in link:
        expect(main.get_by_role("combobox", name="Cram for")).to_have_value(
            re.compile(r"^Dream Co · Marketing Analytics Lead \(target\)")
        )
    expect(page.get_by_test_id("stException")).to_have_count(0)
    # The sidebar is the app's own, as when the entry script ran.
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name="Home")).to_be_visible()
    page.reload()  # a bookmark, or a refresh, returns to the same view
    wait_for_app(page)
    expect(page.get_by_test_id("stMain").get_by_text(shows, exact=False).first).to_be_visible()

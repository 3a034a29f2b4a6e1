"""The dimension drop-downs show the whole dimension name, on a wide and a laptop screen."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from coach import companies, db, interviews, reviews
from coach.interviews import InterviewFields
from tests.browser.conftest import ARTIFACTS

# The longest built-in names, and a Chinese question beside them.
ASKED = [
    ("How did you handle consolidation eliminations for the subsidiaries?", "past_experience"),
    ("Why do you want to join us?", "motivation_fit"),
    ("你未来五年的职业规划是什么？", "career_planning"),
    ("What are your salary expectations?", "logistics_pay"),
]


def review_with_asks(path) -> int:
    journal = db.open_journal(str(path))
    try:
        company = companies.add_company(journal, "Northwind Logistics", "target")
        interview = interviews.add_interview(
            journal,
            InterviewFields(
                company_id=company,
                scheduled_at=datetime.now().astimezone() - timedelta(hours=4),
                role="Group accountant",
            ),
        )
        now = datetime.now().astimezone()
        reviews.add_asks(journal, interview, [reviews.NewAsk(t, None, d) for t, d in ASKED], now)
        reviews.start_review(journal, interview, now)
        reviews.set_step(journal, interview, "questions", now)
        return interview
    finally:
        db.close_journal(str(path))


FITS = """e => {
    const style = getComputedStyle(e);
    const canvas = document.createElement("canvas").getContext("2d");
    canvas.font = style.font;
    const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [e.value, canvas.measureText(e.value).width, room];
}"""


@pytest.mark.parametrize("width", [1400, 1000])
def test_every_dimension_drop_down_shows_its_whole_name(
    app_server, browser, wait_for_app, tmp_path, width
):
    path = tmp_path / "journal.duckdb"
    interview = review_with_asks(path)
    server = app_server(db_path=path)
    context = browser.new_context(viewport={"width": width, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{server.url}/review?interview={interview}")
        wait_for_app(page)
        boxes = page.locator('[class*="st-key-review_ask_"] [data-testid="stSelectbox"] input')
        expect(boxes).to_have_count(len(ASKED))
        boxes.first.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"dimension-names-{width}.png"))
        # The drop-down shows its value in an input: the name reads whole when the text,
        # measured in the input's own font, fits between its paddings.
        shown = [boxes.nth(i).evaluate(FITS) for i in range(len(ASKED))]
        assert [value for value, _, _ in shown] == [
            "Past-experience verification",
            "Motivation and fit",
            "Career planning",
            "Logistics and pay",
        ]
        assert all(text <= room for _, text, room in shown), shown
    finally:
        context.close()

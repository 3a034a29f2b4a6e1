"""A button pressed while the field above it is being saved does what it says, in
Chromium.

Pressing a button (a signal pill, a score, "Next") takes the focus from the field being
typed in, whose save starts a run; the run redraws the page while the button is still
held down. When that redraw moved the button (a line about the saved text appeared
above it), the release landed beside it and the browser saw no click: a signal stayed
unselected and unsaved (4 and 10 of 12 presses held 150 ms, 1 of 6 held 80 ms), "Next"
stayed on its step (10 of 10). Each press here is held until the field's save has
redrawn the page, the longest a press can overlap it.
"""

from __future__ import annotations

from playwright.sync_api import expect

from coach import vocabulary
from tests.browser.test_two_tabs_e2e import reviewed_interview, stored
from tests.browser.test_uninterrupted_e2e import _quiet, _review_with_questions

# (what is typed, the group pressed, the option pressed): English, Chinese, long text.
TRIES = (
    ("I cut the report's run time by 40% in two weeks.", "signal", "Positive"),
    ("我负责数据分析，把报表的运行时间缩短了 40%。", "signal", "Probed for details"),
    ("Um, so I, like, led the migration to dbt. " * 12, "self_score", "Weak"),
)
VOCABULARY = {"signal": vocabulary.SIGNALS, "self_score": vocabulary.SELF_SCORES}


def _press_across_the_save(page, button, saved) -> None:
    """Press `button` (which takes the focus from the field typed in, so the field's
    save runs) and release it where the press began, once `saved` shows the save."""
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    saved.wait_for()
    _quiet(page, for_ms=150)
    page.mouse.up()


def test_a_choice_pressed_while_the_answer_is_saved_is_chosen_and_saved(app_server, page, tmp_path):
    path = tmp_path / "journal.duckdb"
    interview, asks = _review_with_questions(path, len(TRIES))
    server = app_server(db_path=path)
    page.goto(f"{server.url}/review?interview={interview}")
    page.get_by_role("heading", name="2. Questions and answers").wait_for(timeout=60_000)
    _quiet(page)
    unselected = []
    for ask, (answer, _group, label) in zip(asks, TRIES, strict=True):
        card = page.locator(f".st-key-review_ask_{ask}")
        card.get_by_label("What I answered").fill(answer)
        option = card.get_by_role("radio", name=label, exact=True)
        _press_across_the_save(page, option, card.get_by_text("to say"))  # its analysis
        _quiet(page)
        if option.get_attribute("aria-checked") != "true":
            unselected.append(label)
    assert unselected == []
    server.stop()
    saved = {row[0]: row[1:] for row in stored(path, "SELECT id, signal, self_score FROM asks")}
    assert [saved[ask] for ask in asks] == [
        (VOCABULARY["signal"].key_for(label), None)
        if group == "signal"
        else (None, VOCABULARY["self_score"].key_for(label))
        for _answer, group, label in TRIES
    ]


def test_next_pressed_while_the_referral_is_saved_opens_the_next_step(app_server, page, tmp_path):
    path = tmp_path / "journal.duckdb"
    interview = reviewed_interview(path, "relationship")
    server = app_server(db_path=path)
    page.goto(f"{server.url}/review?interview={interview}")
    page.get_by_role("heading", name="3. The interview relationship").wait_for(timeout=60_000)
    _quiet(page)
    page.get_by_label("Were you referred to another department or role? Which one?").fill(
        "财务业务伙伴 (Finance business partner)"
    )
    _press_across_the_save(
        page,
        page.get_by_role("button", name="Next: Strengths"),
        page.get_by_text("In your plan as a follow-up: thank the interviewer"),
    )
    expect(page.get_by_role("heading", name="4. Strengths told or missed")).to_be_visible()
    _quiet(page)
    server.stop()
    assert stored(path, "SELECT referral, step FROM reviews") == [
        ("财务业务伙伴 (Finance business partner)", "strengths")
    ]

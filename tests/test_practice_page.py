"""The Practice page through streamlit's AppTest: a rehearsal, a leech, the sections."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach import db
from coach.scheduling import ensure_card, make_scheduler, record_rehearsal
from coach_ui.practice_queue import leech_key

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
PAGE = "pages/practice.py"
AGAIN, GOOD = 1, 3


@pytest.fixture
def journal_file(tmp_path) -> Path:
    return tmp_path / "journal.duckdb"


@pytest.fixture
def app(monkeypatch, tmp_path, journal_file):
    monkeypatch.setenv("COACH_DB", str(journal_file))
    monkeypatch.setenv("COACH_SAMPLE_DB", str(tmp_path / "sample.duckdb"))

    def make() -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        at.run()
        at.switch_page(PAGE).run()
        return at

    yield make
    db.close_journal(str(journal_file))
    db.close_journal(str(tmp_path / "sample.duckdb"))


def clock_now() -> datetime:
    # The page reads the clock; cards are set up relative to it.
    return datetime.now(UTC)


def add_card(journal_file: Path, text: str, *, history=(), answer: str | None = None) -> int:
    """A card for a new question; `history` is (grade, days ago) rehearsals, fuzzing off."""
    journal = db.open_journal(str(journal_file))
    now = clock_now()
    scheduler = make_scheduler(fuzzing=False)

    def work(cur):
        question_id = cur.execute(
            "INSERT INTO questions (text, dimension) VALUES (?, 'behavioural') RETURNING id",
            [text],
        ).fetchone()[0]
        if answer:
            cur.execute(
                "INSERT INTO answers (question_id, text, created_at) VALUES (?, ?, ?)",
                [question_id, answer, now - timedelta(days=40)],
            )
        card_id, _ = ensure_card(cur, question_id, origin="weak_ask", now=now - timedelta(days=40))
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
        return card_id

    return journal.write(work)


def texts(at: AppTest) -> str:
    return "\n".join(
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [i.value for i in at.info]
        + [s.value for s in at.success]
        + [w.value for w in at.warning]
    )


def button(at: AppTest, label: str):
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}; have {[b.label for b in at.button]}"
    return matches[0]


def test_an_empty_journal_explains_where_cards_come_from(app):
    at = app()
    assert not at.exception
    assert at.title[0].value == "Practice"
    assert "Cards come from your weak answers" in texts(at)
    assert "Add card" in [b.label for b in at.button]


def test_a_bank_question_added_by_hand_becomes_a_card_due_now(app, journal_file):
    journal = db.open_journal(str(journal_file))
    question_id = journal.write(
        lambda cur: cur.execute(
            "INSERT INTO questions (text) VALUES ('How do you handle a missed deadline?') "
            "RETURNING id"
        ).fetchone()[0]
    )
    at = app()
    at.selectbox[0].set_value(question_id)
    button(at, "Add card").click().run()
    assert not at.exception
    assert "How do you handle a missed deadline?" in texts(at)
    assert "Your attempt" in [t.label for t in at.text_area]


def test_a_due_card_is_rehearsed_revealed_graded_and_leaves_the_queue(app, journal_file):
    card_id = add_card(
        journal_file,
        "Tell me about a time you disagreed with your manager.",
        history=[(GOOD, 10)],  # due eight days ago
        answer="At Lumen I disagreed about the launch date; I showed the data and we moved it.",
    )
    at = app()
    assert not at.exception
    assert "Tell me about a time you disagreed with your manager." in texts(at)
    assert "1 due, 0 new" in texts(at)

    at.text_area[0].input("Um, basically I disagreed about a launch and as a result we cut 30%.")
    button(at, "Reveal the best answer").click().run()
    assert not at.exception
    shown = texts(at)
    assert "Best answer so far" in shown
    assert "At Lumen I disagreed about the launch date" in shown
    assert "Fillers: “um” ×1, “basically” ×1" in shown
    assert [m.label for m in at.metric][-3:] == ["Length (words)", "Speaking time", "Filler words"]
    assert "Could not structure it." in shown and "Crisp and effortless." in shown

    button(at, "Save this attempt as my best answer").click().run()
    assert "Saved as your best answer." in texts(at)

    button(at, "Good").click().run()
    assert not at.exception
    assert "Today's queue is clear" in texts(at)

    cur = db.open_journal(str(journal_file)).cursor()
    grade, duration_ms, attempt = cur.execute(
        "SELECT grade, duration_ms, attempt FROM rehearsals WHERE card_id = ? "
        "ORDER BY rated_at DESC LIMIT 1",
        [card_id],
    ).fetchone()
    assert grade == GOOD and duration_ms >= 0 and attempt.startswith("Um, basically")
    assert cur.execute(
        "SELECT source FROM answers ORDER BY created_at DESC LIMIT 1"
    ).fetchone() == ("rehearsal",)
    # Reruns skip the entry script (see coach_ui.frame); the page must not care.
    at.run()
    assert not at.exception and "Today's queue is clear" in texts(at)


def test_a_reveal_and_a_grade_each_show_their_result_in_the_run_their_click_starts(
    app, journal_file, page_runs
):
    # Taken in the buttons' callbacks: a rerun after each cost a second run and redraw.
    card_id = add_card(journal_file, "Why this role?", history=[(GOOD, 10)])
    at = app()
    runs = page_runs
    runs.clear()  # from the clicks on
    at.text_area[0].input("Because it joins analysis and decisions.")
    button(at, "Reveal the best answer").click().run()
    assert runs == ["practice"]
    assert "Your attempt" not in [t.label for t in at.text_area]  # revealed
    button(at, "Good").click().run()
    assert runs == ["practice", "practice"]
    assert "Today's queue is clear" in texts(at)
    assert [t.value for t in at.toast][0].startswith("Good: next rehearsal")
    cur = db.open_journal(str(journal_file)).cursor()
    assert cur.execute(
        "SELECT count(*) FROM rehearsals WHERE card_id = ? AND attempt LIKE 'Because%'",
        [card_id],
    ).fetchone() == (1,)


def test_a_grade_that_cannot_be_written_says_why_and_keeps_the_card(app, journal_file, monkeypatch):
    from coach import practice
    from coach.errors import JournalError

    add_card(journal_file, "Why this role?", history=[(GOOD, 10)])
    at = app()
    button(at, "Reveal the best answer").click().run()

    def refused(*args, **kwargs):
        raise JournalError("The journal is busy, try again in a moment.")

    monkeypatch.setattr(practice, "rehearse", refused)
    button(at, "Good").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["The journal is busy, try again in a moment."]
    assert "Why this role?" in texts(at) and "How did it go?" in texts(at)  # still revealed


def test_a_fourth_lapse_flags_a_leech_and_offers_a_rewrite(app, journal_file):
    card_id = add_card(
        journal_file,
        "Walk me through a DCF.",
        history=[(GOOD, 30), (AGAIN, 20), (AGAIN, 15), (AGAIN, 10)],  # three lapses
    )
    at = app()
    button(at, "Reveal the best answer").click().run()
    button(at, "Again").click().run()
    assert not at.exception
    shown = texts(at)
    assert "has lapsed 4 times and is now a **leech**" in shown
    assert "Rewrite first (1)" in shown
    cur = db.open_journal(str(journal_file)).cursor()
    assert cur.execute("SELECT is_leech FROM cards WHERE id = ?", [card_id]).fetchone() == (True,)

    # The rewrite form is drawn once the leech's expander is opened.
    assert not [t for t in at.text_area if t.label == "Rewrite the answer"]
    at.session_state[leech_key(card_id)] = True
    at.run()
    rewrite = [t for t in at.text_area if t.label == "Rewrite the answer"][0]
    rewrite.input("Cash flows, discount rate, terminal value: three steps, one example.")
    button(at, "Save the rewrite and start the card afresh").click().run()
    assert not at.exception
    assert "Rewrite first" not in texts(at)
    assert "Walk me through a DCF." in texts(at)  # back in today's queue, as a new card
    assert cur.execute("SELECT is_leech, lapses FROM cards WHERE id = ?", [card_id]).fetchone() == (
        False,
        0,
    )


def test_skipping_moves_on_and_the_skipped_cards_can_come_back(app, journal_file):
    add_card(journal_file, "First question?")
    add_card(journal_file, "Second question?")
    at = app()
    assert "First question?" in [m.value.removeprefix("### ") for m in at.markdown]
    at.button(key=next(b.key for b in at.button if b.label == "Skip for now")).click().run()
    headings = [m.value.removeprefix("### ") for m in at.markdown]
    assert "Second question?" in headings and "First question?" not in headings


@pytest.mark.parametrize("section", ["cram", "cards", "settings"])
def test_every_section_renders_on_repeated_reruns(app, journal_file, section):
    add_card(journal_file, "Why us?", history=[(GOOD, 3)])
    at = app()
    at.session_state["practice_section"] = section
    at.run()
    at.run()
    assert not at.exception


def test_the_settings_are_saved_to_the_journal(app, journal_file):
    add_card(journal_file, "Why us?")
    at = app()
    at.session_state["practice_section"] = "settings"
    at.run()
    at.slider[0].set_value(0.85)
    at.number_input[0].set_value(6)
    button(at, "Save settings").click().run()
    assert not at.exception
    cur = db.open_journal(str(journal_file)).cursor()
    assert dict(cur.execute("SELECT key, value FROM settings").fetchall()) == {
        "desired_retention": "0.85",
        "leech_threshold": "6",
    }


def test_cram_without_an_upcoming_interview_says_how_to_get_one(app, journal_file):
    add_card(journal_file, "Why us?")
    at = app()
    at.session_state["practice_section"] = "cram"
    at.run()
    assert "No upcoming interview is booked" in texts(at)


def test_an_attempt_with_a_nul_character_is_graded_with_the_nul_removed_and_said(app, journal_file):
    card_id = add_card(journal_file, "Why should we hire you?", history=[(GOOD, 10)])
    at = app()
    at.text_area[0].input("I ship\x00 analyses that change decisions.")
    button(at, "Reveal the best answer").click().run()
    assert not at.exception
    assert any("1 invisible NUL character" in c.value for c in at.caption)
    button(at, "Save this attempt as my best answer").click().run()
    assert "Saved as your best answer." in texts(at)
    button(at, "Good").click().run()
    assert not at.exception and not at.error
    cur = db.open_journal(str(journal_file)).cursor()
    assert cur.execute(
        "SELECT attempt FROM rehearsals WHERE card_id = ? ORDER BY rated_at DESC LIMIT 1",
        [card_id],
    ).fetchone() == ("I ship analyses that change decisions.",)

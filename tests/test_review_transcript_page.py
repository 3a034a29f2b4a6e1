"""The review's transcript import through AppTest: the preview's controls, the bank
confirmation, storing, cancelling, and hostile speakers shown as typed.

AppTest cannot choose a file, so each test puts the read transcript where the uploader
puts it (the import in progress, in session state); choosing a file in a real browser,
and editing the table's cells, is tests/browser/test_transcript_e2e.py's part.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach import companies, db, interviews, reviews
from coach.interviews import InterviewFields
from coach.transcripts.preview import build_preview
from coach.transcripts.turns import read_transcript
from coach_ui.review_transcript import _Import
from tests.test_review_page import APP, by_label, open_review, step, texts

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


@pytest.fixture
def interview_id(app_journal) -> int:
    journal = db.open_journal(str(app_journal))
    company = companies.add_company(journal, "Northwind", "target")
    return interviews.add_interview(
        journal,
        InterviewFields(company_id=company, scheduled_at=datetime.now(UTC) - timedelta(hours=2)),
    )


def importing(interview_id: int, data: bytes, name: str, candidate: str | None = None) -> AppTest:
    transcript = read_transcript(data)
    preview = build_preview(transcript, candidate or transcript.guess_candidate())
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["review_interview"] = interview_id
    at = open_review(at)
    step(at, "questions")
    at.session_state[f"review_{interview_id}_transcript"] = _Import(name, transcript, preview)
    return at.run()


def asks(app_journal, interview_id: int) -> list[reviews.Ask]:
    return reviews.list_asks(db.open_journal(str(app_journal)).cursor(), interview_id)


def test_the_questions_step_offers_a_transcript_import(app_journal, interview_id):
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["review_interview"] = interview_id
    at = open_review(at)
    step(at, "questions")
    assert [t.label for t in at.tabs] == ["Paste many", "Add one", "Import a transcript"]
    assert not at.exception


def test_rows_merged_in_the_preview_are_stored_as_one_ask(app_journal, interview_id):
    at = importing(interview_id, (FIXTURES / "globex-meet.srt").read_bytes(), "globex.srt")
    assert not at.exception
    assert "4 questions found" in texts(at)
    assert by_label(at.radio, "Which speaker is you?").value == "Maria Garcia"
    by_label(at.number_input, "Row").set_value(3).run()
    by_label(at.button, "Merge with the next row").click().run()
    assert "3 questions found" in texts(at)
    assert asks(app_journal, interview_id) == []  # nothing stored before the confirmation
    by_label(at.button, "Next: check 3 questions against your bank").click().run()
    assert not at.exception
    stored = asks(app_journal, interview_id)
    assert [(a.question, a.answer_ms) for a in stored] == [
        ("What does a typical week look like for you?", 50_000),
        ("How would you measure the success of a product launch?", 90_000),
        ("Can you give me an example? What was the last launch you measured? What are your "
         "salary expectations?", 60_000),
    ]  # fmt: skip
    assert "Q3. Can you give me an example?" in texts(at)
    assert "1 min spoken, measured from the transcript." in texts(at)


def test_choosing_another_speaker_reads_the_rows_again(app_journal, interview_id):
    at = importing(interview_id, (FIXTURES / "northwind-zoom.vtt").read_bytes(), "call.vtt")
    assert "**5 questions found**, 1 offered as interrupted" in texts(at)
    by_label(at.radio, "Which speaker is you?").set_value("Dana Smith").run()
    assert not at.exception
    # Now the rows are the others' questions: Raj's, and the one Li Wei asked at the end.
    assert "**2 questions found**" in texts(at)


def test_a_split_row_becomes_two_questions(app_journal, interview_id):
    at = importing(interview_id, (FIXTURES / "northwind-zoom.vtt").read_bytes(), "call.vtt")
    by_label(at.selectbox, "Split where the interviewer said").set_value(4).run()
    by_label(at.button, "Split here").click().run()
    assert "6 questions found" in texts(at)


def test_cancelling_the_import_stores_nothing_and_shows_the_capture_again(
    app_journal, interview_id
):
    at = importing(interview_id, (FIXTURES / "tencent-meeting-zh.txt").read_bytes(), "t.txt")
    assert "3 questions found" in texts(at)
    by_label(at.button, "Cancel the import").click().run()
    assert "questions found" not in texts(at)
    assert "Record the questions you were asked" in texts(at)
    assert asks(app_journal, interview_id) == []


def test_a_question_asked_before_goes_through_the_usual_confirmation(app_journal, interview_id):
    journal = db.open_journal(str(app_journal))
    company = companies.add_company(journal, "Contoso")
    earlier = interviews.add_interview(
        journal,
        InterviewFields(company_id=company, scheduled_at=datetime.now(UTC) - timedelta(days=9)),
    )
    salary = reviews.NewAsk("What are your salary expectations?", None, "logistics_pay")
    reviews.add_asks(journal, earlier, [salary], datetime.now(UTC))
    at = importing(interview_id, (FIXTURES / "globex-meet.srt").read_bytes(), "globex.srt")
    by_label(at.button, "Next: check 4 questions against your bank").click().run()
    assert "1 of these 4 questions look like ones you were asked before" in texts(at)
    assert by_label(at.selectbox, "Dimension (4)").value == "logistics_pay"
    by_label(at.button, "Back to the rows").click().run()
    assert "4 questions found" in texts(at)
    by_label(at.button, "Next: check 4 questions against your bank").click().run()
    by_label(at.button, "Add 4 questions with their answers").click().run()
    assert not at.exception
    stored = asks(app_journal, interview_id)
    assert len(stored) == 4 and stored[3].asked_elsewhere == 1


def test_a_row_without_a_question_is_refused_with_its_number(app_journal, interview_id):
    at = importing(interview_id, (FIXTURES / "globex-meet.srt").read_bytes(), "globex.srt")
    state = at.session_state[f"review_{interview_id}_transcript"]
    state.preview = state.preview.edit(1, question="")  # as if cleared in the table
    at.run()
    by_label(at.button, "Next: check 4 questions against your bank").click().run()
    assert not at.exception
    [error] = at.error
    assert error.value.startswith("Row 2 has no question")
    assert asks(app_journal, interview_id) == []


@pytest.mark.parametrize("speaker", ["$x$ **Eve**", "Zoë 🎯", "王强", "Robert' OR 1=1 --"])
def test_hostile_speaker_names_and_words_are_shown_as_typed(app_journal, interview_id, speaker):
    text = (
        f"{speaker}: ![x](http://example.com/a.png) Why do you want this job?\n"
        "Me: <script>alert(1)</script> Because of :red[the team].\n"
        f"{speaker}: Thanks.\n"
        "Me: Bye.\n"
    )
    at = importing(interview_id, text.encode(), "<b>call</b>.txt", candidate="Me")
    assert not at.exception
    radio = by_label(at.radio, "Which speaker is you?")
    assert radio.value == "Me"
    heading = texts(at)
    assert "<b>call</b>" not in heading and r"\<b\>call\</b\>.txt" in heading
    by_label(at.button, "Next: check 1 question against your bank").click().run()
    assert not at.exception
    [ask] = asks(app_journal, interview_id)
    assert ask.answer_notes == "<script>alert(1)</script> Because of :red[the team].\n\nBye."

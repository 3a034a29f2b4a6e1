"""A confirmed transcript preview stored: asks with answers, measured times and signals,
in a real journal file; the transcript kept only when asked; nothing stored on refusal."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from coach import companies, deletion, interviews, reviews, transfer
from coach.errors import InvalidInput
from coach.interviews import InterviewFields
from coach.reviews import NewAsk
from coach.transcripts import store
from coach.transcripts.preview import build_preview
from coach.transcripts.turns import read_transcript

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


def held(journal, now, company: str = "Northwind", role: str = "Group accountant") -> int:
    company_id = companies.find_or_add_company(journal, company)
    return interviews.add_interview(
        journal,
        InterviewFields(company_id=company_id, scheduled_at=now - timedelta(hours=3), role=role),
    )


def preview_of(name: str, candidate: str):
    return build_preview(read_transcript((FIXTURES / name).read_bytes()), candidate)


def stored_asks(cur, interview_id: int) -> list[tuple]:
    return cur.execute(
        "SELECT q.text, a.answer_notes, a.answer_ms, a.signal, a.position, c.id IS NOT NULL"
        " FROM asks a JOIN questions q ON q.id = a.question_id"
        " LEFT JOIN cards c ON c.question_id = q.id"
        " WHERE a.interview_id = ? ORDER BY a.position",
        [interview_id],
    ).fetchall()


def test_a_confirmed_preview_is_stored_as_asks_with_answers_times_and_signals(journal, cur, now):
    interview_id = held(journal, now)
    preview = preview_of("northwind-zoom.vtt", "Li Wei")
    asks = store.with_bank_defaults(cur, preview)
    ids = store.record(journal, interview_id, asks, now, candidate="Li Wei")
    assert len(ids) == 5
    rows = stored_asks(cur, interview_id)
    assert [(q, ms, signal, card) for q, _, ms, signal, _, card in rows] == [
        ("Tell me about yourself.", 56_000, None, False),
        ("How did you handle consolidation eliminations for the subsidiaries?", 80_000, None,
         False),
        # Offered as interrupted: a weak signal, so a rehearsal card, as a typed one gets.
        ("Walk me through the migration project on your CV", 130_000, "interrupted", True),
        ("Why do you want to leave Northwind?", 40_000, None, False),
        ("Do you have any questions for us?", 25_000, None, False),
    ]  # fmt: skip
    assert rows[3][1] == "I want to move closer to the business, into FP&A."
    # The ask reads back with its measured time, and the plan knows the weak answer.
    assert [a.answer_ms for a in reviews.list_asks(cur, interview_id)][:2] == [56_000, 80_000]
    plan = cur.execute(
        "SELECT count(*) FROM actions WHERE interview_id = ? AND source = 'suggested'",
        [interview_id],
    ).fetchone()[0]
    assert plan > 0
    # Nothing of the transcript itself is kept unless asked; the name is remembered.
    assert store.kept_transcripts(cur, interview_id) == []
    assert store.my_names(cur) == ("Li Wei",)


def test_the_transcript_is_kept_only_when_the_candidate_asks(journal, cur, now):
    interview_id = held(journal, now)
    preview = preview_of("tencent-meeting-zh.txt", "李伟")
    kept = store.KeptTranscript.of(preview, "腾讯会议.txt")
    store.record(journal, interview_id, store.with_bank_defaults(cur, preview), now, keep=kept)
    [row] = store.kept_transcripts(cur, interview_id)
    assert (row.file_name, row.format, row.candidate) == ("腾讯会议.txt", "text", "李伟")
    assert store.transcript_text(cur, row.id) == preview.transcript.text.strip()
    # Deleting the interview says the transcript goes too, and takes it.
    impact = deletion.interview_deletion_impact(cur, interview_id)
    assert "1 kept transcript" in impact.describe()
    interviews.delete_interview(journal, interview_id)
    assert cur.execute("SELECT count(*) FROM transcripts").fetchone()[0] == 0


def test_a_kept_transcript_can_be_removed_and_its_asks_stay(journal, cur, now):
    interview_id = held(journal, now)
    preview = preview_of("globex-meet.srt", "Maria Garcia")
    store.record(journal, interview_id, store.with_bank_defaults(cur, preview), now,
                 keep=store.KeptTranscript.of(preview, "globex.srt"))  # fmt: skip
    [row] = store.kept_transcripts(cur, interview_id)
    store.delete_transcript(journal, row.id)
    assert store.kept_transcripts(cur, interview_id) == []
    assert len(stored_asks(cur, interview_id)) == 4


def test_a_journal_that_holds_data_gets_the_asks_after_its_own_and_links_the_bank(
    journal, cur, now
):
    # The same candidate, interviewed before at another company with another title.
    earlier = held(journal, now - timedelta(days=20), "Contoso", "Financial analyst")
    [old_ask] = reviews.add_asks(
        journal, earlier, [NewAsk("Why do you want to leave Northwind?", None, "motivation_fit")],
        now - timedelta(days=20),
    )  # fmt: skip
    interview_id = held(journal, now)
    reviews.add_asks(journal, interview_id, [NewAsk("What are your strengths?")], now)
    preview = preview_of("northwind-zoom.vtt", "Li Wei")
    asks = store.with_bank_defaults(cur, preview)
    old_question = reviews.get_ask(cur, old_ask).question_id
    assert asks[3].new.question_id == old_question  # a confident match is linked
    store.record(journal, interview_id, asks, now)
    rows = stored_asks(cur, interview_id)
    assert [r[4] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[0][0] == "What are your strengths?" and rows[0][2] is None  # typed: no time
    count = cur.execute(
        "SELECT count(*) FROM questions WHERE text = 'Why do you want to leave Northwind?'"
    ).fetchone()[0]
    assert count == 1  # one question, asked at two companies


def test_two_interviews_at_the_same_time_each_get_their_own_transcript(journal, cur, now):
    first = held(journal, now, "Northwind")
    second = held(journal, now, "Globex")
    for interview_id, name, me in ((first, "northwind-zoom.vtt", "Li Wei"),
                                   (second, "globex-meet.srt", "Maria Garcia")):  # fmt: skip
        preview = preview_of(name, me)
        store.record(journal, interview_id, store.with_bank_defaults(cur, preview), now,
                     keep=store.KeptTranscript.of(preview, name))  # fmt: skip
    assert len(stored_asks(cur, first)) == 5 and len(stored_asks(cur, second)) == 4
    assert [t.file_name for t in store.kept_transcripts(cur, second)] == ["globex-meet.srt"]
    assert store.my_names(cur) == ()  # no name was passed: none remembered


def test_a_row_that_cannot_be_stored_refuses_the_whole_import(journal, cur, now):
    interview_id = held(journal, now)
    preview = preview_of("globex-meet.srt", "Maria Garcia")
    with pytest.raises(InvalidInput, match="Row 2 has no question"):
        store.with_bank_defaults(cur, preview.edit(1, question="  "))
    with pytest.raises(InvalidInput, match="Row 4.s question is 1,199 characters"):
        preview.edit(3, question="Why? " * 240).checked()
    with pytest.raises(InvalidInput, match="Keep at least one question"):
        preview.edit(0, keep=False).edit(1, keep=False).edit(2, keep=False).edit(3, keep=False)\
            .checked()  # fmt: skip
    asks = store.with_bank_defaults(cur, preview)
    too_long = store.ImportedAsk(asks[0].new, "x" * 300_000, 1_000, None)
    with pytest.raises(InvalidInput, match="What you answered is 300,000 characters"):
        store.record(journal, interview_id, [*asks[1:], too_long], now)
    assert stored_asks(cur, interview_id) == []
    assert cur.execute("SELECT count(*) FROM questions").fetchone()[0] == 0


def test_stored_answers_and_kept_transcripts_travel_in_an_export(journal, cur, now, tmp_path):
    from coach import db

    interview_id = held(journal, now)
    preview = preview_of("tencent-meeting-zh.txt", "李伟")
    store.record(journal, interview_id, store.with_bank_defaults(cur, preview), now,
                 keep=store.KeptTranscript.of(preview, "t.txt"))  # fmt: skip
    exported = transfer.export_json(cur, now=now)
    other = db.open_journal(str(tmp_path / "other.duckdb"))
    try:
        transfer.import_json(other, exported)
        ocur = other.cursor()
        [(text,)] = ocur.execute("SELECT text FROM transcripts").fetchall()
        assert text == preview.transcript.text.strip()
        times = ocur.execute("SELECT answer_ms FROM asks ORDER BY position").fetchall()
        assert [t for (t,) in times] == [95_000, 42_000, 70_000]
    finally:
        db.close_journal(str(tmp_path / "other.duckdb"))


def test_an_interview_with_a_kept_transcript_keeps_its_company_with_a_sentence(journal, cur, now):
    interview_id = held(journal, now)
    preview = preview_of("globex-meet.srt", "Maria Garcia")
    keep = store.KeptTranscript.of(preview, "globex.srt")
    store.record(journal, interview_id, [], now, keep=keep)  # the file alone, no asks
    other = companies.add_company(journal, "Globex")
    fields = InterviewFields(company_id=other, scheduled_at=now - timedelta(hours=3))
    with pytest.raises(InvalidInput, match="stays with Northwind"):
        interviews.update_interview(journal, interview_id, fields)

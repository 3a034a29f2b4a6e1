"""`coach import-transcript`: a dry run shows the preview and touches nothing; storing
needs the interview and the candidate's own name, said explicitly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from coach import cli, companies, db, interviews, reviews
from coach.interviews import InterviewFields

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"
CALL = str(FIXTURES / "northwind-zoom.vtt")


def a_held_interview(path: Path) -> int:
    journal = db.open_journal(str(path))
    try:
        company = companies.add_company(journal, "Northwind")
        return interviews.add_interview(
            journal,
            InterviewFields(company_id=company, role="Group accountant",
                            scheduled_at=datetime.now(UTC) - timedelta(hours=5)),
        )  # fmt: skip
    finally:
        db.close_journal(str(path))


def stored(path: Path, interview_id: int) -> list[reviews.Ask]:
    journal = db.open_journal(str(path))
    try:
        return reviews.list_asks(journal.cursor(), interview_id)
    finally:
        db.close_journal(str(path))


def test_a_dry_run_prints_the_preview_and_leaves_the_journal_alone(tmp_path, capsys):
    journal = tmp_path / "never-made.duckdb"
    status = cli.main(["import-transcript", CALL, "--dry-run", "--db", str(journal)])
    out = capsys.readouterr().out
    assert status == 0
    assert "northwind-zoom.vtt: WebVTT, 20 captions, 3 speakers" in out
    assert "(Guessed that you are Li Wei; say --me NAME if not.)" in out
    assert "3. [2:37] Walk me through the migration project on your CV" in out
    assert "answered (2 min 10 s · interrupted): We moved the group" in out
    assert not journal.exists()


def test_storing_needs_the_candidates_name_said_explicitly(tmp_path, capsys):
    path = tmp_path / "journal.duckdb"
    interview_id = a_held_interview(path)
    status = cli.main(["import-transcript", CALL, "--interview", str(interview_id),
                       "--db", str(path)])  # fmt: skip
    err = capsys.readouterr().err
    assert status == 1
    assert "say which speaker is you with --me (one of 'Li Wei', 'Dana Smith'" in err
    assert stored(path, interview_id) == []


def test_storing_without_an_interview_lists_the_recent_ones(tmp_path, capsys):
    path = tmp_path / "journal.duckdb"
    interview_id = a_held_interview(path)
    status = cli.main(["import-transcript", CALL, "--me", "Li Wei", "--db", str(path)])
    err = capsys.readouterr().err
    assert status == 1
    assert "say which interview with --interview ID; nothing was stored" in err
    assert f"{interview_id}  " in err and "Northwind · Group accountant  (not reviewed)" in err
    assert stored(path, interview_id) == []


def test_the_questions_are_stored_with_their_answers_and_times(tmp_path, capsys):
    path = tmp_path / "journal.duckdb"
    interview_id = a_held_interview(path)
    status = cli.main(["import-transcript", CALL, "--interview", str(interview_id), "--me",
                       "Li Wei", "--keep-transcript", "--db", str(path)])  # fmt: skip
    out = capsys.readouterr().out
    assert status == 0
    assert "Added 5 questions to Northwind · Group accountant" in out
    assert "the transcript is kept with the interview." in out
    asks = stored(path, interview_id)
    assert [a.answer_ms for a in asks] == [56_000, 80_000, 130_000, 40_000, 25_000]
    assert asks[2].signal == "interrupted"
    journal = db.open_journal(str(path))
    try:
        cur = journal.cursor()
        assert cur.execute("SELECT count(*) FROM transcripts").fetchone()[0] == 1
        assert cur.execute("SELECT status FROM reviews").fetchone()[0] == "draft"
    finally:
        db.close_journal(str(path))


def test_a_bad_file_or_a_wrong_name_gets_one_sentence_and_status_1(tmp_path, capsys):
    empty = tmp_path / "empty.vtt"
    empty.write_bytes(b"")
    assert cli.main(["import-transcript", str(empty), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("coach import-transcript: That file is empty") and "Traceback" not in err
    assert cli.main(["import-transcript", CALL, "--dry-run", "--me", "Nobody"]) == 1
    assert "No one called “Nobody” speaks in this transcript" in capsys.readouterr().err
    assert cli.main(["import-transcript", str(tmp_path / "missing.vtt"), "--dry-run"]) == 1
    assert "No such file or directory" in capsys.readouterr().err

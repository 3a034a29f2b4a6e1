"""Backups: daily on first open, the newest seven kept, manual ones kept for good."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import duckdb

from coach import backups, db


def open_and_close(path, now):
    db.open_journal(str(path), now=now)
    db.close_journal(str(path))


def test_the_first_open_of_a_day_makes_one_daily_backup(tmp_path, now):
    path = tmp_path / "journal.duckdb"
    open_and_close(path, now)
    open_and_close(path, now + timedelta(hours=1))
    made = backups.list_backups(str(path))
    assert [(b.reason, b.taken_at.date()) for b in made] == [("daily", now.date())]


def test_only_the_newest_seven_daily_backups_are_kept(tmp_path, now):
    path = tmp_path / "journal.duckdb"
    for day in range(10):
        open_and_close(path, now + timedelta(days=day))
    dailies = backups.list_backups(str(path))
    assert len(dailies) == 7
    assert dailies[0].taken_at.date() == (now + timedelta(days=9)).date()
    assert dailies[-1].taken_at.date() == (now + timedelta(days=3)).date()


def test_manual_backups_are_never_rotated_away(tmp_path, now):
    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path), now=now)
    journal.backup(now=now)
    db.close_journal(str(path))
    for day in range(1, 10):
        open_and_close(path, now + timedelta(days=day))
    reasons = [b.reason for b in backups.list_backups(str(path))]
    assert reasons.count("manual") == 1
    assert reasons.count("daily") == 7


def test_a_backup_holds_everything_committed_before_it(tmp_path, now):
    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path), now=now)
    journal.write(lambda cur: cur.execute("INSERT INTO companies (name) VALUES ('Acme')"))
    copy = journal.backup(now=now)
    db.close_journal(str(path))
    restored = duckdb.connect(str(copy), read_only=True)
    assert restored.execute("SELECT name FROM companies").fetchall() == [("Acme",)]


def test_a_sample_journal_gets_no_daily_backups(tmp_path, now):
    from coach import sample

    path = sample.write_sample(tmp_path / "sample.duckdb", now)
    open_and_close(path, now)
    assert backups.list_backups(str(path)) == []


def test_coach_backup_copies_the_journal_and_lists_it(tmp_path):
    from coach import cli

    path = tmp_path / "journal.duckdb"
    assert cli.main(["backup", str(path)]) == 0
    assert cli.main(["backup", "--list", str(path)]) == 0
    reasons = sorted(b.reason for b in backups.list_backups(str(path)))
    assert reasons == ["daily", "manual"]


def test_coach_backup_of_a_journal_in_use_explains_and_exits_1(tmp_path, capsys, hold_file):
    from coach import cli

    path = tmp_path / "journal.duckdb"
    with hold_file(path) as pid:
        assert cli.main(["backup", str(path)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("coach backup: The journal")
    assert f"PID {pid}" in error


def test_a_backup_keeps_the_journal_locked_against_other_programs(tmp_path, now):
    # Regression: copying the file with the OS closed a second descriptor of it, which
    # on Linux drops the process's POSIX locks; another program could then open it.
    import subprocess
    import sys

    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path), now=now)
    try:
        journal.backup(now=now)
        other = subprocess.run(
            [sys.executable, "-c", f"import duckdb; duckdb.connect({str(path)!r})"],
            capture_output=True,
            text=True,
        )
    finally:
        db.close_journal(str(path))
    assert other.returncode != 0
    assert "lock" in other.stderr.lower()


def test_the_daily_backup_runs_beside_the_first_page_not_before_it(tmp_path, now, monkeypatch):
    import threading

    release, copied = threading.Event(), []

    def slow_daily_backup(cur, database, *, now):
        release.wait(timeout=10)  # a ten-year journal takes seconds to copy
        copied.append(database)

    monkeypatch.setattr(backups, "daily_backup", slow_daily_backup)
    path = str(tmp_path / "journal.duckdb")
    journal = db.open_journal(path, now=now)
    journal.cursor().execute("SELECT count(*) FROM interviews").fetchall()  # the first page
    assert copied == []
    release.set()
    db.close_journal(path)  # closing waits for the copy
    assert copied == [path]


def test_a_process_that_exits_while_the_daily_backup_copies_waits_for_it(tmp_path):
    from bench import journals

    path = tmp_path / "heavy.duckdb"
    journals.build_journal(path, "heavy", journals.bench_now())  # big enough to take a moment
    code = "import sys; from coach import db; db.open_journal(sys.argv[1])"  # and exit at once
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120
    )
    assert (done.returncode, done.stderr) == (0, "")
    copies = list((tmp_path / "backups").iterdir())
    assert [c.name.endswith("-daily.duckdb") for c in copies] == [True]

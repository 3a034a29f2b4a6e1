"""Backups: daily on first open, the newest seven kept, manual ones kept for good."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from coach import backups, db
from coach.errors import BackupFailed
from tests.disks import mounted_tmpfs


@pytest.fixture(autouse=True)
def days_in_utc(monkeypatch):
    """A daily copy is made once a day of the candidate's zone: here UTC, whatever the machine's."""
    monkeypatch.setenv("COACH_TZ", "UTC")


def open_and_close(path, now):
    db.open_journal(str(path), now=now)
    db.close_journal(str(path))


def test_the_first_open_of_a_day_makes_one_daily_backup(tmp_path, now):
    path = tmp_path / "journal.duckdb"
    open_and_close(path, now)
    open_and_close(path, now + timedelta(hours=1))
    made = backups.list_backups(str(path))
    assert [(b.reason, b.taken_at.date()) for b in made] == [("daily", now.date())]


@pytest.mark.parametrize(
    ("first", "second", "copies"),
    [
        ("2026-03-01T23:30", "2026-03-02T01:00", 1),  # 07:30 and 09:00 the same day there
        ("2026-03-01T15:00", "2026-03-01T17:00", 2),  # 23:00, then 01:00 the next day
    ],
)
def test_a_daily_backup_is_made_once_a_day_of_the_candidates_time_zone(
    tmp_path, monkeypatch, first, second, copies
):
    monkeypatch.setenv("COACH_TZ", "Asia/Shanghai")
    path = tmp_path / "journal.duckdb"
    for at in (first, second):
        open_and_close(path, datetime.fromisoformat(at).replace(tzinfo=UTC))
    assert len(backups.list_backups(str(path))) == copies


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


# -- failures: said, recorded, and leaving nothing behind -----------------------------


@pytest.fixture
def unwritable_backups(tmp_path) -> Path:
    """tmp_path/backups is a folder this process may not write to (even as root)."""
    if os.geteuid() == 0:
        target = Path("/sys/kernel")  # a real folder where even root creates no file
    else:
        target = tmp_path / "locked"
        target.mkdir()
        target.chmod(0o500)
    folder = tmp_path / "backups"
    folder.symlink_to(target, target_is_directory=True)
    return folder


def test_a_backup_into_a_folder_it_may_not_write_says_which_folder_and_why(
    tmp_path, now, unwritable_backups
):
    path = str(tmp_path / "journal.duckdb")
    journal = db.open_journal(path, now=now)
    try:
        with pytest.raises(BackupFailed) as failed:
            journal.backup(now=now)
    finally:
        db.close_journal(path)
    message = str(failed.value)
    assert message.startswith(f"The journal could not be backed up into {unwritable_backups}:")
    assert "permission denied" in message


def test_a_failed_daily_backup_is_recorded_with_its_reason_until_a_backup_succeeds(
    tmp_path, now, unwritable_backups
):
    path = str(tmp_path / "journal.duckdb")
    journal = db.open_journal(path, now=now)
    journal.wait_for_backup()
    failure = journal.backup_failure()
    assert failure is not None and failure.reason == "daily"
    assert str(unwritable_backups) in failure.message
    db.close_journal(path)
    # Recorded in the journal: a restarted app still shows it.
    journal = db.open_journal(path, now=now)
    journal.wait_for_backup()
    assert journal.backup_failure().reason == "daily"
    unwritable_backups.unlink()  # the candidate fixes the folder
    journal.backup(now=now)
    assert journal.backup_failure() is None
    db.close_journal(path)
    journal = db.open_journal(path, now=now)
    assert journal.backup_failure() is None
    db.close_journal(path)


def test_coach_backup_into_a_folder_it_may_not_write_prints_one_sentence_and_exits_1(
    tmp_path, unwritable_backups
):
    done = subprocess.run(
        [sys.executable, "-m", "coach.cli", "backup", str(tmp_path / "journal.duckdb")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(
        f"coach backup: The journal could not be backed up into {unwritable_backups}"
    )
    assert done.stdout == ""


def test_leftovers_of_a_copy_cut_short_are_removed_by_the_next_backup(tmp_path, now):
    path = tmp_path / "journal.duckdb"
    folder = tmp_path / "backups"
    folder.mkdir()
    leftovers = [
        folder / ".journal-20260101T080000-daily.duckdb.partial",
        folder / ".journal-20260101T080000-daily.duckdb.partial.wal",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"\0" * 4096)  # what a killed copy leaves
    other = folder / ".another-20260101T080000-daily.duckdb.partial"  # not this journal's
    other.write_bytes(b"x")
    open_and_close(path, now)
    assert not any(leftover.exists() for leftover in leftovers)
    assert other.exists()


def test_a_backup_cut_short_by_a_full_disk_says_so_and_frees_the_space_it_took(tmp_path, now):
    with mounted_tmpfs(tmp_path / "tiny-disk", "size=256k") as disk:
        path = str(tmp_path / "journal.duckdb")
        (tmp_path / "backups").symlink_to(disk, target_is_directory=True)
        journal = db.open_journal(path, now=now)
        journal.wait_for_backup()  # the daily copy fails the same way
        journal.write(  # about 2 MB: more than the disk holds
            lambda cur: cur.execute(
                "INSERT INTO companies (name, notes) SELECT 'c' || i, repeat('x', 20000)"
                " FROM range(100) t(i)"
            )
        )
        try:
            with pytest.raises(BackupFailed, match="the disk is full"):
                journal.backup(now=now)
        finally:
            db.close_journal(path)
        assert list(disk.iterdir()) == []  # no .partial taking the last space


def test_backups_dated_in_the_future_are_kept_but_do_not_push_newer_ones_out(tmp_path, now):
    path = tmp_path / "journal.duckdb"
    ahead = now + timedelta(days=365)
    for day in range(7):  # a week with the clock a year ahead
        open_and_close(path, ahead + timedelta(days=day))
    for day in range(3):  # the clock set right again
        open_and_close(path, now + timedelta(days=day))
    dailies = [b for b in backups.list_backups(str(path)) if b.reason == "daily"]
    assert len(dailies) == 10
    assert len(backups.future_dated(str(path), now + timedelta(days=2))) == 7
    for day in range(3, 12):  # and the rotation goes on counting the present ones only
        open_and_close(path, now + timedelta(days=day))
    present = [b for b in backups.list_backups(str(path)) if b.taken_at <= now + timedelta(days=11)]
    assert len(present) == backups.DAILY_KEEP
    assert len(backups.list_backups(str(path))) == backups.DAILY_KEEP + 7

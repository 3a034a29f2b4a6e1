"""`coach restore`: a backup takes the journal's place, safely, as the README says."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from coach import backups, db, restore
from coach.errors import RestoreRefused


def coach(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coach.cli", *args], capture_output=True, text=True, timeout=60
    )


def names(path: Path) -> list[str]:
    con = db.connect(str(path), read_only=True)
    try:
        return sorted(row[0] for row in con.execute("SELECT name FROM companies").fetchall())
    finally:
        con.close()


def add_company(path: Path, name: str) -> None:
    journal = db.open_journal(str(path))
    journal.write(lambda cur: cur.execute("INSERT INTO companies (name) VALUES (?)", [name]))
    db.close_journal(str(path))


def crash_with_a_write_only_in_the_wal(path: Path, name: str) -> None:
    """What an app killed mid-session left before every save was checkpointed."""
    code = (
        "import duckdb, os, sys\n"
        "con = duckdb.connect(sys.argv[1])\n"
        "con.execute(\"SET checkpoint_threshold = '1GB'\")\n"
        "con.execute('INSERT INTO companies (name) VALUES (?)', [sys.argv[2]])\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path), name], check=False)
    assert Path(f"{path}.wal").stat().st_size > 0


@pytest.fixture
def journal_with_backup(tmp_path) -> tuple[Path, Path]:
    path = tmp_path / "coach.duckdb"
    add_company(path, "In the backup")
    journal = db.open_journal(str(path))
    copy = journal.backup(now=datetime(2026, 3, 1, tzinfo=UTC))
    db.close_journal(str(path))
    add_company(path, "Added after the backup")
    return path, copy


def test_coach_restore_puts_the_backup_in_place_and_keeps_the_journal_as_it_was(
    journal_with_backup,
):
    path, copy = journal_with_backup
    done = coach("restore", str(copy), "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Restored {copy.name} as {path}.")
    assert names(path) == ["In the backup"]
    kept = [b for b in backups.list_backups(str(path)) if b.reason == "before-restore"]
    assert len(kept) == 1 and str(kept[0].path) in done.stdout
    assert names(kept[0].path) == ["Added after the backup", "In the backup"]


def test_coach_restore_over_a_journal_with_a_stale_wal_keeps_the_wals_writes_too(
    journal_with_backup,
):
    path, copy = journal_with_backup
    crash_with_a_write_only_in_the_wal(path, "Only in the .wal")
    done = coach("restore", str(copy), "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert not Path(f"{path}.wal").exists()
    assert names(path) == ["In the backup"]
    kept = next(b for b in backups.list_backups(str(path)) if b.reason == "before-restore")
    assert "Only in the .wal" in names(kept.path)
    db.open_journal(str(path))  # the app opens the restored journal
    db.close_journal(str(path))


def test_restoring_after_a_backup_was_copied_over_the_journal_by_hand_heals_the_wal_mismatch(
    journal_with_backup,
):
    # The old README's way: copy a backup over the journal, leaving the crashed app's
    # .wal beside it. Every page then said "WAL does not match database file".
    path, copy = journal_with_backup
    crash_with_a_write_only_in_the_wal(path, "Only in the .wal")
    shutil.copyfile(copy, path)
    with pytest.raises(db.JournalError, match="WAL does not match"):
        db.connect(str(path))
    done = coach("restore", str(copy), "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert "could not be opened, so it was kept as it was" in done.stdout
    assert not Path(f"{path}.wal").exists()
    assert names(path) == ["In the backup"]
    kept = next(b for b in backups.list_backups(str(path)) if b.reason == "before-restore")
    assert kept.path.with_name(kept.path.name + restore.AS_FOUND).stat().st_size > 0
    db.open_journal(str(path))
    db.close_journal(str(path))


def test_coach_restore_refuses_while_the_app_holds_the_journal(journal_with_backup, hold_file):
    path, copy = journal_with_backup
    with hold_file(path) as pid:
        done = coach("restore", str(copy), "--db", str(path))
    assert done.returncode == 1
    assert done.stderr.startswith("coach restore: Nothing was restored.")
    assert f"PID {pid}" in done.stderr
    assert "Traceback" not in done.stderr
    assert names(path) == ["Added after the backup", "In the backup"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "there is no backup file at"),
        (b"not a database at all", "could not be opened as a journal"),
        ("other tables", "is not a journal"),
        ("newer", "written by a newer version of Interview Coach"),
    ],
)
def test_restore_refuses_what_is_not_a_backup_it_can_open_and_changes_nothing(
    journal_with_backup, tmp_path, content, message
):
    path, _ = journal_with_backup
    bad = tmp_path / "bad.duckdb"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    elif content == "other tables":
        duckdb.connect(str(bad)).execute("CREATE TABLE invoices (id INTEGER)").close()
    elif content == "newer":
        shutil.copyfile(backups.list_backups(str(path))[0].path, bad)
        con = duckdb.connect(str(bad))
        con.execute("INSERT INTO schema_migrations (version, name) VALUES (99, 'm099')")
        con.close()
    with pytest.raises(RestoreRefused, match=message):
        restore.restore(str(path), bad, now=datetime.now(UTC))
    assert names(path) == ["Added after the backup", "In the backup"]
    assert not [b for b in backups.list_backups(str(path)) if b.reason == "before-restore"]


def test_a_restore_that_cannot_keep_the_journal_first_restores_nothing_and_says_why(
    journal_with_backup, tmp_path
):
    from tests.test_failures import mounted_tmpfs

    path, copy = journal_with_backup
    chosen = tmp_path / copy.name
    shutil.copyfile(copy, chosen)
    shutil.rmtree(path.parent / "backups")
    with mounted_tmpfs(path.parent / "backups", "ro,size=1m"):
        done = coach("restore", str(chosen), "--db", str(path))
    assert done.returncode == 1
    assert done.stderr.startswith(
        f"coach restore: Nothing was restored. The journal could not be backed up into "
        f"{path.parent / 'backups'}: the disk is read-only"
    )
    assert "Traceback" not in done.stderr
    assert names(path) == ["Added after the backup", "In the backup"]


def test_the_readme_restores_with_coach_restore():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert "coach restore" in readme
    assert "cp ~/.local/share/interview-coach/backups" not in readme

"""A full disk and a damaged journal, made for real, reach the person as sentences: on
every page, from the domain and from the `coach` command, never as a traceback.

The full disk is a 4 MB tmpfs filled to the last byte (mounting needs root, which the
development machines and CI have); the damaged journal is a real journal with bytes of
its file flipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from coach import backups, cli, companies, db, failures, transfer
from coach.errors import BackupFailed, DiskFull, JournalCorrupt, JournalError
from coach_ui.pages import PAGES
from tests.disks import mounted_tmpfs
from tests.test_pages import (  # noqa: F401 - app: the AppTest factory fixture
    add_company,
    app,
    interviews_page,
    open_companies,
)

TRACEBACK_WORDS = ("Traceback", 'File "', "duckdb", "Error:", "checksum")


# -- a full disk ---------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB file system, to fill."""
    with mounted_tmpfs(tmp_path / "disk", "size=4m") as mount:
        yield mount


def fill(folder: Path, leave: int = 0) -> Path:
    """Write a file until the disk is full, then give `leave` bytes back; return the file
    (delete it to free the space)."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError as error:
        assert error.errno == 28  # ENOSPC: the disk is full
    finally:
        os.close(fd)
    os.truncate(filler, filler.stat().st_size - leave)
    return filler


def count_companies(journal) -> int:
    cur = journal.cursor()
    try:
        return cur.execute("SELECT count(*) FROM companies").fetchone()[0]
    finally:
        cur.close()


def test_a_save_on_a_full_disk_says_nothing_was_saved_and_how_much_room_to_make(small_disk):
    path = str(small_disk / "journal.duckdb")
    journal = db.open_journal(path)
    journal.wait_for_backup()
    companies.add_company(journal, "Saved before")
    filler = fill(small_disk)
    with pytest.raises(DiskFull) as refused:
        companies.add_company(journal, "Acme", "target", "Notes " * 30_000)
    message = str(refused.value)
    assert message.startswith("Nothing was saved: the disk that holds your journal")
    assert str(small_disk) in message
    assert "Free at least 64 MB on it" in message
    assert count_companies(journal) == 1
    # With room again, the same journal saves at once: nothing was left half written.
    filler.unlink()
    companies.add_company(journal, "Acme", "target", "Notes " * 30_000)
    assert count_companies(journal) == 2


def test_a_full_disk_met_by_the_checkpoint_after_a_save_keeps_the_save_and_says_so(small_disk):
    # Room for the save's few hundred bytes in the write-ahead log, not for the
    # checkpoint that copies it into the journal file (a 256 KB block): DuckDB then
    # stops using the open journal until it is opened again.
    path = str(small_disk / "journal.duckdb")
    journal = db.open_journal(path)
    journal.wait_for_backup()
    companies.add_company(journal, "Saved before")
    filler = fill(small_disk, leave=64_000)
    with pytest.raises(DiskFull) as refused:
        companies.add_company(journal, "Saved as the disk filled")
    message = str(refused.value)
    assert message.startswith("Saved, but the disk that holds your journal")
    assert f"({small_disk})" in message and "before you save anything else" in message
    # The next page opens the journal again: DuckDB replays the save from its .wal.
    journal = db.open_journal(path)
    assert count_companies(journal) == 2
    filler.unlink()
    companies.add_company(journal, "Saved with room again")
    db.close_journal(path)
    copy = duckdb.connect(path, read_only=True)  # the file alone, as after the app stops
    try:
        assert copy.execute("SELECT count(*) FROM companies").fetchone()[0] == 3
    finally:
        copy.close()


def test_the_company_form_on_a_full_disk_shows_the_sentence(app, small_disk):  # noqa: F811
    path = small_disk / "journal.duckdb"
    at = open_companies(interviews_page(app, path))
    db.open_journal(str(path)).wait_for_backup()
    fill(small_disk)
    [notes] = [t for t in at.text_area if t.label == "Notes" and "company" in t.form_id]
    notes.input("What I know of them. " * 8_000)
    at = add_company(at, "Acme")
    by_notes = [e.value for e in at.error]
    assert not at.exception
    assert len(by_notes) == 1 and by_notes[0].startswith("Nothing was saved")
    assert not any(word in by_notes[0] for word in TRACEBACK_WORDS)


def test_coach_import_on_a_full_disk_prints_the_sentence_and_exits_1(
    small_disk, tmp_path, capsys, sample_export
):
    export = tmp_path / "export.json"
    export.write_text(sample_export)
    path = small_disk / "journal.duckdb"
    db.open_journal(str(path)).wait_for_backup()
    db.close_journal(str(path))
    fill(small_disk)
    assert cli.main(["import", str(export), "--db", str(path)]) == 1
    out, err = capsys.readouterr()
    assert err.startswith("coach import: Nothing was saved: the disk that holds your journal")
    assert "Traceback" not in err


def test_an_import_cut_short_by_a_full_disk_leaves_a_journal_that_saves_once_there_is_room(
    tmp_path, sample_export
):
    # An import is one large transaction: its commit meets the full disk inside DuckDB's
    # checkpoint, after which DuckDB stops using the open journal. The next page (here:
    # the next open_journal) opens it afresh.
    with mounted_tmpfs(tmp_path / "disk", "size=32m") as disk:
        path = str(disk / "journal.duckdb")
        journal = db.open_journal(path)
        journal.wait_for_backup()
        filler = fill(disk)
        with pytest.raises(DiskFull, match="^Nothing was saved"):
            transfer.import_json(journal, sample_export)
        filler.unlink()
        journal = db.open_journal(path)
        assert count_companies(journal) == 0
        transfer.import_json(journal, sample_export)
        assert count_companies(journal) == 7


@pytest.fixture
def sample_export(tmp_path_factory) -> str:
    from coach import sample, transfer
    from tests.conftest import NOW

    path = tmp_path_factory.mktemp("export") / "sample.duckdb"
    sample.write_sample(path, NOW)
    con = db.connect(str(path), read_only=True)
    try:
        return transfer.export_json(con, now=NOW)
    finally:
        con.close()


# -- a damaged journal -------------------------------------------------------------


BLOCK = 262_144  # DuckDB's block size; blocks start after a 12 KB file header
HEADER = 12_288


def table_block_offset(path: Path, table: str) -> int:
    """Where, in the journal file, the first block of `table` starts (+100 bytes)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        [(block,)] = con.execute(
            f"SELECT min(block_id) FROM pragma_storage_info('{table}') WHERE block_id >= 0"  # noqa: S608
        ).fetchall()
    finally:
        con.close()
    return HEADER + block * BLOCK + 100


def damage(path: Path, offset: int = 100) -> None:
    """Flip 64 bytes of the file: its checksums no longer match."""
    with open(path, "r+b") as file:
        file.seek(offset)
        data = file.read(64)
        file.seek(offset)
        file.write(bytes(b ^ 0xFF for b in data))


@pytest.fixture
def damaged_journal(tmp_path, now) -> Path:
    """A journal with two daily backups beside it, then damaged."""
    path = tmp_path / "journal.duckdb"
    for day in (14, 15):
        journal = db.open_journal(str(path), now=now.replace(day=day))
        journal.wait_for_backup()  # the day's backup holds the days before it
        companies.find_or_add_company(journal, f"Acme {day}")
        db.close_journal(str(path))
    damage(path)
    return path


def test_a_damaged_journal_names_its_newest_backup_and_the_command_that_restores_it(
    damaged_journal, tmp_path
):
    damaged = damaged_journal.read_bytes()
    with pytest.raises(JournalCorrupt) as refused:
        db.open_journal(str(damaged_journal))
    error = refused.value
    assert f"The journal {damaged_journal} is damaged" in error.summary
    assert "journal-20260315T183000-daily.duckdb, taken 2026-03-15 18:30 UTC" in error.summary
    assert "(2 backups in" in error.summary
    assert str(error).endswith(error.command)
    assert " restore " in error.command  # coach restore, which keeps the damaged file
    # The command works as given: the backup opens, the damaged file is kept as it was.
    subprocess.run(["bash", "-c", error.command], check=True, capture_output=True)
    journal = db.open_journal(str(damaged_journal))
    assert count_companies(journal) == 1  # day 15's backup: taken before its company
    db.close_journal(str(damaged_journal))
    [kept] = [b for b in backups.list_backups(str(damaged_journal)) if b.reason == "before-restore"]
    assert kept.path.read_bytes() == damaged


def test_the_command_for_a_journal_damaged_inside_a_table_restores_it_too(tmp_path, now):
    # The journal opens (its header and catalogue are whole), but a table's block fails
    # DuckDB's checks: it cannot be copied through DuckDB, so the restore keeps its bytes.
    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path), now=now)
    journal.wait_for_backup()
    companies.find_or_add_company(journal, "In the backup")
    journal.backup(now=now)
    db.close_journal(str(path))
    damage(path, offset=table_block_offset(path, "companies"))
    cur = db.open_journal(str(path), now=now).cursor()
    with pytest.raises(duckdb.Error) as met:
        cur.execute("SELECT name FROM companies").fetchall()
    db.close_journal(str(path))
    refused = failures.explain(met.value, str(path))
    assert isinstance(refused, JournalCorrupt)
    subprocess.run(["bash", "-c", refused.command], check=True, capture_output=True)
    cur = db.open_journal(str(path), now=now).cursor()
    assert cur.execute("SELECT name FROM companies").fetchall() == [("In the backup",)]
    db.close_journal(str(path))


def test_backing_up_a_journal_damaged_inside_a_table_says_so_in_words(tmp_path, now):
    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path), now=now)
    journal.wait_for_backup()
    companies.find_or_add_company(journal, "Acme")
    db.close_journal(str(path))
    damage(path, offset=table_block_offset(path, "companies"))
    journal = db.open_journal(str(path), now=now)
    try:
        with pytest.raises(BackupFailed) as refused:
            journal.backup(now=now)
    finally:
        db.close_journal(str(path))
    message = str(refused.value)
    assert "a part of the journal file is damaged" in message and "coach restore" in message
    assert not any(word in message for word in TRACEBACK_WORDS)


def test_a_damaged_journal_without_backups_says_so(tmp_path):
    path = tmp_path / "journal.duckdb"
    db.open_journal(str(path)).wait_for_backup()
    db.close_journal(str(path))
    shutil.rmtree(tmp_path / "backups")
    damage(path)
    with pytest.raises(JournalCorrupt, match="There is no backup of it in"):
        db.open_journal(str(path))


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path)
def test_every_page_on_a_damaged_journal_shows_the_sentence_and_the_command(
    app,  # noqa: F811
    damaged_journal,
    spec,
):
    at = app(damaged_journal).run()
    if not spec.default:
        at.switch_page(spec.path).run()
    assert not at.exception
    [error] = at.error
    assert "is damaged and cannot be read" in error.value
    assert "newest backup is journal-20260315T183000-daily.duckdb" in error.value
    [command] = at.code
    assert command.value == failures.corrupt(str(damaged_journal)).command
    assert not any(word in error.value for word in ("Traceback", 'File "', "checksum"))


@pytest.mark.parametrize(
    "command", [["export", "-"], ["import", "-"], ["backup"]], ids=lambda c: c[0]
)
def test_the_command_line_on_a_damaged_journal_prints_the_sentence_and_exits_1(
    damaged_journal, command
):
    where = ["--db", str(damaged_journal)] if command[0] != "backup" else [str(damaged_journal)]
    done = subprocess.run(
        [sys.executable, "-m", "coach.cli", *command, *where],
        input="{}",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.startswith(f"coach {command[0]}: The journal {damaged_journal} is damaged")
    assert failures.corrupt(str(damaged_journal)).command in done.stderr
    assert "Traceback" not in done.stderr


# -- a folder that cannot be written ----------------------------------------------------


@pytest.fixture
def read_only_folder(tmp_path):
    with mounted_tmpfs(tmp_path / "read-only", "ro,size=1m") as mount:
        yield mount


@pytest.mark.parametrize("where", ["journal.duckdb", "new-folder/journal.duckdb"])
def test_a_journal_in_a_folder_that_cannot_be_written_names_the_folder(read_only_folder, where):
    path = read_only_folder / where
    with pytest.raises(JournalError) as refused:
        db.open_journal(str(path))
    assert str(refused.value) == (
        f"Interview Coach cannot write to the folder {path.parent} (a read-only file system), "
        f"where the journal {path} is kept. Make that folder writable, or set COACH_DB to a "
        "journal in a folder you can write to."
    )


def test_coach_export_to_a_folder_that_cannot_be_written_names_that_file(
    read_only_folder, tmp_path, capsys
):
    journal = tmp_path / "journal.duckdb"
    target = read_only_folder / "export.json"
    assert cli.main(["export", str(target), "--db", str(journal)]) == 1
    db.close_journal(str(journal))
    _, err = capsys.readouterr()
    assert err == f"coach export: {target}: Read-only file system\n"

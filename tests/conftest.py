"""Shared fixtures: real DuckDB journal files in tmp_path, and a fixed 'now'."""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coach import db

# Every test that depends on time uses this instant, never the clock.
NOW = datetime(2026, 3, 16, 18, 30, tzinfo=UTC)


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.duckdb"


@pytest.fixture
def journal(journal_path: Path):
    """A fresh, migrated journal file, closed after the test."""
    opened = db.open_journal(str(journal_path))
    yield opened
    db.close_journal(str(journal_path))


@pytest.fixture
def cur(journal):
    cursor = journal.cursor()
    yield cursor
    cursor.close()


@contextmanager
def _held_by_another_process(path: Path):
    """Another process opens the DuckDB file at `path` and holds it; yields its PID."""
    code = (
        "import duckdb, sys\n"
        f"con = duckdb.connect({str(path)!r})\n"
        "print('ready', flush=True)\n"
        "sys.stdin.read()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield holder.pid
    finally:
        holder.communicate("", timeout=10)


@pytest.fixture
def hold_file():
    """`with hold_file(path) as pid:` — the file is locked by process `pid` inside."""
    return _held_by_another_process


@pytest.fixture(scope="module")
def sample_export(tmp_path_factory) -> str:
    """The sample journal (dated NOW) exported as JSON: the export tests' usual file."""
    from coach import sample, transfer

    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    sample.write_sample(path, NOW)
    journal = db.open_journal(str(path))
    try:
        return transfer.export_json(journal.cursor(), now=NOW)
    finally:
        db.close_journal(str(path))


@pytest.fixture
def app_journal(tmp_path, monkeypatch) -> Path:
    """The journal file AppTest's pages open (COACH_DB), closed after the test."""
    database = tmp_path / "journal.duckdb"
    monkeypatch.setenv("COACH_DB", str(database))
    monkeypatch.setenv("COACH_SAMPLE_DB", str(tmp_path / "sample.duckdb"))
    yield database
    db.close_journal(str(database))


@pytest.fixture
def page_runs(monkeypatch) -> list[str]:
    """The pages whose script has run (`coach_ui.frame.start`) in AppTest, in order."""
    from coach_ui import frame

    runs: list[str] = []
    start = frame.start
    monkeypatch.setattr(frame, "start", lambda key: runs.append(key) or start(key))
    return runs

"""Shared fixtures: real DuckDB journal files in tmp_path, and a fixed 'now'."""

from __future__ import annotations

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

"""Journals made with each released schema open with today's code, nothing lost."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coach import backups, db, predictions, transfer
from coach.likely import likely_questions

FIXTURES = Path(__file__).parent / "fixtures"
# Every released schema has its journal-vN fixture (fixtures/README.md).
RELEASED = [1, 2, 3, 4, 5]


def unpack(tmp_path: Path, version: int = 1) -> Path:
    path = tmp_path / "journal.duckdb"
    with (
        gzip.open(FIXTURES / f"journal-v{version}.duckdb.gz", "rb") as src,
        open(path, "wb") as dst,
    ):
        shutil.copyfileobj(src, dst)
    return path


def exported(version: int) -> dict[str, list[dict]]:
    return json.loads((FIXTURES / f"journal-v{version}.json").read_text())["tables"]


def assert_every_value_kept(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> None:
    for table, rows in before.items():
        # Later migrations may add columns; every value the release wrote stays.
        kept = [{column: row[column] for column in rows[0]} for row in after[table]] if rows else []
        assert kept == rows, table


@pytest.mark.parametrize("version", RELEASED)
def test_a_journal_of_every_released_schema_opens_migrated_with_every_value_kept(tmp_path, version):
    path = unpack(tmp_path, version)
    now = datetime(2026, 11, 25, tzinfo=UTC)
    journal = db.open_journal(str(path), now=now)
    try:
        cur = journal.cursor()
        assert db.read_version(cur) == db.schema_version()
        after = transfer.export_document(cur, now=now)["tables"]
    finally:
        db.close_journal(str(path))
    assert_every_value_kept(exported(version), after)


@pytest.mark.parametrize("version", [1, 2])
def test_a_journal_made_before_predictions_keeps_a_brief_s_prediction_once_opened(
    tmp_path, version
):
    path = unpack(tmp_path, version)
    made = datetime(2026, 3, 16, 18, 30, tzinfo=UTC)  # when the fixtures were made
    journal = db.open_journal(str(path), now=made)
    try:
        cur = journal.cursor()
        upcoming = cur.execute(
            "SELECT id FROM interviews WHERE scheduled_at > ? ORDER BY scheduled_at LIMIT 1",
            [made],
        ).fetchone()[0]
        brief = likely_questions(cur, upcoming, made)
        assert brief.count > 0
        assert predictions.keep_due(journal, brief, made, shown=True) == "shown"
        tables = transfer.export_document(cur, now=made)["tables"]
    finally:
        db.close_journal(str(path))
    assert len(tables["predictions"]) == 1
    assert len(tables["predicted_questions"]) == len(brief.questions)


@pytest.mark.parametrize("version", [1, RELEASED[-1]])
def test_a_future_migration_backs_the_old_journal_up_and_keeps_its_values(
    tmp_path, monkeypatch, version
):
    from coach import migrations

    def m_next_example(cur):
        cur.execute("ALTER TABLE companies ADD COLUMN website VARCHAR")

    monkeypatch.setattr(db, "MIGRATIONS", [*migrations.MIGRATIONS, m_next_example])
    path = unpack(tmp_path, version)
    now = datetime(2026, 11, 25, tzinfo=UTC)
    journal = db.open_journal(str(path), now=now)
    try:
        after = transfer.export_document(journal.cursor(), now=now)["tables"]
    finally:
        db.close_journal(str(path))
    assert {b.reason for b in backups.list_backups(str(path))} == {
        f"before-v{version + 1}",
        "daily",
    }
    before = exported(version)
    assert_every_value_kept(before, after)
    assert [row["website"] for row in after["companies"]] == [None] * len(before["companies"])

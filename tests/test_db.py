"""The journal database: migrations, versions, locks, backups, conflicts."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

from coach import db, migrations
from coach.errors import JournalLocked, JournalTooNew, NotAJournal

DOMAIN_TABLES = {
    "actions",
    "answers",
    "asks",
    "cards",
    "companies",
    "dimensions",
    "interviews",
    "journal_meta",
    "predicted_questions",
    "predictions",
    "questions",
    "rehearsals",
    "reviews",
    "schema_migrations",
    "settings",
    "stories",
    "story_uses",
    "transcripts",
}


def tables(cur) -> set[str]:
    rows = cur.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {row[0] for row in rows}


def schema_dump(cur) -> list:
    return cur.execute(
        "SELECT table_name, column_name, data_type, is_nullable, column_default "
        "FROM information_schema.columns ORDER BY ALL"
    ).fetchall()


def test_migrations_on_a_blank_database_create_the_whole_domain_model(tmp_path):
    con = db.connect(str(tmp_path / "blank.duckdb"))
    applied = db.migrate(con, str(tmp_path / "blank.duckdb"))
    assert applied == list(range(1, len(migrations.MIGRATIONS) + 1))
    assert tables(con) == DOMAIN_TABLES


def test_the_schema_version_is_recorded(cur):
    assert db.read_version(cur) == db.schema_version()
    names = cur.execute("SELECT name FROM schema_migrations ORDER BY version").fetchall()
    assert names[0] == ("m001_journal",)


def test_running_migrations_twice_changes_nothing(tmp_path):
    path = str(tmp_path / "twice.duckdb")
    con = db.connect(path)
    db.migrate(con, path)
    before = schema_dump(con)
    assert db.migrate(con, path) == []
    assert schema_dump(con) == before
    assert con.execute("SELECT count(*) FROM dimensions").fetchone()[0] == 7


def test_a_file_from_a_newer_version_is_refused_and_left_unchanged(tmp_path):
    path = str(tmp_path / "newer.duckdb")
    con = db.connect(path)
    db.migrate(con, path)
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (99, 'm099_future')")
    con.close()
    before = Path(path).read_bytes()
    with pytest.raises(JournalTooNew, match="newer version of Interview Coach"):
        db.open_journal(path)
    assert Path(path).read_bytes() == before


def test_a_database_of_another_program_is_not_taken_for_a_journal(tmp_path):
    path = str(tmp_path / "other.duckdb")
    con = duckdb.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.close()
    with pytest.raises(NotAJournal, match="not an Interview Coach journal"):
        db.open_journal(path)


def test_a_file_held_by_another_process_gives_a_message_naming_it(tmp_path, hold_file):
    path = str(tmp_path / "locked.duckdb")
    with hold_file(path) as pid, pytest.raises(JournalLocked) as caught:
        db.open_journal(path)
    message = str(caught.value)
    assert f"PID {pid}" in message
    assert "python" in message
    assert "only one program" in message


def test_a_journal_is_backed_up_before_it_is_migrated(tmp_path, monkeypatch, now):
    path = str(tmp_path / "old.duckdb")
    con = db.connect(path)
    db.migrate(con, path)
    con.execute("INSERT INTO companies (name) VALUES ('Acme')")
    con.close()

    def m_next_example(cur):
        cur.execute("ALTER TABLE companies ADD COLUMN website VARCHAR")

    current = len(migrations.MIGRATIONS)
    monkeypatch.setattr(db, "MIGRATIONS", [*migrations.MIGRATIONS, m_next_example])
    con = db.connect(path)
    assert db.migrate(con, path, now=now) == [current + 1]
    con.close()

    backups = list((tmp_path / "backups").glob(f"old-*-before-v{current + 1}.duckdb"))
    assert len(backups) == 1
    copy = duckdb.connect(str(backups[0]), read_only=True)
    assert copy.execute("SELECT name FROM companies").fetchall() == [("Acme",)]
    assert copy.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == current


def test_a_failing_migration_leaves_the_journal_at_its_old_version(tmp_path, monkeypatch):
    path = str(tmp_path / "failing.duckdb")
    con = db.connect(path)
    db.migrate(con, path)

    def m_next_broken(cur):
        cur.execute("ALTER TABLE companies ADD COLUMN website VARCHAR")
        cur.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(db, "MIGRATIONS", [*migrations.MIGRATIONS, m_next_broken])
    with pytest.raises(duckdb.CatalogException):
        db.migrate(con, path)
    assert db.read_version(con) == len(migrations.MIGRATIONS)
    columns = [row[0] for row in con.execute("DESCRIBE companies").fetchall()]
    assert "website" not in columns


def test_one_journal_object_serves_the_whole_process(journal_path):
    first = db.open_journal(str(journal_path))
    try:
        assert db.open_journal(str(journal_path)) is first
    finally:
        db.close_journal(str(journal_path))


def test_a_write_conflict_is_retried_until_it_succeeds(journal):
    journal.write(lambda cur: cur.execute("INSERT INTO companies (id, name) VALUES (1, 'Acme')"))
    attempts = []

    def rename(cur):
        attempts.append(1)
        cur.execute("SELECT * FROM companies").fetchall()
        if len(attempts) == 1:
            # Another tab saves the same row between our read and our write.
            other = journal.cursor()
            other.execute("UPDATE companies SET name = 'Acme (other tab)' WHERE id = 1")
            other.close()
        cur.execute("UPDATE companies SET name = 'Acme Ltd' WHERE id = 1")

    journal.write(rename)
    assert len(attempts) == 2
    cur = journal.cursor()
    assert cur.execute("SELECT name FROM companies").fetchone() == ("Acme Ltd",)


def test_a_write_that_keeps_conflicting_reports_the_conflict(journal):
    journal.write(lambda cur: cur.execute("INSERT INTO companies (id, name) VALUES (1, 'Acme')"))

    def always_conflicting(cur):
        cur.execute("SELECT * FROM companies").fetchall()
        other = journal.cursor()
        other.execute("UPDATE companies SET name = name || ' (other tab)' WHERE id = 1")
        other.close()
        cur.execute("UPDATE companies SET name = 'Acme Ltd' WHERE id = 1")

    with pytest.raises(duckdb.TransactionException, match="Conflict"):
        journal.write(always_conflicting, attempts=3)


def test_the_constraints_refuse_values_outside_the_vocabulary(cur):
    cur.execute("INSERT INTO companies (id, name) VALUES (1, 'Acme')")
    with pytest.raises(duckdb.ConstraintException):
        cur.execute("UPDATE companies SET kind = 'dream' WHERE id = 1")
    with pytest.raises(duckdb.ConstraintException):
        cur.execute(
            "INSERT INTO interviews (company_id, scheduled_at, outcome) "
            "VALUES (1, now(), 'ghosted')"
        )
    with pytest.raises(duckdb.ConstraintException):
        cur.execute("INSERT INTO interviews (company_id, scheduled_at) VALUES (42, now())")


def test_coach_db_overrides_the_default_database(monkeypatch, tmp_path):
    monkeypatch.setenv("COACH_DB", ":memory:")
    assert db.default_database() == ":memory:"
    monkeypatch.delenv("COACH_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert db.default_database() == str(tmp_path / "interview-coach" / "coach.duckdb")


# -- the file alone holds every committed write --------------------------------------


def wal_size(path) -> int:
    # stat only: opening the journal file here would drop DuckDB's lock (FACTS.md)
    wal = Path(f"{path}.wal")
    return wal.stat().st_size if wal.exists() else 0


def test_every_write_is_in_the_journal_file_when_write_returns(journal, journal_path):
    journal.write(lambda cur: cur.execute("INSERT INTO companies (name) VALUES ('Acme')"))
    assert wal_size(journal_path) == 0


def test_a_checkpoint_that_other_readers_defer_is_retried_within_seconds(journal, journal_path):
    journal.wait_for_backup()
    journal.write(lambda cur: cur.execute("INSERT INTO companies (name) VALUES ('Acme')"))
    reader = journal.cursor()
    reader.execute("BEGIN TRANSACTION")
    reader.execute("SELECT count(*) FROM companies").fetchall()
    journal.write(lambda cur: cur.execute("UPDATE companies SET notes = 'while reading'"))
    assert wal_size(journal_path) > 0  # DuckDB cannot checkpoint under this reader
    reader.execute("COMMIT")
    deadline = time.monotonic() + db.CHECKPOINT_RETRY_SECONDS * 5
    while wal_size(journal_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert wal_size(journal_path) == 0


def test_closing_every_journal_checkpoints_each_one(tmp_path, now):
    paths = [tmp_path / "one.duckdb", tmp_path / "two.duckdb"]
    readers = []
    for path in paths:
        journal = db.open_journal(str(path), now=now)
        journal.wait_for_backup()
        reader = journal.cursor()
        reader.execute("BEGIN TRANSACTION")
        reader.execute("SELECT count(*) FROM companies").fetchall()
        journal.write(lambda cur: cur.execute("INSERT INTO companies (name) VALUES ('Acme')"))
        journal.write(lambda cur: cur.execute("UPDATE companies SET notes = 'last'"))
        reader.execute("COMMIT")
        readers.append(reader)
    db.close_all()
    for path in paths:
        assert not Path(f"{path}.wal").exists()
        copy = duckdb.connect(str(path), read_only=True)
        assert copy.execute("SELECT notes FROM companies").fetchall() == [("last",)]
        copy.close()


def test_closing_waits_for_a_query_still_running_in_another_thread(journal_path, now):
    # The app stopping while a page still reads: DuckDB refuses to close a connection
    # whose cursor is busy, and a thread left inside DuckDB at exit aborts the process.
    import threading

    journal = db.open_journal(str(journal_path), now=now)
    journal.wait_for_backup()
    cur = journal.cursor()
    started, result = threading.Event(), []

    def read() -> None:
        started.set()
        result.append(
            cur.execute("SELECT count(*) FROM range(300000000) t(i) WHERE i % 7 = 3").fetchone()
        )

    reading = threading.Thread(target=read)
    reading.start()
    started.wait()
    time.sleep(0.2)
    db.close_journal(str(journal_path))
    reading.join()
    assert result and result[0][0] > 0

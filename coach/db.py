"""The journal database: where it lives, opening it, migrating it, backing it up.

One `Journal` per database per process owns the DuckDB connection. Every page run
and every thread takes its own `cursor()` (a shared connection raises "connection is
busy"). Writes go through `Journal.write`, which retries DuckDB's optimistic
"Conflict on update" errors and counts the writes, so `Journal.remember` can keep
costly reads until the next one (coach.memo).

The file alone holds every committed write (docs/durability.md): DuckDB keeps a
commit in `<journal>.wal` until a checkpoint copies it into the file, so a copy of
the file made after the app stopped any way but a clean exit lacked the latest
work. `Journal.write` checkpoints after each commit (4-12 ms measured); when other
transactions keep DuckDB from checkpointing at that moment, a background thread
retries every `CHECKPOINT_RETRY_SECONDS` until it succeeds. Closing a journal
checkpoints too, and `close_all` runs at interpreter exit and when the app's
server stops (coach_ui.server.lifespan).
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import duckdb
import platformdirs

from coach import backups, failures, i18n
from coach.errors import (
    BackupFailed,
    DiskFull,
    JournalError,
    JournalLocked,
    JournalTooNew,
    NotAJournal,
)
from coach.i18n import _
from coach.memo import Memo
from coach.migrations import MIGRATIONS

APP_NAME = "interview-coach"
CHECKPOINT_RETRY_SECONDS = 1.0
CLOSE_WAIT_SECONDS = 10.0  # for a page's query to finish when the app stops
_UNKNOWN = object()
log = logging.getLogger(__name__)
T = TypeVar("T")


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database() -> str:
    """`COACH_DB` if set (any DuckDB database string), else coach.duckdb in the data folder."""
    return os.environ.get("COACH_DB") or str(data_dir() / "coach.duckdb")


def sample_database() -> str:
    """Where the sample journal lives: `COACH_SAMPLE_DB`, else sample.duckdb in the data folder.

    Always its own file, so sample data never enters the candidate's journal.
    """
    return os.environ.get("COACH_SAMPLE_DB") or str(data_dir() / "sample.duckdb")


def is_file_database(database: str) -> bool:
    return database != ":memory:" and ":" not in database.split("/")[0]


def schema_version() -> int:
    """The schema version this code writes."""
    return len(MIGRATIONS)


def connect(database: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a raw DuckDB connection, translating lock errors into `JournalLocked`."""
    try:
        if is_file_database(database):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(database, read_only=read_only)
    except (duckdb.Error, OSError) as error:
        if isinstance(error, duckdb.IOException) and "lock" in str(error).lower():
            raise JournalLocked(_locked_message(database, str(error))) from error
        explained = failures.explain(error, database)
        if explained is not None:
            raise explained from error
        raise JournalError(
            _("Could not open the journal {database}: {error}").format(
                database=database, error=error
            )
        ) from error
    # TIMESTAMPTZ values come back in UTC, whatever the machine's zone.
    con.execute("SET TimeZone = 'UTC'")
    return con


def _locked_message(database: str, error: str) -> str:
    match = re.search(r"PID (\d+)", error)
    holder = _("another program")
    if match:
        pid = int(match.group(1))
        holder = _("another program (PID {pid}{process})").format(
            pid=pid, process=_describe_process(pid)
        )
    return _(
        "The journal {database} is open in {holder}. DuckDB lets only one program "
        "use a journal file at a time. Close that program — if it is Interview Coach, "
        "stop it with Ctrl+C in its terminal or use its browser tab — then try again."
    ).format(database=database, holder=holder)


def _describe_process(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    words = [w.decode(errors="replace") for w in raw.split(b"\0") if w]
    if not words:
        return ""
    command = " ".join(Path(words[0]).name if i == 0 else w for i, w in enumerate(words))
    # `coach app` and scripts/run start `python -m coach_ui.server.launch`; by hand it is
    # `streamlit run …`.
    if "coach_ui.server.launch" in command or "streamlit" in command:
        return _(": the Interview Coach app, `{command}`").format(command=command[:120])
    return f": `{command[:120]}`"


@contextmanager
def transaction(cur: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    cur.execute("BEGIN TRANSACTION")
    try:
        yield cur
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    cur.execute("COMMIT")


def read_version(cur: duckdb.DuckDBPyConnection) -> int:
    """The journal's schema version: 0 for a blank database."""
    tables = {
        row[0]
        for row in cur.execute(
            # The journal's own catalogue only: a backup being copied is attached beside it.
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_catalog = current_database() AND table_schema = 'main'"
        ).fetchall()
    }
    if "schema_migrations" not in tables:
        if tables:
            raise NotAJournal(
                _(
                    "This database already holds other tables and is not an Interview "
                    "Coach journal; choose another file."
                )
            )
        return 0
    return cur.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(
    con: duckdb.DuckDBPyConnection, database: str, *, now: datetime | None = None
) -> list[int]:
    """Apply pending migrations, each in its own transaction; return their numbers.

    A file that already holds a journal is backed up before the first migration.
    """
    version = read_version(con)
    if version > schema_version():
        raise JournalTooNew(
            _(
                "The journal {database} was written by a newer version of Interview Coach "
                "(schema {version}; this version knows up to {known}). Update "
                "Interview Coach to open it; the file has not been changed."
            ).format(database=database, version=version, known=schema_version())
        )
    pending = list(range(version + 1, schema_version() + 1))
    if not pending:
        return []
    if version > 0 and is_file_database(database):
        backups.backup_file(
            con, database, reason=f"before-v{pending[0]}", now=now or datetime.now(UTC)
        )
    if version == 0:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
            " applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)"
        )
    for number in pending:
        step = MIGRATIONS[number - 1]
        with transaction(con):
            step(con)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                [number, step.__name__],
            )
    return pending


def is_conflict(error: Exception) -> bool:
    return isinstance(error, duckdb.TransactionException) and "conflict" in str(error).lower()


class Journal:
    """An open journal: owns the process's connection to one database."""

    def __init__(self, database: str, connection: duckdb.DuckDBPyConnection) -> None:
        self.database = database
        self._connection = connection
        self._lock = threading.Lock()
        self._daily_backup: threading.Thread | None = None
        self.generation = 0  # writes so far: remembered reads are kept per generation
        self._memo = Memo()
        self._checkpoints = _Checkpoints(self) if is_file_database(database) else None
        # Set when DuckDB stopped using this connection (a checkpoint cut short by a full
        # disk): committed writes are safe in the .wal, and open_journal opens it again,
        # so the next page run carries on with a journal DuckDB uses again.
        self.stopped_by: BaseException | None = None
        # The last backup outcome in this process: a failure shows even when the
        # journal cannot record it (a full disk). _UNKNOWN: ask the journal.
        self._backup_failure: backups.Failure | None | object = _UNKNOWN

    def start_daily_backup(self, now: datetime) -> None:
        """Keep today's backup copy in the background (coach.backups.daily_backup).

        Off the first page's path: copying a ten-year journal takes seconds. DuckDB
        copies from a snapshot, so pages may read and write meanwhile. A failure is
        recorded for Home and Your data to show (`backup_failure`).
        """

        def run() -> None:
            cur = self.cursor()
            try:
                made = backups.daily_backup(cur, self.database, now=now)
            except Exception as error:  # a failed backup must never take the app down
                if not isinstance(error, BackupFailed):
                    error = backups.failed(error, backups.backup_dir(self.database))
                self._backup_outcome(now, "daily", error)
            else:
                if made is not None:
                    self._backup_outcome(now, "daily", None)
            finally:
                cur.close()

        self._daily_backup = threading.Thread(target=run, name="coach-daily-backup", daemon=True)
        self._daily_backup.start()

    def wait_for_backup(self) -> None:
        if self._daily_backup is not None:
            self._daily_backup.join()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for one script run or one thread; cheap (about 0.4 ms)."""
        with self._lock:
            return self._connection.cursor()

    def write(self, work: Callable[[duckdb.DuckDBPyConnection], T], *, attempts: int = 5) -> T:
        """Run `work(cursor)` in one transaction, retrying write conflicts.

        Concurrent updates of one row do not wait in DuckDB: all but one fail with
        "Conflict on update". Retrying with a short back-off resolves two tabs saving
        at once; after `attempts` the error reaches the caller.
        """
        cur = self.cursor()
        try:
            for attempt in range(1, attempts + 1):
                try:
                    with transaction(cur):
                        result = work(cur)
                except (duckdb.Error, OSError) as error:
                    if is_conflict(error) and attempt < attempts:
                        time.sleep(0.02 * attempt)
                        continue
                    if failures.stops_the_journal(error):
                        self.stopped_by = error  # open_journal opens it again
                    # A full disk or a damaged file as its sentence; any other error as is.
                    explained = failures.explain(error, self.database)
                    if explained is None:
                        raise
                    raise explained from error
                if self._checkpoints is not None:
                    self._checkpoints.after_commit(cur)
                if self.stopped_by is not None:  # committed, but the journal must reopen
                    explained = failures.explain(self.stopped_by, self.database)
                    if isinstance(explained, DiskFull):
                        explained = failures.disk_full(self.database, saved=True)
                    raise (explained or self.stopped_by) from self.stopped_by
                return result
            raise AssertionError("unreachable")
        finally:
            cur.close()
            self.forget()  # after the commit (or the rollback: forgetting then is harmless)

    def checkpoint(self) -> bool:
        """Copy committed writes from the .wal into the journal file now; False if DuckDB
        cannot at this moment (other transactions are running)."""
        if self._checkpoints is None:
            return True
        cur = self.cursor()
        try:
            return self._checkpoints.run(cur)
        finally:
            cur.close()

    def forget(self) -> None:
        """Drop the remembered reads: every write does; the bench does to time a page
        as after a save."""
        with self._lock:
            self.generation += 1

    def remember(self, read: Callable[..., T], *args, **kwargs) -> T:
        """`read(cursor, *args, **kwargs)`, run once until the journal's next write.

        The arguments must be hashable, and a read that depends on the time must be
        given it (a page passes the minute, so reads are kept for a minute at most).
        """
        generation = self.generation  # before the read: see coach.memo
        # Reads that word things (reasons, the brief) are kept per language: the cache is
        # shared by every browser session, and two sessions may speak different ones.
        key = (
            generation,
            i18n.current(),
            read.__module__,
            read.__qualname__,
            args,
            tuple(sorted(kwargs.items())),
        )

        def run() -> T:
            cur = self.cursor()
            try:
                return read(cur, *args, **kwargs)
            finally:
                cur.close()

        return self._memo.get(key, run)

    def meta(self, key: str) -> str | None:
        cur = self.cursor()
        try:
            row = cur.execute("SELECT value FROM journal_meta WHERE key = ?", [key]).fetchone()
        finally:
            cur.close()
        return row[0] if row else None

    def backup(self, *, now: datetime, reason: str = "manual") -> Path:
        """Copy the journal file into backups/ beside it (see coach.backups).

        Raises BackupFailed, recorded as the last failure until a backup succeeds."""
        if not is_file_database(self.database):
            raise JournalError(
                _("{database} is not a file, so it cannot be copied.").format(
                    database=self.database
                )
            )
        cur = self.cursor()
        try:
            made = backups.backup_file(cur, self.database, reason=reason, now=now)
        except BackupFailed as error:
            self._backup_outcome(now, reason, error)
            raise
        finally:
            cur.close()
        self._backup_outcome(now, reason, None)
        return made

    def backup_failure(self) -> backups.Failure | None:
        """The last backup that failed, unless one has succeeded since."""
        if self._backup_failure is not _UNKNOWN:
            return self._backup_failure  # type: ignore[return-value]
        cur = self.cursor()
        try:
            return backups.last_failure(cur)
        finally:
            cur.close()

    def _backup_outcome(self, now: datetime, reason: str, error: BackupFailed | None) -> None:
        failure = (
            backups.Failure(now, reason, str(error), error.cause, error.folder, error.detail)
            if error is not None
            else None
        )
        if failure is None and self.backup_failure() is None:
            self._backup_failure = None
            return  # nothing recorded to clear: no write
        self._backup_failure = failure
        try:
            self.write(
                lambda cur: (
                    backups.record_failure(cur, failure) if failure else backups.clear_failure(cur)
                )
            )
        except (duckdb.Error, JournalError) as problem:  # e.g. the same full disk
            log.info("Could not record the backup outcome in %s: %s", self.database, problem)

    @property
    def is_sample(self) -> bool:
        return self.meta("kind") == "sample"

    def close(self) -> None:
        """Wait for a backup still copying, checkpoint, and close the connection.

        A page still running a query when the app stops holds one of the connection's
        cursors, and DuckDB refuses to close it meanwhile ("connection is busy"): the
        close waits for the query (up to CLOSE_WAIT_SECONDS) rather than leave a thread
        inside DuckDB as the process exits, which aborts it.
        """
        self.wait_for_backup()
        if self._checkpoints is not None:
            self._checkpoints.stop()
        with self._lock:
            # Closing checkpoints as well; asking first makes a failure visible in the log.
            try:
                self._connection.execute("CHECKPOINT")
            except duckdb.Error as error:
                log.warning("The last checkpoint of %s failed: %s", self.database, error)
            deadline = time.monotonic() + CLOSE_WAIT_SECONDS
            while True:
                try:
                    self._connection.close()
                    return
                except duckdb.Error as error:
                    if "busy" not in str(error).lower() or time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)


class _Checkpoints:
    """Checkpoints after commits, and retries of those DuckDB could not run at once."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._pending = threading.Event()
        self._stopping = threading.Event()
        self._retrying: threading.Thread | None = None
        self._guard = threading.Lock()  # one checkpoint at a time; none after stop()

    def after_commit(self, cur: duckdb.DuckDBPyConnection) -> None:
        if not self.run(cur):
            self._retry_soon()

    def run(self, cur: duckdb.DuckDBPyConnection) -> bool:
        with self._guard:
            if self._stopping.is_set():
                return False
            try:
                cur.execute("CHECKPOINT")
            except duckdb.Error as error:
                # Usually "other transactions are active" (a page reading, the daily
                # backup copying); then a retry follows. The commit itself is safe in
                # the .wal either way.
                if failures.stops_the_journal(error):
                    # Cut short (a full disk): DuckDB has stopped using the database
                    # until it is opened again, so no retry can succeed.
                    log.warning("Checkpoint of %s failed: %s", self._journal.database, error)
                    self._journal.stopped_by = error
                    self._stopping.set()
                else:
                    log.debug("Checkpoint of %s deferred: %s", self._journal.database, error)
                return False
            self._pending.clear()
            return True

    def _retry_soon(self) -> None:
        self._pending.set()
        with self._guard:
            if self._retrying is None and not self._stopping.is_set():
                self._retrying = threading.Thread(
                    target=self._retry, name="coach-checkpoint", daemon=True
                )
                self._retrying.start()

    def _retry(self) -> None:
        while not self._stopping.wait(CHECKPOINT_RETRY_SECONDS):
            if self._pending.is_set():
                self._journal.checkpoint()

    def stop(self) -> None:
        """No checkpoint after this one returns (the journal is closing)."""
        with self._guard:
            self._stopping.set()
            retrying = self._retrying
        if retrying is not None:
            retrying.join()


_journals: dict[str, Journal] = {}
_journals_lock = threading.Lock()


@atexit.register
def close_all() -> None:
    """Close every journal this process opened: each waits for its backup copy and
    checkpoints, so the files alone hold every write.

    Runs at interpreter exit (a daemon thread stopped inside DuckDB at exit would abort
    the process: "FATAL: exception not rethrown") and when the app's server stops.
    """
    with _journals_lock:
        journals = list(_journals.values())
        _journals.clear()
    for journal in journals:
        _close_quietly(journal)  # one journal's failure must not leave the others open


def _close_quietly(journal: Journal) -> None:
    try:
        journal.close()
    except Exception as error:
        log.warning("Closing %s failed: %s", journal.database, error)


def open_journal(database: str | None = None, *, now: datetime | None = None) -> Journal:
    """The process's journal for `database` (default: `default_database()`), migrated.

    Opened once per process and database; later calls return the same object. The
    first open of a day keeps a daily backup copy of a file journal (coach.backups).
    """
    database = database or default_database()
    key = _key(database)
    with _journals_lock:
        journal = _journals.get(key)
        if journal is not None and journal.stopped_by is not None:
            _journals.pop(key)
            _close_quietly(journal)  # DuckDB replays its .wal on the next open
            journal = None
        if journal is None:
            con = connect(database)
            try:
                now = now or datetime.now(UTC)
                if migrate(con, database, now=now) and is_file_database(database):
                    con.execute("CHECKPOINT")  # the upgraded file stands alone
                journal = Journal(database, con)
                # A sample journal can be rebuilt at will; it needs no backups.
                if is_file_database(database) and not journal.is_sample:
                    journal.start_daily_backup(now)
            except (duckdb.Error, OSError) as error:
                con.close()
                # Migrating writes: a full disk or a damaged block is met here first.
                explained = failures.explain(error, database)
                if explained is None:
                    raise
                raise explained from error
            except BaseException:
                con.close()
                raise
            _journals[key] = journal
        return journal


@contextmanager
def closed_for_replacement(database: str) -> Iterator[None]:
    """Close the process's journal for `database` and keep it closed for the block.

    For a restore from the app: the file is replaced inside the block, and a page run
    of another tab that opens the journal meanwhile waits, then opens the new file.
    """
    key = _key(database)
    with _journals_lock:
        journal = _journals.pop(key, None)
        if journal is not None:
            journal.close()
        yield


def _key(database: str) -> str:
    return str(Path(database).expanduser().resolve()) if is_file_database(database) else database


def close_journal(database: str) -> None:
    """Close and forget the process's journal for `database`, if open."""
    key = _key(database)
    with _journals_lock:
        journal = _journals.pop(key, None)
    if journal is not None:
        journal.close()

"""Restoring a backup: the backup's copy takes the journal file's place, safely.

What copying a backup over the journal by hand got wrong, and what this does instead:
- It refuses while another program (the app) holds the journal: replacing the file
  under a running app loses what the app writes next, and the app's .wal no longer
  matches the file ("WAL does not match database file" on every page).
- It keeps the journal as it is first, as a `before-restore` backup, so a restore
  can itself be undone. A journal that DuckDB cannot open or copy (a stale .wal from
  another file, damage) is kept byte for byte under that name instead, its .wal beside
  it under a name DuckDB does not read. So the command a damaged journal's sentence
  gives (coach.failures.corrupt) is this restore.
- It checks that the backup is an Interview Coach journal this version can open.
- It removes a stale `.wal` beside the journal, which belonged to the file replaced.
- The backup is copied beside the journal and renamed into place, so the journal
  file is at every moment either the old one or the whole backup.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from coach import backups, db, failures
from coach.errors import (
    BackupFailed,
    JournalCorrupt,
    JournalError,
    JournalLocked,
    RestoreRefused,
)
from coach.i18n import _

REASON = "before-restore"
AS_FOUND = ".wal-as-found"  # the .wal of a journal that could not be opened, kept


@dataclass(frozen=True)
class Restored:
    restored: Path  # the backup now in place
    kept: Path | None  # the journal as it was, kept as a backup (None: there was none)
    moved_aside: bool  # the old journal could not be opened and was kept as it was

    def describe(self, database: str) -> str:
        name = self.restored.name
        if self.kept is None:
            return _("Restored {name} as {database}. There was no journal file to keep.").format(
                name=name, database=database
            )
        if self.moved_aside:
            return _(
                "Restored {name} as {database}. The journal there before could not be "
                "opened, so it was kept as it was: {kept} (and its .wal, if it had one, "
                "as {wal})."
            ).format(name=name, database=database, kept=self.kept, wal=self.kept.name + AS_FOUND)
        return _("Restored {name} as {database}. The journal as it was is kept as {kept}.").format(
            name=name, database=database, kept=self.kept
        )


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def check_backup(backup: Path) -> int:
    """The schema version of `backup`; RestoreRefused unless it is a journal we can open."""
    if not backup.is_file():
        raise RestoreRefused(
            _("Nothing was restored: there is no backup file at {backup}.").format(backup=backup)
        )
    try:
        con = duckdb.connect(str(backup), read_only=True)
    except duckdb.Error as error:
        raise RestoreRefused(
            _(
                "Nothing was restored: {backup} could not be opened as a journal "
                "({error}). Choose another backup."
            ).format(backup=backup, error=str(error).splitlines()[0])
        ) from error
    try:
        version = db.read_version(con)
    except JournalError as error:
        raise RestoreRefused(
            _("Nothing was restored: {backup} is not a journal. {error}").format(
                backup=backup, error=error
            )
        ) from None
    finally:
        con.close()
    if version == 0:
        raise RestoreRefused(
            _("Nothing was restored: {backup} is an empty database.").format(backup=backup)
        )
    if version > db.schema_version():
        raise RestoreRefused(
            _(
                "Nothing was restored: {backup} was written by a newer version of Interview "
                "Coach. Update Interview Coach to restore it."
            ).format(backup=backup)
        )
    return version


def restore(database: str, backup: str | os.PathLike[str], *, now: datetime) -> Restored:
    """Put `backup` in place of the journal file `database`; see the module docstring.

    The journal must not be open, in this process or another (the app closes its own
    connection first). Raises RestoreRefused, with the journal left as it was.
    """
    journal = Path(database).expanduser()
    chosen = Path(backup).expanduser()
    if not db.is_file_database(database):
        raise RestoreRefused(
            _("Nothing was restored: {database} is not a file.").format(database=database)
        )
    if chosen.resolve() == journal.resolve():
        raise RestoreRefused(_("Nothing was restored: that is the journal itself, not a backup."))
    check_backup(chosen)
    incoming = journal.with_name(f".{journal.name}.restoring")
    incoming.unlink(missing_ok=True)
    try:
        shutil.copyfile(chosen, incoming)  # the backup is no open journal: a plain copy
        _sync(incoming)
        kept, moved_aside = _keep_and_replace(database, journal, incoming, now)
    finally:
        incoming.unlink(missing_ok=True)
    _forget_backup_failure(journal)
    return Restored(chosen, kept, moved_aside)


def _keep_and_replace(
    database: str, journal: Path, incoming: Path, now: datetime
) -> tuple[Path | None, bool]:
    if not journal.exists():
        _wal(journal).unlink(missing_ok=True)
        os.replace(incoming, journal)
        return None, False
    try:
        con = db.connect(database)  # takes DuckDB's lock: no app can open it meanwhile
    except JournalLocked as error:
        raise RestoreRefused(_("Nothing was restored. {error}").format(error=error)) from error
    except (JournalError, duckdb.Error):  # e.g. "WAL does not match database file"
        return _move_aside(journal, incoming, now), True
    try:
        try:
            db.read_version(con)
        except JournalError as error:
            raise RestoreRefused(_("Nothing was restored. {error}").format(error=error)) from None
        kept = backups.backup_file(con, database, reason=REASON, now=now)
        con.execute("CHECKPOINT")
    except (BackupFailed, duckdb.Error) as error:
        # A journal damaged inside (a table's block fails DuckDB's checks) opens, but
        # cannot be copied through DuckDB: it is kept byte for byte instead.
        if _is_damage(error, database):
            kept = None
        elif isinstance(error, BackupFailed):  # the journal could not be kept first
            raise RestoreRefused(_("Nothing was restored. {error}").format(error=error)) from error
        else:
            raise
    finally:
        con.close()  # the lock goes here; the swap follows at once
    if kept is None:
        return _move_aside(journal, incoming, now), True
    os.replace(incoming, journal)
    _wal(journal).unlink(missing_ok=True)  # a clean close leaves none; never keep a stale one
    return kept, False


def _is_damage(error: BaseException, database: str) -> bool:
    cause = error.__cause__ if isinstance(error, BackupFailed) else error
    return cause is not None and isinstance(failures.explain(cause, database), JournalCorrupt)


def _move_aside(journal: Path, incoming: Path, now: datetime) -> Path:
    """Keep a journal DuckDB cannot open exactly as it is, .wal and all."""
    folder = backups.backup_dir(str(journal))
    folder.mkdir(parents=True, exist_ok=True)
    stamp = f"{now.astimezone(UTC):%Y%m%dT%H%M%S}"
    kept = folder / f"{journal.stem}-{stamp}-{REASON}.duckdb"
    shutil.copyfile(journal, kept)  # nobody holds it: DuckDB could not even open it
    if _wal(journal).exists():
        # Kept under a name DuckDB does not read, so the kept file still opens alone.
        shutil.copyfile(_wal(journal), kept.with_name(kept.name + AS_FOUND))
    _sync(kept)
    os.replace(incoming, journal)
    _wal(journal).unlink(missing_ok=True)
    return kept


def _sync(path: Path) -> None:
    with open(path, "rb+") as file:
        os.fsync(file.fileno())


def _forget_backup_failure(journal: Path) -> None:
    """A backup failure recorded in the restored copy was about its old folder's state."""
    try:
        con = db.connect(str(journal))
    except JournalError:
        return  # opened by the app already: it shows the failure until a backup succeeds
    try:
        backups.clear_failure(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()

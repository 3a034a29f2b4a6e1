"""What went wrong, as a sentence: DuckDB's and the system's errors turned into
`JournalError`s that say what happened and what to do.

DuckDB reports a damaged file or a full disk in its own words, with file paths and
checksums; the person needs to know that nothing was saved, how much room to make, or
which backup to restore and the exact command that does it.
"""

from __future__ import annotations

import errno
import shlex
import shutil
import sys
from pathlib import Path

import duckdb

from coach import backups, wording
from coach.errors import DiskFull, JournalCorrupt, JournalError
from coach.i18n import N_, _, ngettext

# DuckDB grows the write-ahead log by the change, and a checkpoint may rewrite as much as
# the whole journal: room for the journal once more (and never less than this) is enough.
MIN_ROOM = 64_000_000


def explain(error: BaseException, database: str) -> JournalError | None:
    """The sentence for `error` met while using `database`, or None if it is not one we
    know (a bug: the caller lets it surface)."""
    if isinstance(error, JournalError):
        return error
    if isinstance(error, OSError) and not _about_journal(error, database):
        return None  # another file (an export's target, say): its own message says which
    text = str(error)
    if _is_disk_full(error, text):
        return disk_full(database)
    reason = _unwritable_reason(error, text)
    if reason:
        return unwritable(database, reason)
    if isinstance(error, duckdb.Error) and (
        "corrupt database file" in text.lower() or "not a valid duckdb database" in text.lower()
    ):
        return corrupt(database)
    return None


def _is_disk_full(error: BaseException, text: str) -> bool:
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    return isinstance(error, duckdb.Error) and "no space left on device" in text.lower()


def stops_the_journal(error: BaseException) -> bool:
    """Whether DuckDB has stopped using the journal after `error` until it is opened
    again: a checkpoint cut short (by a full disk, after a commit or inside a large one)
    invalidates the open database."""
    return isinstance(error, duckdb.FatalException) or (
        "database has been invalidated" in str(error).lower()
    )


def _about_journal(error: OSError, database: str) -> bool:
    """Whether a system error concerns the journal's files (the journal, its write-ahead
    log) or its folder and the folders above it."""
    if not error.filename:
        return True
    journal = Path(database).expanduser().absolute()
    where = Path(str(error.filename)).expanduser().absolute()
    return journal.parent.is_relative_to(where) or (
        where.parent == journal.parent and where.name.startswith(journal.name)
    )


PERMISSION_DENIED = N_("permission denied")
READ_ONLY = N_("a read-only file system")
_UNWRITABLE = {
    errno.EACCES: PERMISSION_DENIED,
    errno.EPERM: PERMISSION_DENIED,
    errno.EROFS: READ_ONLY,
}


def _unwritable_reason(error: BaseException, text: str) -> str | None:
    if isinstance(error, OSError):
        return _UNWRITABLE.get(error.errno)
    if isinstance(error, duckdb.IOException):
        if "permission denied" in text.lower():
            return PERMISSION_DENIED
        if "read-only file system" in text.lower():
            return READ_ONLY
    return None


def unwritable(database: str, reason: str) -> JournalError:
    """`reason`: PERMISSION_DENIED or READ_ONLY (translated here, where it is said)."""
    folder = Path(database).expanduser().parent
    return JournalError(
        _(
            "Interview Coach cannot write to the folder {folder} ({reason}), where the "
            "journal {database} is kept. Make that folder writable, or set COACH_DB to a "
            "journal in a folder you can write to."
        ).format(folder=folder, reason=_(reason), database=database)
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _megabytes(size: float) -> str:
    if size >= 1e6:
        return _("{n} MB").format(n=wording.number(round(size / 1e6)))
    return _("{n} KB").format(n=wording.number(round(size / 1e3)))


def disk_full(database: str, *, saved: bool = False) -> DiskFull:
    """The sentence for a full disk: nothing was saved; or, `saved`, the change was
    committed (to the write-ahead log) before the disk filled up, and only copying it
    into the journal file was cut short."""
    path = Path(database).expanduser()
    folder = path.parent
    journal_size = _size(path) + _size(path.with_name(path.name + ".wal"))
    needed = max(MIN_ROOM, journal_size)
    try:
        free = _("{size} free now").format(size=_megabytes(shutil.disk_usage(folder).free))
    except OSError:
        free = _("no room left")
    if saved:
        return DiskFull(
            _(
                "Saved, but the disk that holds your journal ({folder}) is now full "
                "({free}). Free at least {needed} on it before you save anything else; "
                "everything saved until now, this too, is safe."
            ).format(folder=folder, free=free, needed=_megabytes(needed))
        )
    return DiskFull(
        _(
            "Nothing was saved: the disk that holds your journal ({folder}) ran out of "
            "space ({free}). Free at least {needed} on it, then try again; everything "
            "saved before is safe."
        ).format(folder=folder, free=free, needed=_megabytes(needed))
    )


def coach_command() -> str:
    """How a terminal runs this installation's `coach`: by name when that finds it (an
    installed tool, an activated .venv), else by the path of the script beside Python."""
    beside = Path(sys.executable).with_name("coach")
    found = shutil.which("coach")
    if found and (not beside.exists() or Path(found).resolve() == beside.resolve()):
        return "coach"
    if beside.exists():
        return shlex.quote(str(beside))
    return f"{shlex.quote(sys.executable)} -m coach"


def restore_command(backup: Path, database: str) -> str:
    """The command that puts `backup` in the journal's place: `coach restore`
    (coach.restore), which keeps the journal as it is first, as a backup of its own, and
    removes a stale .wal beside it."""
    journal = str(Path(database).expanduser())
    return f"{coach_command()} {shlex.join(['restore', str(backup), '--db', journal])}"


def corrupt(database: str) -> JournalCorrupt:
    found = [b for b in backups.list_backups(database) if b.path.exists()]
    if not found:
        return JournalCorrupt(
            _(
                "The journal {database} is damaged and cannot be read (its file fails "
                "DuckDB's checks). There is no backup of it in {folder}. Keep the damaged "
                "file, and restore a copy of it if you have one elsewhere."
            ).format(database=database, folder=backups.backup_dir(database))
        )
    newest = found[0]
    return JournalCorrupt(
        ngettext(
            "The journal {database} is damaged and cannot be read (its file fails "
            "DuckDB's checks). Its newest backup is {name}, taken {taken} UTC ({n} backup "
            "in {folder}). Stop Interview Coach, then restore it (the damaged file is "
            "kept in that folder as a before-restore backup):",
            "The journal {database} is damaged and cannot be read (its file fails "
            "DuckDB's checks). Its newest backup is {name}, taken {taken} UTC ({n} backups "
            "in {folder}). Stop Interview Coach, then restore it (the damaged file is "
            "kept in that folder as a before-restore backup):",
            len(found),
        ).format(
            database=database,
            name=newest.path.name,
            taken=f"{newest.taken_at:%Y-%m-%d %H:%M}",  # an ISO stamp reads the same in both
            n=len(found),
            folder=newest.path.parent,
        ),
        restore_command(newest.path, database),
    )

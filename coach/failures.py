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

from coach import backups
from coach.errors import DiskFull, JournalCorrupt, JournalError

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


_UNWRITABLE = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "a read-only file system",
}


def _unwritable_reason(error: BaseException, text: str) -> str | None:
    if isinstance(error, OSError):
        return _UNWRITABLE.get(error.errno)
    if isinstance(error, duckdb.IOException):
        for words in ("Permission denied", "Read-only file system"):
            if words.lower() in text.lower():
                return (
                    "permission denied"
                    if words == "Permission denied"
                    else "a read-only file system"
                )
    return None


def unwritable(database: str, reason: str) -> JournalError:
    folder = Path(database).expanduser().parent
    return JournalError(
        f"Interview Coach cannot write to the folder {folder} ({reason}), where the "
        f"journal {database} is kept. Make that folder writable, or set COACH_DB to a "
        "journal in a folder you can write to."
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _megabytes(size: float) -> str:
    return f"{size / 1e6:,.0f} MB" if size >= 1e6 else f"{size / 1e3:,.0f} KB"


def disk_full(database: str, *, saved: bool = False) -> DiskFull:
    """The sentence for a full disk: nothing was saved; or, `saved`, the change was
    committed (to the write-ahead log) before the disk filled up, and only copying it
    into the journal file was cut short."""
    path = Path(database).expanduser()
    folder = path.parent
    journal_size = _size(path) + _size(path.with_name(path.name + ".wal"))
    needed = max(MIN_ROOM, journal_size)
    try:
        free = f"{_megabytes(shutil.disk_usage(folder).free)} free now"
    except OSError:
        free = "no room left"
    if saved:
        return DiskFull(
            f"Saved, but the disk that holds your journal ({folder}) is now full ({free}). "
            f"Free at least {_megabytes(needed)} on it before you save anything else; "
            "everything saved until now, this too, is safe."
        )
    return DiskFull(
        f"Nothing was saved: the disk that holds your journal ({folder}) ran out of space "
        f"({free}). "
        f"Free at least {_megabytes(needed)} on it, then try again; everything saved "
        "before is safe."
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
    damaged = (
        f"The journal {database} is damaged and cannot be read (its file fails DuckDB's checks)."
    )
    if not found:
        return JournalCorrupt(
            f"{damaged} There is no backup of it in {backups.backup_dir(database)}. Keep the "
            "damaged file, and restore a copy of it if you have one elsewhere."
        )
    newest = found[0]
    return JournalCorrupt(
        f"{damaged} Its newest backup is {newest.path.name}, taken "
        f"{newest.taken_at:%Y-%m-%d %H:%M} UTC ({len(found)} backup"
        f"{'s' if len(found) != 1 else ''} in {newest.path.parent}). Stop Interview Coach, "
        "then restore it (the damaged file is kept in that folder as a before-restore "
        "backup):",
        restore_command(newest.path, database),
    )

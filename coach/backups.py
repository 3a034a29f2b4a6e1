"""Backup copies of the journal file, kept in a backups/ folder beside it.

Three kinds, told apart by the file name's last part:
- `before-vN`: taken before migrating to schema version N (kept for good);
- `daily`: taken on the first open of a day, the newest `DAILY_KEEP` kept;
- `manual`: taken on request (`coach backup`, or the app), kept for good;
- `before-restore`: the journal as it was, taken before a backup replaced it
  (coach.restore), kept for good.

A copy is written to a hidden `.partial` file and renamed when whole, so a copy cut
short is never taken for a backup; leftovers of copies cut short (by a crash, or a
full disk) are removed by the next backup. A backup that fails raises
`BackupFailed` with a sentence naming the folder and the reason, and the failure is
recorded in the journal (`record_failure`) until a later backup succeeds, so the
app can show it on Home and on *Your data* (a daily backup fails in the background,
where nobody would see an error).
"""

from __future__ import annotations

import contextlib
import errno
import json
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from coach.days import candidate_zone
from coach.errors import BackupFailed
from coach.i18n import N_, _

DAILY_KEEP = 7
FAILURE_KEY = "backup_failure"  # in journal_meta: the last failed backup, as JSON

# One copy at a time in this process: a daily and a manual backup never share the
# folder's leftovers, and only one program can hold the journal (DuckDB's lock).
_copying = threading.Lock()


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC, from the file name
    reason: str


@dataclass(frozen=True)
class Failure:
    """A backup that could not be made."""

    at: datetime
    reason: str  # the kind of backup: daily, manual, before-restore, ...
    message: str  # the sentence, in the language in use when it failed
    cause: str | None = None  # what `sentence` says it again from (None: an older record)
    folder: str = ""
    detail: str = ""

    def sentence(self) -> str:
        """The sentence shown to the candidate, in the language in use now."""
        if self.cause is None:
            return self.message
        return sentence(self.cause, self.folder, self.detail)

    def kind(self) -> str:
        return kind_label(self.reason)


def kind_label(reason: str) -> str:
    """A backup's kind as a person reads it: 'daily', 'before-v3' / '每日', '升级到第 3 版前'."""
    # English shows the kinds as the file names write them, as it always has.
    if reason.startswith("before-v") and reason[8:].isdigit():
        return _("before-v{n}").format(n=reason[8:])
    labels = {
        "daily": N_("daily"),
        "manual": N_("manual"),
        "before-restore": N_("before-restore"),
    }
    return _(labels[reason]) if reason in labels else reason


def backup_dir(database: str) -> Path:
    return Path(database).expanduser().parent / "backups"


def _partials(database: str) -> list[Path]:
    stem = Path(database).expanduser().stem
    folder = backup_dir(database)
    return [*folder.glob(f".{stem}-*.partial"), *folder.glob(f".{stem}-*.partial.wal")]


# Why a backup failed, as a key kept with a recorded failure, so the sentence is said
# in the language of whoever reads it later (the daily backup fails in the background).
DAMAGED, DENIED, FULL, READ_ONLY, IN_THE_WAY, OTHER = (
    "damaged", "denied", "full", "read-only", "in-the-way", "other"
)  # fmt: skip


def cause_of(error: BaseException) -> tuple[str, str]:
    """The kind of failure `error` is, and its own first line for one we do not know."""
    text = str(error)
    number = getattr(error, "errno", None)
    if "corrupt database file" in text.lower():  # a block DuckDB read failed its checks
        return DAMAGED, ""
    if number in (errno.EACCES, errno.EPERM) or "Permission denied" in text:
        return DENIED, ""
    if number == errno.ENOSPC or "No space left" in text:
        return FULL, ""
    if number == errno.EROFS or "Read-only file system" in text:
        return READ_ONLY, ""
    if number in (errno.ENOTDIR, errno.EEXIST) or isinstance(error, NotADirectoryError):
        return IN_THE_WAY, ""
    return OTHER, text.splitlines()[0] if text else type(error).__name__


def sentence(cause: str, folder: Path | str, detail: str = "") -> str:
    """A sentence naming the folder, what went wrong and what to do, in the language
    in use."""
    if cause == DAMAGED:
        return _(
            "The journal could not be backed up into {folder}: a part of the journal file "
            "is damaged (it fails DuckDB's checks), so a copy would be damaged too. The "
            "backups already there are kept: restore the newest under Restore a backup on "
            "Your data, or with `coach restore` while the app is stopped."
        ).format(folder=folder)
    reason, advice = {
        DENIED: (
            N_("this account may not write to that folder (permission denied)"),
            N_("make the folder writable (or delete it, so it is made again)"),
        ),
        FULL: (N_("the disk is full"), N_("free some space on that disk")),
        READ_ONLY: (
            N_("the disk is read-only"),
            N_("keep the journal on a disk that can be written to"),
        ),
        IN_THE_WAY: (
            N_("a file of that name is in the way of the folder"),
            N_("move that file away"),
        ),
    }.get(cause, (None, N_("check the folder")))
    return _(
        "The journal could not be backed up into {folder}: {reason} (the journal itself "
        "is unchanged); {advice}, then back up again on Your data or with `coach backup`."
    ).format(folder=folder, reason=_(reason) if reason else detail, advice=_(advice))


def failed(error: BaseException, folder: Path) -> BackupFailed:
    """The BackupFailed for `error`: its sentence, and what it is made of (Failure)."""
    cause, detail = cause_of(error)
    return BackupFailed(
        sentence(cause, folder, detail), cause=cause, folder=str(folder), detail=detail
    )


def backup_file(
    con: duckdb.DuckDBPyConnection, database: str, *, reason: str, now: datetime
) -> Path:
    """Copy the open journal into backups/ and return the copy's path.

    DuckDB writes the copy itself (COPY FROM DATABASE: tables, constraints, indexes and
    sequence positions, from one consistent snapshot). Copying the file with the
    operating system would open and close a second descriptor of it, and on Linux
    closing any descriptor of a file drops the process's POSIX locks on it: DuckDB's
    lock would be gone and a second program could open the journal at the same time.

    Raises BackupFailed, having removed what it began to write.
    """
    source = Path(database).expanduser()
    target_dir = backup_dir(database)
    stamp = f"{now.astimezone(UTC):%Y%m%dT%H%M%S}"
    target = target_dir / f"{source.stem}-{stamp}-{reason}.duckdb"
    partial = target.with_name(f".{target.name}.partial")
    with _copying:
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            for leftover in _partials(database):
                leftover.unlink(missing_ok=True)
            _copy(con, partial)
            partial.replace(target)  # a copy is either whole or absent
        except (OSError, duckdb.Error) as error:
            # A folder that cannot be written holds nothing of ours to remove.
            with contextlib.suppress(OSError):
                for leftover in _partials(database):
                    leftover.unlink(missing_ok=True)
            raise failed(error, target_dir) from error
    return target


def _copy(con: duckdb.DuckDBPyConnection, partial: Path) -> None:
    alias = f"coach_backup_{uuid.uuid4().hex}"
    catalog = con.execute("SELECT current_database()").fetchone()[0].replace('"', '""')
    quoted_path = str(partial).replace("'", "''")
    # ATTACH takes no parameters; the path is ours and quoted, the names are generated.
    con.execute(f"ATTACH '{quoted_path}' AS {alias}")
    try:
        con.execute(f'COPY FROM DATABASE "{catalog}" TO {alias}')
    finally:
        con.execute(f"DETACH {alias}")


def list_backups(database: str) -> list[Backup]:
    """The journal's backups, newest first."""
    stem = Path(database).expanduser().stem
    found = []
    try:
        paths = list(backup_dir(database).glob(f"{stem}-*.duckdb"))
    except OSError:  # a folder that cannot be read holds no backups we can use
        paths = []
    for path in paths:
        parts = path.stem.removeprefix(f"{stem}-").split("-", 1)
        if len(parts) != 2:
            continue
        try:
            taken_at = datetime.strptime(parts[0], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(path, taken_at, parts[1]))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def future_dated(database: str, now: datetime) -> list[Backup]:
    """Backups named with a time after `now`: made while the clock was ahead."""
    return [b for b in list_backups(database) if b.taken_at > now]


def daily_backup(
    con: duckdb.DuckDBPyConnection, database: str, *, now: datetime, keep: int = DAILY_KEEP
) -> Path | None:
    """On the first open of `now`'s day, back the journal up and keep the newest `keep`.

    The day is the candidate's (coach.days.candidate_zone): UTC's day turns at eight in
    the morning in Shanghai, and a copy made at seven was counted as the day before's.

    Returns the new copy, or None when today's copy already exists. Copies dated after
    `now` (made while the computer's clock was ahead) are kept and not counted: counted,
    they would push every later copy out of the newest `keep` the day it was made.
    """
    zone = candidate_zone()  # the candidate's day, not UTC's: one copy per night's sleep
    today = now.astimezone(zone).date()
    dailies = [b for b in list_backups(database) if b.reason == "daily"]
    if any(b.taken_at.astimezone(zone).date() == today for b in dailies):
        return None
    made = backup_file(con, database, reason="daily", now=now)
    past = [b for b in list_backups(database) if b.reason == "daily" and b.taken_at <= now]
    for old in past[keep:]:
        old.path.unlink(missing_ok=True)
    return made


# -- failures, recorded in the journal so every page can show them -------------------


def record_failure(cur: duckdb.DuckDBPyConnection, failure: Failure) -> None:
    value = json.dumps(
        {"at": failure.at.astimezone(UTC).isoformat(), "reason": failure.reason,
         "message": failure.message, "cause": failure.cause, "folder": failure.folder,
         "detail": failure.detail}
    )  # fmt: skip
    cur.execute(
        "INSERT INTO journal_meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [FAILURE_KEY, value],
    )


def clear_failure(cur: duckdb.DuckDBPyConnection) -> None:
    cur.execute("DELETE FROM journal_meta WHERE key = ?", [FAILURE_KEY])


def last_failure(cur: duckdb.DuckDBPyConnection) -> Failure | None:
    """The last backup that failed, unless a backup has succeeded since."""
    row = cur.execute("SELECT value FROM journal_meta WHERE key = ?", [FAILURE_KEY]).fetchone()
    if row is None:
        return None
    try:
        value = json.loads(row[0])
        return Failure(
            datetime.fromisoformat(value["at"]),
            value["reason"],
            value["message"],
            value.get("cause"),
            value.get("folder") or "",
            value.get("detail") or "",
        )
    except (ValueError, KeyError, TypeError):
        return None

"""Backup copies of the journal file, kept in a backups/ folder beside it.

Three kinds, told apart by the file name's last part:
- `before-vN`: taken before migrating to schema version N (kept for good);
- `daily`: taken on the first open of a day, the newest `DAILY_KEEP` kept;
- `manual`: taken on request (`coach backup`, or the app), kept for good.

Restoring is copying a backup over the journal file while the app is stopped (see
the README's "Back up and restore").
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

DAILY_KEEP = 7


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC, from the file name
    reason: str


def backup_dir(database: str) -> Path:
    return Path(database).expanduser().parent / "backups"


def backup_file(
    con: duckdb.DuckDBPyConnection, database: str, *, reason: str, now: datetime
) -> Path:
    """Copy the journal file into backups/ and return the copy's path."""
    source = Path(database).expanduser()
    target_dir = backup_dir(database)
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{source.stem}-{now.astimezone(UTC):%Y%m%dT%H%M%S}-{reason}.duckdb"
    _checkpoint(con)
    shutil.copy2(source, target)
    return target


def _checkpoint(con: duckdb.DuckDBPyConnection, attempts: int = 20) -> None:
    # Fold the write-ahead log into the file so the copy alone is complete. DuckDB
    # refuses while another cursor's write transaction is open; such transactions are
    # short (one save), so wait for it rather than abort it with FORCE CHECKPOINT.
    for attempt in range(attempts):
        try:
            con.execute("CHECKPOINT")
            return
        except duckdb.TransactionException:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)


def list_backups(database: str) -> list[Backup]:
    """The journal's backups, newest first."""
    stem = Path(database).expanduser().stem
    found = []
    for path in backup_dir(database).glob(f"{stem}-*.duckdb"):
        parts = path.stem.removeprefix(f"{stem}-").split("-", 1)
        if len(parts) != 2:
            continue
        try:
            taken_at = datetime.strptime(parts[0], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(path, taken_at, parts[1]))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def daily_backup(
    con: duckdb.DuckDBPyConnection, database: str, *, now: datetime, keep: int = DAILY_KEEP
) -> Path | None:
    """On the first open of `now`'s day, back the journal up and keep the newest `keep`.

    Returns the new copy, or None when today's copy already exists.
    """
    today = now.astimezone(UTC).date()
    dailies = [b for b in list_backups(database) if b.reason == "daily"]
    if any(b.taken_at.date() == today for b in dailies):
        return None
    made = backup_file(con, database, reason="daily", now=now)
    for old in [b for b in list_backups(database) if b.reason == "daily"][keep:]:
        old.path.unlink(missing_ok=True)
    return made

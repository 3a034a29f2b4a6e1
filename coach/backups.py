"""Backup copies of the journal file, kept in a backups/ folder beside it.

Three kinds, told apart by the file name's last part:
- `before-vN`: taken before migrating to schema version N (kept for good);
- `daily`: taken on the first open of a day, the newest `DAILY_KEEP` kept;
- `manual`: taken on request (`coach backup`, or the app), kept for good.

Restoring is copying a backup over the journal file while the app is stopped (see
the README's "Back up and restore").
"""

from __future__ import annotations

import uuid
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
    """Copy the open journal into backups/ and return the copy's path.

    DuckDB writes the copy itself (COPY FROM DATABASE: tables, constraints, indexes and
    sequence positions, from one consistent snapshot). Copying the file with the
    operating system would open and close a second descriptor of it, and on Linux
    closing any descriptor of a file drops the process's POSIX locks on it: DuckDB's
    lock would be gone and a second program could open the journal at the same time.
    """
    source = Path(database).expanduser()
    target_dir = backup_dir(database)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = f"{now.astimezone(UTC):%Y%m%dT%H%M%S}"
    target = target_dir / f"{source.stem}-{stamp}-{reason}.duckdb"
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    alias = f"coach_backup_{uuid.uuid4().hex}"
    catalog = con.execute("SELECT current_database()").fetchone()[0].replace('"', '""')
    quoted_path = str(partial).replace("'", "''")
    # ATTACH takes no parameters; the path is ours and quoted, the names are generated.
    con.execute(f"ATTACH '{quoted_path}' AS {alias}")
    try:
        con.execute(f'COPY FROM DATABASE "{catalog}" TO {alias}')
    finally:
        con.execute(f"DETACH {alias}")
    partial.replace(target)  # a copy is either whole or absent
    return target


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

"""The bench's journals: the sample, a heavy user's and ten times that, built once a day.

Each is kept in the bench folder under a name that holds its scale, the generator's
version and digest, and the day, so a later run finds it ready.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench import heavy
from coach import db, migrations, sample

SCALES = ("sample", "heavy", "x10")
FACTORS = {"heavy": 1, "x10": 10}


def default_workdir() -> Path:
    return Path(tempfile.gettempdir()) / "coach-bench"


def _digest() -> str:
    text = b"".join(Path(m.__file__).read_bytes() for m in (heavy, migrations, sample))
    return f"v{heavy.VERSION}-{hashlib.sha1(text).hexdigest()[:8]}"


def bench_now(today: datetime | None = None) -> datetime:
    """Noon UTC today: journals are dated relative to it, and rebuilt each day."""
    today = today or datetime.now(UTC)
    return today.astimezone(UTC).replace(hour=12, minute=0, second=0, microsecond=0)


def journal_path(workdir: Path, scale: str, now: datetime) -> Path:
    return workdir / "journals" / f"{scale}-{_digest()}-{now:%Y%m%d}.duckdb"


def build_journal(path: Path, scale: str, now: datetime) -> float:
    """Write the journal for `scale` to `path` (atomically); return the seconds it took."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    if scale == "sample":
        sample.write_sample(path, now)
        return time.perf_counter() - started
    building = path.with_name(f".{path.name}.building")
    for stale in (building, building.with_name(building.name + ".wal")):
        stale.unlink(missing_ok=True)
    con = db.connect(str(building))
    try:
        db.migrate(con, str(building), now=now)
        journal = db.Journal(str(building), con)
        journal.write(lambda cur: heavy.build_heavy(cur, now, FACTORS[scale]))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(building, path)
    return time.perf_counter() - started


def prepare_journals(
    workdir: Path, now: datetime, scales=SCALES, log: Callable[[str], None] = print
) -> dict[str, Path]:
    """The journal of each scale, built unless the bench folder already has it."""
    paths = {}
    for scale in scales:
        path = journal_path(workdir, scale, now)
        if path.exists():
            log(f"  {scale:<7} cached  {path}")
        else:
            seconds = build_journal(path, scale, now)
            log(f"  {scale:<7} built in {seconds:.1f} s  {path}")
        paths[scale] = path
    # Journals of other days or generator versions are no longer used.
    for old in (workdir / "journals").glob("*.duckdb*"):
        if old.name.split(".duckdb")[0] not in {p.stem for p in paths.values()}:
            old.unlink(missing_ok=True)
    return paths


def clear_backups(paths: dict[str, Path]) -> None:
    """Opening a journal keeps a daily backup beside it: the bench has no use for them."""
    for path in paths.values():
        shutil.rmtree(path.parent / "backups", ignore_errors=True)

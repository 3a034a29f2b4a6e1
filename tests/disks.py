"""A file system of a test's own: a small tmpfs to fill up, or a read-only one.

Mounting needs root, which the development machines and CI have; elsewhere the test is
skipped with the reason.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from coach import db


@contextmanager
def mounted_tmpfs(mount: Path, options: str) -> Iterator[Path]:
    """A tmpfs (`options`) at `mount`, made here; unmounted after, its journal closed."""
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield mount
    finally:
        db.close_journal(str(mount / "journal.duckdb"))
        subprocess.run(["umount", "-l", str(mount)], check=False)

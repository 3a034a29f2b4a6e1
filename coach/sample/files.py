"""Sample journal files: writing one safely, recognising one, and counting what it holds."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from coach import days, db, i18n
from coach.errors import InvalidInput, JournalError, JournalLocked
from coach.i18n import _
from coach.sample.build import build_sample

# The journal_meta key naming the language a sample file's content is written in (its
# `language` setting says which language the app speaks, which the candidate may change).
LANGUAGE_META = "sample_language"


def is_sample_file(path: Path) -> bool:
    """Whether `path` holds a sample journal. Raises JournalLocked if another program has it."""
    try:
        con = db.connect(str(path), read_only=True)
    except JournalLocked:
        raise
    except (JournalError, duckdb.Error):
        return False
    try:
        return con.execute("SELECT value FROM journal_meta WHERE key = 'kind'").fetchone() == (
            "sample",
        )
    except duckdb.Error:
        return False
    finally:
        con.close()


def write_sample(
    path: str | Path, now: datetime, *, lang: str = i18n.ENGLISH, replace_sample: bool = True
) -> Path:
    """Write a fresh sample journal in `lang` to `path` and return its path.

    Refuses (InvalidInput) to overwrite a file that is not a sample journal, or any
    existing file when `replace_sample` is false; an existing sample is replaced.
    The sample is built in a file beside `path` and moved into place when complete,
    so a failure leaves any earlier file as it was. The file at `path` must not be
    open, in this process or another.
    """
    path = Path(path).expanduser()
    if path.exists():
        if not is_sample_file(path):
            raise InvalidInput(
                _(
                    "{path} already exists and is not a sample journal, so it was not "
                    "overwritten. Choose another path for the sample."
                ).format(path=path)
            )
        if not replace_sample:
            raise InvalidInput(
                _("{path} already holds a sample journal; it was kept as it is.").format(path=path)
            )
    building = path.with_name(f".{path.name}.building")
    _remove(building)
    con = db.connect(str(building))
    try:
        db.migrate(con, str(building), now=now)
        journal = db.Journal(str(building), con)
        build_sample(journal, now, lang)
        journal.write(
            lambda cur: cur.execute(
                "INSERT INTO journal_meta (key, value) VALUES ('kind', 'sample'), (?, ?)",
                [LANGUAGE_META, lang],
            )
        )
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        _remove(building)
        raise
    con.close()
    _remove(path)  # an old sample, and its write-ahead log, which must not be replayed
    os.replace(building, path)
    return path


def sample_language(journal: db.Journal) -> str:
    """The language the sample `journal` was written in (samples from before there was
    a choice are English)."""
    return journal.meta(LANGUAGE_META) or i18n.ENGLISH


def _remove(path: Path) -> None:
    for file in (path, path.with_name(path.name + ".wal")):
        file.unlink(missing_ok=True)


@dataclass(frozen=True)
class SampleSummary:
    interviews: int
    upcoming: int
    asks: int
    questions: int
    cards: int
    due_today: int
    rehearsals: int
    stories: int
    actions: int


def summarize(cur: duckdb.DuckDBPyConnection, now: datetime) -> SampleSummary:
    """Counts of what a journal holds; 'due today' means due before the end of `now`'s day,
    in `now`'s zone (the candidate's), as on the practice page."""
    end_of_day = days.end_of_day(now)
    row = cur.execute(
        """
        SELECT (SELECT count(*) FROM interviews),
               (SELECT count(*) FROM interviews WHERE scheduled_at > $now),
               (SELECT count(*) FROM asks),
               (SELECT count(*) FROM questions),
               (SELECT count(*) FROM cards WHERE status = 'active'),
               (SELECT count(*) FROM cards WHERE status = 'active' AND due < $end),
               (SELECT count(*) FROM rehearsals),
               (SELECT count(*) FROM stories),
               (SELECT count(*) FROM actions)
        """,
        {"now": now, "end": end_of_day},
    ).fetchone()
    return SampleSummary(*row)

"""*Your data* and Home through AppTest: failed backups said, backups restored."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach import backups, db
from coach.text import md
from tests.test_backups import unwritable_backups  # noqa: F401 - a fixture
from tests.test_pages import APP, app  # noqa: F401 - a fixture


def open_page(app_factory, path, page: str) -> AppTest:  # noqa: F811
    at = app_factory(path).run()
    if page != "pages/home.py":
        at.switch_page(page).run()
    assert not at.exception
    return at


def journal_with_a_backup(path) -> Path:
    """A journal at `path` holding 'In the copy' in a backup a minute old, and 'Added
    after' since; the backup's path."""
    journal = db.open_journal(str(path))
    journal.wait_for_backup()
    journal.write(lambda cur: cur.execute("INSERT INTO companies (name) VALUES ('In the copy')"))
    copy = journal.backup(now=datetime.now(UTC) - timedelta(minutes=1))
    journal.write(lambda cur: cur.execute("INSERT INTO companies (name) VALUES ('Added after')"))
    return copy


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


@pytest.mark.parametrize("page", ["pages/home.py", "pages/data.py"])
def test_a_failed_daily_backup_is_shown_with_its_folder_and_reason(
    app,  # noqa: F811
    tmp_path,
    unwritable_backups,  # noqa: F811
    page,
):
    path = tmp_path / "journal.duckdb"
    db.open_journal(str(path)).wait_for_backup()  # the app's daily backup, in the background
    at = open_page(app, path, page)
    shown = " ".join(errors(at))
    assert "The daily backup of" in shown and "failed." in shown
    assert md(str(unwritable_backups)) in shown  # as typed: escaped for Markdown
    assert "permission denied" in shown


def test_back_up_now_into_a_folder_it_may_not_write_says_why_on_the_page(
    app,  # noqa: F811
    tmp_path,
    unwritable_backups,  # noqa: F811
):
    path = tmp_path / "journal.duckdb"
    db.open_journal(str(path)).wait_for_backup()
    at = open_page(app, path, "pages/data.py")
    next(b for b in at.button if b.label == "Back up now").click().run()
    assert not at.exception
    assert any("The manual backup of" in e and md(str(unwritable_backups)) in e for e in errors(at))


def test_backups_made_while_the_clock_was_ahead_are_pointed_out(app, tmp_path):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path))
    journal.wait_for_backup()
    journal.backup(now=datetime.now(UTC) + timedelta(days=300), reason="daily")
    at = open_page(app, path, "pages/data.py")
    assert any("1 backup is dated after now" in i.value for i in at.info)


def test_a_backup_is_restored_from_your_data_keeping_the_journal_as_it_was(
    app,  # noqa: F811
    tmp_path,
):
    path = tmp_path / "journal.duckdb"
    copy = journal_with_a_backup(path)

    at = open_page(app, path, "pages/data.py")
    at.selectbox(key="data_restore_choice").set_value(str(copy)).run()
    next(b for b in at.button if b.label == "Restore this backup…").click().run()
    assert any("Replace your journal with the copy of" in w.value for w in at.warning)
    at.button(key="data_restore_yes").click().run()
    assert not at.exception
    assert any(s.value.startswith(md(f"Restored {copy.name}")) for s in at.success)

    cur = db.open_journal(str(path)).cursor()
    assert cur.execute("SELECT name FROM companies").fetchall() == [("In the copy",)]
    kept = [b for b in backups.list_backups(str(path)) if b.reason == "before-restore"]
    assert len(kept) == 1
    con = db.connect(str(kept[0].path), read_only=True)
    names = sorted(r[0] for r in con.execute("SELECT name FROM companies").fetchall())
    con.close()
    assert names == ["Added after", "In the copy"]


def test_the_terminal_command_shown_for_a_restore_works_as_shown(app, tmp_path):  # noqa: F811
    # A folder name a shell would split or end a quote at: the command quotes it.
    path = tmp_path / "it's my journal $HOME" / "journal.duckdb"
    copy = journal_with_a_backup(path)

    at = open_page(app, path, "pages/data.py")
    at.selectbox(key="data_restore_choice").set_value(str(copy)).run()
    [command] = [c.value for c in at.code if " restore " in c.value]
    db.close_journal(str(path))  # the app stopped, as the caption says
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    cur = db.open_journal(str(path)).cursor()
    assert cur.execute("SELECT name FROM companies").fetchall() == [("In the copy",)]


def test_backups_are_listed_in_a_table_with_their_kind_and_file(app, tmp_path):  # noqa: F811
    # A folder name with Markdown characters, as a person may name one.
    path = tmp_path / "my | *journal*" / "journal.duckdb"
    path.parent.mkdir()
    copy = journal_with_a_backup(path)

    at = open_page(app, path, "pages/data.py")
    [table] = [m.value for m in at.markdown if m.value.startswith("| Taken | Kind |")]
    rows = table.splitlines()[2:]
    assert len(rows) == len(backups.list_backups(str(path))) >= 2  # the daily one, and copy
    [row] = [r for r in rows if md(copy.name) in r]
    assert row.count(" | ") == 3  # the folder's "|" is escaped, not a new column
    assert "| manual |" in row and md(str(copy)) in row
    assert not at.get("arrow_data_frame")  # no DataFrame: pandas stays unloaded

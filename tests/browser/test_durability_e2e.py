"""Moving a journal as the README says: stop the app any way, copy the one file.

However the app stops (Ctrl+C is tested in tests/test_launch.py), the journal file
alone, copied to another folder as to another computer, holds the last save made in
the browser: nothing is left behind in `coach.duckdb.wal`.
"""

from __future__ import annotations

import re
import shutil
import signal
import time

import pytest
from playwright.sync_api import expect

from coach import db

WAYS_TO_STOP = [
    ("scripts/run", signal.SIGTERM),  # `kill`, a shutdown, a logout
    ("scripts/run", signal.SIGHUP),  # the terminal closed
    ("scripts/run", signal.SIGKILL),  # a crash: at most the last second may be lost
    ("streamlit run", signal.SIGTERM),
    ("streamlit run", signal.SIGHUP),
]


def add_company(page, settled, click_until, name: str) -> None:
    settled(page)
    page.get_by_role("tab", name=re.compile("Companies")).click()
    expect(page.get_by_text("Add a company")).to_be_visible()
    settled(page)
    page.get_by_text("Add a company").click()
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Add company"))
    expect(form.get_by_label("Name")).to_be_visible()
    settled(page)
    form.get_by_label("Name").fill(name)
    added = page.get_by_role("tab", name="Companies (1)")
    # A submit the busy frontend dropped is sent again (a double add would be refused:
    # one company per name).
    click_until(page, form.get_by_role("button", name="Add company"), added, timeout_ms=5_000)
    expect(page.get_by_text(name, exact=True)).to_be_visible()


@pytest.mark.parametrize(
    ("launcher", "stop"), WAYS_TO_STOP, ids=[f"{how}-{sig.name}" for how, sig in WAYS_TO_STOP]
)
def test_the_journal_file_alone_holds_the_last_save_however_the_app_stopped(
    app_server, page, wait_for_app, settled, click_until, tmp_path, launcher, stop
):
    journal = tmp_path / "coach.duckdb"
    server = app_server(db_path=journal, launcher=launcher)
    page.goto(server.url + "/interviews")
    wait_for_app(page)
    add_company(page, settled, click_until, "Saved just before the stop")
    if stop == signal.SIGKILL:
        time.sleep(db.CHECKPOINT_RETRY_SECONDS + 1)  # the bound documented for a crash
    server.process.send_signal(stop)
    server.process.wait(timeout=30)

    elsewhere = tmp_path / "other-computer"
    elsewhere.mkdir()
    shutil.copy(journal, elsewhere / "coach.duckdb")  # the file alone, as the README says
    copy = db.connect(str(elsewhere / "coach.duckdb"), read_only=True)
    try:
        names = [row[0] for row in copy.execute("SELECT name FROM companies").fetchall()]
    finally:
        copy.close()
    assert names == ["Saved just before the stop"]

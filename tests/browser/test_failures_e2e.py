"""Failures in the served app (serve.py, error details off): a sentence, never a traceback.

A table of the journal damaged on disk is met in the middle of a page, after the journal
opened: no page catches that, so it reaches coach_ui.failures.on_script_error. A full
disk is met on a save.
"""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb
from playwright.sync_api import expect

from coach import companies, db, failures, sample
from tests.test_failures import damage, fill, small_disk  # noqa: F401 - a fixture

BLOCK = 262_144  # DuckDB's block size; blocks start after a 12 KB file header
HEADER = 12_288


def no_traceback(page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    text = page.locator("body").inner_text()
    for word in ("Traceback", 'File "', "checksum", "Error:"):
        assert word not in text


def test_a_table_damaged_on_disk_is_met_mid_page_as_the_sentence_with_its_backup(
    app_server, page, wait_for_app, tmp_path
):
    path = tmp_path / "journal.duckdb"
    sample.write_sample(path, datetime.now(UTC))
    journal = db.open_journal(str(path))  # a backup to name; a sample keeps none itself
    journal.backup(now=datetime.now(UTC))
    db.close_journal(str(path))
    con = duckdb.connect(str(path), read_only=True)
    [(block,)] = con.execute(
        "SELECT DISTINCT block_id FROM pragma_storage_info('companies') WHERE block_id >= 0"
    ).fetchall()
    con.close()
    damage(path, HEADER + block * BLOCK + 100)
    command = failures.corrupt(str(path)).command

    server = app_server(db_path=path)
    page.goto(server.url + "/interviews")
    wait_for_app(page)
    expect(page.get_by_text("is damaged and cannot be read", exact=False)).to_be_visible()
    expect(page.get_by_text("Its newest backup is journal-", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stCode")).to_contain_text(command)
    no_traceback(page)


def test_a_save_on_a_full_disk_says_nothing_was_saved(app_server, page, wait_for_app, small_disk):  # noqa: F811
    path = small_disk / "journal.duckdb"
    journal = db.open_journal(str(path))
    companies.add_company(journal, "Acme")
    db.close_journal(str(path))
    server = app_server(db_path=path)
    page.goto(server.url + "/interviews")
    wait_for_app(page)
    page.get_by_role("tab", name="Companies (1)").click()
    page.get_by_text("Add a company").click()
    form = page.get_by_test_id("stForm").filter(has_text="Add company")
    form.get_by_label("Name").fill("Beta Corp")
    form.get_by_label("Notes").fill("What I know of them. " * 8_000)
    page.wait_for_timeout(500)
    fill(small_disk)
    form.get_by_role("button", name="Add company").click()
    expect(page.get_by_text("Nothing was saved: the disk that holds your journal")).to_be_visible()
    expect(page.get_by_text("Free at least 64 MB on it", exact=False)).to_be_visible()
    no_traceback(page)

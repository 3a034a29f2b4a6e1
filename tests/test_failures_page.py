"""coach_ui.failures: what a page shows for an error no page caught (st.App's hook)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from coach.text import md


def script(error_text: str, kind: str) -> None:
    import duckdb

    from coach_ui.failures import on_script_error

    error = duckdb.Error(error_text) if kind == "duckdb" else RuntimeError(error_text)
    assert on_script_error(error) is True  # Streamlit draws nothing of its own


def run(monkeypatch, tmp_path, error_text: str, kind: str) -> AppTest:
    monkeypatch.setenv("COACH_DB", str(tmp_path / "journal.duckdb"))
    return AppTest.from_function(script, args=(error_text, kind), default_timeout=30).run()


def test_an_unexpected_error_is_an_apology_without_its_details(monkeypatch, tmp_path):
    at = run(monkeypatch, tmp_path, "KeyError: 'secret' in /home/me/coach/x.py", "runtime")
    assert not at.exception
    [error] = at.error
    assert error.value.startswith("Something went wrong on this page. Reload the page")
    assert "secret" not in error.value and "/home/me" not in error.value


def test_a_full_disk_met_anywhere_is_its_sentence(monkeypatch, tmp_path):
    at = run(
        monkeypatch,
        tmp_path,
        'IO Error: Could not write file "x.wal": No space left on device',
        "duckdb",
    )
    [error] = at.error
    assert error.value.startswith(md("Nothing was saved: the disk that holds your journal"))


def test_a_damaged_journal_met_anywhere_is_its_sentence(monkeypatch, tmp_path):
    at = run(
        monkeypatch, tmp_path, "Corrupt database file: computed checksum 1 does not match", "duckdb"
    )
    [error] = at.error
    assert "is damaged and cannot be read" in error.value
    assert "There is no backup of it" in error.value

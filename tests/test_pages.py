"""Every page through streamlit's AppTest, on an empty and on the sample journal."""

from __future__ import annotations

import shutil
from datetime import UTC, date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach import db
from coach_ui.pages import PAGES

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")


def by_label(elements, label: str):
    matches = [element for element in elements if element.label == label]
    assert matches, f"no widget labelled {label!r}; have {[e.label for e in elements]}"
    return matches[0]


@pytest.fixture
def app(monkeypatch, tmp_path):
    """An AppTest factory on a journal file of the test's own (empty unless given)."""
    opened: list[str] = []

    def make(database: Path | None = None) -> AppTest:
        path = str(database or tmp_path / "journal.duckdb")
        monkeypatch.setenv("COACH_DB", path)
        monkeypatch.setenv("COACH_SAMPLE_DB", str(tmp_path / "sample.duckdb"))
        opened.extend([path, str(tmp_path / "sample.duckdb")])
        return AppTest.from_file(APP, default_timeout=30)

    yield make
    for path in opened:
        db.close_journal(path)


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory) -> Path:
    from coach import sample
    from tests.conftest import NOW

    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    sample.write_sample(path, NOW)
    return path


@pytest.fixture
def sample_copy(sample_file, tmp_path) -> Path:
    """A copy of the sample journal of the test's own."""
    copy = tmp_path / "copy-of-sample.duckdb"
    shutil.copy(sample_file, copy)
    return copy


def run_page(at: AppTest, spec) -> AppTest:
    at.run()
    if not spec.default:
        at.switch_page(spec.path).run()
    # Reruns skip the entry script (see coach_ui.frame); the page must not care.
    at.run()
    at.run()
    return at


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path)
def test_every_page_renders_on_an_empty_journal(app, spec):
    at = run_page(app(), spec)
    assert not at.exception
    assert at.title


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path)
def test_every_page_renders_on_the_sample_journal(app, spec, sample_copy):
    at = run_page(app(sample_copy), spec)
    assert not at.exception
    assert any("Sample journal" in m.value for m in at.markdown)


def test_an_empty_journal_is_welcomed_with_two_ways_to_start(app):
    at = app().run()
    assert at.title[0].value == "Welcome to Interview Coach"
    labels = [button.label for button in at.button]
    assert "Add your first interview" in labels
    assert "Explore the sample journal" in labels


def test_exploring_the_sample_leaves_the_own_journal_untouched(app, tmp_path):
    at = app().run()
    by_label(at.button, "Explore the sample journal").click().run()
    assert not at.exception
    assert at.title[0].value == "What to do next"
    assert any("Sample journal" in m.value for m in at.markdown)
    assert at.query_params["journal"] == "sample"

    own = db.open_journal(str(tmp_path / "journal.duckdb")).cursor()
    assert own.execute("SELECT count(*) FROM interviews").fetchone() == (0,)

    by_label(at.button, "Back to my journal").click().run()
    assert at.title[0].value == "Welcome to Interview Coach"


def open_companies(at: AppTest, *, adding: bool = True) -> AppTest:
    """Open the Companies tab (only the open tab is drawn) and its "Add a company" form."""
    at.session_state["interviews_tab"] = "companies"
    at.session_state["interviews_adding_company"] = adding
    return at.run()


def add_company(at: AppTest, name: str) -> AppTest:
    by_label(at.text_input, "Name").input(name)
    return by_label(at.button, "Add company").click().run()


def interviews_page(app, database: Path | None = None) -> AppTest:
    at = app(database).run()
    return at.switch_page("pages/interviews.py").run()


def buttons_keyed(at: AppTest, prefix: str) -> list:
    return [button for button in at.button if (button.key or "").startswith(prefix)]


def test_the_interviews_page_draws_only_the_open_tab(app, sample_copy):
    at = interviews_page(app, sample_copy)
    # The sample was written months ago (NOW), so nothing in it is still upcoming.
    assert "No upcoming interviews" in at.info[0].value
    assert not buttons_keyed(at, "interviews_review_")  # each held row has one
    assert not buttons_keyed(at, "interviews_delete_company_")

    at.session_state["interviews_tab"] = "held"
    at.run()
    assert buttons_keyed(at, "interviews_review_")
    assert not buttons_keyed(at, "interviews_delete_company_")


def test_the_add_forms_are_drawn_only_once_opened(app, sample_copy):
    at = interviews_page(app, sample_copy)
    assert not [b for b in at.button if b.label == "Add interview"]
    at.session_state["interviews_adding"] = True
    at.run()
    assert [b for b in at.button if b.label == "Add interview"]
    at = open_companies(at, adding=False)
    assert not [b for b in at.button if b.label == "Add company"]


def test_the_companies_tab_stays_open_when_its_count_changes(app):
    at = open_companies(interviews_page(app))
    at = add_company(at, "Acme Analytics")
    assert "Companies (1)" in [tab.label for tab in at.tabs]
    at.run()
    assert at.session_state["interviews_tab"] == "companies"
    assert any("Acme Analytics" in m.value for m in at.markdown)


def test_an_interview_added_in_the_past_opens_the_held_tab(app, tmp_path):
    from coach import companies

    path = tmp_path / "journal.duckdb"
    companies.add_company(db.open_journal(str(path)), "Acme")
    at = interviews_page(app, path)
    by_label(at.selectbox, "Company").set_value("Acme")
    form_date = [d for d in at.date_input if d.label == "Date"][0]
    form_date.set_value(date(2020, 5, 4))
    by_label(at.button, "Add interview").click().run()
    assert not at.exception, at.exception
    assert not at.error, at.error
    assert at.session_state["interviews_tab"] == "held"
    assert "Held (1)" in [tab.label for tab in at.tabs]
    assert buttons_keyed(at, "interviews_review_")


@pytest.mark.parametrize(("day", "utc_hour"), [(date(2020, 1, 15), 9), (date(2020, 7, 15), 8)])
def test_an_interview_at_ten_is_at_ten_in_the_candidates_zone_in_winter_and_in_summer(
    app, tmp_path, monkeypatch, day, utc_hour
):
    # Whatever today's offset, 10:00 in Berlin is 09:00 UTC in winter and 08:00 in summer.
    from coach import companies

    monkeypatch.setenv("COACH_TZ", "Europe/Berlin")
    path = tmp_path / "journal.duckdb"
    companies.add_company(db.open_journal(str(path)), "Acme")
    at = interviews_page(app, path)
    by_label(at.selectbox, "Company").set_value("Acme")
    by_label(at.date_input, "Date").set_value(day)
    by_label(at.button, "Add interview").click().run()
    assert not at.exception and not at.error, (at.exception, at.error)
    stored = (
        db.open_journal(str(path))
        .cursor()
        .execute("SELECT scheduled_at FROM interviews")
        .fetchone()[0]
    )
    assert (stored.astimezone(UTC).date(), stored.astimezone(UTC).hour) == (day, utc_hour)


def test_a_time_zone_name_that_is_not_one_is_said_in_the_sidebar(app, monkeypatch):
    monkeypatch.setenv("COACH_TZ", "Mars/Olympus")
    at = app()
    at.run()
    assert not at.exception
    assert any("Mars/Olympus" in w.value for w in at.sidebar.warning)


def test_a_company_added_on_the_interviews_page_is_listed(app):
    at = add_company(open_companies(interviews_page(app)), "Acme Analytics")
    assert not at.exception
    assert any("Acme Analytics" in m.value for m in at.markdown)
    assert "Companies (1)" in [tab.label for tab in at.tabs]


def test_an_empty_company_name_gets_a_clear_message_and_nothing_is_saved(app):
    at = add_company(open_companies(interviews_page(app)), "   ")
    assert [e.value for e in at.error] == ["Company name cannot be empty."]
    assert "Companies (0)" in [tab.label for tab in at.tabs]


def test_deleting_a_company_asks_first_and_says_what_goes_with_it(app, tmp_path, now):
    from coach import companies, interviews

    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path))
    company_id = companies.add_company(journal, "Acme")
    for days in (1, 2):
        interviews.add_interview(
            journal,
            interviews.InterviewFields(company_id=company_id, scheduled_at=now.replace(day=days)),
        )
    at = open_companies(interviews_page(app, path), adding=False)
    at.button(key=f"interviews_delete_company_{company_id}").click().run()
    warning = at.warning[0].value
    assert "Delete **Acme**?" in warning
    assert "This also deletes 2 interviews." in warning
    at.button(key=f"interviews_no_company_{company_id}").click().run()
    assert not at.warning
    at.button(key=f"interviews_delete_company_{company_id}").click().run()
    at.button(key=f"interviews_yes_company_{company_id}").click().run()
    assert "Companies (0)" in [tab.label for tab in at.tabs]


def test_a_journal_locked_by_another_process_shows_a_message_not_a_crash(app, tmp_path, hold_file):
    path = tmp_path / "locked.duckdb"
    with hold_file(path) as pid:
        at = app(path).run()
    assert not at.exception
    assert f"PID {pid}" in at.error[0].value


def test_the_welcome_describes_the_sample_as_it_is_built(app, tmp_path, now):
    from coach.sample import build_sample

    path = str(tmp_path / "sample.duckdb")
    sample = db.open_journal(path)
    build_sample(sample, now)
    held, upcoming, first = (
        sample.cursor()
        .execute(
            "SELECT count(*) FILTER (WHERE scheduled_at < $now),"
            " count(*) FILTER (WHERE scheduled_at >= $now), min(scheduled_at) FROM interviews",
            {"now": now},
        )
        .fetchone()
    )
    weeks = round((now - first).days / 7)
    words = {2: "two", 10: "ten", 13: "thirteen"}
    expected = f"{words[held]} interviews over {words[weeks]} weeks and {words[upcoming]} coming up"
    captions = " ".join(caption.value for caption in app().run().caption)
    assert expected in captions

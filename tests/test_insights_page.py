"""The insights page through AppTest: an empty journal, and the sample written for today.

The app reads the real clock, so the sample here is written at the real "now" (its
dates are relative to it), which keeps its two upcoming interviews upcoming.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime

import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema

from coach import db, readiness, sample
from coach.insights import weak_spots
from coach.insights.filters import Filters
from coach.text import md
from coach_ui.insights import SECTIONS
from tests.test_pages import app  # noqa: F401 - the AppTest factory fixture

PAGE = "pages/insights.py"
VEGA_LITE = load_schema()
CHARTS = {
    "Readiness brief": 0,
    "Overall trend": 2,
    "Weak spots": 2,
    "Fixes": 1,
    "Relationship": 1,
    "Stories": 1,
    "Recurring questions": 1,
    "Rehearsal": 3,
    "Predictions": 1,
}


@pytest.fixture(scope="module")
def live_sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("live") / "sample.duckdb"
    sample.write_sample(path, datetime.now(UTC))
    return path


@pytest.fixture
def sample_copy(live_sample, tmp_path):
    copy = tmp_path / "sample-copy.duckdb"
    shutil.copy(live_sample, copy)
    return copy


def open_insights(at):
    at.run()
    at.switch_page(PAGE).run()
    return at


def texts(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_an_empty_journal_gets_an_honest_empty_page(app):  # noqa: F811
    at = open_insights(app())
    assert not at.exception
    assert at.title[0].value == "Insights"
    assert at.info[0].value.startswith("Nothing to show yet.")
    assert not at.get("vega_lite_chart")


def test_the_sample_opens_on_the_brief_for_the_next_target_interview(app, sample_copy):  # noqa: F811
    now = datetime.now().astimezone()
    journal = db.open_journal(str(sample_copy))
    cur = journal.cursor()
    target = readiness.default_interview(readiness.upcoming_interviews(cur, now))
    brief = readiness.readiness_brief(cur, target.interview_id, now)
    weakest = weak_spots.dimension_weakness(cur, Filters(), now)[:3]
    cur.close()

    at = open_insights(app(sample_copy))
    at.run()  # a rerun skips the entry script; the page must not care
    assert not at.exception
    assert target.company == "Alder & Finch Retail Group"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Days left"] == str(brief.days_left)
    assert metrics["Readiness"] == f"{brief.readiness.score:.0%}"
    readiness_metric = next(m for m in at.metric if m.label == "Readiness")
    assert readiness_metric.delta == brief.likely.evidence_tag  # never a bare percentage
    assert metrics["To rehearse"] == (
        f"{len(brief.likely.to_rehearse)} of {len(brief.likely.questions)}"
    )
    assert metrics["Open actions"] == str(brief.open_count)
    shown = texts(at)
    # The three answers the page exists for, at a glance.
    assert md("Weakest: " + ", ".join(d.label for d in weakest[:1])) in shown
    for d in weakest:
        assert d.label in shown
    assert "Interruptions fell from 12% of answers to 6%" in shown
    assert md("Before Alder & Finch Retail Group") in shown
    assert at.get("download_button")
    assert not at.get("vega_lite_chart")  # the brief draws no chart


def test_a_save_is_shown_at_once_though_the_page_remembers_its_reads(app, sample_copy):  # noqa: F811
    from coach import actions

    at = open_insights(app(sample_copy))
    before = int({m.label: m.value for m in at.metric}["Open actions"])
    journal = db.open_journal(str(sample_copy))  # the app's own journal object
    cur = journal.cursor()
    action_id = cur.execute("SELECT min(id) FROM actions WHERE status = 'open'").fetchone()[0]
    cur.close()
    at.run()  # unchanged journal: the remembered reads are used
    assert int({m.label: m.value for m in at.metric}["Open actions"]) == before

    actions.set_done(journal, action_id, True, datetime.now(UTC))
    at.run()
    assert not at.exception
    assert int({m.label: m.value for m in at.metric}["Open actions"]) == before - 1


@pytest.mark.parametrize("section", list(SECTIONS))
def test_every_section_renders_its_charts_on_the_sample(app, sample_copy, section):  # noqa: F811
    at = open_insights(app(sample_copy))
    at.session_state["insights_section"] = section
    at.run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == CHARTS[section]
    assert not at.info or section == "Readiness brief"  # enough data for every chart
    # The page skips Altair's validation (coach.insights.charting.spec); what it draws must pass it.
    for chart in at.get("vega_lite_chart"):
        validate_jsonschema(json.loads(chart.proto.spec), VEGA_LITE)


def test_choosing_a_cell_lists_its_asks(app, sample_copy):  # noqa: F811
    at = open_insights(app(sample_copy))
    at.session_state["insights_section"] = "Weak spots"
    at.run()
    at.selectbox(key="insights_cell").set_value(("professional_ability", "probed")).run()
    assert not at.exception
    shown = texts(at)
    assert "**Professional ability × Probed for details (8)**: latest first" in shown
    assert "How would you analyse the unit economics of a subscription product?" in shown
    assert "*Best answer so far:*" in shown


def test_filters_narrow_the_sections_and_a_filter_with_no_data_says_so(app, sample_copy):  # noqa: F811
    at = open_insights(app(sample_copy))
    at.selectbox(key="insights_kind").set_value("practice").run()
    assert not at.exception
    assert md("Weakest: ") in texts(at)
    at.session_state["insights_section"] = "Fixes"
    at.run()
    assert at.info[0].value == (
        "Review at least 4 interviews with their questions to see whether the fixes work; "
        "you have 3."
    )
    assert not at.get("vega_lite_chart")


@pytest.fixture(scope="module")
def heavy_journal(tmp_path_factory):
    from bench import journals

    path = tmp_path_factory.mktemp("heavy") / "heavy.duckdb"
    journals.build_journal(path, "heavy", journals.bench_now())
    return path


def test_a_heavy_journal_draws_the_latest_interviews_and_lists_advice_in_steps(
    app,  # noqa: F811
    heavy_journal,
    tmp_path,
):
    copy = tmp_path / "heavy-copy.duckdb"
    shutil.copy(heavy_journal, copy)
    at = open_insights(app(copy))
    at.session_state["insights_section"] = "Overall trend"
    at.run()
    assert not at.exception
    notes = [c.value for c in at.caption if c.value.startswith("The chart draws the latest 60")]
    assert notes, "the rating chart says it draws only the latest interviews"
    at.session_state["insights_section"] = "Relationship"
    at.run()
    assert not at.exception
    older = [b for b in at.button if b.label == "Show older"]
    assert older, "advice (or referrals) beyond the first 10 are one click away"
    before = len(at.caption)
    older[0].click().run()
    assert not at.exception
    assert len(at.caption) > before

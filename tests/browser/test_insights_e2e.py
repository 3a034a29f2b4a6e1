"""The insights page in a real browser, on the sample journal written for today.

The sample is written before the server starts (the server then holds the DuckDB
lock), at the real "now": the app reads the real clock, and the sample's dates are
relative to the "now" it was written at, so its upcoming interviews stay upcoming.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from coach import db, readiness, sample
from coach.insights import weak_spots
from coach.insights.filters import Filters

CHARTS = {
    "Overall trend": 2,
    "Weak spots": 2,
    "Fixes": 1,
    "Relationship": 1,
    "Stories": 1,
    "Recurring questions": 1,
    "Rehearsal": 3,
    "Predictions": 1,
}


@pytest.fixture
def sample_server(app_server, tmp_path):
    path = tmp_path / "sample.duckdb"
    sample.write_sample(path, datetime.now(UTC))
    now = datetime.now().astimezone()
    con = db.connect(str(path), read_only=True)
    try:
        target = readiness.default_interview(readiness.upcoming_interviews(con, now))
        brief = readiness.readiness_brief(con, target.interview_id, now)
        cell = weak_spots.asks_in_cell(con, Filters(), now, "professional_ability", "probed")
    finally:
        con.close()
    return app_server(db_path=path), brief, cell


def metric(page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label)


def test_every_chart_draws_and_the_brief_shows_the_samples_numbers(
    sample_server, page, wait_for_app
):
    server, brief, _ = sample_server
    page.goto(server.url + "/insights")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Insights")).to_be_visible()

    # The readiness brief comes first, for the next target-company interview.
    assert brief.interview.company == "Alder & Finch Retail Group"
    expect(page.get_by_text(brief.interview.title, exact=False).first).to_be_visible()
    expect(metric(page, "Days left")).to_contain_text(str(brief.days_left))
    expect(metric(page, "Readiness")).to_contain_text(f"{brief.readiness.score:.0%}")
    expect(metric(page, "Readiness")).to_contain_text(brief.likely.evidence_tag)
    expect(metric(page, "To rehearse")).to_contain_text(
        f"{len(brief.likely.to_rehearse)} of {len(brief.likely.questions)}"
    )
    expect(metric(page, "Open actions")).to_contain_text(str(brief.open_count))
    expect(page.get_by_text("Readiness is half your average predicted recall")).to_be_visible()
    expect(page.get_by_role("button", name="Download the brief (Markdown)")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    charts = page.get_by_test_id("stVegaLiteChart")
    for section, count in CHARTS.items():
        page.get_by_role("radio", name=section, exact=True).click()
        expect(page.get_by_role("radio", name=section, exact=True)).to_have_attribute(
            "aria-checked", "true"
        )
        expect(charts).to_have_count(count)
        for n in range(count):
            # Vega draws into an SVG (or a canvas) once the chart has rendered.
            expect(charts.nth(n).locator("svg.marks, canvas").first).to_be_attached()
        expect(page.get_by_test_id("stException")).to_have_count(0)


def test_clicking_a_heatmap_cell_lists_its_asks(sample_server, page, wait_for_app):
    server, _, cell = sample_server
    page.goto(server.url + "/insights")
    wait_for_app(page)
    page.get_by_role("radio", name="Weak spots", exact=True).click()
    heatmap = page.get_by_test_id("stVegaLiteChart").first
    target = heatmap.locator(
        'g.mark-rect path[aria-label*="Dimension: Professional ability;"]'
        '[aria-label*="Signal: Probed for details;"]'
    )
    target.scroll_into_view_if_needed()
    target.click()

    heading = f"Professional ability × Probed for details ({len(cell)})"
    expect(page.get_by_text(f"{heading}: latest first")).to_be_visible()
    # The keyboard-friendly fallback selectbox follows the click.
    expect(page.get_by_role("combobox", name="Answers in one cell")).to_have_value(heading)
    expect(page.get_by_text(cell[0].question, exact=True).first).to_be_visible()
    for ask in cell:
        expect(page.get_by_text(ask.question, exact=True).first).to_be_attached()

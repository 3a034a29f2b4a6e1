"""Nothing leaves the machine, and user text is shown as typed: every page, in Chromium.

One walk over every page, every Insights section, the steps of a review, a rehearsal
(attempt, reveal, grade) and the leech panel, on a journal whose every text field holds
hostile Markdown and HTML (tests/hostile.py, built through the domain functions). Every
request and WebSocket the browser opens is recorded, and after each step the page's
text and elements are read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests import hostile

LOCAL = {"127.0.0.1", "localhost", "[::1]", "::1"}
# Elements that hostile Markdown would make: an image, a link, bold HTML, LaTeX.
MADE_FROM_TEXT = (
    'img[src*="evil.test"], a[href*="evil.test"], a[href^="javascript"], '
    '[data-testid="stMain"] b, [data-testid="stSidebar"] b, .katex'
)


@dataclass
class Walk:
    requests: list[str] = field(default_factory=list)
    views: list[str] = field(default_factory=list)  # what was looked at, in order
    wrong_text: dict[str, list[str]] = field(default_factory=dict)
    made_elements: dict[str, list[str]] = field(default_factory=dict)
    exceptions: dict[str, int] = field(default_factory=dict)
    refused_by_policy: list[str] = field(default_factory=list)  # Content-Security-Policy
    chart_fields: int = 0  # hostile fields read in charts' marks (Vega's aria-labels)


@pytest.fixture(scope="module")
def walk(browser, tmp_path_factory) -> Walk:
    """Walk the app once on the hostile journal; every test below reads the record."""
    from conftest import start_server, stop_server, wait_for_app  # this folder's harness

    workdir = tmp_path_factory.mktemp("hostile")
    ids = hostile.build(workdir / "journal.duckdb", datetime.now().astimezone())
    server = start_server(workdir, workdir / "journal.duckdb")
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(20_000)
    page = context.new_page()
    record = Walk()
    page.on("request", lambda request: record.requests.append(request.url))
    page.on("websocket", lambda socket: record.requests.append(socket.url))
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and record.refused_by_policy.append(message.text)
        ),
    )
    try:
        _walk(page, server.url, ids, record, wait_for_app)
    finally:
        context.close()
        stop_server(server)
    return record


def _look(page, record: Walk, view: str) -> None:
    """Let the page settle, then read what it shows."""
    page.wait_for_timeout(300)
    page.locator('[data-test-script-state="notRunning"]').wait_for(state="attached")
    record.views.append(view)
    text = page.evaluate("() => document.body.innerText")
    labels = page.evaluate(
        "() => [...document.querySelectorAll('[aria-label]')].map(e => e.ariaLabel).join('\\n')"
    )
    record.chart_fields += page.evaluate(
        "open => [...document.querySelectorAll('[data-testid=stVegaLiteChart] [aria-label]')]"
        ".filter(e => e.ariaLabel.includes(open)).length",
        hostile.OPEN,
    )
    wrong = hostile.shown_wrongly(text) + hostile.shown_wrongly(labels)
    if wrong:
        record.wrong_text[view] = wrong
    made = page.locator(MADE_FROM_TEXT)
    if made.count():
        record.made_elements[view] = [e.evaluate("e => e.outerHTML")[:200] for e in made.all()]
    record.exceptions[view] = page.get_by_test_id("stException").count()


def _goto(page, url: str, wait_for_app, expected: str) -> None:
    page.goto(url)
    wait_for_app(page)
    expect(page.get_by_text(expected, exact=False).first).to_be_visible()


def _hover_tooltips(page, record: Walk, view: str) -> None:
    icons = page.get_by_test_id("stTooltipIcon")
    for n in range(icons.count()):
        icon = icons.nth(n)
        if icon.is_visible():
            icon.hover()
            page.wait_for_timeout(250)
            _look(page, record, f"{view}: tooltip {n}")


def _walk(page, url: str, ids: dict[str, int], record: Walk, wait_for_app) -> None:
    _goto(page, url + "/", wait_for_app, "What to do next")
    _look(page, record, "home")
    _hover_tooltips(page, record, "home")

    _goto(page, url + "/interviews", wait_for_app, "Interviews")
    _look(page, record, "interviews: upcoming")
    for tab in ("Held", "Companies"):
        page.get_by_role("tab", name=tab).click()
        expect(page.get_by_role("tab", name=tab)).to_have_attribute("aria-selected", "true")
        _look(page, record, f"interviews: {tab}")

    _goto(page, f"{url}/review?interview={ids['interview']}", wait_for_app, "Review:")
    main = page.get_by_test_id("stMain")
    for step in (
        "1. Overall performance",
        "2. Questions and answers",
        "3. Relationship",
        "4. Strengths",
        "Improvement plan",
        "Summary",
    ):
        main.get_by_role("radio", name=step, exact=True).click()
        expect(main.get_by_role("radio", name=step, exact=True)).to_have_attribute(
            "aria-checked", "true"
        )
        _look(page, record, f"review: {step}")

    _goto(page, url + "/practice", wait_for_app, "Practice")
    _look(page, record, "practice: today")
    page.get_by_text("Up next", exact=False).first.click()
    _look(page, record, "practice: up next")
    leech = page.get_by_test_id("stExpander").filter(has_text="lapses").first
    leech.locator("summary").click()
    expect(
        page.get_by_role("button", name="Save the rewrite and start the card afresh")
    ).to_be_visible()
    _look(page, record, "practice: leech")
    page.get_by_role("textbox", name="Your attempt").fill(hostile.hostile("My attempt"))
    page.get_by_role("button", name="Reveal the best answer").click()
    expect(page.get_by_text("How did it go?")).to_be_visible()
    _look(page, record, "practice: revealed")
    page.get_by_role("button", name="Good").click()
    _look(page, record, "practice: graded")
    for section, expected in (("cram", "Cram"), ("cards", "Cards"), ("settings", "retention")):
        _goto(page, f"{url}/practice?section={section}", wait_for_app, expected)
        _look(page, record, f"practice: {section}")

    _goto(page, url + "/insights", wait_for_app, "Insights")
    _look(page, record, "insights: brief")
    for section in (
        "Overall trend",
        "Weak spots",
        "Fixes",
        "Relationship",
        "Stories",
        "Recurring questions",
        "Rehearsal",
    ):
        page.get_by_role("radio", name=section, exact=True).click()
        expect(page.get_by_role("radio", name=section, exact=True)).to_have_attribute(
            "aria-checked", "true"
        )
        _look(page, record, f"insights: {section}")

    _goto(page, url + "/data", wait_for_app, "Your data")
    _look(page, record, "data")


def test_no_page_or_action_asks_any_host_but_the_apps_own(walk):
    assert len(walk.views) > 25, walk.views
    foreign = sorted({u for u in walk.requests if urlsplit(u).hostname not in LOCAL})
    assert foreign == [], foreign
    # The walk did load the app: its script, its stream and a page's own assets.
    assert any(u.endswith("/_stcore/stream") for u in walk.requests)
    # The app's own Content-Security-Policy (coach_ui.server.local_only) refused nothing the
    # app itself needs: no request was even attempted elsewhere.
    assert walk.refused_by_policy == []


def test_hostile_text_is_shown_exactly_as_typed_on_every_page(walk):
    assert walk.chart_fields > 0  # charts' tooltips and labels were among the places read
    assert walk.wrong_text == {}
    assert walk.made_elements == {}
    assert {view: n for view, n in walk.exceptions.items() if n} == {}

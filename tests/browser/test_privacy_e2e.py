"""Nothing leaves the machine, and user text is shown as typed: every page, in Chromium.

One walk over every page, every Insights section (the brief's stories and the
predictions chart among them), Home's Prepare and Cram links, the steps of a review
(its scorecard of the brief, and Rehearse these now), a rehearsal (attempt, reveal,
grade) and the leech panel, on a journal whose every text field holds
hostile Markdown and HTML (tests/hostile.py, built through the domain functions), kept
in a folder whose name is hostile text too. Where this machine lets the test mount a
read-only file system (root), the journal's backups folder is one: the walk then meets
a failed backup on *Your data* and Home, and a restore refused. A second tab then makes
a clash on the review (both texts shown) and removes a question this tab is typing
into (the typed text kept to copy). Every request and WebSocket the browser opens is
recorded, and after each step the page's text and elements are read.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
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
    backups_fail: bool = False  # the backups folder was read-only (see read_only_backups)


@pytest.fixture(scope="module")
def walk(browser, tmp_path_factory) -> Walk:
    """Walk the app once on the hostile journal; every test below reads the record."""
    from conftest import click_until, settled, start_server, stop_server, wait_for_app

    workdir = tmp_path_factory.mktemp("hostile")
    journal = workdir / hostile.folder("Journal folder") / "journal.duckdb"
    ids = hostile.build(journal, datetime.now().astimezone())
    with read_only_backups(journal.parent) as backups_fail:
        server = start_server(workdir, journal)
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        context.set_default_timeout(20_000)
        page = context.new_page()
        record = Walk(backups_fail=backups_fail)
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
            if backups_fail:
                _failed_backup_and_restore(page, server.url, record, wait_for_app, settled)
            harness = (wait_for_app, settled, click_until)
            _two_tabs(page, browser, server.url, ids, record, harness)
        finally:
            context.close()
            stop_server(server)
    return record


@contextmanager
def read_only_backups(folder: Path) -> Iterator[bool]:
    """The journal's backups folder, with the copies it holds, on a read-only file system
    of its own, so that backing up fails (and with it a restore, which keeps the journal
    first); False where mounting needs root and this is not."""
    backups = folder / "backups"
    copies = {path.name: path.read_bytes() for path in backups.iterdir()}
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(backups)], capture_output=True
    )
    if mounted.returncode != 0:
        yield False
        return
    try:
        for name, data in copies.items():
            (backups / name).write_bytes(data)
        subprocess.run(["mount", "-o", "remount,ro", str(backups)], check=True)
        yield True
    finally:
        subprocess.run(["umount", "-l", str(backups)], check=False)


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
    # The Coming-up card's ways to prepare: the brief and the cram view of that interview.
    for link, expected, view in (
        ("Prepare", "Stories never told that fit this interview", "home: Prepare"),
        ("Cram", "Cram for", "home: Cram"),
    ):
        _goto(page, url + "/", wait_for_app, "What to do next")
        page.get_by_role("link", name=link).first.click()
        expect(page.get_by_text(expected).first).to_be_visible()
        _look(page, record, view)

    _goto(page, url + "/interviews", wait_for_app, "Interviews")
    _look(page, record, "interviews: upcoming")
    for tab in ("Held", "Companies"):
        page.get_by_role("tab", name=tab).click()
        expect(page.get_by_role("tab", name=tab)).to_have_attribute("aria-selected", "true")
        _look(page, record, f"interviews: {tab}")

    _goto(page, f"{url}/review?interview={ids['interview']}", wait_for_app, "Review:")
    for step in (
        "1. Overall performance",
        "2. Questions and answers",
        "3. Relationship",
        "4. Strengths",
        "Improvement plan",
        "Summary",
    ):
        _open_step(page, step)
        _look(page, record, f"review: {step}")
    # The summary scores the brief kept before the interview, and leads to rehearsing.
    expect(page.get_by_text("Surprises (1)")).to_be_visible()
    page.get_by_role("link", name="Rehearse these now").click()
    expect(page.get_by_text("Rehearse the weak answers from")).to_be_visible()
    _look(page, record, "review: Rehearse these now")

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
        "Predictions",
    ):
        _choose(page, section)
        _look(page, record, f"insights: {section}")
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()  # hits and surprises

    _goto(page, url + "/data", wait_for_app, "Your data")
    _look(page, record, "data")


def _choose(scope, option: str) -> None:
    """Click a radio option (a review step, an Insights section) and wait until it is on."""
    scope.get_by_role("radio", name=option, exact=True).click()
    expect(scope.get_by_role("radio", name=option, exact=True)).to_have_attribute(
        "aria-checked", "true"
    )


def _open_step(page, step: str) -> None:
    _choose(page.get_by_test_id("stMain"), step)


def _type_and_leave(page, box, text: str, settled) -> None:
    settled(page)
    box.fill(text)
    page.get_by_role("heading").first.click()  # leaving the box saves it


def _wait_until_saved(browser, url: str, step: str, label: str, text: str, wait_for_app):
    """Until a tab opened afresh on the review's `step` shows `text` in the box `label`
    (a save in another tab lands a moment after that tab's box is left; a busy machine
    makes it late)."""
    for _ in range(20):
        fresh = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
        try:
            _goto(fresh, url, wait_for_app, "Review:")
            _open_step(fresh, step)
            box = fresh.get_by_label(label)
            expect(box).to_be_visible()
            if box.input_value() == text:
                return
        finally:
            fresh.context.close()
    raise AssertionError(f"the other tab's save of {label!r} never landed")


def _failed_backup_and_restore(page, url: str, record: Walk, wait_for_app, settled) -> None:
    """Back up now, and restore a backup, with the backups folder read-only."""
    _goto(page, url + "/data", wait_for_app, "Your data")
    settled(page)
    page.get_by_role("button", name="Back up now").click()
    expect(page.get_by_text("The manual backup of", exact=False)).to_be_visible()
    _look(page, record, "data: a failed backup")
    settled(page)
    page.get_by_role("button", name="Restore this backup…").click()
    expect(page.get_by_text("Replace your journal with the copy of", exact=False)).to_be_visible()
    _look(page, record, "data: a restore to confirm")
    settled(page)
    page.get_by_role("button", name="Restore", exact=True).click()
    expect(page.get_by_text("Nothing was restored.", exact=False)).to_be_visible()
    _look(page, record, "data: a restore refused")
    _goto(page, url + "/", wait_for_app, "What to do next")
    expect(page.get_by_text("The manual backup of", exact=False)).to_be_visible()
    _look(page, record, "home: a failed backup")


def _two_tabs(page, browser, url: str, ids: dict[str, int], record: Walk, harness):
    """Another tab saves the advice this tab is editing, then removes a question this tab
    is typing into: the clash panel and the text kept to copy show hostile text."""
    wait_for_app, settled, click_until = harness
    review = f"{url}/review?interview={ids['interview']}"
    advice = "Did the interviewer give you advice?"
    _goto(page, review, wait_for_app, "Review:")
    _open_step(page, "3. Relationship")
    expect(page.get_by_label(advice)).to_be_visible()

    other = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    other.set_default_timeout(20_000)
    _goto(other, review, wait_for_app, "Review:")
    _open_step(other, "3. Relationship")
    saved_there = hostile.hostile("Advice saved in another tab")
    _type_and_leave(other, other.get_by_label(advice), saved_there, settled)
    _wait_until_saved(browser, review, "3. Relationship", advice, saved_there, wait_for_app)

    _type_and_leave(page, page.get_by_label(advice), hostile.hostile("Advice typed here"), settled)
    clash = page.locator(f".st-key-edit_clash_review_{ids['interview']}_advice")
    expect(clash.get_by_text(saved_there, exact=True)).to_be_visible()
    _look(page, record, "review: a clash with another tab")

    _open_step(page, "2. Questions and answers")
    answer = page.locator(f".st-key-review_ask_{ids['ask']}").get_by_label("What I answered")
    expect(answer).to_be_visible()
    _open_step(other, "2. Questions and answers")
    remove = other.get_by_role("button", name="Remove from this interview")
    menu = other.locator(f".st-key-review_ask_{ids['ask']}").get_by_test_id("stPopover")
    click_until(other, menu.get_by_role("button"), remove)  # the question's menu
    remove.click()
    expect(other.locator(f".st-key-review_ask_{ids['ask']}")).to_have_count(0)
    other.context.close()

    _type_and_leave(page, answer, hostile.hostile("Answer typed here"), settled)
    expect(page.locator(".st-key-edit_unsaved")).to_be_visible()
    _look(page, record, "review: text kept after another tab removed its question")


def test_no_page_or_action_asks_any_host_but_the_apps_own(walk):
    assert len(walk.views) > 25, walk.views
    foreign = sorted({u for u in walk.requests if urlsplit(u).hostname not in LOCAL})
    assert foreign == [], foreign
    # The walk did load the app: its script, its stream and a page's own assets.
    assert any(u.endswith("/_stcore/stream") for u in walk.requests)
    # The app's own Content-Security-Policy (coach_ui.server.local_only) refused nothing the
    # app itself needs: no request was even attempted elsewhere.
    assert walk.refused_by_policy == []


def test_the_walk_met_the_backup_restore_and_two_tab_panels(walk):
    expected = ["review: a clash with another tab", "review: text kept after another tab"]
    if walk.backups_fail:
        expected += ["data: a failed backup", "data: a restore refused", "home: a failed backup"]
    for view in expected:
        assert any(v.startswith(view) for v in walk.views), (view, walk.views)


def test_hostile_text_is_shown_exactly_as_typed_on_every_page(walk):
    assert walk.chart_fields > 0  # charts' tooltips and labels were among the places read
    assert walk.wrong_text == {}
    assert walk.made_elements == {}
    assert {view: n for view, n in walk.exceptions.items() if n} == {}

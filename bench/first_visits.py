"""The first visit to each page in a freshly started server, as a candidate meets it.

The app is started as `scripts/run` starts it (`python -m coach_ui.server.launch`, which
serves serve.py with its warm-up lifespan), on the heavy journal. The browser opens the
app (Home), waits until it has settled, gives the candidate a moment to read it
(THINK_MS), then clicks the page's sidebar link: that click is timed to the settled page
(bench.settle). Home's own first visit is reached the same way from a deep link to the
Interviews page. A fresh server for every visit: each is a first.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path

from bench.settle import INIT_SCRIPT, heading, timed_click

THINK_MS = 1000  # from Home settled to the click: a glance at the page first


def first_visit(browser, start_server: Callable, database: Path, spec, title: str) -> float:
    from bench.clicks import goto

    server = start_server(database)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        goto(page, server.url + ("/interviews" if spec.default else "/"), heading())
        page.wait_for_timeout(THINK_MS)
        link = page.get_by_test_id("stSidebar").locator("a").filter(has_text=spec.title).first
        ms = timed_click(page, link, have=[heading(title)])
        context.close()
        return ms
    finally:
        server.stop()


def measure(browser, start_server: Callable, database: Path, titles: dict[str, str],
            rounds: int, log=print) -> dict[str, float]:  # fmt: skip
    """Median ms of each page's first visit (`titles`: each page's heading, by url path)."""
    from coach_ui.pages import PAGES

    times: dict[str, list[float]] = {}
    for round_number in range(rounds):
        for spec in PAGES:
            ms = first_visit(browser, start_server, database, spec, titles[spec.url_path])
            times.setdefault(spec.url_path, []).append(ms)
        log(f"  first visits: round {round_number + 1} of {rounds}: "
            + ", ".join(f"{k} {v[-1]:.0f}" for k, v in times.items()))  # fmt: skip
    return {name: round(statistics.median(ms), 1) for name, ms in times.items()}

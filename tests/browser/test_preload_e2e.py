"""While the first page is read, the browser fetches the other pages' widget code from
this app (coach_ui.preload), so a first visit to any page waits for none of it."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from urllib.parse import urlsplit

from coach import sample
from coach_ui import preload
from coach_ui.pages import PAGES

WAIT_S = 20  # the preloading starts once the page is drawn and the browser is idle


def test_the_other_pages_code_comes_from_this_app_before_they_are_visited(
    app_server, page, tmp_path, wait_for_app, settled
):
    journal = tmp_path / "sample.duckdb"
    sample.write_sample(journal, datetime.now(UTC))
    server = app_server(db_path=journal)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server.url + "/")
    wait_for_app(page)
    expected = {f"{server.url}/static/js/{name}" for name in preload.chunk_files()}
    deadline = time.monotonic() + WAIT_S
    while not expected <= set(requests) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert sorted(expected - set(requests)) == []
    assert {urlsplit(url).netloc for url in requests} == {urlsplit(server.url).netloc}

    page.wait_for_timeout(1000)  # what the imported files import in turn
    loaded = len(requests)
    sidebar = page.get_by_test_id("stSidebar")
    for spec in PAGES[1:]:
        settled(page)
        sidebar.locator("a").filter(has_text=spec.title).first.click()
        page.locator('[data-testid="stMain"] h1').first.wait_for()
        settled(page)
        page.wait_for_timeout(500)
    fetched_later = [url for url in requests[loaded:] if "/static/js/" in url]
    assert fetched_later == []

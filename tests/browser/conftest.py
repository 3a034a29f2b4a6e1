"""Browser test harness: a real Streamlit server and Debian's headless Chromium.

- `app_server(db_path=None, env=None, launcher="scripts/run")` starts a fresh server
  (factory fixture, stopped at the end of the test; `launcher="streamlit run"` starts
  `streamlit run streamlit_app.py` instead); `server` is one shared server per test module.
- `browser` launches /usr/bin/chromium through Playwright (its own download is
  unreachable); `page` is a fresh context per test, 1280x900.
- `wait_for_app(page)` (also a fixture of that name) waits until Streamlit has drawn its
  frame. After a click, wait for the content you expect, never for the script state (it
  turns "running" 30-300 ms late).
- Every test in this folder is marked `browser`; a failing test leaves a screenshot in
  artifacts/.

Servers never touch the user's data: COACH_DB, COACH_SAMPLE_DB and XDG_DATA_HOME point
into a temporary folder.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.browser import CHROMIUM_ARGS  # the flags Chromium needs here, kept once

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ARTIFACTS = REPO / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
START_TIMEOUT = 60.0  # seconds until /_stcore/health answers "ok"
STOP_TIMEOUT = 10.0  # seconds between SIGTERM and SIGKILL
UI_TIMEOUT_MS = 20_000  # Playwright waits; a cold first run takes about 4 s


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


# -- marker -------------------------------------------------------------------------------


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees the whole session's items: mark only those in this folder.
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


# -- the app server -----------------------------------------------------------------------


@dataclass
class Server:
    url: str  # http://127.0.0.1:PORT, no trailing slash
    port: int
    db_path: str
    process: subprocess.Popen

    def stop(self) -> None:
        stop_server(self)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# How the app can be started: as scripts/run does, and as `streamlit run` by hand.
LAUNCHERS = {
    "scripts/run": ["-m", "coach_ui.server.launch"],
    "streamlit run": ["-m", "streamlit", "run", "streamlit_app.py"],
}


def start_server(
    workdir: Path,
    db_path: str | os.PathLike[str] | None = None,
    env: dict[str, str] | None = None,
    launcher: str = "scripts/run",
) -> Server:
    """Start the app from the repo root as scripts/run does (or as `launcher` of
    LAUNCHERS); return once it is healthy.

    `workdir` holds the temporary databases, data folder and server log.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    db = str(db_path) if db_path is not None else str(workdir / "journal.duckdb")
    port = free_port()
    server_env = {
        **os.environ,
        "COACH_DB": db,
        "COACH_SAMPLE_DB": str(workdir / "sample.duckdb"),
        "XDG_DATA_HOME": str(workdir / "data"),
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    log_path = workdir / f"streamlit-{port}.log"
    log = open(log_path, "wb")  # noqa: SIM115 - closed by the child's exit / GC
    process = subprocess.Popen(
        [
            sys.executable,
            *LAUNCHERS[launcher],
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=REPO,
        env=server_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    server = Server(url=f"http://127.0.0.1:{port}", port=port, db_path=db, process=process)

    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with code {process.returncode} before it was healthy:\n"
                + _tail(log_path)
            )
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200 and resp.read().strip() == b"ok":
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            stop_server(server)
            raise RuntimeError(
                f"streamlit did not answer /_stcore/health within {START_TIMEOUT:.0f} s:\n"
                + _tail(log_path)
            )
        time.sleep(0.2)


def stop_server(server: Server) -> None:
    process = server.process
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT)


def _tail(path: Path, limit: int = 8000) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError as error:
        return f"(no server log: {error})"
    return text[-limit:]


@pytest.fixture
def app_server(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    """Factory: `app_server(db_path=None, env=None, launcher=...)` starts a fresh server."""
    started: list[Server] = []

    def start(
        db_path: str | os.PathLike[str] | None = None,
        env: dict[str, str] | None = None,
        launcher: str = "scripts/run",
    ) -> Server:
        server = start_server(tmp_path / f"server-{len(started)}", db_path, env, launcher)
        started.append(server)
        return server

    yield start
    for server in reversed(started):
        stop_server(server)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server per test module, on an empty temporary journal."""
    started = start_server(tmp_path_factory.mktemp("server"))
    yield started
    stop_server(started)


# -- the browser --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
        if in_ci():
            pytest.fail(f"{reason}; browser tests cannot be skipped under CI", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=UI_TIMEOUT_MS)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser, request: pytest.FixtureRequest):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(UI_TIMEOUT_MS)
    opened = context.new_page()
    yield opened
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        try:
            opened.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception as error:  # a screenshot must never hide the real failure
            print(f"could not save a screenshot: {error}")
    context.close()


def wait_for_app(page, timeout_ms: float = UI_TIMEOUT_MS) -> None:
    """Wait until Streamlit has drawn the app frame (not for any particular content)."""
    page.locator('[data-testid="stApp"]').wait_for(state="attached", timeout=timeout_ms)
    page.locator('[data-testid="stAppViewContainer"]').wait_for(state="visible", timeout=timeout_ms)


@pytest.fixture(name="wait_for_app")
def wait_for_app_fixture() -> Callable[..., None]:
    """`wait_for_app(page)` for tests (this folder is not a package, so import is awkward)."""
    return wait_for_app


def settled(page, timeout_ms: float = UI_TIMEOUT_MS) -> None:
    """Wait until no script run is in flight. Call it before a click that must not be
    lost: a click sent while the run started by the previous one is still going can be
    dropped on a busy machine. (Right after a click the state turns "running" only
    30-300 ms later, so this is no way to wait for that click's own run.)"""
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
        timeout=timeout_ms
    )


@pytest.fixture(name="settled")
def settled_fixture() -> Callable[..., None]:
    """`settled(page)` for tests."""
    return settled


def click_until(page, target, shown, attempts: int = 3, timeout_ms: float = 10_000) -> None:
    """Click `target` until `shown` is visible. On a busy machine the browser's Streamlit
    client sometimes drops a click that lands while a rerun is still going, and the test
    then waits in vain; a click is sent again only while `shown` has not appeared."""
    from playwright.sync_api import expect

    for _ in range(attempts):
        settled(page)
        if target.is_visible():
            target.click()
        try:
            expect(shown).to_be_visible(timeout=timeout_ms)
            return
        except AssertionError:
            continue
    expect(shown).to_be_visible()


@pytest.fixture(name="click_until")
def click_until_fixture() -> Callable[..., None]:
    """`click_until(page, target, shown)` for tests."""
    return click_until

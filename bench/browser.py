"""The browser half of the bench: cold start, page switches, first visits and clicks in
headless Chromium, on copies of the bench's journals (the app writes: backups, kept briefs).

- Cold start: the app as `scripts/run` starts it (`python -m coach_ui.server.launch`) on the
  heavy journal and an empty one-line Streamlit app are started alternately; each is
  timed from process start to its first page's heading painted in Chromium.
- Page switch: one browser session on the heavy journal clicks sidebar links and
  times each switch until the target page's heading is shown and its script has
  finished. The reference is a switch to an empty page, which only a bench copy of
  the app has: a temporary folder with an entry script over the same page list plus
  that page, and links to the real `pages/` folder and `.streamlit/` settings.
- First visits (bench.first_visits): each page's first visit in a freshly started app.
- Clicks (bench.clicks): what a person feels, from the click to the settled page, on the
  sample and the heavy journal, against the empty page's rerun button.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from coach_ui.pages import app_root

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 60_000
EMPTY_TITLE = "Empty page"
CLICK_ROUNDS = 7  # timed rounds of clicks (medians), after one to warm up
FIRST_VISIT_ROUNDS = 7  # fresh servers per page

BENCH_APP = '''\
"""The app's navigation plus an empty page, for timing page switches (scripts/bench)."""

import streamlit as st

from coach_ui.pages import PAGES

empty = st.Page("empty.py", title="Empty page", url_path="empty")
with st.sidebar:
    st.page_link(empty, label="Empty page")
st.navigation(
    [
        *[
            st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default)
            for p in PAGES
        ],
        empty,
    ],
    position="hidden",
).run()
'''
# The empty page draws the same sidebar links as the app's frame, and nothing else.
EMPTY_PAGE = f"""\
import streamlit as st

from coach_ui.pages import PAGES

with st.sidebar:
    for spec in PAGES:
        st.page_link(spec.path, label=spec.title, icon=spec.icon)
st.title("{EMPTY_TITLE}")
# The floor of a click: a button that runs the page again, which then shows one line.
st.button("Run again")
st.session_state["bench_runs"] = st.session_state.get("bench_runs", -1) + 1
st.markdown(f"Run number {{st.session_state['bench_runs']}}")
"""
EMPTY_APP = 'import streamlit as st\n\nst.title("Empty app")\n'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    """Return once the server at `url` answers its health check; else raise with its log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.02)
    raise RuntimeError(f"streamlit did not become healthy in {timeout:.0f} s:\n{_tail(log)}")


def _tail(log: Path, limit: int = 4000) -> str:
    return log.read_text(errors="replace")[-limit:] if log.exists() else f"(no {log})"


# The app as scripts/run starts it (`coach app` hands over to the same module).
LAUNCHER = ("-m", "coach_ui.server.launch")


class Server:
    """`python -m streamlit run SCRIPT`, or with `script=None` the app as `launcher` starts it."""

    def __init__(
        self,
        folder: Path,
        script: str | None,
        database: Path,
        log_name: str,
        launcher: tuple[str, ...] = LAUNCHER,
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.perf_counter()
        env = {
            **os.environ,
            "COACH_DB": str(database),
            "COACH_SAMPLE_DB": str(database.parent / "unused-sample.duckdb"),
        }
        self.log = open(folder / log_name, "wb")  # noqa: SIM115 - closed in stop()
        command = [*launcher] if script is None else ["-m", "streamlit", "run", script]
        self.process = subprocess.Popen(
            [sys.executable, *command, "--server.port", str(self.port),
             "--server.headless", "true", "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false"],
            cwd=folder, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def wait_healthy(self, timeout: float = 60) -> None:
        wait_healthy(self.url, self.process, Path(self.log.name), timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


def _bench_app(workdir: Path) -> Path:
    """The temporary app folder: the bench entry script, the empty page, links to the real app."""
    folder = workdir / "app"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "bench_app.py").write_text(BENCH_APP)
    (folder / "empty.py").write_text(EMPTY_PAGE)
    (folder / "empty_app.py").write_text(EMPTY_APP)
    (folder / "pages").symlink_to(app_root() / "pages")
    (folder / ".streamlit").symlink_to(app_root() / ".streamlit")
    return folder


def _first_heading(page, text: str | None = None) -> None:
    heading = page.locator('[data-testid="stMain"] h1')
    if text is not None:
        heading = heading.filter(has_text=text)
    heading.first.wait_for(state="visible", timeout=TIMEOUT_MS)


def cold_start(
    browser, folder: Path, database: Path, script: str | None, heading: str | None
) -> float:
    """Seconds from starting the server (see Server) to its first page's heading painted."""
    server = Server(folder, script, database, f"cold-{Path(script or 'app').stem}.log")
    try:
        server.wait_healthy()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(server.url)
        _first_heading(page, heading)
        elapsed = time.perf_counter() - server.started
        context.close()
        return elapsed
    finally:
        server.stop()


def _done(page, title: str) -> None:
    """Wait until the main heading reads `title` and the script run has finished."""
    page.wait_for_function(
        """(title) => {
            const app = document.querySelector('[data-testid="stApp"]');
            const heads = [...document.querySelectorAll('[data-testid="stMain"] h1')];
            return app && app.dataset.testScriptState === 'notRunning'
                && heads.some((h) => h.innerText.trim() === title);
        }""",
        arg=title,
        timeout=TIMEOUT_MS,
        polling="raf",
    )


def page_switches(
    browser, folder: Path, database: Path, rounds: int
) -> tuple[dict[str, float], dict[str, str]]:
    """Median ms per target page of a sidebar click until the page has drawn; and each
    page's heading (by url path)."""
    from coach_ui.pages import PAGES

    server = Server(folder, "bench_app.py", database, "switch.log")
    try:
        server.wait_healthy()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(server.url)
        _first_heading(page)
        sidebar = page.locator('[data-testid="stSidebar"]')
        titles = {}

        def click(label: str, title: str | None) -> tuple[float, str]:
            link = sidebar.locator("a").filter(has_text=label).first
            link.wait_for(state="visible", timeout=TIMEOUT_MS)
            started = time.perf_counter()
            link.click()
            if title is None:  # the first visit: learn the page's heading
                page.wait_for_timeout(300)
                _first_heading(page)
                page.wait_for_function(
                    "() => document.querySelector('[data-testid=\"stApp\"]')"
                    ".dataset.testScriptState === 'notRunning'",
                    timeout=TIMEOUT_MS,
                )
                title = page.locator('[data-testid="stMain"] h1').first.inner_text().strip()
            else:
                _done(page, title)
            return (time.perf_counter() - started) * 1000, title

        for spec in PAGES:  # warm up: every page once, and learn its heading
            click(EMPTY_TITLE, EMPTY_TITLE)
            _, titles[spec.title] = click(spec.title, None)
        times: dict[str, list[float]] = {"empty": []}
        for _ in range(rounds):
            for spec in PAGES:
                times["empty"].append(click(EMPTY_TITLE, EMPTY_TITLE)[0])
                times.setdefault(spec.url_path, []).append(click(spec.title, titles[spec.title])[0])
        context.close()
        medians = {name: round(statistics.median(ms), 1) for name, ms in times.items()}
        return medians, {spec.url_path: titles[spec.title] for spec in PAGES}
    finally:
        server.stop()


def _copy(journal: Path, target: Path) -> Path:
    """A copy of a (closed) bench journal: the app writes (backups, kept briefs)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in (target, target.with_name(target.name + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(target.parent / "backups", ignore_errors=True)
    shutil.copyfile(journal, target)
    return target


def measure(
    workdir: Path,
    journals: dict[str, Path],
    *,
    quick: bool,
    log: Callable[[str], None] = print,
) -> dict:
    """Cold start, page switches, first visits and clicks (`journals`: sample and heavy)."""
    from playwright.sync_api import sync_playwright

    from bench import clicks, first_visits

    folder = _bench_app(workdir)
    heavy = _copy(journals["heavy"], workdir / "browser" / "heavy.duckdb")
    pairs = 1 if quick else 6

    def started(script: str | None, name: str) -> Callable[[Path], Server]:
        def start(database: Path) -> Server:
            server = Server(folder, script, database, f"{name}-{database.stem}.log")
            server.wait_healthy()
            return server

        return start

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            app, empty = [], []
            for _ in range(pairs):
                app.append(cold_start(browser, folder, heavy, None, None))
                empty.append(cold_start(browser, folder, heavy, "empty_app.py", "Empty app"))
            log(
                "  cold start (s): app " + " ".join(f"{s:.2f}" for s in app)
                + " · empty " + " ".join(f"{s:.2f}" for s in empty)
            )  # fmt: skip
            switches, titles = page_switches(browser, folder, heavy, 1 if quick else 5)
            log("  page switch (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in switches.items()))
            firsts = first_visits.measure(
                browser, started(None, "first-visit"), heavy, titles,
                rounds=1 if quick else FIRST_VISIT_ROUNDS, log=log,
            )  # fmt: skip
            felt = clicks.measure(
                browser,
                started("bench_app.py", "clicks"),
                {"sample": journals["sample"], "heavy": journals["heavy"]},
                workdir,
                rounds=1 if quick else CLICK_ROUNDS,
                log=log,
            )
        finally:
            browser.close()
    return {
        "cold_start_s": round(statistics.median(app), 2),
        "cold_start_empty_s": round(statistics.median(empty), 2),
        "page_switch_ms": switches,
        "empty_switch_ms": switches["empty"],
        "first_visit_ms": firsts,
        **felt,
    }

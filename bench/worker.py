"""The bench's page scripts: every view on every journal in AppTest, with floors beside them.

Runs in a fresh process (`python -m bench.worker CONFIG OUT`, started by `run_worker`),
so that its peak memory is the pages' own. Each view (a page in its default state and,
unless quick, each section of the larger pages) keeps one AppTest per journal; all of
them, and two floors (an empty page, and a page of as many constant Altair charts),
run round by round so that drift on a noisy machine hits every scale alike.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from coach_ui.pages import app_root

APP = app_root() / "streamlit_app.py"
CHECKOUT = Path(__file__).resolve().parents[1]  # where `python -m bench.worker` is found


@dataclass(frozen=True)
class View:
    name: str  # "insights" or "insights: Weak spots"
    page: str  # pages/x.py
    segmented: tuple[str, str] | None = None  # (widget key, value) to choose after loading
    review_latest: bool = False  # open the latest completed review first


def views(quick: bool) -> list[View]:
    from coach_ui.pages import PAGES

    found = [View(p.url_path, p.path) for p in PAGES]
    if quick:
        return found
    found.append(View("review: latest", "pages/review.py", review_latest=True))
    for section in ("cram", "cards", "settings"):
        found.append(
            View(f"practice: {section}", "pages/practice.py", ("practice_section", section))
        )
    from coach_ui.insights import SECTIONS

    for section in list(SECTIONS)[1:]:
        found.append(
            View(f"insights: {section}", "pages/insights.py", ("insights_section", section))
        )
    return found


EMPTY_PAGE = 'import streamlit as st\n\nst.title("Empty page")\n'
CHART_PAGE = """\
import altair as alt
import pandas as pd
import streamlit as st

st.title("Chart floor")
data = pd.DataFrame({{"week": list(range(26)) * 2, "score": [((i * 7) % 11) / 3 for i in range(52)],
                      "kind": ["practice"] * 26 + ["target"] * 26}})
for n in range({n}):
    st.altair_chart(
        alt.Chart(data).mark_line(point=True).encode(x="week:Q", y="score:Q", color="kind:N")
        .properties(title=f"Chart {{n}}", height=220),
        width="stretch",
    )
"""


@dataclass
class Runner:
    """One AppTest kept alive for one view (or floor) on one journal."""

    label: str
    database: str | None  # COACH_DB for this runner's runs; None for a floor page
    at: object
    times: list[float] = field(default_factory=list)
    after_save: bool = False  # time each run as the first after a save: nothing remembered

    def run(self) -> float:
        if self.database:
            os.environ["COACH_DB"] = self.database
        if self.after_save:
            from coach import db
            from coach.insights import charting

            db.open_journal(self.database).forget()
            charting.forget_specs()
        started = time.perf_counter()
        self.at.run()
        elapsed = (time.perf_counter() - started) * 1000
        if self.at.exception:
            raise RuntimeError(f"{self.label}: {self.at.exception[0].value}")
        return elapsed


def _page_runner(
    view: View, scale: str, database: str, timeout: float, *, after_save: bool = False
) -> Runner:
    from streamlit.testing.v1 import AppTest

    os.environ["COACH_DB"] = database
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    if view.review_latest:
        from coach import db

        cur = db.open_journal(database).cursor()
        row = cur.execute(
            "SELECT interview_id FROM reviews WHERE status = 'completed'"
            " ORDER BY completed_at DESC LIMIT 1"
        ).fetchone()
        cur.close()
        at.session_state["review_interview"] = row[0]
    at.run()
    if view.page != "pages/home.py":
        at.switch_page(view.page).run()
    if view.segmented:
        key, value = view.segmented
        at.segmented_control(key=key).set_value(value).run()
    runner = Runner(f"{view.name} on {scale}", database, at, after_save=after_save)
    runner.run()  # the first rerun skips the entry script, as every later one does
    return runner


def _floor_runner(label: str, script: Path, timeout: float) -> Runner:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=timeout)
    runner = Runner(label, None, at)
    runner.run()
    return runner


def work(config: dict) -> dict:
    """Time every view on every scale, with the floors; runs in the worker process."""
    databases: dict[str, str] = config["journals"]
    quick = config["quick"]
    warmup, rounds, timeout = config["warmup"], config["rounds"], config["timeout"]
    folder = Path(config["workdir"]) / "floors"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["COACH_SAMPLE_DB"] = str(folder / "unused-sample.duckdb")
    chosen = views(quick)

    runners: dict[tuple[str, str], Runner] = {}
    after_save: dict[str, Runner] = {}
    for view in chosen:
        for scale, database in databases.items():
            runners[view.name, scale] = _page_runner(view, scale, database, timeout)
        if "heavy" in databases:  # pages remember their reads: time the first run after a save
            after_save[view.name] = _page_runner(
                view, "heavy", databases["heavy"], timeout, after_save=True
            )
    # Floors: an empty page, and N constant Altair charts for each chart count seen.
    counted = "heavy" if "heavy" in databases else next(iter(databases))
    charts = {
        view.name: len(runners[view.name, counted].at.get("vega_lite_chart")) for view in chosen
    }
    (folder / "empty.py").write_text(EMPTY_PAGE)
    floors = {"empty": _floor_runner("empty page", folder / "empty.py", timeout)}
    for n in sorted(set(charts.values())):
        script = folder / f"charts_{n}.py"
        script.write_text(CHART_PAGE.format(n=n))
        floors[f"charts_{n}"] = _floor_runner(f"{n} charts", script, timeout)

    everything = [*floors.values(), *runners.values()]
    for _ in range(warmup):
        for runner in everything:
            runner.run()
    for _ in range(rounds):
        for runner in everything:
            runner.times.append(runner.run())
    # Apart: each of these drops what every page on the journal remembers.
    for _ in range(warmup):
        for runner in after_save.values():
            runner.run()
    for _ in range(rounds):
        for runner in after_save.values():
            runner.times.append(runner.run())

    def median(runner: Runner) -> float:
        return round(statistics.median(runner.times), 1)

    pages = {}
    for view in chosen:
        figures = {f"{scale}_ms": median(runners[view.name, scale]) for scale in databases}
        if view.name in after_save:
            figures["heavy_after_save_ms"] = median(after_save[view.name])
        figures["floor_ms"] = median(floors[f"charts_{charts[view.name]}"])
        figures["empty_ms"] = median(floors["empty"])
        figures["charts"] = charts[view.name]
        pages[view.name] = figures
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"pages": pages, "peak_rss_mb": round(peak_kb / 1024, 1), "rounds": rounds}


def run_worker(config: dict, log: Callable[[str], None] = print) -> dict:
    """Run `work` in a fresh Python process and return its figures."""
    workdir = Path(config["workdir"])
    spec, out = workdir / "worker-config.json", workdir / "worker-result.json"
    spec.write_text(json.dumps(config))
    out.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.worker", str(spec), str(out)],
        cwd=CHECKOUT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"the bench worker failed:\n{done.stdout[-4000:]}{done.stderr[-4000:]}")
    return json.loads(out.read_text())


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(
            "usage: python -m bench.worker CONFIG OUT (started by scripts/bench)", file=sys.stderr
        )
        return 2
    result = work(json.loads(Path(argv[0]).read_text()))
    Path(argv[1]).write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

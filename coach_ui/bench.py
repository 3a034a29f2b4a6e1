"""`coach bench`: every page's script at three journal sizes, against floors from the same run.

Three steps:

1. **Journals** (this process): the sample journal, a heavy user's (coach.heavy, factor
   1) and ten times that, each built once and kept in the bench folder under a name
   that holds the scale, the generator's version and digest, and the day (pages read
   the clock, so the journals are dated relative to today).
2. **Page scripts** (a fresh worker process, so its peak memory is the pages' own):
   streamlit's AppTest runs every view (a page in its default state, and in
   `--full` mode each section of the larger pages) on every scale, interleaved round
   by round so that drift on a noisy machine hits all scales alike, together with two
   floors: an empty page, and a page drawing the same number of Altair charts from
   constant data. Pages remember their reads until the next write (coach.memo), so
   each view also runs on the heavy journal as the first run after a save: remembered
   reads and chart specs dropped before every run. Medians are reported.
3. **Browser** (`coach_ui.bench_browser`): cold start of the app on the heavy journal
   against an empty Streamlit app, and page switches in headless Chromium.

The worker is `python -m coach_ui.bench worker CONFIG OUT`.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from coach_ui.pages import REPO

APP = REPO / "streamlit_app.py"
SCALES = ("sample", "heavy", "x10")
FACTORS = {"heavy": 1, "x10": 10}

# The targets of the performance issue (README, "Performance").
HEAVY_OVER_SAMPLE = 1.5
X10_OVER_SAMPLE = 2.5
OVER_CHART_FLOOR_MS = 60.0
PEAK_RSS_MB = 500.0
COLD_START_RATIO = 1.3
SWITCH_RATIO = 2.0


# --- Journals ----------------------------------------------------------------------


def default_workdir() -> Path:
    return Path(tempfile.gettempdir()) / "coach-bench"


def _digest() -> str:
    from coach import heavy, migrations, sample

    text = b"".join(Path(m.__file__).read_bytes() for m in (heavy, migrations, sample))
    return f"v{heavy.VERSION}-{hashlib.sha1(text).hexdigest()[:8]}"


def bench_now(today: datetime | None = None) -> datetime:
    """Noon UTC today: journals are dated relative to it, and rebuilt each day."""
    today = today or datetime.now(UTC)
    return today.astimezone(UTC).replace(hour=12, minute=0, second=0, microsecond=0)


def journal_path(workdir: Path, scale: str, now: datetime) -> Path:
    return workdir / "journals" / f"{scale}-{_digest()}-{now:%Y%m%d}.duckdb"


def build_journal(path: Path, scale: str, now: datetime) -> float:
    """Write the journal for `scale` to `path` (atomically); return the seconds it took."""
    from coach import db, heavy, sample

    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    if scale == "sample":
        sample.write_sample(path, now)
        return time.perf_counter() - started
    building = path.with_name(f".{path.name}.building")
    for stale in (building, building.with_name(building.name + ".wal")):
        stale.unlink(missing_ok=True)
    con = db.connect(str(building))
    try:
        db.migrate(con, str(building), now=now)
        journal = db.Journal(str(building), con)
        journal.write(lambda cur: heavy.build_heavy(cur, now, FACTORS[scale]))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(building, path)
    return time.perf_counter() - started


def prepare_journals(
    workdir: Path, now: datetime, scales=SCALES, log: Callable[[str], None] = print
) -> dict[str, Path]:
    """The journal of each scale, built unless the bench folder already has it."""
    paths = {}
    for scale in scales:
        path = journal_path(workdir, scale, now)
        if path.exists():
            log(f"  {scale:<7} cached  {path}")
        else:
            seconds = build_journal(path, scale, now)
            log(f"  {scale:<7} built in {seconds:.1f} s  {path}")
        paths[scale] = path
    # Journals of other days or generator versions are no longer used.
    for old in (workdir / "journals").glob("*.duckdb*"):
        if old.name.split(".duckdb")[0] not in {p.stem for p in paths.values()}:
            old.unlink(missing_ok=True)
    return paths


def clear_backups(paths: dict[str, Path]) -> None:
    """Opening a journal keeps a daily backup beside it: the bench has no use for them."""
    for path in paths.values():
        shutil.rmtree(path.parent / "backups", ignore_errors=True)


# --- Views: what the worker runs ---------------------------------------------------


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
    from coach_ui.insights_sections import SECTIONS

    for section in list(SECTIONS)[1:]:
        found.append(
            View(f"insights: {section}", "pages/insights.py", ("insights_section", section))
        )
    return found


# --- The worker -----------------------------------------------------------------------

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
            from coach import charts, db

            db.open_journal(self.database).forget()
            charts.forget_specs()
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
        [sys.executable, "-m", "coach_ui.bench", "worker", str(spec), str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"the bench worker failed:\n{done.stdout[-4000:]}{done.stderr[-4000:]}")
    return json.loads(out.read_text())


# --- Report ---------------------------------------------------------------------------


def checks(result: dict) -> list[tuple[str, bool, str]]:
    """Each target of the issue: (what, met, the figures)."""
    found = []
    for name, f in result["pages"].items():
        heavy, sample, x10 = f["heavy_ms"], f["sample_ms"], f.get("x10_ms")
        found.append(
            (f"{name}: heavy ≤ {HEAVY_OVER_SAMPLE}x sample", heavy <= HEAVY_OVER_SAMPLE * sample,
             f"{heavy / sample:.2f}x")
        )  # fmt: skip
        if x10 is not None:
            found.append(
                (f"{name}: x10 ≤ {X10_OVER_SAMPLE}x sample", x10 <= X10_OVER_SAMPLE * sample,
                 f"{x10 / sample:.2f}x")
            )  # fmt: skip
        found.append(
            (f"{name}: heavy ≤ chart floor + {OVER_CHART_FLOOR_MS:.0f} ms",
             heavy <= f["floor_ms"] + OVER_CHART_FLOOR_MS,
             f"{heavy:.0f} ms vs {f['floor_ms']:.0f} + {OVER_CHART_FLOOR_MS:.0f}")
        )  # fmt: skip
    found.append(
        (f"peak memory < {PEAK_RSS_MB:.0f} MB", result["peak_rss_mb"] < PEAK_RSS_MB,
         f"{result['peak_rss_mb']:.0f} MB")
    )  # fmt: skip
    if result.get("cold_start_s") and result.get("cold_start_empty_s"):
        ratio = result["cold_start_s"] / result["cold_start_empty_s"]
        found.append(
            (f"cold start ≤ {COLD_START_RATIO}x an empty app", ratio <= COLD_START_RATIO,
             f"{result['cold_start_s']:.2f} s vs {result['cold_start_empty_s']:.2f} s "
             f"= {ratio:.2f}x")
        )  # fmt: skip
    switch = result.get("page_switch_ms") or {}
    empty = switch.get("empty")
    for name, ms in switch.items():
        if name != "empty" and empty:
            found.append(
                (f"switch to {name} ≤ {SWITCH_RATIO}x switch to an empty page",
                 ms <= SWITCH_RATIO * empty, f"{ms:.0f} ms vs {empty:.0f} ms = {ms / empty:.2f}x")
            )  # fmt: skip
    return found


def table(result: dict) -> str:
    """The Markdown table the README shows."""
    lines = [
        "| page | charts | sample ms | heavy ms | x10 ms | chart floor ms "
        "| heavy / sample | x10 / sample | heavy − floor ms | heavy, after a save ms |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, f in result["pages"].items():
        x10 = f.get("x10_ms")
        x10_ms = "—" if x10 is None else f"{x10:.0f}"
        x10_ratio = "—" if x10 is None else f"{x10 / f['sample_ms']:.2f}x"
        saved = f.get("heavy_after_save_ms")
        lines.append(
            f"| {name} | {f['charts']} | {f['sample_ms']:.0f} | {f['heavy_ms']:.0f} | "
            f"{x10_ms} | {f['floor_ms']:.0f} | {f['heavy_ms'] / f['sample_ms']:.2f}x | "
            f"{x10_ratio} | {f['heavy_ms'] - f['floor_ms']:+.0f} | "
            f"{'—' if saved is None else f'{saved:.0f}'} |"
        )
    empty = next(iter(result["pages"].values()))["empty_ms"]
    lines.append("")
    memory = f"Empty page: {empty:.1f} ms. Peak memory, every page on the x10 journal alone: "
    memory += f"{result['peak_rss_mb']:.0f} MB"
    if result.get("peak_rss_all_scales_mb"):
        memory += f" (all three journals in one process: {result['peak_rss_all_scales_mb']:.0f} MB)"
    lines.append(memory + ".")
    if result.get("cold_start_s"):
        lines.append(
            f"Cold start to the first painted page: {result['cold_start_s']:.2f} s "
            f"(an empty Streamlit app: {result['cold_start_empty_s']:.2f} s)."
        )
    switch = result.get("page_switch_ms") or {}
    if switch:
        lines.append(
            "Page switch in Chromium, heavy journal (median ms): "
            + ", ".join(f"{name} {ms:.0f}" for name, ms in switch.items())
            + "."
        )
    return "\n".join(lines)


def summary(result: dict) -> str:
    found = checks(result)
    failed = [c for c in found if not c[1]]
    lines = [f"Targets: {len(found) - len(failed)} of {len(found)} met."]
    lines += [f"  MISSED {what}: {figures}" for what, _, figures in failed]
    return "\n".join(lines)


# --- The command ----------------------------------------------------------------------


def bench(
    *,
    workdir: Path,
    quick: bool = False,
    browser: bool = True,
    json_path: Path | None = None,
    log: Callable[[str], None] = print,
) -> dict:
    """The whole bench; returns (and with `json_path`, writes) the figures."""
    workdir.mkdir(parents=True, exist_ok=True)
    now = bench_now()
    log(f"Journals in {workdir}:")
    paths = prepare_journals(workdir, now, log=log)
    config = {
        "journals": {scale: str(path) for scale, path in paths.items()},
        "quick": quick,
        "warmup": 1 if quick else 2,
        "rounds": 3 if quick else 9,
        "timeout": 120,
        "workdir": str(workdir),
    }
    log(f"Page scripts ({config['rounds']} timed runs each, interleaved)…")
    started = time.perf_counter()
    result = run_worker(config, log)
    log(f"  done in {time.perf_counter() - started:.0f} s")
    # The worker above holds every page at every scale at once; the memory target is
    # about a ten-times-heavy journal, so measure that alone in a fresh process.
    log("Peak memory: every page on the ten-times-heavy journal alone…")
    alone = run_worker(
        {**config, "journals": {"x10": config["journals"]["x10"]}, "warmup": 0, "rounds": 1},
        log,
    )
    result["peak_rss_all_scales_mb"] = result["peak_rss_mb"]
    result["peak_rss_mb"] = alone["peak_rss_mb"]
    result["cold_start_s"] = result["cold_start_empty_s"] = None
    if browser:
        from coach_ui import bench_browser

        log("Browser: cold start and page switches…")
        result.update(bench_browser.measure(workdir, paths["heavy"], quick=quick, log=log))
    clear_backups(paths)
    result["quick"] = quick
    result["generated"] = datetime.now(UTC).isoformat(timespec="seconds")
    if json_path is not None:
        json_path.write_text(json.dumps(result, indent=2) + "\n")
    return result


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "worker":
        result = work(json.loads(Path(argv[1]).read_text()))
        Path(argv[2]).write_text(json.dumps(result))
        return 0
    print(textwrap.dedent(__doc__ or ""), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

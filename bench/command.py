"""`scripts/bench` (`python -m bench`): the three steps of the bench, a table and the targets.

Prints the table of docs/performance.md and whether each target is met; `--json` also
writes the figures: `pages{VIEW:{sample_ms, heavy_ms, x10_ms, floor_ms, empty_ms,
charts, heavy_after_save_ms}}`, `peak_rss_mb`, `peak_rss_all_scales_mb`, `rounds`,
`cold_start_s`, `cold_start_empty_s`, `page_switch_ms`, `empty_switch_ms`,
`first_visit_ms{PAGE}`, `interactions{NAME:{sample_ms, heavy_ms}}`, `empty_rerun_ms`,
`quick`, `generated`.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from bench import browser as bench_browser
from bench.journals import bench_now, clear_backups, default_workdir, prepare_journals
from bench.report import summary, table
from bench.worker import run_worker


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
        log("Browser: cold start, page switches, first visits and clicks…")
        result.update(bench_browser.measure(workdir, paths, quick=quick, log=log))
    clear_backups(paths)
    result["quick"] = quick
    result["generated"] = datetime.now(UTC).isoformat(timespec="seconds")
    if json_path is not None:
        json_path.write_text(json.dumps(result, indent=2) + "\n")
    return result


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scripts/bench",
        description=(
            "Build three journals (the sample; a heavy user's: 500 interviews, 10,000 asks, "
            "100,000 rehearsals; and ten times that), run every page's script on each, "
            "measured against an empty page and a page of as many constant Altair charts, "
            "then time in headless Chromium cold start, page switches, the first visit to "
            "each page in a fresh server, and clicks from the click to the settled page, "
            "on the sample and the heavy journal. Prints a table "
            "and whether each performance target is met. Built journals are kept in the "
            "bench folder, so later runs start at once."
        ),
    )
    parser.add_argument(
        "--quick", action="store_true", help="a coarse run (one round of each browser step)"
    )
    parser.add_argument("--json", metavar="PATH", type=Path, help="also write the figures here")
    parser.add_argument(
        "--workdir",
        metavar="DIR",
        type=Path,
        default=None,
        help="the bench folder (default: coach-bench in the temporary folder)",
    )
    parser.add_argument(
        "--no-browser",
        action="store_true",
        help="skip the browser: cold start, page switches, first visits and clicks",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result = bench(
        workdir=args.workdir or default_workdir(),
        quick=args.quick,
        browser=not args.no_browser,
        json_path=args.json,
    )
    print()
    print(table(result))
    print()
    print(summary(result))
    return 0

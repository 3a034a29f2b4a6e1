"""What two pieces of domain work cost: `.venv/bin/python -m bench.domain`.

A developer tool beside scripts/bench (never imported by the app). It times building the
sample journal into a fresh file (what "Explore with sample data" and `coach demo` do) and
analysing a 100 KB answer in English and in Chinese (what a pasted answer costs on save).
Tests check the results of this work; its speed is shown here, by figures, because timed
assertions fail at random on a shared machine. The figures are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from coach import db
from coach.analysis import analyse
from coach.sample import build_sample

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
ENGLISH_100_KB = ("Um, I led the team and revenue increased by 20%. " * 2_000)[:100_000]
CHINESE_100_KB = "当时我负责，结果提升了百分之三十。" * 6_000


def median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def sample_build_ms(runs: int) -> float:
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for i in range(runs):
            path = str(Path(folder) / f"sample-{i}.duckdb")
            journal = db.open_journal(path)  # opening and migrating is not the sample's cost
            started = time.perf_counter()
            build_sample(journal, NOW)
            times.append((time.perf_counter() - started) * 1000)
            db.close_journal(path)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    print("| work | median ms |")
    print("|---|--:|")
    print(f"| build the sample journal | {sample_build_ms(args.runs):.0f} |")
    for language, text in (("English", ENGLISH_100_KB), ("Chinese", CHINESE_100_KB)):
        cost = median_ms(lambda text=text: analyse(text), args.runs)
        print(f"| analyse a 100 KB {language} answer | {cost:.0f} |")


if __name__ == "__main__":
    main()

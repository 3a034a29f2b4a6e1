"""What a checkpoint after every save costs: `.venv/bin/python -m bench.checkpoint`.

A developer tool beside scripts/bench (never imported by the app). On a copy of each
bench journal (the sample, the heavy user's, ten times that), it times two kinds of
save, as the app makes them: a review's text field changed (an update) and a graded
rehearsal (an insert), each in its own transaction, first committed alone and then
committed and checkpointed. It also records the file's size after a thousand
checkpointed saves, which shows whether the file grows with every checkpoint.
The figures are in docs/durability.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench import journals
from coach import db

SAVES = {
    "review text": (
        "UPDATE reviews SET advice = ? WHERE interview_id = (SELECT min(interview_id) FROM reviews)"
    ),
    "rehearsal": (
        "INSERT INTO rehearsals (card_id, rated_at, grade, attempt)"
        " VALUES ((SELECT min(id) FROM cards), now(), 3, ?)"
    ),
}


def time_saves(path: Path, *, checkpoint: bool, rounds: int) -> dict[str, list[float]]:
    con = db.connect(str(path))
    try:
        cur = con.cursor()
        times: dict[str, list[float]] = {}
        for name, sql in SAVES.items():
            for i in range(rounds):
                started = time.perf_counter()
                cur.execute("BEGIN TRANSACTION")
                cur.execute(sql, [f"{name} {i} " + "x" * 300])
                cur.execute("COMMIT")
                if checkpoint:
                    cur.execute("CHECKPOINT")
                times.setdefault(name, []).append((time.perf_counter() - started) * 1000)
        return times
    finally:
        con.close()


def growth(path: Path, saves: int) -> tuple[float, float]:
    """The file's size in MB before and after `saves` checkpointed saves of each kind."""
    before = path.stat().st_size / 1e6
    time_saves(path, checkpoint=True, rounds=saves)
    return before, path.stat().st_size / 1e6


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--growth-saves", type=int, default=1000)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="the bench folder (default: scripts/bench's, whose built journals it reuses)",
    )
    args = parser.parse_args(argv)
    workdir = args.workdir or journals.default_workdir()
    built = journals.prepare_journals(workdir, journals.bench_now())
    print("| journal | MB | save | committed ms | committed + checkpoint ms | p90 ms |")
    print("|---|--:|---|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as folder:
        for scale, source in built.items():
            copy = Path(folder) / f"{scale}.duckdb"
            shutil.copy(source, copy)  # the bench's journal is not open: a plain copy is safe
            plain = time_saves(copy, checkpoint=False, rounds=args.rounds)
            checked = time_saves(copy, checkpoint=True, rounds=args.rounds)
            for name in SAVES:
                p90 = sorted(checked[name])[int(len(checked[name]) * 0.9)]
                print(
                    f"| {scale} | {copy.stat().st_size / 1e6:.1f} | {name} "
                    f"| {statistics.median(plain[name]):.1f} "
                    f"| {statistics.median(checked[name]):.1f} | {p90:.1f} |"
                )
        copy = Path(folder) / "heavy.duckdb"
        before, after = growth(copy, args.growth_saves)
        print(
            f"\nheavy journal: {before:.1f} MB, then {after:.1f} MB after "
            f"{args.growth_saves} checkpointed saves of each kind"
        )


if __name__ == "__main__":
    main()

"""The `coach` command: a thin layer over the coach package.

Each subcommand is a function that adds its parser and sets `run`, a function of
the parsed arguments that returns the exit status; `COMMANDS` lists them. Errors
the person can act on (`JournalError`) are printed without a traceback and exit 1.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from coach import db, sample
from coach.errors import JournalError


def add_demo(subcommands: argparse._SubParsersAction) -> None:
    parser = subcommands.add_parser(
        "demo",
        help="write a sample journal to try the app with",
        description=(
            "Write a realistic sample journal (ten weeks of interviews, reviews and "
            "practice, dated up to today) to PATH. Your own journal is never touched: an "
            "existing file at PATH is replaced only if it is itself a sample journal."
        ),
    )
    parser.add_argument(
        "path",
        metavar="PATH",
        nargs="?",
        default=str(db.data_dir() / "sample.duckdb"),
        help="where to write the sample (default: sample.duckdb in the data folder)",
    )
    parser.add_argument(
        "--now",
        type=_aware_datetime,
        default=None,
        help="date the sample as if it were this ISO time, e.g. 2026-03-16T18:30+00:00 "
        "(default: the current time)",
    )
    parser.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    now = args.now or datetime.now(UTC)
    path = sample.write_sample(args.path, now)
    con = db.connect(str(path), read_only=True)
    try:
        summary = sample.summarize(con, now)
    finally:
        con.close()
    print(f"Wrote a sample journal to {path}")
    print(
        f"  {summary.interviews} interviews ({summary.upcoming} upcoming), "
        f"{summary.asks} questions asked, {summary.cards} practice cards "
        f"({summary.due_today} due today), {summary.rehearsals} rehearsals, "
        f"{summary.stories} stories, {summary.actions} improvement actions"
    )
    print("Open it with:")
    print(f"  COACH_DB={shlex.quote(str(path))} streamlit run streamlit_app.py")
    return 0


def _aware_datetime(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {text!r}") from error
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError("give a time zone, e.g. 2026-03-16T18:30+00:00")
    return moment


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [add_demo]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach",
        description="Interview Coach: turn every job interview into practice for the next one.",
    )
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(subcommands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except JournalError as error:
        print(f"coach {args.command}: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # e.g. a folder that cannot be written to
        print(f"coach {args.command}: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

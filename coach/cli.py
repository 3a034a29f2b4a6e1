"""The `coach` command: a thin layer over the coach package.

Each subcommand is a function that adds its parser and sets `run`, a function of
the parsed arguments that returns the exit status; `COMMANDS` lists them. Errors
the person can act on (`JournalError`) are printed without a traceback and exit 1.

Subcommands import the domain when they run, not before: `coach app` hands over to
the server at once instead of first loading DuckDB (0.15 s of every start).

The command speaks the journal's chosen language (settings key `language`) when it
can read it, else the terminal's (`LC_ALL`, `LC_MESSAGES`, `LANG`); `coach --lang
zh_CN ...` overrides both. The parser is built inside that language, so its help texts
are translated too (they are written when the command runs, never at import).
argparse's own few words (its error details) stay English: they are Python's.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from coach import i18n
from coach.errors import JournalError
from coach.i18n import _, ngettext

# The app's launcher, in the UI package: started as a module, never imported here.
LAUNCHER = "coach_ui.server.launch"


def add_app(subcommands: argparse._SubParsersAction) -> None:
    parser = subcommands.add_parser(
        "app",
        help=_("start the app: http://localhost:8501 (Ctrl+C stops it)"),
        description=_(
            "Start Interview Coach on this computer and print its address; open it in "
            "your browser. Ctrl+C stops it. Options are Streamlit's (see 'streamlit run "
            "--help'), e.g. --server.port 8600. The journal is COACH_DB if set, else "
            "coach.duckdb in the data folder."
        ),
        usage=_("coach app [STREAMLIT OPTIONS]"),
    )
    parser.set_defaults(run=run_app)


def run_app(args: argparse.Namespace) -> int:
    # Replace this process with the launcher, so the server is the process the terminal
    # runs: Ctrl+C reaches it alone, and it ends quietly with its own status.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", LAUNCHER, *args.streamlit_options])
    return 1  # not reached: execv returns only by raising OSError


def add_demo(subcommands: argparse._SubParsersAction) -> None:
    from coach import i18n
    from coach.i18n import _

    parser = subcommands.add_parser(
        "demo",
        help=_("write a sample journal to try the app with"),
        description=_(
            "Write a realistic sample journal (ten weeks of interviews, reviews and "
            "practice, dated up to today) to PATH. Your own journal is never touched: an "
            "existing file at PATH is replaced only if it is itself a sample journal."
        ),
    )
    parser.add_argument(
        "path",
        metavar="PATH",
        nargs="?",
        default=None,
        help=_("where to write the sample (default: sample.duckdb in the data folder)"),
    )
    parser.add_argument(
        "--now",
        type=_aware_datetime,
        default=None,
        help=_(
            "date the sample as if it were this ISO time, e.g. 2026-03-16T18:30+00:00 "
            "(default: the current time)"
        ),
    )
    parser.add_argument(
        "--lang",
        # Its own name: `coach --lang` chooses the language the command speaks.
        dest="sample_lang",
        choices=list(i18n.LANGUAGES),
        default=None,
        help=_(
            "the language the sample is written in: en (English) or zh_CN (Simplified "
            "Chinese); default: the language this command speaks"
        ),
    )
    parser.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from coach import db, i18n, sample
    from coach.days import candidate_zone
    from coach.i18n import _

    now = args.now or datetime.now(UTC)
    lang = args.sample_lang or i18n.current()
    path = sample.write_sample(args.path or db.data_dir() / "sample.duckdb", now, lang=lang)
    con = db.connect(str(path), read_only=True)
    try:
        summary = sample.summarize(con, now.astimezone(candidate_zone()))
    finally:
        con.close()
    print(_("Wrote a sample journal to {path}").format(path=path))
    print(
        "  "
        + _(
            "{interviews} interviews ({upcoming} upcoming), {asks} questions asked, "
            "{cards} practice cards ({due_today} due today), {rehearsals} rehearsals, "
            "{stories} stories, {actions} improvement actions"
        ).format(
            interviews=summary.interviews,
            upcoming=summary.upcoming,
            asks=summary.asks,
            cards=summary.cards,
            due_today=summary.due_today,
            rehearsals=summary.rehearsals,
            stories=summary.stories,
            actions=summary.actions,
        )
    )
    print(_("Open it with:"))
    print(f"  COACH_DB={shlex.quote(str(path))} coach app")
    return 0


def _aware_datetime(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {text!r}") from error
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError("give a time zone, e.g. 2026-03-16T18:30+00:00")
    return moment


def add_backup(subcommands: argparse._SubParsersAction) -> None:
    parser = subcommands.add_parser(
        "backup",
        help=_("copy the journal into the backups folder beside it"),
        description=_(
            "Copy the journal file into the backups/ folder beside it and print the "
            "copy's path. The app must not be running on the same file (DuckDB lets "
            "one program open a file at a time). To restore one: 'coach restore'."
        ),
    )
    parser.add_argument(
        "path",
        metavar="PATH",
        nargs="?",
        default=None,
        help=_("the journal (default: COACH_DB, else coach.duckdb in the data folder)"),
    )
    parser.add_argument("--list", action="store_true", help=_("list existing backups instead"))
    parser.set_defaults(run=run_backup)


def run_backup(args: argparse.Namespace) -> int:
    from coach import backups, db

    database = args.path or db.default_database()
    if args.list:
        found = backups.list_backups(database)
        if not found:
            print(_("No backups of {database} yet.").format(database=database))
        kinds = {backup.reason: backups.kind_label(backup.reason) for backup in found}
        for backup in found:
            kind = kinds[backup.reason]
            padding = " " * (12 - _columns(kind))  # a column 12 wide, as in English
            print(f"{backup.taken_at:%Y-%m-%d %H:%M:%S} UTC  {kind}{padding} {backup.path}")
        return 0
    now = datetime.now(UTC)
    journal = db.open_journal(database, now=now)
    try:
        copy = journal.backup(now=now)
    finally:
        db.close_journal(database)
    print(_("Backed up {database} to {copy}").format(database=database, copy=copy))
    return 0


def add_restore(subcommands: argparse._SubParsersAction) -> None:
    parser = subcommands.add_parser(
        "restore",
        help=_("put a backup in the journal's place, keeping the journal as it was"),
        description=_(
            "Put BACKUP (a file from 'coach backup --list') in place of the journal. "
            "The journal as it is now is kept first, as a backup of its own; a stale "
            ".wal file beside the journal is removed. Refused while the app (or any "
            "program) has the journal open: stop the app first."
        ),
    )
    parser.add_argument("backup", metavar="BACKUP", help=_("the backup file to restore"))
    _journal_option(parser)
    parser.set_defaults(run=run_restore)


def run_restore(args: argparse.Namespace) -> int:
    from coach import db, restore

    database = args.db or db.default_database()
    restored = restore.restore(database, args.backup, now=datetime.now(UTC))
    print(restored.describe(database))
    return 0


def _journal_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="DATABASE",
        default=None,
        help=_("the journal (default: COACH_DB, else coach.duckdb in the data folder)"),
    )


def add_export(subcommands: argparse._SubParsersAction) -> None:
    parser = subcommands.add_parser(
        "export",
        help=_("write the whole journal to a file"),
        description=_(
            "Write the whole journal: as one JSON document that 'coach import' reads back "
            "with nothing lost (the default); as one CSV or Parquet file per table in a "
            "zip archive, for spreadsheets and notebooks; as a zip of one Markdown report "
            "per reviewed interview; as an Anki deck of the rehearsal cards; or as a "
            "calendar (.ics) of the upcoming interviews and the rehearsal plan (the days "
            "the cram view suggests before each target interview)."
        ),
    )
    parser.add_argument("out", metavar="FILE", help=_("where to write; '-' for standard output"))
    parser.add_argument(
        "--format",
        choices=["json", "csv", "parquet", "markdown", "anki", "ics"],
        default="json",
    )
    _journal_option(parser)
    parser.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from coach import anki, db, report, table_files, transfer, wording
    from coach.days import candidate_zone

    database = args.db or db.default_database()
    journal = db.open_journal(database)
    cur = journal.cursor()
    now = datetime.now(candidate_zone())
    if args.format == "json":
        data = transfer.export_json(cur, now=now).encode()
    elif args.format == "markdown":
        data = report.reports_zip(cur, now)
    elif args.format == "anki":
        data = anki.anki_deck(cur)
    elif args.format == "ics":
        from coach.calendars import exporting

        data = exporting.calendar_ics(cur, now)
    else:
        data = table_files.tables_zip(cur, args.format)
    if args.out == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(args.out).write_bytes(data)
        print(
            _("Exported {database} to {file} ({size} bytes)").format(
                database=database, file=args.out, size=wording.number(len(data))
            ),
            file=sys.stderr,
        )
    return 0


def add_import(subcommands: argparse._SubParsersAction) -> None:
    parser = subcommands.add_parser(
        "import",
        help=_("merge a JSON export into the journal"),
        description=_(
            "Merge a JSON export (from 'coach export') into the journal. The whole file is "
            "checked first and applied in one transaction: a bad file changes nothing. "
            "Every row carries an identity, so rows already in the journal are not added "
            "twice and every other row is added; the summary says which and why."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=_("the JSON export; '-' for standard input"))
    _journal_option(parser)
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from coach import db, transfer

    data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    database = args.db or db.default_database()
    summary = transfer.import_json(db.open_journal(database), data)
    print(summary.describe())
    return 0


def add_import_transcript(subcommands: argparse._SubParsersAction) -> None:
    parser = subcommands.add_parser(
        "import-transcript",
        help=_("record a call's questions and answers from its transcript"),
        description=_(
            "Read a call's transcript (WebVTT from Zoom, Teams or Meet; SRT; or text with "
            "'Name: words' lines, with or without times), find the questions in the "
            "interviewers' words and pair each with your answer and how long you spoke. "
            "--dry-run prints what it found and stores nothing (and leaves the journal "
            "alone, so it works while the app runs). To store, say which interview "
            "(--interview) and which speaker is you (--me): the questions are added to "
            "that interview's review, each linked to the same question in your bank when "
            "it is a confident match. In the app, the review's 'Import a transcript' lets "
            "you edit the rows first."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=_("the transcript (.vtt, .srt or .txt)"))
    parser.add_argument(
        "--interview",
        type=int,
        metavar="ID",
        help=_(
            "the interview to add the questions to: the number in the review page's "
            "address (?interview=ID); without it, the recent interviews are listed"
        ),
    )
    parser.add_argument("--me", metavar="NAME", help=_("your name as the transcript gives it"))
    parser.add_argument(
        "--dry-run", action="store_true", help=_("show what was found; store nothing")
    )
    parser.add_argument(
        "--keep-transcript",
        action="store_true",
        help=_("also keep the transcript file itself with the interview (off by default)"),
    )
    _journal_option(parser)
    parser.set_defaults(run=run_import_transcript)


def run_import_transcript(args: argparse.Namespace) -> int:
    from coach.transcripts import report
    from coach.transcripts.preview import build_preview
    from coach.transcripts.turns import read_transcript

    path = Path(args.file)
    transcript = read_transcript(path.read_bytes())
    for line in report.transcript_lines(transcript, path.name):
        print(line)
    if args.dry_run:
        me = args.me or transcript.guess_candidate()
        if not args.me:
            print(_("(Guessed that you are {me}; say --me NAME if not.)").format(me=me))
        for line in report.preview_lines(build_preview(transcript, me)):
            print(line)
        return 0
    if not args.me:
        names = ", ".join(repr(s.name) for s in transcript.speakers)
        print(
            "coach import-transcript: "
            + _("say which speaker is you with --me (one of {names}); nothing was stored.").format(
                names=names
            ),
            file=sys.stderr,
        )
        return 1
    preview = build_preview(transcript, args.me)
    return _store_transcript(args, path, preview)


def _store_transcript(args: argparse.Namespace, path: Path, preview) -> int:
    from coach import db, interviews, reviews
    from coach.transcripts import report, store

    database = args.db or db.default_database()
    journal = db.open_journal(database)
    cur = journal.cursor()
    if args.interview is None:
        print(
            "coach import-transcript: "
            + _("say which interview with --interview ID; nothing was stored. Recent interviews:"),
            file=sys.stderr,
        )
        now = datetime.now().astimezone()
        held = [i for i in interviews.list_interviews(cur) if not i.is_upcoming(now)][:10]
        for interview in held:
            local = interview.scheduled_at.astimezone(now.tzinfo)
            print(f"  {interview.id:>5}  {local:%Y-%m-%d %H:%M}  {interview.title}  "
                  f"({interview.review_label.lower()})", file=sys.stderr)  # fmt: skip
        return 1
    interview = interviews.get_interview(cur, args.interview)
    now = datetime.now().astimezone()
    reviews.start_review(journal, interview.id, now)
    imported = store.with_bank_defaults(cur, preview)
    keep = store.KeptTranscript.of(preview, path.name) if args.keep_transcript else None
    ids = store.record(journal, interview.id, imported, now, candidate=preview.candidate, keep=keep)
    for line in report.preview_lines(preview):
        print(line)
    linked = sum(item.new.question_id is not None for item in imported)
    day = f"{interview.scheduled_at.astimezone(now.tzinfo):%Y-%m-%d}"
    if keep:
        added = ngettext(
            "Added {n} question to {interview} ({day}), with your answers and speaking "
            "times; {linked} linked to the same question in your bank; the transcript is "
            "kept with the interview.",
            "Added {n} questions to {interview} ({day}), with your answers and speaking "
            "times; {linked} linked to the same question in your bank; the transcript is "
            "kept with the interview.",
            len(ids),
        )
    else:
        added = ngettext(
            "Added {n} question to {interview} ({day}), with your answers and speaking "
            "times; {linked} linked to the same question in your bank.",
            "Added {n} questions to {interview} ({day}), with your answers and speaking "
            "times; {linked} linked to the same question in your bank.",
            len(ids),
        )
    print(added.format(n=len(ids), interview=interview.title, day=day, linked=linked))
    return 0


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    add_app,
    add_demo,
    add_backup,
    add_restore,
    add_export,
    add_import,
    add_import_transcript,
]


LANG_OPTION = "--lang"
# Where a terminal says its language, the first one set winning (POSIX's order).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


class _Parser(argparse.ArgumentParser):
    """argparse in the language in use, for the words it writes itself around ours."""

    def format_usage(self) -> str:
        return self._translated(super().format_usage())

    def format_help(self) -> str:
        return self._translated(super().format_help())

    @staticmethod
    def _translated(text: str) -> str:
        for english, said in (
            ("usage: ", _("usage: ")),
            ("\noptions:\n", "\n" + _("options:") + "\n"),
            ("\npositional arguments:\n", "\n" + _("positional arguments:") + "\n"),
            ("show this help message and exit", _("show this help message and exit")),
        ):
            text = text.replace(english, said)
        return text

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="coach",
        description=_("Interview Coach: turn every job interview into practice for the next one."),
    )
    parser.add_argument(
        LANG_OPTION,
        choices=list(i18n.LANGUAGES),
        default=None,
        help=_(
            "the language to speak: en or zh_CN (default: the journal's choice, else the "
            "terminal's)"
        ),
    )
    subcommands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    for add in COMMANDS:
        add(subcommands)
    return parser


def chosen_language(argv: Sequence[str]) -> str | None:
    """The `--lang` given before the command (`coach --lang zh_CN backup`), if any: read
    before the parser is built, so its help is in that language too."""
    for index, word in enumerate(argv):
        if word.startswith(f"{LANG_OPTION}="):
            return _known(word.split("=", 1)[1])
        if word == LANG_OPTION:
            return _known(argv[index + 1]) if index + 1 < len(argv) else None
        if not word.startswith("-"):
            return None  # the command: what follows is its own
    return None


def _known(lang: str) -> str | None:
    return lang if lang in i18n.LANGUAGES else None  # argparse names a wrong one


def terminal_language(environ: Mapping[str, str] = os.environ) -> str:
    """The terminal's language (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English."""
    for name in LOCALE_VARIABLES:
        if environ.get(name):
            return i18n.from_locale(environ[name].split(".")[0])
    return i18n.DEFAULT


def journal_language(database: str | None) -> str | None:
    """The language chosen in the journal's settings, read without changing the file;
    None when there is none or the journal cannot be read now (the app holds it, it
    does not exist yet, it is damaged: the command itself then says so)."""
    import duckdb

    from coach import db, settings

    database = database or db.default_database()
    path = Path(database).expanduser()
    if not db.is_file_database(database) or not path.is_file():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        chosen = settings.get_setting(con, "language", None)
    except (duckdb.Error, ValueError):  # no settings table yet; a value that is not JSON
        return None
    finally:
        con.close()
    return chosen if isinstance(chosen, str) and chosen in i18n.LANGUAGES else None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    given = chosen_language(argv)
    with i18n.speaking(given or terminal_language()):
        parser = build_parser()
        args, rest = parser.parse_known_args(argv)
        if args.command == "app":
            args.streamlit_options = rest  # Streamlit checks them, and names a mistyped one
        elif rest:
            parser.error(_("unrecognized arguments: {arguments}").format(arguments=" ".join(rest)))
    lang = given or _journal_choice(args) or terminal_language()
    with i18n.speaking(lang):
        return _run(args)


def _journal_choice(args: argparse.Namespace) -> str | None:
    if args.command in ("app", "demo"):
        return None  # the app reads it itself; a sample is written where none is chosen
    if args.command == "import-transcript" and args.dry_run:
        return None  # a dry run leaves the journal alone (it works while the app runs)
    return journal_language(getattr(args, "db", None) or getattr(args, "path", None))


def _run(args: argparse.Namespace) -> int:
    try:
        return args.run(args)
    except JournalError as error:
        print(f"coach {args.command}: {error}", file=sys.stderr)
        return 1
    except Exception as error:
        # A full disk or a damaged journal as the same sentence the app shows.
        from coach import db, failures  # loaded by any subcommand that met DuckDB

        database = getattr(args, "db", None) or getattr(args, "path", None)
        explained = failures.explain(error, database or db.default_database())
        if explained is not None:
            print(f"coach {args.command}: {explained}", file=sys.stderr)
        elif isinstance(error, OSError):  # e.g. a file that cannot be written
            where = f"{error.filename}: " if error.filename else ""
            print(f"coach {args.command}: {where}{error.strerror or error}", file=sys.stderr)
        else:
            raise
        return 1


def _columns(text: str) -> int:
    """How many columns `text` takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


if __name__ == "__main__":
    sys.exit(main())

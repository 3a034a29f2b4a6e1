"""Every way in keeps the same rule per field: an import file, through `transfer` and the
`coach import` command, refuses what the forms refuse and stores what they store, and
a malformed file is refused with a sentence naming the table, row and field.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from coach import cli, db, transfer
from coach.errors import InvalidInput
from tests.test_hostile_input import FIELDS, HOSTILE, Field, rule_refuses

NOW = datetime(2026, 3, 16, 18, 30, tzinfo=UTC)
WHEN = "2026-03-15T10:00:00+00:00"
REFUSED = "The file was not imported; your journal is unchanged."


def rows() -> dict[str, list[dict]]:
    """One row in every table, each a valid minimal journal."""
    return {
        "companies": [{"id": 1, "name": "Acme", "kind": "target"}],
        "interviews": [{"id": 1, "company_id": 1, "scheduled_at": WHEN}],
        "reviews": [{"interview_id": 1}],
        "transcripts": [{"id": 1, "interview_id": 1, "format": "vtt", "text": "WEBVTT"}],
        "questions": [{"id": 1, "text": "Why us?", "dimension": "other"}],
        "asks": [{"id": 1, "interview_id": 1, "question_id": 1, "position": 0}],
        "answers": [{"id": 1, "question_id": 1, "text": "Because.", "source": "manual"}],
        "stories": [{"id": 1, "title": "A story"}],
        "story_uses": [{"interview_id": 1, "story_id": 1, "use": "told"}],
        "actions": [{"id": 1, "interview_id": 1, "aspect": "questions", "text": "Do it"}],
        "cards": [{"id": 1, "question_id": 1, "due": WHEN}],
        "rehearsals": [{"id": 1, "card_id": 1, "rated_at": WHEN, "grade": 3}],
        "settings": [{"key": "leech_threshold", "value": "4"}],
        "predictions": [
            {"id": 1, "interview_id": 1, "moment": "shown", "taken_at": WHEN,
             "earlier_interviews": 0, "likely_count": 1}
        ],
        "predicted_questions": [
            {"prediction_id": 1, "question_id": 1, "rank": 1, "score": 3,
             "reasons": '["asked in 1 of 1 interviews so far"]', "to_rehearse": True}
        ],
    }  # fmt: skip


def document(tables: dict) -> str:
    return json.dumps(
        {
            "format": transfer.FORMAT,
            "format_version": transfer.FORMAT_VERSION,
            "schema_version": db.schema_version(),
            "tables": tables,
        }
    )


def with_value(table: str, column: str, value) -> str:
    tables = rows()
    tables[table][0][column] = value
    return document(tables)


def snapshot(journal) -> str:
    cur = journal.cursor()
    try:
        return transfer.export_json(cur, now=NOW)
    finally:
        cur.close()


def test_a_minimal_file_of_every_table_imports():
    # The base every case below changes one value of: valid as it is.
    journal = memory_journal()
    transfer.import_json(journal, document(rows()))


def memory_journal() -> db.Journal:
    con = db.connect(":memory:")
    db.migrate(con, ":memory:")
    return db.Journal(":memory:", con)


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.name)
@pytest.mark.parametrize("kind", HOSTILE)
def test_an_import_keeps_or_refuses_hostile_text_exactly_as_the_forms_do(field: Field, kind):
    journal = memory_journal()
    table, column = field.column
    value = HOSTILE[kind]
    before = snapshot(journal)
    try:
        transfer.import_json(journal, with_value(table, column, value))
    except InvalidInput as refusal:
        assert rule_refuses(field, value), f"import refused {kind} in {field.name}: {refusal}"
        assert f"tables.{table}[0]: “{column}”" in str(refusal)
        assert snapshot(journal) == before
        return
    assert not rule_refuses(field, value), f"import stored {kind} in {field.name}"
    cur = journal.cursor()
    stored = cur.execute(f"SELECT {column} FROM {table} LIMIT 1").fetchone()[0]  # noqa: S608
    assert stored == value.strip()


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.name)
def test_coach_import_keeps_or_refuses_hostile_text_exactly_as_the_forms_do(
    field: Field, tmp_path, capsys
):
    table, column = field.column
    for kind, value in HOSTILE.items():
        path = tmp_path / f"{kind}.json"
        path.write_text(with_value(table, column, value))
        journal_path = str(tmp_path / f"{kind}.duckdb")
        status = cli.main(["import", str(path), "--db", journal_path])
        _, err = capsys.readouterr()
        journal = db.open_journal(journal_path)
        cur = journal.cursor()
        stored = cur.execute(f"SELECT {column} FROM {table}").fetchall()  # noqa: S608
        cur.close()
        db.close_journal(journal_path)
        if rule_refuses(field, value):
            assert status == 1, kind
            assert err.startswith(f"coach import: {REFUSED}") and "Traceback" not in err
            assert f"tables.{table}[0]: “{column}”" in err
            assert stored == [], kind
        else:
            assert status == 0, (kind, err)
            assert stored == [(value.strip(),)], kind


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# Each malformed file (as bytes), and what its refusal must say.
MALFORMED = {
    "a table given as an object": (
        document({**rows(), "companies": {"id": 1, "name": "Acme"}}),
        "tables.companies: must be a list of rows",
    ),
    "JSON nested 100,000 levels": (nested(100_000), "nested too deeply"),
    "a company named only spaces": (
        with_value("companies", "name", "   "),
        "tables.companies[0]: “name”: Company name cannot be empty",
    ),
    "an interview in the year 0001": (
        with_value("interviews", "scheduled_at", "0001-01-01T00:00:00+05:00"),
        "tables.interviews[0]: “scheduled_at”: 1 is not a plausible year",
    ),
    "an interview in the year 9999": (
        with_value("interviews", "scheduled_at", "9999-12-31T23:00:00-05:00"),
        "tables.interviews[0]: “scheduled_at”: 9999 is not a plausible year",
    ),
    "a 100 KB company name": (
        with_value("companies", "name", "A" * 100_000),
        "tables.companies[0]: “name”: Company name is 100,000 characters long; the limit is 200",
    ),
    "a 100 KB question": (
        with_value("questions", "text", "Why? " * 20_000),
        "tables.questions[0]: “text”: A question is 99,999 characters long; the limit is 1,000",
    ),
    "a negative repetition count": (
        with_value("cards", "reps", -3),
        "tables.cards[0]: “reps”: Repetitions must be between 0 and",
    ),
    "a stability of 1e308": (
        with_value("cards", "stability", 1e308),
        "tables.cards[0]: “stability”: Stability must be between 0.001 and 36500 days",
    ),
    "an id too large for the journal": (
        with_value("companies", "id", 2**70),
        "tables.companies[0]: “id” is too large a number",
    ),
    "a rehearsal lasting 10 days": (
        with_value("rehearsals", "duration_ms", 10 * 86_400_000),
        "tables.rehearsals[0]: “duration_ms”: A rehearsal's duration must be between",
    ),
    "a setting that is not JSON": (
        with_value("settings", "value", "{four"),
        "tables.settings[0]: The setting 'leech_threshold' is not JSON",
    ),
    "a desired retention of 5": (
        document({**rows(), "settings": [{"key": "desired_retention", "value": "5"}]}),
        "tables.settings[0]: Desired retention must be between 0.7 and 0.99",
    ),
    "an action done at no time": (
        with_value("actions", "status", "done"),
        "tables.actions[0]: An action is done exactly when it has the time it was done",
    ),
    "a broken character in a note": (
        with_value("companies", "notes", "caf\ud800"),
        "tables.companies[0]: “notes”: Company notes holds a broken character",
    ),
    "a recording given as a number": (
        with_value("rehearsals", "audio", 12),
        "tables.rehearsals[0]: “audio” must be base64 text",
    ),
    "skills that are not a list": (
        with_value("stories", "skills", '{"a": 1}'),
        "tables.stories[0]: “skills”: Skills must be a list",
    ),
    "an unknown review step": (
        with_value("reviews", "step", "debrief"),
        "tables.reviews[0]: “step”: Review step cannot be 'debrief'",
    ),
    "offered actions that are not JSON": (
        with_value("reviews", "offered_actions", "[oops"),
        "tables.reviews[0]: “offered_actions”: Offered actions must be a JSON list",
    ),
    "a stability that is not a number (NaN)": (
        with_value("cards", "stability", float("nan")),
        "tables.cards[0]: “stability” must be a finite number",
    ),
    "an identity that is not a UUID": (
        with_value("companies", "uid", "company-1"),
        "tables.companies[0]: “uid”: The row's identity must be a UUID",
    ),
    "a brief kept at an unknown moment": (
        with_value("predictions", "moment", "later"),
        "tables.predictions[0]: “moment”: When the brief was kept cannot be 'later'",
    ),
    "a brief's identity that is not a UUID": (
        with_value("predictions", "uid", "brief-1"),
        "tables.predictions[0]: “uid”: The row's identity must be a UUID",
    ),
    "a predicted question's reasons that are not texts": (
        with_value("predicted_questions", "reasons", "[1, 2]"),
        "tables.predicted_questions[0]: “reasons”: A reason must be text",
    ),
    "a predicted recall of 5": (
        with_value("predicted_questions", "recall", 5),
        "tables.predicted_questions[0]: “recall”: Predicted recall must be between 0 and 1",
    ),
    "a row that is a string": (
        document({**rows(), "stories": ["A story"]}),
        "tables.stories[0]: must be an object of column values",
    ),
    "bytes that are not UTF-8": (b"\xff\xfe{", "It is not valid JSON"),
    "a list instead of an export": ("[]", "It is not an Interview Coach export"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_import_file_is_refused_naming_table_row_and_field(name):
    data, message = MALFORMED[name]
    journal = memory_journal()
    before = snapshot(journal)
    with pytest.raises(InvalidInput) as refused:
        transfer.import_json(journal, data)
    assert str(refused.value).startswith(REFUSED)
    assert message in str(refused.value)
    assert snapshot(journal) == before


@pytest.mark.parametrize("name", MALFORMED)
def test_coach_import_prints_the_same_sentence_and_exits_1(name, tmp_path, capsys):
    data, message = MALFORMED[name]
    path = tmp_path / "import.json"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    journal_path = tmp_path / "journal.duckdb"
    assert cli.main(["import", str(path), "--db", str(journal_path)]) == 1
    db.close_journal(str(journal_path))
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"coach import: {REFUSED}")
    assert message in err
    assert "Traceback" not in err


def test_the_command_itself_shows_no_traceback_for_a_deeply_nested_file(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text(nested(100_000))
    done = subprocess.run(
        [sys.executable, "-m", "coach.cli", "import", str(path), "--db", str(tmp_path / "j")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith(f"coach import: {REFUSED}")
    assert "Traceback" not in done.stderr

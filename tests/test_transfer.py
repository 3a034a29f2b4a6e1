"""Export and import: full-fidelity JSON that round-trips, validated before it is applied."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach import db, transfer
from coach import vocabulary as v
from coach.errors import InvalidInput


def export(journal, now) -> str:
    return transfer.export_json(journal.cursor(), now=now)


def test_the_sample_journal_round_trips_through_json_unchanged(journal, now, sample_export):
    transfer.import_json(journal, sample_export)
    assert export(journal, now) == sample_export


def test_importing_the_same_file_twice_adds_nothing_the_second_time(journal, now, sample_export):
    transfer.import_json(journal, sample_export)
    summary = transfer.import_json(journal, sample_export)
    assert sum(summary.added.values()) == 0
    assert export(journal, now) == sample_export


def test_an_import_keeps_companies_and_questions_single_when_merging(journal, cur, now):
    journal.write(
        lambda c: c.execute(
            "INSERT INTO companies (name, kind) VALUES ('ACME', 'target');"
            "INSERT INTO questions (text) VALUES ('Why do you want this job?')"
        )
    )
    document = {
        "format": "interview-coach-journal",
        "format_version": 1,
        "schema_version": 1,
        "tables": {
            "companies": [{"id": 7, "name": "Acme", "kind": "practice"}],
            "interviews": [{"id": 3, "company_id": 7, "scheduled_at": now.isoformat()}],
            "questions": [{"id": 9, "text": "why do you want  this job?"}],
            "asks": [{"id": 1, "interview_id": 3, "question_id": 9, "position": 1}],
        },
    }
    summary = transfer.import_json(journal, json.dumps(document))
    assert summary.added["companies"] == 0
    assert summary.added["questions"] == 0
    assert cur.execute("SELECT count(*) FROM companies").fetchone() == (1,)
    assert cur.execute(
        "SELECT c.name, q.text FROM asks a JOIN interviews i ON i.id = a.interview_id"
        " JOIN companies c ON c.id = i.company_id JOIN questions q ON q.id = a.question_id"
    ).fetchall() == [("ACME", "Why do you want this job?")]


def test_new_rows_merged_into_a_journal_get_fresh_ids_and_sequences_continue(
    journal, cur, now, sample_export
):
    journal.write(lambda c: c.execute("INSERT INTO companies (name) VALUES ('Mine')"))
    transfer.import_json(journal, sample_export)
    journal.write(lambda c: c.execute("INSERT INTO companies (name) VALUES ('After')"))
    ids = [row[0] for row in cur.execute("SELECT id FROM companies ORDER BY id").fetchall()]
    assert len(ids) == len(set(ids)) == 9


BAD_FILES = {
    "not JSON": ("{", "not valid JSON"),
    "another format": (json.dumps({"format": "x"}), "not an Interview Coach export"),
    "a newer schema": (
        json.dumps(
            {"format": transfer.FORMAT, "format_version": 1, "schema_version": 99, "tables": {}}
        ),
        "newer version of Interview Coach",
    ),
}


def document(**tables) -> str:
    return json.dumps(
        {"format": transfer.FORMAT, "format_version": 1, "schema_version": 1, "tables": tables}
    )


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_file_that_is_not_an_export_is_refused(journal, now, name):
    text, message = BAD_FILES[name]
    before = export(journal, now)
    with pytest.raises(InvalidInput, match=message):
        transfer.import_json(journal, text)
    assert export(journal, now) == before


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        ({"invoices": []}, r"tables\.invoices: is not a journal table"),
        ({"companies": [{"id": 1}]}, r"tables\.companies\[0\]: lacks “name”"),
        (
            {"companies": [{"id": "one", "name": "Acme"}]},
            r"tables\.companies\[0\]: “id” must be a whole number",
        ),
        (
            {"companies": [{"id": 1, "name": "Acme", "kind": "dream"}]},
            r"tables\.companies\[0\]: “kind”: Company kind cannot be 'dream'",
        ),
        (
            {"companies": [{"id": 1, "name": "Acme", "colour": "red"}]},
            r"tables\.companies\[0\]: has an unknown column “colour”",
        ),
        (
            {"interviews": [{"id": 1, "company_id": 5, "scheduled_at": "2026-01-01T10:00Z"}]},
            r"tables\.interviews\[0\]: “company_id” refers to companies 5",
        ),
        (
            {"companies": [{"id": 1, "name": "A"}, {"id": 1, "name": "B"}]},
            r"tables\.companies\[1\]: repeats the key 1",
        ),
        (
            {
                "companies": [{"id": 1, "name": "A"}],
                "interviews": [{"id": 1, "company_id": 1, "scheduled_at": "next Tuesday"}],
            },
            r"tables\.interviews\[0\]: “scheduled_at” must be an ISO date-time",
        ),
    ],
)
def test_a_malformed_export_is_refused_saying_where_and_changes_nothing(
    journal, now, sample_export, tables, message
):
    transfer.import_json(journal, sample_export)
    before = export(journal, now)
    with pytest.raises(InvalidInput, match=message) as refused:
        transfer.import_json(journal, document(**tables))
    assert str(refused.value).startswith("The file was not imported; your journal is unchanged.")
    assert export(journal, now) == before


def test_a_failure_while_applying_rolls_the_whole_import_back(
    journal, now, sample_export, monkeypatch
):
    from coach import merge

    original = merge._Merger._insert

    def failing_insert(self, table, rows):
        if table == "cards":
            raise RuntimeError("disk full")
        original(self, table, rows)

    monkeypatch.setattr(merge._Merger, "_insert", failing_insert)
    before = export(journal, now)
    with pytest.raises(RuntimeError, match="disk full"):
        transfer.import_json(journal, sample_export)
    assert export(journal, now) == before


# -- generated journals -------------------------------------------------------------

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
names = texts.filter(lambda t: t.strip() != "")
moments = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@st.composite
def journals(draw):
    """Rows for a small random journal: every table, hostile text, odd times."""
    companies = draw(st.lists(names, min_size=1, max_size=3, unique_by=str.casefold))
    rows = {"companies": [], "interviews": [], "questions": [], "asks": [], "cards": []}
    for index, name in enumerate(companies, start=1):
        rows["companies"].append(
            {"id": index, "name": name, "kind": draw(st.sampled_from(list(v.COMPANY_KINDS)))}
        )
    for index in range(1, draw(st.integers(0, 3)) + 1):
        rows["interviews"].append(
            {
                "id": index,
                "company_id": draw(st.integers(1, len(companies))),
                "scheduled_at": draw(moments).isoformat(),
                "role": draw(texts),
                "outcome": draw(st.sampled_from(list(v.OUTCOMES))),
            }
        )
    questions = draw(
        st.lists(names, max_size=3, unique_by=lambda t: " ".join(t.split()).casefold())
    )
    for index, text in enumerate(questions, start=1):
        rows["questions"].append(
            {"id": index, "text": text, "dimension": draw(st.sampled_from(list(v.DIMENSIONS)))}
        )
        rows["cards"].append(
            {
                "id": index,
                "question_id": index,
                "due": draw(moments).isoformat(),
                "stability": draw(st.floats(0.01, 36_500)),  # fsrs's range (coach.fields)
                "difficulty": draw(st.floats(1, 10)),
            }
        )
    if rows["interviews"] and questions:
        for index in range(1, draw(st.integers(0, 4)) + 1):
            rows["asks"].append(
                {
                    "id": index,
                    "interview_id": draw(st.integers(1, len(rows["interviews"]))),
                    "question_id": draw(st.integers(1, len(questions))),
                    "position": index,
                    "answer_notes": draw(texts),
                    "signal": draw(st.sampled_from([None, *v.SIGNALS])),
                    "self_score": draw(st.sampled_from([None, *v.SELF_SCORES])),
                }
            )
    return rows


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=journals())
def test_any_journal_round_trips_export_import_export_identically(rows):
    now = datetime(2026, 3, 16, tzinfo=UTC)
    first, second = memory_journal(), memory_journal()
    transfer.import_json(first, document(**rows))
    exported = export(first, now)
    transfer.import_json(second, exported)
    assert export(second, now) == exported


def memory_journal() -> db.Journal:
    con = db.connect(":memory:")
    db.migrate(con, ":memory:")
    return db.Journal(":memory:", con)


def test_times_keep_their_microseconds_and_zone_through_a_round_trip(journal, cur, now):
    moment = now + timedelta(microseconds=123456)
    transfer.import_json(
        journal,
        document(
            companies=[{"id": 1, "name": "Acme"}],
            interviews=[{"id": 1, "company_id": 1, "scheduled_at": moment.isoformat()}],
        ),
    )
    stored = cur.execute("SELECT scheduled_at FROM interviews").fetchone()[0]
    assert stored == moment


@pytest.mark.parametrize("file_format", ["csv", "parquet"])
def test_every_table_is_exported_as_a_file_in_one_zip(
    journal, cur, tmp_path, file_format, sample_export
):
    import io
    import zipfile

    import duckdb

    from coach import table_files

    transfer.import_json(journal, sample_export)
    archive = zipfile.ZipFile(io.BytesIO(table_files.tables_zip(cur, file_format)))
    assert sorted(archive.namelist()) == sorted(f"{t}.{file_format}" for t in transfer.TABLES)
    archive.extractall(tmp_path / "tables")
    reader = duckdb.connect()
    read = {"csv": "read_csv", "parquet": "read_parquet"}[file_format]
    asks = reader.execute(
        f"SELECT count(*) FROM {read}(?)",  # noqa: S608 - a fixed function name
        [str(tmp_path / "tables" / f"asks.{file_format}")],
    ).fetchone()[0]
    questions = reader.execute(
        f"SELECT text FROM {read}(?)",  # noqa: S608 - a fixed function name
        [str(tmp_path / "tables" / f"questions.{file_format}")],
    ).fetchall()
    assert asks == cur.execute("SELECT count(*) FROM asks").fetchone()[0]
    assert questions == cur.execute("SELECT text FROM questions ORDER BY id").fetchall()


def run_coach(*args: str, stdin: bytes | None = None):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "coach.cli", *args], input=stdin, capture_output=True
    )


def test_coach_export_and_import_move_a_journal_between_files(tmp_path, sample_export):
    source, target = tmp_path / "source.duckdb", tmp_path / "target.duckdb"
    (tmp_path / "in.json").write_text(sample_export)
    assert run_coach("import", str(tmp_path / "in.json"), "--db", str(source)).returncode == 0
    exported = run_coach("export", "-", "--db", str(source))
    assert exported.returncode == 0
    imported = run_coach("import", "-", "--db", str(target), stdin=exported.stdout)
    assert imported.stdout.decode().startswith("Added 1 dimension, 7 companies, 15 interviews")
    again = run_coach("export", "-", "--db", str(target)).stdout
    strip = lambda text: {k: v for k, v in json.loads(text).items() if k != "exported_at"}  # noqa: E731
    assert strip(again) == strip(exported.stdout)


def test_coach_import_of_a_bad_file_exits_1_with_the_reason(tmp_path):
    (tmp_path / "bad.json").write_text("{")
    result = run_coach("import", str(tmp_path / "bad.json"), "--db", str(tmp_path / "j.duckdb"))
    assert result.returncode == 1
    assert b"not valid JSON" in result.stderr
    assert b"Traceback" not in result.stderr


def test_every_reviewed_interview_is_exported_as_its_own_markdown_report(
    journal, cur, now, sample_export
):
    import io
    import zipfile

    from coach import report

    transfer.import_json(journal, sample_export)
    archive = zipfile.ZipFile(io.BytesIO(report.reports_zip(cur, now)))
    names = archive.namelist()
    assert len(names) == cur.execute("SELECT count(*) FROM reviews").fetchone()[0]
    assert len(set(names)) == len(names)
    first = archive.read(names[0]).decode()
    assert first.startswith("# ")
    assert all(name.startswith("review-") and name.endswith(".md") for name in names)


@pytest.mark.parametrize(
    ("file_format", "member"), [("markdown", ".md"), ("anki", "collection.anki2")]
)
def test_coach_export_writes_reports_and_anki_decks_too(
    tmp_path, sample_export, file_format, member
):
    import io
    import zipfile

    source = tmp_path / "source.duckdb"
    (tmp_path / "in.json").write_text(sample_export)
    assert run_coach("import", str(tmp_path / "in.json"), "--db", str(source)).returncode == 0
    out = tmp_path / "out.zip"
    result = run_coach("export", str(out), "--format", file_format, "--db", str(source))
    assert result.returncode == 0, result.stderr
    names = zipfile.ZipFile(io.BytesIO(out.read_bytes())).namelist()
    assert any(name.endswith(member) for name in names)


def test_an_import_during_a_backup_copy_reads_only_the_journals_own_tables(
    journal, now, sample_export, tmp_path
):
    # The daily backup attaches its copy beside the journal while it copies, with the
    # same tables; an import then read both catalogues' columns and failed at random
    # ("zip() argument 2 is shorter than argument 1").
    from coach import backups

    journal.wait_for_backup()
    cur = journal.cursor()
    cur.execute(f"ATTACH '{tmp_path / 'copy.duckdb'}' AS coach_backup_copying")
    catalog = cur.execute("SELECT current_database()").fetchone()[0]
    cur.execute(f'COPY FROM DATABASE "{catalog}" TO coach_backup_copying')
    try:
        transfer.import_json(journal, sample_export)
        assert db.read_version(cur) == db.schema_version()
        assert transfer.import_json(journal, sample_export).added["asks"] == 0
    finally:
        cur.execute("DETACH coach_backup_copying")
    assert backups.list_backups(str(journal.database))  # the daily copy itself was made

"""Merging journals: every row keeps its identity, so no row is mistaken for another.

The property test builds journals with SQL (not with the import under test), exports
one, and imports it into an empty journal and into a journal that already holds data:
every row and field arrives, and exporting again gives the same rows up to ids and order.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach import actions, db, interviews, reviews, sample, transfer
from coach import vocabulary as v
from coach.tables import TABLES, UID, primary_key, references_of
from tests.conftest import NOW


def memory_journal() -> db.Journal:
    con = db.connect(":memory:")
    db.migrate(con, ":memory:")
    return db.Journal(":memory:", con)


def export(journal: db.Journal) -> dict[str, Any]:
    return json.loads(transfer.export_json(journal.cursor(), now=NOW))


def count(journal: db.Journal, table: str) -> int:
    return journal.cursor().execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608


def canonical(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each table's rows with local ids replaced by identities, in a fixed order.

    Two journals hold the same rows exactly when their canonical forms are equal,
    whatever ids each gave them.
    """
    identities: dict[str, dict[Any, Any]] = {}
    result = {}
    for table in TABLES:
        identities[table] = {}
        rows = []
        for row in document["tables"].get(table, []):
            file_key = tuple(row.get(k) for k in primary_key(table))
            row = dict(row)
            for column, parent in references_of(table).items():
                if row.get(column) is not None:
                    row[column] = identities[parent].get(row[column], row[column])
            # Without a uid, the key (its references translated) is the identity.
            identity = row.get(UID) or tuple(row.get(k) for k in primary_key(table))
            identities[table][file_key[0] if len(file_key) == 1 else file_key] = identity
            row.pop("id", None)
            rows.append(row)
        result[table] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return result


def union(*forms: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The rows of several canonical forms together (rows in both counted once)."""
    result = {}
    for table in TABLES:
        seen = {}
        for form in forms:
            for row in form[table]:
                seen[json.dumps(row, sort_keys=True, default=str)] = row
        result[table] = [seen[k] for k in sorted(seen)]
    return result


def test_every_table_of_the_journal_is_exported_and_merged(journal):
    # Only the journal's bookkeeping stays out; a table left out of TABLES would be
    # missing from the round trips below without failing them.
    stored = {
        row[0]
        for row in journal.cursor()
        .execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")
        .fetchall()
    }
    assert stored - set(TABLES) == {"journal_meta", "schema_migrations"}


# -- the losses of the issue, each on its own ---------------------------------------


@pytest.fixture
def other_journal(tmp_path) -> db.Journal:
    """A journal that already holds data, numbered from 1 like any other."""
    path = tmp_path / "other.duckdb"
    sample.write_sample(path, NOW - timedelta(days=400))
    con = db.connect(str(path))
    con.execute("DELETE FROM journal_meta WHERE key = 'kind'")  # an ordinary journal now
    con.close()
    journal = db.open_journal(str(path), now=NOW)
    yield journal
    db.close_journal(str(path))


def test_merging_into_a_journal_numbered_from_one_too_adds_every_ask_and_rehearsal(
    other_journal, sample_export
):
    tables = json.loads(sample_export)["tables"]
    before = {t: count(other_journal, t) for t in ("interviews", "asks", "rehearsals")}
    summary = transfer.import_json(other_journal, sample_export)
    for table in ("interviews", "asks", "rehearsals"):
        assert summary.added[table] == len(tables[table]), table
        assert count(other_journal, table) == before[table] + len(tables[table]), table
    assert "asks" not in summary.skipped
    # Every imported interview arrived with every one of its questions.
    asked = {}
    for ask in tables["asks"]:
        asked[ask["interview_id"]] = asked.get(ask["interview_id"], 0) + 1
    uid_of = {i["id"]: i["uid"] for i in tables["interviews"]}
    cur = other_journal.cursor()
    for interview_id, n in asked.items():
        got = cur.execute(
            "SELECT count(*) FROM asks a JOIN interviews i ON i.id = a.interview_id"
            " WHERE i.uid = ?",
            [uid_of[interview_id]],
        ).fetchone()[0]
        assert got == n


def test_merging_joins_companies_and_questions_of_the_same_name_and_says_so(
    other_journal, sample_export
):
    summary = transfer.import_json(other_journal, sample_export)
    # Both journals come from the sample's companies and question bank.
    assert summary.joined["companies"] == 7
    assert summary.joined["questions"] > 0
    text = summary.describe()
    assert "Joined with a company of the same name in your journal: 7 companies." in text
    assert "Joined with a question of the same wording in your journal" in text
    names = other_journal.cursor().execute("SELECT lower(name) FROM companies").fetchall()
    assert len(names) == len(set(names))


def add_evening_panel(journal: db.Journal, company_id: int, label: str) -> int:
    """An interview logged with the spot form's default time, with a review, a question
    and an action: what two panel interviews of one evening look like."""
    interview_id = interviews.add_interview(
        journal,
        interviews.InterviewFields(
            company_id=company_id, scheduled_at=NOW - timedelta(hours=1), role="Analyst"
        ),
    )
    reviews.start_review(journal, interview_id, NOW)
    reviews.save_review(journal, interview_id, NOW, advice=f"advice from {label}")
    reviews.add_asks(journal, interview_id, [reviews.NewAsk(f"Question for {label}")], NOW)
    actions.add_action(journal, interview_id, "overall", f"action from {label}", NOW)
    return interview_id


def test_two_interviews_at_the_same_time_are_two_interviews_after_a_round_trip(journal):
    company_id = journal.write(
        lambda c: c.execute("INSERT INTO companies (name) VALUES ('Acme') RETURNING id").fetchone()
    )[0]
    add_evening_panel(journal, company_id, "panel one")
    add_evening_panel(journal, company_id, "panel two")
    exported = transfer.export_json(journal.cursor(), now=NOW)

    target = memory_journal()
    summary = transfer.import_json(target, exported)
    assert summary.added["interviews"] == 2
    assert summary.added["reviews"] == 2
    cur = target.cursor()
    assert sorted(r[0] for r in cur.execute("SELECT advice FROM reviews").fetchall()) == [
        "advice from panel one",
        "advice from panel two",
    ]
    for table in ("asks", "actions"):  # the advice added a suggested action to each plan
        assert count(target, table) == count(journal, table) > 0, table
    assert canonical(export(target)) == canonical(json.loads(exported))


def test_importing_the_same_export_twice_adds_nothing_and_says_every_row_is_already_here(
    journal, sample_export
):
    transfer.import_json(journal, sample_export)
    summary = transfer.import_json(journal, sample_export)
    assert sum(summary.added.values()) == 0
    assert summary.kept == {} and summary.joined == {}
    assert summary.describe().startswith("Added nothing new. Already in your journal, unchanged:")


def test_a_row_changed_in_the_journal_since_is_kept_and_counted_apart(journal, sample_export):
    transfer.import_json(journal, sample_export)
    journal.write(lambda c: c.execute("UPDATE companies SET notes = 'mine, since' WHERE id = 1"))
    summary = transfer.import_json(journal, sample_export)
    assert summary.kept == {"companies": 1}
    assert "changed there since: 1 company (kept as they are in your journal)" in (
        summary.describe()
    )
    notes = journal.cursor().execute("SELECT notes FROM companies WHERE id = 1").fetchone()[0]
    assert notes == "mine, since"


def test_two_rows_of_a_file_claiming_one_identity_are_refused(journal):
    from coach.errors import InvalidInput

    uid = "7e0f3c52-3f0e-4a8e-9d1a-2b9f6f1c0a11"
    document = {
        "format": transfer.FORMAT,
        "format_version": 2,
        "schema_version": 2,
        "tables": {
            "companies": [
                {"id": 1, "uid": uid, "name": "A"},
                {"id": 2, "uid": uid, "name": "B"},
            ]
        },
    }
    with pytest.raises(InvalidInput, match=rf"tables\.companies\[1\]: repeats the identity {uid}"):
        transfer.import_json(journal, json.dumps(document))
    assert count(journal, "companies") == 0


def test_two_rows_of_a_file_that_become_one_in_the_journal_are_joined_not_refused(journal):
    """Two questions (or stories) kept apart in one journal both join the one of that
    wording in another: a prediction listing both, or an interview telling both, then
    holds it once, and the import neither fails nor loses the rest."""
    story = {"title": "Cut report time", "situation": "Slow reports"}
    source = {
        "companies": [{"name": "Acme"}],
        "interviews": [{"company": 0, "scheduled_at": NOW + timedelta(days=2)}],
        "questions": [{"text": "Tell me about yourself."}, {"text": "Tell me  about yourself."}],
        "stories": [story, dict(story)],
        "story_uses": [{"interview": 0, "story": 0, "use": "told"},
                       {"interview": 0, "story": 1, "use": "missed"}],
        "predictions": [{"interview": 0, "moment": "shown", "taken_at": NOW,
                         "earlier_interviews": 1, "likely_count": 2}],
        "predicted_questions": [
            {"prediction": 0, "question": q, "rank": q + 1, "score": 5, "to_rehearse": True}
            for q in (0, 1)
        ],
    }  # fmt: skip
    first = memory_journal()
    build(first, source)
    exported = transfer.export_json(first.cursor(), now=NOW)
    build(journal, {"questions": [{"text": "tell me about yourself."}], "stories": [story]})

    summary = transfer.import_json(journal, exported)
    cur = journal.cursor()
    assert cur.execute("SELECT rank, question_id FROM predicted_questions").fetchall() == [
        (1, 1)
    ]  # the first of the two, on the journal's question
    assert cur.execute("SELECT use, story_id FROM story_uses").fetchall() == [("told", 1)]
    assert summary.joined == {
        "questions": 2, "stories": 2, "story_uses": 1, "predicted_questions": 1
    }  # fmt: skip
    assert "Joined with the same question of the same brief prediction in your journal: " in (
        summary.describe()
    )
    again = transfer.import_json(journal, exported)
    assert sum(again.added.values()) == 0


def test_a_version_1_export_still_imports_every_row(journal):
    from tests.test_upgrades import FIXTURES

    text = (FIXTURES / "journal-v1.json").read_text()
    tables = json.loads(text)["tables"]
    summary = transfer.import_json(journal, text)
    for table, rows in tables.items():
        if table != "dimensions":
            assert count(journal, table) == len(rows), table
    assert summary.without_identities
    assert "importing it again would add them again" in summary.describe()
    # Every row now has an identity of its own, so a later export merges cleanly.
    cur = journal.cursor()
    for table in ("companies", "interviews", "asks", "rehearsals"):
        n, distinct = cur.execute(
            f"SELECT count(*), count(DISTINCT uid) FROM {table}"  # noqa: S608
        ).fetchone()
        assert n == distinct == len(tables[table])


def test_a_version_1_export_imported_twice_joins_companies_and_questions_only(journal):
    from tests.test_upgrades import FIXTURES

    text = (FIXTURES / "journal-v1.json").read_text()
    tables = json.loads(text)["tables"]
    transfer.import_json(journal, text)
    summary = transfer.import_json(journal, text)
    assert summary.joined["companies"] == len(tables["companies"])
    assert summary.joined["questions"] == len(tables["questions"])
    assert count(journal, "interviews") == 2 * len(tables["interviews"])
    assert count(journal, "companies") == len(tables["companies"])


def test_an_export_of_schema_2_imports_every_row_and_a_second_time_adds_nothing(journal):
    """A file exported before prediction snapshots existed (no such tables in it)."""
    from tests.test_upgrades import FIXTURES

    text = (FIXTURES / "journal-v2.json").read_text()
    tables = json.loads(text)["tables"]
    assert "predictions" not in tables
    summary = transfer.import_json(journal, text)
    assert not summary.without_identities
    for table, rows in tables.items():
        if table != "dimensions":
            assert count(journal, table) == len(rows), table
    again = transfer.import_json(journal, text)
    assert sum(again.added.values()) == 0
    before = canonical(json.loads(text))
    # Columns added since schema 2 hold their defaults; every value of the file is kept.
    after = {
        table: sorted(
            ({k: row[k] for k in before[table][0]} for row in rows),
            key=lambda r: json.dumps(r, sort_keys=True, default=str),
        )
        if before[table]
        else rows
        for table, rows in canonical(export(journal)).items()
    }
    assert after == before


def test_a_version_1_journal_file_gets_an_identity_on_every_row_when_opened(tmp_path):
    from tests.test_upgrades import unpack

    path = unpack(tmp_path)
    journal = db.open_journal(str(path), now=NOW)
    try:
        cur = journal.cursor()
        for table in ("companies", "interviews", "questions", "asks", "cards", "rehearsals"):
            n, distinct = cur.execute(
                f"SELECT count(*), count(DISTINCT uid) FROM {table}"  # noqa: S608
            ).fetchone()
            assert n == distinct > 0, table
    finally:
        db.close_journal(str(path))


# -- generated journals --------------------------------------------------------------

# Values a journal can hold: every way in keeps a field's one rule (coach.fields), which
# trims text and bounds numbers, and an import refuses a value the rule refuses.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=30,
).map(str.strip)
names = texts.filter(lambda t: t != "")
# Few distinct moments and roles, so that interviews often share company, time,
# role and round: the case the old natural-key merge lost.
moments = st.sampled_from(
    [NOW - timedelta(hours=1), NOW - timedelta(days=3, microseconds=7), NOW + timedelta(days=2)]
)
small_texts = st.sampled_from(["", "Analyst", "数据分析师 🎯"])


@st.composite
def journal_specs(draw, prefix: str) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table of a small journal; parents are referred to by position.

    `prefix` starts every company name, question and story title, so two specs share
    no name (sameness by name is tested on its own above).
    """
    spec: dict[str, list[dict[str, Any]]] = {}
    company_names = draw(st.lists(names, min_size=1, max_size=3, unique_by=str.lower))
    spec["companies"] = [
        {"name": f"{prefix}{name}", "kind": draw(st.sampled_from(list(v.COMPANY_KINDS))),
         "notes": draw(texts)}
        for name in company_names
    ]  # fmt: skip
    spec["interviews"] = [
        {
            "company": draw(st.integers(0, len(company_names) - 1)),
            "scheduled_at": draw(moments),
            "role": draw(small_texts),
            "round": draw(small_texts),
            "notes": draw(texts),
            "outcome": draw(st.sampled_from(list(v.OUTCOMES))),
            # Imported from a calendar, or not (NULL stays NULL).
            "calendar_uid": draw(st.one_of(st.none(), names)),
        }
        for _ in range(draw(st.integers(1, 4)))
    ]
    n_interviews = len(spec["interviews"])
    reviewed = draw(st.lists(st.integers(0, n_interviews - 1), unique=True, max_size=n_interviews))
    spec["reviews"] = [
        {
            "interview": i,
            "advice": draw(texts),
            "overall_rating": draw(st.sampled_from([None, *v.OVERALL_RATINGS])),
            "status": draw(st.sampled_from(list(v.REVIEW_STATUSES))),
            "nerves": draw(st.sampled_from([None, *v.NERVES])),
        }
        for i in reviewed
    ]
    # Kept transcripts: several may belong to one interview.
    spec["transcripts"] = [
        {
            "interview": draw(st.integers(0, n_interviews - 1)),
            "file_name": draw(texts),
            "format": draw(st.sampled_from(list(v.TRANSCRIPT_FORMATS))),
            "candidate": draw(small_texts),
            "text": draw(names),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    # Questions may repeat a wording: a journal keeps two of one wording if asked to.
    wordings = draw(st.lists(names, min_size=1, max_size=4))
    spec["questions"] = [
        {"text": f"{prefix}{w}", "dimension": draw(st.sampled_from(list(v.DIMENSIONS)))}
        for w in wordings
    ]
    n_questions = len(wordings)
    spec["asks"] = [
        {
            "interview": draw(st.integers(0, n_interviews - 1)),
            "question": draw(st.integers(0, n_questions - 1)),  # shared across interviews
            "position": position,
            "answer_notes": draw(texts),
            "signal": draw(st.sampled_from([None, *v.SIGNALS])),
            "self_score": draw(st.sampled_from([None, *v.SELF_SCORES])),
            # The evidence of a probed answer (the method's fields, issue 13).
            "background": draw(texts),
            "problem": draw(texts),
            "my_actions": draw(texts),
            "evidence": draw(texts),
            "answer_ms": draw(st.one_of(st.none(), st.integers(0, 3_600_000))),
        }
        for position in range(1, draw(st.integers(0, 6)) + 1)
    ]
    spec["answers"] = []
    for ask_index, ask in enumerate(spec["asks"]):
        if draw(st.booleans()):
            spec["answers"].append(
                {"question": ask["question"], "ask": ask_index, "text": f"kept {draw(names)}"}
            )
    spec["stories"] = [
        {
            "title": f"{prefix}{t}",
            "situation": draw(texts),
            "skills": json.dumps([draw(texts)], ensure_ascii=False),
        }
        for t in draw(st.lists(names, max_size=2))
    ]
    spec["story_uses"] = [
        {
            "interview": i,
            "story": s,
            "use": draw(st.sampled_from(list(v.STORY_USES))),
            "missed_reason": draw(st.sampled_from([None, *v.MISSED_REASONS])),
            # The ask where a missed story could have been told (any ask: the merge
            # carries the link whichever interview it belongs to).
            "bridge_ask": draw(st.sampled_from([None, *range(len(spec["asks"]))])),
        }
        for i, s in draw(
            st.lists(
                st.tuples(
                    st.integers(0, n_interviews - 1),
                    st.integers(0, max(0, len(spec["stories"]) - 1)),
                ),
                unique=True,
                max_size=3 if spec["stories"] else 0,
            )
        )
    ]
    spec["actions"] = [
        {
            "interview": draw(st.sampled_from([None, *range(n_interviews)])),
            "aspect": draw(st.sampled_from(list(v.ASPECTS))),
            "text": draw(names),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    carded = draw(st.lists(st.integers(0, n_questions - 1), unique=True, max_size=n_questions))
    spec["cards"] = [
        {
            "question": q,
            "due": draw(moments),
            "stability": draw(st.floats(0.01, 36_500)),
            "kind": draw(st.sampled_from(list(v.CARD_KINDS))),
        }
        for q in carded
    ]
    spec["rehearsals"] = [
        {
            "card": draw(st.integers(0, len(carded) - 1)),
            "rated_at": draw(moments),  # two rehearsals may share a time too
            "grade": draw(st.sampled_from(list(v.GRADES))),
            "attempt": draw(texts),
            "audio": draw(st.one_of(st.none(), st.binary(max_size=8))),
        }
        for _ in range(draw(st.integers(0, 5) if carded else st.just(0)))
    ]
    # Briefs kept before interviews (several per interview, at one time too), listing
    # questions of the bank, some of them in more than one prediction.
    spec["predictions"] = [
        {
            "interview": draw(st.integers(0, n_interviews - 1)),
            "moment": draw(st.sampled_from(["shown", "downloaded", "day"])),
            "taken_at": draw(moments),
            "earlier_interviews": draw(st.integers(0, 9)),
            "likely_count": draw(st.integers(0, 9)),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    spec["predicted_questions"] = [
        {
            "prediction": p,
            "question": q,
            "rank": rank,
            "score": draw(st.integers(0, 12)),
            "reasons": json.dumps(draw(st.lists(texts, max_size=2)), ensure_ascii=False),
            "to_rehearse": draw(st.booleans()),
            "recall": draw(st.one_of(st.none(), st.floats(0, 1))),
        }
        for rank, (p, q) in enumerate(
            draw(
                st.lists(
                    st.tuples(
                        st.integers(0, max(0, len(spec["predictions"]) - 1)),
                        st.integers(0, n_questions - 1),
                    ),
                    unique=True,
                    max_size=5 if spec["predictions"] else 0,
                )
            ),
            start=1,
        )
    ]
    return spec


def build(journal: db.Journal, spec: dict[str, list[dict[str, Any]]]) -> None:
    """Insert the spec's rows with SQL, each table's ids made by its sequence."""

    def insert(cur, table: str, row: dict[str, Any]) -> int | None:
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        returning = " RETURNING id" if primary_key(table) == ("id",) else ""
        found = cur.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks}){returning}",  # noqa: S608
            list(row.values()),
        ).fetchone()
        return found[0] if found else None

    def work(cur) -> None:
        ids: dict[str, list] = {}
        parents = {
            "company": "companies",
            "interview": "interviews",
            "question": "questions",
            "ask": "asks",
            "bridge_ask": "asks",
            "story": "stories",
            "card": "cards",
            "prediction": "predictions",
        }
        for table in spec:
            ids[table] = []
            for row in spec[table]:
                values = {}
                for name, value in row.items():
                    if name in parents:
                        column = f"{name}_id"
                        values[column] = None if value is None else ids[parents[name]][value]
                    else:
                        values[name] = value
                ids[table].append(insert(cur, table, values))

    journal.write(work)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(source=journal_specs(prefix="S·"), existing=journal_specs(prefix="E·"))
def test_any_journal_merges_losslessly_into_an_empty_one_and_into_one_holding_data(
    source, existing
):
    first = memory_journal()
    build(first, source)
    exported = transfer.export_json(first.cursor(), now=NOW)
    expected = canonical(json.loads(exported))
    # The export carries every generated row of every table (a table left out of
    # coach.tables would be missing from both sides of the comparisons below).
    assert {t: len(expected.get(t, [])) for t in source} == {t: len(r) for t, r in source.items()}

    empty = memory_journal()
    transfer.import_json(empty, exported)
    assert canonical(export(empty)) == expected

    holding = memory_journal()
    build(holding, existing)
    before = canonical(export(holding))
    summary = transfer.import_json(holding, exported)
    assert canonical(export(holding)) == union(before, expected)
    assert summary.joined == {} and summary.kept == {}

    again = transfer.import_json(holding, exported)
    assert sum(again.added.values()) == 0
    assert canonical(export(holding)) == union(before, expected)

"""The sample journal: deterministic, realistic, consistent with fsrs, and never over a real one."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import fsrs
import pytest

from coach import db, vocabulary
from coach.errors import InvalidInput
from coach.review_rules import DOUBTED_ASK_SQL, WEAK_ASK_SQL
from coach.sample import build_sample, summarize, write_sample
from coach.scheduling import load_card, make_scheduler
from coach.settings import DEFAULTS

# The same instant as conftest's `now`, for the sample built once for this module.
SAMPLE_NOW = datetime(2026, 3, 16, 18, 30, tzinfo=UTC)
COACH = Path(sys.executable).parent / "coach"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """A cursor on a sample journal built once at SAMPLE_NOW, for checks that only read."""
    path = str(tmp_path_factory.mktemp("sample") / "sample.duckdb")
    journal = db.open_journal(path)
    build_sample(journal, SAMPLE_NOW)
    cursor = journal.cursor()
    yield cursor
    cursor.close()
    db.close_journal(path)


def dump(cur) -> dict[str, list[tuple]]:
    """Every row of every table but the migrations log (which records the clock), without
    row identities (random by design: two journals never share one by chance)."""
    tables = {}
    for table, has_uid in cur.execute(
        "SELECT table_name, bool_or(column_name = 'uid') FROM information_schema.columns"
        " WHERE table_schema = 'main' AND table_name <> 'schema_migrations'"
        " GROUP BY table_name ORDER BY table_name"
    ).fetchall():
        columns = "* EXCLUDE (uid)" if has_uid else "*"
        tables[table] = cur.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()  # noqa: S608
    return tables


def shifted(tables: dict[str, list[tuple]], delta: timedelta) -> dict[str, list[tuple]]:
    def move(value):
        return value + delta if isinstance(value, datetime) else value

    return {t: [tuple(move(v) for v in row) for row in rows] for t, rows in tables.items()}


def without_reasons(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """The tables, with the predicted questions' reasons left out: they name the day a
    question was asked ("asked here before (First round, 5 March)"), which moves too."""
    reasons = 4  # prediction_id, question_id, rank, score, reasons, …
    return {
        **tables,
        "predicted_questions": [
            row[:reasons] + row[reasons + 1 :] for row in tables["predicted_questions"]
        ],
    }


def one(cur, sql: str, params=()):
    return cur.execute(sql, params).fetchone()[0]


def column(cur, sql: str, params=()) -> list:
    return [row[0] for row in cur.execute(sql, params).fetchall()]


# --- determinism ------------------------------------------------------------------


def test_the_same_now_gives_an_identical_journal(journal, cur, now, tmp_path):
    build_sample(journal, now)
    other_path = str(tmp_path / "other.duckdb")
    other = db.open_journal(other_path)
    try:
        build_sample(other, now)
        other_cur = other.cursor()
        assert dump(other_cur) == dump(cur)
        other_cur.close()
    finally:
        db.close_journal(other_path)
    assert one(cur, "SELECT count(*) FROM rehearsals") > 0


def test_a_later_now_moves_every_date_and_changes_nothing_else(journal, cur, now, tmp_path):
    build_sample(journal, now)
    later_path = str(tmp_path / "later.duckdb")
    later = db.open_journal(later_path)
    try:
        build_sample(later, now + timedelta(days=10))
        later_cur = later.cursor()
        assert without_reasons(dump(later_cur)) == without_reasons(
            shifted(dump(cur), timedelta(days=10))
        )
        later_cur.close()
    finally:
        db.close_journal(later_path)


def test_the_sample_is_only_built_into_an_empty_journal(journal, cur, now):
    build_sample(journal, now)
    before = dump(cur)
    with pytest.raises(InvalidInput, match="empty journal"):
        build_sample(journal, now)
    assert dump(cur) == before


# --- interviews and companies ---------------------------------------------------------


def test_there_are_a_dozen_interviews_and_exactly_two_are_upcoming(sample):
    assert one(sample, "SELECT count(*) FROM interviews") >= 12
    upcoming = sample.execute(
        """
        SELECT i.scheduled_at, c.kind FROM interviews i JOIN companies c ON c.id = i.company_id
        WHERE i.scheduled_at > ? ORDER BY i.scheduled_at
        """,
        [SAMPLE_NOW],
    ).fetchall()
    assert len(upcoming) == 2
    target_soon = [at for at, kind in upcoming if kind == "target"]
    assert target_soon and target_soon[0] - SAMPLE_NOW < timedelta(days=7)


def test_three_practice_interviews_come_first_then_target_ones(sample):
    kinds = column(
        sample,
        "SELECT c.kind FROM interviews i JOIN companies c ON c.id = i.company_id "
        "ORDER BY i.scheduled_at",
    )
    assert kinds[:3] == ["practice"] * 3
    assert "practice" not in kinds[3:]
    assert kinds[3] == "target"
    assert set(column(sample, "SELECT kind FROM companies")) == {"practice", "target", "undecided"}


def test_the_interviews_span_about_ten_weeks_before_now(sample):
    first = one(sample, "SELECT min(scheduled_at) FROM interviews")
    assert timedelta(weeks=9) <= SAMPLE_NOW - first <= timedelta(weeks=11)


# --- questions and asks -------------------------------------------------------------


def test_sixty_asks_cover_every_dimension_signal_and_cause(sample):
    assert one(sample, "SELECT count(*) FROM asks") >= 60
    dimensions_asked = set(
        column(
            sample,
            "SELECT DISTINCT q.dimension FROM asks a JOIN questions q ON q.id = a.question_id",
        )
    )
    assert dimensions_asked == set(column(sample, "SELECT key FROM dimensions"))
    assert dimensions_asked > set(vocabulary.DIMENSIONS)  # and one the candidate added
    assert set(column(sample, "SELECT DISTINCT signal FROM asks")) == set(vocabulary.SIGNALS)
    causes = column(sample, "SELECT DISTINCT cause FROM asks WHERE cause IS NOT NULL")
    assert set(causes) == set(vocabulary.CAUSES)
    assert set(column(sample, "SELECT DISTINCT self_score FROM asks")) == {1, 2, 3, 4}


def test_about_forty_five_questions_read_as_full_sentences(sample):
    texts = column(sample, "SELECT text FROM questions")
    assert 40 <= len(texts) <= 50
    assert len(set(texts)) == len(texts)
    assert all(t[-1] in "?.。" and len(t) > 20 for t in texts)


def test_some_questions_recur_at_two_or_more_companies(sample):
    recurring = one(
        sample,
        """
        SELECT count(*) FROM (
            SELECT a.question_id FROM asks a JOIN interviews i ON i.id = a.interview_id
            GROUP BY a.question_id HAVING count(DISTINCT i.company_id) >= 2
        )
        """,
    )
    assert recurring >= 5


def test_the_sample_includes_a_question_and_answers_in_chinese(sample):
    chinese = "SELECT count(*) FROM {} WHERE regexp_matches({}, '[\u4e00-\u9fff]')"
    assert one(sample, chinese.format("questions", "text")) == 1
    assert one(sample, chinese.format("asks", "answer_notes")) == 1
    assert one(sample, chinese.format("answers", "text")) == 1


# --- reviews, stories, actions, answers -------------------------------------------------


def test_reviews_use_all_four_ratings_with_one_draft_and_one_interview_not_reviewed(sample):
    ratings = column(sample, "SELECT overall_rating FROM reviews WHERE status = 'completed'")
    assert len(ratings) >= 10
    assert set(ratings) == set(vocabulary.OVERALL_RATINGS)
    assert one(sample, "SELECT count(*) FROM reviews WHERE status = 'draft'") == 1
    not_reviewed = one(
        sample,
        "SELECT count(*) FROM interviews i WHERE scheduled_at <= ? "
        "AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.interview_id = i.id)",
        [SAMPLE_NOW],
    )
    assert not_reviewed == 1


def test_completed_reviews_fill_in_every_aspect(sample):
    rows = sample.execute(
        """
        SELECT self_state, interviewer_reaction, harmony, pace, led_by_interviewer, depth,
               self_state_notes, reaction_notes, completed_at
        FROM reviews WHERE status = 'completed'
        """
    ).fetchall()
    assert all(all(v not in (None, "") for v in row) for row in rows)
    assert set(column(sample, "SELECT DISTINCT pace FROM reviews WHERE pace IS NOT NULL")) == set(
        vocabulary.PACES
    )
    assert one(sample, "SELECT count(*) FROM reviews WHERE passionate_topics <> ''") >= 8
    assert one(sample, "SELECT count(*) FROM reviews WHERE advice <> ''") >= 3


def test_one_review_records_a_referral_to_another_department(sample):
    referral, outcome = sample.execute(
        "SELECT r.referral, i.outcome FROM reviews r JOIN interviews i ON i.id = r.interview_id "
        "WHERE r.referral <> ''"
    ).fetchall()[0]
    assert outcome == "referred"
    assert "finance business partner" in referral
    assert one(sample, "SELECT count(*) FROM reviews WHERE referral <> ''") == 1
    assert one(sample, "SELECT count(*) FROM actions WHERE source = 'referral'") == 1


def test_the_rating_sets_the_depth_of_each_review(sample):
    pairs = sample.execute(
        "SELECT overall_rating, depth FROM reviews WHERE overall_rating IS NOT NULL"
    ).fetchall()
    assert all(depth == ("deep" if rating <= 2 else "refine") for rating, depth in pairs)


def test_six_stories_are_told_fully_partly_and_missed(sample):
    stories = sample.execute(
        "SELECT situation, task, action, result, len(skills) FROM stories"
    ).fetchall()
    assert len(stories) >= 6
    assert all(all(field for field in story) for story in stories)
    assert set(column(sample, "SELECT DISTINCT use FROM story_uses")) == set(vocabulary.STORY_USES)


def test_actions_are_open_and_done_in_all_four_aspects(sample):
    pairs = set(sample.execute("SELECT DISTINCT aspect, status FROM actions").fetchall())
    assert pairs == {(a, s) for a in vocabulary.ASPECTS for s in vocabulary.ACTION_STATUSES}
    sources = set(column(sample, "SELECT DISTINCT source FROM actions"))
    assert {"advice", "referral", "bridge"} <= sources


def test_answer_versions_get_shorter_over_time(sample):
    versions = sample.execute(
        "SELECT question_id, list(length(text) ORDER BY created_at) FROM answers "
        "GROUP BY question_id HAVING count(*) >= 2"
    ).fetchall()
    assert len(versions) >= 3
    assert max(len(lengths) for _, lengths in versions) == 3
    assert all(lengths == sorted(lengths, reverse=True) for _, lengths in versions)
    assert one(sample, "SELECT count(*) FROM answers WHERE ask_id IS NOT NULL") >= 5


# --- cards and rehearsals ----------------------------------------------------------------


def test_every_weakly_answered_or_doubted_question_has_a_card_of_its_kind(sample):
    missing = one(
        sample,
        f"""
        SELECT count(DISTINCT a.question_id) FROM asks a
        WHERE ({WEAK_ASK_SQL} OR {DOUBTED_ASK_SQL})
          AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.question_id = a.question_id)
        """,  # noqa: S608
    )
    assert missing == 0
    assert set(column(sample, "SELECT DISTINCT origin FROM cards")) == {"weak_ask", "manual"}
    # A question only ever doubted (probed, though scored good) prepares evidence; one
    # answered weakly anywhere rehearses the answer.
    kinds = dict(
        sample.execute(
            f"""
            SELECT q.text, any_value(c.kind) FROM cards c
            JOIN questions q ON q.id = c.question_id JOIN asks a ON a.question_id = q.id
            GROUP BY q.text
            HAVING bool_or({DOUBTED_ASK_SQL}) AND NOT bool_or({WEAK_ASK_SQL})
            """  # noqa: S608
        ).fetchall()
    )
    assert kinds and set(kinds.values()) == {"evidence"}
    weak_evidence = f"""
        SELECT count(*) FROM cards c WHERE kind = 'evidence' AND EXISTS
        (SELECT 1 FROM asks a WHERE a.question_id = c.question_id AND {WEAK_ASK_SQL})
    """  # noqa: S608
    assert one(sample, weak_evidence) == 0


def test_the_sample_never_keeps_a_cause_on_an_answer_scored_good(sample):
    assert one(sample, "SELECT count(*) FROM asks WHERE cause IS NOT NULL AND self_score >= 3") == 0


def test_three_weeks_of_rehearsals_all_before_now(sample):
    first, last = sample.execute("SELECT min(rated_at), max(rated_at) FROM rehearsals").fetchone()
    assert last - first >= timedelta(days=21)
    assert last < SAMPLE_NOW
    assert set(column(sample, "SELECT DISTINCT grade FROM rehearsals")) == {1, 2, 3, 4}


def test_some_cards_are_due_today(sample):
    assert summarize(sample, SAMPLE_NOW).due_today > 0
    assert (
        one(sample, "SELECT count(*) FROM cards WHERE status = 'active' AND due <= ?", [SAMPLE_NOW])
        > 0
    )


def test_every_card_is_in_the_state_fsrs_computes_from_its_rehearsals(sample):
    scheduler = make_scheduler(fuzzing=False)
    cards = sample.execute("SELECT id, created_at, reps, lapses FROM cards").fetchall()
    for card_id, created_at, reps, lapses in cards:
        history = sample.execute(
            "SELECT grade, rated_at FROM rehearsals WHERE card_id = ? ORDER BY rated_at",
            [card_id],
        ).fetchall()
        replay = fsrs.Card(card_id=card_id, due=created_at.astimezone(UTC))
        replay_lapses = 0
        for grade, rated_at in history:
            replay_lapses += grade == 1 and replay.state == fsrs.State.Review
            replay, _ = scheduler.review_card(replay, fsrs.Rating(grade), rated_at.astimezone(UTC))
        assert load_card(sample, card_id) == replay
        assert (reps, lapses) == (len(history), replay_lapses)


def test_one_card_is_one_lapse_short_of_a_leech(sample):
    threshold = DEFAULTS["leech_threshold"]
    lapses = column(sample, "SELECT lapses FROM cards ORDER BY lapses DESC")
    assert lapses[0] == threshold - 1
    assert lapses[1] < threshold - 1
    assert one(sample, "SELECT count(*) FROM cards WHERE is_leech") == 0


def test_nothing_in_the_past_is_dated_after_now(sample):
    for table, col in [
        ("companies", "created_at"),
        ("interviews", "created_at"),
        ("questions", "created_at"),
        ("asks", "created_at"),
        ("answers", "created_at"),
        ("stories", "created_at"),
        ("actions", "created_at"),
        ("actions", "done_at"),
        ("reviews", "updated_at"),
        ("reviews", "completed_at"),
        ("cards", "created_at"),
        ("cards", "last_review"),
        ("rehearsals", "rated_at"),
    ]:
        assert one(sample, f"SELECT max({col}) FROM {table}") <= SAMPLE_NOW, (table, col)  # noqa: S608


# --- writing the sample file ---------------------------------------------------------------


def test_write_sample_creates_a_journal_marked_as_a_sample(tmp_path, now):
    path = write_sample(tmp_path / "sample.duckdb", now)
    journal = db.open_journal(str(path))
    try:
        assert journal.is_sample
        cur = journal.cursor()
        assert summarize(cur, now).interviews >= 12
        cur.close()
    finally:
        db.close_journal(str(path))
    assert [p.name for p in tmp_path.iterdir()] == ["sample.duckdb"]


def test_write_sample_replaces_an_existing_sample(tmp_path, now):
    path = tmp_path / "sample.duckdb"
    write_sample(path, now - timedelta(days=30))
    write_sample(path, now)
    con = db.connect(str(path), read_only=True)
    try:
        assert one(con, "SELECT max(rated_at) FROM rehearsals") > now - timedelta(days=3)
        assert one(con, "SELECT value FROM journal_meta WHERE key = 'kind'") == "sample"
    finally:
        con.close()


def test_write_sample_keeps_an_existing_sample_when_told_not_to_replace_it(tmp_path, now):
    path = write_sample(tmp_path / "sample.duckdb", now)
    before = path.read_bytes()
    with pytest.raises(InvalidInput, match="already holds a sample"):
        write_sample(path, now, replace_sample=False)
    assert path.read_bytes() == before


def test_write_sample_refuses_to_overwrite_a_real_journal_and_leaves_it_unchanged(tmp_path, now):
    path = tmp_path / "coach.duckdb"
    journal = db.open_journal(str(path))
    journal.write(lambda cur: cur.execute("INSERT INTO companies (name) VALUES ('Mine')"))
    db.close_journal(str(path))
    before = path.read_bytes()
    files_before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(InvalidInput, match="not a sample journal"):
        write_sample(path, now)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before  # no leftovers


@pytest.mark.parametrize("content", [b"my notes", b""])
def test_write_sample_refuses_to_overwrite_any_other_file(tmp_path, now, content):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match="not a sample journal"):
        write_sample(path, now)
    assert path.read_bytes() == content


# --- the coach demo command ----------------------------------------------------------------


def run_coach(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(COACH), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_coach_demo_writes_a_sample_and_says_how_to_open_it(tmp_path):
    path = tmp_path / "demo.duckdb"
    result = run_coach("demo", str(path), "--now", "2026-03-16T18:30+00:00")
    assert result.returncode == 0, result.stderr
    assert f"COACH_DB={path} coach app" in result.stdout
    expected = ["15 interviews", "2 upcoming", "67 questions asked", "practice cards", "due today"]
    for words in [*expected, "rehearsals"]:
        assert words in result.stdout
    con = db.connect(str(path), read_only=True)
    try:
        assert one(con, "SELECT value FROM journal_meta WHERE key = 'kind'") == "sample"
    finally:
        con.close()


def test_coach_demo_refuses_a_file_that_is_not_a_sample(tmp_path):
    path = tmp_path / "coach.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE mine AS SELECT 42 AS answer")
    con.close()
    before = path.read_bytes()
    result = run_coach("demo", str(path))
    assert result.returncode == 1
    assert "not a sample journal" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert path.read_bytes() == before


def test_coach_demo_explains_a_journal_locked_by_another_program(tmp_path):
    path = tmp_path / "demo.duckdb"
    assert run_coach("demo", str(path)).returncode == 0
    holder = duckdb.connect(str(path))  # this test process now holds the file
    try:
        result = run_coach("demo", str(path))
    finally:
        holder.close()
    assert result.returncode == 1
    assert "open in another program" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_sample_shows_the_method_s_own_fields_in_use(sample):
    # Probed answers with their evidence written, a prepare-evidence card among them.
    assert one(sample, "SELECT count(*) FROM asks WHERE signal = 'probed' AND evidence <> ''") >= 2
    assert one(sample, "SELECT count(*) FROM cards WHERE kind = 'evidence'") >= 1
    # Missed stories with why, and where they could have been told (an ask of the same review).
    assert set(column(sample, "SELECT DISTINCT missed_reason FROM story_uses WHERE use = 'missed'"
                              " AND missed_reason IS NOT NULL")) == {"no_opening", "no_bridge",
                                                                     "forgot"}  # fmt: skip
    assert one(sample, """
        SELECT count(*) FROM story_uses u JOIN asks a ON a.id = u.bridge_ask_id
        WHERE a.interview_id = u.interview_id
    """) >= 3  # fmt: skip
    stray = """
        SELECT count(*) FROM story_uses WHERE use <> 'missed'
        AND (missed_reason IS NOT NULL OR bridge_ask_id IS NOT NULL)
    """
    assert one(sample, stray) == 0
    # Nerves, and the warm-up routine "nervous at the start" puts in the plan.
    assert set(column(sample, "SELECT DISTINCT nerves FROM reviews WHERE nerves IS NOT NULL")) == {
        "calm", "nervous_start", "nervous_throughout"
    }  # fmt: skip
    assert one(sample, "SELECT count(*) FROM actions WHERE text LIKE 'Warm up before%'") == 1

"""Practice scheduling: cards in DuckDB, scheduled by fsrs at fixed times, fuzzing off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import fsrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.errors import InvalidInput, NotFound
from coach.scheduling import (
    FSRS_COLUMNS,
    card_columns,
    card_from_row,
    ensure_card,
    load_card,
    make_scheduler,
    record_rehearsal,
    scheduler_for,
    to_fsrs_card,
)
from coach.settings import get_setting, set_setting

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


@pytest.fixture
def scheduler():
    return make_scheduler(fuzzing=False)


@pytest.fixture
def question_id(cur, now):
    return cur.execute(
        "INSERT INTO questions (text, dimension, created_at) VALUES (?, ?, ?) RETURNING id",
        ["Walk me through how you would build a rolling forecast.", "professional_ability", now],
    ).fetchone()[0]


@pytest.fixture
def card_id(cur, question_id, now):
    return ensure_card(cur, question_id, origin="weak_ask", now=now)[0]


def rehearse(cur, card_id, grade, at, scheduler, **kwargs):
    return record_rehearsal(
        cur, card_id, grade, at=at, duration_ms=60_000, scheduler=scheduler, **kwargs
    )


def card_row(cur, card_id):
    names = ", ".join(FSRS_COLUMNS)
    return cur.execute(
        f"SELECT {names}, reps, lapses, is_leech FROM cards WHERE id = ?",  # noqa: S608
        [card_id],
    ).fetchone()


# --- the scheduler ------------------------------------------------------------


def test_the_scheduler_works_in_whole_days_without_learning_steps():
    scheduler = make_scheduler(0.85, fuzzing=False)
    assert scheduler.learning_steps == ()
    assert scheduler.relearning_steps == ()
    assert scheduler.desired_retention == 0.85
    assert scheduler.enable_fuzzing is False
    assert make_scheduler().enable_fuzzing is True


@pytest.mark.parametrize("retention", [0.0, 0.3, 1.0, 1.2])
def test_an_implausible_desired_retention_is_refused(retention):
    with pytest.raises(InvalidInput, match="retention"):
        make_scheduler(retention)


def test_the_scheduler_follows_the_stored_desired_retention(cur):
    assert scheduler_for(cur).desired_retention == 0.9
    set_setting(cur, "desired_retention", 0.8)
    assert scheduler_for(cur, fuzzing=False).desired_retention == 0.8


# --- creating cards -----------------------------------------------------------


def test_a_new_card_is_due_at_once_and_has_never_been_rehearsed(cur, question_id, now):
    card_id, created = ensure_card(cur, question_id, origin="weak_ask", now=now)
    assert created
    state, step, stability, difficulty, due, last_review, reps, lapses, is_leech = card_row(
        cur, card_id
    )
    assert (state, step, stability, difficulty, last_review) == (1, 0, None, None, None)
    assert due == now
    assert (reps, lapses, is_leech) == (0, 0, False)
    origin, created_at = cur.execute(
        "SELECT origin, created_at FROM cards WHERE id = ?", [card_id]
    ).fetchone()
    assert (origin, created_at) == ("weak_ask", now)


def test_a_question_gets_only_one_card_however_often_it_is_weak(cur, question_id, now):
    first = ensure_card(cur, question_id, origin="weak_ask", now=now)
    again = ensure_card(cur, question_id, origin="manual", now=now + timedelta(days=3))
    assert again == (first[0], False)
    assert cur.execute("SELECT count(*), min(origin) FROM cards").fetchone() == (1, "weak_ask")


def test_a_card_for_a_missing_question_or_of_unknown_origin_is_refused(cur, question_id, now):
    with pytest.raises(NotFound):
        ensure_card(cur, question_id + 99, origin="manual", now=now)
    with pytest.raises(InvalidInput, match="origin"):
        ensure_card(cur, question_id, origin="imported", now=now)
    assert cur.execute("SELECT count(*) FROM cards").fetchone()[0] == 0


# --- rehearsing ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "days"),
    [(AGAIN, 1), (HARD, 1), (GOOD, 2), (EASY, 8)],
)
def test_a_first_rehearsal_schedules_the_card_whole_days_ahead(
    cur, card_id, now, scheduler, grade, days
):
    result = rehearse(cur, card_id, grade, now, scheduler)
    assert result.due == now + timedelta(days=days)
    assert result.fsrs_state == fsrs.State.Review
    assert (result.reps, result.lapses, result.lapsed) == (1, 0, False)


def test_a_series_of_rehearsals_gives_the_exact_fsrs_due_dates(cur, card_id, now, scheduler):
    expected = [
        (GOOD, 0, 2),  # (grade, rehearsed on day, next due on day)
        (GOOD, 2, 13),
        (AGAIN, 10, 11),
        (GOOD, 11, 14),
        (EASY, 13, 23),
    ]
    for grade, day, due_day in expected:
        result = rehearse(cur, card_id, grade, now + timedelta(days=day), scheduler)
        assert result.due == now + timedelta(days=due_day)
    state, step, stability, difficulty, due, last_review, reps, lapses, _ = card_row(cur, card_id)
    assert (state, step, due, last_review) == (
        2,
        None,
        now + timedelta(days=23),
        now + timedelta(days=13),
    )
    assert stability == pytest.approx(10.285206977745181)
    assert (reps, lapses) == (5, 1)


def test_the_card_in_the_table_matches_what_fsrs_computes(cur, card_id, now, scheduler):
    shadow = fsrs.Card(card_id=card_id, due=now)
    for grade, day in [(HARD, 0), (GOOD, 1), (AGAIN, 5), (GOOD, 6)]:
        at = now + timedelta(days=day, minutes=17)
        shadow, _ = scheduler.review_card(shadow, fsrs.Rating(grade), at)
        rehearse(cur, card_id, grade, at, scheduler)
    assert load_card(cur, card_id) == shadow


def test_only_again_on_a_card_in_review_counts_as_a_lapse(cur, card_id, now, scheduler):
    first = rehearse(cur, card_id, AGAIN, now, scheduler)
    assert (first.lapsed, first.lapses) == (False, 0)  # never learnt yet: not a lapse
    second = rehearse(cur, card_id, AGAIN, now + timedelta(days=1), scheduler)
    assert (second.lapsed, second.lapses) == (True, 1)
    third = rehearse(cur, card_id, HARD, now + timedelta(days=2), scheduler)
    assert (third.lapsed, third.lapses, third.reps) == (False, 1, 3)


def test_a_card_becomes_a_leech_when_its_lapses_reach_the_threshold(cur, card_id, now, scheduler):
    rehearse(cur, card_id, GOOD, now, scheduler)
    results = [
        rehearse(cur, card_id, AGAIN, now + timedelta(days=d), scheduler, leech_threshold=3)
        for d in (2, 3, 4)
    ]
    assert [r.lapses for r in results] == [1, 2, 3]
    assert [r.is_leech for r in results] == [False, False, True]
    later = rehearse(cur, card_id, GOOD, now + timedelta(days=5), scheduler)
    assert later.is_leech


def test_a_rehearsal_is_recorded_with_its_grade_time_duration_and_words(
    cur, card_id, now, scheduler
):
    result = record_rehearsal(
        cur,
        card_id,
        HARD,
        at=now,
        duration_ms=93_500,
        attempt="  I would start from the driver tree.  ",
        scheduler=scheduler,
    )
    row = cur.execute(
        "SELECT id, card_id, rated_at, grade, duration_ms, attempt FROM rehearsals"
    ).fetchall()
    assert row == [
        (result.rehearsal_id, card_id, now, HARD, 93_500, "I would start from the driver tree.")
    ]


def test_a_rehearsal_time_in_any_zone_is_stored_as_the_same_instant(cur, card_id, now, scheduler):
    local = now.astimezone(ZoneInfo("Asia/Shanghai"))
    result = rehearse(cur, card_id, GOOD, local, scheduler)
    assert result.rated_at == now and result.rated_at.tzinfo is UTC
    assert result.due == now + timedelta(days=2)


def test_a_card_read_back_from_the_table_has_utc_times_as_fsrs_requires(
    cur, card_id, now, scheduler
):
    rehearse(cur, card_id, GOOD, now, scheduler)
    card = load_card(cur, card_id)
    assert card.due.tzinfo is UTC and card.last_review.tzinfo is UTC
    rehearse(cur, card_id, GOOD, now + timedelta(days=2), scheduler)  # fsrs accepts it


def test_a_bad_rehearsal_changes_nothing(cur, card_id, now, scheduler):
    before = card_row(cur, card_id)
    with pytest.raises(InvalidInput):
        rehearse(cur, card_id, 5, now, scheduler)
    with pytest.raises(InvalidInput):
        record_rehearsal(cur, card_id, GOOD, at=now, duration_ms=-1, scheduler=scheduler)
    with pytest.raises(NotFound):
        rehearse(cur, card_id + 1, GOOD, now, scheduler)
    with pytest.raises(ValueError, match="time zone"):
        rehearse(cur, card_id, GOOD, now.replace(tzinfo=None), scheduler)
    assert card_row(cur, card_id) == before
    assert cur.execute("SELECT count(*) FROM rehearsals").fetchone()[0] == 0


# --- round trips --------------------------------------------------------------


def test_card_columns_and_to_fsrs_card_are_inverse(now):
    card = fsrs.Card(
        card_id=7,
        state=fsrs.State.Relearning,
        step=0,
        stability=3.25,
        difficulty=6.5,
        due=now,
        last_review=now - timedelta(days=4),
    )
    assert to_fsrs_card(7, card_columns(card)) == card
    assert card_from_row(7, list(card_columns(card).values())) == card


utc_times = st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)
fsrs_cards = st.builds(
    fsrs.Card,
    card_id=st.just(1),
    state=st.sampled_from(fsrs.State),
    step=st.none() | st.integers(0, 2**31 - 1),
    stability=st.none() | st.floats(0, 1e9, allow_nan=False),
    difficulty=st.none() | st.floats(1, 10),
    due=utc_times,
    last_review=st.none() | utc_times,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(card=fsrs_cards)
def test_any_fsrs_card_round_trips_exactly_through_the_cards_table(cur, card_id, card):
    card.card_id = card_id
    columns = card_columns(card)
    assignments = ", ".join(f"{name} = ?" for name in FSRS_COLUMNS)
    cur.execute(
        f"UPDATE cards SET {assignments} WHERE id = ?",  # noqa: S608
        [*columns.values(), card_id],
    )
    back = load_card(cur, card_id)
    assert back == card
    assert back.due.tzinfo is UTC
    assert back.last_review is None or back.last_review.tzinfo is UTC


# --- settings -----------------------------------------------------------------


def test_settings_have_defaults_until_stored(cur):
    assert get_setting(cur, "desired_retention") == 0.9
    assert get_setting(cur, "leech_threshold") == 4
    assert get_setting(cur, "leech_threshold", 8) == 8
    with pytest.raises(KeyError):
        get_setting(cur, "no_such_setting")


def test_a_setting_is_stored_as_json_and_replaced_when_set_again(cur):
    set_setting(cur, "leech_threshold", 6)
    set_setting(cur, "leech_threshold", 5)
    set_setting(cur, "tags", ["finance", "面试"])
    assert get_setting(cur, "leech_threshold") == 5
    assert get_setting(cur, "tags") == ["finance", "面试"]
    assert cur.execute("SELECT value FROM settings WHERE key = 'leech_threshold'").fetchone() == (
        "5",
    )

"""Practice: queue order, cram selection, leeches, the card browser, progress, settings.

Fixed times, fuzzing off, exact expected due dates; real DuckDB journal files.
"""

from __future__ import annotations

import io
import math
import wave
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import fsrs
import pytest

from coach import i18n, practice
from coach.errors import InvalidInput, NotFound
from coach.likely import likely_questions, upcoming_interviews
from coach.scheduling import ensure_card, load_card, make_scheduler, record_rehearsal
from coach.settings import set_setting

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def scheduler():
    return make_scheduler(fuzzing=False)


def add_question(cur, text: str, dimension: str = "behavioural") -> int:
    return cur.execute(
        "INSERT INTO questions (text, dimension) VALUES (?, ?) RETURNING id", [text, dimension]
    ).fetchone()[0]


def add_card(cur, text: str, created: datetime, dimension: str = "behavioural") -> int:
    return ensure_card(cur, add_question(cur, text, dimension), origin="manual", now=created)[0]


def rehearse_at(cur, card_id, grade, at, scheduler, leech_threshold=None):
    return record_rehearsal(
        cur,
        card_id,
        grade,
        at=at,
        duration_ms=30_000,
        scheduler=scheduler,
        leech_threshold=leech_threshold,
    )


def held_with(cur, question_ids: list[int], company: str, at: datetime) -> int:
    """A held interview at a new company that asked these questions; its id."""
    company_id = cur.execute(
        "INSERT INTO companies (name) VALUES (?) RETURNING id", [company]
    ).fetchone()[0]
    interview_id = cur.execute(
        "INSERT INTO interviews (company_id, scheduled_at) VALUES (?, ?) RETURNING id",
        [company_id, at],
    ).fetchone()[0]
    for n, question_id in enumerate(question_ids, start=1):
        cur.execute(
            "INSERT INTO asks (interview_id, question_id, position) VALUES (?, ?, ?)",
            [interview_id, question_id, n],
        )
    return interview_id


def ask(cur, question_id: int, company: str, at: datetime, signal: str | None = None) -> None:
    interview_id = held_with(cur, [question_id], company, at)
    cur.execute("UPDATE asks SET signal = ? WHERE interview_id = ?", [signal, interview_id])


def question_of(cur, card_id: int) -> int:
    return cur.execute("SELECT question_id FROM cards WHERE id = ?", [card_id]).fetchone()[0]


def wav(seconds: float, rate: int = 16_000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * round(seconds * rate))
    return buffer.getvalue()


# --- today's queue ----------------------------------------------------------------


def test_the_queue_lists_due_cards_soonest_first_then_new_cards(cur, now, scheduler):
    new_old = add_card(cur, "New, added first", now - timedelta(days=5))
    due_late = add_card(cur, "Due this morning", now - timedelta(days=20))
    due_early = add_card(cur, "Due last week", now - timedelta(days=20))
    new_recent = add_card(cur, "New, added yesterday", now - timedelta(days=1))
    rehearse_at(cur, due_early, GOOD, now - timedelta(days=9), scheduler)  # due day -7
    rehearse_at(cur, due_late, GOOD, now - timedelta(days=2, hours=6), scheduler)  # due -6 h

    queue = practice.todays_queue(cur, now)

    assert [c.card_id for c in queue.cards] == [due_early, due_late, new_old, new_recent]
    assert (queue.due_count, queue.new_count, queue.total) == (2, 2, 4)
    assert [c.is_new for c in queue.cards] == [False, False, True, True]


def test_the_queue_ends_at_midnight_in_the_candidates_own_zone(cur, scheduler):
    now = datetime(2026, 3, 16, 20, 0, tzinfo=PARIS)  # 19:00 UTC
    tonight = add_card(cur, "Due at 23:30 tonight", now - timedelta(days=10))
    tomorrow = add_card(cur, "Due at 00:30 tomorrow", now - timedelta(days=10))
    for card_id, due in (
        (tonight, datetime(2026, 3, 16, 23, 30, tzinfo=PARIS)),
        (tomorrow, datetime(2026, 3, 17, 0, 30, tzinfo=PARIS)),
    ):
        rehearse_at(cur, card_id, GOOD, due - timedelta(days=2), scheduler)
    queue = practice.todays_queue(cur, now)
    assert [c.card_id for c in queue.cards] == [tonight]
    assert queue.next_due == datetime(2026, 3, 16, 23, 30, tzinfo=UTC)  # 00:30 Paris


def test_suspended_retired_leeches_and_future_cards_stay_out_of_the_queue(cur, now, scheduler):
    kept = add_card(cur, "Kept", now)
    suspended = add_card(cur, "Suspended", now)
    retired = add_card(cur, "Retired", now)
    leech = add_card(cur, "Leech", now)
    future = add_card(cur, "Rehearsed today", now - timedelta(hours=1))
    rehearse_at(cur, future, GOOD, now, scheduler)
    cur.execute("UPDATE cards SET status = 'suspended' WHERE id = ?", [suspended])
    cur.execute("UPDATE cards SET status = 'retired' WHERE id = ?", [retired])
    cur.execute("UPDATE cards SET is_leech = true WHERE id = ?", [leech])

    queue = practice.todays_queue(cur, now)
    assert [c.card_id for c in queue.cards] == [kept]
    assert queue.leech_count == 1
    assert queue.next_due == now + timedelta(days=2)


def test_the_queue_filters_by_dimension_and_by_company(cur, now):
    salary = add_card(cur, "Salary?", now, "logistics_pay")
    conflict = add_card(cur, "A conflict?", now, "behavioural")
    weakness = add_card(cur, "Weakness?", now, "behavioural")
    ask(cur, question_of(cur, conflict), "Acme", now - timedelta(days=3), "interrupted")
    ask(cur, question_of(cur, salary), "Globex", now - timedelta(days=2))
    acme = cur.execute("SELECT id FROM companies WHERE name = 'Acme'").fetchone()[0]

    def ids(**filters):
        return [c.card_id for c in practice.todays_queue(cur, now, **filters).cards]

    assert ids(dimension="behavioural") == [conflict, weakness]
    assert ids(company_id=acme) == [conflict]
    assert ids(dimension="logistics_pay", company_id=acme) == []
    assert practice.card_dimensions(cur) == {
        "behavioural": "Behavioural",
        "logistics_pay": "Logistics and pay",
    }
    assert list(practice.card_companies(cur).values()) == ["Acme", "Globex"]


def test_practising_ahead_offers_cards_not_due_and_not_rehearsed_today(cur, now, scheduler):
    soon = add_card(cur, "Due in two days", now - timedelta(days=1))
    later = add_card(cur, "Due in eight days", now - timedelta(days=1))
    today = add_card(cur, "Rehearsed today", now - timedelta(days=1))
    rehearse_at(cur, soon, GOOD, now - timedelta(days=1), scheduler)  # due +1 day
    rehearse_at(cur, later, EASY, now - timedelta(days=1), scheduler)  # due +7 days
    rehearse_at(cur, today, GOOD, now - timedelta(minutes=5), scheduler)
    assert [c.card_id for c in practice.ahead_of_schedule(cur, now)] == [soon, later]


# --- cram --------------------------------------------------------------------------


def cram_for(cur, interview_id: int, now: datetime) -> practice.CramPlan:
    return practice.cram_plan(cur, likely_questions(cur, interview_id, now), now)


def test_cram_pulls_forward_the_likely_cards_weakest_on_the_interview_day(cur, now, scheduler):
    interview = now + timedelta(days=5)
    strong = add_card(cur, "Easy twice: still above 90% on the day", now - timedelta(days=30))
    fading = add_card(cur, "Good long ago: fading", now - timedelta(days=30))
    weaker = add_card(cur, "Again: weakest of the learnt", now - timedelta(days=30))
    new = add_card(cur, "Never rehearsed", now - timedelta(days=1))
    done_today = add_card(cur, "Rehearsed today", now - timedelta(days=30))
    unlikely = add_card(cur, "Never asked anywhere", now - timedelta(days=30))
    rehearse_at(cur, strong, EASY, now - timedelta(days=20), scheduler)
    rehearse_at(cur, strong, EASY, now - timedelta(days=12), scheduler)
    rehearse_at(cur, fading, GOOD, now - timedelta(days=8), scheduler)
    rehearse_at(cur, weaker, AGAIN, now - timedelta(days=8), scheduler)
    rehearse_at(cur, done_today, AGAIN, now - timedelta(hours=1), scheduler)
    cards = (strong, fading, weaker, new, done_today)
    held_with(cur, [question_of(cur, c) for c in cards], "Warm-up Ltd", now - timedelta(days=9))
    target = held_with(cur, [], "Dream Co", interview)

    plan = cram_for(cur, target, now)

    expected = {
        card_id: scheduler.get_card_retrievability(load_card(cur, card_id), interview)
        for card_id in (strong, fading, weaker, done_today)
    }
    assert expected[strong] >= 0.9 > expected[fading] > expected[weaker]
    weakest_first = sorted((new, weaker, fading, done_today), key=lambda c: expected.get(c, 0))
    # Every card of a question asked in the only earlier interview, below 90% on the day;
    # the card never asked anywhere is not likely, so not crammed for this interview.
    assert [c.card_id for c in plan.cards] == weakest_first
    assert unlikely not in [c.card_id for c in plan.cards]
    assert [c.recall for c in plan.cards] == pytest.approx(
        [expected.get(c, 0.0) for c in weakest_first]
    )
    assert plan.done_today == {done_today}
    assert [c.card_id for c in plan.remaining] == [c for c in weakest_first if c != done_today]
    assert (plan.count, plan.rehearsed_today, plan.days_left) == (4, 1, 5)
    assert plan.per_day == 1


def test_cram_spreads_the_weak_cards_over_the_days_left(cur, now):
    cards = [add_card(cur, f"New {i}", now) for i in range(7)]
    held_with(cur, [question_of(cur, c) for c in cards], "Warm-up Ltd", now - timedelta(days=1))
    # 18:30 on Monday 16 March; the interview is on Thursday morning: Mon, Tue, Wed left.
    thursday = held_with(cur, [], "Dream Co", datetime(2026, 3, 19, 9, 0, tzinfo=UTC))
    plan = cram_for(cur, thursday, now)
    assert (plan.count, plan.days_left, plan.per_day) == (7, 3, 3)
    tomorrow = held_with(cur, [], "Next Co", now + timedelta(hours=16))
    plan = cram_for(cur, tomorrow, now)
    assert (plan.days_left, plan.per_day) == (1, 7)


def test_cram_follows_the_desired_retention(cur, now, scheduler):
    card_id = add_card(cur, "Good eight days ago", now - timedelta(days=30))
    rehearse_at(cur, card_id, GOOD, now - timedelta(days=8), scheduler)
    held_with(cur, [question_of(cur, card_id)], "Warm-up Ltd", now - timedelta(days=9))
    interview = now + timedelta(days=3)
    target = held_with(cur, [], "Dream Co", interview)
    recall = scheduler.get_card_retrievability(load_card(cur, card_id), interview)
    set_setting(cur, "desired_retention", math.floor(recall * 100) / 100)
    assert cram_for(cur, target, now).count == 0
    set_setting(cur, "desired_retention", math.ceil(recall * 100) / 100)
    assert cram_for(cur, target, now).count == 1


def test_upcoming_interviews_are_listed_soonest_first(cur, now):
    question_id = add_question(cur, "Q")
    ask(cur, question_id, "Later Ltd", now + timedelta(days=9))
    ask(cur, question_id, "Soon Inc", now + timedelta(days=2))
    ask(cur, question_id, "Past plc", now - timedelta(days=2))
    assert [i.company for i in upcoming_interviews(cur, now)] == ["Soon Inc", "Later Ltd"]


# --- rehearsing, leeches -------------------------------------------------------------


def test_a_graded_rehearsal_is_kept_with_grade_duration_and_attempt(journal, cur, now):
    card_id = add_card(cur, "Why should we hire you?", now)
    result = practice.rehearse(
        journal,
        card_id,
        GOOD,
        at=now,
        duration_ms=61_500,
        attempt="Because I cut close from 8 days to 3.",
        fuzzing=False,
    )
    assert result.due == now + timedelta(days=2)
    assert cur.execute(
        "SELECT grade, duration_ms, attempt, audio, rated_at FROM rehearsals"
    ).fetchall() == [(GOOD, 61_500, "Because I cut close from 8 days to 3.", None, now)]
    assert practice.todays_queue(cur, now).cards == []


def test_the_recording_is_kept_only_when_given(journal, cur, now):
    card_id = add_card(cur, "Tell me about yourself.", now)
    recording = wav(1.5)
    practice.rehearse(
        journal, card_id, HARD, at=now, duration_ms=1_500, audio=recording, fuzzing=False
    )
    practice.rehearse(
        journal, card_id, GOOD, at=now + timedelta(days=1), duration_ms=1_000, fuzzing=False
    )
    assert cur.execute("SELECT audio FROM rehearsals ORDER BY id").fetchall() == [
        (recording,),
        (None,),
    ]


def test_a_suspended_card_cannot_be_graded(journal, cur, now):
    card_id = add_card(cur, "Q", now)
    practice.set_status(journal, [card_id], "suspended")
    with pytest.raises(InvalidInput, match="suspended"):
        practice.rehearse(journal, card_id, GOOD, at=now, duration_ms=1)
    with pytest.raises(NotFound):
        practice.rehearse(journal, card_id + 99, GOOD, at=now, duration_ms=1)
    assert cur.execute("SELECT count(*) FROM rehearsals").fetchone() == (0,)


def test_the_fourth_lapse_flags_a_leech_and_takes_it_out_of_the_queue(journal, cur, now):
    card_id = add_card(cur, "Walk me through a DCF.", now - timedelta(days=30))

    def grade(g, day):
        return practice.rehearse(
            journal, card_id, g, at=now + timedelta(days=day), duration_ms=1, fuzzing=False
        )

    grade(GOOD, -30)
    lapses = [grade(AGAIN, day) for day in (-20, -15, -10, -5)]
    assert [(r.lapses, r.is_leech) for r in lapses] == [
        (1, False),
        (2, False),
        (3, False),
        (4, True),
    ]
    assert practice.todays_queue(cur, now).cards == []
    assert [c.card_id for c in practice.leeches(cur)] == [card_id]
    assert practice.progress(cur, now).leeches == 1


def test_the_leech_threshold_is_a_setting(journal, cur, now):
    practice.save_practice_settings(journal, desired_retention=0.9, leech_threshold=2)
    card_id = add_card(cur, "Q", now - timedelta(days=10))
    for g, day in ((GOOD, -10), (AGAIN, -5), (AGAIN, -3)):
        result = practice.rehearse(
            journal, card_id, g, at=now + timedelta(days=day), duration_ms=1, fuzzing=False
        )
    assert (result.lapses, result.is_leech) == (2, True)


def test_rewriting_a_leech_saves_a_version_and_starts_the_card_afresh(journal, cur, now):
    card_id = add_card(cur, "Walk me through a DCF.", now - timedelta(days=30))
    cur.execute(
        "UPDATE cards SET is_leech = true, lapses = 4, reps = 9, fsrs_state = 2, "
        "stability = 0.5, difficulty = 9.9, last_review = ? WHERE id = ?",
        [now - timedelta(days=3), card_id],
    )
    practice.rewrite_leech(journal, card_id, "  Project cash flows, discount, sum. ", now=now)
    row = cur.execute(
        "SELECT is_leech, lapses, reps, fsrs_state, stability, last_review, due, status "
        "FROM cards WHERE id = ?",
        [card_id],
    ).fetchone()
    assert row == (False, 0, 9, 1, None, None, now, "active")
    versions = practice.answer_versions(cur, question_of(cur, card_id))
    assert [(v.text, v.source) for v in versions] == [
        ("Project cash flows, discount, sum.", "rewrite")
    ]
    assert [c.card_id for c in practice.todays_queue(cur, now).cards] == [card_id]
    with pytest.raises(InvalidInput):
        practice.rewrite_leech(journal, card_id, "   ", now=now)


def test_saving_an_attempt_makes_it_the_best_answer(journal, cur, now):
    card_id = add_card(cur, "Why us?", now)
    question_id = question_of(cur, card_id)
    cur.execute(
        "INSERT INTO answers (question_id, text, created_at) VALUES (?, ?, ?)",
        [question_id, "A long first answer " * 30, now - timedelta(days=9)],
    )
    practice.save_answer(journal, card_id, "Your analytics team ships weekly.", now=now)
    detail = practice.card_detail(cur, card_id, now)
    assert detail.best.text == "Your analytics team ships weekly."
    assert detail.best.source == "rehearsal"
    assert [v.length for v in detail.versions] == [120, 5]


def test_the_context_shows_the_latest_weak_ask_and_a_shorter_target_after_an_interruption(cur, now):
    card_id = add_card(cur, "Tell me about a failure.", now - timedelta(days=20))
    question_id = question_of(cur, card_id)
    ask(cur, question_id, "Acme", now - timedelta(days=10), "interrupted")
    ask(cur, question_id, "Globex", now - timedelta(days=2), "positive")
    detail = practice.card_detail(cur, card_id, now)
    assert [a.company for a in detail.asks] == ["Globex", "Acme"]
    assert detail.focus.company == "Acme"
    assert detail.focus.diagnosis.fix.startswith("Cut to the point")
    assert detail.target_seconds == 90
    plain = add_card(cur, "Why us?", now)
    assert practice.card_detail(cur, plain, now).target_seconds == 120
    with pytest.raises(NotFound):
        practice.card_detail(cur, plain + 99, now)


def test_the_details_of_several_cards_load_together_and_match_each_one_alone(cur, now):
    first = add_card(cur, "Tell me about a failure.", now - timedelta(days=20))
    for n in range(7):  # more asks than a detail shows
        ask(cur, question_of(cur, first), f"Co{n}", now - timedelta(days=30 - n), "interrupted")
    second = add_card(cur, "Why us?", now)
    cur.execute(
        "INSERT INTO answers (question_id, text, created_at) VALUES (?, ?, ?)",
        [question_of(cur, second), "Because you ship weekly.", now - timedelta(days=1)],
    )
    together = practice.card_details(cur, [first, second, second + 99], now)
    assert set(together) == {first, second}
    for card_id in (first, second):
        assert together[card_id] == practice.card_detail(cur, card_id, now)
    assert [a.company for a in together[first].asks] == ["Co6", "Co5", "Co4", "Co3", "Co2"]
    assert together[first].ask_count == 7
    assert together[first].target_seconds == 90
    assert together[second].asks == [] and together[second].ask_count == 0
    assert [v.text for v in together[second].versions] == ["Because you ship weekly."]
    assert practice.card_details(cur, [], now) == {}


def test_the_length_trend_says_keep_it_but_shorter(cur, now):
    def version(words: int) -> practice.AnswerVersion:
        return practice.AnswerVersion(1, "", "manual", now, words, "words", words * 60 / 150)

    advice = practice.length_advice([version(400), version(340)], 120)
    assert advice.startswith("400 → 340 words: shorter than your first version.")
    assert "Keep it, but shorter: about 16 s over the 120 s target." in advice
    assert "fits the 90 s target" in practice.length_advice([version(200)], 90)
    assert practice.length_advice([], 90).startswith("No answer written yet")


def test_the_length_trend_in_chinese_counts_characters(cur, now):
    def version(chars: int) -> practice.AnswerVersion:
        return practice.AnswerVersion(1, "", "manual", now, chars, "characters", chars / 4)

    with i18n.speaking(i18n.CHINESE):
        assert practice.length_advice([version(600), version(520)], 120) == (
            "600 → 520 字：比你的第一个版本短。内容保留，但要更短：比 120 秒的目标多了约 10 秒。"
        )
        assert practice.length_advice([version(300)], 90) == (
            "目前只有一个版本，300 字。在 90 秒的目标之内（约 75 秒）。"
        )
        assert practice.length_text(1, "words") == "1 个单词"


def test_practice_messages_in_chinese(journal, cur, now):
    card_id = add_card(cur, "你为什么离开上一家公司？", now)
    practice.set_status(journal, [card_id], "suspended")
    with i18n.speaking(i18n.CHINESE):
        with pytest.raises(InvalidInput, match="^这张卡片已暂停；在卡片浏览里恢复它才能练习。$"):
            practice.rehearse(journal, card_id, GOOD, at=now, duration_ms=1_000)
        with pytest.raises(NotFound, match="^这张卡片已经不存在了"):
            practice.card_detail(cur, 999, now)
        with pytest.raises(InvalidInput, match="^无法把这段录音读取为 WAV 文件，请重新录音。$"):
            practice.wav_seconds(b"ID3\x00not a wav at all")
        with pytest.raises(InvalidInput, match="^顽固卡阈值要在 "):
            practice.save_practice_settings(journal, desired_retention=0.9, leech_threshold=99)
        assert practice.GRADE_RUBRIC[3] == "Complete and within the time."  # marked, not frozen
        assert i18n._(practice.GRADE_RUBRIC[3]) == "完整，且没有超时。"


# --- audio ----------------------------------------------------------------------------


@pytest.mark.parametrize(("seconds", "rate"), [(0.0, 16_000), (2.5, 16_000), (61.25, 44_100)])
def test_the_speaking_time_is_measured_from_the_wav_recording(seconds, rate):
    assert practice.wav_seconds(wav(seconds, rate)) == pytest.approx(seconds, abs=1 / rate)


def test_a_recording_that_is_not_a_wav_file_gets_a_clear_message():
    with pytest.raises(InvalidInput, match="WAV"):
        practice.wav_seconds(b"ID3\x00not a wav at all")


# --- the card browser -------------------------------------------------------------------


def test_the_card_browser_pages_sorts_and_filters_in_sql(journal, cur, now, scheduler):
    ids = [add_card(cur, f"Question {i:02d}", now - timedelta(days=30)) for i in range(12)]
    for i, card_id in enumerate(ids[:6]):
        rehearse_at(cur, card_id, GOOD, now - timedelta(days=i + 1), scheduler)
    cur.execute("UPDATE cards SET lapses = 5, is_leech = true WHERE id = ?", [ids[3]])
    practice.set_status(journal, ids[10:], "retired")

    first = practice.browse_cards(cur, now, limit=5)
    assert (first.total, first.page_count, len(first.rows)) == (12, 3, 5)
    third = practice.browse_cards(cur, now, offset=10, limit=5)
    assert len(third.rows) == 2

    by_recall = practice.browse_cards(cur, now, sort="recall", descending=True, limit=6)
    recalls = [r.recall for r in by_recall.rows]
    assert recalls == sorted(recalls, reverse=True) and recalls[0] > 0.9
    assert by_recall.rows[0].card_id == ids[0]  # rehearsed most recently

    assert [r.card_id for r in practice.browse_cards(cur, now, leeches_only=True).rows] == [ids[3]]
    assert practice.browse_cards(cur, now, status="retired").total == 2
    assert [r.card_id for r in practice.browse_cards(cur, now, search="question 07").rows] == [
        ids[7]
    ]
    # Hostile text is only ever a parameter.
    assert practice.browse_cards(cur, now, search="'; DROP TABLE cards; --").total == 0
    with pytest.raises(InvalidInput):
        practice.browse_cards(cur, now, sort="id; DROP TABLE cards")


def test_the_card_browser_recall_matches_fsrs(cur, now, scheduler):
    card_id = add_card(cur, "Q", now - timedelta(days=30))
    rehearse_at(cur, card_id, HARD, now - timedelta(days=4, hours=3), scheduler)
    [row] = practice.browse_cards(cur, now).rows
    assert row.recall == pytest.approx(
        scheduler.get_card_retrievability(load_card(cur, card_id), now), rel=1e-12
    )


def test_cards_are_suspended_retired_resumed_and_reset(journal, cur, now, scheduler):
    a = add_card(cur, "A", now - timedelta(days=9))
    b = add_card(cur, "B", now - timedelta(days=9))
    rehearse_at(cur, a, AGAIN, now - timedelta(days=8), scheduler)
    rehearse_at(cur, a, AGAIN, now - timedelta(days=4), scheduler)
    assert practice.set_status(journal, [a, b], "suspended") == 2
    assert practice.set_status(journal, [a, b], "suspended") == 0
    assert practice.todays_queue(cur, now).cards == []
    assert practice.set_status(journal, [b], "retired") == 1
    assert practice.set_status(journal, [a], "active") == 1
    practice.reset_cards(journal, [a], now=now)
    row = cur.execute(
        "SELECT status, fsrs_state, stability, last_review, due, lapses, reps FROM cards "
        "WHERE id = ?",
        [a],
    ).fetchone()
    assert row == ("active", 1, None, None, now, 0, 2)
    assert cur.execute("SELECT count(*) FROM rehearsals WHERE card_id = ?", [a]).fetchone() == (2,)
    with pytest.raises(InvalidInput):
        practice.set_status(journal, [a], "deleted")


def test_any_bank_question_can_be_added_as_a_card(journal, cur, now):
    asked = add_question(cur, "Asked twice")
    quiet = add_question(cur, "Never asked")
    carded = add_card(cur, "Already a card", now)
    ask(cur, asked, "Acme", now - timedelta(days=1))
    ask(cur, asked, "Globex", now - timedelta(days=2))
    assert [q.id for q in practice.questions_without_card(cur)] == [asked, quiet]

    card_id, created = practice.add_card(journal, quiet, now=now)
    assert created
    assert cur.execute("SELECT origin, due FROM cards WHERE id = ?", [card_id]).fetchone() == (
        "manual",
        now,
    )
    practice.set_status(journal, [carded], "retired")
    assert practice.add_card(journal, question_of(cur, carded), now=now) == (carded, False)
    assert cur.execute("SELECT status FROM cards WHERE id = ?", [carded]).fetchone() == ("active",)


def test_a_new_question_typed_by_hand_joins_the_bank_as_a_card(journal, cur, now):
    card_id, created = practice.add_question_card(
        journal, "How do you prioritise?", "behavioural", now=now
    )
    again, created_again = practice.add_question_card(
        journal, "how do you prioritise? ", "behavioural", now=now
    )
    assert created and not created_again and again == card_id
    assert cur.execute("SELECT count(*) FROM questions").fetchone() == (1,)
    with pytest.raises(InvalidInput):
        practice.add_question_card(journal, "Q?", "no_such_dimension", now=now)
    with pytest.raises(InvalidInput):
        practice.add_question_card(journal, "   ", "behavioural", now=now)


# --- progress and settings ----------------------------------------------------------------


def test_progress_counts_due_cards_todays_rehearsals_and_the_streak(journal, cur, scheduler):
    now = datetime(2026, 3, 16, 9, 0, tzinfo=PARIS)
    card_id = add_card(cur, "Q", now - timedelta(days=30))
    other = add_card(cur, "Due in five days", now - timedelta(days=30))
    # Rehearsals at 23:30 Paris on the three evenings before today (22:30 UTC).
    for day in (3, 2, 1):
        evening = datetime(2026, 3, 16 - day, 23, 30, tzinfo=PARIS)
        rehearse_at(cur, card_id, AGAIN, evening, scheduler)
    rehearse_at(cur, other, EASY, now - timedelta(days=2, hours=23), scheduler)
    # Again last night: due tonight at 23:30. Easy three days ago: due in five days.
    progress = practice.progress(cur, now)
    assert (progress.streak_days, progress.streak_includes_today) == (3, False)
    assert (progress.due_today, progress.due_next_7_days, progress.rehearsed_today) == (1, 1, 0)
    practice.rehearse(journal, other, GOOD, at=now, duration_ms=1, fuzzing=False)
    progress = practice.progress(cur, now)
    assert (progress.streak_days, progress.streak_includes_today) == (4, True)
    assert progress.rehearsed_today == 1
    assert (progress.active_cards, progress.total_cards) == (2, 2)


def test_a_gap_day_breaks_the_streak(cur, now, scheduler):
    card_id = add_card(cur, "Q", now - timedelta(days=30))
    for day in (5, 4, 2):
        rehearse_at(cur, card_id, HARD, now - timedelta(days=day), scheduler)
    assert practice.progress(cur, now).streak_days == 0
    rehearse_at(cur, card_id, HARD, now - timedelta(days=1), scheduler)
    assert practice.progress(cur, now).streak_days == 2


def test_practice_settings_are_stored_in_the_journal(journal, cur):
    assert practice.practice_settings(cur) == practice.PracticeSettings(0.9, 4)
    practice.save_practice_settings(journal, desired_retention=0.85, leech_threshold=6)
    assert practice.practice_settings(cur) == practice.PracticeSettings(0.85, 6)
    for retention, threshold in ((0.5, 4), (1.0, 4), (0.9, 1), (0.9, 21), (0.9, 2.5)):
        with pytest.raises(InvalidInput):
            practice.save_practice_settings(
                journal, desired_retention=retention, leech_threshold=threshold
            )
    assert practice.practice_settings(cur) == practice.PracticeSettings(0.85, 6)


def test_rehearsals_use_the_stored_desired_retention(journal, cur, now):
    card_id = add_card(cur, "Q", now - timedelta(days=1))
    practice.save_practice_settings(journal, desired_retention=0.97, leech_threshold=4)
    practice.rehearse(journal, card_id, GOOD, at=now, duration_ms=1, fuzzing=False)
    shadow, _ = make_scheduler(0.97, fuzzing=False).review_card(
        fsrs.Card(card_id=card_id, due=now), fsrs.Rating.Good, now
    )
    assert load_card(cur, card_id).due == shadow.due

"""Insights queries, takeaways and the readiness brief on a small hand-built journal.

The journal (NOW is Monday 16 March 2026, 18:30 UTC):

- Beta (practice): i1 on 1 March (rated 1, rejected), i3 on 9 March (rated 2, advanced).
- Acme (target): i2 on 5 March (rated 3, advanced; advice and a referral), i4 on
  12 March (rated 4, pending; advice), and i5 on 20 March, upcoming.
- Ten asks of four questions; three cards (q1 and q2 rehearsed, q3 never); three stories.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from coach import readiness
from coach.insights import fixes, overall, recurring, rehearsal, relationship, stories, weak_spots
from coach.insights.filters import Filters, filter_choices, journal_counts
from coach.likely import SCORE_EXPLANATION
from coach.recall import recall_text
from coach.scheduling import card_from_row, make_scheduler

NOW = datetime(2026, 3, 16, 18, 30, tzinfo=UTC)
ALL = Filters()


def at(day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def small(cur):
    """The journal above, built with plain INSERTs."""
    cur.execute(
        "INSERT INTO companies (id, name, kind) VALUES (1, 'Acme', 'target'), "
        "(2, 'Beta', 'practice')"
    )
    cur.executemany(
        "INSERT INTO interviews (id, company_id, role, round, scheduled_at, interviewer, outcome)"
        " VALUES (?, ?, 'Analyst', ?, ?, ?, ?)",
        [
            (1, 2, "Screen", at(1), "Kim", "rejected"),
            (2, 1, "First", at(5), "Sam Roe", "advanced"),
            (3, 2, "Second", at(9), "Kim", "advanced"),
            (4, 1, "Second", at(12), "Dana Lee", "pending"),
            (5, 1, "Final", at(20), "Pat", "pending"),
        ],
    )
    cur.executemany(
        "INSERT INTO reviews (interview_id, status, overall_rating, harmony, pace, advice,"
        " referral) VALUES (?, 'completed', ?, ?, ?, ?, ?)",
        [
            (1, 1, 2, "too_fast", "", ""),
            (2, 3, 4, "right", "Quantify impact.", "Referred to the Ops team."),
            (3, 2, 3, "right", "", ""),
            (4, 4, 5, "right", "Lead with the answer.", ""),
        ],
    )
    cur.executemany(
        "INSERT INTO questions (id, text, dimension) VALUES (?, ?, ?)",
        [
            (1, "Tell me about yourself.", "career_planning"),
            (2, "Explain a variance.", "professional_ability"),
            (3, "Describe a conflict.", "behavioural"),
            (4, "Salary?", "logistics_pay"),
        ],
    )
    cur.executemany(
        "INSERT INTO asks (id, interview_id, question_id, position, self_score, signal, cause,"
        " answer_notes, what_went_wrong) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 1, 1, 1, 2, "interrupted", None, "Too long.", "Cut off."),
            (2, 1, 2, 2, 1, "confused", "did_not_know", "Muddled.", "No bridge."),
            (3, 2, 1, 1, 3, "interrupted", None, "Shorter.", ""),
            (4, 2, 2, 2, 2, "probed", None, "Said price and volume.", "No mix."),
            (5, 2, 4, 3, 4, "positive", None, "A range.", ""),
            (6, 3, 1, 1, 3, "positive", None, "90 seconds.", ""),
            (7, 3, 3, 2, 2, "neutral", "wording", "Rambled.", ""),
            (8, 4, 1, 1, 4, "positive", None, "60 seconds.", ""),
            (9, 4, 2, 2, 3, "probed", None, "Bridge first.", "Pushed on mix."),
            (10, 4, 3, 3, 4, "positive", None, "Clear.", ""),
        ],
    )
    cur.executemany(
        "INSERT INTO answers (question_id, text, created_at) VALUES (?, ?, ?)",
        [(2, "Old wording.", at(2)), (2, "Price, volume, mix.", at(6))],
    )
    cur.executemany(
        "INSERT INTO stories (id, title, skills) VALUES (?, ?, ?)",
        [
            (1, "Forecast", json.dumps(["FP&A", "modelling"])),
            (2, "Mentoring", json.dumps(["coaching", "Modelling"])),
            (3, "Unused", json.dumps(["negotiation"])),
        ],
    )
    cur.executemany(
        "INSERT INTO story_uses (interview_id, story_id, use) VALUES (?, ?, ?)",
        [(1, 1, "partly"), (1, 2, "missed"), (2, 1, "told"), (4, 2, "missed")],
    )
    cur.executemany(
        "INSERT INTO actions (id, interview_id, aspect, source, text, status, done_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 1, "questions", "own", "Rehearse intro in 90 seconds.", "done", at(2)),
            (2, 2, "relationship", "referral", "Email the Ops lead.", "done", at(6)),
            (3, 4, "questions", "suggested", "Prepare a variance bridge.", "open", None),
            (4, None, "overall", "own", "Rehearse five days a week.", "open", None),
            (5, 3, "strengths", "bridge", "Bridge to the Forecast story.", "open", None),
        ],
    )
    cur.executemany(
        "INSERT INTO cards (id, question_id, status, fsrs_state, stability, difficulty, due,"
        " last_review) VALUES (?, ?, 'active', ?, ?, ?, ?, ?)",
        [
            (1, 1, 2, 3.0, 5.0, at(15), at(14, 12)),
            (2, 2, 2, 10.0, 5.0, at(20), at(10, 18, 30)),
            (3, 3, 1, None, None, at(16), None),
        ],
    )
    cur.executemany(
        "INSERT INTO rehearsals (card_id, rated_at, grade) VALUES (?, ?, ?)",
        [
            (2, at(8, 19), 1),
            (2, at(10, 18, 30), 3),
            (1, at(9, 19), 1),
            (1, at(10, 19), 3),
            (1, at(14, 12), 1),
        ],
    )
    return cur


def recall(cur, card_id: int, moment: datetime) -> float:
    """What fsrs itself predicts for the stored card."""
    row = cur.execute(
        "SELECT fsrs_state, fsrs_step, stability, difficulty, due, last_review FROM cards "
        "WHERE id = ?",
        [card_id],
    ).fetchone()
    return make_scheduler(fuzzing=False).get_card_retrievability(
        card_from_row(card_id, row), moment
    )


# --- Filters ------------------------------------------------------------------------


def test_filters_for_days_cover_whole_days_in_the_candidates_zone():
    tokyo = timezone(timedelta(hours=9))
    chosen = Filters.for_days(date(2026, 3, 1), date(2026, 3, 9), NOW.astimezone(tokyo))
    assert chosen.since == datetime(2026, 3, 1, tzinfo=tokyo)
    assert chosen.until == datetime(2026, 3, 10, tzinfo=tokyo)


def test_filters_narrow_by_date_kind_and_company(small):
    def ids(chosen):
        return [r.interview_id for r in overall.rated_interviews(small, chosen, NOW)]

    assert ids(ALL) == [1, 2, 3, 4]
    assert ids(Filters(kind="target")) == [2, 4]
    assert ids(Filters(company_id=2)) == [1, 3]
    assert ids(Filters.for_days(date(2026, 3, 5), date(2026, 3, 9), NOW)) == [2, 3]
    assert ids(Filters(kind="undecided")) == []


def test_filter_choices_list_companies_and_the_first_day(small):
    choices = filter_choices(small, NOW)
    assert choices.companies == {1: "Acme", 2: "Beta"}
    assert choices.first_day == date(2026, 3, 1)
    assert choices.last_day == date(2026, 3, 16)


# --- 1. Overall trend -------------------------------------------------------------


def test_rated_interviews_and_their_takeaway(small):
    rated = overall.rated_interviews(small, ALL, NOW)
    assert [(r.company, r.rating, r.outcome) for r in rated] == [
        ("Beta", 1, "rejected"),
        ("Acme", 3, "advanced"),
        ("Beta", 2, "advanced"),
        ("Acme", 4, "pending"),
    ]
    assert [r.went_forward for r in rated] == [False, True, True, None]
    assert overall.rating_takeaway(rated).text == (
        "Your average rating rose from 2.0 to 3.0 (of 4) since 9 March."
    )


def test_calibration_counts_ratings_against_outcomes(small):
    cells = overall.calibration(small, ALL, NOW)
    assert [(c.rating, c.result, c.interviews) for c in cells] == [
        (1, "stopped", 1),
        (2, "forward", 1),
        (3, "forward", 1),
        (4, "pending", 1),
    ]
    assert overall.calibration_takeaway(cells).text == (
        "You may be under-confident: 1 of 2 interviews you rated below satisfied still "
        "went forward."
    )


def test_calibration_takeaways_for_matching_and_over_confident_ratings():
    cell = overall.CalibrationCell
    matching = [cell(4, "forward", 3), cell(1, "stopped", 2), cell(2, "forward", 0)]
    assert overall.calibration_takeaway(matching).text == (
        "Your ratings match the outcomes: 3 of 3 interviews you rated satisfied or better "
        "went forward, against 0 of 2 you rated lower."
    )
    over = [cell(3, "stopped", 2), cell(4, "forward", 1)]
    assert overall.calibration_takeaway(over).text == (
        "You may be over-confident: only 1 of 3 interviews you rated satisfied or better "
        "went forward."
    )


# --- 2. Where I am weak -----------------------------------------------------------


def test_signal_cells_count_asks_by_dimension_and_signal(small):
    cells = weak_spots.signal_cells(small, ALL, NOW)
    assert [(c.dimension, c.signal, c.asks) for c in cells] == [
        ("career_planning", "positive", 2),
        ("career_planning", "interrupted", 2),
        ("professional_ability", "confused", 1),
        ("professional_ability", "probed", 2),
        ("behavioural", "positive", 1),
        ("behavioural", "neutral", 1),
        ("logistics_pay", "positive", 1),
    ]
    assert cells[3].signal_label == "Probed for details"


def test_an_ask_without_a_signal_has_its_own_cell(small):
    small.execute(
        "INSERT INTO asks (id, interview_id, question_id, position, self_score)"
        " VALUES (11, 3, 4, 3, 3)"
    )
    cells = weak_spots.signal_cells(small, ALL, NOW)
    assert ("logistics_pay", "none", 1) in [(c.dimension, c.signal, c.asks) for c in cells]
    [listed] = weak_spots.asks_in_cell(small, ALL, NOW, "logistics_pay", "none")
    assert listed.signal is None


def test_dimensions_are_ranked_by_their_share_of_weak_asks(small):
    ranked = weak_spots.dimension_weakness(small, ALL, NOW)
    assert [(d.dimension, d.weak, d.asks) for d in ranked] == [
        ("professional_ability", 3, 3),
        ("career_planning", 2, 4),
        ("behavioural", 1, 2),
        ("logistics_pay", 0, 1),  # one answer is too few to rank: last
    ]
    assert ranked[0].avg_self_score == pytest.approx(2.0)
    assert weak_spots.weakness_takeaway(ranked).text == (
        "Weakest: Professional ability (3 of 3 answers weak), Career planning (2 of 4), "
        "Behavioural (1 of 2)."
    )


def test_a_cell_lists_its_asks_latest_first_with_the_best_answer(small):
    listed = weak_spots.asks_in_cell(small, ALL, NOW, "professional_ability", "probed")
    assert [(a.ask_id, a.company, a.answer_notes, a.what_went_wrong) for a in listed] == [
        (9, "Acme", "Bridge first.", "Pushed on mix."),
        (4, "Acme", "Said price and volume.", "No mix."),
    ]
    assert {a.best_answer for a in listed} == {"Price, volume, mix."}
    assert weak_spots.asks_in_cell(small, Filters(company_id=2), NOW, "professional_ability",
                                 "probed") == []  # fmt: skip


# --- 3. Are the fixes working -----------------------------------------------------


def test_signal_shares_per_interview_and_the_takeaways(small):
    shares = fixes.signal_shares(small, ALL, NOW)
    assert [(s.interview_id, s.asks, s.interrupted, s.confused, s.probed) for s in shares] == [
        (1, 2, 1, 1, 0),
        (2, 3, 1, 0, 1),
        (3, 2, 0, 0, 0),
        (4, 3, 0, 0, 1),
    ]
    assert shares[1].share("probed") == pytest.approx(1 / 3)
    assert fixes.signal_takeaway(shares).text == (
        "Interruptions fell from 40% of answers to 0% since 9 March (2 of 5, then 0 of 5)."
    )
    assert fixes.fixes_takeaway(shares).text == (
        "Share of answers since 9 March: interruptions fell from 40% to 0%; confused looks "
        "fell from 20% to 0%; probing for details held at 20%."
    )
    halves = fixes.signal_halves(small, ALL, NOW)
    assert halves == fixes.halves_of(shares)
    assert fixes.signal_takeaway(halves) == fixes.signal_takeaway(shares)
    assert fixes.fixes_takeaway(halves) == fixes.fixes_takeaway(shares)
    for filters in (Filters(company_id=1), Filters(company_id=99), Filters(kind="target")):
        assert fixes.signal_halves(small, filters, NOW) == fixes.halves_of(
            fixes.signal_shares(small, filters, NOW)
        )


def test_the_takeaways_summed_in_sql_match_those_from_every_interview(small):
    for filters in (ALL, Filters(company_id=1), Filters(company_id=99), Filters(kind="target")):
        rated = overall.rated_interviews(small, filters, NOW)
        halves = overall.rating_halves(small, filters, NOW)
        assert halves.count == len(rated)
        assert overall.rating_takeaway(halves) == overall.rating_takeaway(rated)
        points = relationship.relationship_points(small, filters, NOW)
        summary = relationship.relationship_summary(small, filters, NOW)
        assert relationship.relationship_takeaway(summary) == (
            relationship.relationship_takeaway(points)
        )
    rated = overall.rated_interviews(small, ALL, NOW)
    assert overall.rated_interviews(small, ALL, NOW, latest=2) == rated[-2:]
    with_harmony = [p for p in relationship.relationship_points(small, ALL, NOW) if p.harmony]
    assert (
        relationship.relationship_points(small, ALL, NOW, latest_with_harmony=2)
        == (with_harmony[-2:])
    )
    shares = fixes.signal_shares(small, ALL, NOW)
    assert fixes.signal_shares(small, ALL, NOW, latest=3) == shares[-3:]


def test_too_few_interviews_give_an_honest_empty_state(small):
    shares = fixes.signal_shares(small, Filters(company_id=1), NOW)
    take = fixes.signal_takeaway(shares)
    assert not take.enough
    assert take.text == (
        "Review at least 4 interviews with their questions to see whether the fixes work; "
        "you have 2."
    )


# --- 4. Relationship --------------------------------------------------------------


def test_harmony_and_pace_advice_and_referrals(small):
    points = relationship.relationship_points(small, ALL, NOW)
    assert [(p.harmony, p.pace) for p in points] == [
        (2, "too_fast"),
        (4, "right"),
        (3, "right"),
        (5, "right"),
    ]
    assert relationship.relationship_takeaway(points).text == (
        "Harmony rose from 3.0 to 4.0 (of 5) since 9 March; the pace felt too fast in 1 of 4 "
        "interviews."
    )
    advice = relationship.advice_received(small, ALL, NOW)
    assert [(a.company, a.interviewer, a.advice) for a in advice] == [
        ("Acme", "Dana Lee", "Lead with the answer."),
        ("Acme", "Sam Roe", "Quantify impact."),
    ]
    [referral] = relationship.referrals(small, ALL, NOW)
    assert referral.referral == "Referred to the Ops team."
    assert referral.outcome == "advanced"
    assert referral.follow_ups == [relationship.FollowUp("Email the Ops lead.", True)]
    assert [(later.round, later.outcome, later.upcoming) for later in referral.later] == [
        ("Second", "pending", False),
        ("Final", "pending", True),
    ]


# --- 5. Stories -------------------------------------------------------------------


def test_story_tallies_and_skills_no_told_story_shows(small):
    tallies = stories.story_tallies(small, ALL, NOW)
    assert [(t.title, t.told, t.partly, t.missed) for t in tallies] == [
        ("Forecast", 1, 1, 0),
        ("Unused", 0, 0, 0),
        ("Mentoring", 0, 0, 2),
    ]
    uncovered = stories.uncovered_skills(small, ALL, NOW)
    assert uncovered == ["coaching", "negotiation"]  # "Modelling" is shown by Forecast
    assert stories.story_takeaway(tallies, uncovered).text == (
        "\u201cMentoring\u201d was missed 2 times when it was relevant; 2 of 3 not yet told "
        "in full; skills not yet shown: coaching, negotiation."
    )


# --- 6. Recurring questions -------------------------------------------------------


def test_recurring_questions_carry_todays_predicted_recall(small):
    rows = recurring.recurring_questions(small, ALL, NOW)
    assert [(r.question_id, r.companies, r.asks, r.weak_asks, r.card_status) for r in rows] == [
        (1, 2, 4, 2, "active"),
        (2, 2, 3, 3, "active"),
        (3, 2, 2, 1, "active"),
    ]
    assert rows[0].recall_today == pytest.approx(recall(small, 1, NOW), abs=1e-12)
    assert rows[1].recall_today == pytest.approx(recall(small, 2, NOW), abs=1e-12)
    assert rows[2].recall_today is None  # never rehearsed
    assert recurring.recurring_takeaway(rows, 0.9).text == (
        "3 questions came up at two or more companies, led by \u201cTell me about "
        "yourself.\u201d (2 companies); 1 answered weakly and never rehearsed."
    )
    assert recurring.recurring_questions(small, Filters(company_id=1), NOW) == []


# --- 7. Rehearsal -----------------------------------------------------------------


def test_rehearsals_per_day_follow_the_candidates_zone(small):
    days = rehearsal.rehearsals_per_day(small, ALL, NOW)
    assert [(d.day.day, d.count) for d in days] == [(8, 1), (9, 1), (10, 2), (14, 1)]
    tokyo = NOW.astimezone(timezone(timedelta(hours=9)))
    days = rehearsal.rehearsals_per_day(small, ALL, tokyo)
    assert [(d.day.day, d.count) for d in days] == [(9, 1), (10, 1), (11, 2), (14, 1)]
    assert rehearsal.rehearsal_takeaway(days, tokyo.date()).text == (
        "5 rehearsals on 4 days; 3 in the last 7 days."
    )


def test_rehearsals_per_day_keep_the_latest_days_with_rehearsals_across_gaps(small, monkeypatch):
    # Days with rehearsals: 8, 9, 10, 14 March. With room for 3 days, the last three
    # with any are listed, although they span more than three calendar days.
    monkeypatch.setattr(rehearsal, "REHEARSAL_DAYS_LIMIT", 3)
    days = rehearsal.rehearsals_per_day(small, ALL, NOW)
    assert [(d.day.day, d.count) for d in days] == [(9, 1), (10, 2), (14, 1)]
    monkeypatch.setattr(rehearsal, "REHEARSAL_DAYS_LIMIT", 1)
    assert [(d.day.day, d.count) for d in rehearsal.rehearsals_per_day(small, ALL, NOW)] == [
        (14, 1)
    ]


def test_due_forecast_lists_fourteen_days_with_the_overdue_today(small):
    forecast = rehearsal.due_forecast(small, NOW)
    assert len(forecast) == 14
    assert forecast[0].day == date(2026, 3, 16)
    assert {d.day.day: d.count for d in forecast if d.count} == {16: 2, 20: 1}
    assert rehearsal.forecast_takeaway(forecast).text == (
        "2 cards due today (overdue included) and 1 more over the next 13 days; the busiest "
        "day is Mon 16 March with 2."
    )


def test_recall_distribution_bins_rehearsed_cards(small):
    bins = rehearsal.recall_distribution(small, NOW)
    assert len(bins) == 20
    expected = sorted(min(19, int(recall(small, c, NOW) * 20)) for c in (1, 2))
    assert sorted(i for i, b in enumerate(bins) for _ in range(b.cards)) == expected


def test_true_retention_counts_rehearsals_after_a_cards_first(small):
    kept = rehearsal.true_retention(small, ALL, NOW)
    assert (kept.passed, kept.total, kept.desired) == (2, 3, 0.9)
    assert rehearsal.retention_takeaway(kept).text == (
        "True retention needs at least 5 rehearsals of cards already in review; there are 3."
    )
    since_ninth = rehearsal.true_retention(small, Filters.for_days(date(2026, 3, 11), None, NOW),
                                          NOW)  # fmt: skip
    assert (since_ninth.passed, since_ninth.total) == (0, 1)


# --- Empty journal ------------------------------------------------------------------


def test_every_query_answers_an_empty_journal_and_every_takeaway_says_so(cur):
    assert journal_counts(cur, NOW) == (0, 0)
    assert overall.rated_interviews(cur, ALL, NOW) == []
    assert weak_spots.signal_cells(cur, ALL, NOW) == []
    assert relationship.referrals(cur, ALL, NOW) == []
    assert stories.uncovered_skills(cur, ALL, NOW) == []
    assert rehearsal.rehearsals_per_day(cur, ALL, NOW) == []
    assert all(d.count == 0 for d in rehearsal.due_forecast(cur, NOW))
    assert rehearsal.true_retention(cur, ALL, NOW).share is None
    empty = [
        overall.rating_takeaway([]),
        overall.calibration_takeaway([]),
        weak_spots.weakness_takeaway([]),
        fixes.fixes_takeaway([]),
        relationship.relationship_takeaway([]),
        stories.story_takeaway([], []),
        recurring.recurring_takeaway([], 0.9),
        rehearsal.rehearsal_takeaway([], NOW.date()),
        rehearsal.forecast_takeaway(rehearsal.due_forecast(cur, NOW)),
        rehearsal.recall_takeaway(rehearsal.recall_distribution(cur, NOW), 0.9),
        rehearsal.retention_takeaway(rehearsal.true_retention(cur, ALL, NOW)),
    ]
    assert not any(t.enough for t in empty)
    assert overall.rating_takeaway([]).text == (
        "Rate at least 3 interviews to see a trend; you have rated 0."
    )
    assert readiness.upcoming_interviews(cur, NOW) == []
    assert readiness.default_interview([]) is None


# --- 8. Readiness brief -------------------------------------------------------------


def test_the_default_brief_is_for_the_next_target_interview(small):
    small.execute("INSERT INTO companies (id, name, kind) VALUES (3, 'Gamma', 'practice')")
    small.execute(
        "INSERT INTO interviews (id, company_id, scheduled_at) VALUES (6, 3, ?)", [at(18)]
    )
    upcoming = readiness.upcoming_interviews(small, NOW)
    assert [u.interview_id for u in upcoming] == [6, 5]
    assert readiness.default_interview(upcoming).interview_id == 5


def test_the_brief_for_the_acme_final(small):
    brief = readiness.readiness_brief(small, 5, NOW)
    r1, r2 = recall(small, 1, at(20)), recall(small, 2, at(20))
    assert r1 < 0.9 <= r2  # "Tell me about yourself" needs rehearsal; the variance holds
    assert brief.days_left == 4
    likely = brief.likely
    # Rehearse first (cards below 90% on the day), then keep fresh; most points first.
    assert [(q.question_id, q.score, q.to_rehearse) for q in likely.questions] == [
        (1, 9, True),
        (3, 6, True),  # never rehearsed
        (2, 7, False),
        (4, 6, False),  # answered well: no card
    ]
    assert [q.recall_on_day for q in likely.questions] == pytest.approx(
        [r1, 0.0, r2, None], abs=1e-12
    )
    assert [q.recall_text for q in likely.questions] == [recall_text(r1), "new",
                                                          recall_text(r2), "no card"]  # fmt: skip
    assert likely.questions[0].reasons == (
        "asked here in 2 earlier rounds",
        "asked for the same role (latest at Beta, 2 interviews)",
        "asked in 4 of 4 interviews so far",
        "a common opener (self-introduction)",
    )
    assert likely.questions[3].reasons == (
        "asked here before (First, 5 March)",
        "asked in 1 of 4 interviews so far",
        "a common closer (salary)",
    )
    assert (likely.count, likely.earlier, likely.card_ids) == (4, 4, [1, 3])
    assert [(a.text, a.here) for a in brief.open_actions] == [
        ("Prepare a variance bridge.", True),
        ("Rehearse five days a week.", False),
        ("Bridge to the Forecast story.", False),
    ]
    assert [(s.title, s.where) for s in brief.told_here] == [("Forecast", "told in First, 5 March")]
    assert [(s.title, s.reason) for s in brief.fitting_stories] == [
        ("Mentoring", "missed at Acme, where it was relevant")
    ]
    assert [a.advice for a in brief.advice] == ["Lead with the answer.", "Quantify impact."]
    parts = {p.name: p.value for p in brief.readiness.parts}
    assert parts == pytest.approx({"recall": (r1 + r2) / 3, "actions": 0.4, "stories": 1 / 3})
    assert brief.readiness.score == pytest.approx(
        0.5 * (r1 + r2) / 3 + 0.25 * 0.4 + 0.25 / 3, abs=1e-12
    )
    assert brief.readiness.score_text == (
        f"{brief.readiness.score:.0%} (based on 4 earlier interviews: an early estimate)"
    )


def test_the_readiness_formula_in_words_leaves_out_parts_without_data():
    parts = [
        readiness.Part("recall", 0.5, 1.0, 2),
        readiness.Part("actions", None, 0, 0),
        readiness.Part("stories", 1.0, 2, 2),
    ]
    score = readiness.Readiness(parts, evidence="based on 1 earlier interview: a first guess")
    assert score.score == pytest.approx((0.5 * 0.5 + 0.25 * 1.0) / 0.75)
    assert score.score_text == "67% (based on 1 earlier interview: a first guess)"
    assert score.explanation() == (
        "Readiness is half your average predicted recall on the day of the 2 likely "
        "questions with a rehearsal card: 50%; plus a quarter the share of improvement "
        "actions you have done (0 of 0): no data yet, so left out; plus a quarter the share "
        "of your stories told in full at least once (2 of 2): 100%. The parts with data are "
        "weighted up in proportion."
    )
    nothing = readiness.Readiness([readiness.Part("recall", None, 0, 0)])
    assert nothing.score is None
    assert nothing.score_text == "not enough data yet"
    assert nothing.explanation() == (
        "Readiness needs rehearsal cards for the likely questions, improvement actions or "
        "stories; there are none yet."
    )


def test_the_brief_as_markdown(small):
    brief = readiness.readiness_brief(small, 5, NOW)
    r1, r2 = recall(small, 1, at(20)), recall(small, 2, at(20))
    score = brief.readiness.score
    assert readiness.brief_markdown(brief, NOW) == (
        "# Readiness brief: Acme · Analyst · Final\n"
        "\n"
        "- Interview: Fri 20 March 2026, 10:00 (in 4 days)\n"
        "- Company kind: Target\n"
        f"- Readiness: {score:.0%} (based on 4 earlier interviews: an early estimate)\n"
        "- Prepared on 16 March 2026\n"
        "\n"
        "Readiness is half your average predicted recall on the day of the 3 likely "
        f"questions with a rehearsal card: {(r1 + r2) / 3:.0%}; plus a quarter the share of "
        "improvement actions you have done (2 of 5): 40%; plus a quarter the share of your "
        "stories told in full at least once (1 of 3): 33%.\n"
        "\n"
        "Before Acme (in 4 days), rehearse 2 likely questions below 90% recall on the day, "
        "first “Tell me about yourself.”, “Describe a conflict.”.\n"
        "\n"
        "## Questions most likely to come up\n"
        "\n"
        f"{SCORE_EXPLANATION} The likely questions are based on 4 earlier interviews: an "
        "early estimate.\n"
        "\n"
        "### Rehearse first (below 90% recall on the day)\n"
        "\n"
        "| Question | Dimension | Why likely | Points | Recall on the day |\n"
        "|---|---|---|--:|---|\n"
        "| Tell me about yourself. | Career planning | asked here in 2 earlier rounds; asked "
        "for the same role (latest at Beta, 2 interviews); asked in 4 of 4 interviews so far; "
        f"a common opener (self-introduction) | 9 | {recall_text(r1)} |\n"
        "| Describe a conflict. | Behavioural | asked here before (Second, 12 March); asked for "
        "the same role (at Beta); asked in 2 of 4 interviews so far | 6 | new |\n"
        "\n"
        "### Keep fresh (answered well, or rehearsed up to the target)\n"
        "\n"
        "| Question | Dimension | Why likely | Points | Recall on the day |\n"
        "|---|---|---|--:|---|\n"
        "| Explain a variance. | Professional ability | asked here in 2 earlier rounds; asked "
        "for the same role (at Beta); asked in 3 of 4 interviews so far | 7 | "
        f"{recall_text(r2)} |\n"
        "| Salary? | Logistics and pay | asked here before (First, 5 March); asked in 1 of 4 "
        "interviews so far; a common closer (salary) | 6 | no card |\n"
        "\n"
        "## Open actions\n"
        "\n"
        "- [ ] Prepare a variance bridge. — Questions and answers (Acme · Second)\n"
        "- [ ] Rehearse five days a week. — Overall performance (general)\n"
        "- [ ] Bridge to the Forecast story. — Strengths told or missed (Beta · Second)\n"
        "\n"
        "## Stories already told at Acme\n"
        "\n"
        "- Forecast (told in First, 5 March)\n"
        "\n"
        "## Stories never told that fit this interview\n"
        "\n"
        "- Mentoring: missed at Acme, where it was relevant\n"
        "\n"
        "## Advice from earlier interviewers at Acme\n"
        "\n"
        "- 12 March, Dana Lee: Lead with the answer.\n"
        "- 5 March, Sam Roe: Quantify impact.\n"
    )


def test_hostile_text_in_the_brief_stays_text(small):
    small.execute(
        "UPDATE reviews SET advice = ? WHERE interview_id = 4",
        ["<script>alert(1)</script> | *bold* [link](x)\n# heading"],
    )
    text = readiness.brief_markdown(readiness.readiness_brief(small, 5, NOW), NOW)
    assert (
        "- 12 March, Dana Lee: \\<script\\>alert(1)\\</script\\> \\| \\*bold\\* "
        "\\[link\\](x) \\# heading\n"
    ) in text
    assert "<script>" not in text

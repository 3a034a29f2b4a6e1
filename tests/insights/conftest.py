"""The small hand-built journal every Insights test reads (see tests/insights/journal.py)."""

from __future__ import annotations

import json

import pytest

from tests.insights.journal import at


@pytest.fixture
def small(cur):
    """The journal of tests/insights/journal.py, built with plain INSERTs."""
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

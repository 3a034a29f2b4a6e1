"""Home's summary: what to do next."""

from __future__ import annotations

from datetime import timedelta

from coach import companies, home, interviews, scheduling
from coach.interviews import InterviewFields


def add_interview(journal, company: str, kind: str, when) -> int:
    company_id = companies.find_or_add_company(journal, company, kind)
    return interviews.add_interview(
        journal, InterviewFields(company_id=company_id, scheduled_at=when)
    )


def test_an_empty_journal_is_reported_empty(cur, now):
    steps = home.next_steps(cur, now)
    assert steps.is_empty
    assert (steps.next_interview, steps.next_target, steps.awaiting_review) == (None, None, [])


def test_held_interviews_without_a_completed_review_await_review_latest_first(journal, cur, now):
    older = add_interview(journal, "Acme", "practice", now - timedelta(days=3))
    newer = add_interview(journal, "Beta", "target", now - timedelta(hours=2))
    add_interview(journal, "Gamma", "target", now + timedelta(days=1))
    assert [i.id for i in home.next_steps(cur, now).awaiting_review] == [newer, older]


def test_the_next_target_interview_is_told_apart_from_the_next_interview(journal, cur, now):
    practice_id = add_interview(journal, "Warm-up Ltd", "practice", now + timedelta(days=1))
    target_id = add_interview(journal, "Dream Co", "target", now + timedelta(days=4))
    steps = home.next_steps(cur, now)
    assert steps.next_interview.id == practice_id
    assert steps.next_target.id == target_id
    assert steps.days_until(steps.next_target, now) == 4


def test_home_counts_due_cards_but_not_leeches_waiting_for_a_rewrite(journal, cur, now):
    def work(c):
        for text, leech in (("Why us?", False), ("Walk me through a DCF.", True)):
            question_id = c.execute(
                "INSERT INTO questions (text) VALUES (?) RETURNING id", [text]
            ).fetchone()[0]
            card_id, _ = scheduling.ensure_card(c, question_id, origin="manual", now=now)
            c.execute("UPDATE cards SET is_leech = ? WHERE id = ?", [leech, card_id])

    journal.write(work)
    steps = home.next_steps(cur, now)
    assert (steps.cards_due_today, steps.cards_total) == (1, 2)

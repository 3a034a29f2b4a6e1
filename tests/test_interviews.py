"""Companies and interviews: adding, editing, listing, deleting."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coach import companies, deletion, interviews
from coach.errors import InvalidInput, NotFound
from coach.interviews import InterviewFields


def add_interview(journal, company_id, when, **fields):
    return interviews.add_interview(
        journal, InterviewFields(company_id=company_id, scheduled_at=when, **fields)
    )


def test_a_company_is_added_with_its_kind_and_notes(journal, cur):
    company_id = companies.add_company(journal, "  Acme  ", "target", "Friend works there")
    assert companies.get_company(cur, company_id) == companies.Company(
        company_id, "Acme", "target", "Friend works there", 0
    )


def test_a_company_name_cannot_be_empty(journal):
    with pytest.raises(InvalidInput, match="Company name cannot be empty"):
        companies.add_company(journal, "   ")


def test_two_companies_cannot_share_a_name_in_any_case(journal):
    companies.add_company(journal, "Acme")
    with pytest.raises(InvalidInput, match="already in your journal"):
        companies.add_company(journal, "ACME")


def test_a_company_with_interviews_can_be_renamed(journal, cur, now):
    # Regression: a UNIQUE index on the name made DuckDB refuse this update.
    company_id = companies.add_company(journal, "Acme")
    add_interview(journal, company_id, now)
    companies.update_company(journal, company_id, "Acme Corp", "practice", "")
    assert companies.get_company(cur, company_id).name == "Acme Corp"


def test_find_or_add_company_reuses_an_existing_name(journal):
    first = companies.find_or_add_company(journal, "Acme", "target")
    assert companies.find_or_add_company(journal, "acme") == first


@pytest.mark.parametrize(
    "text",
    ["数据分析师 面试", "😀 Emoji Co", "<script>alert(1)</script>", "x'); DROP TABLE companies;--"],
)
def test_hostile_and_international_text_is_stored_exactly(journal, cur, text):
    company_id = companies.add_company(journal, text, "undecided", text)
    stored = companies.get_company(cur, company_id)
    assert (stored.name, stored.notes) == (text, text)


def test_text_with_a_nul_byte_is_refused_with_a_clear_message(journal):
    with pytest.raises(InvalidInput, match="NUL character"):
        companies.add_company(journal, "Acme\x00")


def test_an_interview_is_stored_in_utc_and_read_back_equal(journal, cur, now):
    company_id = companies.add_company(journal, "Acme", "target")
    local = now.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai"))
    interview_id = add_interview(journal, company_id, local, role="Analyst", round="First")
    stored = interviews.get_interview(cur, interview_id)
    assert stored.scheduled_at == now
    assert stored.title == "Acme · Analyst · First"
    assert stored.review_status is None


def test_an_interview_needs_an_existing_company(journal, now):
    with pytest.raises(InvalidInput, match="Choose a company"):
        add_interview(journal, 999, now)


def test_an_implausible_year_is_refused(journal, now):
    company_id = companies.add_company(journal, "Acme")
    with pytest.raises(InvalidInput, match="not a plausible year"):
        add_interview(journal, company_id, now.replace(year=1800))


def test_upcoming_interviews_come_soonest_first_and_held_ones_latest_first(journal, cur, now):
    company_id = companies.add_company(journal, "Acme")
    for days in (-10, 5, -1, 2):
        add_interview(journal, company_id, now + timedelta(days=days), round=str(days))
    upcoming, held = interviews.split_upcoming_held(interviews.list_interviews(cur), now)
    assert [i.round for i in upcoming] == ["2", "5"]
    assert [i.round for i in held] == ["-1", "-10"]


def test_editing_an_interview_changes_its_fields(journal, cur, now):
    company_id = companies.add_company(journal, "Acme")
    interview_id = add_interview(journal, company_id, now)
    interviews.update_interview(
        journal,
        interview_id,
        InterviewFields(company_id=company_id, scheduled_at=now, outcome="offer", round="Final"),
    )
    stored = interviews.get_interview(cur, interview_id)
    assert (stored.outcome, stored.round) == ("offer", "Final")


def test_editing_a_deleted_interview_says_so(journal, now):
    company_id = companies.add_company(journal, "Acme")
    with pytest.raises(NotFound, match="deleted in another tab"):
        interviews.update_interview(
            journal, 12345, InterviewFields(company_id=company_id, scheduled_at=now)
        )


def record_a_review(cur, interview_id):
    cur.execute("INSERT INTO questions (id, text) VALUES (1, 'Why us?')")
    cur.execute(
        "INSERT INTO asks (id, interview_id, question_id, position) VALUES (1, ?, 1, 1)",
        [interview_id],
    )
    cur.execute("INSERT INTO answers (question_id, text, ask_id) VALUES (1, 'Because.', 1)")
    cur.execute("INSERT INTO reviews (interview_id) VALUES (?)", [interview_id])
    cur.execute(
        "INSERT INTO actions (interview_id, aspect, text) VALUES (?, 'questions', 'Rehearse')",
        [interview_id],
    )
    cur.execute("INSERT INTO stories (id, title) VALUES (1, 'Migration')")
    cur.execute(
        "INSERT INTO story_uses (interview_id, story_id, use) VALUES (?, 1, 'missed')",
        [interview_id],
    )


def test_deleting_an_interview_says_what_else_goes(journal, cur, now):
    company_id = companies.add_company(journal, "Acme")
    interview_id = add_interview(journal, company_id, now)
    record_a_review(cur, interview_id)
    impact = deletion.interview_deletion_impact(cur, interview_id)
    assert impact.describe() == [
        "1 review",
        "1 recorded question and answer",
        "1 improvement action",
        "1 story use",
    ]


def test_deleting_an_interview_keeps_the_question_bank_and_answers(journal, cur, now):
    company_id = companies.add_company(journal, "Acme")
    interview_id = add_interview(journal, company_id, now)
    record_a_review(cur, interview_id)
    interviews.delete_interview(journal, interview_id)
    counts = cur.execute(
        "SELECT (SELECT count(*) FROM interviews), (SELECT count(*) FROM asks),"
        " (SELECT count(*) FROM reviews), (SELECT count(*) FROM actions),"
        " (SELECT count(*) FROM story_uses), (SELECT count(*) FROM questions),"
        " (SELECT count(*) FROM answers), (SELECT count(*) FROM stories)"
    ).fetchone()
    assert counts == (0, 0, 0, 0, 0, 1, 1, 1)


def test_deleting_a_company_deletes_its_interviews_and_nothing_else(journal, cur, now):
    acme = companies.add_company(journal, "Acme")
    other = companies.add_company(journal, "Other")
    add_interview(journal, acme, now)
    add_interview(journal, acme, now)
    kept = add_interview(journal, other, now)
    assert deletion.company_deletion_impact(cur, acme).describe() == ["2 interviews"]
    companies.delete_company(journal, acme)
    assert [i.id for i in interviews.list_interviews(cur)] == [kept]
    assert [c.name for c in companies.list_companies(cur)] == ["Other"]


def test_an_interview_without_a_review_can_move_to_another_company(journal, cur, now):
    acme = companies.add_company(journal, "Acme")
    other = companies.add_company(journal, "Other")
    interview_id = add_interview(journal, acme, now)
    interviews.update_interview(
        journal, interview_id, InterviewFields(company_id=other, scheduled_at=now)
    )
    assert interviews.get_interview(cur, interview_id).company == "Other"


def test_a_reviewed_interview_keeps_its_company_and_says_why(journal, cur, now):
    acme = companies.add_company(journal, "Acme")
    other = companies.add_company(journal, "Other")
    interview_id = add_interview(journal, acme, now)
    record_a_review(cur, interview_id)
    with pytest.raises(InvalidInput, match="stays with Acme"):
        interviews.update_interview(
            journal, interview_id, InterviewFields(company_id=other, scheduled_at=now)
        )
    interviews.update_interview(
        journal, interview_id, InterviewFields(company_id=acme, scheduled_at=now, round="2")
    )
    assert interviews.get_interview(cur, interview_id).round == "2"


def test_pages_of_companies_and_the_recent_names_are_limited_in_sql(journal, cur, now):
    ids = {name: companies.add_company(journal, name) for name in ["beta", "Alpha", "Gamma"]}
    add_interview(journal, ids["beta"], now - timedelta(days=30))
    add_interview(journal, ids["Alpha"], now - timedelta(days=2))
    shown, total = companies.company_page(cur, limit=2)
    assert ([c.name for c in shown], total) == (["Alpha", "beta"], 3)
    assert [c.interview_count for c in shown] == [1, 1]
    assert companies.company_page(cur, limit=5)[0] == companies.list_companies(cur)
    assert companies.company_page(cur, limit=0) == ([], 0)
    # The most recently interviewed (or added, without interviews) first, then by name.
    assert companies.recent_company_names(cur, limit=2) == ["Alpha", "Gamma"]
    assert companies.recent_company_names(cur, limit=9) == ["Alpha", "beta", "Gamma"]


def test_the_review_picker_limits_its_lists_and_searches_past_reviews(journal, cur, now):
    from coach import reviews

    acme = companies.add_company(journal, "Acme")
    globex = companies.add_company(journal, "Globex")
    awaiting = [add_interview(journal, acme, now - timedelta(days=n + 1)) for n in range(3)]
    done = []
    for n, company in enumerate([acme, acme, globex]):
        interview_id = add_interview(journal, company, now - timedelta(days=10 + n), round="Final")
        reviews.start_review(journal, interview_id, now)
        reviews.complete_review(journal, interview_id, now)
        done.append(interview_id)
    add_interview(journal, acme, now + timedelta(days=3))  # upcoming: not held
    found = interviews.review_picker(cur, now, awaiting_limit=2, completed_limit=2)
    assert [i.id for i in found.awaiting] == awaiting[:2]
    assert (found.held_total, found.awaiting_total) == (6, 3)
    assert [i.id for i in found.completed] == done[:2]
    assert (found.completed_matching, found.completed_total) == (3, 3)
    found = interviews.review_picker(
        cur, now, awaiting_limit=2, completed_limit=2, search="  GLOBEX "
    )
    assert [i.id for i in found.completed] == [done[2]]
    assert (found.completed_matching, found.completed_total) == (1, 3)
    found = interviews.review_picker(cur, now, awaiting_limit=2, completed_limit=2, search="%")
    assert found.completed == [] and found.completed_matching == 0

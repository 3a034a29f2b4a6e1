"""Prediction snapshots and the scorecard: what the brief predicted against what was asked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coach import companies, i18n, interviews, predictions, reviews, transfer
from coach.insights import predictions as predicted
from coach.insights.filters import Filters
from coach.interviews import InterviewFields
from coach.likely import likely_questions
from tests.test_likely import STRONG, WEAK, book, review


def kept(cur, interview_id: int) -> list[tuple]:
    return cur.execute(
        "SELECT p.moment, count(q.question_id) FROM predictions p"
        " LEFT JOIN predicted_questions q ON q.prediction_id = p.id"
        " WHERE p.interview_id = ? GROUP BY p.id, p.moment ORDER BY p.id",
        [interview_id],
    ).fetchall()


@pytest.fixture
def booked(journal, now):
    """Four questions asked weakly at a practice interview; a target interview in 3 days."""
    earlier = book(journal, "Warm-up Ltd", "practice", now - timedelta(days=2), "Analyst")
    review(journal, earlier, now, [(f"Question {c}?", "other", WEAK) for c in "ABCD"])
    return book(journal, "Dream Co", "target", now + timedelta(days=3), "Analyst")


def test_the_brief_is_kept_when_first_shown_and_not_again(journal, cur, now, booked):
    found = likely_questions(cur, booked, now)
    assert predictions.keep_due(journal, found, now, shown=False) is None  # Home, days before
    assert predictions.keep_due(journal, found, now, shown=True) == "shown"
    again = likely_questions(cur, booked, now)
    assert again.kept == ("shown",)
    assert predictions.keep_due(journal, again, now, shown=True) is None
    # A tab that made the brief before the snapshot was kept does not keep it twice.
    assert predictions.keep_due(journal, found, now, shown=True) is None
    assert kept(cur, booked) == [("shown", 4)]


def test_on_the_interview_day_the_brief_is_kept_again_once(journal, cur, now, booked):
    predictions.keep_due(journal, likely_questions(cur, booked, now), now, shown=True)
    morning = now + timedelta(days=3) - timedelta(hours=8)  # the interview is at 18:30
    on_the_day = likely_questions(cur, booked, morning)
    assert on_the_day.days_left == 0
    assert predictions.keep_due(journal, on_the_day, morning, shown=False) == "day"
    assert predictions.keep_due(journal, likely_questions(cur, booked, morning), morning,
                                shown=True) is None  # fmt: skip
    assert kept(cur, booked) == [("shown", 4), ("day", 4)]


def test_nothing_is_kept_once_the_interview_has_begun(journal, cur, now, booked):
    found = likely_questions(cur, booked, now)
    started = now + timedelta(days=3)
    assert predictions.due_moment(found, started, shown=True) is None
    assert predictions.keep(journal, found, "downloaded", started) is None
    assert kept(cur, booked) == []


def test_every_download_is_kept(journal, cur, now, booked):
    found = likely_questions(cur, booked, now)
    predictions.keep(journal, found, "downloaded", now)
    predictions.keep(journal, found, "downloaded", now + timedelta(hours=1))
    assert kept(cur, booked) == [("downloaded", 4), ("downloaded", 4)]


def test_an_empty_prediction_is_kept_too(journal, cur, now):
    first = book(journal, "First Co", "target", now + timedelta(days=1))
    found = likely_questions(cur, first, now)
    assert predictions.keep_due(journal, found, now, shown=True) == "shown"
    assert kept(cur, first) == [("shown", 0)]


# --- The scorecard ------------------------------------------------------------------------


def test_the_scorecard_counts_hits_surprises_and_questions_not_asked(journal, cur, now, booked):
    predictions.keep_due(journal, likely_questions(cur, booked, now), now, shown=True)
    after = now + timedelta(days=3, hours=3)
    review(journal, booked, after, [
        ("Question B?", "other", STRONG),
        ("Question E?", "other", WEAK),  # a surprise, answered weakly
        ("Question A?", "other", WEAK),
        ("Question F?", "other", STRONG),  # a surprise, answered well
    ])  # fmt: skip
    card = predictions.scorecard(cur, booked)
    assert (card.moment, card.predicted, card.asked) == ("shown", 4, 4)
    assert [q.text for q in card.hits] == ["Question B?", "Question A?"]  # in the order asked
    assert [(q.text, q.weak, q.card) for q in card.surprises] == [
        ("Question E?", True, True),  # in the bank, and a rehearsal card as usual
        ("Question F?", False, False),
    ]
    assert [q.text for q in card.unasked] == ["Question C?", "Question D?"]
    assert card.text(after) == (
        "Your brief predicted 2 of the 4 questions asked (the brief as it stood when you "
        "first opened it, 16 March). 2 surprises: they are in your question bank now, and "
        "the 1 you answered weakly is a rehearsal card."
    )


def test_an_interview_reviewed_without_a_kept_brief_says_so(journal, cur, now, booked):
    review(journal, booked, now + timedelta(days=4), [("Question A?", "other", WEAK)])
    card = predictions.scorecard(cur, booked)
    assert not card.kept
    assert (card.predicted, card.hits, card.unasked) == (0, (), ())
    assert [q.text for q in card.surprises] == ["Question A?"]
    assert card.text(now).startswith(
        "No prediction was kept for this interview: its brief was never opened before it."
    )


def test_the_latest_brief_kept_before_the_interview_is_the_one_scored(journal, cur, now, booked):
    predictions.keep_due(journal, likely_questions(cur, booked, now), now, shown=True)
    # A later practice interview teaches the brief a new question before the day.
    later = book(journal, "Second Warm-up", "practice", now + timedelta(days=1), "Analyst")
    review(journal, later, now, [("Question G?", "other", WEAK)])
    day = now + timedelta(days=2, hours=20)
    predictions.keep_due(journal, likely_questions(cur, booked, day), day, shown=False)
    review(journal, booked, now + timedelta(days=4), [("Question G?", "other", STRONG)])
    card = predictions.scorecard(cur, booked)
    assert (card.moment, [q.text for q in card.hits]) == ("day", ["Question G?"])
    assert card.text(now).startswith("Your brief predicted 1 of the 1 question asked")


def test_before_any_question_is_recorded_the_scorecard_waits_for_them(journal, cur, now, booked):
    predictions.keep_due(journal, likely_questions(cur, booked, now), now, shown=True)
    card = predictions.scorecard(cur, booked)
    assert card.kept and card.asked == 0
    assert card.text(now) == (
        "Your brief of 16 March listed 4 likely questions. Record the questions you were "
        "asked to see how many it predicted."
    )


def test_the_briefs_predictions_over_time(journal, cur, now, booked):
    assert not predicted.prediction_takeaway([]).enough
    predictions.keep_due(journal, likely_questions(cur, booked, now), now, shown=True)
    review(journal, booked, now + timedelta(days=4), [("Question A?", "other", WEAK),
                                                      ("Question Z?", "other", WEAK)])  # fmt: skip
    rows = predicted.scored_interviews(cur, Filters(), now + timedelta(days=5))
    assert [(r.company, r.predicted, r.asked, r.hits, r.surprises) for r in rows] == [
        ("Dream Co", 4, 2, 1, 1)
    ]
    assert predicted.prediction_takeaway(rows).text == (
        "Your briefs predicted 1 of the 2 questions asked in 1 interview (50%)."
    )
    assert predicted.scored_interviews(cur, Filters(kind="practice"), now + timedelta(days=5)) == []


# --- Snapshots live and die with their interview -------------------------------------------


def test_a_booked_interview_with_a_kept_brief_can_move_to_another_company(
    journal, cur, now, booked
):
    predictions.keep_due(journal, likely_questions(cur, booked, now), now, shown=True)
    moved = companies.find_or_add_company(journal, "Other Co", "target")
    interviews.update_interview(
        journal, booked, InterviewFields(company_id=moved, scheduled_at=now + timedelta(days=3))
    )
    assert interviews.get_interview(cur, booked).company == "Other Co"


def test_deleting_an_interview_deletes_its_kept_briefs(journal, cur, now, booked):
    predictions.keep_due(journal, likely_questions(cur, booked, now), now, shown=True)
    interviews.delete_interview(journal, booked)
    assert cur.execute("SELECT count(*) FROM predictions").fetchone() == (0,)
    assert cur.execute("SELECT count(*) FROM predicted_questions").fetchone() == (0,)


def test_kept_briefs_merge_into_another_journal_without_duplicates(journal, cur, now, booked):
    predictions.keep_due(journal, likely_questions(cur, booked, now), now, shown=True)
    document = transfer.export_json(cur, now=now)
    transfer.import_json(journal, document)  # the same journal: everything is there already
    assert transfer.export_json(cur, now=now) == document
    assert kept(cur, booked) == [("shown", 4)]


# --- In Chinese --------------------------------------------------------------------------


def test_the_scorecard_and_the_takeaway_in_chinese(journal, cur, now, booked):
    predictions.keep_due(journal, likely_questions(cur, booked, now), now, shown=True)
    after = now + timedelta(days=3, hours=3)
    review(journal, booked, after, [
        ("Question B?", "other", STRONG),
        ("你为什么选择我们公司？", "other", WEAK),  # a surprise, in Chinese, answered weakly
        ("Question A?", "other", WEAK),
        ("Question F?", "other", STRONG),  # a surprise, answered well
    ])  # fmt: skip
    with i18n.speaking(i18n.CHINESE):
        assert predictions.scorecard(cur, booked).text(after) == (
            "实际被问到的 4 道问题中，你的简报预测中了 2 道（比对的是在你第一次打开它时保存的简报，"
            "3月16日）。2 道意外问题：它们已经在你的题库里；其中答得不好的 1 道已成为练习卡片。"
        )
        rows = predicted.scored_interviews(cur, Filters(), after + timedelta(days=1))
        assert predicted.prediction_takeaway(rows).text == (
            "在 1 场面试被问到的 4 个问题中，你的简报预测中了 2 道（50%）。"
        )
        assert predicted.prediction_takeaway([]).text.startswith(
            "还没有哪场已复盘的面试保存过预测。"
        )
        chart = predicted.prediction_chart(rows).to_dict()
    assert chart["encoding"]["y"]["title"] == "被问到的问题"
    assert [t["title"] for t in chart["encoding"]["tooltip"]] == [
        "公司", "日期", "问题", "数量", "被问到的问题", "简报列出的可能问题"
    ]  # fmt: skip
    values = next(iter(chart["datasets"].values()))
    assert {v["part"] for v in values} == {"简报预测到的", "意外问题"}
    assert values[0]["interview"] == "2026年3月19日 · Dream Co"
    assert values[0]["day"] == "2026年3月19日 周四"


def test_before_any_question_is_recorded_the_scorecard_waits_in_chinese(journal, cur, now, booked):
    predictions.keep_due(journal, likely_questions(cur, booked, now), now, shown=True)
    reviews.start_review(journal, booked, now + timedelta(days=4))
    with i18n.speaking(i18n.CHINESE):
        assert predictions.scorecard(cur, booked).text(now) == (
            "你 3月16日 的简报列出了 4 道可能问题。记录下实际被问到的问题，就能看到它预测中了多少。"
        )

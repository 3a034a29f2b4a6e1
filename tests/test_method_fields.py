"""The method's own fields (issue 13): a probed answer's evidence, why a story was missed
and where it could have been told, and nerves; stored, suggested from, exported, merged,
shown in Practice, and saved from two tabs without replacing each other."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from coach import (
    actions,
    companies,
    db,
    edits,
    interviews,
    practice,
    report,
    reviews,
    stories,
    transfer,
)
from coach.errors import NotFound
from coach.interviews import InterviewFields
from coach.review_rules import ReviewFacts, StoryUseFacts, suggest_actions
from tests.test_review_page import APP, by_label
from tests.test_two_tabs import clash_shown, review_on

NOW = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)


@pytest.fixture
def journal(tmp_path):
    path = str(tmp_path / "journal.duckdb")
    yield db.open_journal(path)
    db.close_journal(path)


def held(journal, company: str = "Acme", days: int = 1) -> int:
    company_id = companies.add_company(journal, company)
    return interviews.add_interview(
        journal, InterviewFields(company_id=company_id, scheduled_at=NOW - timedelta(days=days))
    )


def plan_texts(journal, interview_id: int) -> list[str]:
    return [a.text for a in actions.list_actions(journal.cursor(), interview_id)]


# --- A probed answer's evidence ----------------------------------------------------------
def test_a_probed_answer_keeps_its_background_problem_actions_and_evidence(journal):
    interview = held(journal)
    (ask_id,) = reviews.add_asks(journal, interview, [reviews.NewAsk("你是怎么缩短月结的？")], NOW)
    reviews.save_ask(journal, ask_id, NOW, signal="probed", self_score=3)
    evidence = {
        "background": "集团 12 家子公司，月结 8 天",
        "problem": "Intercompany mismatches found on day 6 <script>x</script>",
        "my_actions": "I built the matching file and agreed a cut-off with each controller",
        "evidence": "Close went from 8 days to 5; the 2025 audit had no findings",
    }
    for name, value in evidence.items():
        reviews.save_ask(journal, ask_id, NOW, read={name: ""}, **{name: value})
    ask = reviews.get_ask(journal.cursor(), ask_id)
    assert {name: getattr(ask, name) for name in evidence} == evidence
    assert ask.asks_evidence and ask.card_kind == "evidence"
    # The card's answer scaffold in Practice.
    detail = practice.card_detail(journal.cursor(), ask.card_id, NOW)
    assert detail.kind == "evidence"
    assert detail.scaffold.my_actions == evidence["my_actions"]
    assert detail.focus.diagnosis.doubted
    # And the interview's Markdown report.
    markdown = report.to_markdown(report.load_report(journal.cursor(), interview), NOW)
    assert "What I did:" in markdown and "Close went from 8 days to 5" in markdown


def test_an_evidence_field_another_tab_changed_since_is_not_replaced(journal):
    interview = held(journal)
    (ask_id,) = reviews.add_asks(journal, interview, [reviews.NewAsk("What did you build?")], NOW)
    reviews.save_ask(journal, ask_id, NOW, read={"evidence": ""}, evidence="Theirs: -30% cost")
    with pytest.raises(edits.EditConflict):
        reviews.save_ask(journal, ask_id, NOW, read={"evidence": ""}, evidence="Mine: 5 days")
    assert reviews.get_ask(journal.cursor(), ask_id).evidence == "Theirs: -30% cost"


def test_an_evidence_field_over_its_limit_is_refused_with_a_message(journal):
    interview = held(journal)
    (ask_id,) = reviews.add_asks(journal, interview, [reviews.NewAsk("What did you build?")], NOW)
    with pytest.raises(Exception, match="Evidence is 200,001 characters long"):
        reviews.save_ask(journal, ask_id, NOW, evidence="x" * 200_001)


# --- Nerves --------------------------------------------------------------------------------
def test_nervous_at_the_start_puts_a_warm_up_routine_in_the_plan(journal):
    interview = held(journal)
    reviews.start_review(journal, interview, NOW)
    reviews.save_review(journal, interview, NOW, nerves="nervous_start")
    assert reviews.get_review(journal.cursor(), interview).nerves == "nervous_start"
    (warm_up,) = [t for t in plan_texts(journal, interview) if t.startswith("Warm up")]
    assert "nervous at the start" in warm_up
    # Calm after all: the untouched suggestion is withdrawn.
    reviews.save_review(journal, interview, NOW, nerves="calm")
    assert not any(t.startswith("Warm up") for t in plan_texts(journal, interview))


def test_nerves_throughout_suggest_a_mock_interview_and_calm_suggests_nothing():
    throughout = suggest_actions(ReviewFacts(nerves="nervous_throughout"))
    assert [a.text.split(":")[0] for a in throughout] == ["Rehearse under interview conditions"]
    assert suggest_actions(ReviewFacts(nerves="calm")) == []
    with pytest.raises(ValueError):
        suggest_actions(ReviewFacts(nerves="terrified"))


# --- A missed story ------------------------------------------------------------------------
def test_a_missed_story_keeps_why_and_where_and_the_bridge_says_so(journal):
    interview = held(journal)
    first, second = reviews.add_asks(
        journal, interview,
        [reviews.NewAsk("Tell me about yourself."), reviews.NewAsk("Any questions for us?")], NOW,
    )  # fmt: skip
    story = stories.add_story(journal, stories.StoryFields("Migration", result="-30% cost"))
    stories.set_story_use(journal, interview, story, "missed", NOW)
    stories.save_story_miss(journal, interview, story, NOW, missed_reason="forgot")
    stories.save_story_miss(journal, interview, story, NOW, bridge_ask_id=second)
    assert stories.story_misses(journal.cursor(), interview)[story] == stories.StoryMiss(
        "forgot", second
    )
    (bridge,) = [t for t in plan_texts(journal, interview) if "'Migration'" in t]
    assert bridge.startswith("Read your 'Migration' story again")
    assert "after 'Any questions for us?'" in bridge
    markdown = report.to_markdown(report.load_report(journal.cursor(), interview), NOW)
    assert "- Migration: missed — I forgot it; could have been told after Q2" in markdown
    # The question removed from the review: the story lets go of it, the reason stays.
    reviews.delete_ask(journal, second, NOW)
    assert stories.story_misses(journal.cursor(), interview)[story] == stories.StoryMiss("forgot")
    assert any(t.startswith("Read your 'Migration' story") and "after" not in t
               for t in plan_texts(journal, interview))  # fmt: skip
    assert first


@pytest.mark.parametrize(
    ("reason", "start"),
    [
        (None, "Bridge to your 'Migration' story"),
        ("no_bridge", "Bridge to your 'Migration' story"),
        ("no_opening", "Make your own opening for your 'Migration' story"),
        ("forgot", "Read your 'Migration' story again"),
    ],
)
def test_each_reason_for_a_missed_story_has_its_own_fix(reason, start):
    (action,) = suggest_actions(
        ReviewFacts(story_uses=[StoryUseFacts("Migration", "missed", reason)])
    )
    assert action.source == "bridge" and action.text.startswith(start)


def test_a_story_can_only_be_placed_after_a_question_of_its_own_interview(journal):
    interview, other = held(journal), held(journal, "Globex", days=2)
    (elsewhere,) = reviews.add_asks(journal, other, [reviews.NewAsk("Why Globex?")], NOW)
    story = stories.add_story(journal, stories.StoryFields("Migration"))
    with pytest.raises(NotFound):  # not marked in this review yet
        stories.save_story_miss(journal, interview, story, NOW, missed_reason="forgot")
    stories.set_story_use(journal, interview, story, "missed", NOW)
    with pytest.raises(NotFound):
        stories.save_story_miss(journal, interview, story, NOW, bridge_ask_id=elsewhere)
    with pytest.raises(Exception, match="Why the story was missed cannot be"):
        stories.save_story_miss(journal, interview, story, NOW, missed_reason="lazy")


def test_why_a_story_was_missed_changed_in_another_tab_is_not_replaced(journal):
    interview = held(journal)
    story = stories.add_story(journal, stories.StoryFields("Migration"))
    stories.set_story_use(journal, interview, story, "missed", NOW)
    stories.save_story_miss(journal, interview, story, NOW, read={"missed_reason": None},
                            missed_reason="no_opening")  # fmt: skip
    with pytest.raises(edits.EditConflict):
        stories.save_story_miss(journal, interview, story, NOW, read={"missed_reason": None},
                                missed_reason="forgot")  # fmt: skip


# --- Export, import and merge --------------------------------------------------------------
def test_the_new_fields_survive_an_export_and_a_merge_into_a_journal_holding_data(
    journal, tmp_path
):
    interview = held(journal)
    (ask_id,) = reviews.add_asks(journal, interview, [reviews.NewAsk("What did you build?")], NOW)
    reviews.save_ask(journal, ask_id, NOW, signal="probed", self_score=4, evidence="8 → 5 days")
    story = stories.add_story(journal, stories.StoryFields("Migration"))
    stories.set_story_use(journal, interview, story, "missed", NOW)
    stories.save_story_miss(journal, interview, story, NOW, missed_reason="no_bridge",
                            bridge_ask_id=ask_id)  # fmt: skip
    reviews.start_review(journal, interview, NOW)
    reviews.save_review(journal, interview, NOW, nerves="nervous_start")
    exported = transfer.export_json(journal.cursor(), now=NOW)

    other_path = str(tmp_path / "other.duckdb")
    other = db.open_journal(other_path)
    try:
        # The other journal already holds asks, so ids differ between the two.
        busy = held(other, "Busy Co", days=5)
        reviews.add_asks(other, busy, [reviews.NewAsk(f"Q{i}") for i in range(7)], NOW)
        transfer.import_json(other, exported)
        cur = other.cursor()
        (imported,) = [
            i for i in cur.execute("SELECT id FROM interviews WHERE id <> ?", [busy]).fetchall()
        ]
        (ask,) = reviews.list_asks(cur, imported[0])
        assert (ask.evidence, ask.card_kind) == ("8 → 5 days", "evidence")
        misses = stories.story_misses(cur, imported[0])
        assert list(misses.values()) == [stories.StoryMiss("no_bridge", ask.id)]
        assert reviews.get_review(cur, imported[0]).nerves == "nervous_start"
    finally:
        db.close_journal(other_path)
    assert json.loads(exported)["tables"]["cards"][0]["kind"] == "evidence"


# --- The review page, from two tabs -----------------------------------------------------------
@pytest.fixture
def path(app_journal):
    return app_journal


def test_the_review_page_records_nerves_and_a_missed_story_s_reason_and_place(path):
    at, interview_id = review_on(path, "strengths")
    journal = db.open_journal(str(path))
    (ask_id,) = reviews.add_asks(journal, interview_id, [reviews.NewAsk("Why us?")], NOW)
    story = stories.add_story(journal, stories.StoryFields("Migration"))
    stories.set_story_use(journal, interview_id, story, "missed", NOW)
    at.run()
    prefix = f"review_{interview_id}_story_{story}"
    at.button_group(key=f"{prefix}_missed_reason").set_value("no_opening").run()
    at.selectbox(key=f"{prefix}_bridge_ask_id").set_value(ask_id).run()
    assert not at.exception
    assert stories.story_misses(journal.cursor(), interview_id)[story] == stories.StoryMiss(
        "no_opening", ask_id
    )
    # The other tab changes the reason; this tab's older choice clashes, nothing replaced.
    stories.save_story_miss(journal, interview_id, story, NOW, missed_reason="forgot")
    at.button_group(key=f"{prefix}_missed_reason").set_value("no_bridge").run()
    assert clash_shown(at, "I forgot it", "I did not bridge to it")
    assert stories.story_misses(journal.cursor(), interview_id)[story].missed_reason == "forgot"

    reviews.set_step(journal, interview_id, "overall", NOW)
    again = AppTest.from_file(APP, default_timeout=30)
    again.session_state["review_interview"] = interview_id
    again.run()
    again.switch_page("pages/review.py").run()
    by_label(again.segmented_control, "Were you nervous?").set_value("nervous_start").run()
    assert not again.exception
    assert reviews.get_review(journal.cursor(), interview_id).nerves == "nervous_start"
    assert any(t.startswith("Warm up") for t in plan_texts(journal, interview_id))


def test_rehearse_these_now_after_a_review_takes_its_weak_and_its_doubted_answers(journal):
    interview = held(journal)
    weak, strong, doubted = reviews.add_asks(
        journal, interview,
        [reviews.NewAsk(t) for t in ("Why us?", "Tell me about yourself.", "What did you own?")],
        NOW,
    )  # fmt: skip
    reviews.save_ask(journal, weak, NOW, self_score=1)
    reviews.save_ask(journal, strong, NOW, self_score=4, signal="positive")
    reviews.save_ask(journal, doubted, NOW, self_score=3, signal="probed")
    listed = practice.interview_cards(journal.cursor(), interview, NOW)
    assert [c.question for c in listed.cards] == ["Why us?", "What did you own?"]

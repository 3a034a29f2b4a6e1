"""Two tabs: a save checked against what its tab read never replaces another tab's save.

`coach.edits.changes` is tested on its own; then every edit form and every field of the
review, through AppTest, with "the other tab" saving through the domain between runs.
The browser test of the same (two real tabs) is tests/browser/test_two_tabs_e2e.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from coach import actions, companies, db, edits, interviews, reviews, stories
from coach.interviews import InterviewFields
from tests.test_review_page import APP, by_label

NOW = datetime.now(UTC)


@pytest.fixture
def path(app_journal):
    return app_journal


# -- the rule -------------------------------------------------------------------------


def test_a_field_only_this_tab_changed_is_written():
    assert edits.changes({"a": "old"}, {"a": "mine"}, {"a": "old"}) == {"a": "mine"}


def test_a_field_this_tab_left_as_read_keeps_the_other_tabs_value():
    assert edits.changes({"a": "theirs"}, {"a": "old"}, {"a": "old"}) == {}


def test_a_field_both_tabs_set_alike_needs_nothing():
    assert edits.changes({"a": "same"}, {"a": "same"}, {"a": "old"}) == {}


def test_a_field_both_tabs_changed_differently_is_a_clash_with_both_values_and_no_write():
    with pytest.raises(edits.EditConflict) as clash:
        edits.changes(
            {"a": "theirs", "b": "old"}, {"a": "mine", "b": "new"}, {"a": "old", "b": "old"},
            {"a": "Advice"},
        )  # fmt: skip
    assert [(c.field, c.label, c.stored, c.typed) for c in clash.value.clashes] == [
        ("a", "Advice", "theirs", "mine")
    ]
    assert "“Advice” changed in another tab" in str(clash.value)


def test_a_save_that_read_nothing_writes_everything_as_before():
    assert edits.changes({"a": "theirs"}, {"a": "mine"}, None) == {"a": "mine"}


# -- every form and field of the app ----------------------------------------------------


def held_interview(path) -> int:
    journal = db.open_journal(str(path))
    company = companies.add_company(journal, "Acme Analytics", "target")
    return interviews.add_interview(
        journal, InterviewFields(company_id=company, scheduled_at=NOW - timedelta(hours=3))
    )


def review_on(path, step: str) -> tuple[AppTest, int]:
    interview_id = held_interview(path)
    journal = db.open_journal(str(path))
    reviews.start_review(journal, interview_id, NOW)
    reviews.set_step(journal, interview_id, step, NOW)
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["review_interview"] = interview_id
    at.run()
    at.switch_page("pages/review.py").run()
    assert not at.exception
    return at, interview_id


def clash_shown(at: AppTest, *texts_shown: str) -> bool:
    codes = [c.value for c in at.code]
    warned = any("changed in another tab" in w.value for w in at.warning)
    return warned and all(t in codes for t in texts_shown)


def click(at: AppTest, label: str) -> AppTest:
    return by_label(at.button, label).click().run()


def test_a_review_text_from_an_earlier_tab_does_not_replace_a_newer_one(path):
    at, interview_id = review_on(path, "relationship")
    journal = db.open_journal(str(path))
    reviews.save_review(journal, interview_id, NOW, advice="Theirs: learn dbt")  # other tab
    by_label(at.text_area, "Did the interviewer give you advice?").input("Mine: impact").run()
    assert clash_shown(at, "Theirs: learn dbt", "Mine: impact")
    assert by_label(at.text_area, "Did the interviewer give you advice?").value == "Mine: impact"
    assert reviews.get_review(journal.cursor(), interview_id).advice == "Theirs: learn dbt"
    click(at, "Use the other tab's")
    assert not at.warning
    assert by_label(at.text_area, "Did the interviewer give you advice?").value == (
        "Theirs: learn dbt"
    )
    # Taken, it is this tab's base now: the next edit saves without a clash.
    by_label(at.text_area, "Did the interviewer give you advice?").input("Both, merged").run()
    assert reviews.get_review(journal.cursor(), interview_id).advice == "Both, merged"


def test_two_tabs_editing_different_fields_of_one_review_both_save(path):
    at, interview_id = review_on(path, "relationship")
    journal = db.open_journal(str(path))
    reviews.save_review(journal, interview_id, NOW, referral="Theirs: finance")  # other tab
    by_label(at.text_area, "Did the interviewer give you advice?").input("Mine: dbt").run()
    assert not at.warning
    review = reviews.get_review(journal.cursor(), interview_id)
    assert (review.advice, review.referral) == ("Mine: dbt", "Theirs: finance")


def test_a_choice_from_an_earlier_tab_clashes_too_and_keep_mine_saves_it(path):
    at, interview_id = review_on(path, "relationship")
    journal = db.open_journal(str(path))
    reviews.save_review(journal, interview_id, NOW, pace="too_fast")  # the other tab
    pace = next(e for e in at.segmented_control if e.key and e.key.endswith("_pace"))
    pace.set_value("too_slow").run()
    assert clash_shown(at, "Too fast", "Too slow")
    click(at, "Keep mine")
    assert reviews.get_review(journal.cursor(), interview_id).pace == "too_slow"


def test_an_answer_typed_into_a_question_removed_in_another_tab_is_kept_to_copy(path):
    at, interview_id = review_on(path, "questions")
    journal = db.open_journal(str(path))
    (ask_id,) = reviews.add_asks(journal, interview_id, [reviews.NewAsk("Why us?")], NOW)
    at.run()
    reviews.delete_ask(journal, ask_id, NOW)  # the other tab
    by_label(at.text_area, "What I answered").input("Because of 你们的数据团队 🚀").run()
    assert not at.exception
    assert "Because of 你们的数据团队 🚀" in [c.value for c in at.code]
    assert any("belonged to something removed" in w.value for w in at.warning)
    click(at, "Dismiss")
    assert "Because of 你们的数据团队 🚀" not in [c.value for c in at.code]


def test_a_story_edited_in_two_tabs_keeps_both_tabs_words(path):
    at, interview_id = review_on(path, "strengths")
    journal = db.open_journal(str(path))
    story_id = stories.add_story(journal, stories.StoryFields("Report cut", situation="Old"))
    at.run()
    at.button(key=f"review_story_edit_{story_id}").click().run()
    read = stories.StoryFields("Report cut", situation="Old")
    stories.update_story(  # the other tab: a new title and situation
        journal, story_id, stories.StoryFields("Report cut by 80%", situation="Theirs"), NOW,
        read=stories.story_values(read),
    )  # fmt: skip
    by_label(at.text_area, "Situation").input("Mine")
    by_label(at.text_area, "Result").input("Saved 2 days a week")
    click(at, "Save story")
    assert clash_shown(at, "Theirs", "Mine")
    assert stories.get_story(journal.cursor(), story_id).situation == "Theirs"
    click(at, "Keep mine")
    saved = stories.get_story(journal.cursor(), story_id)
    # Mine where I typed; theirs where I did not (the title): no word lost either way.
    assert (saved.title, saved.situation, saved.result) == (
        "Report cut by 80%",
        "Mine",
        "Saved 2 days a week",
    )


def test_an_action_edited_in_two_tabs_shows_both_texts(path):
    at, interview_id = review_on(path, "plan")
    journal = db.open_journal(str(path))
    action_id = actions.add_action(journal, interview_id, "overall", "Prepare questions", NOW)
    at.run()
    at.button(key=f"review_action_edit_{action_id}").click().run()
    actions.update_action(journal, action_id, text="Theirs", aspect="overall")  # other tab
    by_label(at.text_area, "Action").input("Mine")
    click(at, "Save")
    assert clash_shown(at, "Theirs", "Mine")
    assert not at.exception


def interviews_page(tab: str, editing: tuple[str, int]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("pages/interviews.py").run()
    at.session_state["interviews_tab"] = tab
    at.session_state["interviews_editing"] = editing
    return at.run()


def test_a_company_edited_in_two_tabs_shows_both_and_keeps_what_was_typed(path):
    held_interview(path)
    journal = db.open_journal(str(path))
    at = interviews_page("companies", ("company", 1))
    companies.update_company(journal, 1, "Acme Analytics", "target", "Theirs")  # other tab
    by_label(at.text_area, "Notes").input("Mine")
    click(at, "Save changes")
    assert clash_shown(at, "Theirs", "Mine")
    assert by_label(at.text_area, "Notes").value == "Mine"
    click(at, "Keep mine")
    assert companies.get_company(journal.cursor(), 1).notes == "Mine"
    assert at.session_state["interviews_editing"] is None


def test_an_interview_edited_in_two_tabs_shows_both_and_keeps_what_was_typed(path):
    interview_id = held_interview(path)
    journal = db.open_journal(str(path))
    at = interviews_page("held", ("interview", interview_id))
    stored = interviews.get_interview(journal.cursor(), interview_id)
    interviews.update_interview(  # the other tab
        journal,
        interview_id,
        InterviewFields(stored.company_id, stored.scheduled_at, notes="Theirs"),
    )
    by_label(at.text_area, "Notes").input("Mine")
    by_label(at.text_input, "Role").input("Data analyst")
    click(at, "Save changes")
    assert clash_shown(at, "Theirs", "Mine")
    click(at, "Use the other tab's")
    assert interviews.get_interview(journal.cursor(), interview_id).notes == "Theirs"
    assert by_label(at.text_area, "Notes").value == "Theirs"

"""The paths to preparing, through AppTest: Home, the Interviews list, the brief, the cram
view and the review's summary, reached by their deep links (query parameters).

The app reads the real clock, so each journal is made relative to the real "now": one
practice interview two days ago, reviewed with four weak answers, and a target interview
in five days for a differently titled role (the issue's walk).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from coach import db, likely, predictions, readiness
from tests.test_likely import FIRST_PRACTICE, STRONG, WEAK, book, review
from tests.test_pages import app  # noqa: F401 - the AppTest factory fixture


@pytest.fixture
def walk(tmp_path):
    """(journal path, practice interview id, target interview id)."""
    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path))
    now = datetime.now().astimezone()
    practice_id = book(journal, "Warm-up Ltd", "practice", now - timedelta(days=2),
                       "Junior Data Analyst", "First round")  # fmt: skip
    review(journal, practice_id, now, FIRST_PRACTICE)
    target_id = book(journal, "Dream Co", "target", now + timedelta(days=5),
                     "Marketing Analytics Lead", "Final")  # fmt: skip
    return path, practice_id, target_id


def links(at: AppTest) -> list[tuple[str, str, dict]]:
    """Every page link as (label, the page's URL path, query parameters)."""
    return [
        (link.value, link.proto.page, parse_qs(link.proto.query_string)) for link in at.page_link
    ]


def param(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    return value if value is None or isinstance(value, str) else value[0]


def follow(at: AppTest, page: str, **params: object) -> AppTest:
    """Open `page` as a deep link with these query parameters would."""
    for name, value in params.items():
        at.query_params[name] = str(value)
    at.run()
    return at.switch_page(page).run()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for kind in (at.success, at.warning, at.info, at.error) for e in kind]
    return "\n".join(str(p) for p in parts)


def brief_now(path, interview_id: int) -> readiness.Brief:
    cur = db.open_journal(str(path)).cursor()
    try:
        return readiness.readiness_brief(cur, interview_id, datetime.now().astimezone())
    finally:
        cur.close()


def test_home_offers_prepare_cram_and_practise_now_and_agrees_with_the_brief(app, walk):  # noqa: F811
    path, _, target = walk
    at = app(path).run()
    at.run()  # a rerun skips the entry script; the page must not care
    assert not at.exception
    brief = brief_now(path, target)
    assert readiness.rehearse_first(brief.likely) in texts(at).replace("\\", "")
    assert ("Prepare", "insights", {"interview": [str(target)]}) in links(at)
    assert ("Cram", "practice", {"section": ["cram"], "interview": [str(target)]}) in (links(at))
    assert ("Practise now", "practice", {}) in links(at)


def test_the_welcome_page_says_why_to_practise_first(app):  # noqa: F811
    at = app().run()
    assert "Practise where it costs little." in texts(at)
    assert "carry over to the brief for your target interviews" in texts(at)


def test_a_prepare_link_opens_the_brief_of_that_interview_and_keeps_it(app, walk):  # noqa: F811
    path, _, target = walk
    other = book(db.open_journal(str(path)), "Soon Ltd", "practice",
                 datetime.now().astimezone() + timedelta(days=1))  # fmt: skip
    at = app(path)
    at.query_params["interview"] = str(target)
    at.run()
    at.switch_page("pages/insights.py").run()
    for _ in range(2):  # reruns skip the entry script; the brief stays
        assert not at.exception
        assert at.selectbox(key="insights_brief_interview").value == target
        assert at.segmented_control(key="insights_section").value == "Readiness brief"
        at.run()
    shown = texts(at).replace("\\", "")
    assert "Tell me about yourself" in shown
    assert "asked for a similar role (Junior Data Analyst at Warm-up Ltd)" in shown
    assert {m.label: m.delta for m in at.metric}["Readiness"] == "a first guess"
    # Showing the brief kept it, for the scorecard after the interview.
    cur = db.open_journal(str(path)).cursor()
    assert likely.likely_questions(cur, target, datetime.now().astimezone()).kept == ("shown",)
    # Choosing another interview puts it in the URL: a refresh or a bookmark returns to it.
    at.selectbox(key="insights_brief_interview").set_value(other).run()
    assert param(at, "interview") == str(other)
    at.segmented_control(key="insights_section").set_value("Predictions").run()
    assert "interview" not in at.query_params


def test_once_the_brief_is_kept_its_views_and_the_review_rerun_without_writing(app, walk):  # noqa: F811
    """Every write checkpoints the journal and drops remembered reads: showing the
    brief writes its snapshot once, and no later run of a page writes again."""
    path, practice_id, target = walk
    journal = db.open_journal(str(path))
    before = journal.generation
    follow(app(path), "pages/insights.py", interview=target)
    writes = journal.generation
    assert writes == before + 1  # the "shown" snapshot
    runs = [
        follow(app(path), "pages/insights.py", interview=target),
        follow(app(path), "pages/home.py"),
        follow(app(path), "pages/practice.py", section="cram", interview=target),
        follow(app(path), "pages/practice.py", interview=practice_id),
    ]
    summary = app(path)
    summary.session_state["review_interview"] = practice_id
    summary.run()
    runs.append(summary.switch_page("pages/review.py").run())
    for at in runs:
        at.run()
        assert not at.exception
    assert journal.generation == writes


def test_a_prepare_link_for_an_interview_no_longer_upcoming_says_so(app, walk):  # noqa: F811
    path, practice_id, target = walk
    at = follow(app(path), "pages/insights.py", interview=practice_id)
    assert not at.exception
    assert "That interview is no longer upcoming" in texts(at)
    assert at.selectbox(key="insights_brief_interview").value == target


def test_a_cram_link_crams_the_brief_s_cards_for_that_interview(app, walk):  # noqa: F811
    path, _, target = walk
    at = follow(app(path), "pages/practice.py", section="cram", interview=target)
    at.run()  # a rerun skips the entry script; the page must not care
    assert not at.exception
    assert at.segmented_control(key="practice_section").value == "cram"
    assert at.selectbox(key="practice_cram_interview").value == target
    brief = brief_now(path, target)
    shown = texts(at).replace("\\", "")
    assert "The brief lists **4 likely questions**" in shown
    # The same cards as the brief's "rehearse first", in its order: the first on screen.
    assert at.markdown[[m.value for m in at.markdown].index("### Tell me about yourself")]
    assert [q.text for q in brief.likely.to_rehearse][0] == "Tell me about yourself"
    listed = next(m.value for m in at.markdown if m.value.startswith("- **")).replace("\\", "")
    assert [line.split("**")[1] for line in listed.splitlines() if line.startswith("- **")] == [
        q.text for q in brief.likely.to_rehearse
    ]


def test_rehearse_these_now_rehearses_the_weak_answers_of_one_review(app, walk):  # noqa: F811
    path, practice_id, _ = walk
    at = follow(app(path), "pages/practice.py", interview=practice_id)
    assert not at.exception
    assert "Rehearse the weak answers from Warm-up Ltd · Junior Data Analyst · First round" in (
        texts(at)
    )
    assert "**4** of 4 weak answers left to rehearse today" in texts(at)
    at.button(key="practice_these_back").click().run()
    assert "interview" not in at.query_params
    assert "Rehearse the weak answers" not in texts(at)


def test_the_review_summary_scores_the_brief_and_offers_rehearse_these_now(app, walk):  # noqa: F811
    path, _, target = walk
    journal = db.open_journal(str(path))
    now = datetime.now().astimezone()
    cur = journal.cursor()
    before = now - timedelta(hours=5)  # the brief was opened before the interview
    predictions.keep(journal, likely.likely_questions(cur, target, before), "shown", before)
    journal.write(  # the interview took place this morning
        lambda c: c.execute(
            "UPDATE interviews SET scheduled_at = ? WHERE id = ?",
            [now - timedelta(hours=3), target],
        )
    )
    review(journal, target, now, [
        ("Tell me about yourself", "career_planning", STRONG),
        ("Why marketing analytics?", "motivation_fit", WEAK),
        ("What are your salary expectations?", "logistics_pay", WEAK),
    ])  # fmt: skip
    at = app(path)
    at.session_state["review_interview"] = target
    at.run()
    at.switch_page("pages/review.py").run()
    assert not at.exception
    shown = texts(at).replace("\\", "")
    assert "Your brief predicted 2 of the 3 questions asked" in shown
    assert "Surprises (1)" in shown and "- Why marketing analytics? :orange-badge" in shown
    assert ("Rehearse these now", "practice", {"interview": [str(target)]}) in links(at)


def test_every_upcoming_interview_offers_prepare_and_cram_targets_listed_apart(app, walk):  # noqa: F811
    path, _, target = walk
    soon = book(db.open_journal(str(path)), "Warm-up Two", "practice",
                datetime.now().astimezone() + timedelta(days=1))  # fmt: skip
    at = app(path).run()
    at.switch_page("pages/interviews.py").run()
    assert not at.exception
    headings = [m.value for m in at.markdown if m.value.startswith("#####")]
    assert headings == [
        "##### :violet[Target interviews] (1)",
        "##### :blue[Practice interviews] (1)",
    ]
    for interview_id in (target, soon):
        assert ("Prepare", "insights", {"interview": [str(interview_id)]}) in links(at)
        assert (
            "Cram",
            "practice",
            {"section": ["cram"], "interview": [str(interview_id)]},
        ) in links(at)
    at.session_state["interviews_tab"] = "held"
    at.run()
    at.segmented_control(key="interviews_held_kind").set_value("target").run()
    assert "No interviews of this kind held yet." in texts(at)
    at.segmented_control(key="interviews_held_kind").set_value("practice").run()
    assert "Warm-up Ltd" in texts(at)


def test_the_company_form_says_why_to_mark_practice_and_target(app):  # noqa: F811
    at = app().run()
    at.switch_page("pages/interviews.py").run()
    at.session_state["interviews_tab"] = "companies"
    at.session_state["interviews_adding_company"] = True
    at.run()
    assert "carry over to the brief for your target interviews" in texts(at)

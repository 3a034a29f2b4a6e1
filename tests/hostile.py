"""A journal whose every text field holds hostile Markdown and HTML, built the way the
forms build it: through the domain functions.

Each text is `hostile(tag)`: a tag that tells the fields apart (and keeps names unique),
then PAYLOAD between ⟦ and ⟧, so a page's text can be searched for every place a
field is shown and each must read exactly PAYLOAD (or a prefix of it ending in "…",
where a sentence quotes it shortened).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from coach import actions, companies, db, interviews, practice, predictions, reviews, stories
from coach.interviews import InterviewFields
from coach.likely import likely_questions
from coach.reviews import NewAsk

# Markdown emphasis, a remote image, LaTeX, Streamlit's dash, HTML and a javascript: link.
PAYLOAD = "**x** ![i](http://evil.test/i.png) $a$ and $b$ -- <b>b</b> [x](javascript:alert(1))"
SHORT = "**x** <b>b</b>"  # for fields whose limit is shorter (a story's skills)
# For a folder's name, which holds no "/": the journal's folder shows in sentences too.
FOLDER = "**x** $a$ and $b$ -- <b>b [x](javascript:alert(1))"
OPEN, CLOSE = "⟦", "⟧"


def hostile(tag: str) -> str:
    return f"{tag} {OPEN}{PAYLOAD}{CLOSE}"


def shown_wrongly(text: str) -> list[str]:
    """Every place in `text` (a page's visible text) where a hostile field is not shown
    exactly as typed; each as the text found."""
    text = text.replace("\u2060", "")  # the invisible word joiner coach.text.md adds
    wrong = []
    start = text.find(OPEN)
    while start != -1:
        end = text.find(CLOSE, start)
        shown = text[start + 1 : end if end != -1 else start + 1 + len(PAYLOAD) + 1]
        shortened = shown.endswith("…") and PAYLOAD.startswith(shown[:-1].rstrip())
        exact = shown in (PAYLOAD, SHORT, FOLDER)
        if not exact and not shortened and not _cut_by_quote(text, start):
            wrong.append(shown)
        start = text.find(OPEN, start + 1)
    return wrong


def _cut_by_quote(text: str, start: int) -> bool:
    # A quoted question shortened to a whole word ends "…" before the closing bracket.
    piece = text[start + 1 : start + 1 + len(PAYLOAD)]
    cut = piece.find("…")
    return cut > 0 and PAYLOAD.startswith(piece[:cut].rstrip())


def folder(tag: str) -> str:
    """A folder name that is hostile text too."""
    return f"{tag} {OPEN}{FOLDER}{CLOSE}"


def build(path: str | Path, now: datetime) -> dict[str, int]:
    """Write the journal at `path`; `now` is aware. Returns ids the tests open pages by."""
    journal = db.open_journal(str(path), now=now)
    try:
        return _fill(journal, now)
    finally:
        db.close_journal(str(path))


def _fill(journal, now: datetime) -> dict[str, int]:
    target = companies.add_company(journal, hostile("Company A"), "target", hostile("notes A"))
    practice_co = companies.add_company(journal, hostile("Company B"), "practice", hostile("nB"))
    held = []
    shared = hostile("Question shared")
    for n in range(5):
        company = target if n % 2 else practice_co
        held.append(
            interviews.add_interview(
                journal,
                InterviewFields(
                    company_id=company,
                    scheduled_at=now - timedelta(days=30 - 6 * n, hours=3),
                    role=hostile(f"Role {n}"),
                    round=hostile(f"Round {n}"),
                    interviewer=hostile(f"Interviewer {n}"),
                    outcome="referred" if n == 1 else "pending",
                    notes=hostile(f"Interview notes {n}"),
                ),
            )
        )
    upcoming = interviews.add_interview(
        journal,
        InterviewFields(
            company_id=target,
            scheduled_at=now + timedelta(days=5),
            role=hostile("Role upcoming"),
            round=hostile("Round upcoming"),
            interviewer=hostile("Interviewer upcoming"),
        ),
    )
    story_ids = [
        stories.add_story(
            journal,
            stories.StoryFields(
                title=hostile(f"Story {n}"),
                situation=hostile(f"Situation {n}"),
                task=hostile(f"Task {n}"),
                action=hostile(f"Action {n}"),
                result=hostile(f"Result {n}"),
                skills=[f"S{n} {OPEN}{SHORT}{CLOSE}"],
            ),
        )
        for n in range(3)
    ]
    # Never told anywhere, missed at the target company: the brief offers it again.
    untold = stories.add_story(
        journal,
        stories.StoryFields(
            title=hostile("Story never told"),
            situation=hostile("Situation never told"),
            skills=[f"S3 {OPEN}{SHORT}{CLOSE}"],
        ),
    )
    signals = ["interrupted", "confused", "probed", "positive", "interrupted"]
    shared_id = None
    for n, interview_id in enumerate(held):
        at = now - timedelta(days=30 - 6 * n)
        # The brief was opened the day before: the review's summary scores it.
        before = at - timedelta(days=1)
        cur = journal.cursor()
        try:
            brief = likely_questions(cur, interview_id, before)
        finally:
            cur.close()
        predictions.keep(journal, brief, "shown", before)
        reviews.start_review(journal, interview_id, at)
        reviews.save_review(
            journal,
            interview_id,
            at,
            overall_rating=1 + n % 4,
            self_state=1 + n % 4,
            self_state_notes=hostile(f"Self state {n}"),
            interviewer_reaction="questioning",
            reaction_notes=hostile(f"Reaction {n}"),
            harmony=1 + n % 5,
            pace="too_fast",
            passionate_topics=hostile(f"Passion {n}"),
            advice=hostile(f"Advice {n}"),
            referral=hostile(f"Referral {n}") if n == 1 else "",
            led_by_interviewer=True,
        )
        ask_ids = reviews.add_asks(
            journal,
            interview_id,
            [NewAsk(shared, shared_id), NewAsk(hostile(f"Question {n}"))],
            at,
        )
        if shared_id is None:  # one bank question, asked in every interview
            shared_id = _question_of(journal, ask_ids[0])
        first_ask = ask_ids[0]
        for k, ask_id in enumerate(ask_ids):
            signal = signals[(n + k) % len(signals)]
            reviews.save_ask(
                journal,
                ask_id,
                at,
                answer_notes=hostile(f"Answer notes {n}.{k}"),
                what_went_wrong=hostile(f"Went wrong {n}.{k}") if signal != "positive" else "",
                signal=signal,
                self_score=4 if signal == "positive" else 2,
                cause=None if signal == "positive" else "wording",
            )
            if signal == "positive":
                reviews.keep_answer(journal, ask_id, at)
        for k, story_id in enumerate(story_ids):
            stories.set_story_use(
                journal, interview_id, story_id, ("told", "partly", "missed")[(n + k) % 3], at
            )
        if n % 2:  # at the target company
            stories.set_story_use(journal, interview_id, untold, "missed", at)
        actions.add_action(journal, interview_id, "questions", hostile(f"Action {n}"), at)
        reviews.complete_review(journal, interview_id, at)

    cur = journal.cursor()
    try:
        card_ids = [row[0] for row in cur.execute("SELECT id FROM cards ORDER BY id").fetchall()]
    finally:
        cur.close()
    for n, card_id in enumerate(card_ids):
        practice.save_answer(journal, card_id, hostile(f"Best answer {n}"), now=now)
    # The first card lapses until it is a leech; the second has a rehearsal on record.
    leech = card_ids[0]
    moment = now - timedelta(days=60)
    for _ in range(12):
        practice.rehearse(
            journal, leech, 3, at=moment, duration_ms=60_000, attempt=hostile("Attempt"),
            fuzzing=False,
        )  # fmt: skip
        moment += timedelta(days=2)
        result = practice.rehearse(
            journal, leech, 1, at=moment, duration_ms=60_000, attempt=hostile("Attempt"),
            fuzzing=False,
        )  # fmt: skip
        moment += timedelta(days=1)
        if result.is_leech:
            break
    practice.rehearse(
        journal, card_ids[1], 2, at=now - timedelta(days=3), duration_ms=90_000,
        attempt=hostile("Attempt 2"), fuzzing=False,
    )  # fmt: skip
    return {
        "interview": held[-1],
        "ask": first_ask,  # of that interview
        "upcoming": upcoming,
        "leech": leech,
    }


def _question_of(journal, ask_id: int) -> int:
    cur = journal.cursor()
    try:
        return cur.execute("SELECT question_id FROM asks WHERE id = ?", [ask_id]).fetchone()[0]
    finally:
        cur.close()

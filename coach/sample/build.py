"""Building a sample journal: the shape (`coach.sample.shape`) in one language's words.

The shape says who, when and how each answer went; a language module (`english`,
`chinese`) gives its keys words: COMPANIES, INTERVIEWS, CUSTOM_DIMENSIONS, QUESTIONS,
ASKS, EVIDENCE, REVIEWS, STORIES, ACTIONS, ANSWERS and ATTEMPT_NOTES. This module turns
the two into rows by the app's own rules (review depth, weak asks, cards, predictions),
so the samples differ in words and people, never in how they are made.

Every date is relative to `now`, so the sample always looks current, and the same
`now` always gives the same content: the only randomness is a `random.Random` with
a fixed seed, and every timestamp is passed explicitly. Cards are created with
`ensure_card` and their history is made by running `record_rehearsal` with a
fuzzing-off scheduler, so card state is exactly what fsrs computes.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from types import ModuleType

import duckdb

from coach import db, i18n
from coach.errors import InvalidInput
from coach.likely import likely_questions
from coach.predictions import insert as insert_prediction
from coach.review_rules import is_doubted_ask, is_weak_ask, review_depth
from coach.sample import chinese, english, shape
from coach.scheduling import ensure_card, make_scheduler, record_rehearsal
from coach.settings import DEFAULTS, set_setting

SEED = 20260316
# The languages a sample is written in, and the words of each.
CONTENT: dict[str, ModuleType] = {i18n.ENGLISH: english, i18n.CHINESE: chinese}
# The journal setting that holds the language the app speaks (coach_ui.language).
LANGUAGE_SETTING = "language"


def content(lang: str) -> ModuleType:
    """The sample's words in `lang` (a key of coach.i18n.LANGUAGES)."""
    try:
        return CONTENT[lang]
    except KeyError:
        raise InvalidInput(
            i18n._("There is no sample in {lang}: choose one of {choices}.").format(
                lang=lang, choices=", ".join(CONTENT)
            )
        ) from None


@dataclass(frozen=True)
class Clock:
    """Times relative to `now`'s date, in UTC."""

    now: datetime

    def at(self, day: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(self.now.date() + timedelta(days=day), time(hour, minute), UTC)

    def day(self, moment: datetime) -> int:
        return (moment.date() - self.now.date()).days


def build_sample(journal: db.Journal, now: datetime, lang: str = i18n.ENGLISH) -> None:
    """Fill an empty, migrated journal with the sample written in `lang`, in one transaction.

    A sample in another language than English keeps it as the journal's language, so
    the app speaks it whatever the browser's, until the candidate chooses another in the
    settings. The English sample holds no setting and follows the browser, as it always
    has: its file, and what it exports, stay exactly as before.
    """
    clock = Clock(now.astimezone(UTC))
    words = content(lang)
    # Texts the app's own rules write (a prediction's reasons) are in the sample's language.
    with i18n.speaking(lang):
        journal.write(lambda cur: _build(cur, clock, words, lang))


def _build(cur: duckdb.DuckDBPyConnection, clock: Clock, w: ModuleType, lang: str) -> None:
    filled = cur.execute(
        "SELECT (SELECT count(*) FROM interviews) + (SELECT count(*) FROM companies)"
        " + (SELECT count(*) FROM questions) + (SELECT count(*) FROM stories)"
    ).fetchone()[0]
    if filled:
        raise InvalidInput(i18n._("The sample can only be built into an empty journal."))
    if lang != i18n.ENGLISH:
        set_setting(cur, LANGUAGE_SETTING, lang)
    companies = _add_companies(cur, clock, w)
    interviews = _add_interviews(cur, clock, w, companies)
    asks, questions = _add_asks(cur, clock, w, interviews)
    _add_reviews(cur, clock, w, interviews)
    _add_stories(cur, clock, w, interviews, asks)
    _add_actions(cur, clock, w, interviews)
    _add_answers(cur, clock, w, asks, questions)
    _add_predictions(cur, clock, interviews)
    cards = _add_cards(cur, clock, questions)
    _rehearse(cur, clock, w, cards, random.Random(SEED))


def _review_time(clock: Clock, interview: str) -> datetime:
    """Reviews happen the same evening (DESIGN.md): at 19:00 UTC."""
    return clock.at(_day(interview), 19)


def _day(interview: str) -> int:
    return next(day for key, _company, day, *_ in shape.INTERVIEWS if key == interview)


def _add_companies(cur, clock: Clock, w: ModuleType) -> dict[str, int]:
    ids = {}
    for key, kind in shape.COMPANIES:
        name, notes = w.COMPANIES[key]
        first_day = min(day for _key, company, day, *_ in shape.INTERVIEWS if company == key)
        ids[key] = cur.execute(
            "INSERT INTO companies (name, kind, notes, created_at) VALUES (?, ?, ?, ?) "
            "RETURNING id",
            [name, kind, notes, clock.at(min(first_day, 0) - 7, 18)],
        ).fetchone()[0]
    return ids


def _add_interviews(cur, clock: Clock, w: ModuleType, companies: dict[str, int]) -> dict[str, int]:
    ids = {}
    for key, company, day, hour, format_, outcome in shape.INTERVIEWS:
        role, round_, interviewer = w.INTERVIEWS[key]
        ids[key] = cur.execute(
            """
            INSERT INTO interviews (company_id, role, round, scheduled_at, format, interviewer,
                                    outcome, notes, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, '', ?) RETURNING id
            """,
            [companies[company], role, round_, clock.at(day, hour), format_, interviewer,
             outcome, clock.at(min(day - 5, -1), 18, 30)],
        ).fetchone()[0]  # fmt: skip
    return ids


def _add_asks(cur, clock: Clock, w: ModuleType, interviews: dict[str, int]):
    """Questions enter the bank at their first asking. Returns ask and question ids."""
    cur.executemany(
        "INSERT INTO dimensions (key, label, position, builtin) VALUES (?, ?, ?, false)",
        [(key, w.CUSTOM_DIMENSIONS[key], 100 + i) for i, key in enumerate(shape.CUSTOM_DIMENSIONS)],
    )
    questions: dict[str, int] = {}
    asks: dict[tuple[str, str], int] = {}
    for interview, rows in shape.ASKS.items():
        for position, (question, score, signal, cause) in enumerate(rows, 1):
            notes, wrong = w.ASKS[interview][question]
            at = _review_time(clock, interview) + timedelta(minutes=3 * position)
            if question not in questions:
                questions[question] = _add_question(cur, w, question, at)
            asks[interview, question] = cur.execute(
                """
                INSERT INTO asks (interview_id, question_id, position, answer_notes, self_score,
                                  signal, cause, what_went_wrong, background, problem,
                                  my_actions, evidence, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [interviews[interview], questions[question], position, notes, score, signal,
                 cause, wrong, *w.EVIDENCE.get((interview, question), ("", "", "", "")), at],
            ).fetchone()[0]  # fmt: skip
    for question in shape.MANUAL_CARDS:
        questions[question] = _add_question(cur, w, question, clock.now - timedelta(hours=2))
    return asks, questions


def _add_question(cur, w: ModuleType, key: str, at: datetime) -> int:
    return cur.execute(
        "INSERT INTO questions (text, dimension, created_at) VALUES (?, ?, ?) RETURNING id",
        [w.QUESTIONS[key], shape.QUESTIONS[key], at],
    ).fetchone()[0]


# Interviews whose brief the candidate opened the evening before (from the first target
# interview on), so their reviews show how well it predicted them.
def _briefs_opened() -> list[str]:
    """The reviewed interviews from the first one that is not practice on."""
    practice = {key for key, kind in shape.COMPANIES if kind == "practice"}
    company = {key: held_at for key, held_at, *_ in shape.INTERVIEWS}
    return [key for key in shape.ASKS if company[key] not in practice]


def _add_predictions(cur, clock: Clock, interviews: dict[str, int]) -> None:
    """The brief as it stood the evening before each interview of `_briefs_opened`, made by
    the app's own rules from the interviews held by then (before any card exists, so no
    rehearsal state from later leaks into it)."""
    for key in _briefs_opened():
        evening = clock.at(_day(key) - 1, 20)
        found = likely_questions(cur, interviews[key], evening)
        insert_prediction(cur, found, "shown", evening)


def _add_reviews(cur, clock: Clock, w: ModuleType, interviews: dict[str, int]) -> None:
    for key, facts in shape.REVIEWS.items():
        r = facts | w.REVIEWS[key]
        start = _review_time(clock, key)
        depth = review_depth(r["rating"])  # the rating sets the depth, and the time taken
        done = start + timedelta(minutes=depth.minutes)
        cur.execute(
            """
            INSERT INTO reviews (interview_id, status, step, depth, overall_rating, self_state,
                self_state_notes, interviewer_reaction, reaction_notes, harmony, pace,
                passionate_topics, advice, referral, led_by_interviewer, started_at,
                updated_at, completed_at, nerves)
            VALUES (?, 'completed', 'summary', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [interviews[key], depth.key, r["rating"], r["self_state"], r["self_notes"],
             r["reaction"], r["reaction_notes"], r["harmony"], r["pace"], r["passionate"],
             r["advice"], r["referral"], r["led"], start, done, done, r.get("nerves")],
        )  # fmt: skip
    key, r = shape.DRAFT_REVIEW
    start = _review_time(clock, key)
    cur.execute(
        """
        INSERT INTO reviews (interview_id, status, step, depth, overall_rating, self_state,
            interviewer_reaction, started_at, updated_at)
        VALUES (?, 'draft', 'questions', ?, ?, ?, ?, ?, ?)
        """,
        [interviews[key], review_depth(r["rating"]).key, r["rating"], r["self_state"],
         r["reaction"], start, start + timedelta(minutes=20)],
    )  # fmt: skip


def _add_stories(cur, clock: Clock, w: ModuleType, interviews: dict[str, int], asks) -> None:
    stories = {}
    for key, day in shape.STORIES.items():
        title, situation, task, action, result, skills = w.STORIES[key]
        stories[key] = cur.execute(
            """
            INSERT INTO stories (title, situation, task, action, result, skills, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            [title, situation, task, action, result, json.dumps(skills), clock.at(day, 20)],
        ).fetchone()[0]
    rows = []
    for interview, uses in shape.STORY_USES.items():
        for story, use in uses:
            reason, where = shape.STORY_MISSES.get((interview, story), (None, None))
            bridge = asks[interview, where] if where else None
            rows.append((interviews[interview], stories[story], use, reason, bridge))
    cur.executemany(
        "INSERT INTO story_uses (interview_id, story_id, use, missed_reason, bridge_ask_id)"
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )


def _add_actions(cur, clock: Clock, w: ModuleType, interviews: dict[str, int]) -> None:
    for i, (interview, aspect, source, done_day) in enumerate(shape.ACTIONS):
        text = w.ACTIONS[interview, aspect, source]
        created = (
            _review_time(clock, interview) + timedelta(minutes=40 + i % 5)
            if interview
            else clock.at(-21, 20)
        )
        cur.execute(
            """
            INSERT INTO actions (interview_id, aspect, source, text, status, created_at, done_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [interviews.get(interview), aspect, source, text,
             "open" if done_day is None else "done", created,
             None if done_day is None else clock.at(done_day, 21)],
        )  # fmt: skip


def _add_answers(cur, clock: Clock, w: ModuleType, asks, questions: dict[str, int]) -> None:
    for question, day, source, interview in shape.ANSWERS:
        text = w.ANSWERS[question, day]
        ask_id = asks[interview, question] if interview else None
        cur.execute(
            "INSERT INTO answers (question_id, text, source, ask_id, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [questions[question], text, source, ask_id, clock.at(day, 21, 15)],
        )


@dataclass
class _Card:
    id: int
    question: str
    created: datetime
    due: datetime
    lapses: int = 0
    reps: int = 0


def _add_cards(cur, clock: Clock, questions: dict[str, int]) -> list[_Card]:
    cards: dict[str, _Card] = {}
    # A question answered weakly anywhere rehearses the answer; one only ever probed
    # though scored good prepares evidence (coach.reviews, as the review decides it).
    weak_anywhere = {
        row[0] for rows in shape.ASKS.values() for row in rows if is_weak_ask(*row[1:])
    }
    for interview, rows in shape.ASKS.items():
        for question, score, signal, cause in rows:
            weak, doubted = is_weak_ask(score, signal, cause), is_doubted_ask(score, signal)
            if weak or doubted:
                at = _review_time(clock, interview) + timedelta(minutes=30)
                card_id, _ = ensure_card(
                    cur, questions[question], origin="weak_ask", now=at,
                    kind="answer" if question in weak_anywhere else "evidence",
                )  # fmt: skip
                cards.setdefault(question, _Card(card_id, question, at, at))
    for question in shape.MANUAL_CARDS:
        at = clock.now - timedelta(hours=2)
        ensure_card(cur, questions[question], origin="manual", now=at)
    return list(cards.values())


def _rehearse(cur, clock: Clock, w: ModuleType, cards: list[_Card], rng: random.Random) -> None:
    """Practice evenings from the first card on, with nights off.

    None yesterday (the final round held then) or today yet, so some cards are due today.
    """
    scheduler = make_scheduler(fuzzing=False)
    threshold = DEFAULTS["leech_threshold"]
    first = clock.day(min(card.created for card in cards)) + 1
    for day in range(first, -1):
        if rng.random() < 0.2:
            continue  # a night off
        session = clock.at(day, 19, 30) + timedelta(minutes=rng.randrange(90))
        for card in cards:
            retired = shape.RETIRED.get(card.question)
            if card.created > session or card.due.date() > session.date():
                continue
            if retired is not None and day >= retired:
                continue
            grade = _grade(card, rng)
            result = record_rehearsal(
                cur, card.id, grade, at=session, duration_ms=rng.randrange(35, 150) * 1000,
                attempt=rng.choice(w.ATTEMPT_NOTES[grade]), scheduler=scheduler,
                leech_threshold=threshold,
            )  # fmt: skip
            card.due, card.lapses, card.reps = result.due, result.lapses, result.reps
            session += timedelta(seconds=rng.randrange(60, 240))
    for question in shape.RETIRED:
        card = next(c for c in cards if c.question == question)
        cur.execute("UPDATE cards SET status = 'retired' WHERE id = ?", [card.id])


def _grade(card: _Card, rng: random.Random) -> int:
    """A plausible grade: often forgotten at first, better with every rehearsal."""
    if card.question == shape.NEAR_LEECH:
        # Forgotten every other time until one lapse short of a leech.
        if card.lapses < DEFAULTS["leech_threshold"] - 1:
            return 1 if card.reps % 2 == 1 else 2
        return 3 if card.reps % 3 else 2
    forgot = rng.random() < max(0.06, 0.4 - 0.09 * card.reps)
    if forgot and card.lapses < 2:
        return 1
    return rng.choices([2, 3, 4], weights=[3, 6, 1 + card.reps // 2])[0]

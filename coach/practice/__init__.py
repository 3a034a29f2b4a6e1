"""Practice: the queue of cards to rehearse, cramming for an interview, leeches, progress.

One module per part of the practice page, each with its rules in its docstring:
`queue` (today's queue, ahead of schedule, leeches, *Rehearse these* after a review),
`cram` (for an upcoming interview), `rehearsal` (one card, rehearsing it, its answers),
`browser` (the card browser, cards added or retired by hand), `progress`, `settings`;
`cards` holds what they share (a card as listed, its SQL, filters). The names below are
the package's public face, so a caller writes `practice.todays_queue(...)`.

Reads take a cursor, writes take the Journal. "Now" is always a parameter, aware, in
the candidate's zone (it decides where "today" begins and ends); times are stored UTC.
"""

from __future__ import annotations

from coach.practice.browser import (
    BROWSER_PAGE_SIZE,
    BROWSER_SORTS,
    SORT_LABELS,
    BankQuestion,
    CardPage,
    add_card,
    add_question_card,
    browse_cards,
    questions_without_card,
    reset_cards,
    set_status,
)
from coach.practice.cards import CardRow, card_companies, card_dimensions
from coach.practice.cram import CramPlan, cram_plan
from coach.practice.progress import STREAK_LOOKBACK_DAYS, Progress, progress
from coach.practice.queue import (
    QUEUE_LIMIT,
    InterviewCards,
    Queue,
    ahead_of_schedule,
    interview_cards,
    leeches,
    todays_queue,
)
from coach.practice.rehearsal import (
    GRADE_RUBRIC,
    AnswerVersion,
    AskContext,
    CardDetail,
    answer_versions,
    card_detail,
    card_details,
    length_advice,
    length_text,
    rehearse,
    rewrite_leech,
    save_answer,
    wav_seconds,
)
from coach.practice.settings import (
    LEECH_THRESHOLD_RANGE,
    RETENTION_RANGE,
    PracticeSettings,
    practice_settings,
    save_practice_settings,
)

__all__ = [
    "AnswerVersion",
    "AskContext",
    "BROWSER_PAGE_SIZE",
    "BROWSER_SORTS",
    "BankQuestion",
    "CardDetail",
    "CardPage",
    "CardRow",
    "CramPlan",
    "GRADE_RUBRIC",
    "InterviewCards",
    "LEECH_THRESHOLD_RANGE",
    "PracticeSettings",
    "Progress",
    "QUEUE_LIMIT",
    "Queue",
    "RETENTION_RANGE",
    "SORT_LABELS",
    "STREAK_LOOKBACK_DAYS",
    "add_card",
    "add_question_card",
    "ahead_of_schedule",
    "answer_versions",
    "browse_cards",
    "card_companies",
    "card_detail",
    "card_details",
    "card_dimensions",
    "cram_plan",
    "interview_cards",
    "leeches",
    "length_advice",
    "length_text",
    "practice_settings",
    "progress",
    "questions_without_card",
    "rehearse",
    "reset_cards",
    "rewrite_leech",
    "save_answer",
    "save_practice_settings",
    "set_status",
    "todays_queue",
    "wav_seconds",
]

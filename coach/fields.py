"""One rule per stored field: what may be saved in it, whichever way it comes in.

The forms (through the domain functions they call), the `coach` command and the import
all check a value with `check(table, column, value)` and get back the value to store,
or `InvalidInput` whose message names the field and says what to do. A rule is written
once here, so a value the forms refuse cannot arrive by an import file either.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from coach import vocabulary as v
from coach.errors import InvalidInput
from coach.migrations import IDENTIFIED_BY_UID

# Generous limits: a long answer is a few thousand words; a name is a line.
NAME_LIMIT = 200
QUESTION_LIMIT = 1_000
ACTION_LIMIT = 2_000
SKILL_LIMIT = 80
SKILLS_MAX = 30
# A likely question's reason names a company, a role and a round (each a name at most).
REASON_LIMIT = 1_000
REASONS_MAX = 20
TEXT_LIMIT = 200_000
# Interviews, rehearsals and every recorded moment fall within these years.
YEARS = (1900, 2200)
# The longest rehearsal kept: a day (a recording claiming more is damaged).
LONGEST_REHEARSAL_MS = 24 * 3600 * 1000
# An answer measured from a transcript: no answer runs as long as a whole day.
LONGEST_ANSWER_MS = 24 * 3600 * 1000
# A kept transcript, in characters: a whole day of calls is about 2 million.
TRANSCRIPT_LIMIT = 5_000_000
AUDIO_LIMIT = 50 * 1024 * 1024  # bytes: an hour of speech as 16 kHz WAV is about 115 MB


@dataclass(frozen=True)
class Text:
    label: str
    limit: int = TEXT_LIMIT
    required: bool = False

    def check(self, value: Any) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise InvalidInput(f"{self.label} must be text.")
        text = value.strip()
        if "\x00" in text:
            raise InvalidInput(
                f"{self.label} contains an invisible NUL character (often from pasting "
                "binary data). Remove it and save again."
            )
        if len(text) > self.limit:
            raise InvalidInput(
                f"{self.label} is {len(text):,} characters long; the limit is {self.limit:,}. "
                "Shorten it and save again."
            )
        if self.required and not text:
            raise InvalidInput(f"{self.label} cannot be empty.")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate, e.g. from a JSON escape
            raise InvalidInput(
                f"{self.label} holds a broken character (an unpaired surrogate); retype it."
            ) from error
        return text


@dataclass(frozen=True)
class OptionalText(Text):
    """Text in a column that may hold nothing (NULL), which stays nothing."""

    def check(self, value: Any) -> str | None:
        return None if value is None else super().check(value)


@dataclass(frozen=True)
class Number:
    label: str
    low: float
    high: float
    whole: bool = True
    unit: str = ""

    def check(self, value: Any) -> int | float | None:
        if value is None:
            return None
        kind = int if self.whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, kind):
            raise InvalidInput(f"{self.label} must be a {'whole ' if self.whole else ''}number.")
        if not math.isfinite(value) or not self.low <= value <= self.high:
            unit = f" {self.unit}" if self.unit else ""
            raise InvalidInput(
                f"{self.label} must be between {self.low:g} and {self.high:g}{unit}, not {value:g}."
            )
        return value if self.whole else float(value)


@dataclass(frozen=True)
class Choice:
    label: str
    choices: Mapping[Any, Any]

    def check(self, value: Any) -> Any:
        if value is None:
            return None
        # True == 1 in Python: a boolean is never a numbered choice, nor a number a yes/no.
        is_yes_no = all(isinstance(key, bool) for key in self.choices)
        if isinstance(value, bool) != is_yes_no or value not in self.choices:
            allowed = ", ".join(repr(k) for k in self.choices)
            raise InvalidInput(f"{self.label} cannot be {value!r:.40}; it is one of {allowed}.")
        return value


@dataclass(frozen=True)
class Moment:
    label: str

    def check(self, value: Any) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise InvalidInput(f"{self.label} needs a date, a time and a time zone.")
        low, high = YEARS
        if not low <= value.year <= high:
            raise InvalidInput(
                f"{value.year} is not a plausible year for {self.label.lower()} "
                f"(between {low} and {high})."
            )
        return value.astimezone(UTC)


@dataclass(frozen=True)
class JsonList:
    """A JSON array kept as text: of texts under `item` (stories' skills), or of anything."""

    label: str
    item: Text | None = None
    most: int = 1_000

    def check(self, value: Any) -> str:
        items = value
        if isinstance(value, str):
            try:
                items = json.loads(value)
            except (json.JSONDecodeError, RecursionError) as error:
                raise InvalidInput(f"{self.label} must be a JSON list.") from error
        if not isinstance(items, list | tuple):
            raise InvalidInput(f"{self.label} must be a list.")
        if len(items) > self.most:
            raise InvalidInput(f"List at most {self.most} items under {self.label.lower()}.")
        if self.item is not None:
            items = [self.item.check(item) for item in items]
        return json.dumps(list(items), ensure_ascii=False)


@dataclass(frozen=True)
class Blob:
    label: str
    limit: int = AUDIO_LIMIT

    def check(self, value: Any) -> bytes | None:
        if value is None:
            return None
        if len(value) > self.limit:
            raise InvalidInput(
                f"{self.label} is {len(value) / 1e6:,.0f} MB; the limit is "
                f"{self.limit / 1e6:,.0f} MB."
            )
        return bytes(value)


@dataclass(frozen=True)
class Identity:
    """A row's identity across journals (coach.migrations, "Row identity"): a UUID,
    written as text in an export. No form shows it; the import reads it."""

    label: str = "The row's identity"

    def check(self, value: Any) -> uuid.UUID | None:
        if value is None or isinstance(value, uuid.UUID):
            return value
        try:
            return uuid.UUID(value)
        except (ValueError, TypeError, AttributeError) as error:
            raise InvalidInput(
                f"{self.label} must be a UUID (such as 7e0f3c52-3f0e-4a8e-9d1a-2b9f6f1c0a11), "
                f"not {value!r:.40}."
            ) from error


_CREATED = Moment("The time it was recorded")
YES_NO = {True: "Yes", False: "No"}

RULES: dict[tuple[str, str], Any] = {
    ("companies", "name"): Text("Company name", NAME_LIMIT, required=True),
    ("companies", "kind"): Choice("Company kind", v.COMPANY_KINDS),
    ("companies", "notes"): Text("Company notes"),
    ("companies", "created_at"): _CREATED,
    ("interviews", "role"): Text("Role", NAME_LIMIT),
    ("interviews", "round"): Text("Round", NAME_LIMIT),
    ("interviews", "scheduled_at"): Moment("An interview"),
    ("interviews", "format"): Choice("Interview format", v.INTERVIEW_FORMATS),
    ("interviews", "interviewer"): Text("Interviewer", NAME_LIMIT),
    ("interviews", "outcome"): Choice("Outcome", v.OUTCOMES),
    ("interviews", "notes"): Text("Notes"),
    ("interviews", "created_at"): _CREATED,
    ("reviews", "status"): Choice("Review status", v.REVIEW_STATUSES),
    ("reviews", "step"): Choice("Review step", v.REVIEW_STEPS),
    ("reviews", "depth"): Choice("Review depth", v.REVIEW_DEPTHS),
    ("reviews", "overall_rating"): Choice("Overall rating", v.OVERALL_RATINGS),
    ("reviews", "self_state"): Choice("How confidently you came across", v.SELF_STATES),
    ("reviews", "self_state_notes"): Text("Notes on how you came across"),
    ("reviews", "nerves"): Choice("Nerves", v.NERVES),
    ("reviews", "interviewer_reaction"): Choice(
        "The interviewer's reaction", v.INTERVIEWER_REACTIONS
    ),
    ("reviews", "reaction_notes"): Text("Notes on the interviewer's reaction"),
    ("reviews", "harmony"): Choice("Harmony", dict.fromkeys(range(1, 6))),
    ("reviews", "pace"): Choice("Pace", v.PACES),
    ("reviews", "passionate_topics"): Text("Topics you were passionate about"),
    ("reviews", "advice"): Text("The interviewer's advice"),
    ("reviews", "referral"): Text("The referral"),
    ("reviews", "led_by_interviewer"): Choice("Led by the interviewer", YES_NO),
    ("reviews", "offered_actions"): JsonList("Offered actions", most=10_000),
    ("reviews", "started_at"): _CREATED,
    ("reviews", "updated_at"): _CREATED,
    ("reviews", "completed_at"): _CREATED,
    ("dimensions", "key"): Text("Dimension key", NAME_LIMIT, required=True),
    ("dimensions", "label"): Text("Dimension", NAME_LIMIT, required=True),
    ("dimensions", "position"): Number("Dimension position", 0, 10_000),
    ("questions", "text"): Text("A question", QUESTION_LIMIT, required=True),
    ("questions", "created_at"): _CREATED,
    ("asks", "position"): Number("Question position", 0, 10_000),
    ("asks", "answer_notes"): Text("What you answered"),
    ("asks", "self_score"): Choice("My score", v.SELF_SCORES),
    ("asks", "signal"): Choice("The interviewer's signal", v.SIGNALS),
    ("asks", "cause"): Choice("Why it was weak", v.CAUSES),
    ("asks", "what_went_wrong"): Text("What went wrong"),
    ("asks", "background"): Text("Background"),
    ("asks", "problem"): Text("The problem"),
    ("asks", "my_actions"): Text("What I did"),
    ("asks", "evidence"): Text("Evidence"),
    ("asks", "created_at"): _CREATED,
    ("answers", "text"): Text("The answer", required=True),
    ("answers", "source"): Choice("Answer source", v.ANSWER_SOURCES),
    ("answers", "created_at"): _CREATED,
    ("stories", "title"): Text("The story's title", NAME_LIMIT, required=True),
    ("stories", "situation"): Text("Situation"),
    ("stories", "task"): Text("Task"),
    ("stories", "action"): Text("Action"),
    ("stories", "result"): Text("Result"),
    ("stories", "skills"): JsonList("Skills", Text("A skill", SKILL_LIMIT), most=SKILLS_MAX),
    ("stories", "created_at"): _CREATED,
    ("story_uses", "use"): Choice("Story use", v.STORY_USES),
    ("story_uses", "missed_reason"): Choice("Why the story was missed", v.MISSED_REASONS),
    ("actions", "aspect"): Choice("Aspect", v.ASPECTS),
    ("actions", "source"): Choice("Action source", v.ACTION_SOURCES),
    ("actions", "text"): Text("An action", ACTION_LIMIT, required=True),
    ("actions", "status"): Choice("Action status", v.ACTION_STATUSES),
    ("actions", "created_at"): _CREATED,
    ("actions", "done_at"): Moment("The time it was done"),
    ("cards", "origin"): Choice("Card origin", {"weak_ask": "", "manual": ""}),
    ("cards", "status"): Choice("Card status", v.CARD_STATUSES),
    ("cards", "kind"): Choice("Card kind", v.CARD_KINDS),
    ("cards", "fsrs_state"): Choice("Scheduler state", dict.fromkeys(range(1, 4))),
    ("cards", "fsrs_step"): Number("Scheduler step", 0, 100),
    # fsrs keeps stability (days) between 0.001 and its longest interval, 100 years.
    ("cards", "stability"): Number("Stability", 0.001, 36_500, whole=False, unit="days"),
    ("cards", "difficulty"): Number("Difficulty", 1, 10, whole=False),
    ("cards", "due"): Moment("A card's due date"),
    ("cards", "last_review"): Moment("A card's last rehearsal"),
    ("cards", "reps"): Number("Repetitions", 0, 1_000_000),
    ("cards", "lapses"): Number("Lapses", 0, 1_000_000),
    ("cards", "is_leech"): Choice("Leech", YES_NO),
    ("cards", "created_at"): _CREATED,
    ("rehearsals", "rated_at"): Moment("A rehearsal"),
    ("rehearsals", "grade"): Choice("Grade", v.GRADES),
    ("rehearsals", "duration_ms"): Number(
        "A rehearsal's duration", 0, LONGEST_REHEARSAL_MS, unit="ms"
    ),
    ("rehearsals", "attempt"): Text("What you said"),
    ("rehearsals", "audio"): Blob("The recording"),
    # A brief's prediction, kept before its interview (coach.predictions).
    ("predictions", "moment"): Choice("When the brief was kept", v.PREDICTION_MOMENTS),
    ("predictions", "taken_at"): Moment("The time the brief was kept"),
    ("predictions", "earlier_interviews"): Number("Earlier interviews", 0, 1_000_000),
    ("predictions", "likely_count"): Number("Likely questions", 0, 1_000_000),
    ("predicted_questions", "rank"): Number("A predicted question's rank", 1, 1_000_000),
    ("predicted_questions", "score"): Number("A predicted question's points", 0, 1_000),
    ("predicted_questions", "reasons"): JsonList(
        "Reasons", Text("A reason", REASON_LIMIT), most=REASONS_MAX
    ),
    ("predicted_questions", "to_rehearse"): Choice("To rehearse", YES_NO),
    ("predicted_questions", "recall"): Number("Predicted recall", 0, 1, whole=False),
    ("asks", "answer_ms"): Number("A measured answer time", 0, LONGEST_ANSWER_MS, unit="ms"),
    ("interviews", "calendar_uid"): OptionalText("The calendar event's identity", NAME_LIMIT * 5),
    ("transcripts", "file_name"): Text("The transcript's file name", NAME_LIMIT),
    ("transcripts", "format"): Choice("Transcript format", v.TRANSCRIPT_FORMATS),
    ("transcripts", "candidate"): Text("Your name in the transcript", NAME_LIMIT),
    ("transcripts", "text"): Text("The transcript", TRANSCRIPT_LIMIT, required=True),
    ("transcripts", "imported_at"): Moment("The time it was imported"),
    **{(table, "uid"): Identity() for table in (*IDENTIFIED_BY_UID, "predictions", "transcripts")},
}

# Settings are JSON values under a key; the known keys have a rule each.
SETTING_RULES: dict[str, Any] = {
    "desired_retention": Number("Desired retention", 0.70, 0.99, whole=False),
    "leech_threshold": Number("Leech threshold", 2, 20, unit="lapses"),
    # coach.transcripts.store: the speaker names the candidate chose as theirs.
    "transcript_my_names": JsonList("Your names in transcripts", Text("A name", NAME_LIMIT), 5),
}


def rule(table: str, column: str) -> Any:
    return RULES[(table, column)]


def check(table: str, column: str, value: Any) -> Any:
    """The value to store in `table.column`, or `InvalidInput` saying what is wrong."""
    return RULES[(table, column)].check(value)


def limit(table: str, column: str) -> int:
    """A text field's length limit, for a form's `max_chars`."""
    return RULES[(table, column)].limit


def check_setting(key: str, value: Any) -> Any:
    found = SETTING_RULES.get(key)
    return value if found is None else found.check(value)


def check_row(table: str, row: Mapping[str, Any]) -> None:
    """Rules that tie two fields of one row together (the import's rows; the domain
    functions keep them by construction)."""
    done = row.get("status") == "done"
    if table == "actions" and "status" in row and done != (row.get("done_at") is not None):
        raise InvalidInput(
            "An action is done exactly when it has the time it was done (“done_at”)."
        )
    if table == "settings" and isinstance(row.get("value"), str):
        try:
            value = json.loads(row["value"])
        except (json.JSONDecodeError, RecursionError) as error:
            raise InvalidInput(f"The setting {row.get('key')!r:.40} is not JSON.") from error
        check_setting(row.get("key", ""), value)

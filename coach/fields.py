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
from coach import wording
from coach.errors import InvalidInput
from coach.i18n import LANGUAGES, N_, _
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


def _lower(label: str) -> str:
    """A field's name inside a sentence: 'Skills' -> 'skills' (Chinese has no case)."""
    return label[:1].lower() + label[1:]


@dataclass(frozen=True)
class Text:
    label: str
    limit: int = TEXT_LIMIT
    required: bool = False

    def check(self, value: Any) -> str:
        if value is None:
            value = ""
        label = _(self.label)
        if not isinstance(value, str):
            raise InvalidInput(_("{label} must be text.").format(label=label))
        text = value.strip()
        if "\x00" in text:
            raise InvalidInput(
                _(
                    "{label} contains an invisible NUL character (often from pasting "
                    "binary data). Remove it and save again."
                ).format(label=label)
            )
        if len(text) > self.limit:
            raise InvalidInput(
                _(
                    "{label} is {n} characters long; the limit is {limit}. "
                    "Shorten it and save again."
                ).format(label=label, n=wording.number(len(text)), limit=wording.number(self.limit))
            )
        if self.required and not text:
            raise InvalidInput(_("{label} cannot be empty.").format(label=label))
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate, e.g. from a JSON escape
            raise InvalidInput(
                _("{label} holds a broken character (an unpaired surrogate); retype it.").format(
                    label=label
                )
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
        label = _(self.label)
        if isinstance(value, bool) or not isinstance(value, kind):
            message = (
                _("{label} must be a whole number.")
                if self.whole
                else _("{label} must be a number.")
            )
            raise InvalidInput(message.format(label=label))
        if not math.isfinite(value) or not self.low <= value <= self.high:
            if self.unit:
                message = _("{label} must be between {low} and {high} {unit}, not {value}.")
            else:
                message = _("{label} must be between {low} and {high}, not {value}.")
            raise InvalidInput(
                message.format(
                    label=label,
                    low=f"{self.low:g}",
                    high=f"{self.high:g}",
                    unit=_(self.unit),
                    value=f"{value:g}",
                )
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
            raise InvalidInput(
                _("{label} cannot be {value}; it is one of {allowed}.").format(
                    label=_(self.label), value=f"{value!r:.40}", allowed=allowed
                )
            )
        return value


@dataclass(frozen=True)
class Moment:
    label: str

    def check(self, value: Any) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise InvalidInput(
                _("{label} needs a date, a time and a time zone.").format(label=_(self.label))
            )
        low, high = YEARS
        if not low <= value.year <= high:
            raise InvalidInput(
                _("{year} is not a plausible year for {label} (between {low} and {high}).").format(
                    year=value.year, label=_lower(_(self.label)), low=low, high=high
                )
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
                raise InvalidInput(
                    _("{label} must be a JSON list.").format(label=_(self.label))
                ) from error
        if not isinstance(items, list | tuple):
            raise InvalidInput(_("{label} must be a list.").format(label=_(self.label)))
        if len(items) > self.most:
            raise InvalidInput(
                _("List at most {most} items under {label}.").format(
                    most=wording.number(self.most), label=_lower(_(self.label))
                )
            )
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
                _("{label} is {size} MB; the limit is {limit} MB.").format(
                    label=_(self.label),
                    size=wording.number(round(len(value) / 1e6)),
                    limit=wording.number(round(self.limit / 1e6)),
                )
            )
        return bytes(value)


@dataclass(frozen=True)
class Identity:
    """A row's identity across journals (coach.migrations, "Row identity"): a UUID,
    written as text in an export. No form shows it; the import reads it."""

    label: str = N_("The row's identity")

    def check(self, value: Any) -> uuid.UUID | None:
        if value is None or isinstance(value, uuid.UUID):
            return value
        try:
            return uuid.UUID(value)
        except (ValueError, TypeError, AttributeError) as error:
            raise InvalidInput(
                _(
                    "{label} must be a UUID (such as 7e0f3c52-3f0e-4a8e-9d1a-2b9f6f1c0a11), "
                    "not {value}."
                ).format(label=_(self.label), value=f"{value!r:.40}")
            ) from error


_CREATED = Moment(N_("The time it was recorded"))
YES_NO = {True: "Yes", False: "No"}

RULES: dict[tuple[str, str], Any] = {
    ("companies", "name"): Text(N_("Company name"), NAME_LIMIT, required=True),
    ("companies", "kind"): Choice(N_("Company kind"), v.COMPANY_KINDS),
    ("companies", "notes"): Text(N_("Company notes")),
    ("companies", "created_at"): _CREATED,
    ("interviews", "role"): Text(N_("Role"), NAME_LIMIT),
    ("interviews", "round"): Text(N_("Round"), NAME_LIMIT),
    ("interviews", "scheduled_at"): Moment(N_("An interview")),
    ("interviews", "format"): Choice(N_("Interview format"), v.INTERVIEW_FORMATS),
    ("interviews", "interviewer"): Text(N_("Interviewer"), NAME_LIMIT),
    ("interviews", "outcome"): Choice(N_("Outcome"), v.OUTCOMES),
    ("interviews", "notes"): Text(N_("Notes")),
    ("interviews", "created_at"): _CREATED,
    ("reviews", "status"): Choice(N_("Review status"), v.REVIEW_STATUSES),
    ("reviews", "step"): Choice(N_("Review step"), v.REVIEW_STEPS),
    ("reviews", "depth"): Choice(N_("Review depth"), v.REVIEW_DEPTHS),
    ("reviews", "overall_rating"): Choice(N_("Overall rating"), v.OVERALL_RATINGS),
    ("reviews", "self_state"): Choice(N_("How confidently you came across"), v.SELF_STATES),
    ("reviews", "self_state_notes"): Text(N_("Notes on how you came across")),
    ("reviews", "nerves"): Choice(N_("Nerves"), v.NERVES),
    ("reviews", "interviewer_reaction"): Choice(
        N_("The interviewer's reaction"), v.INTERVIEWER_REACTIONS
    ),
    ("reviews", "reaction_notes"): Text(N_("Notes on the interviewer's reaction")),
    ("reviews", "harmony"): Choice(N_("Harmony"), dict.fromkeys(range(1, 6))),
    ("reviews", "pace"): Choice(N_("Pace"), v.PACES),
    ("reviews", "passionate_topics"): Text(N_("Topics you were passionate about")),
    ("reviews", "advice"): Text(N_("The interviewer's advice")),
    ("reviews", "referral"): Text(N_("The referral")),
    ("reviews", "led_by_interviewer"): Choice(N_("Led by the interviewer"), YES_NO),
    ("reviews", "offered_actions"): JsonList(N_("Offered actions"), most=10_000),
    ("reviews", "started_at"): _CREATED,
    ("reviews", "updated_at"): _CREATED,
    ("reviews", "completed_at"): _CREATED,
    ("dimensions", "key"): Text(N_("Dimension key"), NAME_LIMIT, required=True),
    ("dimensions", "label"): Text(N_("Dimension"), NAME_LIMIT, required=True),
    ("dimensions", "position"): Number(N_("Dimension position"), 0, 10_000),
    ("questions", "text"): Text(N_("A question"), QUESTION_LIMIT, required=True),
    ("questions", "created_at"): _CREATED,
    ("asks", "position"): Number(N_("Question position"), 0, 10_000),
    ("asks", "answer_notes"): Text(N_("What you answered")),
    ("asks", "self_score"): Choice(N_("My score"), v.SELF_SCORES),
    ("asks", "signal"): Choice(N_("The interviewer's signal"), v.SIGNALS),
    ("asks", "cause"): Choice(N_("Why it was weak"), v.CAUSES),
    ("asks", "what_went_wrong"): Text(N_("What went wrong")),
    ("asks", "background"): Text(N_("Background")),
    ("asks", "problem"): Text(N_("The problem")),
    ("asks", "my_actions"): Text(N_("What I did")),
    ("asks", "evidence"): Text(N_("Evidence")),
    ("asks", "created_at"): _CREATED,
    ("answers", "text"): Text(N_("The answer"), required=True),
    ("answers", "source"): Choice(N_("Answer source"), v.ANSWER_SOURCES),
    ("answers", "created_at"): _CREATED,
    ("stories", "title"): Text(N_("The story's title"), NAME_LIMIT, required=True),
    ("stories", "situation"): Text(N_("Situation")),
    ("stories", "task"): Text(N_("Task")),
    ("stories", "action"): Text(N_("Action")),
    ("stories", "result"): Text(N_("Result")),
    ("stories", "skills"): JsonList(
        N_("Skills"), Text(N_("A skill"), SKILL_LIMIT), most=SKILLS_MAX
    ),
    ("stories", "created_at"): _CREATED,
    ("story_uses", "use"): Choice(N_("Story use"), v.STORY_USES),
    ("story_uses", "missed_reason"): Choice(N_("Why the story was missed"), v.MISSED_REASONS),
    ("actions", "aspect"): Choice(N_("Aspect"), v.ASPECTS),
    ("actions", "source"): Choice(N_("Action source"), v.ACTION_SOURCES),
    ("actions", "text"): Text(N_("An action"), ACTION_LIMIT, required=True),
    ("actions", "status"): Choice(N_("Action status"), v.ACTION_STATUSES),
    ("actions", "created_at"): _CREATED,
    ("actions", "done_at"): Moment(N_("The time it was done")),
    ("cards", "origin"): Choice(N_("Card origin"), {"weak_ask": "", "manual": ""}),
    ("cards", "status"): Choice(N_("Card status"), v.CARD_STATUSES),
    ("cards", "kind"): Choice(N_("Card kind"), v.CARD_KINDS),
    ("cards", "fsrs_state"): Choice(N_("Scheduler state"), dict.fromkeys(range(1, 4))),
    ("cards", "fsrs_step"): Number(N_("Scheduler step"), 0, 100),
    # fsrs keeps stability (days) between 0.001 and its longest interval, 100 years.
    ("cards", "stability"): Number(N_("Stability"), 0.001, 36_500, whole=False, unit=N_("days")),
    ("cards", "difficulty"): Number(N_("Difficulty"), 1, 10, whole=False),
    ("cards", "due"): Moment(N_("A card's due date")),
    ("cards", "last_review"): Moment(N_("A card's last rehearsal")),
    ("cards", "reps"): Number(N_("Repetitions"), 0, 1_000_000),
    ("cards", "lapses"): Number(N_("Lapses"), 0, 1_000_000),
    ("cards", "is_leech"): Choice(N_("Leech"), YES_NO),
    ("cards", "created_at"): _CREATED,
    ("rehearsals", "rated_at"): Moment(N_("A rehearsal")),
    ("rehearsals", "grade"): Choice(N_("Grade"), v.GRADES),
    ("rehearsals", "duration_ms"): Number(
        N_("A rehearsal's duration"), 0, LONGEST_REHEARSAL_MS, unit=N_("ms")
    ),
    ("rehearsals", "attempt"): Text(N_("What you said")),
    ("rehearsals", "audio"): Blob(N_("The recording")),
    # A brief's prediction, kept before its interview (coach.predictions).
    ("predictions", "moment"): Choice(N_("When the brief was kept"), v.PREDICTION_MOMENTS),
    ("predictions", "taken_at"): Moment(N_("The time the brief was kept")),
    ("predictions", "earlier_interviews"): Number(N_("Earlier interviews"), 0, 1_000_000),
    ("predictions", "likely_count"): Number(N_("Likely questions"), 0, 1_000_000),
    ("predicted_questions", "rank"): Number(N_("A predicted question's rank"), 1, 1_000_000),
    ("predicted_questions", "score"): Number(N_("A predicted question's points"), 0, 1_000),
    ("predicted_questions", "reasons"): JsonList(
        N_("Reasons"), Text(N_("A reason"), REASON_LIMIT), most=REASONS_MAX
    ),
    ("predicted_questions", "to_rehearse"): Choice(N_("To rehearse"), YES_NO),
    ("predicted_questions", "recall"): Number(N_("Predicted recall"), 0, 1, whole=False),
    ("asks", "answer_ms"): Number(
        N_("A measured answer time"), 0, LONGEST_ANSWER_MS, unit=N_("ms")
    ),
    ("interviews", "calendar_uid"): OptionalText(
        N_("The calendar event's identity"), NAME_LIMIT * 5
    ),
    ("transcripts", "file_name"): Text(N_("The transcript's file name"), NAME_LIMIT),
    ("transcripts", "format"): Choice(N_("Transcript format"), v.TRANSCRIPT_FORMATS),
    ("transcripts", "candidate"): Text(N_("Your name in the transcript"), NAME_LIMIT),
    ("transcripts", "text"): Text(N_("The transcript"), TRANSCRIPT_LIMIT, required=True),
    ("transcripts", "imported_at"): Moment(N_("The time it was imported")),
    **{(table, "uid"): Identity() for table in (*IDENTIFIED_BY_UID, "predictions", "transcripts")},
}

# Settings are JSON values under a key; the known keys have a rule each.
SETTING_RULES: dict[str, Any] = {
    "language": Choice(N_("Language"), LANGUAGES),
    "desired_retention": Number(N_("Desired retention"), 0.70, 0.99, whole=False),
    "leech_threshold": Number(N_("Leech threshold"), 2, 20, unit=N_("lapses")),
    # coach.transcripts.store: the speaker names the candidate chose as theirs.
    "transcript_my_names": JsonList(
        N_("Your names in transcripts"), Text(N_("A name"), NAME_LIMIT), 5
    ),
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
            _("An action is done exactly when it has the time it was done (“done_at”).")
        )
    if table == "settings" and isinstance(row.get("value"), str):
        try:
            value = json.loads(row["value"])
        except (json.JSONDecodeError, RecursionError) as error:
            raise InvalidInput(
                _("The setting {key} is not JSON.").format(key=f"{row.get('key')!r:.40}")
            ) from error
        check_setting(row.get("key", ""), value)

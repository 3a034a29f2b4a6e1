"""The story bank: prepared success stories, and how each was used in an interview."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach import edits, fields, vocabulary
from coach.actions import sync_suggestions
from coach.db import Journal
from coach.errors import InvalidInput, NotFound
from coach.i18n import N_, _

SKILL_LIMIT = fields.SKILL_LIMIT
SKILLS_MAX = fields.SKILLS_MAX


@dataclass(frozen=True)
class Story:
    id: int
    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    skills: tuple[str, ...] = ()
    times_told: int = 0  # interviews where it was told fully or partly

    @property
    def missing_parts(self) -> tuple[str, ...]:
        parts = {"situation": self.situation, "task": self.task, "action": self.action,
                 "result": self.result}  # fmt: skip
        return tuple(name for name, text in parts.items() if not text)


@dataclass(frozen=True)
class StoryFields:
    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    skills: tuple[str, ...] | list[str] | str = ()

    def cleaned(self) -> StoryFields:
        skills = self.skills
        if isinstance(skills, str):
            skills = skills.replace("，", ",").replace("、", ",").split(",")
        cleaned_skills: list[str] = []
        for skill in skills:
            skill = fields.rule("stories", "skills").item.check(skill)
            if skill and skill.casefold() not in {s.casefold() for s in cleaned_skills}:
                cleaned_skills.append(skill)
        if len(cleaned_skills) > SKILLS_MAX:
            raise InvalidInput(_("List at most {n} skills for one story.").format(n=SKILLS_MAX))
        return StoryFields(
            title=fields.check("stories", "title", self.title),
            situation=fields.check("stories", "situation", self.situation),
            task=fields.check("stories", "task", self.task),
            action=fields.check("stories", "action", self.action),
            result=fields.check("stories", "result", self.result),
            skills=tuple(cleaned_skills),
        )

    def values(self) -> list:
        skills = json.dumps(list(self.skills), ensure_ascii=False)
        return [self.title, self.situation, self.task, self.action, self.result, skills]


def list_stories(cur: duckdb.DuckDBPyConnection) -> list[Story]:
    rows = cur.execute(
        """
        SELECT s.id, s.title, s.situation, s.task, s.action, s.result, s.skills,
               count(u.story_id) FILTER (WHERE u.use IN ('told', 'partly'))
        FROM stories s LEFT JOIN story_uses u ON u.story_id = s.id
        GROUP BY s.id, s.title, s.situation, s.task, s.action, s.result, s.skills
        ORDER BY lower(s.title), s.id
        """
    ).fetchall()
    return [Story(*row[:6], tuple(json.loads(row[6])), row[7]) for row in rows]


def get_story(cur: duckdb.DuckDBPyConnection, story_id: int) -> Story:
    story = next((s for s in list_stories(cur) if s.id == story_id), None)
    if story is None:
        raise NotFound(_("That story no longer exists; it may have been deleted in another tab."))
    return story


def add_story(journal: Journal, fields: StoryFields) -> int:
    fields = fields.cleaned()
    return journal.write(
        lambda cur: cur.execute(
            "INSERT INTO stories (title, situation, task, action, result, skills)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            fields.values(),
        ).fetchone()[0]
    )


_STORY_LABELS = {
    "title": N_("Title"),
    "situation": N_("Situation"),
    "task": N_("Task"),
    "action": N_("Action"),
    "result": N_("Result"),
    "skills": N_("Skills"),
}


def _said(labels: dict[str, str]) -> dict[str, str]:
    """Field labels in the language in use, for a clash message (coach.edits)."""
    return {name: _(label) for name, label in labels.items()}


def story_values(story: Story | StoryFields) -> dict:
    """The story's editable fields, as `update_story` compares them."""
    return {name: getattr(story, name) for name in _STORY_LABELS}


def update_story(
    journal: Journal,
    story_id: int,
    fields: StoryFields,
    now: datetime,
    *,
    read: dict | None = None,
) -> int:
    """Save the story and return its id.

    `read`: the fields as the saving tab showed them (`story_values`); a field another
    tab changed since raises EditConflict and nothing is saved (coach.edits)."""
    fields = fields.cleaned()

    def work(cur):
        stored = story_values(get_story(cur, story_id))
        changed = edits.changes(stored, story_values(fields), read, _said(_STORY_LABELS))
        merged = StoryFields(**{**stored, **changed})
        cur.execute(
            "UPDATE stories SET title = ?, situation = ?, task = ?, action = ?, result = ?,"
            " skills = ? WHERE id = ?",
            [*merged.values(), story_id],
        )
        # The title appears in suggested actions of every interview that used the story.
        for (interview_id,) in cur.execute(
            "SELECT interview_id FROM story_uses WHERE story_id = ?", [story_id]
        ).fetchall():
            sync_suggestions(cur, interview_id, now)
        return story_id

    return journal.write(work)


def story_uses(cur: duckdb.DuckDBPyConnection, interview_id: int) -> dict[int, str]:
    """story id -> use ('told', 'partly' or 'missed') in this interview."""
    return dict(
        cur.execute(
            "SELECT story_id, use FROM story_uses WHERE interview_id = ?", [interview_id]
        ).fetchall()
    )


@dataclass(frozen=True)
class StoryMiss:
    """Why a relevant story was missed in one interview, and the ask where it fitted."""

    missed_reason: str | None = None  # a key of vocabulary.MISSED_REASONS
    bridge_ask_id: int | None = None  # an ask of the same interview


def story_misses(cur: duckdb.DuckDBPyConnection, interview_id: int) -> dict[int, StoryMiss]:
    """story id -> what the review says about its miss (for every story used)."""
    rows = cur.execute(
        "SELECT story_id, missed_reason, bridge_ask_id FROM story_uses WHERE interview_id = ?",
        [interview_id],
    ).fetchall()
    return {story_id: StoryMiss(reason, ask) for story_id, reason, ask in rows}


_MISS_LABELS = {
    "missed_reason": fields.rule("story_uses", "missed_reason").label,
    "bridge_ask_id": N_("Where it could have been told"),
}


def save_story_miss(
    journal: Journal,
    interview_id: int,
    story_id: int,
    now: datetime,
    *,
    read: dict | None = None,
    **values,
) -> StoryMiss:
    """Save why the story was missed and/or the ask where it could have been told.

    `read`: what the saving tab last read of those fields; another tab's change since
    raises EditConflict (coach.edits). The story must be marked as used in the interview.
    """
    cleaned = {}
    for name, value in values.items():
        if name == "missed_reason":
            cleaned[name] = fields.check("story_uses", name, value)
        elif name == "bridge_ask_id":
            cleaned[name] = None if value is None else int(value)
        else:
            raise InvalidInput(f"A story's use has no field {name!r}.")

    def work(cur):
        row = cur.execute(
            "SELECT missed_reason, bridge_ask_id FROM story_uses"
            " WHERE interview_id = ? AND story_id = ?",
            [interview_id, story_id],
        ).fetchone()
        if row is None:
            raise NotFound(
                _(
                    "That story is no longer marked in this review; it may have been changed "
                    "in another tab."
                )
            )
        ask = cleaned.get("bridge_ask_id")
        if (
            ask is not None
            and cur.execute(
                "SELECT 1 FROM asks WHERE id = ? AND interview_id = ?", [ask, interview_id]
            ).fetchone()
            is None
        ):
            raise NotFound(_("That question is no longer in this review; choose another one."))
        stored = {"missed_reason": row[0], "bridge_ask_id": row[1]}
        changed = edits.changes(
            {name: stored[name] for name in cleaned}, cleaned, read, _said(_MISS_LABELS)
        )
        if changed:
            assignments = ", ".join(f"{name} = ?" for name in changed)  # whitelisted names
            cur.execute(
                f"UPDATE story_uses SET {assignments} WHERE interview_id = ? AND story_id = ?",  # noqa: S608
                [*changed.values(), interview_id, story_id],
            )
            sync_suggestions(cur, interview_id, now)
        merged = {**stored, **changed}
        return StoryMiss(merged["missed_reason"], merged["bridge_ask_id"])

    return journal.write(work)


def set_story_use(
    journal: Journal, interview_id: int, story_id: int, use: str | None, now: datetime
) -> None:
    """Mark the story told fully, partly or missed in the interview; None: not relevant."""
    if use is not None and use not in vocabulary.STORY_USES:
        raise InvalidInput(f"Unknown story use {use!r}.")

    def work(cur):
        if cur.execute("SELECT 1 FROM stories WHERE id = ?", [story_id]).fetchone() is None:
            raise NotFound(
                _("That story no longer exists; it may have been deleted in another tab.")
            )
        if use is None:
            cur.execute(
                "DELETE FROM story_uses WHERE interview_id = ? AND story_id = ?",
                [interview_id, story_id],
            )
        else:
            cur.execute(
                "INSERT INTO story_uses (interview_id, story_id, use) VALUES (?, ?, ?)"
                " ON CONFLICT (interview_id, story_id) DO UPDATE SET use = excluded.use",
                [interview_id, story_id, use],
            )
        sync_suggestions(cur, interview_id, now)

    journal.write(work)

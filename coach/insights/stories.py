"""Insights, stories: which prepared stories were told fully, partly or missed, and
the skills no story has shown yet.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import altair as alt
import duckdb

from coach import palette, vocabulary
from coach.i18n import _, ngettext
from coach.insights.charting import colour_scale, frame, shorten, validated_once
from coach.insights.filters import HELD, Filters
from coach.insights.takeaway import Takeaway
from coach.wording import quote


@dataclass(frozen=True)
class StoryTally:
    story_id: int
    title: str
    told: int  # interviews where it was told fully
    partly: int
    missed: int
    skills: tuple[str, ...]

    @property
    def used(self) -> int:
        return self.told + self.partly + self.missed


def story_tallies(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> list[StoryTally]:
    """Every story with its uses in the filtered interviews; most told first."""
    rows = cur.execute(
        f"""
        WITH uses AS (
            SELECT su.story_id, su.use
            FROM story_uses su
            JOIN interviews i ON i.id = su.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE {HELD}
        )
        SELECT s.id, s.title,
               count(u.use) FILTER (WHERE u.use = 'told') AS told,
               count(u.use) FILTER (WHERE u.use = 'partly') AS partly,
               count(u.use) FILTER (WHERE u.use = 'missed') AS missed,
               any_value(s.skills)  -- a JSON array of texts
        FROM stories s LEFT JOIN uses u ON u.story_id = s.id
        GROUP BY s.id, s.title
        ORDER BY told DESC, partly DESC, missed, s.title, s.id
        LIMIT 200
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [StoryTally(*row[:5], tuple(json.loads(row[5]))) for row in rows]


def uncovered_skills(cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime) -> list[str]:
    """Skills that no story told in full (in the filtered interviews) demonstrates.

    The skills come from the stories themselves (the journal keeps no separate list of
    skills a role needs): these are the strengths the candidate prepared but has not yet
    shown an interviewer. Compared case-insensitively; sorted.
    """
    rows = cur.execute(
        f"""
        WITH told AS (
            SELECT DISTINCT su.story_id
            FROM story_uses su
            JOIN interviews i ON i.id = su.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE su.use = 'told' AND {HELD}
        ),
        skills AS (
            SELECT s.id, unnest(from_json(s.skills, '["VARCHAR"]')) AS skill FROM stories s
        )
        SELECT min(skill)
        FROM skills
        WHERE trim(skill) <> ''
        GROUP BY lower(skill)
        HAVING NOT bool_or(id IN (SELECT story_id FROM told))
        ORDER BY lower(min(skill))
        LIMIT 200
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [row[0] for row in rows]


def story_takeaway(tallies: Sequence[StoryTally], uncovered: Sequence[str]) -> Takeaway:
    if not tallies:
        return Takeaway(
            _(
                "Your story bank is empty: add the success stories you want to tell, then "
                "record in each review which ones you told."
            ),
            enough=False,
        )
    if not any(t.used for t in tallies):
        return Takeaway(
            ngettext(
                "None of your {n} story has been recorded as told, partly told or missed in "
                "these interviews yet.",
                "None of your {n} stories has been recorded as told, partly told or missed in "
                "these interviews yet.",
                len(tallies),
            ).format(n=len(tallies)),
            enough=False,
        )
    parts = []
    missed = max(tallies, key=lambda t: (t.missed, -t.story_id))
    if missed.missed:
        parts.append(
            ngettext(
                "{story} was missed {n} time when it was relevant",
                "{story} was missed {n} times when it was relevant",
                missed.missed,
            ).format(story=quote(missed.title), n=missed.missed)
        )
    untold = [t for t in tallies if not t.told]
    if untold:
        parts.append(
            _("{untold} of {n} not yet told in full").format(untold=len(untold), n=len(tallies))
        )
    if uncovered:
        parts.append(_("skills not yet shown: {skills}").format(skills=_(", ").join(uncovered[:5])))
    if not parts:
        return Takeaway(
            _("All {n} stories have been told in full at least once, and none was missed.").format(
                n=len(tallies)
            )
        )
    text = _("{parts}.").format(parts=_("; ").join(parts))
    return Takeaway(text[0].upper() + text[1:])


# The uses a chart shows, in order: the keys of vocabulary.STORY_USES.
USES = ("told", "partly", "missed")


def use_colours() -> dict[str, str]:
    """The uses' labels (in the language in use) -> colour names."""
    return {vocabulary.STORY_USES[use]: palette.STORY_USE[use] for use in USES}


@validated_once
def stories_chart(tallies: Sequence[StoryTally]) -> alt.Chart:
    """Per story, interviews where it was told fully, partly, or missed."""
    order = [t.title for t in tallies]
    data = frame(
        [
            {
                "story": shorten(t.title),
                "title": t.title,
                "use": vocabulary.STORY_USES[use],
                "order": i,
                "interviews": getattr(t, use),
            }
            for t in tallies
            for i, use in enumerate(USES)
            if getattr(t, use)
        ]
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("interviews:Q", title=_("Interviews"), axis=alt.Axis(tickMinStep=1)),
            y=alt.Y(
                "story:N",
                title=None,
                sort=[shorten(o) for o in order],
                axis=alt.Axis(labelLimit=320, labelOverlap=False),
            ),
            color=alt.Color("use:N", title=None, scale=colour_scale(use_colours())),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("title:N", title=_("Story")),
                alt.Tooltip("use:N", title=_("Use")),
                alt.Tooltip("interviews:Q", title=_("Interviews")),
            ],
        )
        .properties(height=alt.Step(26))
    )

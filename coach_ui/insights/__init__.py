"""The Insights page's sections: one module per section, drawn from (ctx, filters).

Only the chosen section runs (the page picks it with a segmented control), so a run
builds at most three Altair charts. Every chart shows its one-line takeaway above it,
or an honest empty state instead of the chart when the data are too few.
"""

from __future__ import annotations

from collections.abc import Callable

from coach.insights.filters import Filters
from coach_ui.frame import PageContext
from coach_ui.insights import (
    brief,
    fixes,
    overall,
    recurring,
    rehearsal,
    relationship,
    stories,
    weak_spots,
)
from coach_ui.insights import predictions as predicted
from coach_ui.insights.show import BRIEF_SECTION

# Each section draws itself from (ctx, filters).
SECTIONS: dict[str, Callable[[PageContext, Filters], None]] = {
    BRIEF_SECTION: brief.section,
    "Overall trend": overall.section,
    "Weak spots": weak_spots.section,
    "Fixes": fixes.section,
    "Relationship": relationship.section,
    "Stories": stories.section,
    "Recurring questions": recurring.section,
    "Rehearsal": rehearsal.section,
    "Predictions": predicted.section,
}

"""The Insights page's sections: one module per section, drawn from (ctx, filters).

Only the chosen section runs (the page picks it with a segmented control), so a run
builds at most three Altair charts. Every chart shows its one-line takeaway above it,
or an honest empty state instead of the chart when the data are too few.
"""

from __future__ import annotations

from collections.abc import Callable

from coach.i18n import N_
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

# Each section draws itself from (ctx, filters). The keys are the sections' English
# names, marked for translation and translated where shown.
SECTIONS: dict[str, Callable[[PageContext, Filters], None]] = {
    BRIEF_SECTION: brief.section,
    N_("Overall trend"): overall.section,
    N_("Weak spots"): weak_spots.section,
    N_("Fixes"): fixes.section,
    N_("Relationship"): relationship.section,
    N_("Stories"): stories.section,
    N_("Recurring questions"): recurring.section,
    N_("Rehearsal"): rehearsal.section,
    N_("Predictions"): predicted.section,
}

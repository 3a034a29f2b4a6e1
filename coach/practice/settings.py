"""Practice settings: the desired retention and the leech threshold."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from coach import fields
from coach.db import Journal
from coach.errors import InvalidInput
from coach.i18n import _
from coach.scheduling import (
    make_scheduler,
)
from coach.settings import get_setting, set_setting

# The settings' ranges: their rules in coach.fields, also what the import checks.
RETENTION_RANGE = (
    fields.SETTING_RULES["desired_retention"].low,
    fields.SETTING_RULES["desired_retention"].high,
)


LEECH_THRESHOLD_RANGE = (
    fields.SETTING_RULES["leech_threshold"].low,
    fields.SETTING_RULES["leech_threshold"].high,
)


@dataclass(frozen=True)
class PracticeSettings:
    desired_retention: float
    leech_threshold: int


def practice_settings(cur: duckdb.DuckDBPyConnection) -> PracticeSettings:
    return PracticeSettings(
        float(get_setting(cur, "desired_retention")), int(get_setting(cur, "leech_threshold"))
    )


def save_practice_settings(
    journal: Journal, *, desired_retention: float, leech_threshold: int
) -> PracticeSettings:
    low, high = RETENTION_RANGE
    if not low <= desired_retention <= high:
        raise InvalidInput(
            _("Choose a desired retention between {low} and {high} (got {value}).").format(
                low=f"{low:.2f}", high=f"{high:.2f}", value=desired_retention
            )
        )
    make_scheduler(desired_retention)  # the scheduler's own check
    low_t, high_t = LEECH_THRESHOLD_RANGE
    if isinstance(leech_threshold, bool) or int(leech_threshold) != leech_threshold:
        raise InvalidInput(_("The leech threshold is a whole number of lapses."))
    if not low_t <= leech_threshold <= high_t:
        raise InvalidInput(
            _("Choose a leech threshold between {low} and {high} lapses.").format(
                low=low_t, high=high_t
            )
        )
    saved = PracticeSettings(round(float(desired_retention), 4), int(leech_threshold))

    def work(cur: duckdb.DuckDBPyConnection) -> None:
        set_setting(cur, "desired_retention", saved.desired_retention)
        set_setting(cur, "leech_threshold", saved.leech_threshold)

    journal.write(work)
    return saved

"""A one-line takeaway: what a section's chart says, in one sentence.

Each section turns its query results into a `Takeaway` with pure functions: the
sentence, and whether the data were enough to draw the chart at all. When they are not,
the sentence is the honest empty state, saying what is missing ("Rate at least 3
interviews to see a trend; you have rated 1.").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Takeaway:
    text: str
    enough: bool = True  # False: too few data to draw the chart; `text` says why

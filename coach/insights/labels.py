"""Labels the Insights sections show for what the journal stores as keys.

Queries return keys, never labels: a remembered read (coach.db.Journal.remember) is
shared by every browser session, and two sessions may speak two languages.
"""

from __future__ import annotations

from coach import vocabulary


def dimension_label(key: str, stored: str) -> str:
    """A seeded dimension in the language in use; one the candidate added, as they named it."""
    return vocabulary.DIMENSIONS.get(key, stored)

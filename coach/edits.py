"""Saving an edit made in one tab without silently replacing what another tab saved.

A tab shows a row as it read it; the candidate changes some fields; another tab may
save the same row meanwhile. So a save from a tab gives, besides the values it now
holds (`typed`), the values it last read of those fields (`read`), and `changes`
decides field by field, inside the save's transaction, against what is stored now:

- a field this tab did not change (typed == read) is not written: whatever is stored
  stays, even if another tab changed it since;
- a field nobody else changed (stored == read) is written;
- a field another tab already set to the same value needs nothing;
- a field both tabs changed, to different values, is a clash: nothing at all is saved,
  and `EditConflict` carries both values, so the tab can show both and keep what was
  typed. Saving again with `read` set to the stored values overwrites them on purpose.

A save whose row another tab removed raises NotFound as before; the tab keeps the text
to copy. Comparing each field's value, rather than a version number of the whole row,
means two tabs editing different fields of one review never get in each other's way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coach import wording
from coach.errors import JournalError
from coach.i18n import _, ngettext


@dataclass(frozen=True)
class Clash:
    field: str
    label: str
    stored: Any  # what another tab saved since this tab read the row
    typed: Any  # what this tab holds, not saved


class EditConflict(JournalError):
    """Another tab changed the same field since this tab read it; nothing was saved."""

    def __init__(self, clashes: list[Clash]) -> None:
        self.clashes = clashes
        names = wording.series(f"“{c.label}”" for c in clashes)
        super().__init__(
            ngettext(
                "Not saved: {names} changed in another tab or window since this one showed "
                "it. Both versions are below; yours is kept here until you choose.",
                "Not saved: {names} changed in another tab or window since this one showed "
                "them. Both versions are below; yours is kept here until you choose.",
                len(clashes),
            ).format(names=names)
        )


def changes(
    stored: Mapping[str, Any],
    typed: Mapping[str, Any],
    read: Mapping[str, Any] | None,
    labels: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The fields of `typed` to write. Fields absent from `read` (or all, when `read` is
    None: a save that read nothing, such as the command line's) are written as typed.

    Raises EditConflict listing every field both this save and another changed.
    """
    if read is None:
        return dict(typed)
    write: dict[str, Any] = {}
    clashes = []
    for name, value in typed.items():
        if name not in read:
            write[name] = value
        elif value == read[name] or value == stored[name]:
            continue  # unchanged here, or already what this tab wants
        elif stored[name] == read[name]:
            write[name] = value
        else:
            # The owners' labels are N_-marked constants: said here in the language in use.
            label = _((labels or {}).get(name) or name.replace("_", " ").capitalize())
            clashes.append(Clash(name, label, stored[name], value))
    if clashes:
        raise EditConflict(clashes)
    return write

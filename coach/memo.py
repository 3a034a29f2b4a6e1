"""Results of costly reads, kept until the journal next changes.

A journal counts its writes (`Journal.generation`). A result is kept under the count
read before the query ran, so a write that commits during the query leaves the result
under the old count, which no later read asks for: after any save, in any tab, every
read runs its query again. Only this process writes to the journal (DuckDB lets one
process hold the file), so the count sees every change.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
_MISSING = object()


class Memo:
    """A small least-recently-used store of results, keyed by generation and inputs.

    Results are shared between script runs, so callers must not change them (the
    query results are frozen dataclasses and tuples or lists of them).
    """

    def __init__(self, size: int = 128) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            found = self._items.get(key, _MISSING)
            if found is not _MISSING:
                self._items.move_to_end(key)
                return found  # type: ignore[return-value]
        # Made outside the lock: two runs may both make it; the results are equal.
        made = make()
        with self._lock:
            self._items[key] = made
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return made

    def __len__(self) -> int:
        return len(self._items)

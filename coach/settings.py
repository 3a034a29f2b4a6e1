"""The candidate's settings: small values kept as JSON text in the `settings` table."""

from __future__ import annotations

import json
from typing import Any

import duckdb

# Known settings and their defaults; a missing row means "use the default".
DEFAULTS: dict[str, Any] = {
    # fsrs's target probability of recalling an answer when it comes due.
    "desired_retention": 0.9,
    # Lapses after which a card is flagged as a leech (rewrite it rather than drill it).
    "leech_threshold": 4,
}

_NO_DEFAULT = object()


def get_setting(cur: duckdb.DuckDBPyConnection, key: str, default: Any = _NO_DEFAULT) -> Any:
    """The stored value of `key`, else `default`, else the value in `DEFAULTS`."""
    row = cur.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is not None:
        return json.loads(row[0])
    if default is not _NO_DEFAULT:
        return default
    if key in DEFAULTS:
        return DEFAULTS[key]
    raise KeyError(f"No setting {key!r} is stored and it has no default.")


def set_setting(cur: duckdb.DuckDBPyConnection, key: str, value: Any) -> None:
    """Store `value` (anything JSON can hold) under `key`, replacing any earlier value."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    cur.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, text],
    )

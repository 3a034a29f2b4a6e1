"""Reading an Altair spec in tests: its data, layers, marks and tooltips."""

from __future__ import annotations

from datetime import UTC, datetime

WHEN = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)


def values(spec: dict, top: dict | None = None) -> list[dict]:
    """The rows of a (possibly layered) spec: Altair puts a DataFrame's rows into the
    top-level `datasets` and refers to them by name."""
    top = top or spec
    if "data" in spec:
        data = spec["data"]
        return data["values"] if "values" in data else top["datasets"][data["name"]]
    return next(values(layer, top) for layer in spec["layer"] if "data" in layer)


def layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def mark(layer: dict) -> str:
    return layer["mark"] if isinstance(layer["mark"], str) else layer["mark"]["type"]


def tooltips(layer: dict) -> list[str]:
    return [t["title"] for t in layer["encoding"]["tooltip"]]

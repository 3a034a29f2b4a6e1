"""The app's colours: one colour per meaning, the same on a chart and on a badge.

A meaning (a company kind, an outcome, a signal…) maps to one of Streamlit's named
colours, which badges and coloured text take by name (`:violet-badge[Target]`); a chart
draws the same name in `HEX`, the colour Streamlit's light theme gives that name
(tests/test_palette.py checks it against Streamlit's own defaults). The theme leaves
these colours at their defaults on purpose: setting one in `.streamlit/config.toml`
would also change the badges' background.
So a target company is violet in the interviews list, in the brief and on the rating
trend, and an interruption is orange on the rehearsal card and in the fixes chart.
"""

from __future__ import annotations

# Streamlit's named colours, as its light theme draws them.
HEX = {
    "red": "#d94a57",
    "orange": "#e0682b",
    "yellow": "#bb8300",
    "green": "#079464",
    "blue": "#3b82f6",
    "violet": "#9b5de5",
    "gray": "#6b7280",
}
# Marks that carry no meaning of their own: the line joining a chart's points, labels.
LINE = "#cbd5e1"
TEXT = "#26323a"  # the theme's textColor

COMPANY_KIND = {"target": "violet", "practice": "blue", "undecided": "gray"}
OUTCOME = {
    "pending": "gray",
    "advanced": "blue",
    "rejected": "red",
    "offer": "green",
    "referred": "orange",
}
REVIEW_STATUS = {"completed": "green", "draft": "orange", "none": "red"}  # none: not reviewed
SIGNAL = {
    "positive": "green",
    "neutral": "gray",
    "interrupted": "orange",
    "confused": "violet",
    "probed": "red",
    "none": "gray",  # asked, no signal recorded
}
STORY_USE = {"told": "green", "partly": "yellow", "missed": "red"}
PACE = {"too_slow": "blue", "right": "green", "too_fast": "orange", "none": "gray"}
# Whether an interview went forward (calibration), and how an answer went (heatmap).
RESULT = {"forward": "green", "stopped": "red", "pending": "gray"}
TONE = {"good": "green", "neutral": "gray", "weak": "red"}
# A question's recall today against the target (recurring questions, the brief).
RECALL = {"below": "red", "above": "green", "new": "blue", "no card": "gray"}
PREDICTION = {"hit": "green", "surprise": "orange"}
# Single-series charts: rehearsals done, cards coming due, recall; the target line.
REHEARSALS = "blue"
DUE = "violet"
RECALLED = "green"
TARGET = "red"
WEAK = "red"  # a share of weak answers
FEW = "gray"  # too few answers to rank


def hex_of(name: str) -> str:
    """The hex a chart draws Streamlit's colour `name` in."""
    return HEX[name]


def scale(labels: dict[str, str]) -> tuple[list[str], list[str]]:
    """A chart's colour scale: labels shown -> colour names, as (domain, hex range)."""
    return list(labels), [HEX[name] for name in labels.values()]

"""One palette: a meaning has one colour, on a badge and on a chart alike."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit import config

from coach import palette
from coach.insights import overall
from coach_ui.formatting import kind_badge, outcome_badge

ROOT = Path(__file__).resolve().parents[1]
MEANINGS = {
    name: value
    for name, value in vars(palette).items()
    if name.isupper() and name not in ("HEX", "LINE", "TEXT")
}


def test_each_named_colour_is_the_one_streamlits_light_theme_draws() -> None:
    for name, hex_ in palette.HEX.items():
        description = config._config_options_template[f"theme.{name}Color"].description
        default = re.search(r"this is (#[0-9a-f]{6}) for the light theme", description)
        assert default and default.group(1) == hex_, name


def test_every_meaning_names_a_colour_badges_and_charts_both_know() -> None:
    for meaning, value in MEANINGS.items():
        names = value.values() if isinstance(value, dict) else [value]
        assert set(names) <= set(palette.HEX), meaning


def test_a_target_company_is_the_same_colour_on_a_badge_and_on_the_rating_trend() -> None:
    badge_colour = re.match(r":(\w+)-badge", kind_badge("target", "Target")).group(1)
    domain, hexes = palette.scale(overall.kind_colours())
    assert hexes[domain.index("Target")] == palette.HEX[badge_colour]


def test_a_rejection_is_red_as_a_badge_and_a_stop_is_red_on_the_calibration_chart() -> None:
    assert outcome_badge("rejected", "Rejected") == ":red-badge[Rejected]"
    assert palette.RESULT["stopped"] == "red"


def test_no_module_of_the_app_writes_a_colour_of_its_own() -> None:
    # The exported Anki deck carries its own small stylesheet, read by Anki, not the app.
    allowed = {ROOT / "coach" / "palette.py", ROOT / "coach" / "anki.py"}
    own = [
        f"{path.relative_to(ROOT)}: {match}"
        for folder in ("coach", "coach_ui", "pages")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path not in allowed
        for match in re.findall(r"#[0-9a-fA-F]{6}\b", path.read_text(encoding="utf-8"))
    ]
    assert own == []

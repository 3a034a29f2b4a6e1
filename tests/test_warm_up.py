"""Warm-up at server start: the first page's imports, run beside the server (serve.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from streamlit.web.server.app_discovery import discover_asgi_app

from coach_ui.pages import PAGES
from coach_ui.server import launch, warm_up

REPO = Path(__file__).resolve().parents[1]


def test_page_imports_lists_top_level_imports_in_order(tmp_path):
    script = tmp_path / "page.py"
    script.write_text(
        "import streamlit as st\n"
        "from coach import home\n"
        "from coach.text import md, plain\n"
        "from . import sibling\n"  # relative: not a page's import
        "def later():\n"
        "    import altair\n"  # inside a function: imported when called, not on load
    )
    assert warm_up.page_imports(script) == [
        ("streamlit", ()),
        ("coach", ("home",)),
        ("coach.text", ("md", "plain")),
    ]


def test_only_the_default_page_is_warmed_and_its_imports_come_first():
    home = next(spec for spec in PAGES if spec.default)
    home_imports = warm_up.page_imports(REPO / home.path)
    warmed = warm_up.modules_to_warm()
    assert warmed[: len(home_imports)] == home_imports
    assert {name for name, _ in warmed} - {name for name, _ in home_imports} == set(
        warm_up.STREAMLIT_TABLES
    )


def test_serve_py_is_the_app_streamlit_run_serves_through_its_lifespan():
    found = discover_asgi_app(REPO / "serve.py")
    assert found.is_asgi_app
    assert found.import_string == "serve:app"
    assert launch.SERVE == REPO / "serve.py"  # what scripts/run starts (tests/test_launch.py)


# A fresh interpreter: this test process has long imported everything.
LIFESPAN = """
import asyncio, json, sys
from streamlit import delta_generator
from coach_ui.server.warm_up import lifespan

async def main():
    async with lifespan(None):
        pass  # leaving the lifespan waits for the warm-up

asyncio.run(main())
print(json.dumps({
    "modules": sorted(m for m in WATCHED if m in sys.modules),
    "repl_checked": delta_generator._use_warning_has_been_displayed,
}))
"""
WATCHED = [
    "altair",
    "coach.home",
    "coach_ui.frame",
    "coach_ui.review_start",
    "duckdb",
    "pandas",
    "streamlit.emojis",
    "streamlit.material_icon_names",
]


def test_the_lifespan_imports_the_first_page_and_leaves_altair_for_later():
    code = f"WATCHED = {WATCHED!r}\n{LIFESPAN}"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {
        "modules": [
            "coach.home",
            "coach_ui.frame",
            "coach_ui.review_start",
            "duckdb",
            "streamlit.emojis",
            "streamlit.material_icon_names",
        ],
        "repl_checked": True,
    }

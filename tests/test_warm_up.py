"""Warm-up at server start: the first page's imports, run beside the server (serve.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import weakref
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


# A fresh interpreter again: a page run (a thread of its own, as Streamlit's script
# runner's) calls the frame's hook, in a served app or not.
LATER = """
import json, sys, threading, time
from coach_ui.server import warm_up

if SERVED:
    warm_up._serving.set()  # what the lifespan does
seen = {}

def page_run():
    warm_up.after_first_page()
    time.sleep(0.5)
    # Nothing is imported while the first page runs.
    seen.setdefault("during", "altair" in sys.modules)

for _ in range(2):  # a second page run starts no second warm-up
    run = threading.Thread(target=page_run)
    run.start()
    run.join()
later = [t for t in threading.enumerate() if t.name == "coach-warm-up-later"]
for thread in later:
    thread.join(timeout=120)
import gc, mimetypes
print(json.dumps({
    "frozen": gc.get_freeze_count() > 0,
    **seen,
    "threads": len(later),
    "mime_tables": mimetypes.inited,
    "modules": sorted(m for m in WATCHED if m in sys.modules),
}))
"""
LATER_WATCHED = [
    "altair",
    "coach_ui.insights.overall",
    "coach_ui.practice_queue",
    "coach_ui.review_steps",
    "coach.anki",
    "pandas",
    "pyarrow",
]


def later_warm_up(served: bool) -> dict:
    code = f"WATCHED = {LATER_WATCHED!r}\nSERVED = {served}\n{LATER}"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_once_the_first_page_has_run_a_served_app_imports_every_other_page_and_altair():
    assert later_warm_up(served=True) == {
        "frozen": True,
        "during": False,
        "threads": 1,
        "mime_tables": True,
        "modules": sorted(LATER_WATCHED),
    }


def test_an_app_not_served_through_serve_py_warms_nothing_later():
    assert later_warm_up(served=False) == {
        "frozen": False,
        "during": False,
        "threads": 0,
        "mime_tables": False,
        "modules": [],
    }


def test_the_later_warm_up_covers_every_page_but_the_first():
    later = {name for name, _ in warm_up.modules_for_later()}
    for spec in PAGES:
        imports = {name for name, _ in warm_up.page_imports(REPO / spec.path)}
        assert spec.default or imports <= later, spec.path
    assert {"pandas", "pyarrow"} <= later  # Streamlit's tables load them on first use


def test_no_page_needs_pandas_until_it_shows_a_table():
    # pandas is the largest import a first visit can meet: only tables (the card browser,
    # an import's preview) load it, when they are drawn.
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys\n"
         "from coach_ui.server import warm_up\n"
         "pages = [m for m in warm_up.modules_to_warm() + warm_up.modules_for_later()\n"
         "         if m[0] not in warm_up.STREAMLIT_TABLE_LIBRARIES]\n"
         "for name, _ in pages:\n"
         "    __import__(name)\n"
         "print('pandas' in sys.modules, 'pyarrow' in sys.modules)"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False False"


def test_the_later_warm_up_imports_each_module_once():
    later = [name for name, _ in warm_up.modules_for_later()]
    assert len(later) == len(set(later))


def test_waiting_for_page_runs_pauses_only_after_a_run(monkeypatch):
    pauses = []
    monkeypatch.setattr(warm_up.time, "sleep", pauses.append)
    monkeypatch.setattr(warm_up, "_page_runs", weakref.WeakSet())
    warm_up._no_page_running()
    assert pauses == []  # nothing ran: import at once

    ended = threading.Event()
    run = threading.Thread(target=ended.wait)  # a page run, under way until it ends
    run.start()
    warm_up._page_runs.add(run)
    threading.Timer(0.3, ended.set).start()
    warm_up._no_page_running()
    assert not run.is_alive()
    assert pauses == [warm_up.SETTLE_S]  # then a moment for its messages to leave


def test_no_script_run_ends_with_a_collection_of_the_whole_heap():
    # Streamlit's default: gc.collect(2) after every run, before the browser hears the
    # run has ended. Off, and the warm-up freezes the imported heap (above) instead.
    from streamlit import config

    config.get_config_options(force_reparse=True, options_from_flags={})
    try:
        assert config.get_option("runner.postScriptGC") is False
    finally:
        config.get_config_options(force_reparse=True, options_from_flags={})

"""Warm a freshly started server up: what the first page needs, in the background.

A fresh server's first script run imports DuckDB, the page's modules and two tables that
Streamlit loads only when first needed (emoji names, to check the page icon; Material
icon names, to check the sidebar links' icons), and Streamlit checks once whether it
runs in a REPL: together about 0.25 s on these machines before the first heading is
sent. Started with the server (`serve.py`), this work runs while the browser is still
loading Streamlit's JavaScript, so the first visitor's page draws as quickly as a later
visit would.

Nothing here opens the journal: the page does that, with its error messages and its
daily backup.
"""

from __future__ import annotations

import ast
import importlib
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from coach_ui.pages import PAGES, app_root

# Loaded lazily by Streamlit on the first st.set_page_config / st.page_link.
STREAMLIT_TABLES = ("streamlit.emojis", "streamlit.material_icon_names")
_LOG = logging.getLogger(__name__)


def page_imports(script: Path) -> list[tuple[str, tuple[str, ...]]]:
    """What a page script imports at its top level, in order: (module, names from it)."""
    imports: list[tuple[str, tuple[str, ...]]] = []
    for node in ast.parse(script.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            imports += [(alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imports.append((node.module, tuple(alias.name for alias in node.names)))
    return imports


def modules_to_warm() -> list[tuple[str, tuple[str, ...]]]:
    """What the default page imports, which a first visit opens, and Streamlit's tables.

    Only that page's: warming every page imports Altair and pandas too, holding the
    interpreter while the first browser loads and runs its page (cold start measured
    1.47x an empty app that way, 1.18x this way).
    """
    default = next(spec for spec in PAGES if spec.default)
    return [*page_imports(app_root() / default.path), *((name, ()) for name in STREAMLIT_TABLES)]


def warm_up() -> None:
    for module_name, names in modules_to_warm():
        try:
            module = importlib.import_module(module_name)
            for name in names:
                # `from coach_ui import frame` names a module to import;
                # `from coach.text import md` a function the module already has.
                if not hasattr(module, name):
                    importlib.import_module(f"{module_name}.{name}")
        except Exception:  # noqa: BLE001 - the page importing it shows the error itself
            _LOG.debug("warming %s failed", module_name, exc_info=True)
    _check_for_a_repl_once()


def _check_for_a_repl_once() -> None:
    """Run now the check Streamlit runs before the first element a process draws.

    It asks whether it runs in a Python REPL by walking the call stack with
    `inspect.stack()`, which resolves the file of every loaded module: about 60 ms
    here, once per process. From this thread it finds no REPL and prints nothing.
    """
    try:
        from streamlit import delta_generator

        delta_generator._maybe_print_use_warning()
    except Exception:  # noqa: BLE001 - a private function: if it is gone, so is its cost
        _LOG.debug("Streamlit's REPL check could not be run early", exc_info=True)


@asynccontextmanager
async def lifespan(_app) -> AsyncIterator[None]:
    """st.App's lifespan: warm up beside the running server; wait for it on shutdown."""
    thread = threading.Thread(target=warm_up, name="coach-warm-up")
    thread.start()
    try:
        yield
    finally:
        thread.join()

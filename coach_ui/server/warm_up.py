"""Warm a freshly started server up: what the first page needs, in the background.

A fresh server's first script run imports DuckDB, the page's modules and two tables that
Streamlit loads only when first needed (emoji names, to check the page icon; Material
icon names, to check the sidebar links' icons), and Streamlit checks once whether it
runs in a REPL: together about 0.25 s on these machines before the first heading is
sent. Started with the server (`serve.py`), this work runs while the browser is still
loading Streamlit's JavaScript, so the first visitor's page draws as quickly as a later
visit would.

Then, once the first page a served process runs has finished (`after_first_page`, which
every page's frame calls), the other pages' imports follow in the background: Altair for
the insights charts, pandas and pyarrow for Streamlit's tables, and every page's own
modules. A candidate's first click on any page then finds them loaded; done at server
start instead, they held the interpreter while the first page ran and slowed it.

Nothing here opens the journal: the page does that, with its error messages and its
daily backup.
"""

from __future__ import annotations

import ast
import gc
import importlib
import logging
import mimetypes
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from coach_ui.pages import PAGES, app_root

# Loaded lazily by Streamlit on the first st.set_page_config / st.page_link.
STREAMLIT_TABLES = ("streamlit.emojis", "streamlit.material_icon_names")
# Loaded lazily by Streamlit on the first st.dataframe (backups, the card browser).
STREAMLIT_TABLE_LIBRARIES = ("pandas", "pyarrow")
# After the first page's run has ended, a moment for its last messages to leave.
SETTLE_S = 0.1
_LOG = logging.getLogger(__name__)
_serving = threading.Event()  # set by the lifespan: only a served app warms up later
_later = threading.Lock()  # held once the later warm-up has been started
_page_runs: weakref.WeakSet[threading.Thread] = weakref.WeakSet()


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


def modules_for_later() -> list[tuple[str, tuple[str, ...]]]:
    """What the other pages import, in sidebar order, each module once, then what
    Streamlit's tables need (pandas and pyarrow: the largest, and only the card browser's
    table and the import previews use them)."""
    imports: dict[str, tuple[str, ...]] = {}
    for spec in PAGES:
        if spec.default:
            continue
        for module, names in page_imports(app_root() / spec.path):
            known = imports.get(module, ())
            imports[module] = known + tuple(name for name in names if name not in known)
    for module in STREAMLIT_TABLE_LIBRARIES:
        imports.setdefault(module, ())
    return list(imports.items())


def after_first_page() -> None:
    """Called at the start of every page run: in a served app, the first call starts
    the later warm-up, which imports only while no page runs."""
    if not _serving.is_set():
        return
    # The script runner's thread ends with the run (and the reruns it was asked for).
    _page_runs.add(threading.current_thread())
    if _later.acquire(blocking=False):
        threading.Thread(target=_warm_later, name="coach-warm-up-later", daemon=True).start()


def _no_page_running() -> None:
    """Wait until every page run has ended, and a moment more for its messages to leave.

    Python runs one thread at a time: an import beside a page's run would slow the click
    that started it. Waits only when a run is under way: a pause before every import
    spread the warm-up over seconds, and the candidate's first click met it half done."""
    while running := [run for run in list(_page_runs) if run.is_alive()]:
        for run in running:
            run.join()
        time.sleep(SETTLE_S)


def _warm_later() -> None:
    _import_all(modules_for_later(), before_each=_no_page_running)
    # Every download button asks for its file's extension, and Python's first question
    # reads the system's MIME tables (about 20 ms): the brief and Your data have them.
    _no_page_running()
    mimetypes.init()
    # Every module is loaded: what they made lives as long as the server. Frozen, it is
    # left out of every later garbage collection, which then walks only what pages made.
    # Streamlit's own collection after every run is off (.streamlit/config.toml): it
    # walked all of it and held every click about 100 ms. No collection first: it would
    # hold the interpreter as long, when a candidate's first click may come.
    gc.freeze()


def _import_all(
    modules: list[tuple[str, tuple[str, ...]]], before_each: Callable[[], None] | None = None
) -> None:
    for module_name, names in modules:
        if before_each is not None:
            before_each()
        try:
            module = importlib.import_module(module_name)
            for name in names:
                # `from coach_ui import frame` names a module to import;
                # `from coach.text import md` a function the module already has.
                if not hasattr(module, name):
                    importlib.import_module(f"{module_name}.{name}")
        except Exception:  # noqa: BLE001 - the page importing it shows the error itself
            _LOG.debug("warming %s failed", module_name, exc_info=True)


def warm_up() -> None:
    _import_all(modules_to_warm())
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
    _serving.set()
    thread = threading.Thread(target=warm_up, name="coach-warm-up")
    thread.start()
    try:
        yield
    finally:
        thread.join()

"""The architecture's rules, as far as import-linter cannot check them (scripts/test runs it).

import-linter reads the import statements of the packages (pyproject.toml); these tests
add what actually loads when the domain is imported, and the entry scripts, which are
single files it cannot take as roots. Modules are found from the installed package,
never from the working folder, so the tests check the same code wherever pytest runs.
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import coach
from coach_ui.pages import app_root

UI = ("streamlit", "coach_ui")


def domain_modules() -> list[str]:
    # coach.__main__ runs the command line when imported; its imports are read below.
    found = pkgutil.walk_packages(coach.__path__, prefix="coach.")
    return sorted(m.name for m in found if not m.name.endswith(".__main__"))


def imports_in(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports, at any depth (inside functions too): (line, name)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def test_the_domain_modules_are_found_from_the_package():
    modules = domain_modules()
    assert {"coach.db", "coach.cli", "coach.insights", "coach.practice"} <= set(modules)
    assert len(modules) >= 25


def test_importing_every_domain_module_loads_neither_streamlit_nor_the_ui(tmp_path):
    code = (
        "import importlib, json, sys\n"
        f"for name in {domain_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & {set(UI)!r})))\n"
    )
    done = subprocess.run(  # a fresh interpreter, in a folder that is not the checkout
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_no_domain_module_imports_streamlit_or_the_ui_even_inside_a_function():
    package = Path(coach.__file__).parent
    files = sorted(package.rglob("*.py"))
    assert package / "db.py" in files and package / "__main__.py" in files
    found = [
        f"{path.relative_to(package.parent)}:{line} imports {name}"
        for path in files
        for line, name in imports_in(path)
        if name.split(".")[0] in UI
    ]
    assert found == []


def test_the_entry_scripts_import_only_streamlit_and_the_ui():
    # So the import contracts on coach_ui cover them too: nothing else can come in.
    for script in ("streamlit_app.py", "serve.py"):
        names = [name for _, name in imports_in(app_root() / script)]
        assert names, script
        assert {name.split(".")[0] for name in names} <= set(UI), (script, names)

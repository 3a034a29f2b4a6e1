"""The app as a user installs it: the built wheel in a fresh environment, started from any folder.

`uv build` makes the sdist and, from it, the wheel; the wheel goes into a new virtual
environment outside the checkout with the versions of uv.lock (uv's cache makes this
quick). Its `coach` command then writes a sample journal and serves the app from an
empty folder, with a home folder of its own, so nothing of the checkout can help it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.browser import free_port, wait_healthy

REPO = Path(__file__).resolve().parents[2]
UV = [sys.executable, "-m", "uv"]  # uv is a test tool (pyproject.toml)
START_TIMEOUT = 90.0  # no compiled bytecode in this environment: a slower first start
# The packaged .streamlit/config.toml's theme, as the browser computes it.
THEME_BACKGROUND = "rgb(251, 250, 247)"


@dataclass
class Installed:
    root: Path  # the test's folder, outside the checkout
    wheel: Path
    bin: Path  # the environment's scripts: python, coach
    env: dict[str, str]  # for the installed commands: no checkout, no user settings


def _run(command: list, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=300, **kwargs
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    root = tmp_path_factory.mktemp("installed")
    build_env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    _run([*UV, "build", "--quiet", "--out-dir", root / "dist", REPO], env=build_env)
    (wheel,) = (root / "dist").glob("interview_coach-*.whl")
    locked = root / "requirements.txt"
    _run(
        [*UV, "export", "--frozen", "--no-hashes", "--no-emit-project", "--output-file", locked],
        cwd=REPO,
        env=build_env,
    )
    _run([*UV, "venv", "--quiet", "--python", sys.executable, root / "venv"], env=build_env)
    python = root / "venv" / "bin" / "python"
    _run(
        [*UV, "pip", "install", "--quiet", "--python", python, "-r", locked, wheel],
        env=build_env,
    )
    home = root / "home"
    home.mkdir()
    env = {
        "PATH": f"{python.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(home),  # no ~/.streamlit of the machine's
        "XDG_DATA_HOME": str(root / "data"),
        "COACH_DB": str(root / "sample.duckdb"),
        "COACH_SAMPLE_DB": str(root / "unused-sample.duckdb"),
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return Installed(root=root, wheel=wheel, bin=python.parent, env=env)


def test_the_wheel_carries_the_app_and_leaves_the_developer_tools_behind(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    app = "coach_ui/app/"
    expected = {"streamlit_app.py", "serve.py", ".streamlit/config.toml", "pages/home.py"}
    assert {app + name for name in expected} <= names
    assert {Path(n).parts[0] for n in names} == {
        "coach",
        "coach_ui",
        installed.wheel.name.split("-py3")[0] + ".dist-info",
    }


def test_the_installed_package_finds_its_app_files_in_the_environment(installed):
    elsewhere = installed.root / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    shown = _run(
        [installed.bin / "python", "-c", "from coach_ui.pages import app_root; print(app_root())"],
        cwd=elsewhere,
        env=installed.env,
    )
    root = Path(shown.stdout.strip())
    assert root.is_relative_to(installed.root / "venv") and root.name == "app"
    assert (root / "pages" / "home.py").is_file()
    assert (
        "Interview Coach"
        in _run(
            [installed.bin / "python", "-m", "coach", "--help"], cwd=elsewhere, env=installed.env
        ).stdout
    )


def test_coach_app_serves_the_pages_from_any_folder_and_stops_on_ctrl_c(installed, page):
    elsewhere = installed.root / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    _run([installed.bin / "coach", "demo", installed.env["COACH_DB"]], env=installed.env)
    port = free_port()
    log = installed.root / "app.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            # Only the port: headless, localhost and the theme come from the packaged config.
            [installed.bin / "coach", "app", "--server.port", str(port)],
            cwd=elsewhere,
            env=installed.env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://localhost:{port}"
    try:
        wait_healthy(url, server, log, timeout=START_TIMEOUT)
        page.goto(url)
        main = page.locator('[data-testid="stMain"]')
        expect(main.locator("h1").filter(has_text="What to do next")).to_be_visible()
        expect(main.get_by_text("Held interviews to review")).to_be_visible()
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        background = page.locator('[data-testid="stApp"]').evaluate(
            "el => getComputedStyle(el).backgroundColor"
        )
        assert background == THEME_BACKGROUND

        page.goto(f"{url}/insights")  # another page, from the pages/ the wheel carries
        expect(main.locator("h1").filter(has_text="Insights")).to_be_visible()
        expect(main.get_by_text("Where you are weakest")).to_be_visible()
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
    output = log.read_text(errors="replace")
    assert server.returncode == 0, output
    assert "Stopped." in output

"""The app's launcher (`coach app`, scripts/run): serves the app from any folder, quiet Ctrl+C."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bench.browser import LAUNCHER, Server

REPO = Path(__file__).resolve().parents[1]
# scripts/run starts the launcher itself; `coach app` replaces its own process with it.
COMMANDS = {"launcher": LAUNCHER, "coach app": ("-m", "coach", "app")}


def test_scripts_run_starts_this_launcher():
    last_line = (REPO / "scripts/run").read_text().rstrip().splitlines()[-1]
    assert last_line == f'exec .venv/bin/python {" ".join(LAUNCHER)} "$@"'


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_ctrl_c_stops_the_app_with_success_and_no_alarm(tmp_path, command):
    # Started in tmp_path: the app finds its files through the package, not the folder.
    server = Server(tmp_path, None, tmp_path / "journal.duckdb", "launch.log", launcher=command)
    try:
        server.wait_healthy()
        server.process.send_signal(signal.SIGINT)
        server.process.wait(timeout=30)
    finally:
        server.stop()
    output = (tmp_path / "launch.log").read_text()
    assert server.process.returncode == 0, output
    assert "Stopped." in output
    assert "Aborted" not in output


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_mistyped_option_is_reported_as_streamlit_reports_it(tmp_path, command):
    done = subprocess.run(
        [sys.executable, *command, "--server.prot", "8600"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "No such option '--server.prot'" in done.stderr


def test_the_command_line_loads_no_duckdb_before_coach_app_hands_over(tmp_path):
    # Subcommands import the domain when they run: the app's start does not wait for it.
    code = "import sys, coach.cli; print(sorted({'duckdb', 'coach.db'} & set(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"

"""scripts/run's launcher (`python -m coach_ui.server.launch`): serves the app, quiet Ctrl+C."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from bench.browser import Server

REPO = Path(__file__).resolve().parents[1]


def test_scripts_run_starts_this_launcher():
    last_line = (REPO / "scripts/run").read_text().rstrip().splitlines()[-1]
    assert last_line == 'exec .venv/bin/python -m coach_ui.server.launch "$@"'


def test_ctrl_c_stops_the_app_with_success_and_no_alarm(tmp_path):
    server = Server(tmp_path, None, tmp_path / "journal.duckdb", "launch.log")  # the launcher
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


def test_a_mistyped_option_is_reported_as_streamlit_reports_it(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "coach_ui.server.launch", "--server.prot", "8600"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "No such option '--server.prot'" in done.stderr

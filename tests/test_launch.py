"""scripts/run's command (`python -m coach_ui.launch`): serves the app, stops quietly on Ctrl+C."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def launch(tmp_path: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "coach_ui.launch", *args],
        cwd=REPO,
        env={**os.environ, "COACH_DB": str(tmp_path / "journal.duckdb")},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_healthy(process: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[0]
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    process.kill()
    raise AssertionError("the app did not answer its health check within 60 s")


def test_scripts_run_starts_this_launcher():
    last_line = (REPO / "scripts/run").read_text().rstrip().splitlines()[-1]
    assert last_line == 'exec .venv/bin/python -m coach_ui.launch "$@"'


def test_ctrl_c_stops_the_app_with_success_and_no_alarm(tmp_path):
    port = free_port()
    process = launch(tmp_path, "--server.port", str(port), "--server.address", "127.0.0.1")
    wait_healthy(process, port)
    process.send_signal(signal.SIGINT)
    output = process.communicate(timeout=30)[0]
    assert process.returncode == 0, output
    assert "Stopped." in output
    assert "Aborted" not in output


def test_a_mistyped_option_is_reported_as_streamlit_reports_it(tmp_path):
    process = launch(tmp_path, "--server.prot", "8600")
    output = process.communicate(timeout=60)[0]
    assert process.returncode == 2
    assert "No such option '--server.prot'" in output

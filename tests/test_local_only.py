"""Which Host headers name this computer (coach_ui.server.local_only)."""

from __future__ import annotations

import pytest

from coach_ui.server.local_only import is_local_host


@pytest.mark.parametrize(
    "host", ["localhost:8501", "127.0.0.1:8501", "[::1]:8501", "LOCALHOST:8501"]
)
def test_this_computers_names_with_the_servers_port_are_local(host):
    assert is_local_host(host, 8501)


@pytest.mark.parametrize(
    "host",
    [
        None,
        "",
        "localhost",  # no port: port 80, not the server's
        "localhost:8502",
        "evil.test:8501",
        "localhost.evil.test:8501",
        "127.0.0.1.nip.io:8501",
        "localhost.:8501",
        "127.0.0.2:8501",
        "[::2]:8501",
        "user@localhost:8501",
        "localhost:8501/path",
        "localhost:notaport",
        "[::1:8501",
        "0.0.0.0:8501",
    ],
)
def test_any_other_name_or_port_is_not(host):
    assert not is_local_host(host, 8501)

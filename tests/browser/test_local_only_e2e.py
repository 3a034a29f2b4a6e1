"""Served to this computer only: a foreign Host is refused over HTTP and WebSocket, a
browser that reaches the server by another name gets nothing of the journal, and pages
may not be framed."""

from __future__ import annotations

import base64
import os
import socket
import urllib.request

import pytest
from playwright.sync_api import expect

from coach import companies, db

SECRET = "Confidential Employer Ltd"


@pytest.fixture(scope="module")
def local_server(tmp_path_factory):
    from conftest import start_server, stop_server  # this folder's harness

    workdir = tmp_path_factory.mktemp("local")
    path = workdir / "journal.duckdb"
    journal = db.open_journal(str(path))
    companies.add_company(journal, SECRET, "target")
    db.close_journal(str(path))
    server = start_server(workdir, path)
    yield server
    stop_server(server)


def http_get(server, path: str, host: str) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(server.url + path, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def websocket_status(server, host: str) -> str:
    """The status line the server answers a WebSocket handshake on /_stcore/stream with."""
    key = base64.b64encode(os.urandom(16)).decode()
    handshake = (
        "GET /_stcore/stream HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Protocol: streamlit\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(handshake.encode())
        return sock.recv(4096).decode("latin-1").split("\r\n", 1)[0]


@pytest.mark.parametrize(
    "host",
    ["coach-rebind.test:{port}", "localhost:1", "127.0.0.1.nip.io:{port}", "localhost.:{port}"],
)
def test_a_forged_host_header_is_refused_over_http_and_websocket(local_server, host):
    host = host.format(port=local_server.port)
    for path in ("/", "/_stcore/health", "/interviews", "/_stcore/host-config"):
        status, _, body = http_get(local_server, path, host)
        assert status == 421, (path, status)
        assert "answers only to this computer" in body
    assert " 403 " in websocket_status(local_server, host)


@pytest.mark.parametrize("host", ["localhost:{port}", "127.0.0.1:{port}", "[::1]:{port}"])
def test_this_computers_own_names_are_served_and_may_not_be_framed(local_server, host):
    host = host.format(port=local_server.port)
    status, headers, _ = http_get(local_server, "/", host)
    assert status == 200
    headers = {k.lower(): v for k, v in headers.items()}
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert " 101 " in websocket_status(local_server, host)


def test_a_browser_reaching_the_server_by_another_name_sees_nothing_of_the_journal(
    local_server, browser, wait_for_app
):
    from conftest import CHROMIUM, CHROMIUM_ARGS

    # DNS rebinding: another name that resolves to this machine.
    rebinding = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP coach-rebind.test 127.0.0.1"],
    )
    try:
        page = rebinding.new_page()
        sockets = []
        page.on("websocket", lambda ws: sockets.append(ws.url))
        response = page.goto(f"http://coach-rebind.test:{local_server.port}/interviews")
        assert response.status == 421
        expect(page.get_by_text("answers only to this computer")).to_be_visible()
        page.wait_for_timeout(1000)
        assert SECRET not in page.content()
        assert sockets == []

        # The same browser, by this machine's own name, is served the journal.
        page.goto(f"http://localhost:{local_server.port}/interviews")
        wait_for_app(page)
        page.get_by_role("tab", name="Companies").click()
        expect(page.get_by_text(SECRET).first).to_be_visible()
    finally:
        rebinding.close()

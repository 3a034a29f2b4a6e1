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


def refusal(accept_language: str | None) -> str:
    """The body a request for another host name is refused with."""
    import asyncio
    import concurrent.futures

    from coach_ui.server.local_only import LocalOnly

    headers = [(b"host", b"evil.test:8501")]
    if accept_language is not None:
        headers.append((b"accept-language", accept_language.encode()))
    scope = {"type": "http", "server": ("127.0.0.1", 8501), "headers": headers}
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    async def never_called(*_args):
        raise AssertionError("a foreign host reached the app")

    # In its own thread: Playwright's sync API, used by the browser tests earlier in a
    # full run, leaves an event loop running in this one, where asyncio.run refuses.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, LocalOnly(never_called)(scope, None, send)).result()
    assert sent[0]["status"] == 421
    return sent[1]["body"].decode()


@pytest.mark.parametrize("accept_language", [None, "", "en-US,en;q=0.9", "de-DE"])
def test_a_foreign_host_is_refused_in_english_by_default(accept_language):
    assert refusal(accept_language) == (
        "This Interview Coach server answers only to this computer: open it as "
        "http://localhost:8501/ or http://127.0.0.1:8501/ on the computer that runs it.\n"
    )


@pytest.mark.parametrize("accept_language", ["zh-CN,zh;q=0.9,en;q=0.8", "zh", "zh-TW"])
def test_a_foreign_host_is_refused_in_chinese_for_a_chinese_browser(accept_language):
    assert refusal(accept_language) == (
        "这个面试教练服务器只响应本机的访问：请在运行它的电脑上打开 "
        "http://localhost:8501/ 或 http://127.0.0.1:8501/。\n"
    )

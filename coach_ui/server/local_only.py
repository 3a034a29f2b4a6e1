"""Served to this computer only: an ASGI middleware in front of the whole app.

A page on another site can make the browser ask for `http://some-name:8501` where
`some-name` resolves to 127.0.0.1 (DNS rebinding): the listening address alone does not
stop it. Every HTTP request and WebSocket whose Host header is not this machine's own
name with the port the server listens on is refused before it reaches Streamlit; every
page says it may not be shown inside another site's frame, and tells the browser to load
nothing from any other host (a second wall behind coach.text.md: were some user text
ever rendered as an image, the browser would still not fetch it).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.middleware import Middleware

from coach import i18n
from coach.i18n import _

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# Streamlit's page has one inline script, styles set at run time, Vega's expressions
# (eval), and data:/blob: images, fonts, audio and workers; every source is this app.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' data: blob:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self' blob: data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
ANTI_FRAMING = [
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
]


def is_local_host(host: str | None, port: int | None) -> bool:
    """Whether a Host header names this machine (localhost, 127.0.0.1 or [::1]) at `port`."""
    if not host:
        return False
    try:
        parts = urlsplit(f"//{host}")
        name, given_port = parts.hostname, parts.port
    except ValueError:  # a port that is not a number, brackets that do not close…
        return False
    if name is None or parts.username or parts.password or parts.path or parts.query:
        return False
    if port is not None and (given_port or 80) != port:
        return False
    return name in LOCAL_NAMES


class LocalOnly:
    """Refuse foreign Host headers (HTTP 421, WebSocket closed before it opens); add
    anti-framing headers to every HTTP response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        server = scope.get("server")
        port = server[1] if server else None
        host = _header(scope, b"host")
        if not is_local_host(host, port):
            await _refuse(scope, receive, send, port)
            return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *ANTI_FRAMING]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _header(scope, name: bytes) -> str | None:
    values = [v for k, v in scope.get("headers", []) if k.lower() == name]
    if len(values) != 1:  # none, or two Host headers: ambiguous, refused
        return None
    return values[0].decode("latin-1")


async def _refuse(scope, receive, send, port: int | None) -> None:
    if scope["type"] == "websocket":
        await receive()  # the websocket.connect message
        # Closing before accepting answers the handshake with HTTP 403.
        await send({"type": "websocket.close", "code": 1008})
        return
    at = f":{port}" if port else ""
    # No session here: the browser's own language (Accept-Language) says it.
    with i18n.speaking(i18n.from_locale(first_language(_header(scope, b"accept-language")))):
        body = (
            _(
                "This Interview Coach server answers only to this computer: open it as "
                "{localhost} or {loopback} on the computer that runs it."
            ).format(localhost=f"http://localhost{at}/", loopback=f"http://127.0.0.1{at}/")
            + "\n"
        ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 421,  # Misdirected Request: this server is not that host
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *ANTI_FRAMING,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def first_language(accept_language: str | None) -> str | None:
    """The browser's first language in an Accept-Language header: 'zh-CN,zh;q=0.9' -> 'zh-CN'."""
    if not accept_language:
        return None
    return accept_language.split(",")[0].split(";")[0].strip() or None


# What serve.py's st.App is given: before Streamlit's own middleware, every request.
MIDDLEWARE = [Middleware(LocalOnly)]

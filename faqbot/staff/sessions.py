"""Staff sessions end: after `staff_idle_minutes` without a request and `staff_session_hours` after sign-in.

Gradio keeps its sign-in tokens in `app.tokens` (token -> name) and looks every request's token up with
`app.tokens.get(token)`; `SessionTable` is that table with each token's start and last use, so an expired token is
forgotten at its next use (the request is refused and the browser gets the sign-in page) and by the periodic check.
Each end is written to the audit trail. The middleware here keeps anonymous callers out (`SignedInOnly`) and the
sign-in token in Secure cookies only behind TLS (`NoInsecureCookieOverHttps`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from starlette.requests import HTTPConnection

from faqbot.records.audit import Action, AuditTrail
from faqbot.settings import Settings

PUBLIC_PATHS = ("/", "/login", "/login/", "/logout", "/config", "/theme.css", "/favicon.ico", "/robots.txt",
                "/manifest.json", "/gradio_api/startup-events")  # Gradio calls the last itself at launch
PUBLIC_PREFIXES = ("/assets/", "/static/")  # the sign-in page's own scripts, styles and fonts


class SignedInOnly:
    """ASGI middleware for the staff workspace: without a signed-in session, only the sign-in page and its files
    are served; everything else is 401. Gradio itself leaves a few routes open (/gradio_api/heartbeat streams to
    anyone, /gradio_api/cancel and /openapi.json answer anonymous calls)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] in ("http", "websocket") and not self._allowed(scope):
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 4401})
                return
            await send({"type": "http.response.start", "status": 401,
                        "headers": [(b"content-type", b"application/json")]})
            await send({"type": "http.response.body", "body": b'{"detail": "Not authenticated"}'})
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _allowed(scope: dict) -> bool:
        path = scope.get("path", "")
        if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
            return True
        return session_token(HTTPConnection(scope)) is not None


class NoInsecureCookieOverHttps:
    """ASGI middleware: a sign-in that came over HTTPS (behind the proxy, which says so in X-Forwarded-Proto) gets
    only Gradio's Secure cookie. Gradio also sets an `access-token-unsecure-*` twin holding the same token without
    Secure, for plain http; it is still set there (development on 127.0.0.1), and always removed at logout."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not _over_https(scope):
            await self.app(scope, receive, send)
            return

        async def send_without_twin(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message["headers"] if not _insecure_token_cookie(k, v)]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_without_twin)


def _over_https(scope: dict) -> bool:
    """Whether the browser's request came over HTTPS: directly, or to the proxy (uvicorn believes 127.0.0.1's
    X-Forwarded-Proto; a forged one only takes a cookie out of the forger's own answer)."""
    forwarded = dict(scope.get("headers") or []).get(b"x-forwarded-proto", b"")
    return scope.get("scheme") == "https" or forwarded.strip().lower() == b"https"


def _insecure_token_cookie(name: bytes, value: bytes) -> bool:
    """A Set-Cookie header giving Gradio's unsecure token cookie a value (not the one clearing it)."""
    if name.lower() != b"set-cookie" or not value.startswith(b"access-token-unsecure-"):
        return False
    token = value.split(b";", 1)[0].split(b"=", 1)[-1]
    return token.strip(b'" ') != b""


def session_token(connection: HTTPConnection | None) -> str | None:
    """The sign-in token of the live staff session a request (or websocket) comes from, or None."""
    gradio = connection and connection.scope.get("app")  # Starlette puts Gradio's App in every scope
    tokens = getattr(gradio, "tokens", None)
    if tokens is None:
        return None
    cookie_id = getattr(gradio, "cookie_id", "")
    for name in (f"access-token-{cookie_id}", f"access-token-unsecure-{cookie_id}"):
        token = connection.cookies.get(name)
        if token and tokens.get(token) is not None:
            return token
    return None


def install(server: Any, settings: Settings, audit: AuditTrail | None) -> SessionTable:
    """Put a SessionTable in place of a launched Gradio app's token table."""
    server.tokens = SessionTable(server.tokens, settings.staff_idle_minutes * 60, settings.staff_session_hours * 3600,
                                 audit)
    return server.tokens


class SessionTable(dict):
    """token -> staff name, forgetting tokens idle longer than `idle_s` or older than `max_s`."""

    def __init__(self, tokens: dict[str, str], idle_s: float, max_s: float, audit: AuditTrail | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.idle_s, self.max_s, self.audit, self._clock = idle_s, max_s, audit, clock
        self._times: dict[str, tuple[float, float]] = {}  # token -> (started, last used)
        self._lock = threading.Lock()
        for token, name in tokens.items():
            self[token] = name

    def __setitem__(self, token: str, name: str) -> None:
        with self._lock:
            now = self._clock()
            self._times[token] = (now, now)
            super().__setitem__(token, name)

    def __delitem__(self, token: str) -> None:
        with self._lock:
            self._times.pop(token, None)
            super().__delitem__(token)

    def pop(self, token: str, *default: Any) -> Any:
        with self._lock:
            self._times.pop(token, None)
            return super().pop(token, *default)

    def get(self, token: Any, default: Any = None) -> Any:
        """The name signed in with `token`, or `default` when there is none or it expired (now forgotten)."""
        if not isinstance(token, str) or not super().__contains__(token):
            return default
        why = self._expired(token)
        if why:
            self.end(token, why)
            return default
        with self._lock:
            started, _ = self._times.get(token, (self._clock(), 0.0))
            self._times[token] = (started, self._clock())
        return super().get(token, default)

    def _expired(self, token: str) -> str:
        now = self._clock()
        with self._lock:
            started, used = self._times.get(token, (now, now))
        if now - started > self.max_s:
            return f"session ended after {self.max_s / 3600:g} hours"
        if now - used > self.idle_s:
            return f"session ended after {self.idle_s / 60:g} minutes without use"
        return ""

    def end(self, token: str, why: str) -> None:
        """Forget a token, saying why in the audit trail."""
        name = self.pop(token, None)
        if name is not None and self.audit is not None:
            self.audit.record(name, Action.SIGNED_OUT, why)

    def end_expired(self) -> int:
        """Forget every expired token now; returns how many."""
        expired = [(token, why) for token in list(self.keys()) if (why := self._expired(token))]
        for token, why in expired:
            self.end(token, why)
        return len(expired)

"""The app server's own limits, whatever stands in front of it: a request must arrive whole within
`request_seconds` of its first byte (headers and body: a client that sends half its headers and waits is cut off),
at most `max_connections` connections and requests are served at once (uvicorn answers 503 beyond, at once, rather
than letting everyone wait), and the process may open as many files as the system lets it (the soft limit of 1,024
let 1,100 half-open connections time every question out).

The proxy (deploy/, faqbot/deploy/proxy.py) has the same limits per client; these hold when a process is reached
without it (a misconfigured firewall, the proxy's own connections piling up) and bound what one process holds.

Gradio builds uvicorn's `Config` itself, with fixed arguments (gradio/http_server.py `start_server`), so `install`
puts a `Config` with these limits in uvicorn's place for this process, before `launch`. Both apps' `main` call it;
tests that build apps in-process don't, and keep uvicorn as it is.
"""

from __future__ import annotations

import asyncio
import logging
import resource
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

INCOMPLETE = (h11.IDLE, h11.SEND_BODY)  # the client's side of the connection while its request is still arriving


class RequestDeadline(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request isn't whole `request_seconds` after it
    opened or after the request's first byte (uvicorn itself waits for headers forever)."""

    request_seconds: float = 10.0
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._deadline is None and self.conn.their_state in INCOMPLETE:
            self._arm()  # the first bytes of the next request on a kept-alive connection
        super().data_received(data)
        if self.conn.their_state not in INCOMPLETE:
            self._disarm()  # the request is in (or the connection is ending): the response may take its time

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._deadline = self.loop.call_later(self.request_seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if self.conn.their_state in INCOMPLETE and not self.transport.is_closing():
            self.transport.close()  # a request being read gets http.disconnect, as when a client goes away


def limited_config(request_seconds: float, max_connections: int) -> type[uvicorn.Config]:
    """uvicorn's Config with the request deadline and the connection cap (the rest as the caller gives it)."""
    protocol = type("RequestDeadline", (RequestDeadline,), {"request_seconds": request_seconds})

    class LimitedConfig(uvicorn.Config):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("http", protocol)
            kwargs.setdefault("limit_concurrency", max_connections)
            kwargs.setdefault("timeout_keep_alive", 5)
            super().__init__(*args, **kwargs)

    return LimitedConfig


def install(request_seconds: float, max_connections: int) -> None:
    """Serve this process's apps with these limits and the most open files allowed (see the module's note)."""
    uvicorn.Config = limited_config(request_seconds, max_connections)  # type: ignore[misc]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        except (ValueError, OSError) as exc:
            log.warning("could not raise the open-file limit from %s to %s (%s)", soft, wanted, exc)

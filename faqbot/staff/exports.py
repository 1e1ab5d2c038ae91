"""CSV exports for staff: formula-safe cells, owner-only files, served once to the session that made them.

An export holds patient questions (or who did what), so it is served only to the signed-in staff session that made
it (`OwnDownloadsOnly` refuses every other session, whichever route or link names the file), and deleted with
Gradio's cached copy as soon as it was downloaded, or `EXPORT_UNCLAIMED_S` after it was made if it never was.
Each download and each refusal is in the audit trail. Folders left by earlier runs are removed at start.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import secrets
import shutil
import string
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
from gradio.utils import get_upload_folder
from starlette.requests import HTTPConnection

from faqbot.records.audit import Action, AuditTrail
from faqbot.staff.sessions import session_token

EXPORT_UNCLAIMED_S = 600  # an export nobody downloaded is deleted after 10 minutes, here and in Gradio's cache
EXPORTS_PREFIX = "faqbot-export-"  # the exports folder's name and every export's file name start with it
EXPORT_LIMIT = 10_000_000  # an export has every matching row, not the page's newest 500
EXPORT_NAME = re.compile(r"faqbot-export-[a-z]+-[a-z]{16}\.csv")


@dataclass(frozen=True)
class Export:
    path: Path
    token: str  # the sign-in token of the session that made it
    who: str
    made: float  # time.monotonic()


class Exports:
    """The workspace's CSV exports that are waiting for their download, each with the session that made it."""

    def __init__(self, folder: Path, audit: AuditTrail | None = None,
                 unclaimed_s: float = EXPORT_UNCLAIMED_S) -> None:
        self.folder, self.audit, self.unclaimed_s = folder, audit, unclaimed_s
        self._waiting: dict[str, Export] = {}  # file name -> export
        self._lock = threading.Lock()

    def write(self, rows: list[list[Any]], header: list[str], kind: str, request: Any) -> str:
        """The rows as a CSV file for the staff session of `request` (a gr.Request) only; returns its path."""
        token = session_token(request.request)
        if token is None:  # SignedInOnly lets no such request through; never make a file nobody may fetch
            raise gr.Error("Sign in again to export", print_exception=False)
        self.remove_unclaimed()
        path = write_csv(rows, self.folder, header, kind)
        with self._lock:
            self._waiting[path.name] = Export(path, token, request.username or "staff", time.monotonic())
        return str(path)

    def owner(self, name: str) -> Export | None:
        with self._lock:
            return self._waiting.get(name)

    def remove(self, name: str) -> None:
        """Delete an export and Gradio's copies of it (`<cache>/<hash>/<name>`, with their folder)."""
        with self._lock:
            export = self._waiting.pop(name, None)
        if export is not None:
            export.path.unlink(missing_ok=True)
        for copy in Path(get_upload_folder()).glob(f"*/{name}"):
            copy.unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # Gradio's per-content folder, unless another file shares it
                copy.parent.rmdir()

    def remove_unclaimed(self) -> int:
        """Delete the exports nobody downloaded within `unclaimed_s`; returns how many."""
        now = time.monotonic()
        with self._lock:
            old = [name for name, export in self._waiting.items() if now - export.made > self.unclaimed_s]
        for name in old:
            self.remove(name)
        return len(old)

    def start_cleanup(self, every_s: float = 60) -> threading.Event:
        """Delete export folders left by earlier runs now, and unclaimed exports every `every_s` seconds, until the
        returned event is set."""
        for stale in Path(tempfile.gettempdir()).glob(f"{EXPORTS_PREFIX}*"):
            if stale.is_dir() and stale.resolve() != self.folder.resolve():
                shutil.rmtree(stale, ignore_errors=True)
        stop = threading.Event()

        def loop() -> None:
            while not stop.wait(every_s):
                self.remove_unclaimed()

        threading.Thread(target=loop, name="export-cleanup", daemon=True).start()
        return stop

    def record(self, who: str, action: Action, detail: str) -> None:
        if self.audit is not None:
            self.audit.record(who, action, detail)


class OwnDownloadsOnly:
    """ASGI middleware for the staff workspace: a request naming an export (in its path, or through a link such as
    /proc/self/fd/N that leads to one) is refused unless it comes from the session that made it; after a complete
    download the export is deleted. Runs after SignedInOnly, so every request here is signed in."""

    def __init__(self, app: Any, exports: Exports) -> None:
        self.app, self.exports = app, exports

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        name = named_export(scope.get("path", "")) if scope["type"] == "http" else None
        if name is None:
            await self.app(scope, receive, send)
            return
        export = self.exports.owner(name)
        connection = HTTPConnection(scope)
        token = session_token(connection)
        if export is None or export.token != token:
            who = connection.app.tokens.get(token) if token else None
            if export is not None:
                self.exports.record(who or "staff", Action.DOWNLOAD_REFUSED, f"{name}, made by {export.who}")
            await _refuse(send, 404 if export is None else 403,
                          "This export was already downloaded, or is too old: export it again." if export is None
                          else "This export was made by another staff session.")
            return
        if scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        status = 0

        async def sending(message: dict) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            if message["type"] == "http.response.body" and not message.get("more_body") and status == 200:
                self.exports.remove(name)  # its last bytes are read: gone before the browser has them
                self.exports.record(export.who, Action.DOWNLOADED_EXPORT, name)
            await send(message)

        await self.app(scope, receive, sending)


def named_export(path: str) -> str | None:
    """The export file a request path names, itself or through a symbolic link on a file route."""
    found = EXPORT_NAME.search(path)
    if found is None and "file" in path:  # /gradio_api/file=<path>, /gradio_api/file/<path>
        target = re.split(r"/file[=/]", path, maxsplit=1)[-1]
        try:
            found = EXPORT_NAME.search(os.path.realpath(target))
        except (OSError, ValueError):  # a NUL byte: Gradio refuses the path too
            return None
    return found.group() if found else None


async def _refuse(send: Any, status: int, message: str) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"cache-control", b"no-store")]})
    await send({"type": "http.response.body", "body": message.encode()})


def write_csv(rows: list[list[Any]], folder: Path, header: list[str], kind: str) -> Path:
    """The rows as a new owner-only CSV file `faqbot-export-<kind>-<16 random letters>.csv` (UTF-8 with BOM, so
    spreadsheet programs read accents right)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    random = "".join(secrets.choice(string.ascii_lowercase) for _ in range(16))
    path = folder / f"{EXPORTS_PREFIX}{kind}-{random}.csv"
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", newline="",
                   encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([[_csv_safe(cell) for cell in row] for row in rows])
    return path


def _csv_safe(cell: Any) -> Any:
    """Patient text can't become a spreadsheet formula (=, +, -, @ at the start)."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell

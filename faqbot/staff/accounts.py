"""Staff accounts: scrypt password hashes with a per-account salt, and a limit on failed logins.

There is no default account: `python -m faqbot staff add NAME` creates one. Sign-ins, failures and lockouts go to
the audit trail (and a lockout to the log); flooding the failure table with other names never frees a locked
account.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
import threading
import time
from collections import defaultdict, deque
from datetime import UTC, datetime, timedelta
from functools import cache

from faqbot.errors import SettingsError
from faqbot.records.audit import Action, AuditTrail
from faqbot.records.storage import Store

# scrypt cost: ~50 ms and 16 MiB per check on this machine's cores - slow for guessing, fine for a login.
_N, _R, _P = 2**14, 8, 1
_NAME = re.compile(r"^[A-Za-z0-9._@-]{2,64}$")
MIN_PASSWORD_CHARS = 10
MAX_FAILURES = 5  # failed logins per account within FAILURE_WINDOW_S before it is locked for the rest of it
FAILURE_WINDOW_S = 15 * 60
MAX_TRACKED_NAMES = 10_000  # names with recent failures kept in memory; beyond, the oldest unlocked is forgotten

log = logging.getLogger(__name__)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return "$".join(["scrypt", str(_N), str(_R), str(_P), base64.b64encode(salt).decode(),
                     base64.b64encode(digest).decode()])


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                                dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def check_new_account(name: str, password: str) -> None:
    """Refuse a name or password that can't be used, saying why."""
    if not _NAME.match(name):
        raise SettingsError(f"Staff name {name!r} must be 2-64 letters, digits or . _ @ -")
    if len(password) < MIN_PASSWORD_CHARS:
        raise SettingsError(f"The password must have at least {MIN_PASSWORD_CHARS} characters")


class Accounts:
    """Who may sign in to the staff workspace."""

    def __init__(self, store: Store, clock=time.monotonic, audit: AuditTrail | None = None) -> None:
        self.store = store
        self.audit = audit
        self._clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._signed_in_with: dict[str, str] = {}  # name -> the password hash it last signed in with
        self._lock = threading.Lock()

    def add(self, name: str, password: str) -> None:
        check_new_account(name, password)
        self.store.add_staff(name, hash_password(password))

    def _locked(self, name: str) -> bool:
        now = self._clock()
        with self._lock:
            failures = self._failures.get(name)
            while failures and now - failures[0] > FAILURE_WINDOW_S:
                failures.popleft()
            if failures is not None and not failures:
                del self._failures[name]
            return bool(failures) and len(failures) >= MAX_FAILURES

    def _failed(self, name: str) -> bool:
        """Count a failed login; True when it locks the name."""
        with self._lock:
            if name not in self._failures and len(self._failures) >= MAX_TRACKED_NAMES:
                unlocked = next((n for n, f in self._failures.items() if len(f) < MAX_FAILURES), None)
                if unlocked is not None:  # forget the name tracked longest, never a locked one
                    del self._failures[unlocked]
            self._failures[name].append(self._clock())
            return len(self._failures[name]) == MAX_FAILURES

    def locked_until(self, name: str) -> datetime | None:
        """When a locked name may sign in again (UTC), or None when it isn't locked."""
        if not self._locked(name):
            return None
        with self._lock:
            failures = self._failures.get(name)
            if not failures:
                return None
            left = FAILURE_WINDOW_S - (self._clock() - failures[-MAX_FAILURES])
        return datetime.now(UTC) + timedelta(seconds=max(left, 0))

    def _note(self, name: str, action: Action, detail: str = "") -> None:
        if self.audit is not None:
            self.audit.record(name[:64], action, detail)

    def login(self, name: str, password: str) -> bool:
        """True for a right name and password, unless the account had too many failed logins lately."""
        if (until := self.locked_until(name)) is not None:
            self._note(name, Action.SIGN_IN_FAILED, f"refused: locked until {until:%H:%M} UTC")
            return False
        stored = self.store.staff_password_hash(name)
        ok = verify_password(password, stored) if stored else verify_password(password, _dummy_hash())  # same cost
        if not ok or stored is None:
            self._note(name, Action.SIGN_IN_FAILED, "no such account" if stored is None else "wrong password")
            if self._failed(name):
                until = self.locked_until(name)
                log.warning("staff sign-in for %r locked after %d failures until %s UTC", name[:64], MAX_FAILURES,
                            f"{until:%H:%M}" if until else "?")
                self._note(name, Action.LOCKED_OUT, f"after {MAX_FAILURES} failed sign-ins in "
                            f"{FAILURE_WINDOW_S // 60} minutes, until {until:%H:%M} UTC" if until else "")
            return False
        with self._lock:
            self._signed_in_with[name] = stored
        self._note(name, Action.SIGNED_IN)
        return True

    def still_valid(self, name: str) -> bool:
        """Whether a session opened by `name` may go on: the account exists and its password hasn't changed."""
        with self._lock:
            seen = self._signed_in_with.get(name)
        return seen is not None and self.store.staff_password_hash(name) == seen

    def end_stale_sessions(self, tokens: dict[str, str]) -> int:
        """Remove the login tokens (token -> name, Gradio's session table) of removed accounts and of accounts
        whose password changed since they signed in; returns how many were ended."""
        stale = [token for token, name in list(tokens.items()) if not self.still_valid(name)]
        for token in stale:
            if hasattr(tokens, "end"):  # sessions.SessionTable: says so in the audit trail
                tokens.end(token, "session ended: account removed or password changed")
            else:
                tokens.pop(token, None)
        return len(stale)

    async def login_async(self, name: str, password: str) -> bool:
        """`login` for Gradio's async login route: the slow hash runs in a worker thread. A locked name is answered
        429 with when the lock ends (the sign-in page shows it), whether or not an account has that name."""
        import anyio
        from fastapi import HTTPException

        ok = await anyio.to_thread.run_sync(self.login, name, password)
        if not ok and (until := self.locked_until(name)) is not None:
            raise HTTPException(status_code=429, detail=locked_message(until))
        return ok


def locked_message(until: datetime) -> str:
    return (f"Too many failed sign-ins with this name: signing in with it is paused until {until:%H:%M} UTC. "
            "Ask a colleague to check the audit trail if this wasn't you.")


@cache
def _dummy_hash() -> str:
    """Checked against when the name is unknown, so a wrong name takes as long as a wrong password."""
    return hash_password(secrets.token_urlsafe(16))

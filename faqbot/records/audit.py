"""The audit trail: who did what in the staff workspace, and when (HIPAA's audit controls, 45 CFR 164.312(b)).

Sign-ins (and failures and lockouts), views and exports of the question log (and each export's download), reviews,
pins and "not in our documents" marks, document changes, account changes and views of this trail itself are
appended to the `audit` table of the same database. Nothing in the workspace edits or deletes an entry (a trigger
refuses updates); entries older than `audit_retention_days` are purged for good, like questions. Details pass
through `redact` first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from faqbot.records.redact import redact
from faqbot.records.storage import Database

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,        -- UTC, ISO 8601
    actor TEXT NOT NULL,     -- the staff account, or "command line (os user)"
    action TEXT NOT NULL,    -- an Action's value
    detail TEXT NOT NULL     -- what: ids, file names, filters (redacted)
);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at);
CREATE TRIGGER IF NOT EXISTS audit_append_only BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""


class Action(StrEnum):
    SIGNED_IN = "signed in"
    SIGN_IN_FAILED = "sign-in failed"
    LOCKED_OUT = "locked out"
    SIGNED_OUT = "signed out"
    VIEWED_LOG = "viewed the question log"
    EXPORTED_LOG = "exported the question log"
    OPENED_QUESTION = "opened a question"
    REVIEWED = "marked an answer"
    PINNED = "pinned an answer"
    MARKED_NOT_COVERED = "marked not in our documents"
    EDITED_PIN = "edited a pin"
    REMOVED_PIN = "removed a pin"
    EXPORTED_PINS = "exported the pins"
    CHANGED_DOCUMENTS = "changed the documents"
    ADDED_ACCOUNT = "saved an account"
    REMOVED_ACCOUNT = "removed an account"
    VIEWED_AUDIT = "viewed the audit trail"
    EXPORTED_AUDIT = "exported the audit trail"
    DOWNLOADED_EXPORT = "downloaded an export"
    DOWNLOAD_REFUSED = "was refused another session's export"
    PURGED = "purged old records"


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    detail: str


@dataclass(frozen=True)
class AuditFilter:
    """Which entries staff want to see; every field is optional."""

    actor: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    text: str | None = None  # found in the detail (case-insensitive)
    limit: int = 500

    def where(self) -> tuple[str, tuple[Any, ...]]:
        clauses: list[str] = []
        values: list[Any] = []
        for clause, value in (("actor = ?", self.actor), ("action = ?", self.action),
                              ("at >= ?", self.since and _iso(self.since)), ("at < ?", self.until and _iso(self.until)),
                              ("instr(lower(detail), lower(?)) > 0", self.text)):
            if value:
                clauses.append(clause)
                values.append(value)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(values)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class AuditTrail(Database):
    """Appends and reads audit entries."""

    what = "the audit trail"

    def __init__(self, path: Path) -> None:
        super().__init__(path, _SCHEMA)

    def record(self, actor: str, action: Action, detail: str = "") -> None:
        self._execute("INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                      (_iso(datetime.now(UTC)), actor, action.value, redact(detail)))

    def entries(self, found: AuditFilter = AuditFilter()) -> list[AuditEntry]:
        """Entries matching the filter, newest first."""
        where, values = found.where()
        rows = self._execute(f"SELECT * FROM audit{where} ORDER BY id DESC LIMIT ?", (*values, found.limit))
        return [AuditEntry(r["id"], datetime.fromisoformat(r["at"]), r["actor"], r["action"], r["detail"])
                for r in rows.fetchall()]

    def actors(self) -> list[str]:
        return [r["actor"] for r in self._execute("SELECT DISTINCT actor FROM audit ORDER BY actor").fetchall()]

    def purge(self, older_than: datetime) -> int:
        """Delete for good the entries made before `older_than` (the audit retention period)."""
        return self._execute("DELETE FROM audit WHERE at < ?", (_iso(older_than),)).rowcount

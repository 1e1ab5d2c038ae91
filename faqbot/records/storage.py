"""The record of what patients asked and were shown, with their feedback: one small module over SQLite.

Everything that reaches the database passes through `redact` first. The file lives in the data folder (a setting),
is readable by its owner only, runs in WAL mode so the page's threads and processes can write while staff read, and
uses `secure_delete` so that a purge really removes the text. A server database could replace this module without
touching its callers: they only see `Store` and `Interaction`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from faqbot.errors import StorageError
from faqbot.models import Answer
from faqbot.records.redact import redact

DATABASE = "faqbot.sqlite3"
SCHEMA_VERSION = 4  # 2: staff review columns; 3: escalation; 4: pin numbers never reused

_PINS = """CREATE TABLE IF NOT EXISTS pins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: a removed pin's number is not given to another
    question TEXT NOT NULL,      -- the approved question; close paraphrases get the same answer
    passage_ids TEXT NOT NULL,   -- JSON list, shown in this order
    approved_by TEXT NOT NULL,
    approved_at TEXT NOT NULL
);"""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS interactions (
    id INTEGER PRIMARY KEY,
    asked_at TEXT NOT NULL,      -- UTC, ISO 8601
    question TEXT NOT NULL,      -- as the patient wrote it, redacted
    query TEXT NOT NULL,         -- what was searched: a follow-up carries the previous question; redacted
    status TEXT NOT NULL,        -- answered | no_match | urgent
    escalation TEXT,             -- when urgent: crisis | emergency | clinic
    reason TEXT NOT NULL,
    shown TEXT NOT NULL,         -- JSON list of the passages shown, best first
    feedback INTEGER,            -- 1 helpful, 0 not helpful, NULL not given
    feedback_at TEXT,
    review TEXT,                 -- staff verdict: right | wrong, NULL not reviewed
    reviewed_by TEXT,
    reviewed_at TEXT
);
CREATE INDEX IF NOT EXISTS interactions_asked_at ON interactions (asked_at);
{pins}
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters VALUES ('pins', 0);
CREATE TABLE IF NOT EXISTS staff (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,  -- see faqbot.staff.accounts: scrypt with a per-account salt
    created_at TEXT NOT NULL
);
""".replace("{pins}", _PINS)


@dataclass(frozen=True)
class LogFilter:
    """Which interactions staff want to see; every field is optional."""

    status: str | None = None  # answered | no_match | urgent
    feedback: str | None = None  # helpful | not_helpful | none
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    text: str | None = None  # found anywhere in the question (case-insensitive)
    unreviewed: bool = False  # only questions staff haven't marked right or wrong
    limit: int = 500

    def where(self) -> tuple[str, tuple[Any, ...]]:
        clauses: list[str] = []
        values: list[Any] = []
        if self.status:
            clauses.append("status = ?")
            values.append(self.status)
        if self.feedback:
            clauses.append({"helpful": "feedback = 1", "not_helpful": "feedback = 0",
                            "none": "feedback IS NULL"}[self.feedback])
        if self.since:
            clauses.append("asked_at >= ?")
            values.append(self.since.astimezone(UTC).isoformat(timespec="seconds"))
        if self.until:
            clauses.append("asked_at < ?")
            values.append(self.until.astimezone(UTC).isoformat(timespec="seconds"))
        if self.text:
            clauses.append("instr(lower(question), lower(?)) > 0")
            values.append(self.text)
        if self.unreviewed:
            clauses.append("review IS NULL")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(values)


@dataclass(frozen=True)
class ShownPassage:
    id: str
    source: str
    title: str
    heading: str
    score: float
    highlight: str


@dataclass(frozen=True)
class Interaction:
    """One patient question and what they were shown."""

    id: int
    asked_at: datetime
    question: str
    query: str
    status: str
    reason: str
    shown: tuple[ShownPassage, ...]
    feedback: bool | None
    feedback_at: datetime | None
    review: str | None = None  # right | wrong
    reviewed_by: str | None = None
    escalation: str | None = None  # when urgent: crisis | emergency | clinic


@dataclass(frozen=True)
class Pin:
    """An answer approved by staff: these passages, first, for this question and its close paraphrases; no passages:
    the documents don't cover it (the fallback with the clinic's contact)."""

    id: int
    question: str
    passage_ids: tuple[str, ...]
    approved_by: str
    approved_at: datetime


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _shown(answer: Answer) -> str:
    return json.dumps(
        [
            {
                "id": hit.passage.id,
                "source": hit.passage.source,
                "title": hit.passage.title,
                "heading": hit.passage.heading,
                "score": round(hit.score, 4),
                "highlight": hit.highlight,
            }
            for hit in answer.hits
        ],
        ensure_ascii=False,
    )


def _interaction(row: sqlite3.Row) -> Interaction:
    feedback = row["feedback"]
    return Interaction(
        id=row["id"],
        asked_at=datetime.fromisoformat(row["asked_at"]),
        question=row["question"],
        query=row["query"],
        status=row["status"],
        reason=row["reason"],
        shown=tuple(ShownPassage(**item) for item in json.loads(row["shown"])),
        feedback=None if feedback is None else bool(feedback),
        feedback_at=datetime.fromisoformat(row["feedback_at"]) if row["feedback_at"] else None,
        review=row["review"],
        reviewed_by=row["reviewed_by"],
        escalation=row["escalation"],
    )


def _pin(row: sqlite3.Row) -> Pin:
    return Pin(row["id"], row["question"], tuple(json.loads(row["passage_ids"])), row["approved_by"],
               datetime.fromisoformat(row["approved_at"]))


def create_private(path: Path) -> None:
    """Create the database file (and its folder) readable by the owner only, before SQLite opens it."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)  # also tightens a file made earlier by hand


def connect(path: Path, schema: str) -> sqlite3.Connection:
    """The database file, made owner-only first, in WAL mode with secure_delete, with `schema` applied."""
    create_private(path)
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    db.row_factory = sqlite3.Row
    # Several processes share the file (the patient page's, the staff workspace): one waiting for another's write
    # waits up to 5 s, from the first statement on (two starting together both set WAL mode and the schema).
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA secure_delete = ON")
    db.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
    db.executescript(schema)
    return db


class Database:
    """One connection to the data folder's database (`schema` applied), shared by the web server's threads; errors
    are StorageErrors that name `what` and say what to do."""

    what = "the database"

    def __init__(self, path: Path, schema: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            self._db = connect(path, schema)
            self._opened()
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(
                f"Cannot open {self.what} in {path} ({exc}); set data_dir to a folder this user can write"
            ) from None

    def _opened(self) -> None:
        """What a subclass does once the connection is open (migrations)."""

    @classmethod
    def open(cls, data_dir: Path) -> Self:
        return cls(Path(data_dir) / DATABASE)

    def _execute(self, sql: str, parameters: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        with self._lock:
            try:
                return self._db.execute(sql, parameters)
            except sqlite3.Error as exc:
                raise StorageError(f"{self.what.capitalize()} in {self.path} could not be used ({exc})") from None

    def close(self) -> None:
        with self._lock:
            self._db.close()


class Store(Database):
    """The interaction log, pins and staff accounts."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, _SCHEMA)

    def _opened(self) -> None:
        self._migrate()
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _migrate(self) -> None:
        """Add what databases made by earlier versions lack (CREATE TABLE IF NOT EXISTS keeps old tables)."""
        columns = {row["name"] for row in self._db.execute("PRAGMA table_info(interactions)")}
        for column in ("review", "reviewed_by", "reviewed_at", "escalation"):
            if column not in columns:
                self._db.execute(f"ALTER TABLE interactions ADD COLUMN {column} TEXT")
        pins = self._db.execute("SELECT sql FROM sqlite_master WHERE name = 'pins'").fetchone()[0]
        if "AUTOINCREMENT" not in pins:  # made before pin numbers were stable: copy into a table that keeps them
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute("ALTER TABLE pins RENAME TO pins_reused_ids")
                self._db.execute(_PINS)
                self._db.execute("INSERT INTO pins SELECT * FROM pins_reused_ids")
                self._db.execute("DROP TABLE pins_reused_ids")

    def record(self, question: str, query: str, answer: Answer) -> int:
        """Store one answered question (redacted); returns its id for the patient's feedback."""
        cursor = self._execute(
            "INSERT INTO interactions (asked_at, question, query, status, escalation, reason, shown) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (_now(), redact(question), redact(query), answer.status.value,
             answer.escalation.value if answer.escalation else None, redact(answer.reason), _shown(answer)),
        )
        return int(cursor.lastrowid)

    def set_feedback(self, interaction_id: int, helpful: bool | None) -> bool:
        """Record (or, with None, withdraw) the patient's feedback; False if there is no such interaction."""
        cursor = self._execute(
            "UPDATE interactions SET feedback = ?, feedback_at = ? WHERE id = ?",
            (None if helpful is None else int(helpful), None if helpful is None else _now(), interaction_id),
        )
        return cursor.rowcount == 1

    def set_review(self, interaction_id: int, verdict: str, staff: str) -> bool:
        """Staff's verdict on what was shown: right or wrong."""
        if verdict not in ("right", "wrong"):
            raise ValueError(f"verdict must be 'right' or 'wrong', got {verdict!r}")
        cursor = self._execute("UPDATE interactions SET review = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                               (verdict, staff, _now(), interaction_id))
        return cursor.rowcount == 1

    def _change_pins(self, sql: str, parameters: tuple[Any, ...]) -> sqlite3.Cursor:
        """Change the pins and bump their revision in one transaction."""
        with self._lock:
            try:
                with self._db:
                    self._db.execute("BEGIN IMMEDIATE")
                    cursor = self._db.execute(sql, parameters)
                    self._db.execute("UPDATE counters SET value = value + 1 WHERE name = 'pins'")
                    return cursor
            except sqlite3.Error as exc:
                raise StorageError(f"The database {self.path} could not be used ({exc})") from None

    def add_pin(self, question: str, passage_ids: list[str], staff: str) -> int:
        cursor = self._change_pins(
            "INSERT INTO pins (question, passage_ids, approved_by, approved_at) VALUES (?, ?, ?, ?)",
            (redact(question), json.dumps(passage_ids), staff, _now()),
        )
        return int(cursor.lastrowid)

    def update_pin(self, pin_id: int, passage_ids: list[str], staff: str) -> bool:
        cursor = self._change_pins("UPDATE pins SET passage_ids = ?, approved_by = ?, approved_at = ? WHERE id = ?",
                                   (json.dumps(passage_ids), staff, _now(), pin_id))
        return cursor.rowcount == 1

    def remove_pin(self, pin_id: int) -> bool:
        return self._change_pins("DELETE FROM pins WHERE id = ?", (pin_id,)).rowcount == 1

    def pins(self) -> list[Pin]:
        return [_pin(row) for row in self._execute("SELECT * FROM pins ORDER BY id").fetchall()]

    def pins_revision(self) -> int:
        """Grows whenever a pin is added, edited or removed (by any process): cheap to check on every question."""
        return int(self._execute("SELECT value FROM counters WHERE name = 'pins'").fetchone()[0])

    def get(self, interaction_id: int) -> Interaction | None:
        row = self._execute("SELECT * FROM interactions WHERE id = ?", (interaction_id,)).fetchone()
        return None if row is None else _interaction(row)

    def recent(self, limit: int = 100) -> list[Interaction]:
        return self.search(LogFilter(limit=limit))

    def search(self, log_filter: LogFilter) -> list[Interaction]:
        """Interactions matching the filter, newest first."""
        where, values = log_filter.where()
        rows = self._execute(f"SELECT * FROM interactions{where} ORDER BY id DESC LIMIT ?",
                             (*values, log_filter.limit)).fetchall()
        return [_interaction(row) for row in rows]

    def purge(self, older_than: datetime) -> int:
        """Delete for good every interaction asked before `older_than`; returns how many went.

        secure_delete overwrites the freed pages, and the WAL is checkpointed and truncated so that no copy of
        the deleted rows stays behind in it.
        """
        cursor = self._execute("DELETE FROM interactions WHERE asked_at < ?",
                               (older_than.astimezone(UTC).isoformat(timespec="seconds"),))
        for _ in range(50):  # another process reading blocks the truncation: wait for it, up to ~5 s
            busy, _, _ = self._execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                break
            time.sleep(0.1)
        else:
            raise StorageError(f"Deleted questions may remain in {self.path}-wal: another process kept reading; "
                               "run the purge again (python -m faqbot staff purge)")
        return cursor.rowcount

    def add_staff(self, name: str, password_hash: str) -> None:
        self._execute("INSERT OR REPLACE INTO staff (name, password_hash, created_at) VALUES (?, ?, ?)",
                      (name, password_hash, _now()))

    def staff_password_hash(self, name: str) -> str | None:
        row = self._execute("SELECT password_hash FROM staff WHERE name = ?", (name,)).fetchone()
        return None if row is None else row["password_hash"]

    def staff_names(self) -> list[str]:
        return [row["name"] for row in self._execute("SELECT name FROM staff ORDER BY name").fetchall()]

    def remove_staff(self, name: str) -> bool:
        return self._execute("DELETE FROM staff WHERE name = ?", (name,)).rowcount == 1


"""Patients' questions a patient-page process could not store yet, told to staff, not only to the server log.

When the question log can't be written (a full disk, a broken database file) the patient page answers anyway and
keeps the questions in memory to store later (patient/chat.py). Each process says how many it holds in its own small
file, `data_dir/backlog/patient-PID.json`: made at start with room to spare and rewritten in place, so saying so
needs no new space on a full disk. The staff workspace reads the files of processes that are still running and shows
a banner with the count, the database's error and the disk's free space (staff/app.py).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from faqbot.index.store import process_alive

log = logging.getLogger(__name__)

FOLDER = "backlog"
SIZE = 1024  # bytes each process's file keeps, padded with spaces: enough for its count and an error line


@dataclass(frozen=True)
class Waiting:
    pid: int
    unsaved: int  # questions held in memory, not yet in the question log
    error: str  # why the last one could not be stored


class BacklogFile:
    """This process's file; `report` never raises (the patient is answered whatever happens here)."""

    def __init__(self, data_dir: Path, pid: int | None = None) -> None:
        self.path = Path(data_dir) / FOLDER / f"patient-{pid or os.getpid()}.json"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._write(self.path.open("wb"), 0, "")

    def report(self, unsaved: int, error: str = "") -> None:
        try:
            self._write(self.path.open("r+b"), unsaved, error)
        except OSError as exc:
            log.error("could not tell staff that %d questions are waiting to be stored (%s)", unsaved, exc)

    def close(self) -> None:
        self.path.unlink(missing_ok=True)

    @staticmethod
    def _write(file, unsaved: int, error: str) -> None:
        data = json.dumps({"unsaved": unsaved, "error": error[:300]}).encode()
        if len(data) > SIZE:  # an error of escaped characters: the count alone
            data = json.dumps({"unsaved": unsaved}).encode()
        with file:
            file.write(data.ljust(SIZE))
            file.flush()
            os.fsync(file.fileno())


def waiting(data_dir: Path) -> list[Waiting]:
    """Running processes that hold questions not yet stored; the files of processes that are gone are removed."""
    found = []
    for path in sorted((Path(data_dir) / FOLDER).glob("patient-*.json")):
        pid = path.stem.removeprefix("patient-")
        if not pid.isdigit():
            continue
        if not process_alive(int(pid)):
            path.unlink(missing_ok=True)
            continue
        try:
            data = json.loads(path.read_bytes() or b"{}")
            if int(data.get("unsaved", 0)) > 0:
                found.append(Waiting(int(pid), int(data["unsaved"]), str(data.get("error", ""))))
        except (OSError, ValueError, TypeError):
            continue  # being rewritten, or not ours: the next look reads it
    return found


def banner(data_dir: Path) -> str:
    """Markdown for the staff workspace: empty when every question is stored."""
    held = waiting(data_dir)
    if not held:
        return ""
    total = sum(w.unsaved for w in held)
    error = next((w.error for w in held if w.error), "")
    try:
        free = f"{shutil.disk_usage(data_dir).free / 2**20:,.0f} MB free"
    except OSError:
        free = "free space unknown"
    return (f"**{total} patient questions could not be stored yet**: the question log can't be written"
            f"{f' ({error})' if error else ''}. The patient page keeps them in memory and stores them as soon as it "
            f"can; make room where the data folder is ({Path(data_dir).resolve()}, {free}) or fix its database. "
            "If the patient page is restarted first, they are lost.")

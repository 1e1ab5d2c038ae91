"""CSV exports for staff: formula-safe cells, owner-only files, and no copy kept for long.

Exported files hold patient questions, so they are deleted an hour after they were made (and Gradio's cached
copies by the app's `delete_cache`); folders left by earlier runs are removed when the workspace starts.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

EXPORT_KEEP_S = 3600  # exported files (patient questions) are deleted after an hour, here and in Gradio's cache


EXPORTS_PREFIX = "faqbot-export-"
EXPORT_LIMIT = 10_000_000  # an export has every matching row, not the page's newest 500


def remove_old_exports(folder: Path, older_than_s: float = EXPORT_KEEP_S) -> None:
    for old in folder.glob("faqbot-*.csv"):
        if time.time() - old.stat().st_mtime > older_than_s:
            old.unlink(missing_ok=True)


def start_export_cleanup(folder: Path) -> None:
    """Delete export folders left by earlier runs now, and this run's exports once they are an hour old."""
    for stale in Path(tempfile.gettempdir()).glob(f"{EXPORTS_PREFIX}*"):
        if stale != folder:
            shutil.rmtree(stale, ignore_errors=True)

    def loop() -> None:
        while True:
            time.sleep(600)
            remove_old_exports(folder)

    threading.Thread(target=loop, name="export-cleanup", daemon=True).start()


def write_csv(rows: list[list[Any]], folder: Path, header: list[str], name: str) -> Path:
    """The rows as a CSV file (UTF-8 with BOM, so spreadsheet programs read accents right).

    Earlier exports older than EXPORT_KEEP_S are deleted first: no copy of the log outlives its retention for long.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    remove_old_exports(folder)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", prefix=f"faqbot-{name}-", dir=folder, delete=False,
                                     newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([[_csv_safe(cell) for cell in row] for row in rows])
    os.chmod(handle.name, 0o600)
    return Path(handle.name)


def _csv_safe(cell: Any) -> Any:
    """Patient text can't become a spreadsheet formula (=, +, -, @ at the start)."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell

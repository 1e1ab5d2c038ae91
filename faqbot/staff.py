"""The staff workspace: a separate Gradio app on its own port, behind a login.

Here staff see what patients asked and were shown, filter it, and export it as CSV.
"""

from __future__ import annotations

import csv
import logging
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from faqbot.accounts import Accounts
from faqbot.errors import FaqbotError
from faqbot.retention import start_retention
from faqbot.settings import Settings, load_settings
from faqbot.storage import Interaction, LogFilter, Store

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported

import gradio as gr  # noqa: E402

LOG_COLUMNS = ["id", "asked (UTC)", "question", "status", "why", "shown", "feedback"]
STATUSES = ["any", "answered", "no_match", "urgent"]
FEEDBACK = {"any": None, "helpful": "helpful", "not helpful": "not_helpful", "none given": "none"}


def _feedback_label(value: bool | None) -> str:
    return {True: "helpful", False: "not helpful", None: ""}[value]


def log_rows(interactions: list[Interaction]) -> list[list[Any]]:
    """The question log as table rows (also the CSV export's rows)."""
    return [
        [
            item.id,
            item.asked_at.strftime("%Y-%m-%d %H:%M"),
            item.question,
            item.status,
            item.reason,
            " | ".join(f"{s.title} > {s.heading}" if s.heading and s.heading != s.title else s.title
                       for s in item.shown),
            _feedback_label(item.feedback),
        ]
        for item in interactions
    ]


def parse_day(value: str, field: str) -> datetime | None:
    """A YYYY-MM-DD date typed by staff, as midnight UTC; empty means no limit."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise gr.Error(f"{field} must be a date like 2026-11-21 (year-month-day), got {value!r}") from None


def log_filter(status: str, feedback: str, since: str, until: str, text: str) -> LogFilter:
    last_day = parse_day(until, "To")
    return LogFilter(
        status=None if status == "any" else status,
        feedback=FEEDBACK.get(feedback),
        since=parse_day(since, "From"),
        until=last_day + timedelta(days=1) if last_day else None,  # "to" includes that whole day
        text=(text or "").strip() or None,
    )


def write_csv(rows: list[list[Any]], folder: Path) -> Path:
    """The rows as a CSV file (UTF-8 with BOM, so spreadsheet programs read accents right)."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", prefix="faqbot-log-", dir=folder, delete=False,
                                     newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(LOG_COLUMNS)
        writer.writerows([[_csv_safe(cell) for cell in row] for row in rows])
    os.chmod(handle.name, 0o600)
    return Path(handle.name)


def _csv_safe(cell: Any) -> Any:
    """Patient text can't become a spreadsheet formula (=, +, -, @ at the start)."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def build_staff_app(store: Store, settings: Settings):
    export_dir = Path(tempfile.mkdtemp(prefix="faqbot-export-"))

    def search(status, feedback, since, until, text):
        rows = log_rows(store.search(log_filter(status, feedback, since, until, text)))
        return rows, f"{len(rows)} questions" + (" (the newest 500)" if len(rows) == 500 else "")

    def export(status, feedback, since, until, text):
        rows = log_rows(store.search(log_filter(status, feedback, since, until, text)))
        return str(write_csv(rows, export_dir))

    with gr.Blocks(title=f"{settings.clinic_name} - staff workspace", analytics_enabled=False) as app:
        gr.Markdown(f"# Staff workspace\nQuestions are kept for {settings.retention_days} days; emails and phone "
                    "numbers were removed before they were stored.")
        with gr.Tab("Question log"):
            with gr.Row():
                status = gr.Dropdown(STATUSES, value="any", label="Status")
                feedback = gr.Dropdown(list(FEEDBACK), value="any", label="Feedback")
                since = gr.Textbox(label="From (YYYY-MM-DD)", max_length=10)
                until = gr.Textbox(label="To (YYYY-MM-DD)", max_length=10)
                text = gr.Textbox(label="Question contains", max_length=200)
            with gr.Row():
                find = gr.Button("Search", variant="primary")
                export_button = gr.Button("Export as CSV")
            count = gr.Markdown()
            table = gr.Dataframe(headers=LOG_COLUMNS, datatype="str", interactive=False, wrap=True,
                                 elem_id="log")
            download = gr.File(label="CSV export", interactive=False)
        filters = [status, feedback, since, until, text]
        gr.on([app.load, find.click, text.submit], search, inputs=filters, outputs=[table, count], api_name="log")
        export_button.click(export, inputs=filters, outputs=download, api_name="export_log")
    return app


def staff_launch_options(settings: Settings, accounts: Accounts) -> dict[str, Any]:
    return {
        "server_name": settings.staff_host,
        "server_port": settings.staff_port,
        "auth": accounts.login,
        "auth_message": "Staff sign-in. Accounts are made with: python -m faqbot staff add NAME",
        "share": False,
        "show_error": False,
        "enable_monitoring": False,
        "mcp_server": False,
        "pwa": False,
        "ssr_mode": False,
        "footer_links": [],
        "max_file_size": "1kb",
        "blocked_paths": [str(Path(p).resolve()) for p in (settings.index_dir, settings.data_dir)],
    }


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
        store = Store.open(settings.data_dir)
    except FaqbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not store.staff_names():
        print("error: there are no staff accounts yet; add one with: python -m faqbot staff add NAME",
              file=sys.stderr)
        return 1
    start_retention(store, settings)
    app = build_staff_app(store, settings)
    app.queue(default_concurrency_limit=2, max_size=32)
    app.launch(**staff_launch_options(settings, Accounts(store)))
    return 0

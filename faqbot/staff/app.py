"""The staff workspace: a separate Gradio app on its own port, behind a login.

Overview, question log (filters, CSV export), review queue and pins, "check an answer", documents and the audit
trail (every action is recorded: faqbot/records/audit.py). The rows and Markdown it shows are made in
`faqbot/staff/views.py`; exports in `faqbot/staff/exports.py`.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import threading
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

import gradio as gr
from starlette.middleware import Middleware

from faqbot.answering.engine import Engine
from faqbot.answering.explain import explain
from faqbot.answering.live import LiveEngine
from faqbot.deploy import app_server
from faqbot.errors import FaqbotError
from faqbot.logs import configure_logging
from faqbot.patient.page import locked_down, private_temp_folder
from faqbot.records import backlog
from faqbot.records.audit import Action, AuditTrail
from faqbot.records.retention import start_retention
from faqbot.records.storage import Store
from faqbot.settings import Settings, load_settings
from faqbot.staff import sessions
from faqbot.staff.accounts import Accounts
from faqbot.staff.audit_tab import audit_tab
from faqbot.staff.documents_tab import documents_tab
from faqbot.staff.exports import EXPORT_LIMIT, EXPORTS_PREFIX, Exports, OwnDownloadsOnly
from faqbot.staff.library import MAX_DOCUMENT_BYTES, Library
from faqbot.staff.pins import PinBook
from faqbot.staff.review_tab import Workspace, review_tabs
from faqbot.staff.views import (
    CHECK_COLUMNS,
    FEEDBACK,
    LOG_COLUMNS,
    STATUSES,
    check_rows,
    context_markdown,
    explanation_markdown,
    filter_words,
    log_filter,
    log_rows,
    overview_views,
    refused,
)

SESSION_CHECK_S = 10  # removed accounts and changed passwords lose their open sessions within this
CACHE_KEEP_S = 3600  # Gradio's cache (uploaded documents) keeps nothing longer; exports leave it sooner


def build_staff_app(store: Store, settings: Settings, engine: Engine | LiveEngine, exports: Exports,
                    library: Library | None = None, audit: AuditTrail | None = None):
    """The workspace's layout and events; `exports` must be the ones given to `staff_launch_options` (which serves
    each only to its session); `library` (documents) defaults to one over the settings' corpus, `audit` to the
    trail in the settings' data folder."""
    audit = audit or AuditTrail.open(settings.data_dir)
    live = engine if isinstance(engine, LiveEngine) else LiveEngine(settings, engine, watch=False)
    library = library or Library(settings, on_change=live.reload)
    pin_book = PinBook(store, live, settings.pin_similarity)

    def check(question):
        question = (question or "").strip()
        if not question:
            raise refused("Type a question to check")
        if len(question) > settings.max_question_chars:
            raise refused(f"Questions are limited to {settings.max_question_chars} characters")
        found = explain(live.current(), pin_book, question)
        return explanation_markdown(found), check_rows(found)

    def show_context(passage_id):
        passage_id = (passage_id or "").strip()
        engine = live.current()
        if passage_id not in engine.stored.positions:
            raise refused("Copy a passage id from the ranking (last column)")
        return context_markdown(engine, passage_id)

    def staff_name(request: gr.Request) -> str:
        return request.username or "staff"

    def signed_out(request: gr.Request) -> None:
        """Before the browser goes to Gradio's logout route, which ends every session of this account."""
        audit.record(staff_name(request), Action.SIGNED_OUT, "logged out (all of this account's sessions)")

    def search(status, feedback, since, until, text, request: gr.Request):
        found = log_filter(status, feedback, since, until, text)
        rows = log_rows(store.search(found))
        audit.record(staff_name(request), Action.VIEWED_LOG, _described(found, len(rows)))
        return rows, f"{len(rows)} questions" + (f" (the newest {found.limit})" if len(rows) == found.limit else "")

    def export(status, feedback, since, until, text, request: gr.Request):
        found = replace(log_filter(status, feedback, since, until, text), limit=EXPORT_LIMIT)
        rows = log_rows(store.search(found))
        audit.record(staff_name(request), Action.EXPORTED_LOG, _described(found, len(rows)))
        return exports.write(rows, LOG_COLUMNS, "log", request)

    with gr.Blocks(title=f"{settings.clinic_name} - staff workspace", analytics_enabled=False,
                   delete_cache=(CACHE_KEEP_S, CACHE_KEEP_S)) as app:
        with gr.Row():
            gr.Markdown(f"# Staff workspace\nQuestions are kept for {settings.retention_days} days; emails and "
                        "phone numbers were removed before they were stored. Sessions end after "
                        f"{settings.staff_idle_minutes} minutes without use.")
            sign_out = gr.Button("Log out", size="sm", scale=0, min_width=100, elem_id="log-out")
        unstored = gr.Markdown(elem_id="unstored")  # questions the patient page could not store yet
        with gr.Tab("Overview"):
            summary = gr.Markdown()
            per_day = gr.BarPlot(x="day", y="questions", color="status", title="Questions per day (UTC)",
                                 x_label_angle=-60,
                                 color_map={"answered": "#2e7d32", "no_match": "#6c757d", "urgent": "#a4161a"})
            topics = gr.Dataframe(headers=["word", "unanswered questions", "newest example"],
                                  datatype="str", interactive=False, wrap=True,
                                  label="Most frequent words in questions the documents didn't answer")
            refresh = gr.Button("Refresh")
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
        with gr.Tab("Check an answer"):
            with gr.Row():
                check_question = gr.Textbox(label="Question", max_length=settings.max_question_chars, scale=4,
                                            elem_id="check-question")
                check_button = gr.Button("Check", variant="primary", scale=1)
            decision = gr.Markdown()
            ranking = gr.Dataframe(headers=CHECK_COLUMNS, datatype="str", interactive=False, wrap=True,
                                   elem_id="ranking")
            with gr.Row():
                context_id = gr.Textbox(label="Passage id (from the ranking)", scale=4)
                context_button = gr.Button("Show in its document", scale=1)
            context = gr.Markdown()
        with gr.Tab("Documents"):
            documents_tab(app, live, library, lambda request, what: audit.record(
                staff_name(request), Action.CHANGED_DOCUMENTS, what))
        review_tabs(app, Workspace(store, live, settings, audit, exports, staff_name))
        with gr.Tab("Audit trail"):
            audit_tab(audit, exports, staff_name)
        sign_out.click(signed_out, api_name="log_out").then(None, js="() => { window.location.href = 'logout'; }")
        filters = [status, feedback, since, until, text]
        gr.on([app.load, find.click, text.submit], search, inputs=filters, outputs=[table, count], api_name="log")
        export_button.click(export, inputs=filters, outputs=download, api_name="export_log")
        gr.on([app.load, refresh.click], lambda: overview_views(store), outputs=[per_day, summary, topics],
              api_name="overview")
        gr.on([app.load, refresh.click, find.click], lambda: backlog.banner(settings.data_dir), outputs=unstored,
              api_name="unstored")
        gr.on([check_button.click, check_question.submit], check, inputs=check_question,
              outputs=[decision, ranking], api_name="check")
        gr.on([context_button.click, context_id.submit], show_context, inputs=context_id, outputs=context,
              api_name="context")
    return app


def _described(found, rows: int) -> str:
    """A question log filter in words, for the audit trail."""
    words = filter_words((("status", found.status), ("feedback", found.feedback), ("from", found.since),
                          ("before", found.until), ("text", found.text)))
    return f"{words}: {rows} questions"


# Gradio's sign-in page shows one fixed "Incorrect credentials" whatever the server says, and runs no script of the
# app's; its message is HTML, where an image that fails to load may run one. This one shows the server's reason for
# a refused sign-in (a lockout and when it ends: Accounts.login_async) in a live region under the message.
SIGN_IN_NOTE = (
    '<p id="sign-in-note" role="status" aria-live="polite" style="font-weight: 600"></p>'
    '<img alt="" hidden src="data:image/gif;base64," onerror="'
    "if (!window.faqSignIn) { window.faqSignIn = true; const fetch0 = window.fetch;"
    " window.fetch = async (...args) => { const response = await fetch0(...args);"
    " const url = String((args[0] && args[0].url) || args[0]);"
    r" if (/\/login\/?$/.test(url)) { const note = document.getElementById('sign-in-note');"
    " let detail = ''; if (response.status === 429) { try { detail = (await response.clone().json()).detail; }"
    " catch (e) {} } if (note) note.textContent = detail; } return response; }; }"
    '">'
)


def staff_launch_options(settings: Settings, accounts: Accounts, exports: Exports) -> dict[str, Any]:
    """The public page's locked-down settings, plus the login, room for document uploads and `exports` served only
    to the session that made each."""
    blocked = [settings.index_dir, settings.data_dir, settings.corpus_dir]
    return {
        **locked_down(settings.staff_host, settings.staff_port, blocked, f"{MAX_DOCUMENT_BYTES // 2**20}mb"),
        "auth": accounts.login_async,  # scrypt runs in a worker thread, not on the server's event loop
        "app_kwargs": {"middleware": [Middleware(sessions.NoInsecureCookieOverHttps),
                                      Middleware(sessions.SignedInOnly),  # no anonymous route does anything
                                      Middleware(OwnDownloadsOnly, exports=exports)]},
        # Gradio renders this as HTML on its sign-in page, which has no title of its own: the first <title> element
        # of a document is its title, wherever it is (WCAG 2.4.2).
        "auth_message": (f"<title>Staff sign-in - {escape(settings.clinic_name)}</title><h1>Staff sign-in</h1>"
                         f"<p>Sessions end after {settings.staff_idle_minutes} minutes without use and "
                         f"{settings.staff_session_hours} hours after signing in. Accounts are made with: "
                         "python -m faqbot staff add NAME</p>" + SIGN_IN_NOTE),
    }


def main() -> int:
    configure_logging()
    private_temp_folder("staff")
    try:
        settings = load_settings()
        store = Store.open(settings.data_dir)
        engine = LiveEngine(settings)
        library = Library(settings, on_change=engine.reload)
        undone = library.recover()  # a document change a stopped server left half done
    except FaqbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not store.staff_names():
        print("error: there are no staff accounts yet; add one with: python -m faqbot staff add NAME",
              file=sys.stderr)
        return 1
    audit = AuditTrail.open(settings.data_dir)
    if undone:
        logging.getLogger(__name__).warning("%s", undone)
        audit.record("faqbot (at start)", Action.CHANGED_DOCUMENTS, undone)
    start_retention(store, settings, audit)
    exports = Exports(Path(tempfile.mkdtemp(prefix=EXPORTS_PREFIX)), audit)
    exports.start_cleanup()
    app = build_staff_app(store, settings, engine, exports, library=library, audit=audit)
    app.queue(default_concurrency_limit=2, max_size=32)
    accounts = Accounts(store, audit=audit)
    app_server.install(settings.request_seconds, settings.max_connections)
    server, _, _ = app.launch(**staff_launch_options(settings, accounts, exports), prevent_thread_lock=True)
    sessions.install(server, settings, audit)
    start_session_checks(server, accounts)
    app.block_thread()
    return 0


def start_session_checks(server: Any, accounts: Accounts, every_s: float = SESSION_CHECK_S) -> threading.Event:
    """End the sessions of removed accounts and changed passwords, and expired ones, within `every_s` seconds,
    until the returned event is set."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every_s):
            ended = accounts.end_stale_sessions(server.tokens)
            if ended:
                logging.getLogger(__name__).info("ended %d staff sessions (account removed or password changed)",
                                                 ended)
            if isinstance(server.tokens, sessions.SessionTable):
                server.tokens.end_expired()

    threading.Thread(target=loop, name="staff-sessions", daemon=True).start()
    return stop

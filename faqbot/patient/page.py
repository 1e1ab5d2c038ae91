"""The patient page: a Gradio chat that shows the passages answering a question, with their sources.

`build_app` builds the layout around a `PatientChat` (the plain, unit-tested chat logic); `launch_options` are
the settings of a public page; `main` loads everything and serves it.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from html import escape
from pathlib import Path
from typing import Any

import gradio as gr
from starlette.middleware import Middleware

from faqbot.answering.live import LiveEngine
from faqbot.deploy import app_server
from faqbot.documents.cleaning import clean_query
from faqbot.errors import FaqbotError
from faqbot.index.store import process_alive
from faqbot.logs import configure_logging
from faqbot.patient import accessibility
from faqbot.patient.admission import Admission, Busy
from faqbot.patient.chat import PatientChat
from faqbot.records.backlog import BacklogFile
from faqbot.records.retention import start_retention
from faqbot.records.storage import Store
from faqbot.settings import CONFIG_ENV, DEFAULT_CONFIG, Settings, load_settings

CSS = Path(__file__).parent.parent / "data" / "page.css"
SHOWN_QUESTION_CHARS = 300  # a too-long message is shown shortened in the conversation
# After an answer arrives: bring the patient's latest question to the top, so the answer is read from its start
# (an escalation message comes first and must not be scrolled past).
SHOW_LATEST = """() => {
  const rows = document.querySelectorAll('#conversation .message-row.user-row');
  if (rows.length) rows[rows.length - 1].scrollIntoView({block: 'start', behavior: 'instant'});
}"""

log = logging.getLogger(__name__)

RETRY = ("busy", "error")  # replies asking to try again: the question stays in the box, nothing typed is lost


def _shown_question(message: str) -> str:
    """The patient's message as their bubble shows it: shortened, without control or invisible characters."""
    if len(message) > SHOWN_QUESTION_CHARS:
        message = message[:SHOWN_QUESTION_CHARS] + "…"
    return escape(clean_query(message))


def build_app(chat: PatientChat, settings: Settings, gate: Admission | None = None):
    """The page's layout and events. The only public API endpoint is `/ask`.

    Questions are answered outside Gradio's queue, one plain HTTP request each (see faqbot.patient.admission); the
    admission gate keeps the queue's limits: `concurrent_answers` at a time, `queue_size` waiting, then busy.
    """
    gate = gate or Admission(settings.concurrent_answers, settings.queue_size)

    async def ask(message: str, history: list | None, topic: str | None, ids: dict[int, int]):
        history = list(history or [])
        if message is None or not message.strip():  # empty input does nothing
            return message, history, topic, ids, ""
        try:
            reply = await gate.run(chat.reply, message, topic)
        except Busy:
            reply = chat.busy(topic)
        if reply is None:  # nothing left once cleaned: does nothing
            return message, history, topic, ids, ""
        history.append({"role": "user", "content": _shown_question(message)})
        history.append({"role": "assistant", "content": reply.html})
        if reply.interaction_id is not None:
            ids = {**ids, len(history) - 1: reply.interaction_id}
        retry = reply.status in RETRY and len(message) <= settings.max_question_chars  # never echo a huge body
        kept = message if retry else ""
        return kept, history, reply.topic, ids, ""

    async def ask_example(selected: gr.SelectData, history: list | None, topic: str | None, ids: dict[int, int]):
        value = selected.value
        question = value.get("text", "") if isinstance(value, dict) else str(value)
        return await ask(question, history, topic, ids)

    def feedback(liked: gr.LikeData, ids: dict[int, int]) -> str:
        index = liked.index[0] if isinstance(liked.index, list | tuple) else liked.index
        interaction_id = ids.get(index)
        helpful = liked.liked if isinstance(liked.liked, bool) else None
        if interaction_id is None or not chat.feedback(interaction_id, helpful):
            return "<p>Sorry, your feedback could not be saved.</p>"
        if helpful is None:
            return "<p>Your feedback was removed.</p>"
        return "<p>Thank you - your feedback helps us improve these answers.</p>"

    clinic = escape(settings.clinic_name)
    with gr.Blocks(title=f"{settings.clinic_name} - questions about your treatment", analytics_enabled=False) as app:
        gr.HTML(
            f'<header class="faq-header"><h1>{clinic}: questions about your treatment</h1>'
            "<p>Ask in your own words. Answers are passages from our clinic's patient documents, "
            "with where they come from.</p></header>"
            f'<p class="faq-disclaimer" role="note">{escape(settings.clinic_text(settings.disclaimer))}</p>'
        )
        chatbot = gr.Chatbot(
            label="Conversation",
            show_label=False,
            autoscroll=False,  # SHOW_LATEST scrolls to the top of the newest answer instead: its first lines matter
            elem_id="conversation",
            render_markdown=False,  # answers are HTML built from escaped text; markdown would re-interpret it
            sanitize_html=True,
            buttons=[],
            feedback_options=("Like", "Dislike"),
            examples=[{"text": q} for q in settings.example_questions],
            placeholder="Tap an example question, or type your own below.",
            height="60vh",
            min_height=300,
            layout="panel",
        )
        with gr.Row(equal_height=True):
            question = gr.Textbox(
                label="Your question",
                placeholder="e.g. How long does the redness last?",
                lines=1,
                max_lines=4,
                max_length=settings.max_question_chars,
                elem_id="question",
                scale=5,
            )
            send = gr.Button("Ask", variant="primary", elem_id="ask", scale=1, min_width=80)
        status = gr.HTML(elem_id="feedback-status", padding=False)
        gr.HTML('<p class="faq-from">Was an answer helpful? Use the thumbs-up or thumbs-down button under it.</p>')
        topic = gr.State(None)
        ids = gr.State({})

        outputs = [question, chatbot, topic, ids, status]
        gr.on([question.submit, send.click], ask, inputs=[question, chatbot, topic, ids], outputs=outputs,
              api_name="ask", show_progress="minimal", queue=False).then(None, js=SHOW_LATEST)
        chatbot.example_select(ask_example, inputs=[chatbot, topic, ids], outputs=outputs, api_visibility="private",
                               show_progress="minimal", queue=False).then(None, js=SHOW_LATEST)
        chatbot.like(feedback, inputs=[ids], outputs=[status], api_visibility="private")
        chatbot.clear(lambda: (None, {}, ""), outputs=[topic, ids, status], api_visibility="private",
                      queue=False)  # Clear starts a new conversation: no follow-up reads the old question
    return app


def locked_down(host: str, port: int, blocked: list[Path], max_file_size: str) -> dict[str, Any]:
    """Launch settings both apps share: no share link, monitoring, MCP or PWA, no run history kept in the
    browser (Gradio would store each question and answer in localStorage), no files but Gradio's own."""
    return {
        "server_name": host,
        "server_port": port,
        "share": False,
        "show_error": False,
        "enable_monitoring": False,
        "mcp_server": False,
        "pwa": False,
        "ssr_mode": False,
        "footer_links": [],
        "run_history": False,
        "max_file_size": max_file_size,
        "allowed_paths": [],
        "blocked_paths": [str(Path(p).resolve()) for p in blocked],
        "theme": accessibility.theme(),  # contrast and ARIA fixes for WCAG 2.1 AA (accessibility.py)
        "head": accessibility.HEAD,
        "css": accessibility.CSS,
    }


def launch_options(settings: Settings) -> dict[str, Any]:
    """How the public page is served: locked down, no uploads, the index, data folder and config blocked."""
    config = Path(os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG)
    return {
        **locked_down(settings.host, settings.port, [settings.index_dir, settings.data_dir, config], "1kb"),
        "css": accessibility.CSS + CSS.read_text(encoding="utf-8"),
        "app_kwargs": {"middleware": [Middleware(NoUploads)]},
    }


def queue_options(settings: Settings) -> dict[str, Any]:
    """Gradio's queue, for the events that still use it (feedback): bounded like the admission gate."""
    return {"default_concurrency_limit": settings.concurrent_answers, "max_size": settings.queue_size,
            "api_open": False}


def private_temp_folder(app_name: str) -> Path:
    """This process's own folder for Gradio's files (GRADIO_TEMP_DIR, read when an app is built), so the patient page
    can never serve a file the staff workspace made (a question log export); folders of processes that are gone
    are removed."""
    for stale in Path(tempfile.gettempdir()).glob(f"faqbot-{app_name}-*-*"):
        owner = stale.name.split("-")[2]
        if owner.isdigit() and not process_alive(int(owner)):
            shutil.rmtree(stale, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=f"faqbot-{app_name}-{os.getpid()}-"))
    os.environ["GRADIO_TEMP_DIR"] = str(folder)
    return folder


class NoUploads:
    """ASGI middleware: the patient page takes no files, so Gradio's upload route answers 404 (it stored 20,003
    folders of junk for 20 requests)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].rstrip("/").endswith("/upload"):
            await send({"type": "http.response.start", "status": 404,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
            await send({"type": "http.response.body", "body": b"This page takes no files."})
            return
        await self.app(scope, receive, send)


def main() -> int:
    configure_logging()
    private_temp_folder("patient")
    try:
        settings = load_settings()
        engine = LiveEngine(settings)  # follows the index on disk: a staff upload reaches the page by itself
        engine.current().ask("warm up")  # load everything before the first patient arrives
        store = Store.open(settings.data_dir)
        backlog = BacklogFile(settings.data_dir)
    except FaqbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: can't write in the data folder {settings.data_dir} ({exc})", file=sys.stderr)
        return 1
    start_retention(store, settings)
    app = build_app(PatientChat(engine, settings, store, backlog), settings)
    app.queue(**queue_options(settings))
    app_server.install(settings.request_seconds, settings.max_connections)
    app.launch(**launch_options(settings))
    return 0

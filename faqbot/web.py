"""The patient page: a Gradio chat that shows the passages answering a question, with their sources.

`respond` is plain and unit-testable; `build_app` builds the layout; `main` launches it.
"""

from __future__ import annotations

import html
import os
import re
import sys

from faqbot.engine import Engine
from faqbot.errors import FaqbotError
from faqbot.models import Answer, Status
from faqbot.settings import Settings, load_settings

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def escape(text: str) -> str:
    """Text from a patient or a document, safe to show inside Markdown: no markup survives."""
    return html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)


def render(answer: Answer, settings: Settings) -> str:
    """An answer as Markdown: the status message first, then each passage with its source."""
    parts: list[str] = []
    if answer.status is Status.URGENT:
        parts.append(f"**{escape(settings.clinic_text(settings.escalation_message))}**")
    if answer.status is Status.NO_MATCH:
        parts.append(escape(settings.clinic_text(settings.fallback_message)))
    for hit in answer.hits:
        p = hit.passage
        where = p.title if p.heading == p.title else f"{p.title} - {p.heading}"
        body = escape(p.text).replace(escape(hit.highlight), f"**{escape(hit.highlight)}**", 1)
        parts.append(f"{body}\n\n*Source: {escape(where)} ({escape(p.source)})*")
    return "\n\n---\n\n".join(parts)


def respond(engine: Engine, settings: Settings, message: str) -> str:
    """The reply to one patient message (Markdown)."""
    if not message or not message.strip():
        return "Please type a question about our treatments."
    if len(message) > settings.max_question_chars:
        return (f"That message is too long for me (over {settings.max_question_chars} characters). "
                "Please ask one short question at a time.")
    return render(engine.ask(message, settings.top_k), settings)


def build_app(engine: Engine, settings: Settings):
    """The page's layout, ready to launch."""
    import gradio as gr

    def chat(message: str, history: list) -> str:
        return respond(engine, settings, message)

    return gr.ChatInterface(
        fn=chat,
        title=f"{settings.clinic_name} - questions about your treatment",
        description="Answers come only from our clinic's patient documents. General information, not a diagnosis.",
        api_name="ask",
    )


def main() -> int:
    try:
        settings = load_settings()
        engine = Engine.from_settings(settings)
        engine.ask("warm up")  # load the model before the first patient arrives
    except FaqbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    app = build_app(engine, settings)
    app.queue(default_concurrency_limit=4, max_size=64)
    app.launch(server_name=settings.host, server_port=settings.port, share=False, show_error=False)
    return 0

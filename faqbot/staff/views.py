"""What the staff workspace shows, as plain functions: table rows, Markdown with patient text escaped, filters.

Kept apart from the layout (`faqbot/staff/app.py`) so each can be read and tested on its own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from html import escape as html_escape
from typing import Any

import gradio as gr

from faqbot.answering.engine import Engine
from faqbot.answering.explain import Explanation, in_context
from faqbot.models import Passage
from faqbot.records.storage import Interaction, LogFilter, Pin, Store
from faqbot.staff.overview import overview
from faqbot.staff.review import QueueItem

log = logging.getLogger(__name__)

LOG_COLUMNS = ["id", "asked (UTC)", "question", "status", "reason", "shown", "feedback"]
QUEUE_COLUMNS = ["id", "needs review because", *LOG_COLUMNS[1:]]
PIN_COLUMNS = ["pin", "question", "passages", "passage ids", "approved by", "at"]
STATUSES = ["any", "answered", "no_match", "urgent"]
FEEDBACK = {"any": None, "helpful": "helpful", "not helpful": "not_helpful", "none given": "none"}


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def escape(text: str) -> str:
    """Patient or document text, shown inside staff Markdown as text: no markup survives."""
    return html_escape(_MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)


def _feedback_label(value: bool | None) -> str:
    return {True: "helpful", False: "not helpful", None: ""}[value]


def status_label(item: Interaction) -> str:
    """The status as staff read it: an urgent one with its kind ("urgent: crisis")."""
    return f"{item.status}: {item.escalation}" if item.escalation else item.status


def log_rows(interactions: list[Interaction]) -> list[list[Any]]:
    """The question log as table rows (also the CSV export's rows)."""
    return [
        [
            item.id,
            item.asked_at.strftime("%Y-%m-%d %H:%M"),
            item.question,
            status_label(item),
            item.reason,
            " | ".join(f"{s.title} > {s.heading}" if s.heading and s.heading != s.title else s.title
                       for s in item.shown),
            _feedback_label(item.feedback),
        ]
        for item in interactions
    ]


def refused(message: str) -> gr.Error:
    """A staff input error: the message on the page and one log line, no traceback (Gradio prints one for an error
    raised in an event unless told not to)."""
    log.info("staff input refused: %s", message)
    return gr.Error(message, print_exception=False)


def parse_day(value: str, field: str) -> datetime | None:
    """A YYYY-MM-DD date typed by staff, as midnight UTC; empty means no limit."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise refused(f"{field} must be a date like 2026-11-21 (year-month-day), got {value!r}") from None


def parse_days(since: str, until: str) -> tuple[datetime | None, datetime | None]:
    """A From / To pair typed by staff: From's midnight, and the midnight after To ("to" includes that whole day)."""
    last_day = parse_day(until, "To")
    return parse_day(since, "From"), last_day + timedelta(days=1) if last_day else None


def filter_words(fields: Iterable[tuple[str, object]]) -> str:
    """A filter in words, for the audit trail: the fields that are set, or "everything"."""
    return ", ".join(f"{name}={value}" for name, value in fields if value) or "everything"


def log_filter(status: str, feedback: str, since: str, until: str, text: str) -> LogFilter:
    first, after = parse_days(since, until)
    return LogFilter(
        status=None if status == "any" else status,
        feedback=FEEDBACK.get(feedback),
        since=first,
        until=after,
        text=(text or "").strip() or None,
    )


def passage_place(passage: Passage) -> str:
    """Where a passage is: its document's title and its section."""
    return passage.title if passage.heading in ("", passage.title) else f"{passage.title} > {passage.heading}"


def passage_label(passage: Passage) -> str:
    snippet = passage.text[:140] + ("…" if len(passage.text) > 140 else "")
    return f"{passage_place(passage)}: {snippet}"


def queue_rows(items: list[QueueItem]) -> list[list[Any]]:
    return [[q.interaction.id, q.why, *log_rows([q.interaction])[0][1:]] for q in items]


def pin_rows(pins: list[Pin], engine: Engine) -> list[list[Any]]:
    by_id = {p.id: p for p in engine.stored.passages}
    return [
        [pin.id, pin.question,
         " | ".join(passage_label(by_id[i])[:80] if i in by_id else f"{i} (no longer in the documents)"
                    for i in pin.passage_ids) or "(not covered by the documents: the fallback)",
         ", ".join(pin.passage_ids), pin.approved_by, pin.approved_at.strftime("%Y-%m-%d %H:%M")]
        for pin in pins
    ]


def describe(item: Interaction) -> str:
    """One logged question for review, as Markdown with the patient's text escaped."""
    shown = "\n".join(f"{n}. **{escape(s.title)}** ({escape(s.heading)}): {escape(s.highlight)}"
                       for n, s in enumerate(item.shown, 1)) or "(no passages were shown)"
    feedback = _feedback_label(item.feedback) or "none"
    review = f"{item.review} (by {escape(item.reviewed_by or '')})" if item.review else "not reviewed"
    return (f"**Question #{item.id}** - {item.asked_at:%Y-%m-%d %H:%M} UTC\n\n> {escape(item.question)}\n\n"
            f"Status: **{status_label(item)}** - {escape(item.reason)}  \nPatient feedback: {feedback}  \n"
            f"Review: {review}\n\nShown:\n\n{shown}")


CHECK_COLUMNS = ["rank", "shown", "passage", "keyword (BM25)", "dense", "lifted by a labelled look-alike", "fused",
                 "id"]


def explanation_markdown(found: Explanation) -> str:
    answer = found.answer
    lines = [f"**Status: {answer.status.value}** - {escape(answer.reason)}"]
    if found.corrections:
        lines.append("Spelling corrected: " + ", ".join(f"{escape(a)} → {escape(b)}" for a, b in found.corrections))
    if found.expansions:
        lines.append("Synonyms added to the keyword search: " + escape(", ".join(found.expansions)))
    if found.unknown_words:
        lines.append("Words the documents never use: " + escape(", ".join(found.unknown_words)))
    if found.urgent_signals:
        lines.append("Warning signs found: " + escape(", ".join(found.urgent_signals)))
    if found.pin:
        pin = found.pin.pin
        kind = "" if pin.passage_ids else " (not covered by the documents)"
        lines.append(f"Pin #{pin.id}{kind} applied (similarity {found.pin.similarity:.2f} to “{escape(pin.question)}”, "
                     f"approved by {escape(pin.approved_by)} {pin.approved_at:%Y-%m-%d})")
    else:
        lines.append("No pin applied.")
    return "  \n".join(lines)


def check_rows(found: Explanation) -> list[list[Any]]:
    shown = [hit.passage.id for hit in found.answer.hits]
    return [
        [row.rank, f"#{shown.index(row.passage.id) + 1}" if row.passage.id in shown else "",
         passage_label(row.passage)[:120], round(row.keyword, 3), round(row.dense, 3),
         f"+{row.lift:.3f}: {row.lifted_by}" if row.lift else "", round(row.fused, 3), row.passage.id]
        for row in found.ranking
    ]


def context_markdown(engine: Engine, passage_id: str) -> str:
    before, passage, after = in_context(engine, passage_id)
    where = passage.title if passage.heading in ("", passage.title) else f"{passage.title} > {passage.heading}"
    parts = [f"**{escape(where)}** ({escape(passage.source)}, characters {passage.start}-{passage.end})"]
    if before:
        parts.append(f"*…before:* {escape(before.text)}")
    parts.append(f"> {escape(passage.text)}")
    if after:
        parts.append(f"*after…* {escape(after.text)}")
    return "\n\n".join(parts)


def overview_views(store: Store):
    """The overview as a chart's data frame, a summary and a table of unanswered topics."""
    import pandas as pd

    found = overview(store)
    chart = pd.DataFrame([{"day": c.day.strftime("%m-%d"), "status": c.status, "questions": c.questions}
                          for c in found.per_day])
    helpful = "no feedback yet" if found.helpful_rate is None else (
        f"{found.helpful_rate:.0%} helpful ({found.feedback_given} answers rated)")
    shares = ", ".join(f"{status} {share:.0%}" for status, share in found.shares.items())
    summary = f"**{found.total} questions in the last {found.days} days** - {shares} - {helpful}"
    topics = [[t.word, t.questions, t.example] for t in found.unanswered_topics]
    return chart, summary, topics

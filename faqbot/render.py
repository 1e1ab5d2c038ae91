"""Answers as HTML for the patient page. Every piece of text is escaped here: a question or a document can never
put markup on the page. Layout and colours live in `faqbot/data/page.css`; this module only builds structure.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from faqbot.models import Answer, Hit, Status
from faqbot.settings import Settings


def text(value: str) -> str:
    """Plain text, safe inside HTML: markup characters escaped, line breaks kept."""
    return escape(value, quote=True).replace("\n", "<br>")


def _marked(passage_text: str, highlight: str) -> str:
    """The passage with its answering sentence(s) marked."""
    start = passage_text.find(highlight) if highlight else -1
    if start < 0:
        return text(passage_text)
    end = start + len(highlight)
    return f"{text(passage_text[:start])}<mark>{text(highlight)}</mark>{text(passage_text[end:])}"


def _card(hit: Hit, number: int, count: int, titles: Mapping[str, str]) -> str:
    p = hit.passage
    section = "" if p.heading in ("", p.title) else f' <span class="faq-section">· {text(p.heading)}</span>'
    also = ""
    if hit.also_in:
        names = ", ".join(text(titles.get(source, source)) for source in hit.also_in)
        also = f'<p class="faq-also">Also said in: {names}</p>'
    checked = ""
    if hit.checked_by:
        checked = (f'<p class="faq-checked">✓ Checked by clinic staff ({text(hit.checked_by)}, '
                   f"{text(hit.checked_at)})</p>")
    return (
        f'<section class="faq-card" aria-label="Source {number} of {count}: {text(p.title)}">'
        f"{checked}"
        f'<p class="faq-source"><span class="faq-doc">{text(p.title)}</span>{section}</p>'
        f'<p class="faq-quote"><mark>{text(hit.highlight)}</mark></p>'
        f"<details><summary>Read the full passage</summary>"
        f'<p class="faq-passage">{_marked(p.text, hit.highlight)}</p></details>'
        f"{also}</section>"
    )


def render_answer(answer: Answer, settings: Settings, titles: Mapping[str, str] | None = None,
                  follows_up: str | None = None) -> str:
    """One answer: the status message first, a one-sentence lead, then the passages as cards with sources.

    `titles` maps a document's file name to its title (for "also said in"); `follows_up` is the earlier
    question a short follow-up was read with, shown so the patient can see how they were understood.
    """
    titles = titles or {}
    parts = [f'<div class="faq-answer faq-{answer.status.value}">']
    if answer.status is Status.URGENT:
        parts.append(
            '<div class="faq-alert" role="alert"><p class="faq-alert-title">Please contact us now</p>'
            f"<p>{text(settings.clinic_text(settings.escalation_message))}</p></div>"
        )
    if follows_up:
        parts.append(f'<p class="faq-context">Read together with your earlier question: “{text(follows_up)}”</p>')
    if answer.status is Status.NO_MATCH:
        parts.append(f'<p class="faq-fallback">{text(settings.clinic_text(settings.fallback_message))}</p>')
    if answer.hits:
        if answer.status is Status.ANSWERED:
            parts.append(f'<p class="faq-lead">{text(answer.hits[0].highlight)}</p>')
            parts.append('<p class="faq-from">From our materials:</p>')
        else:
            parts.append('<p class="faq-from">General information from our materials that may help:</p>')
        count = len(answer.hits)
        parts.extend(_card(hit, n, count, titles) for n, hit in enumerate(answer.hits, 1))
    parts.append("</div>")
    return "".join(parts)


def render_notice(message: str, kind: str = "notice") -> str:
    """A message from the page itself (too long, something went wrong), as an assistant bubble."""
    return f'<div class="faq-answer faq-{escape(kind)}"><p class="faq-notice">{text(message)}</p></div>'

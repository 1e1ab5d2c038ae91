"""Answers as HTML for the patient page. Every piece of text is escaped here: a question or a document can never
put markup on the page. Layout and colours live in `faqbot/data/page.css`; this module only builds structure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from faqbot.models import ALONE, Answer, Escalation, Hit, Status
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
    if hit.checked_by:  # never the staff member's login name: the page is public
        checked = f'<p class="faq-checked">✓ Checked by clinic staff on {text(hit.checked_at)}</p>'
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
    escalation = answer.escalation  # set exactly when the status is urgent
    kind = f" faq-{escalation.value}" if escalation else ""
    parts = [f'<div class="faq-answer faq-{answer.status.value}{kind}">']
    if escalation is not None:
        title, message = ALERTS[escalation]
        parts.append(
            f'<div class="faq-alert" role="alert"><p class="faq-alert-title">{title}</p>'
            f"<p>{phone_links(settings.clinic_text(getattr(settings, message)), settings)}</p></div>"
        )
    if escalation in ALONE:  # the message alone: nothing to read past it
        if answer.other_language:  # "me duele el pecho": the clinic's words in the other language too
            words = phone_links(settings.clinic_text(settings.other_language_message), settings)
            parts.append(f'<p class="faq-fallback">{words}</p>')
        parts.append("</div>")
        return "".join(parts)
    if follows_up:
        parts.append(f'<p class="faq-context">Read together with your earlier question: “{text(follows_up)}”</p>')
    if answer.status is Status.NO_MATCH:
        message = settings.other_language_message if answer.other_language else settings.fallback_message
        parts.append(f'<p class="faq-fallback">{phone_links(settings.clinic_text(message), settings)}</p>')
    if answer.hits:
        if answer.status is Status.ANSWERED:
            parts.append(f'<p class="faq-lead">{text(answer.hits[0].highlight)}</p>')
            parts.append('<p class="faq-from">From our materials:</p>')
        else:
            parts.append('<h2 class="faq-from">General information from our materials, while you contact us:</h2>')
        count = len(answer.hits)
        parts.extend(_card(hit, n, count, titles) for n, hit in enumerate(answer.hits, 1))
    parts.append("</div>")
    return "".join(parts)


# Each escalation's heading and the setting that holds its message.
ALERTS = {
    Escalation.CRISIS: ("You are not alone: help is available now", "crisis_message"),
    Escalation.EMERGENCY: ("Call emergency services now", "emergency_message"),
    Escalation.CLINIC: ("Please contact us now", "escalation_message"),
}


def phone_links(message: str, settings: Settings) -> str:
    """A clinic message as HTML, its phone numbers (emergency, crisis line, clinic) as tel: links."""
    numbers = {n for n in (settings.emergency_number, settings.crisis_line, settings.clinic_phone)
               if sum(ch.isdigit() for ch in n) >= 2}
    if not numbers:
        return text(message)
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-]"
        rf")" for n in sorted(numbers, key=len, reverse=True)))
    parts, end = [], 0
    for m in pattern.finditer(message):
        dial = "".join(ch for ch in m.group(0) if ch.isdigit() or ch == "+")
        parts.append(f'{text(message[end:m.start()])}<a href="tel:{dial}">{text(m.group(0))}</a>')
        end = m.end()
    return "".join(parts) + text(message[end:])


def render_notice(message: str, kind: str = "notice") -> str:
    """A message from the page itself (too long, something went wrong), as an assistant bubble."""
    return f'<div class="faq-answer faq-{escape(kind)}"><p class="faq-notice">{text(message)}</p></div>'

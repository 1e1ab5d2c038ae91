"""The staff workspace's Review queue and Pins tabs: open a question from its row, read what the patient was shown,
mark it, search the documents (each candidate passage whole, its best sentence marked), pin the right passages or
mark it "not in our documents"; the queue, its count and the pins refresh after every action, and removing a pin
asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

import gradio as gr

from faqbot.answering.keyword import tokenize
from faqbot.answering.live import LiveEngine
from faqbot.records.audit import Action, AuditTrail
from faqbot.records.storage import Store
from faqbot.settings import Settings
from faqbot.staff.exports import Exports
from faqbot.staff.review import review_queue
from faqbot.staff.views import PIN_COLUMNS, QUEUE_COLUMNS, describe, passage_place, pin_rows, queue_rows, refused

CANDIDATES = 10  # passages shown for a document search
CONFIRM_REMOVAL = ("(pin, ok) => [pin, window.confirm('Remove pin #' + pin + '? Patients asking this will be "
                   "answered by the assistant on its own again.')]")


@dataclass(frozen=True)
class Workspace:
    """What the tabs share with the rest of the workspace."""

    store: Store
    live: LiveEngine
    settings: Settings
    audit: AuditTrail
    exports: Exports
    staff_name: Callable[[gr.Request], str]


def candidates_html(rows: list[tuple[int, str, str, str]]) -> str:
    """The candidate passages whole, numbered like the tick boxes, each with its best sentence marked."""
    if not rows:
        return ""
    cards = []
    for number, place, text, best in rows:
        body = escape(text)
        if best and best in text:
            start = text.index(best)
            body = f"{escape(text[:start])}<mark>{escape(best)}</mark>{escape(text[start + len(best):])}"
        cards.append(f'<section class="candidate" aria-label="Passage {number}"><h3>{number}. {escape(place)}</h3>'
                     f'<p style="white-space: pre-wrap">{body}</p></section>')
    return "".join(cards)


def review_tabs(app: gr.Blocks, w: Workspace) -> None:
    """Build the two tabs and their events inside `app` (a gr.Blocks being built)."""

    def current_pins() -> list[list[Any]]:
        return pin_rows(w.store.pins(), w.live.current())

    def load_queue():
        items = review_queue(w.store, w.settings.review_below_score)
        return queue_rows(items), f"{len(items)} questions to review"

    def open_question(interaction_id, request: gr.Request):
        item = w.store.get(int(interaction_id or 0))
        if item is None:
            raise refused(f"There is no question #{interaction_id}; pick one in the table")
        w.audit.record(w.staff_name(request), Action.OPENED_QUESTION, f"question #{item.id}")
        return item.id, describe(item), item.question, item.question

    def open_row(event: gr.SelectData, request: gr.Request):
        row = event.row_value or []
        if not row:
            raise refused("Click a row of the queue to open its question")
        return open_question(row[0], request)

    def verdict(interaction_id, right: bool, request: gr.Request):
        word = "right" if right else "wrong"
        if not w.store.set_review(int(interaction_id or 0), word, w.staff_name(request)):
            raise refused(f"There is no question #{interaction_id}; pick one in the table")
        w.audit.record(w.staff_name(request), Action.REVIEWED, f"question #{int(interaction_id)}: {word}")
        return (*load_queue(), f"Question #{int(interaction_id)} marked {word}.")

    def mark_right(interaction_id, request: gr.Request):
        return verdict(interaction_id, True, request)

    def mark_wrong(interaction_id, request: gr.Request):
        return verdict(interaction_id, False, request)

    def search_documents(text):
        if not (text or "").strip():
            raise refused("Type what to look for in the documents")
        engine = w.live.current()
        ranked = engine.rank(text[: w.settings.max_question_chars])
        terms = set(tokenize([ranked.query.keyword_text])[0])
        rows, choices = [], []
        for number, index in enumerate(list(map(int, ranked.order))[:CANDIDATES], 1):
            passage = engine.stored.passages[index]
            best, _ = engine.highlight(index, ranked.vector, terms)
            rows.append((number, passage_place(passage), passage.text, best))
            choices.append((f"{number}. {passage_place(passage)}", passage.id))
        return gr.update(choices=choices, value=[]), candidates_html(rows)

    def pin(question, passage_ids, request: gr.Request):
        if not (question or "").strip():
            raise refused("Open a question first (or type the question to pin an answer for)")
        if not passage_ids:
            raise refused("Tick the passage(s) that answer the question")
        pin_id = w.store.add_pin(question.strip(), list(passage_ids), w.staff_name(request))
        w.audit.record(w.staff_name(request), Action.PINNED,
                       f"pin #{pin_id}: {question.strip()!r} -> {', '.join(passage_ids)}")
        return (current_pins(), f"Pinned as answer #{pin_id}; patients get it from their next question.",
                gr.update(value=[]), *load_queue())

    def not_covered(question, request: gr.Request):
        if not (question or "").strip():
            raise refused("Open a question first (or type the question the documents don't cover)")
        pin_id = w.store.add_pin(question.strip(), [], w.staff_name(request))
        w.audit.record(w.staff_name(request), Action.MARKED_NOT_COVERED, f"pin #{pin_id}: {question.strip()!r}")
        return (current_pins(), f"Pin #{pin_id}: patients asking this, or something close, now get the clinic's "
                "contact message instead of passages (warning signs still come first).", gr.update(value=[]),
                *load_queue())

    def edit_pin(pin_id, ids_text, request: gr.Request):
        ids = [i.strip() for i in (ids_text or "").split(",") if i.strip()]
        known = w.live.current().stored.positions
        unknown = [i for i in ids if i not in known]
        if not ids or unknown:
            raise refused(f"Give passage ids from the documents, separated by commas (unknown: {unknown})")
        if not w.store.update_pin(int(pin_id or 0), ids, w.staff_name(request)):
            raise refused(f"There is no pin #{pin_id}")
        w.audit.record(w.staff_name(request), Action.EDITED_PIN, f"pin #{int(pin_id)} -> {', '.join(ids)}")
        return current_pins(), f"Pin #{int(pin_id)} saved."

    def remove_pin(pin_id, confirmed, request: gr.Request):
        if not confirmed:
            return current_pins(), "Nothing was removed."
        if not w.store.remove_pin(int(pin_id or 0)):
            raise refused(f"There is no pin #{pin_id}")
        w.audit.record(w.staff_name(request), Action.REMOVED_PIN, f"pin #{int(pin_id)}")
        return current_pins(), f"Pin #{int(pin_id)} removed; the assistant answers on its own again."

    def pins_csv(request: gr.Request):
        rows = current_pins()
        w.audit.record(w.staff_name(request), Action.EXPORTED_PINS, f"{len(rows)} pins")
        return w.exports.write(rows, PIN_COLUMNS, "pins", request)

    with gr.Tab("Review queue") as review:
        with gr.Row():
            queue_count = gr.Markdown()
            refresh = gr.Button("Refresh", size="sm", scale=0, min_width=90)
        queue = gr.Dataframe(headers=QUEUE_COLUMNS, datatype="str", interactive=False, wrap=True, elem_id="queue",
                             label="Click a row to open its question")
        with gr.Row():
            question_id = gr.Number(label="Question id", precision=0, minimum=0)
            open_button = gr.Button("Open")
            right = gr.Button("Answer was right")
            wrong = gr.Button("Answer was wrong")
        details = gr.Markdown(elem_id="review-details")
        review_message = gr.Markdown(elem_id="review-message")
        gr.Markdown("## Pin the right answer\nSearch the documents, tick the passage(s) that answer the question, "
                    "and pin them: they are shown first, marked as checked by clinic staff, for this question and "
                    "close paraphrases of it. If the documents don't answer it, mark it **Not in our documents**: "
                    "patients asking it get the clinic's contact message instead.")
        pin_question = gr.Textbox(label="Question to pin an answer for", max_length=w.settings.max_question_chars)
        with gr.Row():
            lookup = gr.Textbox(label="Search the documents", max_length=w.settings.max_question_chars, scale=4)
            lookup_button = gr.Button("Search", scale=1)
        candidates = gr.CheckboxGroup(label="Passages that answer it", choices=[], elem_id="candidates")
        candidate_text = gr.HTML(elem_id="candidate-passages", padding=False)
        with gr.Row():
            pin_button = gr.Button("Pin ticked passages", variant="primary")
            not_covered_button = gr.Button("Not in our documents")
    with gr.Tab("Pins") as pins_tab:
        pins_table = gr.Dataframe(headers=PIN_COLUMNS, datatype="str", interactive=False, wrap=True, elem_id="pins")
        with gr.Row():
            pin_id = gr.Number(label="Pin", precision=0, minimum=0)
            pin_ids = gr.Textbox(label="Passage ids, in order (comma-separated)")
            save_pin = gr.Button("Save")
            drop_pin = gr.Button("Remove", variant="stop")
            confirmed = gr.Checkbox(value=False, visible=False)  # set by the browser's confirmation
        pins_message = gr.Markdown()
        export_pins = gr.Button("Export pins as CSV")
        pins_download = gr.File(label="CSV export", interactive=False)

    opened = [question_id, details, pin_question, lookup]
    app.load(load_queue, outputs=[queue, queue_count], api_name="queue")
    app.load(current_pins, outputs=pins_table, api_name="pins")
    gr.on([review.select, refresh.click], load_queue, outputs=[queue, queue_count], api_visibility="private")
    pins_tab.select(current_pins, outputs=pins_table, api_visibility="private")
    queue.select(open_row, outputs=opened, api_visibility="private")
    open_button.click(open_question, inputs=question_id, outputs=opened, api_name="open")
    right.click(mark_right, inputs=question_id, outputs=[queue, queue_count, review_message], api_name="mark_right")
    wrong.click(mark_wrong, inputs=question_id, outputs=[queue, queue_count, review_message], api_name="mark_wrong")
    gr.on([lookup_button.click, lookup.submit], search_documents, inputs=lookup,
          outputs=[candidates, candidate_text], api_name="search_documents")
    after_pin = [pins_table, review_message, candidates, queue, queue_count]
    pin_button.click(pin, inputs=[pin_question, candidates], outputs=after_pin, api_name="pin")
    not_covered_button.click(not_covered, inputs=pin_question, outputs=after_pin, api_name="not_covered")
    save_pin.click(edit_pin, inputs=[pin_id, pin_ids], outputs=[pins_table, pins_message], api_name="edit_pin")
    drop_pin.click(remove_pin, inputs=[pin_id, confirmed], outputs=[pins_table, pins_message], api_name="remove_pin",
                   js=CONFIRM_REMOVAL)
    export_pins.click(pins_csv, outputs=pins_download, api_name="export_pins")

"""The staff workspace's Documents tab: the documents and passages as the assistant sees them; add, replace or
remove a document, with the ingest report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from faqbot.answering.live import LiveEngine
from faqbot.documents.reader import SUPPORTED_SUFFIXES
from faqbot.errors import FaqbotError
from faqbot.staff.library import Library
from faqbot.staff.views import refused

CONFIRM_REMOVAL = ("(name, ok) => [name, !!name && window.confirm('Remove ' + name + '? Patients will no longer be "
                   "answered from it.')]")
DOCUMENT_COLUMNS = ["file", "title", "passages", "size (kB)"]
PASSAGE_COLUMNS = ["id", "section", "words", "text"]


def document_rows(live: LiveEngine, library: Library) -> list[list[Any]]:
    passages = live.current().stored.passages
    counts = Counter(p.source for p in passages)
    titles = {p.source: p.title for p in passages}
    return [[d.source, d.title, d.passages, round(d.size_bytes / 1024, 1)]
            for d in library.documents(titles, counts)]


def passage_rows(live: LiveEngine, source: str | None) -> list[list[Any]]:
    return [[p.id, p.heading, len(p.text.split()), p.text] for p in live.current().stored.passages
            if p.source == source]


def documents_tab(app: gr.Blocks, live: LiveEngine, library: Library,
                  record: Callable[[gr.Request, str], None] = lambda request, what: None) -> None:
    """Build the tab's components and events inside `app` (a gr.Blocks being built); `record(request, what)`
    writes each change to the audit trail."""

    def refresh():
        rows = document_rows(live, library)
        return rows, gr.update(choices=[r[0] for r in rows], value=None)

    def changed(change_message: str):
        return (*refresh(), change_message, [])

    def add(upload, name, request: gr.Request):
        if not upload:
            raise refused("Choose a file to upload first")
        path = Path(upload)
        try:
            change = library.add(path, (name or "").strip() or path.name)
        except FaqbotError as exc:
            raise refused(f"Nothing was changed: {exc}") from None
        record(request, change.message.split("\n\n", 1)[0])
        return changed(change.message)

    def remove(source, confirmed, request: gr.Request):
        if not source:
            raise refused("Pick the document to remove")
        if not confirmed:
            return (*refresh(), "Nothing was removed.", [])
        try:
            change = library.remove(source)
        except FaqbotError as exc:
            raise refused(f"Nothing was changed: {exc}") from None
        record(request, change.message.split("\n\n", 1)[0])
        return changed(change.message)

    gr.Markdown("Changes rebuild the index while patients keep being answered; the page switches to the new index "
                "within seconds. A file that can't be read is refused and changes nothing.")
    table = gr.Dataframe(headers=DOCUMENT_COLUMNS, datatype="str", interactive=False, elem_id="documents")
    with gr.Row():
        upload = gr.File(label=f"Add or replace a document ({', '.join(SUPPORTED_SUFFIXES)})",
                         file_types=list(SUPPORTED_SUFFIXES), type="filepath", elem_id="upload")
        with gr.Column():
            name = gr.Textbox(label="Save as (optional; an existing name replaces that document)", max_length=100)
            add_button = gr.Button("Add or replace", variant="primary")
    with gr.Row():
        chosen = gr.Dropdown(label="Document", choices=[])
        remove_button = gr.Button("Remove this document", variant="stop")
        confirmed = gr.Checkbox(value=False, visible=False)  # set by the browser's confirmation
    report = gr.Markdown(elem_id="ingest-report")
    passages = gr.Dataframe(headers=PASSAGE_COLUMNS, datatype="str", interactive=False, wrap=True,
                            label="Its passages, as the assistant sees them")

    app.load(refresh, outputs=[table, chosen], api_name="documents")
    chosen.change(lambda source: passage_rows(live, source), inputs=chosen, outputs=passages, api_name="passages")
    add_button.click(add, inputs=[upload, name], outputs=[table, chosen, report, passages], api_name="add_document")
    remove_button.click(remove, inputs=[chosen, confirmed], outputs=[table, chosen, report, passages],
                        api_name="remove_document", js=CONFIRM_REMOVAL)

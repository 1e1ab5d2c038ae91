"""The staff workspace's Audit trail tab: who did what and when, filtered and exported; nothing here edits it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import gradio as gr

from faqbot.records.audit import Action, AuditEntry, AuditFilter, AuditTrail
from faqbot.staff.exports import EXPORT_LIMIT, Exports
from faqbot.staff.views import filter_words, parse_days

AUDIT_COLUMNS = ["when (UTC)", "who", "did", "what"]
ANY = "any"


def audit_rows(entries: list[AuditEntry]) -> list[list[Any]]:
    return [[e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action, e.detail] for e in entries]


def audit_filter(actor: str, action: str, since: str, until: str, text: str) -> AuditFilter:
    first, after = parse_days(since, until)
    return AuditFilter(actor=None if actor in (ANY, None, "") else actor,
                       action=None if action in (ANY, None, "") else action,
                       since=first, until=after, text=(text or "").strip() or None)


def audit_tab(audit: AuditTrail, exports: Exports, staff_name) -> None:
    """Build the tab's components and events inside the gr.Blocks being built. `staff_name(request)`: who asks."""

    def describe(found: AuditFilter) -> str:
        return filter_words((("who", found.actor), ("did", found.action), ("from", found.since),
                             ("before", found.until), ("text", found.text)))

    def show(actor, action, since, until, text, request: gr.Request):
        found = audit_filter(actor, action, since, until, text)
        audit.record(staff_name(request), Action.VIEWED_AUDIT, describe(found))
        rows = audit_rows(audit.entries(found))
        actors = gr.update(choices=[ANY, *audit.actors()])
        return rows, f"{len(rows)} entries" + (f" (the newest {found.limit})" if len(rows) == found.limit else ""), \
            actors

    def export(actor, action, since, until, text, request: gr.Request):
        found = audit_filter(actor, action, since, until, text)
        audit.record(staff_name(request), Action.EXPORTED_AUDIT, describe(found))
        entries = audit.entries(replace(found, limit=EXPORT_LIMIT))
        return exports.write(audit_rows(entries), AUDIT_COLUMNS, "audit", request)

    gr.Markdown("Every sign-in, view and export of the question log, review, pin, document and account change, "
                "newest first. Entries can't be changed or deleted here; they are kept for the audit retention "
                "period.")
    with gr.Row():
        actor = gr.Dropdown([ANY], value=ANY, label="Who", allow_custom_value=True)
        action = gr.Dropdown([ANY, *(a.value for a in Action)], value=ANY, label="Did")
        since = gr.Textbox(label="From (YYYY-MM-DD)", max_length=10)
        until = gr.Textbox(label="To (YYYY-MM-DD)", max_length=10)
        text = gr.Textbox(label="Details contain", max_length=200)
    with gr.Row():
        find = gr.Button("Show", variant="primary")
        export_button = gr.Button("Export as CSV")
    count = gr.Markdown()
    table = gr.Dataframe(headers=AUDIT_COLUMNS, datatype="str", interactive=False, wrap=True, elem_id="audit")
    download = gr.File(label="CSV export", interactive=False)
    filters = [actor, action, since, until, text]
    gr.on([find.click, text.submit], show, inputs=filters, outputs=[table, count, actor], api_name="audit")
    export_button.click(export, inputs=filters, outputs=download, api_name="export_audit")

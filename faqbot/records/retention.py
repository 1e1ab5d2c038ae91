"""The retention periods: questions older than `retention_days`, and audit entries older than
`audit_retention_days`, are deleted for good, now and every hour."""

from __future__ import annotations

import logging
import threading

from faqbot.errors import FaqbotError
from faqbot.records.audit import AuditTrail
from faqbot.records.storage import Store
from faqbot.settings import Settings

PURGE_EVERY_S = 3600

log = logging.getLogger(__name__)


def purge_expired(store: Store, settings: Settings, audit: AuditTrail | None = None) -> int:
    """Delete what is past the retention periods; failures are logged, never raised into a serving app. Returns
    how many questions went."""
    try:
        removed = store.purge(settings.retention_cutoff())
        entries = audit.purge(settings.audit_cutoff()) if audit is not None else 0
    except FaqbotError as exc:
        log.error("retention purge failed: %s", exc)
        return 0
    if removed:
        log.info("retention: purged %d questions older than %d days", removed, settings.retention_days)
    if entries:
        log.info("retention: purged %d audit entries older than %d days", entries, settings.audit_retention_days)
    return removed


def start_retention(store: Store, settings: Settings, audit: AuditTrail | None = None) -> threading.Event:
    """Purge now and every hour after, in a background thread, until the returned event is set."""
    stop = threading.Event()

    def loop() -> None:
        while True:
            purge_expired(store, settings, audit)
            if stop.wait(PURGE_EVERY_S):
                return

    threading.Thread(target=loop, name="retention", daemon=True).start()
    return stop

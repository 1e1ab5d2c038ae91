"""The retention period: questions older than `retention_days` are deleted for good, now and every hour."""

from __future__ import annotations

import logging
import threading

from faqbot.errors import FaqbotError
from faqbot.records.storage import Store
from faqbot.settings import Settings

PURGE_EVERY_S = 3600

log = logging.getLogger(__name__)


def purge_expired(store: Store, settings: Settings) -> int:
    """Delete what is past the retention period; failures are logged, never raised into a serving app."""
    try:
        removed = store.purge(settings.retention_cutoff())
    except FaqbotError as exc:
        log.error("retention purge failed: %s", exc)
        return 0
    if removed:
        log.info("retention: purged %d questions older than %d days", removed, settings.retention_days)
    return removed


def start_retention(store: Store, settings: Settings) -> threading.Event:
    """Purge now and every hour after, in a background thread, until the returned event is set."""
    stop = threading.Event()

    def loop() -> None:
        while True:
            purge_expired(store, settings)
            if stop.wait(PURGE_EVERY_S):
                return

    threading.Thread(target=loop, name="retention", daemon=True).start()
    return stop

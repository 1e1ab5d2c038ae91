"""The engine for whatever index is on disk now: a running app picks up a new index without restarting.

Every question compares a fingerprint of the manifest (every build writes a new one; ~50 us) with the loaded one;
a newer index is loaded before that question is answered, so once a rebuild is done (staff are told so) no patient
is answered from the index it replaced. A background thread watches too (every `check_every_s`), so the load
usually happens before any patient asks. An index that can't be loaded (damaged, other model) is logged and the
last good engine keeps serving; it is not retried until it changes.
"""

from __future__ import annotations

import hashlib
import logging
import threading

from faqbot.answering.engine import Engine
from faqbot.errors import FaqbotError
from faqbot.index.encoders import Encoder
from faqbot.index.store import MANIFEST
from faqbot.settings import Settings

log = logging.getLogger(__name__)

CHECK_EVERY_S = 2.0


def index_stamp(settings: Settings) -> str | None:
    """A fingerprint of the index's manifest (every build writes a new one), or None when there is none."""
    try:
        return hashlib.sha256((settings.index_dir / MANIFEST).read_bytes()).hexdigest()
    except OSError:
        return None


class LiveEngine:
    """`watch`: follow the index on disk (the apps); False: serve `engine` until `reload()` is called."""

    def __init__(self, settings: Settings, engine: Engine | None = None, encoder: Encoder | None = None,
                 watch: bool = True, check_every_s: float = CHECK_EVERY_S) -> None:
        self.settings = settings
        self._encoder = encoder  # None: each new index brings its own query encoder
        self._stamp = index_stamp(settings)
        self._engine = engine or Engine.from_settings(settings, encoder)
        self._watch = watch
        self._refused: str | None = None  # a stamp that failed to load: not retried until it changes
        self._reload_lock = threading.Lock()
        self._stop = threading.Event()
        if watch and check_every_s > 0:
            threading.Thread(target=self._watching, args=(check_every_s,), name="index-watch", daemon=True).start()

    def _newer(self) -> bool:
        stamp = index_stamp(self.settings)
        return stamp is not None and stamp not in (self._stamp, self._refused)

    def _watching(self, every_s: float) -> None:
        while not self._stop.wait(every_s):
            if self._newer():
                self.reload()

    def stop(self) -> None:
        """End the background watch (tests and short-lived tools)."""
        self._stop.set()

    def current(self) -> Engine:
        """The engine for the index on disk now: a newer one is loaded first (the caller waits, ~1 s)."""
        if self._watch and self._newer():
            self.reload()
        return self._engine

    def reload(self) -> bool:
        """Load the index on disk now; True if it is the one served. One load at a time: a caller arriving
        meanwhile waits for it and then finds it loaded."""
        with self._reload_lock:
            stamp = index_stamp(self.settings)
            if stamp == self._stamp:
                return True  # already serving it (another caller loaded it meanwhile)
            if stamp == self._refused:
                return False
            try:
                engine = Engine.from_settings(self.settings, self._encoder)
                engine.ask("warm up")
            except Exception as exc:  # noqa: BLE001 - whatever is wrong with the new index, keep serving
                reason = str(exc) if isinstance(exc, FaqbotError) else f"{type(exc).__name__}: {exc}"
                log.error("the new index can't be used, still serving the previous one: %s", reason)
                self._refused = stamp
                return False
            self._engine, self._stamp = engine, stamp
        log.info("serving the new index (%d passages)", len(engine.stored.passages))
        return True

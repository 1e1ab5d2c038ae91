"""The engine for whatever index is on disk now: a running app picks up a new index without restarting.

Every few seconds `current()` compares a fingerprint of the manifest with the loaded one. A new index is loaded in a
background thread while questions keep being answered by the old engine, then swapped in. An index that can't be
loaded (damaged, other model, half-written) is logged and the last good engine keeps serving.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable

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
    def __init__(self, settings: Settings, engine: Engine | None = None, encoder: Encoder | None = None,
                 watch: bool = True, check_every_s: float = CHECK_EVERY_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self._encoder = encoder  # None: each new index brings its own query encoder
        self._stamp = index_stamp(settings)
        self._engine = engine or Engine.from_settings(settings, encoder)
        self._watch = watch
        self._check_every_s = check_every_s
        self._clock = clock
        self._checked = clock()
        self._refused: str | None = None  # a stamp that failed to load: not retried until it changes
        self._lock = threading.Lock()
        self._reload_lock = threading.Lock()
        self._loading = False

    def current(self) -> Engine:
        """The engine to answer with now (starts loading a newer index when there is one)."""
        if self._watch and self._clock() - self._checked >= self._check_every_s:
            self._checked = self._clock()
            stamp = index_stamp(self.settings)
            if stamp not in (self._stamp, self._refused) and stamp is not None:
                with self._lock:
                    start, self._loading = not self._loading, True
                if start:
                    threading.Thread(target=self.reload, name="index-reload", daemon=True).start()
        return self._engine

    def reload(self) -> bool:
        """Load the index on disk now; True if it replaced the current engine. One load at a time."""
        with self._reload_lock:
            stamp = index_stamp(self.settings)
            if stamp == self._stamp:
                return True  # already serving it (another caller loaded it meanwhile)
            try:
                engine = Engine.from_settings(self.settings, self._encoder)
                engine.ask("warm up")
            except Exception as exc:  # noqa: BLE001 - whatever is wrong with the new index, keep serving
                reason = str(exc) if isinstance(exc, FaqbotError) else f"{type(exc).__name__}: {exc}"
                log.error("the new index can't be used, still serving the previous one: %s", reason)
                self._refused = stamp
                return False
            finally:
                with self._lock:
                    self._loading = False
            self._engine, self._stamp = engine, stamp
        log.info("serving the new index (%d passages)", len(engine.stored.passages))
        return True

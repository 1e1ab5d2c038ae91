"""The patient's side of a conversation, without any web framework: one message in, one reply out.

Usage::

    chat = PatientChat(engine, settings, Store.open(settings.data_dir))
    reply = chat.reply("how long does the redness last?", topic=None)
    reply.html, reply.status, reply.interaction_id   # then chat.feedback(reply.interaction_id, helpful=True)
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass

from faqbot.answering.conversation import resolve
from faqbot.answering.engine import Engine
from faqbot.answering.live import LiveEngine
from faqbot.documents.cleaning import clean_query
from faqbot.errors import FaqbotError
from faqbot.models import Status
from faqbot.patient.render import render_answer, render_notice
from faqbot.records.backlog import BacklogFile
from faqbot.records.redact import redact
from faqbot.records.storage import Store
from faqbot.settings import Settings
from faqbot.staff.pins import PinBook

log = logging.getLogger(__name__)

MAX_UNSAVED = 10_000  # questions kept in memory while the database can't be written (a full disk), saved later


@dataclass(frozen=True)
class Reply:
    """What the page shows for one message, and what it needs to remember."""

    html: str  # escaped, ready to show
    status: str  # answered | no_match | urgent | too_long | error | busy
    interaction_id: int | None  # for feedback; None when nothing was stored
    topic: str | None  # what the next message may follow up on


class PatientChat:
    def __init__(self, engine: Engine | LiveEngine, settings: Settings, store: Store,
                 backlog: BacklogFile | None = None) -> None:
        self.live = engine if isinstance(engine, LiveEngine) else LiveEngine(settings, engine, watch=False)
        self.settings = settings
        self.store = store
        self.pins = PinBook(store, self.live, settings.pin_similarity)
        self._titles_for: Engine | None = None
        self._titles_by_source: dict[str, str] = {}
        self._unsaved: deque[tuple[str, str, object]] = deque(maxlen=MAX_UNSAVED)
        self._unsaved_lock = threading.Lock()
        self._warned_at = 0.0
        self.backlog = backlog  # tells staff how many questions wait to be stored (records/backlog.py)

    @property
    def engine(self) -> Engine:
        return self.live.current()

    def _titles(self) -> dict[str, str]:
        """Document titles by file name, for "also said in"; remade only when a new index is served."""
        engine = self.engine
        if self._titles_for is not engine:
            self._titles_by_source = {p.source: p.title for p in engine.stored.passages}
            self._titles_for = engine
        return self._titles_by_source

    def reply(self, message: str | None, topic: str | None = None) -> Reply | None:
        """The reply to one message, or None for an empty one (the page then does nothing)."""
        if message is None or not message.strip():
            return None
        if len(message) > self.settings.max_question_chars:  # checked before any other work on the text
            return Reply(render_notice(self.settings.clinic_text(self.settings.too_long_message)), "too_long",
                         None, topic)
        question = redact(clean_query(message))  # contact details never reach the engine, the log or a reason
        if not question:
            return None
        try:
            turn = resolve(question, topic)
            answer = self.pins.ask(turn.query)
            if turn.follows_up and answer.status is Status.NO_MATCH:  # the topic may be what wasn't answered
                alone = self.pins.ask(question)
                if alone.status is not Status.NO_MATCH:
                    turn, answer = resolve(question, None), alone
            html = render_answer(answer, self.settings, self._titles(), topic if turn.follows_up else None)
        except Exception:  # a patient never sees a traceback; staff find it in the server log
            log.exception("answering a question failed")
            return Reply(render_notice(self.settings.clinic_text(self.settings.error_message), "error"), "error",
                         None, topic)
        return Reply(html, answer.status.value, self._record(question, turn.query, answer), turn.topic)

    def _record(self, question: str, query: str, answer: object) -> int | None:
        """Store the question (after any kept while the database couldn't be written); when it can't be, keep it
        in memory to store later, tell staff (the backlog file) and say so in the log at most once a minute. The
        patient is answered anyway."""
        with self._unsaved_lock:
            try:
                held = bool(self._unsaved)
                while self._unsaved:
                    self.store.record(*self._unsaved[0])
                    self._unsaved.popleft()
                if held and self.backlog is not None:
                    self.backlog.report(0)
                return self.store.record(question, query, answer)
            except FaqbotError as exc:
                if len(self._unsaved) == MAX_UNSAVED:
                    log.error("a question was lost: %d are waiting to be stored already", MAX_UNSAVED)
                self._unsaved.append((question, query, answer))
                if self.backlog is not None:
                    self.backlog.report(len(self._unsaved), str(exc))
                if time.monotonic() - self._warned_at > 60:
                    self._warned_at = time.monotonic()
                    log.error("could not store questions (%s); %d kept in memory until the database can be "
                              "written again", exc, len(self._unsaved))
                return None

    def busy(self, topic: str | None = None) -> Reply:
        """The reply when too many questions are already running or waiting: try again (nothing is stored)."""
        log.warning("a question was turned away: too many running or waiting (concurrent_answers %d, "
                    "queue_size %d)", self.settings.concurrent_answers, self.settings.queue_size)
        return Reply(render_notice(self.settings.clinic_text(self.settings.busy_message), "busy"), "busy", None,
                     topic)

    def feedback(self, interaction_id: int, helpful: bool | None) -> bool:
        """Store the patient's helpful / not helpful (None withdraws it); False if it could not be stored."""
        try:
            return self.store.set_feedback(interaction_id, helpful)
        except FaqbotError as exc:
            log.error("could not store feedback: %s", exc)
            return False

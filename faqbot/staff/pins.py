"""Staff-approved answers ("pins"): shown first for the approved question and its close paraphrases.

A question matches a pin when its embedding (of the text the engine embeds: cleaned, spelling corrected; the
engine's own embedding is reused) is at least `pin_similarity` (cosine) from the pinned question's. Below that,
with a query adapter, a pin still counts as a labelled question (neighbours.py): it lifts its passages for
questions like it. A pin with no passages marks a question the documents don't cover: it and its close
paraphrases get the fallback (warning signs still come first). Pins are read from the store and re-embedded only
when their revision changes, so an edit made in the staff workspace reaches the patient page on the next question.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace

import numpy as np

from faqbot.answering.engine import Engine, Ranked
from faqbot.answering.keyword import tokenize
from faqbot.answering.live import LiveEngine
from faqbot.errors import FaqbotError
from faqbot.models import ALONE, Answer, Hit, Status
from faqbot.records.storage import Pin, Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PinMatch:
    pin: Pin
    similarity: float
    vector: np.ndarray  # the question's raw embedding, reused (adapted) to highlight the pinned passages


@dataclass(frozen=True)
class _Snapshot:
    """Pins and their vectors, made together for one engine and one revision of the pins."""

    engine: Engine
    revision: int
    pins: tuple[Pin, ...]
    vectors: np.ndarray
    answering: Engine  # `engine` with the pins among its answers by example


class PinBook:
    """The pins, embedded with the engine's encoder; `engine` may be a LiveEngine that changes under it."""

    def __init__(self, store: Store, engine: Engine | LiveEngine, threshold: float) -> None:
        self.store = store
        self._source = engine
        self.threshold = threshold
        self._snapshot: _Snapshot | None = None  # replaced whole, so readers never mix pins and vectors
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        return self._source.current() if isinstance(self._source, LiveEngine) else self._source

    def _current(self, engine: Engine) -> _Snapshot:
        revision = self.store.pins_revision()
        def fresh(snapshot: _Snapshot | None) -> bool:
            return snapshot is not None and snapshot.engine is engine and snapshot.revision == revision

        if fresh(snapshot := self._snapshot):
            return snapshot
        with self._lock:
            if fresh(snapshot := self._snapshot):  # another thread may have made it while this one waited
                return snapshot
            known = engine.stored.positions
            pins = tuple(p for p in self.store.pins()  # pins of passages not in this index wait for theirs
                         if not p.passage_ids or any(i in known for i in p.passage_ids))
            vectors = (engine.encoder.encode([engine.analyzer.analyze(p.question).corrected for p in pins]) if pins
                       else np.zeros((0, 1), dtype=np.float32))
            answers = [tuple(known[i] for i in p.passage_ids if i in known) for p in pins]
            answering = engine.with_examples([p.question for p in pins], vectors, answers)
            self._snapshot = _Snapshot(engine, revision, pins, vectors, answering)
            return self._snapshot

    def decide(self, question: str, engine: Engine | None = None) -> Decision:
        """The question ranked as patients are answered (the pins among the examples) and the pin that applies,
        all from one revision of the pins. Raises FaqbotError when the pins can't be read."""
        engine = engine or self.engine
        snapshot = self._current(engine)
        ranked = snapshot.answering.rank(question)
        return Decision(engine, snapshot.answering, ranked, self._closest(snapshot, ranked.raw_vector))

    def _closest(self, snapshot: _Snapshot, vector: np.ndarray) -> PinMatch | None:
        """The pin closest to a question's raw embedding, if close enough."""
        pins, vectors = snapshot.pins, snapshot.vectors
        if not pins:
            return None
        similarities = vectors @ vector
        best = int(np.argmax(similarities))
        if similarities[best] < self.threshold:
            return None
        return PinMatch(pins[best], float(similarities[best]), vector)

    def ask(self, question: str, k: int | None = None) -> Answer:
        """The engine's answer, with a matching pin's passages put first and marked as checked by staff."""
        engine = self.engine  # one engine for the whole answer, even if a new index arrives meanwhile
        if not question.strip():
            return engine.ask(question, k)
        try:
            decision = self.decide(question, engine)
        except FaqbotError as exc:  # the pins can't be read now: the engine's own answer still helps the patient
            log.error("pins unavailable, answering without them: %s", exc)
            return engine.ask(question, k)
        return decision.answer(k)


@dataclass(frozen=True)
class Decision:
    """One question as patients are answered: ranked with the pins among the examples, and the pin that applies."""

    engine: Engine  # the index's engine, which shows pinned passages
    answering: Engine  # the same with the pins as examples
    ranked: Ranked
    pin: PinMatch | None

    def answer(self, k: int | None = None) -> Answer:
        answer = self.answering.answer(self.ranked, k)
        if self.pin is None or answer.escalation in ALONE:  # a crisis or an emergency: its message alone
            return answer
        if not self.pin.pin.passage_ids:
            return not_covered(answer, self.pin)
        return apply_pin(self.engine, answer, self.pin, self.answering.top(k))


def not_covered(answer: Answer, found: PinMatch) -> Answer:
    """The fallback for a question staff marked as not covered by the documents; warning signs still come first."""
    reason = (f"pin #{found.pin.id}: staff marked this question as not covered by the documents "
              f"(similarity {found.similarity:.2f})")
    if answer.status is Status.URGENT:
        return replace(answer, reason=f"{answer.reason}; {reason}")
    return replace(answer, status=Status.NO_MATCH, hits=(), reason=reason)


def apply_pin(engine: Engine, answer: Answer, found: PinMatch, k: int) -> Answer:
    by_id = engine.stored.positions
    terms = set(tokenize([answer.question])[0])
    pinned: list[Hit] = []
    for passage_id in found.pin.passage_ids:
        if passage_id in by_id:
            index = by_id[passage_id]
            highlight, _ = engine.highlight(index, engine.adapted(found.vector), terms)
            pinned.append(Hit(engine.stored.passages[index], found.similarity, highlight,
                              checked_by=found.pin.approved_by,
                              checked_at=found.pin.approved_at.strftime("%Y-%m-%d")))
    if not pinned:  # none of the pinned passages is in the documents any more
        return answer
    shown = {hit.passage.id for hit in pinned}
    rest = [hit for hit in answer.hits if hit.passage.id not in shown]
    status = Status.URGENT if answer.status is Status.URGENT else Status.ANSWERED
    reason = f"pin #{found.pin.id} (similarity {found.similarity:.2f} to an approved question)"
    if answer.status is Status.URGENT:
        reason = f"{answer.reason}; {reason}"
    return replace(answer, status=status, hits=tuple(pinned + rest)[: max(k, len(pinned))], reason=reason)

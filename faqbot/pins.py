"""Staff-approved answers ("pins"): shown first for the approved question and its close paraphrases.

A question matches a pin when the embedding of its cleaned text is at least `pin_similarity` (cosine) from the
pinned question's. Pins are read from the store and re-embedded only when their revision changes, so an edit
made in the staff workspace reaches the patient page on the next question.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

import numpy as np

from faqbot.cleaning import clean_query
from faqbot.engine import Engine
from faqbot.keyword import tokenize
from faqbot.live import LiveEngine
from faqbot.models import Answer, Hit, Status
from faqbot.storage import Pin, Store


@dataclass(frozen=True)
class PinMatch:
    pin: Pin
    similarity: float


class PinBook:
    """The pins, embedded with the engine's encoder; `engine` may be a LiveEngine that changes under it."""

    def __init__(self, store: Store, engine: Engine | LiveEngine, threshold: float) -> None:
        self.store = store
        self._source = engine
        self.threshold = threshold
        self._key: tuple[int, int] | None = None  # (pins revision, engine) the vectors were made for
        self._pins: list[Pin] = []
        self._vectors = np.zeros((0, 1), dtype=np.float32)
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        return self._source.current() if isinstance(self._source, LiveEngine) else self._source

    def _refresh(self, engine: Engine) -> None:
        key = (self.store.pins_revision(), id(engine))
        if key == self._key:
            return
        with self._lock:
            pins = self.store.pins()
            known = {p.id for p in engine.stored.passages}
            pins = [p for p in pins if any(pid in known for pid in p.passage_ids)]  # a removed document's pin waits
            vectors = (engine.encoder.encode([clean_query(p.question) for p in pins]) if pins
                       else np.zeros((0, 1), dtype=np.float32))
            self._pins, self._vectors, self._key = pins, vectors, key

    def match(self, question: str, engine: Engine | None = None) -> PinMatch | None:
        """The pin whose question is closest to `question`, if close enough."""
        engine = engine or self.engine
        self._refresh(engine)
        pins, vectors = self._pins, self._vectors
        if not pins:
            return None
        vector = engine.encoder.encode([clean_query(question)])[0]
        similarities = vectors @ vector
        best = int(np.argmax(similarities))
        if similarities[best] < self.threshold:
            return None
        return PinMatch(pins[best], float(similarities[best]))

    def ask(self, question: str, k: int | None = None) -> Answer:
        """The engine's answer, with a matching pin's passages put first and marked as checked by staff."""
        engine = self.engine  # one engine for the whole answer, even if a new index arrives meanwhile
        k = k or engine.settings.top_k
        answer = engine.ask(question, k)
        if not question.strip():
            return answer
        found = self.match(question, engine)
        if found is None:
            return answer
        return apply_pin(engine, answer, found, k)


def apply_pin(engine: Engine, answer: Answer, found: PinMatch, k: int) -> Answer:
    by_id = {p.id: i for i, p in enumerate(engine.stored.passages)}
    vector = engine.encoder.encode([clean_query(answer.question)])[0]
    terms = set(tokenize([answer.question])[0])
    pinned: list[Hit] = []
    for passage_id in found.pin.passage_ids:
        if passage_id in by_id:
            index = by_id[passage_id]
            highlight, _ = engine.highlight(index, vector, terms)
            pinned.append(Hit(engine.stored.passages[index], found.similarity, highlight,
                              checked_by=found.pin.approved_by,
                              checked_at=found.pin.approved_at.strftime("%Y-%m-%d")))
    shown = {hit.passage.id for hit in pinned}
    rest = [hit for hit in answer.hits if hit.passage.id not in shown]
    status = Status.URGENT if answer.status is Status.URGENT else Status.ANSWERED
    reason = f"pin #{found.pin.id} (similarity {found.similarity:.2f} to an approved question)"
    if answer.status is Status.URGENT:
        reason = f"{answer.reason}; {reason}"
    return replace(answer, status=status, hits=tuple(pinned + rest)[: max(k, len(pinned))], reason=reason)

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
from faqbot.models import Answer, Hit, Status
from faqbot.storage import Pin, Store


@dataclass(frozen=True)
class PinMatch:
    pin: Pin
    similarity: float


class PinBook:
    def __init__(self, store: Store, engine: Engine, threshold: float) -> None:
        self.store = store
        self.engine = engine
        self.threshold = threshold
        self._revision = -1
        self._pins: list[Pin] = []
        self._vectors = np.zeros((0, 1), dtype=np.float32)
        self._lock = threading.Lock()

    def _refresh(self) -> None:
        revision = self.store.pins_revision()
        if revision == self._revision:
            return
        with self._lock:
            pins = self.store.pins()
            known = {p.id for p in self.engine.stored.passages}
            pins = [p for p in pins if any(pid in known for pid in p.passage_ids)]  # a removed document's pin waits
            vectors = (self.engine.encoder.encode([clean_query(p.question) for p in pins]) if pins
                       else np.zeros((0, 1), dtype=np.float32))
            self._pins, self._vectors, self._revision = pins, vectors, revision

    def match(self, question: str, vector: np.ndarray | None = None) -> PinMatch | None:
        """The pin whose question is closest to `question`, if close enough."""
        self._refresh()
        pins, vectors = self._pins, self._vectors
        if not pins:
            return None
        if vector is None:
            vector = self.engine.encoder.encode([clean_query(question)])[0]
        similarities = vectors @ vector
        best = int(np.argmax(similarities))
        if similarities[best] < self.threshold:
            return None
        return PinMatch(pins[best], float(similarities[best]))

    def ask(self, question: str, k: int | None = None) -> Answer:
        """The engine's answer, with a matching pin's passages put first and marked as checked by staff."""
        k = k or self.engine.settings.top_k
        answer = self.engine.ask(question, k)
        if not question.strip():
            return answer
        found = self.match(question)
        if found is None:
            return answer
        return apply_pin(self.engine, answer, found, k)


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

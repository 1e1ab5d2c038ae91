"""Answering: question -> status and ranked passages with their highlighted sentence.

Usage::

    engine = Engine.from_settings(load_settings())
    answer = engine.ask("is it painful?", k=3)
"""

from __future__ import annotations

from functools import cached_property

import numpy as np

from faqbot.cleaning import clean_query
from faqbot.encoders import Encoder, make_encoder
from faqbot.models import Answer, Hit, Status
from faqbot.settings import Settings
from faqbot.store import StoredIndex, load_index

MIN_DENSE_SCORE = 0.35  # below this cosine similarity nothing in the documents answers


class Engine:
    def __init__(self, stored: StoredIndex, encoder: Encoder, settings: Settings) -> None:
        self.stored = stored
        self.encoder = encoder
        self.settings = settings

    @classmethod
    def from_settings(cls, settings: Settings, encoder: Encoder | None = None) -> Engine:
        """Load the index named by the settings; refuse it if it was built with another model."""
        stored = load_index(settings.index_dir, settings.model)
        return cls(stored, encoder or make_encoder(settings.model), settings)

    @cached_property
    def _sentence_rows(self) -> np.ndarray:
        """Row where each passage's sentences start in the sentence vectors (plus the end)."""
        counts = [len(p.sentences) for p in self.stored.passages]
        return np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)

    def highlight(self, index: int, query_vector: np.ndarray) -> str:
        """The passage sentence closest in meaning to the question."""
        passage = self.stored.passages[index]
        a, b = self._sentence_rows[index], self._sentence_rows[index + 1]
        if a == b:
            return passage.text
        best = int(np.argmax(self.stored.sentence_vectors[a:b] @ query_vector))
        start, end = passage.sentences[best]
        return passage.text[start:end]

    def ask(self, question: str, k: int | None = None) -> Answer:
        k = k or self.settings.top_k
        if k < 1:
            raise ValueError(f"k must be >= 1, got {k}")
        query = clean_query(question)
        if not query:
            return Answer(question, Status.NO_MATCH, (), reason="empty question")
        vector = self.encoder.encode([query])[0]
        n = min(k, self.stored.index.ntotal)
        scores, ids = self.stored.index.search(vector[None, :], n)
        hits = tuple(
            Hit(self.stored.passages[i], float(s), self.highlight(i, vector))
            for s, i in zip(scores[0], ids[0], strict=False) if i >= 0
        )
        if not hits or hits[0].score < MIN_DENSE_SCORE:
            return Answer(question, Status.NO_MATCH, (), reason=f"best similarity below {MIN_DENSE_SCORE}")
        return Answer(question, Status.ANSWERED, hits)

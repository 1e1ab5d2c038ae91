"""The no_match bars for documents without labelled questions, learned from the documents and a generic pool.

Without labels, nothing says how similar a question the documents don't answer looks to *these* documents: the
outside kits' out-of-scope questions score 0.33-0.41 (median) against their pages, the example clinic's 0.29-0.36,
and a fixed bar fits neither (the settings' 0.14 let every kit question through). So ingest asks the documents:
`data/off_topic_pool.jsonl` holds ~560 questions across all of medicine and everyday life (written for faqbot, none
from a clinic's labels). The pool questions with a topic word the documents use are left out (a dermatology
clinic's documents answer "what causes acne?"), or two of whose words in a row they use ("high blood pressure" in a
heart clinic's); the rest are what these documents don't answer. Their best similarities, scored exactly as
answering scores a question, set the two bars:

- `min_similarity`: below the `PLAIN` percentile (92 %), a question falls back;
- `min_similarity_topic_words`: a question with a topic word the documents lack ("achalasia" against digestive
  pages) falls back below the `TOPIC` percentile (98.5 %).

A topic word is one that is not everyday English (english.is_everyday: Zipf frequency < 4). Measured on three
outside kits and the example clinic without its labels (docs/evaluation.md, "Other clinics' documents").
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from faqbot.answering.english import is_everyday
from faqbot.answering.keyword import STOP_WORDS, stemmer, tokenize
from faqbot.answering.query import QueryAnalyzer
from faqbot.models import Passage, sentence_rows

POOL = Path(__file__).parent.parent / "data" / "off_topic_pool.jsonl"
PLAIN = 92.0  # percentile of the pool's best similarities
TOPIC = 98.5
FEWEST = 50  # pool questions left: below, the documents cover too much of medicine to learn bars from the pool
CHUNK = 64  # questions scored at once (against a million sentences, 256 MB)
_STOPS = frozenset(STOP_WORDS)
_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Calibration:
    min_similarity: float
    min_similarity_topic_words: float
    negatives: int  # pool questions the documents don't cover, that the bars were learned from

    def to_json(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Calibration | None:
        return cls(**data) if data else None

    def summary(self) -> str:
        return (f"no_match bars learned from the documents and {self.negatives} questions they don't answer: "
                f"{self.min_similarity:.2f}, or {self.min_similarity_topic_words:.2f} with a topic word they lack")


def topic_words(question_words: Iterable[str]) -> tuple[str, ...]:
    """The words of 3+ letters that could name what a question is about: not everyday English, not stop words."""
    return tuple(w for w in question_words if len(w) >= 3 and w.isalpha() and w not in _STOPS
                 and not is_everyday(w))


def load_pool(path: Path = POOL) -> list[str]:
    return [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def uncovered(pool: Sequence[str], passages: Sequence[Passage]) -> list[str]:
    """The pool questions the documents don't cover: none of their topic words is in the documents, nor any two of
    their keywords in a row ("blood pressure", "hip replacement": everyday words naming a topic together); stemmed,
    stop words left out."""
    passage_terms = tokenize([p.embed_text for p in passages])
    used = {term for terms in passage_terms for term in terms}
    pairs = {pair for terms in passage_terms for pair in zip(terms, terms[1:], strict=False)}
    stem = stemmer().stemWords

    def covered(question: str) -> bool:
        terms = tokenize([question])[0]
        return bool(set(stem(list(topic_words(_LETTERS.findall(question.lower()))))) & used
                    or set(zip(terms, terms[1:], strict=False)) & pairs)

    return [q for q in pool if not covered(q)]


def best_similarities(vectors: np.ndarray, passage_vectors: np.ndarray, sentence_vectors: np.ndarray,
                      rows: np.ndarray) -> np.ndarray:
    """Each question's best (passage cosine + its best sentence's) / 2, as the engine scores passages."""
    best = []
    for start in range(0, len(vectors), CHUNK):
        chunk = vectors[start:start + CHUNK]
        sentence_best = np.maximum.reduceat(chunk @ sentence_vectors.T, rows[:-1], axis=1)
        best.append(((chunk @ passage_vectors.T + sentence_best) / 2).max(axis=1))
    return np.concatenate(best) if best else np.zeros(0, dtype=np.float32)


def calibrate(passages: Sequence[Passage], passage_vectors: np.ndarray, sentence_vectors: np.ndarray,
              analyzer: QueryAnalyzer, encode: Callable[[list[str]], np.ndarray],
              pool: Sequence[str] | None = None) -> Calibration | None:
    """The bars for these documents, or None when too few pool questions are left to learn them from."""
    negatives = uncovered(load_pool() if pool is None else pool, passages)
    if len(negatives) < FEWEST:
        return None
    vectors = encode([analyzer.analyze(q).corrected for q in negatives])
    best = best_similarities(vectors, passage_vectors, sentence_vectors, sentence_rows(passages))
    return Calibration(round(float(np.percentile(best, PLAIN)), 4), round(float(np.percentile(best, TOPIC)), 4),
                       len(negatives))


def key(model: str, package_digest: bytes) -> str:
    """Changes with the model and with any of faqbot's code and data (the pool, the word lists, this module)."""
    return hashlib.sha256(model.encode() + package_digest).hexdigest()[:16]

"""Dense scores at scale: take candidates from the vector index, score passages and sentences only for them.

Below EXACT_UP_TO passages the engine scores every passage and every sentence with one numpy product (exact,
and faster than a search at that size). Above it, scoring 1M passages and their ~4M sentences per question is
out of the question, so the candidates are the vector index's nearest passages plus the best keyword passages,
and they get exactly the score the small path gives them. Other passages get NOT_A_CANDIDATE.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from faqbot.index.store import StoredIndex

EXACT_UP_TO = 10_000  # passages; at 10k exhaustive and candidate scoring cost the same (bench/engine_scale.py)
DENSE_CANDIDATES = 500
KEYWORD_CANDIDATES = 500
NOT_A_CANDIDATE = -1.0  # the lowest cosine: ranks below every candidate


def candidate_ids(stored: StoredIndex, vector: np.ndarray, keyword: np.ndarray,
                  extra: Iterable[int] = ()) -> np.ndarray:
    """Passage indices worth scoring: nearest by passage vector, best by keyword score (when any match), and
    `extra` (the passages of labelled questions much like this one)."""
    _, dense_ids = stored.search(vector, min(DENSE_CANDIDATES, len(stored.passages)))
    n = min(KEYWORD_CANDIDATES, keyword.size - 1)
    best_keyword = np.argpartition(-keyword, n)[:n] if n > 0 else np.arange(keyword.size)
    ids = np.union1d(dense_ids, best_keyword[keyword[best_keyword] > 0])
    return np.union1d(ids, np.fromiter(extra, dtype=np.int64)).astype(np.int64)


def dense_scores(stored: StoredIndex, sentence_rows: np.ndarray, vector: np.ndarray,
                 keyword: np.ndarray, extra: Iterable[int] = ()) -> np.ndarray:
    """(passage cosine + best sentence cosine) / 2 for the candidates, NOT_A_CANDIDATE for the rest."""
    ids = candidate_ids(stored, vector, keyword, extra)
    passage = stored.index.reconstruct_batch(ids) @ vector
    starts, ends = sentence_rows[ids], sentence_rows[ids + 1]
    counts = ends - starts
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    rows = np.repeat(starts - offsets, counts) + np.arange(counts.sum())
    sentence_best = np.maximum.reduceat(np.asarray(stored.sentence_vectors[rows]) @ vector, offsets)
    out = np.full(len(stored.passages), NOT_A_CANDIDATE, dtype=np.float32)
    out[ids] = (passage + sentence_best) / 2
    return out

"""Keyword search (BM25, via bm25s) over the same passages as the dense index."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

_stemmers = threading.local()  # PyStemmer: "must not be called concurrently", and web workers answer in parallel
STOP_WORDS_FILE = Path(__file__).parent.parent / "data" / "stopwords.txt"


def load_stop_words(path: Path = STOP_WORDS_FILE) -> tuple[str, ...]:
    """Whitespace-separated words; lines starting with # are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(sorted({w for line in lines if not line.startswith("#") for w in line.split()}))


# bm25s's own English list has 33 words and keeps question words (how, what, can, does, my, your), which
# in a corpus of a few dozen passages still outweigh the words a question is about.
STOP_WORDS = load_stop_words()
_STOP_SET = frozenset(STOP_WORDS)
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s's (and scikit-learn's) token pattern


def stemmer() -> Stemmer.Stemmer:
    """This thread's English stemmer (one per thread: PyStemmer's must not be called concurrently)."""
    found = getattr(_stemmers, "english", None)
    if found is None:
        found = _stemmers.english = Stemmer.Stemmer("english")
    return found


def tokenize(texts: Sequence[str]) -> list[list[str]]:
    """Lower-cased, stop words removed, stemmed: 'Sessions' and 'session' are the same term.

    The same terms as bm25s.tokenize(texts, stopwords=STOP_WORDS, stemmer=..., return_ids=False) (tested), without
    its per-call cost: it builds three progress bars and a set of the stop words per text, about 0.2 ms of each
    question's answer, and a question is tokenized twice (keyword scores, highlight terms)."""
    return [stemmer().stemWords([w for w in _TOKEN.findall(text.lower()) if w not in _STOP_SET]) for text in texts]


def words_and_terms(text: str) -> list[tuple[str, str]]:
    """The text's keywords as written (lower-cased) beside their terms, in order: what staff read, what counts."""
    written = [w for w in _TOKEN.findall(text.lower()) if w not in _STOP_SET]
    return list(zip(written, stemmer().stemWords(written), strict=True))


class KeywordIndex:
    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self._bm25 = bm25s.BM25()
        self._bm25.index(tokenize(texts), show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for `query` (zeros when no term matches)."""
        tokens = tokenize([query])[0]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

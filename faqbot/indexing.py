"""Ingest: corpus folder -> cleaned documents -> passages -> embeddings -> index folder.

Embeddings of unchanged text are reused from the previous index (by content hash), and a corpus that has
not changed at all is detected from the manifest without loading the model.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from faqbot import cleaning, documents, splitting
from faqbot.documents import Document, corpus_files, read_document
from faqbot.encoders import Encoder
from faqbot.errors import FaqbotError
from faqbot.models import Passage
from faqbot.store import file_sha256, load_index, read_manifest, write_index


@dataclass(frozen=True)
class IngestReport:
    documents: int
    sections: int
    passages: int
    embedded: int  # texts sent to the encoder
    reused: int  # embeddings taken from the previous index
    seconds: float
    up_to_date: bool = False
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def summary(self) -> str:
        if self.up_to_date:
            head = "Index is up to date"
        else:
            changes = [f"{label} {', '.join(names)}" for label, names in
                       (("added", self.added), ("changed", self.changed), ("removed", self.removed)) if names]
            head = "Index built" + (f" ({'; '.join(changes)})" if changes else "")
        return (
            f"{head}: {self.documents} documents, {self.sections} sections, {self.passages} passages, "
            f"{self.reused} embeddings reused, {self.embedded} computed, {self.seconds:.1f} s"
        )


def pipeline_hash() -> str:
    """Changes whenever the code that cleans and splits documents changes, so passages get rebuilt."""
    h = hashlib.sha256()
    for module in (cleaning, documents, splitting):
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:16]


def _text_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\n{text}".encode()).hexdigest()


def _previous_vectors(index_dir: Path, model: str) -> dict[str, np.ndarray]:
    """Embeddings in the current index by content hash; empty when there is none or it can't be used."""
    try:
        old = load_index(index_dir, model)
    except FaqbotError:
        return {}
    cache: dict[str, np.ndarray] = {}
    for passage, vector in zip(old.passages, old.passage_vectors(), strict=False):
        cache[_text_key(model, passage.embed_text)] = vector
    sentences = [s for p in old.passages for s in p.sentence_texts()]
    for text, vector in zip(sentences, old.sentence_vectors, strict=False):
        cache[_text_key(model, text)] = vector
    return cache


def _embed(
    texts: list[str], encoder: Encoder, cache: dict[str, np.ndarray], progress: bool
) -> tuple[np.ndarray, int, int]:
    """Vectors for `texts`, computing only those the cache lacks. Returns (vectors, computed, reused)."""
    keys = [_text_key(encoder.name, t) for t in texts]
    reused = sum(1 for k in keys if k in cache)
    missing = list(dict.fromkeys(k for k in keys if k not in cache))
    if missing:
        by_key = dict(zip(keys, texts, strict=False))
        vectors = encoder.encode([by_key[k] for k in missing], show_progress=progress)
        cache.update(zip(missing, vectors, strict=False))
    if not texts:
        return np.zeros((0, encoder.dimension), dtype=np.float32), 0, 0
    return np.stack([cache[k] for k in keys]).astype(np.float32), len(missing), reused


def ingest(corpus_dir: Path, index_dir: Path, encoder: Encoder, *, force: bool = False,
           progress: bool = False) -> IngestReport:
    """Build or refresh the index at `index_dir` from the documents in `corpus_dir`."""
    started = time.perf_counter()
    paths = corpus_files(corpus_dir)
    docs: list[Document] = [read_document(p, corpus_dir) for p in paths]  # fail before writing anything
    hashes = {d.source: file_sha256(p) for d, p in zip(docs, paths, strict=False)}
    passages: list[Passage] = [p for d in docs for p in splitting.split_document(d)]
    n_sections = sum(len(splitting.sections(d)) for d in docs)
    try:
        previous = read_manifest(index_dir)
    except FaqbotError:
        previous = None
    old_files = previous.files if previous else {}
    added = tuple(s for s in hashes if s not in old_files)
    changed = tuple(s for s in hashes if s in old_files and old_files[s] != hashes[s])
    removed = tuple(s for s in old_files if s not in hashes)
    pipeline = pipeline_hash()
    if (not force and previous and previous.model == encoder.name and previous.pipeline == pipeline
            and not (added or changed or removed)):
        return IngestReport(len(docs), n_sections, previous.passage_count, 0, previous.passage_count,
                            time.perf_counter() - started, up_to_date=True)

    cache = {} if force else _previous_vectors(index_dir, encoder.name)
    passage_vectors, computed_p, reused_p = _embed([p.embed_text for p in passages], encoder, cache, progress)
    sentences = [s for p in passages for s in p.sentence_texts()]
    sentence_vectors, computed_s, reused_s = _embed(sentences, encoder, cache, progress)
    write_index(
        index_dir, passages, passage_vectors, sentence_vectors,
        {
            "model": encoder.name,
            "files": hashes,
            "pipeline": pipeline,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
    return IngestReport(
        documents=len(docs), sections=n_sections, passages=len(passages), embedded=computed_p + computed_s,
        reused=reused_p + reused_s, seconds=time.perf_counter() - started,
        added=added if previous else (), changed=changed, removed=removed,
    )

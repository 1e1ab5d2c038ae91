"""Ingest: corpus folder -> cleaned documents -> passages -> embeddings -> index folder.

Embeddings of unchanged text are reused from the previous index (by content hash) when they were computed by the
same model files at the same precision, and a corpus that has not changed at all is detected from the manifest
without loading the model.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from faqbot.answering.query import QueryAnalyzer, Synonyms
from faqbot.documents import cleaning, extract, splitting
from faqbot.documents import reader as documents
from faqbot.documents.reader import Document, corpus_files, read_document
from faqbot.errors import FaqbotError, SettingsError
from faqbot.index import precision
from faqbot.index.encoders import DocumentEncoder, Encoder, model_digest
from faqbot.index.onnx_export import FOLDER, export_key
from faqbot.index.quantize import VARIANTS, quantize
from faqbot.index.store import (
    FORMAT_VERSION,
    INDEX_KINDS,
    Manifest,
    StoredIndex,
    file_sha256,
    load_index,
    read_manifest,
    remove_stale_temporaries,
    write_index,
)
from faqbot.index.vector_cache import QUESTIONS, VectorCache, text_key
from faqbot.learning import adapter, calibration
from faqbot.learning.lessons import LabelFit, Lessons, fit_adapter, package_digest
from faqbot.learning.warning_model import WarningModel
from faqbot.models import Passage


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
    precision: str = ""  # of the index's vectors: "fp32" or "bf16"
    previous_precision: str = ""  # of the index it replaced ("" when there was none)
    adapter: str = ""  # what was learned (query adapter, no_match bars) or why not ("" when not rebuilt)

    def summary(self) -> str:
        if self.up_to_date:
            head = "Index is up to date"
        else:
            changes = [f"{label} {', '.join(names)}" for label, names in
                       (("added", self.added), ("changed", self.changed), ("removed", self.removed)) if names]
            head = "Index built" + (f" ({'; '.join(changes)})" if changes else "")
        computed = f"{self.embedded} computed"
        if self.embedded:
            computed += f" in {self.precision}"
            if self.previous_precision and self.previous_precision != self.precision:
                computed += f" (the previous index's {self.previous_precision} embeddings are not mixed in)"
        adapter_note = f"; {self.adapter}" if self.adapter else ""
        return (
            f"{head}: {self.documents} documents, {self.sections} sections, {self.passages} passages, "
            f"{self.reused} embeddings reused, {computed}{adapter_note}, {self.seconds:.1f} s"
        )


def _kind_matches(previous: Manifest, index_kind: str) -> bool:
    """A forced index kind different from the one on disk means a rebuild; "auto" keeps what is there."""
    return index_kind == "auto" or previous.index_type == index_kind


def pipeline_hash() -> str:
    """Changes whenever the code that cleans and splits documents changes, so passages get rebuilt."""
    h = hashlib.sha256()
    for module in (cleaning, extract, documents, splitting):
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:16]


def _current_index(index_dir: Path, model: str) -> StoredIndex | None:
    """The index being replaced, when there is one it can reuse from (same model, every checksum right)."""
    try:
        return load_index(index_dir, model)
    except FaqbotError:
        return None


def _previous_vectors(old: StoredIndex | None, model: str, precision: str) -> VectorCache:
    """Embeddings in the current index by content; empty when there is none, or its vectors were computed at another
    precision (one index never mixes precisions)."""
    if old is None or old.manifest.document_precision != precision:
        return VectorCache(model)
    sentences = [s for p in old.passages for s in p.sentence_texts()]
    texts = [p.embed_text for p in old.passages] + sentences
    vectors = np.concatenate([old.passage_vectors(), old.sentence_vectors])
    return VectorCache(model, {text_key(model, t): v for t, v in zip(texts, vectors, strict=False)})


def _previous_questions(previous: Manifest | None, index_dir: Path, model: str) -> VectorCache:
    """The labelled questions' vectors the current index learned from, when its manifest vouches for the file."""
    path = index_dir / QUESTIONS
    if previous is None or previous.cache_files.get(QUESTIONS) is None \
            or not path.is_file() or file_sha256(path) != previous.cache_files[QUESTIONS]:
        return VectorCache(model)
    return VectorCache.load(path, model)


def _embed(texts: list[str], cache: VectorCache, encoder: Encoder, progress: bool) -> np.ndarray:
    if not texts:
        return np.zeros((0, encoder.dimension), dtype=np.float32)
    return cache.embed(texts, lambda missing: encoder.encode(missing, show_progress=progress))


def _variant_files(variants: tuple[str, ...]) -> set[str]:
    return {f"{FOLDER}/{VARIANTS[v]}" for v in variants}


def _encoder_export(encoder: Encoder, previous: Manifest | None, index_dir: Path, force: bool,
                    variants: tuple[str, ...], calibration: list[str]) -> tuple[str, Callable[[Path], None] | None]:
    """(export key, writer of the index's ONNX query encoder); ("", None) for encoders that can't be exported.

    An export made from the same model by the same code is linked from the previous index, not redone. Quantised
    `variants` are written only when asked for (the `encoder` setting), from the fp32 model without torch, and
    calibrated on `calibration`; a variant no longer asked for is left out."""
    exporter = getattr(encoder, "export_onnx", None)
    if exporter is None:
        return "", None
    key = export_key(encoder.name)
    reusable = (not force and previous is not None and previous.encoder_key == key and previous.encoder_files
                and all(_matches(index_dir / name, digest) for name, digest in previous.encoder_files.items()))

    unwanted = _variant_files(tuple(VARIANTS)) - _variant_files(variants)

    def write(folder: Path) -> None:
        if not reusable:
            exporter(folder / FOLDER)
        else:
            for name in set(previous.encoder_files) - unwanted:
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(index_dir / name, folder / name)  # files are never modified in place
                except OSError:
                    shutil.copy2(index_dir / name, folder / name)
        for variant in variants:
            if (folder / FOLDER).is_dir() and not (folder / FOLDER / VARIANTS[variant]).is_file():
                quantize(folder / FOLDER, variant, calibration)

    return key, write


def _matches(path: Path, digest: str) -> bool:
    return path.is_file() and file_sha256(path) == digest


@contextmanager
def _one_ingest_at_a_time(index_dir: Path):
    """An exclusive lock beside the index: a second ingest (command line, staff upload) waits for the first, so a
    slower one can't swap in an index made from a corpus that changed after it read it."""
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(index_dir.parent / f".{index_dir.name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def ingest(corpus_dir: Path, index_dir: Path, encoder: DocumentEncoder, *, force: bool = False,
           progress: bool = False, index_kind: str = "auto", variants: tuple[str, ...] = (),
           lessons: Lessons | None = None, calibrate: bool = False) -> IngestReport:
    """Build or refresh the index at `index_dir` from the documents in `corpus_dir`.

    `variants`: quantised query encoders to store beside the fp32 export (encoders.onnx_variants(settings)).
    `lessons`: labelled questions to learn the query adapter from (Lessons.from_settings(settings)); None: none.
    `calibrate`: when no adapter is learned, learn the no_match bars from the documents (learning/calibration.py;
    the settings' no_match_calibration)."""
    if index_kind not in INDEX_KINDS:
        raise SettingsError(f"index_kind must be one of {', '.join(INDEX_KINDS)}, got {index_kind!r}")
    with _one_ingest_at_a_time(Path(index_dir).resolve()):
        return _ingest(corpus_dir, index_dir, encoder, force=force, progress=progress, index_kind=index_kind,
                       variants=variants, lessons=lessons, calibrate=calibrate)


def _ingest(corpus_dir: Path, index_dir: Path, encoder: DocumentEncoder, *, force: bool, progress: bool,
            index_kind: str, variants: tuple[str, ...], lessons: Lessons | None, calibrate: bool) -> IngestReport:
    started = time.perf_counter()
    remove_stale_temporaries(Path(index_dir))  # a killed run's half-written index, even when nothing changed
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
    wants_export = hasattr(encoder, "export_onnx")
    adapter_key = lessons.key(encoder.name) if lessons else ""
    weights = model_digest(encoder.name)
    calibration_key = calibration.key(encoder.name, package_digest()) if calibrate else ""
    # Nothing made by another model is reused, nor by the same name with other weights (a model folder replaced).
    same_model = previous is not None and previous.model == encoder.name and previous.model_digest == weights
    if (not force and previous and previous.format_version == FORMAT_VERSION and same_model
            and previous.pipeline == pipeline and previous.adapter_key == adapter_key
            and previous.calibration_key == calibration_key
            and not (added or changed or removed)
            and (not wants_export or previous.encoder_key == export_key(encoder.name))
            and (not wants_export or _variant_files(variants) <= set(previous.encoder_files))
            and _kind_matches(previous, index_kind)
            and precision.satisfies(previous.document_precision, encoder.requested_precision)):
        return IngestReport(len(docs), n_sections, previous.passage_count, 0, previous.passage_count,
                            time.perf_counter() - started, up_to_date=True)

    fresh = force or not same_model
    old = None if fresh else _current_index(index_dir, encoder.name)
    cache = _previous_vectors(old, encoder.name, encoder.precision)
    passage_vectors = _embed([p.embed_text for p in passages], cache, encoder, progress)
    sentences = [s for p in passages for s in p.sentence_texts()]
    sentence_vectors = _embed(sentences, cache, encoder, progress)
    key, write_export = _encoder_export(encoder, previous, index_dir, fresh, variants,
                                        sentences + [p.embed_text for p in passages])
    questions = VectorCache(encoder.name) if fresh else _previous_questions(previous, index_dir, encoder.name)
    learned, fit = fit_adapter(lessons, passages, passage_vectors, sentence_vectors,
                               lambda texts: questions.embed(texts, encoder.encode_questions),
                               old.adapter.warning if old and old.adapter else None) if adapter_key else (None, None)
    bars = calibration.calibrate(passages, passage_vectors, sentence_vectors,
                                 QueryAnalyzer.from_texts([p.embed_text for p in passages], Synonyms(())),
                                 lambda texts: questions.embed(texts, encoder.encode_questions)
                                 ) if calibrate and learned is None else None

    def write_extra(folder: Path) -> None:
        if write_export is not None:
            write_export(folder)
        if learned is not None:
            learned.save(folder / adapter.FOLDER)
        if learned is not None or bars is not None:
            (folder / QUESTIONS).parent.mkdir(exist_ok=True)
            questions.save(folder / QUESTIONS)

    write_index(
        index_dir, passages, passage_vectors, sentence_vectors,
        {
            "model": encoder.name,
            "model_digest": weights,
            "files": hashes,
            "pipeline": pipeline,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "encoder_key": key,
            "document_precision": encoder.precision,
            "adapter_key": adapter_key,
            "calibration_key": calibration_key,
            "no_match_bars": bars.to_json() if bars is not None else {},
        },
        index_kind=index_kind, write_extra=write_extra,
    )
    return IngestReport(
        documents=len(docs), sections=n_sections, passages=len(passages), embedded=cache.computed,
        reused=cache.reused, seconds=time.perf_counter() - started,
        added=added if previous else (), changed=changed, removed=removed,
        precision=encoder.precision, previous_precision=previous.document_precision if previous else "",
        adapter="; ".join(note for note in (_adapter_note(lessons, learned, questions, fit),
                                            bars.summary() if bars is not None else "") if note),
    )


def _adapter_note(lessons: Lessons | None, learned: adapter.Adapter | None, questions: VectorCache,
                  fit: LabelFit | None) -> str:
    if lessons is None:
        return ""
    labels = fit.note(lessons.questions_file) if fit is not None else ""
    if learned is None:
        return labels or (f"no query adapter (no labelled questions with answers in these documents at "
                          f"{lessons.questions_file})")
    v = learned.validation
    return (f"query adapter learned from {v.in_scope} in-scope, {v.out_of_scope} out-of-scope and {v.covered} "
            f"normal-healing questions (cross-validated: out-of-scope recall {v.out_of_scope_recall:.2f}, in-scope "
            f"fallbacks {v.in_scope_fallbacks:.2f}, normal-healing fallbacks {v.covered_fallbacks:.2f})"
            + _warning_note(learned.warning)
            + f"; labelled questions: {questions.reused} embeddings reused, {questions.computed} computed"
            + (f"; {labels}" if labels else ""))


def _warning_note(model: WarningModel | None) -> str:
    if model is None:
        return "; no warning model (too few labelled urgent or other questions)"
    return f"; warning model learned from {model.urgent} urgent and {model.others} other questions"

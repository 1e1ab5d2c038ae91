"""The index folder: FAISS vectors, passages (JSON lines), sentence vectors and a self-describing manifest.

Writing goes to a temporary folder beside the index that is then swapped in with one rename, so a crash
or a kill mid-write leaves the previous index as it was.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property
from pathlib import Path

import faiss
import numpy as np

from faqbot.errors import IndexMismatchError, IndexMissingError, StorageError
from faqbot.index.vector_cache import FOLDER as CACHE_FOLDER
from faqbot.learning.adapter import FOLDER as ADAPTER_FOLDER
from faqbot.learning.adapter import WARNING, Adapter
from faqbot.models import Passage

FORMAT_VERSION = 3  # 3: checksums of the passages and sentence vectors; 2: ONNX export, HNSW
READABLE_VERSIONS = (1, 2, 3)  # 1 and 2 still load (for embedding reuse); only 3 checks every data file
MANIFEST = "manifest.json"
PASSAGES = "passages.jsonl"
VECTORS = "vectors.faiss"
SENTENCES = "sentences.npy"
INDEX_KINDS = ("auto", "flat", "hnsw")
HNSW_THRESHOLD = 50_000  # passages; exact search p50 is 3 ms at 50k and 12.7 ms at 100k (docs/BENCHMARKS.md)
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 40
HNSW_EF_SEARCH = 128  # recall@10 >= 0.95 at 100k and 1M synthetic passages (bench/scale.py; 64 gave 0.93 at 100k)


@dataclass(frozen=True)
class Manifest:
    format_version: int
    model: str
    dimension: int
    normalized: bool
    metric: str
    index_type: str
    passage_count: int
    sentence_count: int
    files: dict[str, str]  # source -> sha256 of its content
    pipeline: str  # hash of the cleaning and splitting code that made the passages
    index_sha256: str
    built_at: str
    index_params: dict[str, int] = field(default_factory=dict)  # HNSW: M, ef_construction, ef_search
    encoder_key: str = ""  # onnx_export.export_key() of the export below ("" when there is none)
    encoder_files: dict[str, str] = field(default_factory=dict)  # encoder/<file> -> sha256
    data_files: dict[str, str] = field(default_factory=dict)  # passages.jsonl, sentences.npy -> sha256
    # Precision the passage and sentence vectors were computed at (stored as float32 either way); indexes from
    # before the setting have no such field and were computed in fp32.
    document_precision: str = "fp32"
    adapter_key: str = ""  # learning.Lessons.key() of the query adapter below ("" when there is none)
    adapter_files: dict[str, str] = field(default_factory=dict)  # adapter/<file> -> sha256
    cache_files: dict[str, str] = field(default_factory=dict)  # cache/<file> -> sha256: for ingest only (vector_cache)
    model_digest: str = ""  # encoders.model_digest() of the model's files ("" for a hub name, or an older index)
    calibration_key: str = ""  # learning.calibration.key() when ingest was asked to calibrate ("" when not)
    no_match_bars: dict[str, float] = field(default_factory=dict)  # learning.calibration.Calibration, when learned
    manifest_sha256: str = ""  # of every other field: a damaged manifest is caught too


def manifest_digest(data: dict) -> str:
    fields = {key: value for key, value in data.items() if key != "manifest_sha256"}
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class StoredIndex:
    manifest: Manifest
    passages: tuple[Passage, ...]
    index: faiss.Index
    sentence_vectors: np.ndarray  # every passage's sentences, in passage order
    adapter: Adapter | None = None  # learned from the clinic's labelled questions (faqbot/learning/adapter.py)

    def passage_vectors(self) -> np.ndarray:
        return self.index.reconstruct_n(0, self.index.ntotal)

    @cached_property
    def positions(self) -> dict[str, int]:
        """Each passage's position by its id; made once per loaded index (pins and staff views look ids up)."""
        return {p.id: i for i, p in enumerate(self.passages)}

    def search(self, vector: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The `n` passages nearest to `vector`: (inner products, passage indices), best first."""
        _one_faiss_thread()
        scores, ids = self.index.search(np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1), n)
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep]


_faiss_threads = threading.local()


def _one_faiss_thread() -> None:
    """One OpenMP thread per search, set in the searching thread itself: OpenMP's thread count is per thread, so
    a setting made in the main thread doesn't reach a web server's worker threads. Concurrent requests then each
    use one core instead of oversubscribing them."""
    if not getattr(_faiss_threads, "set", False):
        faiss.omp_set_num_threads(1)
        _faiss_threads.set = True


def build_faiss_index(vectors: np.ndarray, kind: str = "auto") -> tuple[faiss.Index, str, dict[str, int]]:
    """Exact inner-product search below HNSW_THRESHOLD passages (or when forced), HNSW above.

    Returns the index, its type name for the manifest and its parameters."""
    if kind not in INDEX_KINDS:
        raise ValueError(f"index_kind must be one of {', '.join(INDEX_KINDS)}, got {kind!r}")
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    dimension = vectors.shape[1]
    if kind == "flat" or (kind == "auto" and vectors.shape[0] < HNSW_THRESHOLD):
        index = faiss.IndexFlatIP(dimension)
        index.add(vectors)
        return index, "flat", {}
    index = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    index.hnsw.efSearch = HNSW_EF_SEARCH
    index.add(vectors)
    return index, "hnsw", {"M": HNSW_M, "ef_construction": HNSW_EF_CONSTRUCTION, "ef_search": HNSW_EF_SEARCH}


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def swap_in(new_dir: Path, index_dir: Path) -> None:
    """Make `new_dir` the index at `index_dir`; the old one is removed only after the swap."""
    if not index_dir.exists():
        os.rename(new_dir, index_dir)
    elif _exchange(new_dir, index_dir):
        shutil.rmtree(new_dir)  # now holds the previous index
    else:
        old = index_dir.with_name(f".{index_dir.name}.old-{os.getpid()}")
        os.rename(index_dir, old)
        os.rename(new_dir, index_dir)
        shutil.rmtree(old)
    _fsync_dir(index_dir.parent)


def remove_stale_temporaries(index_dir: Path) -> None:
    """Delete temporary folders left by an ingest that was killed."""
    for path in index_dir.parent.glob(f".{index_dir.name}.*-*"):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_index(
    index_dir: Path,
    passages: list[Passage],
    passage_vectors: np.ndarray,
    sentence_vectors: np.ndarray,
    manifest_fields: dict,
    *,
    index_kind: str = "auto",
    write_extra: Callable[[Path], None] | None = None,
) -> Manifest:
    """Write a complete index to a temporary folder, then swap it in.

    `write_extra(folder)` adds files (the ONNX query encoder, the query adapter) to the new index folder before the
    swap; their checksums go into the manifest's `encoder_files` and `adapter_files`."""
    index_dir = index_dir.resolve()
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(index_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.tmp-", suffix=f"-{os.getpid()}", dir=index_dir.parent))
    try:
        dimension = passage_vectors.shape[1]
        index, index_type, index_params = build_faiss_index(passage_vectors, index_kind)
        faiss.write_index(index, str(tmp / VECTORS))
        np.save(tmp / SENTENCES, np.ascontiguousarray(sentence_vectors, dtype=np.float32))
        with (tmp / PASSAGES).open("w", encoding="utf-8") as f:
            for passage in passages:
                f.write(json.dumps(passage.to_dict(), ensure_ascii=False) + "\n")
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            dimension=dimension,
            normalized=True,
            metric="inner_product",
            index_type=index_type,
            index_params=index_params,
            passage_count=len(passages),
            sentence_count=int(sentence_vectors.shape[0]),
            index_sha256=file_sha256(tmp / VECTORS),
            data_files={name: file_sha256(tmp / name) for name in (PASSAGES, SENTENCES)},
            **_write_extra(tmp, write_extra),
            **manifest_fields,
        )
        manifest = replace(manifest, manifest_sha256=manifest_digest(asdict(manifest)))
        (tmp / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2) + "\n", encoding="utf-8")
        for path in sorted(tmp.rglob("*")):
            if path.is_file():
                with path.open("rb") as f:
                    os.fsync(f.fileno())
        swap_in(tmp, index_dir)
    except OSError as exc:  # a full disk, a folder it may not write: a message, not three chained tracebacks
        shutil.rmtree(tmp, ignore_errors=True)
        raise StorageError(f"Could not write the index next to {index_dir} ({exc.strerror or exc}); the previous "
                           "index is unchanged. Free some space there (or fix its permissions) and run ingest "
                           "again") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def _write_extra(folder: Path, write_extra: Callable[[Path], None] | None) -> dict[str, dict[str, str]]:
    """Run `write_extra` and return the manifest fields listing what it wrote, by folder."""
    if write_extra is None:
        return {}
    before = {p for p in folder.rglob("*") if p.is_file()}
    write_extra(folder)
    added = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p not in before)
    by_field: dict[str, dict[str, str]] = {"encoder_files": {}, "adapter_files": {}, "cache_files": {}}
    for name in added:
        kind = {ADAPTER_FOLDER: "adapter_files", CACHE_FOLDER: "cache_files"}.get(name.split("/")[0], "encoder_files")
        by_field[kind][name] = file_sha256(folder / name)
    return by_field


def read_manifest(index_dir: Path) -> Manifest:
    path = index_dir / MANIFEST
    if not path.is_file():
        raise IndexMissingError(f"No index at {index_dir} (run: python ingest.py --index {index_dir})")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise TypeError("not a JSON object")
        if data.get("format_version") not in READABLE_VERSIONS:
            raise IndexMismatchError(
                f"Index at {index_dir} has format {data.get('format_version')}, this faqbot reads "
                f"{FORMAT_VERSION} (rebuild it: python ingest.py --index {index_dir})"
            )
        if data["format_version"] >= 3 and data.get("manifest_sha256") != manifest_digest(data):
            raise ValueError("its checksum does not match its content")
        return Manifest(**data)
    except (ValueError, TypeError, OSError) as exc:  # JSON, UTF-8 and field errors: a damaged manifest
        raise IndexMismatchError(
            f"Index manifest {path} is damaged ({type(exc).__name__}: {exc}); "
            f"rebuild it: python ingest.py --index {index_dir}"
        ) from None


def load_index(index_dir: Path, model: str | None = None) -> StoredIndex:
    """Load and check an index; `model` (when given) must be the model it was built with."""
    manifest = read_manifest(index_dir)
    if model is not None and manifest.model != model:
        raise IndexMismatchError(
            f"Index at {index_dir} was built with model {manifest.model!r} but the settings ask for "
            f"{model!r}; rebuild it (python ingest.py --model {model}) or set the model back"
        )
    rebuild = f"rebuild it: python ingest.py --index {index_dir}"
    vectors_path = index_dir / VECTORS
    if not vectors_path.is_file() or file_sha256(vectors_path) != manifest.index_sha256:
        raise IndexMismatchError(f"Index file {vectors_path} is missing or does not match its checksum; {rebuild}")
    if manifest.format_version >= 3 and set(manifest.data_files) != {PASSAGES, SENTENCES}:
        raise IndexMismatchError(f"Index manifest at {index_dir} lacks the data files' checksums; {rebuild}")
    for name, digest in manifest.data_files.items():
        if not (index_dir / name).is_file() or file_sha256(index_dir / name) != digest:
            raise IndexMismatchError(f"Index file {index_dir / name} is missing or does not match its checksum; "
                                     f"{rebuild}")
    try:
        index = faiss.read_index(str(vectors_path))
        with (index_dir / PASSAGES).open(encoding="utf-8") as f:
            passages = tuple(Passage.from_dict(json.loads(line)) for line in f if line.strip())
        sentence_vectors = np.load(index_dir / SENTENCES, allow_pickle=False)
    except (RuntimeError, ValueError, TypeError, KeyError, OSError) as exc:  # faiss, JSON, numpy: unreadable
        raise IndexMismatchError(f"Index at {index_dir} can't be read ({type(exc).__name__}); {rebuild}") from None
    if manifest.index_type == "hnsw":
        index.hnsw.efSearch = manifest.index_params.get("ef_search", HNSW_EF_SEARCH)
    if index.ntotal != len(passages) or index.ntotal != manifest.passage_count or index.d != manifest.dimension:
        raise IndexMismatchError(f"Index at {index_dir} is inconsistent with its manifest; {rebuild}")
    if (sentence_vectors.ndim != 2 or sentence_vectors.shape[1] != index.d
            or sentence_vectors.shape[0] != sum(len(p.sentences) for p in passages)):
        raise IndexMismatchError(f"Sentence vectors at {index_dir} don't match the passages; {rebuild}")
    return StoredIndex(manifest, passages, index, sentence_vectors, _load_adapter(index_dir, manifest))


def _load_adapter(index_dir: Path, manifest: Manifest) -> Adapter | None:
    if not manifest.adapter_files:
        return None
    for name, digest in manifest.adapter_files.items():
        if not (index_dir / name).is_file() or file_sha256(index_dir / name) != digest:
            raise IndexMismatchError(f"Index file {index_dir / name} is missing or does not match its checksum; "
                                     f"rebuild it: python ingest.py --index {index_dir}")
    return Adapter.load(index_dir / ADAPTER_FOLDER, manifest.dimension, manifest.passage_count,
                        with_warning=f"{ADAPTER_FOLDER}/{WARNING}" in manifest.adapter_files)

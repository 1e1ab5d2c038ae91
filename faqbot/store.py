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
from dataclasses import asdict, dataclass
from pathlib import Path

import faiss
import numpy as np

from faqbot.errors import IndexMismatchError, IndexMissingError
from faqbot.models import Passage

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PASSAGES = "passages.jsonl"
VECTORS = "vectors.faiss"
SENTENCES = "sentences.npy"


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


@dataclass(frozen=True)
class StoredIndex:
    manifest: Manifest
    passages: tuple[Passage, ...]
    index: faiss.Index
    sentence_vectors: np.ndarray  # every passage's sentences, in passage order

    def passage_vectors(self) -> np.ndarray:
        return self.index.reconstruct_n(0, self.index.ntotal)


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
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
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
) -> Manifest:
    """Write a complete index to a temporary folder, then swap it in."""
    index_dir = index_dir.resolve()
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(index_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.tmp-", suffix=f"-{os.getpid()}", dir=index_dir.parent))
    try:
        dimension = passage_vectors.shape[1]
        index = faiss.IndexFlatIP(dimension)
        index.add(np.ascontiguousarray(passage_vectors, dtype=np.float32))
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
            index_type="flat",
            passage_count=len(passages),
            sentence_count=int(sentence_vectors.shape[0]),
            index_sha256=file_sha256(tmp / VECTORS),
            **manifest_fields,
        )
        (tmp / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2) + "\n", encoding="utf-8")
        for path in tmp.iterdir():
            with path.open("rb") as f:
                os.fsync(f.fileno())
        swap_in(tmp, index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def read_manifest(index_dir: Path) -> Manifest:
    path = index_dir / MANIFEST
    if not path.is_file():
        raise IndexMissingError(f"No index at {index_dir} (run: python ingest.py --index {index_dir})")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format_version") != FORMAT_VERSION:
            raise IndexMismatchError(
                f"Index at {index_dir} has format {data.get('format_version')}, this faqbot reads "
                f"{FORMAT_VERSION} (rebuild it: python ingest.py --index {index_dir})"
            )
        return Manifest(**data)
    except (json.JSONDecodeError, TypeError) as exc:
        raise IndexMismatchError(
            f"Index manifest {path} is damaged ({exc}); rebuild it: python ingest.py --index {index_dir}"
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
    index = faiss.read_index(str(vectors_path))
    with (index_dir / PASSAGES).open(encoding="utf-8") as f:
        passages = tuple(Passage.from_dict(json.loads(line)) for line in f if line.strip())
    sentence_vectors = np.load(index_dir / SENTENCES)
    if index.ntotal != len(passages) or index.ntotal != manifest.passage_count or index.d != manifest.dimension:
        raise IndexMismatchError(f"Index at {index_dir} is inconsistent with its manifest; {rebuild}")
    if sentence_vectors.shape[0] != sum(len(p.sentences) for p in passages):
        raise IndexMismatchError(f"Sentence vectors at {index_dir} don't match the passages; {rebuild}")
    return StoredIndex(manifest, passages, index, sentence_vectors)

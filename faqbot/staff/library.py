"""The clinic's documents as staff manage them: add, replace or remove one, then rebuild the index.

A new file is read (and refused with a clear message if it can't be) before anything changes. It is written into
the corpus atomically, the index is rebuilt and swapped in atomically by `ingest`, and if the rebuild fails the
corpus is put back as it was. Running apps pick up the new index by themselves (see `faqbot.answering.live`).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from faqbot.documents.reader import SUPPORTED_SUFFIXES, corpus_files, read_document
from faqbot.documents.splitting import split_document
from faqbot.errors import CorpusError
from faqbot.index.build import IngestReport, ingest
from faqbot.index.encoders import DocumentEncoder, make_encoder, onnx_variants
from faqbot.learning.lessons import Lessons
from faqbot.settings import Settings

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,99}$")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
LOCK_FILE = ".faqbot-ingest.lock"
JOURNAL = ".faqbot-change.json"  # a change under way: which document, and whether it had a previous version
PREVIOUS = ".faqbot-change.previous"  # that previous version, until the change is done


@dataclass(frozen=True)
class DocumentInfo:
    source: str
    title: str
    passages: int
    size_bytes: int


@dataclass(frozen=True)
class LibraryChange:
    message: str  # what staff are told
    report: IngestReport


def check_name(name: str) -> str:
    """A document's file name as staff gave it, refused if it could leave the corpus folder or isn't supported.

    Only documents at the top of the corpus folder are managed here: a name is never a path (an uploaded file's
    folders are dropped; a listed document in a subfolder is refused rather than confused with another)."""
    name = Path(name or "").name  # never a path: no folders, no ..
    if not _NAME.match(name):
        raise CorpusError(f"{name!r} can't be a document name: use letters, digits, spaces, . _ - ( ) only")
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise CorpusError(f"{name}: unsupported kind of file (use {', '.join(SUPPORTED_SUFFIXES)})")
    return name


class Library:
    def __init__(self, settings: Settings, encoder: DocumentEncoder | None = None,
                 on_change: Callable[[], object] = lambda: None) -> None:
        self.settings = settings
        self._encoder = encoder
        self._on_change = on_change
        self._lock = threading.Lock()

    @property
    def encoder(self) -> DocumentEncoder:
        if self._encoder is None:  # loads the model (torch) only when a document really changes
            self._encoder = make_encoder(self.settings)
        return self._encoder

    def documents(self, titles: dict[str, str], passages_by_source: dict[str, int]) -> list[DocumentInfo]:
        """The corpus's files; titles and passage counts come from the index (a file not in it shows none)."""
        corpus = self.settings.corpus_dir
        found = []
        for path in corpus_files(corpus):
            source = path.relative_to(corpus).as_posix()
            title = titles.get(source, "(not in the index: it could not be read, or ingest has not run)")
            found.append(DocumentInfo(source, title, passages_by_source.get(source, 0), path.stat().st_size))
        return found

    @contextmanager
    def _exclusive(self):
        """One change at a time, in this process and across processes (a file lock beside the corpus)."""
        with self._lock:
            lock_path = self.settings.corpus_dir / LOCK_FILE
            with open(lock_path, "w") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                yield

    @contextmanager
    def _journaled(self, target: Path, previous: bytes | None):
        """Note a change before making it, so that a server stopped halfway (killed, power cut) leaves what
        `recover` needs to undo it; the note goes when the change is done or undone."""
        corpus = self.settings.corpus_dir
        if previous is not None:
            _write_atomically(corpus / PREVIOUS, previous)
        _write_atomically(corpus / JOURNAL, json.dumps({"name": target.name,
                                                        "had_previous": previous is not None}).encode())
        try:
            yield
        finally:
            (corpus / JOURNAL).unlink(missing_ok=True)
            (corpus / PREVIOUS).unlink(missing_ok=True)

    def recover(self) -> str | None:
        """Undo a change a stopped server left half done and rebuild the index to match the corpus; says what was
        undone, or None when there was nothing to undo. The staff workspace calls it at start."""
        corpus = self.settings.corpus_dir
        with self._exclusive():
            try:
                note = json.loads((corpus / JOURNAL).read_text(encoding="utf-8"))
            except FileNotFoundError:
                return None
            except (OSError, ValueError) as exc:
                raise CorpusError(f"{corpus / JOURNAL} can't be read ({exc}); check the documents by hand, "
                                  "then delete it") from None
            name = check_name(str(note.get("name", "")))
            previous = (corpus / PREVIOUS).read_bytes() if note.get("had_previous") else None
            _restore(corpus / name, previous)
            self._rebuild(lambda: None)
            (corpus / JOURNAL).unlink(missing_ok=True)
            (corpus / PREVIOUS).unlink(missing_ok=True)
        what = "its previous version is back" if previous is not None else "it is not in the documents"
        return f"A change to {name} was interrupted when the server stopped; it was undone ({what}). Make it again."

    def add(self, uploaded: Path, name: str) -> LibraryChange:
        """Add the uploaded file as `name`, or replace the document of that name."""
        name = check_name(name)
        if uploaded.stat().st_size > MAX_DOCUMENT_BYTES:
            raise CorpusError(f"{name} is larger than {MAX_DOCUMENT_BYTES // 2**20} MB; split it into parts")
        with tempfile.TemporaryDirectory() as folder:  # read it first: a file that can't be read changes nothing
            trial = Path(folder) / name
            shutil.copyfile(uploaded, trial)
            passages = len(split_document(read_document(trial, Path(folder))))
        target = self.settings.corpus_dir / name
        with self._exclusive():
            previous = target.read_bytes() if target.exists() else None
            with self._journaled(target, previous):
                _write_atomically(target, uploaded.read_bytes())
                report = self._rebuild(lambda: _restore(target, previous))
        verb = "Replaced" if previous is not None else "Added"
        return LibraryChange(f"{verb} '{name}': {passages} passage{'s' * (passages != 1)}. Patients are answered "
                             f"from it now.\n\nDetails: {report.summary()}", report)

    def remove(self, source: str) -> LibraryChange:
        if "/" in source or "\\" in source:
            raise CorpusError(f"{source} is in a subfolder of the corpus; remove it there, then run python ingest.py")
        name = check_name(source)
        target = self.settings.corpus_dir / name
        with self._exclusive():
            if not target.is_file():
                raise CorpusError(f"There is no document {name} (pick one from the list)")
            previous = target.read_bytes()
            with self._journaled(target, previous):
                target.unlink()
                report = self._rebuild(lambda: _restore(target, previous))
        return LibraryChange(f"Removed '{name}'. Patients are no longer answered from it.\n\nDetails: "
                             f"{report.summary()}", report)

    def _rebuild(self, undo: Callable[[], None]) -> IngestReport:
        try:
            report = ingest(self.settings.corpus_dir, self.settings.index_dir, self.encoder,
                            index_kind=self.settings.index_kind, variants=onnx_variants(self.settings),
                            lessons=Lessons.from_settings(self.settings),
                            calibrate=self.settings.no_match_calibration)
        except BaseException:
            undo()  # the index was not swapped; put the corpus back to match it
            raise
        self._on_change()
        return report


def _write_atomically(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".upload-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _restore(target: Path, previous: bytes | None) -> None:
    if previous is None:
        target.unlink(missing_ok=True)
    else:
        _write_atomically(target, previous)

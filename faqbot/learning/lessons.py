"""Where the query adapter learns from: the clinic's labelled questions, read and embedded as answering does.

Ingest calls `fit_adapter` after embedding the passages; `faqbot eval` calls `training_questions`,
`warning_questions` and `fit_warning` to cross-validate on the same set. A question counts for the adapter when its
answer phrases are in the documents (in scope), it is marked out of scope, or it is about normal healing (covered:
the documents answer it, with no one passage labelled); the warning model (warning_model.py) learns the urgent
questions against the in-scope, out-of-scope and normal-healing ones.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np

from faqbot.answering.query import QueryAnalyzer, Synonyms
from faqbot.documents.cleaning import clean_query
from faqbot.index.encoders import folder_digest
from faqbot.index.store import file_sha256
from faqbot.learning import adapter, warning_model
from faqbot.learning.adapter import Adapter, Training, TrainingQuestion
from faqbot.learning.labelled import Labelled, answer_passages, load_questions, normalise
from faqbot.models import Passage, sentence_rows
from faqbot.safety.signs import SignBook
from faqbot.safety.triage import Triage
from faqbot.settings import Settings


@dataclass(frozen=True)
class Lessons:
    """The labelled questions file and what shapes their vectors (synonyms) and the fit."""

    questions_file: Path
    synonyms_file: Path
    training: Training
    warning_signs: Path = Settings.warning_signs  # the clinic's: which questions the warning model is asked about

    @classmethod
    def from_settings(cls, settings: Settings) -> Lessons:
        return cls(settings.training_questions, settings.synonyms_file,
                   Training(max_in_scope_fallbacks=settings.max_in_scope_fallbacks,
                            max_in_scope_fallbacks_with_margin=settings.max_in_scope_fallbacks_with_margin),
                   settings.warning_signs)

    def available(self) -> bool:
        return self.questions_file.is_file()

    def key(self, model: str) -> str:
        """Changes when anything the adapter depends on changes (besides the passages): the labelled questions, the
        synonyms, the settings and all of faqbot's code and data (the adapter's modules and what they read the
        questions with: spelling, cleaning, the urgent rules); "" without questions."""
        if not self.available():
            return ""
        h = hashlib.sha256(model.encode())
        for path in (self.questions_file, self.synonyms_file, self.warning_signs):
            h.update(path.read_bytes() if path.is_file() else b"-")
        h.update(json.dumps(asdict(self.training), sort_keys=True).encode())
        h.update(_package_digest())
        return h.hexdigest()[:16]


def training_questions(items: Sequence[Labelled], passages: Sequence[Passage], analyzer: QueryAnalyzer,
                       encode: Callable[[list[str]], np.ndarray]) -> list[tuple[Labelled, TrainingQuestion]]:
    """In-scope questions whose answers the passages hold, out-of-scope ones and normal-healing ones (covered),
    embedded as questions are."""
    in_scope = [item for item in items if item.kind == "in_scope"]
    found = dict(zip(map(id, in_scope), answer_passages(in_scope, [normalise(p.text) for p in passages]), strict=True))
    kept: list[tuple[Labelled, tuple[int, ...]]] = []
    for item in items:
        if item.kind in ("out_of_scope", "normal_healing"):
            kept.append((item, ()))
        elif item.kind == "in_scope" and found[id(item)]:
            kept.append((item, found[id(item)]))
    queries = [analyzer.analyze(item.question) for item, _ in kept]
    vectors = encode([q.corrected for q in queries]) if queries else np.zeros((0, 0), dtype=np.float32)
    return [(item, TrainingQuestion(v, answers, bool(q.unknown), item.question, tuple(map(normalise, item.answers)),
                                    covered=item.kind == "normal_healing"))
            for v, q, (item, answers) in zip(vectors, queries, kept, strict=True)]


def warning_questions(items: Sequence[Labelled], analyzer: QueryAnalyzer,
                      encode: Callable[[list[str]], np.ndarray]) -> list[tuple[Labelled, np.ndarray]]:
    """The urgent and normal-healing questions, embedded as answering does (raw vectors, before the adapter)."""
    kept = [item for item in items if item.kind in ("urgent", "normal_healing")]
    vectors = encode([analyzer.analyze(item.question).corrected for item in kept]) if kept else []
    return list(zip(kept, vectors, strict=True))


def fit_warning(questions: Sequence[TrainingQuestion], signs: Sequence[tuple[Labelled, np.ndarray]],
                training: Training, triage: Triage,
                previous: warning_model.WarningModel | None = None) -> warning_model.WarningModel | None:
    """The warning model: urgent questions against the normal-healing ones and the adapter's questions, its bar set
    on the non-urgent ones the rules would leave to it. `previous` (the current index's) is returned as it is when
    it was learned from exactly these questions, vectors and settings by the same code. The adapter's covered
    questions are the normal-healing ones of `signs`, so they are left out of `questions`. `triage`: the engine's,
    which says which questions the model would be asked about."""
    questions = [q for q in questions if not q.covered]
    vectors = np.array([q.vector for q in questions] + [v for _, v in signs], dtype=np.float32)
    if not len(vectors):
        return None
    is_urgent = np.array([False] * len(questions) + [item.kind == "urgent" for item, _ in signs])
    texts = [q.question for q in questions] + [item.question for item, _ in signs]
    key = _warning_key(vectors, is_urgent, texts, training, triage.clinic.digest)
    if previous is not None and previous.key == key:
        return previous
    asked = np.array([(found := triage.check(clean_query(text))).describes_now and not found.urgent  # as the engine
                      for text in texts])
    learned = warning_model.learn(vectors, is_urgent, asked=asked, folds=training.folds,
                                  false_alarm_share=training.warning_false_alarms, c=training.warning_c)
    return None if learned is None else replace(learned, key=key)


def _warning_key(vectors: np.ndarray, is_urgent: np.ndarray, texts: Sequence[str], training: Training,
                 signs: str) -> str:
    """Everything the model depends on: its inputs, its settings, and all of faqbot's code and data (the rules, what
    they import, this module) with the torch version it was fitted with. Any code change relearns it."""
    h = hashlib.sha256(vectors.tobytes())
    h.update(is_urgent.tobytes())
    h.update(signs.encode())  # the clinic's warning signs decide which questions the model is asked about
    h.update(json.dumps(list(texts)).encode())
    h.update(json.dumps(asdict(training), sort_keys=True).encode())
    h.update(_package_digest())
    h.update(metadata.version("torch").encode())
    return h.hexdigest()[:16]


@cache
def _package_digest() -> bytes:
    """Every file of the faqbot package, by path and content; read once a process (both cache keys of an ingest,
    and every rebuild of a long-running staff server, ask for it: the code that runs is the code that was loaded)."""
    return folder_digest(Path(__file__).parent.parent, skip="__pycache__").encode()


def unanswered(lessons: Lessons, passages: Sequence[Passage]) -> list[str]:
    """The labelled in-scope questions none of whose answer phrases any passage holds any more (a document was
    changed or removed): the adapter leaves them out, and ingest says so."""
    if not lessons.available():
        return []
    in_scope = [item for item in load_questions(lessons.questions_file) if item.kind == "in_scope"]
    found = answer_passages(in_scope, [normalise(p.text) for p in passages])
    return [item.question for item, where in zip(in_scope, found, strict=True) if not where]


def fit_adapter(lessons: Lessons, passages: Sequence[Passage], passage_vectors: np.ndarray,
                sentence_vectors: np.ndarray, encode: Callable[[list[str]], np.ndarray],
                previous_warning: warning_model.WarningModel | None = None) -> Adapter | None:
    """The adapter for these passages, or None when there are no labelled questions with answers in them.
    `previous_warning`: the current index's warning model, kept when nothing it learned from changed."""
    if not lessons.available():
        return None
    analyzer = QueryAnalyzer.from_texts([p.embed_text for p in passages], Synonyms.load(lessons.synonyms_file))
    items = load_questions(lessons.questions_file)
    questions = [q for _, q in training_questions(items, passages, analyzer, encode)]
    if not any(q.in_scope for q in questions):
        return None
    learned = adapter.train(questions, passage_vectors, sentence_vectors, sentence_rows(passages), lessons.training)
    triage = Triage(SignBook.load(lessons.warning_signs))
    warning = fit_warning(questions, warning_questions(items, analyzer, encode), lessons.training, triage,
                          previous_warning)
    return replace(learned, questions_sha256=file_sha256(lessons.questions_file), warning=warning)

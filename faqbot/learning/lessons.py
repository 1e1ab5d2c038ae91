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

from faqbot.answering.coverage import Coverage
from faqbot.answering.keyword import tokenize
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
        h.update(package_digest())
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
    h.update(package_digest())
    h.update(metadata.version("torch").encode())
    return h.hexdigest()[:16]


@cache
def package_digest() -> bytes:
    """Every file of the faqbot package, by path and content; read once a process (both cache keys of an ingest,
    and every rebuild of a long-running staff server, ask for it: the code that runs is the code that was loaded)."""
    return folder_digest(Path(__file__).parent.parent, skip="__pycache__").encode()


FOREIGN_SHARE = 0.5  # fewer in-scope questions than this share answered by the documents: labels for other ones
BAD_IN_SCOPE_FALLBACKS = 0.10  # cross-validated shares over these: the learning would refuse what the documents
BAD_COVERED_FALLBACKS = 0.25  # answer, so none is kept


@dataclass(frozen=True)
class LabelFit:
    """How the clinic's labelled questions fit the documents, in words ingest reports."""

    in_scope: int
    unanswered: tuple[str, ...] = ()  # in-scope questions none of whose answer phrases a passage holds any more
    answered: tuple[str, ...] = ()  # out-of-scope ones a passage now answers in their own words (left out)
    bad_learning: str = ""  # why the cross-validated learning was not kept

    @property
    def foreign(self) -> bool:
        """Most in-scope questions have no answer here: the labels were written for other documents (a clinic
        that swapped its documents and kept the example's settings), and learning from them would hide answers."""
        return self.in_scope > 0 and self.in_scope - len(self.unanswered) < FOREIGN_SHARE * self.in_scope

    def note(self, questions_file: Path) -> str:
        """What staff should know and do, or ""."""
        notes = []
        if self.foreign:
            notes.append(f"the labelled questions at {questions_file} do not fit these documents "
                         f"({len(self.unanswered)} of {self.in_scope} in-scope ones have no answer in them), so "
                         "nothing was learned from them: point training_questions at this clinic's own questions, "
                         "or at no file")
        elif self.unanswered:
            notes.append(f"{len(self.unanswered)} labelled in-scope question(s) have no answer in the documents any "
                         f"more and were left out ({_examples(self.unanswered)}): fix or remove them in "
                         f"{questions_file}")
        if self.answered:  # never with foreign labels: fit_adapter stops before looking
            notes.append(f"{len(self.answered)} labelled out-of-scope question(s) are answered by the documents now "
                         f"and were left out ({_examples(self.answered)}): the documents win; relabel them in "
                         f"{questions_file}")
        if self.bad_learning:
            notes.append(self.bad_learning)
        return "; ".join(notes)


def _examples(questions: Sequence[str]) -> str:
    return "; ".join(f'"{q}"' for q in questions[:3]) + (" ..." if len(questions) > 3 else "")


def label_fit(items: Sequence[Labelled], passages: Sequence[Passage]) -> LabelFit:
    """The in-scope questions whose answers the documents no longer hold (a document changed or was removed)."""
    in_scope = [item for item in items if item.kind == "in_scope"]
    found = answer_passages(in_scope, [normalise(p.text) for p in passages])
    return LabelFit(len(in_scope), tuple(item.question for item, where in zip(in_scope, found, strict=True)
                                         if not where))


def answered_by_documents(questions: Sequence[TrainingQuestion], passages: Sequence[Passage],
                          passage_vectors: np.ndarray, analyzer: QueryAnalyzer) -> set[int]:
    """The out-of-scope questions (positions in `questions`) one of whose 3 nearest passages holds their own words."""
    coverage = Coverage([p.embed_text for p in passages])
    out = [i for i, q in enumerate(questions) if not q.in_scope and not q.covered]
    if not out:
        return set()
    nearest = np.argsort(-(np.array([questions[i].vector for i in out]) @ passage_vectors.T), axis=1)[:, :3]
    terms = tokenize([analyzer.analyze(questions[i].question).corrected for i in out])
    return {i for i, t, top in zip(out, terms, nearest, strict=True) if coverage.covering(t, top) is not None}


def fit_adapter(lessons: Lessons, passages: Sequence[Passage], passage_vectors: np.ndarray,
                sentence_vectors: np.ndarray, encode: Callable[[list[str]], np.ndarray],
                previous_warning: warning_model.WarningModel | None = None) -> tuple[Adapter | None, LabelFit]:
    """The adapter for these passages, or None when there are no labelled questions with answers in them, when the
    labels were written for other documents, or when its cross-validation says it would refuse answerable questions;
    and how the labels fit. `previous_warning`: the current index's warning model, kept when nothing it learned from
    changed."""
    if not lessons.available():
        return None, LabelFit(0)
    items = load_questions(lessons.questions_file)
    fit = label_fit(items, passages)
    if fit.foreign:
        return None, fit
    analyzer = QueryAnalyzer.from_texts([p.embed_text for p in passages], Synonyms.load(lessons.synonyms_file))
    questions = [q for _, q in training_questions(items, passages, analyzer, encode)]
    answered = answered_by_documents(questions, passages, passage_vectors, analyzer)
    fit = replace(fit, answered=tuple(questions[i].question for i in sorted(answered)))
    questions = [q for i, q in enumerate(questions) if i not in answered]
    if not any(q.in_scope for q in questions):
        return None, fit
    learned = adapter.train(questions, passage_vectors, sentence_vectors, sentence_rows(passages), lessons.training)
    v = learned.validation
    if v.in_scope_fallbacks > BAD_IN_SCOPE_FALLBACKS or v.covered_fallbacks > BAD_COVERED_FALLBACKS:
        return None, replace(fit, bad_learning=(
            f"nothing learned: cross-validation sent {v.in_scope_fallbacks:.0%} of the answerable labelled questions "
            f"and {v.covered_fallbacks:.0%} of the normal-healing ones to 'not in our materials' (at most "
            f"{BAD_IN_SCOPE_FALLBACKS:.0%} and {BAD_COVERED_FALLBACKS:.0%} are kept); check that the labels fit the "
            f"documents"))
    triage = Triage(SignBook.load(lessons.warning_signs))
    warning = fit_warning(questions, warning_questions(items, analyzer, encode), lessons.training, triage,
                          previous_warning)
    return replace(learned, questions_sha256=file_sha256(lessons.questions_file), warning=warning), fit

"""A query adapter learned from the clinic's labelled questions: one linear map of question vectors.

A general-purpose embedding model doesn't know which of the clinic's passages answers "can i go straight back to the
office after", nor that "is it safe with eczema" is a question the documents don't answer. The labelled questions
(`clinics/example-skin/questions.jsonl`: patient questions, each with the answer-bearing phrases of the corpus, or
marked out of
scope) say both. Ingest learns from them a matrix W that moves question vectors, so that

* a question's similarity to the passages holding its answer phrases rises above its similarity to the others, and
* out-of-scope questions end up less similar to every passage than in-scope ones are to their answer
  (a softmax over the passages plus a learned "none of them" score), while normal-healing questions ("my skin is
  tight and flaky on day 2"), which the aftercare passages cover without one labelled answer, are kept off
  "none of them" (weighted `covered_weight`: at 1.0 they cost cross-validated out-of-scope recall).

Documents are untouched; at answer time a question vector becomes normalise(W @ v) (numpy, no torch). W starts at
the identity and is kept near it (an L2 penalty), so questions unlike any labelled one move little.
The no_match thresholds are chosen on the labelled set by k-fold cross-validation: each question is scored by an
adapter that never saw it, and the thresholds give the highest out-of-scope recall with at most
`max_in_scope_fallbacks` of the in-scope questions falling back. Training needs torch (ingest has it).

The adapter also keeps the labelled questions, moved by W, as answers by example (neighbours.py); the
cross-validation scores them too, and sets the bar at which an out-of-scope look-alike means no_match a margin above
every held-out in-scope question before choosing the similarity bars.

The fit itself is in adapter_fit.py, the cross-validation and the bars in adapter_bars.py.

Usage::

    adapter = train(questions, passage_vectors, sentence_vectors, sentence_rows, Training())
    adapter.save(folder); Adapter.load(folder, dimension, passages).apply(question_vectors)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from faqbot.answering.neighbours import NEVER, Neighbours
from faqbot.errors import IndexMismatchError
from faqbot.learning.adapter_bars import Bars, HeldOut, choose_bars, cross_validate
from faqbot.learning.adapter_fit import Training, TrainingQuestion, build_problem, fit_matrix, moved
from faqbot.learning.warning_model import WarningModel

__all__ = ["Adapter", "Training", "TrainingQuestion", "Validation", "train"]

FOLDER = "adapter"
MATRIX = "adapter.npy"
EXAMPLES = "examples.npy"
CONFIG = "adapter.json"
WARNING = "warning.json"


@dataclass(frozen=True)
class Validation:
    """What cross-validation measured: every question scored by an adapter trained without it."""

    in_scope: int
    out_of_scope: int
    hit1: float  # dense scores plus the examples' lift (no keyword term, so not the engine's exact ranking)
    hit3: float
    out_of_scope_recall: float  # with the chosen thresholds
    in_scope_fallbacks: float
    out_of_scope_by_example: float = 0.0  # share of out-of-scope questions caught by their nearest example
    covered: int = 0  # normal-healing questions it learned from (TrainingQuestion.covered)
    covered_fallbacks: float = 0.0  # share of them sent to no_match


@dataclass(frozen=True)
class Adapter:
    matrix: np.ndarray  # (dimension, dimension) float32
    min_similarity: float  # no_match below this best (passage + sentence) / 2 similarity
    min_similarity_unknown_words: float  # ... or below this when the question has words the documents lack
    validation: Validation
    neighbours: Neighbours  # the labelled questions as answers by example (neighbours.py)
    training: Training = field(default_factory=Training)
    questions_sha256: str = ""  # of the labelled questions file it learned from (the evaluation cross-validates it)
    warning: WarningModel | None = None  # the second opinion on warning signs, learned from the same file

    def apply(self, vectors: np.ndarray) -> np.ndarray:
        """Question vectors (rows) moved by the adapter and normalised again."""
        return moved(vectors, self.matrix)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / MATRIX, self.matrix.astype(np.float32))
        np.save(folder / EXAMPLES, self.neighbours.vectors.astype(np.float32))
        n = self.neighbours
        config = {"min_similarity": self.min_similarity,
                  "min_similarity_unknown_words": self.min_similarity_unknown_words,
                  "validation": asdict(self.validation), "training": asdict(self.training),
                  "questions_sha256": self.questions_sha256,
                  "examples": {"out_of_scope_bar": n.out_of_scope_bar, "out_of_scope_margin": n.out_of_scope_margin,
                               "questions": list(n.questions),
                               "answers": [list(a) for a in n.answers], "phrases": [list(p) for p in n.phrases]}}
        (folder / CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        if self.warning is not None:
            (folder / WARNING).write_text(json.dumps(self.warning.to_json()) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, dimension: int, passages: int, with_warning: bool = False) -> Adapter:
        """`with_warning`: the index's manifest lists (and checksums) a warning model; only then is it read."""
        fix = "rebuild the index: python ingest.py"
        try:
            matrix = np.load(folder / MATRIX, allow_pickle=False)
            vectors = np.load(folder / EXAMPLES, allow_pickle=False)
            config = json.loads((folder / CONFIG).read_text(encoding="utf-8"))
            training = Training(**config["training"])
            examples = config["examples"]
            answers = tuple(tuple(int(p) for p in a) for a in examples["answers"])
            phrases = tuple(tuple(map(str, p)) for p in examples["phrases"])
            neighbours = Neighbours(vectors.astype(np.float32), answers, tuple(map(str, examples["questions"])),
                                    phrases, training.neighbour_weight, training.neighbour_floor,
                                    training.neighbour_highlight, float(examples["out_of_scope_bar"]),
                                    float(examples.get("out_of_scope_margin", NEVER)))
            warning = (WarningModel.from_json(json.loads((folder / WARNING).read_text(encoding="utf-8")), dimension)
                       if with_warning else None)
            adapter = cls(matrix.astype(np.float32), float(config["min_similarity"]),
                          float(config["min_similarity_unknown_words"]), Validation(**config["validation"]),
                          neighbours, training, str(config["questions_sha256"]), warning)
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise IndexMismatchError(f"Query adapter at {folder} can't be read ({type(exc).__name__}); {fix}") from None
        if (matrix.shape != (dimension, dimension) or not np.isfinite(matrix).all()
                or vectors.shape != (len(answers), dimension)
                or not len(neighbours.questions) == len(phrases) == len(answers)
                or not np.isfinite(vectors).all()):
            raise IndexMismatchError(f"Query adapter at {folder} doesn't fit {dimension}-d vectors; {fix}")
        if any(not 0 <= p < passages for a in answers for p in a):
            raise IndexMismatchError(f"Query adapter at {folder} names passages the index doesn't have; {fix}")
        return adapter


def train(questions: Sequence[TrainingQuestion], passage_vectors: np.ndarray, sentence_vectors: np.ndarray,
          sentence_rows: np.ndarray, training: Training | None = None) -> Adapter:
    """Cross-validate to choose the no_match thresholds, then fit W on every question.

    Covered questions (normal healing) only shape W: the bars are chosen on the in-scope and out-of-scope ones, and
    only those become answers by example (a covered one has no answer to lend its look-alikes)."""
    training = training or Training()
    if not any(q.in_scope for q in questions):
        raise ValueError("the adapter needs labelled in-scope questions whose answers are in the documents")
    problem = build_problem(questions, passage_vectors, sentence_vectors, sentence_rows, training)
    held = cross_validate(problem, questions, training)
    best = problem.scores(held.vectors).max(axis=1)  # no_match looks at dense scores alone, as the engine does
    labelled = np.flatnonzero(~problem.covered)  # in scope or out of scope
    inside, unknown = problem.in_scope[labelled], problem.unknown[labelled]
    bars = choose_bars(best[labelled], held.subset(labelled), inside, unknown, training)
    falls = held.falls(best, problem.unknown, bars)
    validation = _validation(held.subset(labelled), problem.answers[labelled], falls[labelled], bars,
                             falls[problem.covered])
    matrix = fit_matrix(problem, training)
    examples = [questions[i] for i in labelled]
    neighbours = Neighbours(moved(problem.vectors[labelled], matrix), tuple(q.answers for q in examples),
                            tuple(q.question for q in examples), tuple(q.phrases for q in examples),
                            training.neighbour_weight, training.neighbour_floor, training.neighbour_highlight,
                            bars.example, bars.margin)
    return Adapter(matrix, bars.low, bars.low_unknown, validation, neighbours, training)


def _validation(held: HeldOut, answers: np.ndarray, falls: np.ndarray, bars: Bars,
                covered_falls: np.ndarray) -> Validation:
    """What the cross-validated in-scope and out-of-scope questions (`held`, their `answers` and `falls`) and the
    covered ones (`covered_falls`) show with the chosen bars."""
    inside = answers.any(axis=1)
    outside = ~inside
    caught = held.caught(bars.example, bars.margin)
    ranks = np.array([np.flatnonzero(wanted[np.argsort(-row, kind="stable")])[0]
                      for row, wanted in zip(held.lifted[inside], answers[inside], strict=True)])

    def share(flags: np.ndarray) -> float:
        return round(float(flags.mean()), 4) if len(flags) else 0.0

    return Validation(
        in_scope=int(inside.sum()), out_of_scope=int(outside.sum()),
        hit1=share(ranks < 1), hit3=share(ranks < 3),
        out_of_scope_recall=share(falls[outside]), in_scope_fallbacks=share(falls[inside]),
        out_of_scope_by_example=share(caught[outside]),
        covered=len(covered_falls), covered_fallbacks=share(covered_falls),
    )

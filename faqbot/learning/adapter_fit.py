"""How the query adapter's matrix W is fitted (adapter.py says what it is for).

The labelled questions become a `Problem`: each question against every passage of a small corpus, or at scale
against its own candidates, scored as the engine scores ((passage + best sentence) / 2). `fit_matrix` minimises a
softmax loss over those passages and a learned "none of them" score with L-BFGS (torch: ingest has it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from faqbot.index.torch_env import before_torch


@dataclass(frozen=True)
class Training:
    """How the adapter is fitted; chosen by cross-validation on the labelled dev set (docs/how-answers-are-made.md,
    step 3)."""

    l2: float = 0.03  # penalty on W - I: how far question vectors may move
    temperature: float = 0.05  # of the softmax over passages
    iterations: int = 60  # of L-BFGS, full batch (the cross-validated scores were the same with 200)
    out_of_scope_weight: float = 2.0  # an out-of-scope question's share of the loss, relative to an in-scope one
    every_passage_up_to: int = 256  # passages; above, each question's softmax covers only its `candidates` best
    candidates: int = 32  # passages by the unadapted cosine and at most `most_answers` of its answer passages
    most_answers: int = 8
    memory_mb: int = 1024  # for those lists' sentence vectors: with very many questions, fewer candidates each
    folds: int = 5
    max_in_scope_fallbacks: float = 0.02  # share of in-scope questions the chosen thresholds may send to no_match
    max_in_scope_fallbacks_with_margin: float = 0.03  # ... and the look-alike margin may take them up to this
    neighbour_weight: float = 0.4  # answers by example (neighbours.py): lift = weight * (similarity - floor)
    neighbour_floor: float = 0.5
    neighbour_highlight: float = 0.7  # from this similarity up, the example's answer phrase picks the highlight
    look_alike_margin: float = 0.05  # the out-of-scope example bar's distance above in-scope questions (example_bar)
    warning_false_alarms: float = 0.005  # share of the labelled non-urgent questions it is asked about over its bar
    warning_c: float = 100.0  # its inverse L2 penalty (warning_model.py)
    covered_weight: float = 0.3  # a normal-healing question's share of the loss (TrainingQuestion.covered)


@dataclass(frozen=True)
class TrainingQuestion:
    vector: np.ndarray  # the question as the serving encoder embeds it (after spelling and synonyms)
    answers: tuple[int, ...]  # passages holding one of its answer phrases; () when it is out of scope
    unknown_words: bool  # the question has words the documents don't (the stricter no_match bar applies)
    question: str = ""  # its text, kept with the answers by example
    phrases: tuple[str, ...] = ()  # its answer phrases (labelled.normalise()d), to highlight its look-alikes' answers
    covered: bool = False  # no labelled passage, but the documents cover it (normal healing): never "none of them"

    @property
    def in_scope(self) -> bool:
        return bool(self.answers)


@dataclass(frozen=True)
class Problem:
    """The labelled questions and the passages each one is scored against: every passage of a small corpus (shared
    by all questions: leading axis 1), or at scale each question's own candidates (leading axis = questions)."""

    vectors: np.ndarray  # (questions, dimension), unadapted
    unknown: np.ndarray  # (questions,) bool
    answers: np.ndarray  # (questions, columns) bool: the column's passage holds one of the question's answers
    passages: np.ndarray  # (1 or questions, columns, dimension)
    slots: np.ndarray  # (1 or questions, columns, slots) int: rows of `sentence_vectors` (the passage's sentences)
    filled: np.ndarray  # (1 or questions, columns, slots) bool: which slots hold a sentence
    open: np.ndarray  # (1 or questions, columns) bool: the column is a passage (per-question lists are padded)
    columns: np.ndarray  # (1 or questions, columns) int: the passage in each column
    sentence_vectors: np.ndarray  # (sentences, dimension): the corpus's
    covered: np.ndarray  # (questions,) bool: TrainingQuestion.covered

    @property
    def in_scope(self) -> np.ndarray:
        return self.answers.any(axis=1)

    @property
    def out_of_scope(self) -> np.ndarray:
        return ~self.in_scope & ~self.covered

    @property
    def shared(self) -> bool:
        return self.passages.shape[0] == 1

    def subset(self, questions: np.ndarray) -> Problem:
        def pick(a: np.ndarray) -> np.ndarray:
            return a if self.shared else a[questions]

        return Problem(self.vectors[questions], self.unknown[questions], self.answers[questions],
                        pick(self.passages), pick(self.slots), pick(self.filled), pick(self.open),
                        pick(self.columns), self.sentence_vectors, self.covered[questions])

    def sentences(self, rows: slice = slice(None)) -> np.ndarray:
        """(1 or rows, columns, slots, dimension): the columns' sentence vectors, zero in empty slots."""
        return np.where(self.filled[rows, ..., None], self.sentence_vectors[self.slots[rows]], np.float32(0))

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        """(questions, columns): dense scores as the engine computes them; padding columns score -2."""
        if self.shared:
            return self._scores(vectors, slice(None))
        return np.concatenate([self._scores(vectors[start:start + _CHUNK], slice(start, start + _CHUNK))
                               for start in range(0, len(vectors), _CHUNK)] or [np.zeros((0, 0), np.float32)])

    def _scores(self, vectors: np.ndarray, rows: slice) -> np.ndarray:
        sentences, passages = self.sentences(rows), self.passages[rows]
        if self.shared:
            passage = vectors @ passages[0].T
            sentence = (vectors @ sentences[0].reshape(-1, vectors.shape[1]).T).reshape(
                (len(vectors),) + sentences.shape[1:3])
        else:
            passage = np.einsum("qd,qcd->qc", vectors, passages)
            sentence = np.einsum("qd,qcsd->qcs", vectors, sentences)
        best = np.where(self.filled[rows], sentence, -2.0).max(axis=2)
        return np.where(self.open[rows], (passage + best) / 2, -2.0)

    def targets(self) -> np.ndarray:
        """(questions, columns, dimension), per-question lists only: (passage + its best sentence) / 2, the sentence
        chosen by the unadapted question vector. The score is then linear in the question vector, so a fit step
        costs one pass over these instead of over every sentence of every candidate. W stays near the identity
        (Training.l2), so the adapted question seldom prefers another sentence; `scores` stays exact."""
        out = np.empty_like(self.passages)
        for start in range(0, len(self.vectors), _CHUNK):
            rows = slice(start, start + _CHUNK)
            sentences = self.sentences(rows)
            sentence = np.einsum("qd,qcsd->qcs", self.vectors[rows], sentences)
            best = np.where(self.filled[rows], sentence, -np.inf).argmax(axis=2)
            chosen = np.take_along_axis(sentences, best[..., None, None], axis=2)[:, :, 0]
            out[rows] = (self.passages[rows] + chosen) / 2
        return out


_CHUNK = 64  # questions per step of the per-question scores (bounds the gathered sentence vectors)


def build_problem(questions: Sequence[TrainingQuestion], passage_vectors: np.ndarray, sentence_vectors: np.ndarray,
             sentence_rows: np.ndarray, training: Training) -> Problem:
    """Every passage of a small corpus; above `every_passage_up_to` passages, each question's own list: its best
    passages by the unadapted cosine and its best-scoring answers, so a fit step costs the same at any size."""
    vectors = np.stack([q.vector for q in questions]).astype(np.float32)
    unknown = np.array([q.unknown_words for q in questions], dtype=bool)
    n = passage_vectors.shape[0]
    counts = sentence_rows[1:] - sentence_rows[:-1]
    width = training.candidates + training.most_answers
    if n <= max(training.every_passage_up_to, width):
        columns = np.arange(n)[None, :]
        answers = np.stack([np.isin(columns[0], q.answers) for q in questions])
        open_ = np.ones_like(columns, dtype=bool)
    else:  # the fit keeps two (questions, columns, dimension) arrays: the passages and their targets
        affordable = training.memory_mb * 2**20 // (len(questions) * vectors.shape[1] * 4 * 2)
        width = max(training.most_answers + 1, min(width, affordable))
        candidates = width - training.most_answers
        columns = np.zeros((len(questions), width), dtype=np.int64)
        open_ = np.zeros((len(questions), width), dtype=bool)
        for start in range(0, len(questions), 16):  # 16 x (passages) scores at a time
            chunk = vectors[start:start + 16] @ passage_vectors.T
            for row, scores in enumerate(chunk, start):
                best = np.argpartition(-scores, candidates - 1)[:candidates]
                wanted = np.array(questions[row].answers, dtype=np.int64)
                wanted = wanted[np.argsort(-scores[wanted], kind="stable")][:training.most_answers]
                ids = np.array(list(dict.fromkeys([*wanted.tolist(), *best.tolist()])), dtype=np.int64)
                columns[row, :len(ids)], open_[row, :len(ids)] = ids, True
        answers = np.stack([np.isin(c, q.answers) & o for c, o, q in zip(columns, open_, questions, strict=True)])
    width_slots = max(1, int(counts[np.unique(columns)].max()))
    offsets = np.arange(width_slots)
    filled = offsets < counts[columns][..., None]
    slots = np.where(filled, sentence_rows[columns][..., None] + offsets, 0)
    return Problem(vectors, unknown, answers, np.ascontiguousarray(passage_vectors[columns], dtype=np.float32),
                    slots, filled, open_, columns, np.asarray(sentence_vectors, dtype=np.float32),
                    np.array([q.covered for q in questions], dtype=bool))


def moved(vectors: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Rows of `vectors` mapped by `matrix` and normalised again, in float32."""
    moved = np.asarray(vectors, dtype=np.float32) @ matrix.T
    return (moved / np.maximum(np.linalg.norm(moved, axis=-1, keepdims=True), 1e-12)).astype(np.float32)


def fit_matrix(problem: Problem, training: Training) -> np.ndarray:
    """W minimising the softmax loss over each question's passages and a learned "none of them" score: the target
    is a question's answer passages, "none of them" for an out-of-scope one, and any passage for a covered one."""
    before_torch()  # torch's threads wait passively (the evaluation may be the first to load torch)
    import torch

    x = torch.from_numpy(problem.vectors)
    answers = torch.from_numpy(problem.answers)
    in_scope = answers.any(dim=1)
    n_questions = answers.shape[0]
    closed = ~torch.from_numpy(problem.open)
    if problem.shared:
        passages = torch.from_numpy(problem.passages[0])
        sentences = torch.from_numpy(problem.sentences()[0].reshape(-1, x.shape[1]))
        empty = ~torch.from_numpy(problem.filled[0])
    else:
        targets = torch.from_numpy(problem.targets())

    def dense(q: torch.Tensor) -> torch.Tensor:
        if problem.shared:
            sentence = (q @ sentences.T).reshape((n_questions,) + tuple(empty.shape))
            scores = (q @ passages.T + sentence.masked_fill(empty, -2.0).amax(dim=2)) / 2
        else:
            scores = torch.einsum("qd,qcd->qc", q, targets)
        return scores.masked_fill(closed, -1e4)

    covered = torch.from_numpy(problem.covered)
    wanted = torch.cat([answers | (covered[:, None] & ~closed), (~in_scope & ~covered)[:, None]], dim=1)
    weights = torch.where(in_scope, 1.0, torch.where(covered, training.covered_weight, training.out_of_scope_weight))
    dimension = x.shape[1]
    eye = torch.eye(dimension)
    delta = torch.zeros(dimension, dimension, requires_grad=True)
    none_score = torch.tensor(0.3, requires_grad=True)  # where "none of the passages" sits, learned
    optimiser = torch.optim.LBFGS([delta, none_score], max_iter=training.iterations, history_size=20,
                                  line_search_fn="strong_wolfe", tolerance_grad=1e-6, tolerance_change=1e-9)

    def loss() -> torch.Tensor:
        optimiser.zero_grad()
        q = torch.nn.functional.normalize(x @ (eye + delta).T, dim=1)
        logits = torch.cat([dense(q), none_score.expand(n_questions, 1)], dim=1) / training.temperature
        each = torch.logsumexp(logits, 1) - torch.logsumexp(logits.masked_fill(~wanted, -1e9), 1)
        value = (each * weights).sum() / weights.sum() + training.l2 * (delta ** 2).sum()
        value.backward()
        return value

    optimiser.step(loss)
    return (eye + delta).detach().numpy().astype(np.float32)

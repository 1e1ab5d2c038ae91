"""A second opinion on crises and emergencies, over the question's embedding: for what the rules' words miss.

A crisis is often said without any word a rule can hold ("i've got everything ready for tomorrow", "cancel all my
appointments, i won't need them"), an emergency in a story ("she dropped her cup and can't find her words"). Two
scores over the raw question vector - crisis against everything else, emergency against everything else - each a
support-vector machine with a Gaussian (RBF) kernel, learned from the product's own examples
(`faqbot/data/escalation_examples.jsonl`: crisis, emergency, clinic-sign, calm and other-language messages, no
clinic's data). A kernel's score is a weighted vote of the examples nearest the message, so a crisis put in a way
unlike most crises still lands near the few examples put that way; a single linear direction (tried first) found
about 10 fewer of 82 held-out crises at the same false alarms (docs/warning-signs.md). Each score's bar is the one
that `false_alarm_share` of the examples that are neither (calm, clinic signs, other languages) reach, each scored by
a model trained without it (5-fold cross-validation). It speaks only where the rules found neither, and only when
an example of the kind it names is among the message's five nearest: a kernel score can cross its bar far from any
example of that kind ("omg my face is peeling so bad", whose nearest examples are all calm aftercare), which never
happened to a held-out crisis or emergency. The rules' verdict is never taken back.

The model is learned once for an embedding model and shipped (`faqbot/data/escalation_model.npz`: the examples'
vectors and kinds, each example's weight in each score, the bars); it applies only to the index built with that
model's files (its digest), else the rules decide alone and the log says so. Answering is one pass of the question
vector over the example vectors (numpy, about a millisecond; scikit-learn is needed to learn it only). Regenerate
after changing the examples or the default model (needs torch, as ingest does)::

    python -m faqbot.safety.relearn
"""

from __future__ import annotations

import json
import logging
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from faqbot.models import Escalation
from faqbot.safety.signs import UrgentCheck

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent.parent / "data"
EXAMPLES = DATA / "escalation_examples.jsonl"
MODEL_FILE = DATA / "escalation_model.npz"
KINDS = (Escalation.CRISIS, Escalation.EMERGENCY)


NEIGHBOURS = 5  # an example of the kind named must be among this many nearest


@dataclass(frozen=True)
class EscalationModel:
    model: str  # the embedding model it was learned for ...
    model_digest: str  # ... and its files (encoders.model_digest)
    examples: np.ndarray  # (n, dimension): the examples' raw question vectors
    kinds: np.ndarray  # (n,): each example's kind (crisis, emergency, clinic, calm, foreign)
    coefficients: np.ndarray  # (2, n): crisis, emergency; each example's weight in that score (0: not a support)
    intercepts: np.ndarray  # (2,)
    gamma: float  # kernel width: exp(-gamma * |x - example|^2)
    bars: np.ndarray  # (2,): flag from this score up
    examples_sha256: str  # of the examples it was learned from

    @cached_property
    def _squared_norms(self) -> np.ndarray:
        return (self.examples ** 2).sum(axis=1)

    def _distances(self, vector: np.ndarray) -> np.ndarray:
        """|example - vector|^2 for every example, as one matrix-vector product (no examples-sized temporary)."""
        return np.maximum(self._squared_norms - 2.0 * (self.examples @ vector) + float(vector @ vector), 0.0)

    def scores(self, vector: np.ndarray) -> np.ndarray:
        return self.coefficients @ np.exp(-self.gamma * self._distances(vector)) + self.intercepts

    def second_opinion(self, vector: np.ndarray, rules: UrgentCheck, hedged: bool = False,
                       accidental: bool = False) -> UrgentCheck:
        """The rules' verdict when they found a crisis or an emergency, else the kind whose score is furthest over
        its bar, if any, when an example of that kind is among the nearest. `hedged`: the message calls what it
        describes mild ("mild redness", "a bit puffy"), which an emergency is not (a crisis can be put mildly).
        `accidental`: it says it was a mistake ("thinking they were my paracetamol"), so what reads like an overdose
        taken on purpose is an emergency."""
        if rules.escalation in KINDS:
            return rules
        distances = self._distances(vector)
        margins = self.coefficients @ np.exp(-self.gamma * distances) + self.intercepts - self.bars
        if hedged:
            margins[KINDS.index(Escalation.EMERGENCY)] = -np.inf
        best = int(np.argmax(margins))
        if not margins[best] >= 0:  # nor when NaN
            return rules
        kind = KINDS[best]
        nearest = np.argsort(distances)[:NEIGHBOURS]
        if kind.value not in self.kinds[nearest]:
            return rules
        why = (f"described like the {kind.value} examples (score {margins[best] + self.bars[best]:.2f} "
               f">= {self.bars[best]:.2f})")
        if kind is Escalation.CRISIS and accidental:
            kind, why = Escalation.EMERGENCY, why + ", told as an accident"
        return UrgentCheck(True, (f"described like a {kind.value}",), why, False, kind)

    def save(self, path: Path) -> None:
        about = {"model": self.model, "model_digest": self.model_digest, "gamma": self.gamma,
                 "examples_sha256": self.examples_sha256}
        with path.open("wb") as f:
            np.savez_compressed(f, about=np.array(json.dumps(about)), examples=self.examples.astype(np.float16),
                                kinds=self.kinds.astype(str), coefficients=self.coefficients,
                                intercepts=self.intercepts, bars=self.bars)

    @classmethod
    def load(cls, path: Path) -> EscalationModel:
        """Raises OSError, ValueError or KeyError when `path` doesn't hold a model."""
        with np.load(path, allow_pickle=False) as data:
            about = json.loads(str(data["about"]))
            found = cls(str(about["model"]), str(about["model_digest"]), data["examples"].astype(np.float32),
                        data["kinds"].astype(str), data["coefficients"].astype(np.float32),
                        data["intercepts"].astype(np.float32), float(about["gamma"]),
                        data["bars"].astype(np.float32), str(about["examples_sha256"]))
        n = len(found.examples)
        if not (found.examples.ndim == 2 and found.kinds.shape == (n,) and found.coefficients.shape == (len(KINDS), n)
                and found.intercepts.shape == found.bars.shape == (len(KINDS),)):
            raise ValueError("an escalation model has example vectors, their kinds, two rows of their weights, two "
                             "intercepts and two bars")
        return found


def for_index(model: str, model_digest: str, dimension: int, path: Path = MODEL_FILE) -> EscalationModel | None:
    """The shipped model when it was learned for this index's embedding model, else None (logged)."""
    try:
        found = EscalationModel.load(path)
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as exc:
        log.warning("no escalation second opinion: %s can't be read (%s)", path, exc)
        return None
    same = found.model == model and (not model_digest or not found.model_digest or found.model_digest == model_digest)
    if not same or found.examples.shape[1] != dimension:
        log.info("no escalation second opinion for model %s (it was learned for %s): crises and emergencies are "
                 "found by the rules alone; python -m faqbot.safety.relearn learns one for the default model", model,
                 found.model)
        return None
    return found


def load_examples(path: Path = EXAMPLES) -> tuple[list[str], np.ndarray]:
    """The example messages and their kinds (crisis, emergency, clinic, calm, foreign)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["question"] for r in rows], np.array([r["kind"] for r in rows])


@dataclass(frozen=True)
class Learned:
    coefficients: np.ndarray  # (2, n): each example's weight in each score
    intercepts: np.ndarray
    gamma: float
    bars: np.ndarray


def learn(vectors: np.ndarray, kinds: np.ndarray, *, false_alarm_share: float = 0.005, folds: int = 5,
          c: float = 10.0) -> Learned:
    """Each example's weight, the intercepts and the bars for crisis and emergency, each against every other kind
    (class-balanced, so that a few hundred crises weigh as much as a few thousand other messages)."""
    from sklearn.svm import SVC

    from faqbot.learning.warning_model import stratified_folds

    vectors = np.ascontiguousarray(vectors, dtype=np.float64)
    gamma = 1.0 / (vectors.shape[1] * float(vectors.var()))  # scikit-learn's "scale"
    neither = ~np.isin(kinds, [k.value for k in KINDS])
    coefficients = np.zeros((len(KINDS), len(vectors)))
    intercepts, bars = [], []
    for row, kind in enumerate(KINDS):
        target = kinds == kind.value
        held_out = np.empty(len(kinds))
        for fold in stratified_folds(target, folds):
            rest = np.setdiff1d(np.arange(len(kinds)), fold)
            machine = SVC(C=c, gamma=gamma, class_weight="balanced").fit(vectors[rest], target[rest])
            held_out[fold] = machine.decision_function(vectors[fold])
        bars.append(float(np.quantile(held_out[neither], 1 - false_alarm_share)))
        machine = SVC(C=c, gamma=gamma, class_weight="balanced").fit(vectors, target)
        coefficients[row, machine.support_] = machine.dual_coef_[0]
        intercepts.append(float(machine.intercept_[0]))
    return Learned(coefficients.astype(np.float32), np.array(intercepts, dtype=np.float32), gamma,
                   np.array(bars, dtype=np.float32))

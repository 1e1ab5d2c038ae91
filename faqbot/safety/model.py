"""A second opinion on crises and emergencies, over the question's embedding: for what the rules' words miss.

A crisis is often said without any word a rule can hold ("i've got everything ready for tomorrow", "cancel all my
appointments, i won't need them"), an emergency in a story ("she dropped her cup and can't find her words"). Two
linear scores over the raw question vector - crisis against everything else, emergency against everything else -
learned from the product's own examples (`faqbot/data/escalation_examples.jsonl`: crisis, emergency, clinic-sign,
calm and other-language messages, no clinic's data). Each score's bar is the one that `false_alarm_share` of the
examples that are neither (calm, clinic signs, other languages) reach, each scored by a model trained without it
(5-fold cross-validation). It speaks only where the rules found neither; the rules' verdict is never taken back.

The weights are learned once for an embedding model and shipped (`faqbot/data/escalation_model.json`); they apply
only to the index built with that model's files (its digest), else the rules decide alone and the log says so.
Regenerate after changing the examples or the default model (needs torch, as ingest does)::

    python -m faqbot.safety.relearn
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from faqbot.models import Escalation
from faqbot.safety.signs import UrgentCheck

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent.parent / "data"
EXAMPLES = DATA / "escalation_examples.jsonl"
MODEL_FILE = DATA / "escalation_model.json"
KINDS = (Escalation.CRISIS, Escalation.EMERGENCY)


@dataclass(frozen=True)
class EscalationModel:
    model: str  # the embedding model it was learned for ...
    model_digest: str  # ... and its files (encoders.model_digest)
    weights: np.ndarray  # (2, dimension): crisis, emergency; over raw question vectors
    biases: np.ndarray  # (2,)
    bars: np.ndarray  # (2,): flag from this score up
    examples_sha256: str  # of the examples it was learned from

    def scores(self, vector: np.ndarray) -> np.ndarray:
        return self.weights @ vector + self.biases

    def second_opinion(self, vector: np.ndarray, rules: UrgentCheck, hedged: bool = False) -> UrgentCheck:
        """The rules' verdict when they found a crisis or an emergency, else the kind whose score is furthest over
        its bar, if any. `hedged`: the message calls what it describes mild ("mild redness", "a bit puffy"), which
        an emergency is not (a crisis can be put mildly)."""
        if rules.escalation in KINDS:
            return rules
        margins = self.scores(vector) - self.bars
        if hedged:
            margins[KINDS.index(Escalation.EMERGENCY)] = -np.inf
        best = int(np.argmax(margins))
        if not margins[best] >= 0:  # nor when NaN
            return rules
        kind = KINDS[best]
        return UrgentCheck(True, (f"described like a {kind.value}",),
                           f"described like the {kind.value} examples (score {margins[best] + self.bars[best]:.1f} "
                           f">= {self.bars[best]:.1f})", False, kind)

    def to_json(self) -> dict:
        return {"model": self.model, "model_digest": self.model_digest, "weights": self.weights.tolist(),
                "biases": self.biases.tolist(), "bars": self.bars.tolist(), "examples_sha256": self.examples_sha256}

    @classmethod
    def from_json(cls, data: dict) -> EscalationModel:
        weights = np.asarray(data["weights"], dtype=np.float32)
        model = cls(str(data["model"]), str(data["model_digest"]), weights,
                    np.asarray(data["biases"], dtype=np.float32), np.asarray(data["bars"], dtype=np.float32),
                    str(data["examples_sha256"]))
        if weights.ndim != 2 or weights.shape[0] != len(KINDS) or not model.biases.shape == model.bars.shape == (2,):
            raise ValueError("an escalation model has two rows of weights, two biases and two bars")
        return model


def for_index(model: str, model_digest: str, dimension: int, path: Path = MODEL_FILE) -> EscalationModel | None:
    """The shipped model when it was learned for this index's embedding model, else None (logged)."""
    try:
        found = EscalationModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("no escalation second opinion: %s can't be read (%s)", path, exc)
        return None
    same = found.model == model and (not model_digest or not found.model_digest or found.model_digest == model_digest)
    if not same or found.weights.shape[1] != dimension:
        log.info("no escalation second opinion for model %s (it was learned for %s): crises and emergencies are "
                 "found by the rules alone; python -m faqbot.safety.relearn learns one for the default model", model,
                 found.model)
        return None
    return found


def load_examples(path: Path = EXAMPLES) -> tuple[list[str], np.ndarray]:
    """The example messages and their kinds (crisis, emergency, clinic, calm, foreign)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["question"] for r in rows], np.array([r["kind"] for r in rows])


def learn(vectors: np.ndarray, kinds: np.ndarray, *, false_alarm_share: float = 0.005, folds: int = 5,
          c: float = 10.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weights, biases and bars for crisis and emergency against every other kind (warning_model.fit)."""
    from faqbot.learning.warning_model import fit, stratified_folds

    neither = ~np.isin(kinds, [k.value for k in KINDS])
    weights, biases, bars = [], [], []
    for kind in KINDS:
        target = kinds == kind.value
        held_out = np.empty(len(kinds))
        for fold in stratified_folds(target, folds):
            rest = np.setdiff1d(np.arange(len(kinds)), fold)
            w, b = fit(vectors[rest], target[rest], c)
            held_out[fold] = vectors[fold] @ w + b
        bars.append(float(np.quantile(held_out[neither], 1 - false_alarm_share)))
        w, b = fit(vectors, target, c)
        weights.append(w)
        biases.append(b)
    return np.array(weights, dtype=np.float32), np.array(biases, dtype=np.float32), np.array(bars, dtype=np.float32)

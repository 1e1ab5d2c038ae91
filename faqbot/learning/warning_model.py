"""A second opinion on warning signs: a linear model over the question vector, learned from the clinic's labelled
urgent messages against every other labelled question.

The clinic's warning-sign rules (safety/signs.py) name signs. Patients also describe them in their own words ("the
room keeps spinning", "blood still come from my cheek, I press long time") and a rule set trails every new phrasing:
blind sets of such
descriptions scored 0.45-0.85 urgent recall on rules written before them (docs/evaluation.md).
An embedding places "my pillowcase is covered in fresh bright red" near the labelled bleeding messages without a
rule for pillowcases.

The model only speaks where the rules flagged nothing, found no sign or a single mild one, the message is about what
the documents cover (no fallback: engine.py; out of scope its score strays, "this hold music is killing me lol"), and
it plainly describes something happening to the writer now (`UrgentCheck.describes_now`): it never overrides a negation
("no pus"), a hedge ("a little puffy"), a settling sign, a general question, a what-if, a question before a
treatment or a story of the past, which the rules read better than a linear model does. Its bar: the score that
`false_alarm_share` of the labelled non-urgent questions it would be asked about (those whose rules verdict
`describes_now`) reach, each scored by a model trained without it (k-fold cross-validation), so the bar reflects
questions it never saw, of the kind it actually judges.
Training needs torch (ingest and the evaluation have it); answering is one dot product.

Usage::

    model = learn(question_vectors, is_urgent)          # None when too few labelled examples
    checked = model.second_opinion(raw_question_vector, urgent.check(text))
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from faqbot.index.torch_env import before_torch
from faqbot.models import Escalation
from faqbot.safety.signs import UrgentCheck

SIGNAL = "described like a warning sign"


@dataclass(frozen=True)
class WarningModel:
    weights: np.ndarray  # (dimension,) float32, over raw question vectors (the serving encoder's, before the adapter)
    bias: float
    bar: float  # flag from this score up
    urgent: int  # labelled urgent messages it learned from
    others: int  # labelled questions of every other kind
    key: str = ""  # of everything it was learned from (learning.fit_warning): the same key, the same model

    def score(self, vector: np.ndarray) -> float:
        return float(vector @ self.weights) + self.bias

    def second_opinion(self, vector: np.ndarray, rules: UrgentCheck) -> UrgentCheck:
        """The rules' verdict, or urgent when they flagged nothing, the message plainly describes something happening
        now and its vector scores at or above the bar."""
        if rules.urgent or not rules.describes_now:
            return rules
        score = self.score(vector)
        if not score >= self.bar:  # nor when NaN
            return rules
        named = f"; named: {', '.join(rules.signals)}" if rules.signals else ""
        return replace(rules, urgent=True, signals=(*rules.signals, SIGNAL), escalation=Escalation.CLINIC,
                       explanation=f"described like the clinic's labelled warning-sign messages "
                                   f"(score {score:.1f} >= {self.bar:.1f}){named}")

    def to_json(self) -> dict:
        return {"weights": [float(w) for w in self.weights], "bias": self.bias, "bar": self.bar,
                "urgent": self.urgent, "others": self.others, "key": self.key}

    @classmethod
    def from_json(cls, data: dict, dimension: int) -> WarningModel:
        """Raises ValueError, TypeError or KeyError when `data` isn't a model for `dimension`-d vectors."""
        weights = np.asarray(data["weights"], dtype=np.float32)
        model = cls(weights, float(data["bias"]), float(data["bar"]), int(data["urgent"]), int(data["others"]),
                    str(data.get("key", "")))
        finite = np.isfinite(weights).all() and np.isfinite([model.bias, model.bar]).all()
        if weights.shape != (dimension,) or not finite:
            raise ValueError(f"a warning model for {dimension}-d vectors needs {dimension} finite weights")
        return model


MIN_ASKED = 20  # non-urgent questions the model would be asked about, to set its bar on them alone


def learn(vectors: np.ndarray, urgent: np.ndarray, *, asked: np.ndarray | None = None, folds: int = 5,
          false_alarm_share: float = 0.01, c: float = 100.0, seed: int = 0) -> WarningModel | None:
    """The model for these labelled question vectors (rows) and whether each is urgent; None with fewer than
    `folds` of either kind (or fewer than 2 folds), too few to choose a bar by cross-validation. `asked`: which
    questions the model would be asked about (`UrgentCheck.describes_now`); the bar is set on those non-urgent ones
    when there are at least MIN_ASKED, else on every non-urgent one."""
    urgent = np.asarray(urgent, dtype=bool)
    if folds < 2 or min(urgent.sum(), (~urgent).sum()) < folds:
        return None
    held_out = np.empty(len(urgent))
    for fold in stratified_folds(urgent, folds, seed):
        rest = np.setdiff1d(np.arange(len(urgent)), fold)
        weights, bias = fit(vectors[rest], urgent[rest], c)
        held_out[fold] = vectors[fold] @ weights + bias
    judged = ~urgent if asked is None or np.sum(~urgent & asked) < MIN_ASKED else ~urgent & np.asarray(asked)
    bar = float(np.quantile(held_out[judged], 1 - false_alarm_share))
    weights, bias = fit(vectors, urgent, c)
    return WarningModel(weights, bias, bar, int(urgent.sum()), int((~urgent).sum()))


def stratified_folds(labels: np.ndarray, k: int, seed: int = 0) -> list[np.ndarray]:
    """k folds of row indices, each with about 1/k of each label's rows, shuffled with `seed`."""
    rng = np.random.default_rng(seed)
    parts: list[list[int]] = [[] for _ in range(k)]
    for value in np.unique(labels):
        rows = rng.permutation(np.flatnonzero(labels == value))
        for i, part in enumerate(np.array_split(rows, k)):
            parts[i].extend(part.tolist())
    return [np.sort(np.array(p, dtype=int)) for p in parts if p]


def fit(vectors: np.ndarray, urgent: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """Class-balanced L2 logistic regression (scikit-learn's objective: c * weighted log loss + |w|^2 / 2)."""
    before_torch()
    import torch

    x = torch.from_numpy(np.ascontiguousarray(vectors, dtype=np.float32))
    y = torch.from_numpy(urgent.astype(np.float32))
    positives = float(urgent.sum())
    balance = torch.where(y > 0, len(y) / (2 * positives), len(y) / (2 * (len(y) - positives)))
    w = torch.zeros(x.shape[1], requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    optimiser = torch.optim.LBFGS([w, b], max_iter=500, history_size=20, line_search_fn="strong_wolfe",
                                  tolerance_grad=1e-7, tolerance_change=1e-10)

    def loss() -> torch.Tensor:
        optimiser.zero_grad()
        logits = x @ w + b
        value = (balance * torch.nn.functional.binary_cross_entropy_with_logits(logits, y, reduction="none")).sum()
        value = value + (w ** 2).sum() / (2 * c)
        value.backward()
        return value

    optimiser.step(loss)
    return w.detach().numpy().astype(np.float32), float(b.detach())

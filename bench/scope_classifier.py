"""Experiment (not kept): a logistic-regression no_match classifier over four general retrieval signals.

Usage: python bench/scope_classifier.py [--questions clinics/example-skin/questions.jsonl] [--check FILE]
       [--max-fallbacks 0.02]

Fits on the labelled dev set with repeated stratified 5-fold cross-validation, picks the lowest threshold whose
cross-validated predictions send at most --max-fallbacks of the answerable (in-scope + normal-healing) questions
to no_match, prints the weights and the trade-off, and with --check applies the model fitted on all of dev to
another set beside the current rule. The signals (ScopeSignals) ask whether a question matches the documents for
a reason other than naming their topic: it is scored as asked, prefixed with the documents' main topic word, and
with the topic's words removed. Results and why it was not kept: docs/SCOPE_CLASSIFIER.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faqbot.answering.engine import Engine  # noqa: E402
from faqbot.answering.keyword import stemmer, tokenize  # noqa: E402
from faqbot.learning.labelled import Labelled, load_questions  # noqa: E402
from faqbot.models import Status  # noqa: E402

TOPIC_SHARE = 0.5  # a term in at least this share of the passages is the documents' topic, not a question's point
L2 = 1.0  # ridge penalty on the standardised weights (not on the bias)
FOLDS, REPEATS = 5, 10
_TERM = re.compile(r"\w\w+")  # how bm25s splits text into terms
ANSWERABLE, OUT = ("in_scope", "normal_healing"), "out_of_scope"


@dataclass(frozen=True)
class ScopeSignals:
    similarity: float  # dense score of the best fused passage: (passage cosine + best sentence cosine) / 2
    with_topic: float  # best dense score of the question prefixed with the documents' main topic word
    without_topic: float  # best dense score of the question without the documents' topic words
    known_share: float  # share of the question's keyword terms (stemmed, no stop words) found in the documents


FEATURES = tuple(f.name for f in fields(ScopeSignals))


def topic(texts: list[str]) -> tuple[str, frozenset[str]]:
    """The terms in at least half of the passages, and the commonest surface form of the most frequent one."""
    tokens = tokenize(texts)
    frequency = Counter(t for passage in tokens for t in set(passage))
    terms = sorted((t for t, n in frequency.items() if n >= TOPIC_SHARE * len(texts)), key=lambda t: (-frequency[t], t))
    if not terms:
        return "", frozenset()
    words = (w for text in texts for w in re.findall(r"[a-z]+", text.lower()))
    forms = Counter(w for w in words if stemmer().stemWord(w) == terms[0])
    return forms.most_common(1)[0][0], frozenset(terms)


def without_topic(text: str, terms: frozenset[str]) -> str:
    """The text with every word whose stem is a topic term removed."""
    return " ".join(_TERM.sub(lambda m: "" if stemmer().stemWord(m.group(0).lower()) in terms else m.group(0),
                              text).split())


class Signals:
    """Computes ScopeSignals with an engine's own scoring (the same dense score the no_match rule uses)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        texts = [p.embed_text for p in engine.stored.passages]
        self.word, self.terms = topic(texts)
        self.known = {t for passage in tokenize(texts) for t in passage}

    def __call__(self, question: str) -> ScopeSignals:
        ranked = self.engine.rank(question)
        corrected, similarity = ranked.query.corrected, float(ranked.dense[ranked.order[0]])
        variants = {"with": f"{self.word} {corrected}" if self.word else "",
                    "without": without_topic(corrected, self.terms)}
        variants = {name: text for name, text in variants.items() if text}
        vectors = self.engine.encoder.encode(list(variants.values())) if variants else []
        best = {name: float(self.engine._dense_scores(v, ranked.keyword).max())
                for name, v in zip(variants, vectors, strict=True)}
        terms = tokenize([corrected])[0]
        known = sum(t in self.known for t in terms) / len(terms) if terms else 0.0
        return ScopeSignals(similarity, best.get("with", similarity), best.get("without", similarity), known)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Ridge logistic regression on standardised features, by Newton's method: (mean, scale, weights, bias)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    penalty = np.eye(z.shape[1]) * l2
    penalty[-1, -1] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(100):
        p = _sigmoid(z @ w)
        step = np.linalg.solve((z * (p * (1 - p))[:, None]).T @ z + penalty, z.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return mean, scale, w[:-1], float(w[-1])


def predict(fitted: tuple[np.ndarray, np.ndarray, np.ndarray, float], x: np.ndarray) -> np.ndarray:
    mean, scale, weights, bias = fitted
    return _sigmoid(((x - mean) / scale) @ weights + bias)


def cross_validated(x: np.ndarray, y: np.ndarray, folds: int = FOLDS, repeats: int = REPEATS) -> np.ndarray:
    """Each question's P(out of scope) from models that never saw it: mean over repeated stratified k-fold."""
    out = np.zeros((repeats, len(y)))
    for repeat in range(repeats):
        rng = np.random.default_rng(repeat)
        fold = np.zeros(len(y), dtype=int)
        for label in (0, 1):
            members = rng.permutation(np.flatnonzero(y == label))
            fold[members] = np.arange(len(members)) % folds
        for k in range(folds):
            train = fold != k
            out[repeat, ~train] = predict(fit_logistic(x[train], y[train]), x[~train])
    return out.mean(axis=0)


def threshold_for(p_answerable: np.ndarray, max_fallbacks: float) -> float:
    """The lowest threshold (no_match when P >= it) that sends at most `max_fallbacks` of the answerable questions
    to no_match: halfway between the last one allowed to fall back and the first that must not."""
    ranked = np.sort(p_answerable)[::-1]
    allowed = int(np.floor(max_fallbacks * len(ranked)))
    above = ranked[allowed - 1] if allowed > 0 else 1.0
    return float((above + ranked[allowed]) / 2) if allowed < len(ranked) else 0.0


def _data(signals: Signals, items: list[Labelled]) -> tuple[list[Labelled], np.ndarray, np.ndarray]:
    used = [i for i in items if i.kind in (*ANSWERABLE, OUT)]
    x = np.array([astuple(signals(i.question)) for i in used])
    return used, x, np.array([i.kind == OUT for i in used], dtype=np.float64)


def _shares(kinds: np.ndarray, falls: np.ndarray) -> str:
    return (f"{falls[kinds == 'in_scope'].mean():.3f} | {falls[kinds == 'normal_healing'].sum()}"
            f"/{(kinds == 'normal_healing').sum()} | {falls[kinds == OUT].mean():.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=Path, default=Path("clinics/example-skin/questions.jsonl"))
    parser.add_argument("--check", type=Path, help="a set to apply the fitted model to (once: not for tuning)")
    parser.add_argument("--max-fallbacks", type=float, default=0.02)
    args = parser.parse_args()
    from faqbot.settings import load_settings

    engine = Engine.from_settings(load_settings())
    signals = Signals(engine)
    used, x, y = _data(signals, load_questions(args.questions))
    held_out = cross_validated(x, y)
    threshold = threshold_for(held_out[y == 0], args.max_fallbacks)
    fitted = fit_logistic(x, y)
    print(f"topic word {signals.word!r}, topic terms {sorted(signals.terms)}\n")
    print("| feature | weight (standardised) |\n|---|---|")
    print("\n".join(f"| {n} | {w:+.2f} |" for n, w in zip(FEATURES, fitted[2], strict=True)))
    print(f"| bias | {fitted[3]:+.2f} |")
    print(f"\n{args.questions}, {REPEATS}x {FOLDS}-fold cross-validated (chosen threshold {threshold:.3f}):\n")
    print("| threshold | in-scope fallbacks | normal-healing fallbacks | out-of-scope recall |\n|---|---|---|---|")
    kinds = np.array([i.kind for i in used])
    for t in sorted({*np.round(np.arange(0.3, 0.95, 0.05), 2), threshold}):
        print(f"| {t:.3f}{' (chosen)' if t == threshold else ''} | {_shares(kinds, held_out >= t)} |")
    if args.check:
        used, x, _ = _data(signals, load_questions(args.check))
        kinds = np.array([i.kind for i in used])
        statuses = np.array([engine.rank(i.question).status for i in used])
        rule = statuses == Status.NO_MATCH
        classifier = (predict(fitted, x) >= threshold) & (statuses != Status.URGENT)  # urgent is escalated anyway
        print(f"\n{args.check}, model fitted on all of {args.questions}:\n")
        print("| no_match by | in-scope fallbacks | normal-healing fallbacks | out-of-scope recall |")
        print("|---|---|---|---|")
        print(f"| the similarity bars (current) | {_shares(kinds, rule)} |")
        print(f"| the classifier | {_shares(kinds, classifier)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

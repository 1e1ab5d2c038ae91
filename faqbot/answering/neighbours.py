"""Answers by example: a patient question much like a labelled one gets that question's answer passages.

The query adapter (adapter.py) moves question vectors; it cannot remember that "can i put makeup on after" was
labelled with the passage on makeup. The labelled questions themselves can. Each one is kept, as the adapter
moves it, with the passages holding its answer phrases (none for an out-of-scope question), and a new question

* lifts those passages in the fused ranking by `weight * (similarity - floor)` when it is more than `floor` similar to
  an in-scope example (the nearest such example per passage counts); from `highlight_from` similar up, the
  passage's highlight is the sentence holding that example's answer phrase; and
* falls back (no_match) when its nearest example is an out-of-scope one at `out_of_scope_bar` or more: the clinic
  already said the documents don't answer that question; or when that out-of-scope example is nearer than every
  in-scope one by `out_of_scope_margin` or more: the question is more like what the documents don't answer than like
  anything they do. Both are chosen by cross-validation (adapter.train).

Staff pins join the examples while they exist (pins.py): a pinned question lifts its pinned passages for
questions less alike than the pin's own similarity bar.

Cross-validated on the dev set the ranking lift is neutral (its questions rarely paraphrase each other); on the
held-back test set, whose questions often paraphrase dev ones as patients' questions do, it lifts hit@1 0.74 -> 0.85
(docs/evaluation.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

NEVER = 2.0  # an out_of_scope_bar no cosine reaches


@dataclass(frozen=True)
class Neighbours:
    vectors: np.ndarray  # (examples, dimension), float32, moved by the adapter and normalised
    answers: tuple[tuple[int, ...], ...]  # each example's answer passages; () for an out-of-scope one
    questions: tuple[str, ...]  # the labelled questions, for staff ("most like ...")
    phrases: tuple[tuple[str, ...], ...]  # each example's answer phrases, labelled.normalise()d
    weight: float
    floor: float
    highlight_from: float
    out_of_scope_bar: float = NEVER
    out_of_scope_margin: float = NEVER  # the nearest example's lead over the nearest in-scope one, when out of scope
    labelled: int | None = None  # how many examples (the first ones) come from the labelled file; None: all

    def extended(self, vectors: np.ndarray, answers: Sequence[tuple[int, ...]],
                 questions: Sequence[str]) -> Neighbours:
        """These examples and more (adapted vectors, with their passages, no answer phrases): staff pins. A pin with
        no passages (the documents don't cover it) counts for the bar, not for the margin, which cross-validation
        chose for the labelled examples only."""
        return replace(self, vectors=np.vstack([self.vectors, vectors]).astype(np.float32),
                       answers=self.answers + tuple(answers), questions=self.questions + tuple(questions),
                       phrases=self.phrases + ((),) * len(answers),
                       labelled=len(self.answers) if self.labelled is None else self.labelled)

    def similarities(self, vector: np.ndarray) -> np.ndarray:
        """(examples,) cosines of an adapted question vector to every example."""
        return self.vectors @ vector

    def lift(self, similarities: np.ndarray) -> dict[int, Lift]:
        """Passage -> what to add to its fused score, from the examples more than `floor` similar."""
        return lift(similarities, self.answers, self.weight, self.floor)

    def highlight_phrases(self, lift: Lift) -> tuple[str, ...]:
        """The answer phrases to highlight in a lifted passage: its example's, when the example is close enough."""
        return self.phrases[lift.example] if lift.similarity >= self.highlight_from else ()

    @cached_property
    def _in_scope(self) -> np.ndarray:
        return np.array([bool(a) for a in self.answers], dtype=bool)

    def out_of_scope(self, similarities: np.ndarray) -> LookAlike | None:
        """The nearest example when it is out of scope and at the bar, or leads the nearest in-scope one by the
        margin; otherwise None."""
        if not len(similarities):
            return None
        nearest = int(np.argmax(similarities))
        if self.answers[nearest]:
            return None
        similarity = float(similarities[nearest])
        answerable = float(similarities[self._in_scope].max()) if self._in_scope.any() else None
        like = LookAlike(self.questions[nearest], similarity, answerable)
        if similarity >= self.out_of_scope_bar:
            return like
        from_labels = self.labelled is None or nearest < self.labelled
        if from_labels and answerable is not None and similarity - answerable >= self.out_of_scope_margin:
            return like
        return None


@dataclass(frozen=True)
class LookAlike:
    """Why a question falls back by example: the out-of-scope example it is most like."""

    question: str
    similarity: float
    answerable: float | None  # of the nearest in-scope example (None: there is none)

    def reason(self) -> str:
        nearest = "" if self.answerable is None else f"; the nearest answerable one {self.answerable:.2f}"
        return (f"most like the labelled out-of-scope question {self.question!r} (similarity {self.similarity:.2f}"
                f"{nearest})")


@dataclass(frozen=True)
class Lift:
    value: float  # added to the passage's fused score
    example: int  # the example it comes from
    similarity: float  # of the question to that example


def lift(similarities: np.ndarray, answers: Sequence[tuple[int, ...]], weight: float,
         floor: float) -> dict[int, Lift]:
    """weight * (best similarity of an in-scope example answering the passage - floor), for passages above floor."""
    out: dict[int, Lift] = {}
    for example in np.flatnonzero(similarities > floor):
        similarity = float(similarities[example])
        value = weight * (similarity - floor)
        for passage in answers[example]:
            if passage not in out or value > out[passage].value:
                out[passage] = Lift(value, int(example), similarity)
    return out

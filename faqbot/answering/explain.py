""""Check an answer": the whole decision behind one question, for staff.

The full ranking with each passage's keyword, dense and fused scores and any lift from a labelled look-alike
question or pin (neighbours.py); the status and why (threshold, urgent signal); spelling corrections and synonyms
used; any pin that applied; and each passage in its document context.
"""

from __future__ import annotations

from dataclasses import dataclass

from faqbot.answering.engine import Engine
from faqbot.models import Answer, Passage
from faqbot.staff.pins import PinBook, PinMatch


@dataclass(frozen=True)
class RankedPassage:
    rank: int  # 1-based, by fused score
    passage: Passage
    keyword: float
    dense: float
    fused: float  # keyword and dense, plus `lift`
    lift: float = 0.0  # from the labelled question or pin most like the question
    lifted_by: str = ""  # that question


@dataclass(frozen=True)
class Explanation:
    question: str
    answer: Answer  # what the patient would be shown (pins applied)
    ranking: tuple[RankedPassage, ...]
    corrections: tuple[tuple[str, str], ...]
    expansions: tuple[str, ...]
    unknown_words: tuple[str, ...]
    urgent_signals: tuple[str, ...]
    pin: PinMatch | None


def explain(engine: Engine, pins: PinBook, question: str, limit: int = 20) -> Explanation:
    decision = pins.decide(question, engine)  # as patients are answered: pins, and pins among the examples
    answering, ranked, pin = decision.answering, decision.ranked, decision.pin
    answer = decision.answer()
    examples = answering.adapter.neighbours.questions if answering.adapter is not None else ()
    rows = []
    for rank, i in enumerate(map(int, list(ranked.order)[:limit]), 1):
        lift = ranked.lifts.get(i)
        rows.append(RankedPassage(rank, engine.stored.passages[i], float(ranked.keyword[i]), float(ranked.dense[i]),
                                  float(ranked.fused[i]), lift.value if lift else 0.0,
                                  examples[lift.example] if lift else ""))
    return Explanation(
        question=question,
        answer=answer,
        ranking=tuple(rows),
        corrections=ranked.query.corrections,
        expansions=ranked.query.expansions,
        unknown_words=ranked.query.unknown,
        urgent_signals=tuple(ranked.urgent.signals),
        pin=pin,
    )


def in_context(engine: Engine, passage_id: str) -> tuple[Passage | None, Passage, Passage | None]:
    """The passage with the ones before and after it in its document."""
    same = sorted((p for p in engine.stored.passages if p.source == _source(engine, passage_id)),
                  key=lambda p: p.start)
    at = next(i for i, p in enumerate(same) if p.id == passage_id)
    return (same[at - 1] if at > 0 else None, same[at], same[at + 1] if at + 1 < len(same) else None)


def _source(engine: Engine, passage_id: str) -> str:
    for p in engine.stored.passages:
        if p.id == passage_id:
            return p.source
    raise KeyError(f"No passage {passage_id!r} in the index")

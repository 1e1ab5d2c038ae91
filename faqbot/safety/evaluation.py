"""Escalation sets: crisis, emergency, clinic-sign, calm and other-language messages, scored through the whole engine.

One JSON object per line: {"question": ..., "kind": one of KINDS}. A crisis must get the crisis message, an
emergency the emergency one (any escalation is counted too), a clinic sign any escalation (the clinic's own, or an
emergency that is also one); a calm message none; a message in another language no passages.
Run with `python -m faqbot eval --questions eval/escalation_dev.jsonl`, on any clinic's index (`--index`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from faqbot.learning.labelled import read_jsonl
from faqbot.models import Answer, Escalation, Status

KINDS = ("crisis", "emergency", "clinic", "calm", "foreign")


@dataclass(frozen=True)
class Message:
    question: str
    kind: str


def is_escalation_set(path: Path) -> bool:
    """True when a question file holds escalation messages rather than labelled questions (eval/ format)."""
    with path.open(encoding="utf-8") as f:
        first = next((line for line in f if line.strip()), "{}")
    try:
        return json.loads(first).get("kind") in KINDS
    except (json.JSONDecodeError, AttributeError):
        return False


def load_messages(path: Path) -> list[Message]:
    return read_jsonl(path, "an escalation message", KINDS, lambda data: Message(str(data["question"]),
                                                                                  str(data["kind"])))


@dataclass(frozen=True)
class Row:
    kind: str
    messages: int
    as_expected: int  # crisis -> crisis, emergency -> emergency, clinic -> any, calm -> none, foreign -> no passages
    escalated: int  # any escalation at all

    def share(self, count: int) -> str:
        return f"{count / self.messages:.3f}" if self.messages else "-"


def expected(kind: str, answer: Answer) -> bool:
    if kind == "crisis":
        return answer.escalation is Escalation.CRISIS
    if kind == "emergency":
        return answer.escalation is Escalation.EMERGENCY
    if kind == "clinic":
        return answer.status is Status.URGENT
    if kind == "foreign":
        return answer.status is Status.URGENT or not answer.hits
    return answer.status is not Status.URGENT


def score(answers: Sequence[tuple[Message, Answer]]) -> list[Row]:
    rows = []
    for kind in KINDS:
        mine = [answer for item, answer in answers if item.kind == kind]
        if mine:
            rows.append(Row(kind, len(mine), sum(expected(kind, a) for a in mine),
                            sum(a.status is Status.URGENT for a in mine)))
    return rows


def table(rows: Sequence[Row]) -> str:
    meaning = {"crisis": "crisis message", "emergency": "emergency message", "clinic": "escalated",
               "calm": "not escalated (false alarms: escalated)", "foreign": "no passages shown"}
    lines = ["| kind | messages | as expected | share | escalated at all |", "|---|---|---|---|---|"]
    lines += [f"| {r.kind}: {meaning[r.kind]} | {r.messages} | {r.as_expected} | {r.share(r.as_expected)} | "
              f"{r.escalated} ({r.share(r.escalated)}) |" for r in rows]
    return "\n".join(lines)


def misses(answers: Sequence[tuple[Message, Answer]]) -> list[str]:
    """The messages not handled as expected, for reading (stderr)."""
    return [f"{item.kind} -> {answer.escalation or answer.status.value}: {item.question}"
            for item, answer in answers if not expected(item.kind, answer)]

"""Typed results shared by every part of faqbot. JSON is produced from them here and only here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np


class Status(StrEnum):
    ANSWERED = "answered"
    NO_MATCH = "no_match"
    URGENT = "urgent"


class Escalation(StrEnum):
    """Which kind of urgent: each has its own message, checked in this order before anything else."""

    CRISIS = "crisis"  # thoughts of suicide or self-harm, an overdose on purpose: the crisis line
    EMERGENCY = "emergency"  # life-threatening now, any specialty: call emergency services
    CLINIC = "clinic"  # the clinic's own warning signs after its treatments: contact the clinic now


# Escalations shown alone: their message, and no passage under it.
ALONE = frozenset({Escalation.CRISIS, Escalation.EMERGENCY})


@dataclass(frozen=True)
class Passage:
    """A piece of a document shown to patients as is; offsets point into the cleaned document."""

    id: str
    text: str
    source: str
    title: str
    heading: str
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...]  # sentence spans, relative to `text`

    @property
    def embed_text(self) -> str:
        """What the encoder sees: the passage with its document title and section as context."""
        context = self.title if self.heading in ("", self.title) else f"{self.title}: {self.heading}"
        return f"{context}\n{self.text}"

    def sentence_texts(self) -> list[str]:
        return [self.text[a:b] for a, b in self.sentences]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sentences"] = [list(span) for span in self.sentences]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Passage:
        fields = dict(data)
        fields["sentences"] = tuple(tuple(span) for span in fields["sentences"])
        return cls(**fields)


@dataclass(frozen=True)
class Hit:
    """One ranked passage in an answer."""

    passage: Passage
    score: float
    highlight: str
    also_in: tuple[str, ...] = ()  # other sources that say the same thing
    checked_by: str = ""  # the staff member who approved (pinned) this passage for the question
    checked_at: str = ""  # when, YYYY-MM-DD

    def to_dict(self) -> dict[str, Any]:
        p = self.passage
        checked = {"checked_by": self.checked_by, "checked_at": self.checked_at} if self.checked_by else {}
        return {
            "id": p.id,
            "text": p.text,
            "source": p.source,
            "title": p.title,
            "heading": p.heading,
            "score": round(self.score, 4),
            "highlight": self.highlight,
            "also_in": list(self.also_in),
            **checked,
        }


@dataclass(frozen=True)
class Answer:
    """What faqbot says to one question: a status and the passages that support it."""

    question: str
    status: Status
    hits: tuple[Hit, ...]
    reason: str = ""
    signals: tuple[str, ...] = field(default=())
    escalation: Escalation | None = None  # set exactly when status is urgent
    other_language: bool = False  # written in a language the documents are not in (status no_match)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "status": self.status.value,
            "escalation": self.escalation.value if self.escalation else None,
            "passages": [hit.to_dict() for hit in self.hits],
            "reason": self.reason,
            "signals": list(self.signals),
        }


def sentence_rows(passages: Sequence[Passage]) -> np.ndarray:
    """Row where each passage's sentences start in the index's sentence vectors, plus the end."""
    return np.concatenate([[0], np.cumsum([len(p.sentences) for p in passages])]).astype(np.int64)

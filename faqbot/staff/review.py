"""The review queue: which patient questions staff should look at first, and why.

Crises, emergencies and the clinic's warning signs, questions the documents didn't answer, answers a patient found
unhelpful, and answers shown with a low score - each not yet reviewed - in that order, newest first within each
group.
"""

from __future__ import annotations

from dataclasses import dataclass

from faqbot.records.storage import Interaction, LogFilter, Store

WHY = ("urgent: crisis", "urgent: emergency", "urgent: warning sign", "not answered", "patient found it unhelpful",
       "low confidence")
_URGENT = {"crisis": WHY[0], "emergency": WHY[1], "clinic": WHY[2]}
SCANNED = 20_000  # the newest unreviewed questions looked at for the queue


@dataclass(frozen=True)
class QueueItem:
    interaction: Interaction
    why: str


def _why(item: Interaction, low_score: float) -> str | None:
    if item.status == "urgent":
        return _URGENT.get(item.escalation or "clinic", WHY[2])  # logged before escalations had kinds: the clinic's
    if item.status == "no_match":
        return WHY[3]
    if item.feedback is False:
        return WHY[4]
    if item.shown and item.shown[0].score < low_score:
        return WHY[5]
    return None


def review_queue(store: Store, low_score: float, limit: int = 200) -> list[QueueItem]:
    items = []
    for interaction in store.search(LogFilter(unreviewed=True, limit=SCANNED)):
        why = _why(interaction, low_score)
        if why is not None:
            items.append(QueueItem(interaction, why))
    items.sort(key=lambda q: (WHY.index(q.why), -q.interaction.id))
    return items[:limit]

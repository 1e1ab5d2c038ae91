"""The review queue: which patient questions staff should look at first, and why.

Urgent questions, questions the documents didn't answer, answers a patient found unhelpful, and answers shown
with a low score - each not yet reviewed - in that order, newest first within each group.
"""

from __future__ import annotations

from dataclasses import dataclass

from faqbot.storage import Interaction, LogFilter, Store

WHY = ("urgent", "not answered", "patient found it unhelpful", "low confidence")
SCANNED = 20_000  # the newest unreviewed questions looked at for the queue


@dataclass(frozen=True)
class QueueItem:
    interaction: Interaction
    why: str


def _why(item: Interaction, low_score: float) -> str | None:
    if item.status == "urgent":
        return WHY[0]
    if item.status == "no_match":
        return WHY[1]
    if item.feedback is False:
        return WHY[2]
    if item.shown and item.shown[0].score < low_score:
        return WHY[3]
    return None


def review_queue(store: Store, low_score: float, limit: int = 200) -> list[QueueItem]:
    items = []
    for interaction in store.search(LogFilter(unreviewed=True, limit=SCANNED)):
        why = _why(interaction, low_score)
        if why is not None:
            items.append(QueueItem(interaction, why))
    items.sort(key=lambda q: (WHY.index(q.why), -q.interaction.id))
    return items[:limit]

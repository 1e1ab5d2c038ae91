"""The overview staff see first: questions per day, shares of each status, helpful rate, and the most frequent
words in questions the documents didn't answer (what patients ask about that the documents lack).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from faqbot.answering.keyword import words_and_terms
from faqbot.records.storage import LogFilter, Store

STATUSES = ("answered", "no_match", "urgent")


@dataclass(frozen=True)
class DayCount:
    day: date
    status: str
    questions: int


@dataclass(frozen=True)
class Topic:
    word: str  # as patients wrote it most often (questions are counted by its stem: insurance, insured)
    questions: int
    example: str  # the newest question with this word


@dataclass(frozen=True)
class Overview:
    days: int
    total: int
    per_day: tuple[DayCount, ...]
    shares: dict[str, float]  # status -> share of all questions
    helpful_rate: float | None  # helpful / (helpful + not helpful); None without feedback
    feedback_given: int
    unanswered_topics: tuple[Topic, ...]


def overview(store: Store, days: int = 30, now: datetime | None = None, topics: int = 10) -> Overview:
    now = now or datetime.now(UTC)
    start = (now - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    items = store.search(LogFilter(since=start, limit=1_000_000))
    counts = Counter((i.asked_at.date(), i.status) for i in items)
    per_day = tuple(
        DayCount(start.date() + timedelta(days=d), status, counts.get((start.date() + timedelta(days=d), status), 0))
        for d in range(days)
        for status in STATUSES
    )
    total = len(items)
    shares = {s: (sum(1 for i in items if i.status == s) / total if total else 0.0) for s in STATUSES}
    rated = [i.feedback for i in items if i.feedback is not None]
    unanswered = [i for i in items if i.status == "no_match"]  # newest first
    words: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    example: dict[str, str] = {}
    for item in unanswered:
        pairs = [(w, t) for w, t in words_and_terms(item.question) if len(t) > 2 and not t.isdigit()]
        for word, term in pairs:
            written.setdefault(term, Counter())[word] += 1
        for term in {t for _, t in pairs}:
            words[term] += 1
            example.setdefault(term, item.question)
    return Overview(
        days=days,
        total=total,
        per_day=per_day,
        shares=shares,
        helpful_rate=sum(rated) / len(rated) if rated else None,
        feedback_given=len(rated),
        unanswered_topics=tuple(Topic(written[t].most_common(1)[0][0], n, example[t])
                                for t, n in words.most_common(topics)),
    )

"""Short follow-ups ("and how long does that last?") read in the context of the question they follow.

The context is the conversation's topic: the last question that stood on its own. A follow-up is searched as
topic + follow-up, so "and does it hurt?" after "what is microneedling?" finds the passages about pain in
microneedling; a question that stands on its own becomes the new topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_FOLLOW_UP_WORDS = 8
_OPENERS = re.compile(r"^\s*(and|also|but|so|then|plus|or|what about|how about|what if|same for|is that|does that)\b",
                      re.IGNORECASE)
_BACK_REFERENCES = re.compile(r"\b(it|its|it's|that|this|they|them|those|these|there|then)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Turn:
    """What to search for one message, and the topic the next message may follow up on."""

    query: str
    topic: str
    follows_up: bool


def is_follow_up(message: str) -> bool:
    """A short message that opens like a continuation or points back at something said before."""
    words = _WORD.findall(message)
    if not words or len(words) > MAX_FOLLOW_UP_WORDS:
        return False
    return bool(_OPENERS.search(message) or _BACK_REFERENCES.search(message))


def resolve(message: str, topic: str | None) -> Turn:
    """The query for `message`, given the topic of the conversation so far (None at its start)."""
    if topic and is_follow_up(message):
        return Turn(query=f"{topic} {message}", topic=topic, follows_up=True)
    return Turn(query=message, topic=message, follows_up=False)

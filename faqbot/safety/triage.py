"""Triage: crisis, then emergency, then the clinic's own warning signs, before anything else is done with a message.

Usage::

    triage = Triage.from_settings(settings)
    found = triage.check("i can't breathe and my chest hurts")   # found.urgent, found.escalation, found.signals
"""

from __future__ import annotations

from collections.abc import Sequence

from faqbot.answering.query import QueryAnalyzer, Synonyms
from faqbot.safety import crisis, emergency, reading
from faqbot.safety.signs import SignBook, UrgentCheck, read
from faqbot.settings import Settings


class Triage:
    def __init__(self, clinic: SignBook) -> None:
        self.clinic = clinic
        # a misspelled sign word ("blury", "cant breth") is read as it, unless it is a common English word; each
        # book's words apart, so that one book's words don't misread another's ("crusting" is not "crushing")
        self._spelling = _speller(clinic.spelling)
        self._urgent_spelling = _speller([*emergency.BOOK.spelling, *crisis.SPELLING.split()])

    @classmethod
    def from_settings(cls, settings: Settings) -> Triage:
        return cls(SignBook.load(settings.warning_signs))

    def text(self, message: str, speller: QueryAnalyzer | None = None) -> str:
        """The message as the clinic check reads it: lower case, one line, misspelled sign words read as meant."""
        plain = " ".join(message.lower().replace("\u2019", "'").split())
        return (speller or self._spelling).analyze(plain).corrected

    def hedged(self, message: str) -> bool:
        """The message calls what it describes mild: "mild redness", "a bit puffy", "tiny dots of blood"."""
        return bool(reading.HEDGED.search(self.text(message)))

    def jesting(self, message: str) -> bool:
        """The message laughs ("lol", "haha"): the embedding's second opinion leaves it to the rules."""
        return bool(reading.LAUGH.search(self.text(message)))

    def check(self, message: str) -> UrgentCheck:
        """The first escalation a message calls for, crisis first; else the clinic check's verdict (which says
        whether the message describes something happening now, for the warning model)."""
        text = self.text(message, self._urgent_spelling)
        for found in (crisis.read(text), read(emergency.BOOK, text)):
            if found.urgent:
                return found
        return read(self.clinic, self.text(message))


def _speller(words: Sequence[str]) -> QueryAnalyzer:
    return QueryAnalyzer.from_texts([" ".join(words)], Synonyms(()))

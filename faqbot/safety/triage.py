"""Triage: crisis, then emergency, then the clinic's own warning signs, before anything else is done with a message.

Usage::

    triage = Triage.from_settings(settings)
    found = triage.check("i can't breathe and my chest hurts")   # found.urgent, found.escalation, found.signals
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from faqbot.answering.query import QueryAnalyzer, Synonyms
from faqbot.models import Escalation
from faqbot.safety import crisis, emergency, reading
from faqbot.safety.phrases import PhraseBook
from faqbot.safety.signs import SignBook, UrgentCheck, read
from faqbot.settings import Settings


@dataclass(frozen=True)
class Manner:
    """How a message puts what it says, for the embedding's second opinion (safety/model.py)."""

    hedged: bool  # calls what it describes mild ("mild redness", "a bit puffy") or like the usual ("like sunburn")
    jesting: bool  # laughs ("lol", "haha") and doesn't ask whether to worry: the second opinion leaves it to the rules
    accidental: bool  # "took my mum's pills thinking they were mine": an overdose is an emergency, not a crisis


class Triage:
    def __init__(self, clinic: SignBook, languages: PhraseBook | None = None) -> None:
        self.clinic = clinic
        self.languages = languages or PhraseBook.shipped()  # crises and emergencies in other languages
        # a misspelled sign word ("blury", "cant breth") is read as it, unless it is a common English word; each
        # book's words apart, so that one book's words don't misread another's ("crusting" is not "crushing")
        self._spelling = _speller(clinic.spelling)
        self._urgent_spelling = _speller([*emergency.BOOK.spelling, *crisis.SPELLING.split()])

    @classmethod
    def from_settings(cls, settings: Settings) -> Triage:
        return cls(SignBook.load(settings.warning_signs))

    def text(self, message: str, speller: QueryAnalyzer | None = None) -> str:
        """The message as the clinic check reads it: lower case, one line, misspelled sign words read as meant."""
        plain = reading.SURPRISED.sub("was amazed", " ".join(message.lower().replace("\u2019", "'").split()))
        plain = reading.COMPARISON.sub("difference between them", reading.NAMED_NOT_SIGN.sub(r"\1fever", plain))
        plain = reading.SERVICE.sub("the helpline", plain)
        plain = reading.HOW_TO_USE.sub(r"\1 instructions", reading.MEDIA_TOPIC.sub(r"\1 it", plain))
        return (speller or self._spelling).analyze(plain).corrected

    def check(self, message: str) -> UrgentCheck:
        """The first escalation a message calls for, crisis first; else the clinic check's verdict (which says
        whether the message describes something happening now, for the warning model)."""
        return self.assess(message)[0]

    def assess(self, message: str) -> tuple[UrgentCheck, Manner]:
        """`check`, and how the message puts it: each spelling read once."""
        urgent_text, text = self.text(message, self._urgent_spelling), self.text(message)
        usual = self.clinic.reading.like_usual  # "red like sunburn": what the clinic's documents call usual
        manner = Manner(bool(reading.HEDGED.search(text) or (usual is not None and usual.search(text))),
                        reading.jesting(text), bool(crisis.MISTAKEN.search(urgent_text)))
        said = self._in_other_language(message)  # in a language the English rules don't read
        for found in (crisis.read(urgent_text), said if said and said.escalation is Escalation.CRISIS else None,
                      read(emergency.BOOK, urgent_text), said):
            if found is not None and found.urgent:
                return found, manner
        return read(self.clinic, text), manner

    def _in_other_language(self, message: str) -> UrgentCheck | None:
        """A crisis or an emergency said in one of the phrase file's languages."""
        said = self.languages.find(message)
        if said is None:
            return None
        kind = said.escalation.value
        return UrgentCheck(True, (f"{kind} in {said.language}",), f"{kind} described in {said.language} "
                           f"({said.phrase!r})", False, said.escalation)


def _speller(words: Sequence[str]) -> QueryAnalyzer:
    # "nits agen" is "again", not the pain sign's "agony"
    return QueryAnalyzer.from_texts([" ".join(words)], Synonyms(()), everyday_first=True)

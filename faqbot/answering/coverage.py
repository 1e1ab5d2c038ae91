"""Whether a passage holds a question's own words: every keyword of the question (stemmed, stop words left out), one
of them specific to a few passages. When one of the best passages does, the documents answer the question in its
own words, and no out-of-scope look-alike (a labelled question or a staff mark) hides it: the documents win.

"where can I park?" after staff add a parking page: its keyword, park, is in that page and in few others, so the
labelled "is there parking nearby or should i get the bus" no longer sends it to "not in our materials". "what time
is it" is not answered by a passage that mentions time: time is in many passages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from faqbot.answering.keyword import tokenize

SPECIFIC_SHARE = 0.05  # a keyword in at most this share of the passages (or in 2) is specific to them
SPECIFIC_AT_LEAST = 2


class Coverage:
    def __init__(self, passage_texts: Sequence[str]) -> None:
        self.terms = [frozenset(t) for t in tokenize(passage_texts)]
        counts = Counter(term for terms in self.terms for term in terms)
        limit = max(SPECIFIC_AT_LEAST, SPECIFIC_SHARE * len(self.terms))
        self._specific = frozenset(term for term, n in counts.items() if n <= limit)

    def covering(self, question_terms: Iterable[str], among: Iterable[int]) -> int | None:
        """The first passage of `among` holding every term of the question, one of them specific; else None."""
        terms = set(question_terms)
        if not terms & self._specific:
            return None
        return next((int(p) for p in among if terms <= self.terms[int(p)]), None)

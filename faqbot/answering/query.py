"""Query-side normalisation: clean, correct misspellings against the corpus vocabulary, add lay synonyms.

Usage::

    analyzer = QueryAnalyzer.from_texts(passage_texts, Synonyms.load(path))
    query = analyzer.analyze("how many sesions of microneedeling")
    query.corrected   # 'how many sessions of microneedling'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from faqbot.answering.english import everyday_within_one_edit, is_common_english
from faqbot.documents.cleaning import clean_query
from faqbot.errors import SettingsError

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def skeleton(word: str) -> str:
    """How a word sounds, roughly: its first letter and then its consonants, repeats collapsed.

    Misspellings mostly get vowels wrong ("poors" for pores, "cheeper" for cheaper), so two words with the
    same skeleton are more likely one meant for the other than words that differ in a consonant.
    """
    rest = re.sub(r"[aeiouy]", "", word[1:])
    return word[:1] + re.sub(r"(.)\1+", r"\1", rest)


@dataclass(frozen=True)
class Synonyms:
    """Groups of equivalent phrases, from a small text file staff can edit."""

    groups: tuple[tuple[str, ...], ...]

    @classmethod
    def load(cls, path: Path) -> Synonyms:
        if not path.is_file():
            raise SettingsError(f"Synonyms file {path} does not exist (set synonyms_file, or create it)")
        groups = []
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                phrases = tuple(" ".join(words(p)) for p in line.split(","))
                groups.append(tuple(p for p in phrases if p))
        return cls(tuple(g for g in groups if len(g) > 1))

    def expansions(self, text: str, in_corpus: Callable[[str], bool]) -> list[str]:
        """The documents' own wording for lay phrases in `text`.

        A group is used only when the question says it in words the documents don't use: a question that
        already uses the documents' word gains nothing but noise from its synonyms.
        """
        padded = f" {' '.join(words(text))} "
        found: list[str] = []
        for group in self.groups:
            used = [p for p in group if f" {p} " in padded]
            if used and not any(in_corpus(p) for p in used):
                found.extend(p for p in group if in_corpus(p) and p not in found)
        return found

    def vocabulary(self) -> set[str]:
        return {w for group in self.groups for phrase in group for w in phrase.split()}


@dataclass(frozen=True)
class Query:
    original: str
    cleaned: str  # NFKC, quotes, invisible characters, one line
    corrected: str  # misspelled words replaced by the corpus word they were meant to be
    expansions: tuple[str, ...]  # synonyms of phrases in the question
    corrections: tuple[tuple[str, str], ...]  # (typed, corrected)
    unknown: tuple[str, ...]  # words of 3+ letters neither in the corpus nor correctable

    @property
    def keyword_text(self) -> str:
        return " ".join([self.corrected, *self.expansions])


class QueryAnalyzer:
    def __init__(self, corpus_counts: Counter[str], corpus_phrases: str, synonyms: Synonyms, *,
                 everyday_first: bool = False) -> None:
        self.counts = corpus_counts
        self._corpus_phrases = corpus_phrases  # all corpus text as ' word word ... ', for phrase lookups
        self.synonyms = synonyms
        self.vocabulary = set(corpus_counts) | synonyms.vocabulary()
        self._candidates = sorted(w for w in self.vocabulary if len(w) >= 3 and w.isalpha())
        # the safety check's speller: a sound-alike further than an everyday word is not read as a sign word
        self.everyday_first = everyday_first

    @classmethod
    def from_texts(cls, texts: Iterable[str], synonyms: Synonyms, *, everyday_first: bool = False) -> QueryAnalyzer:
        tokenized = [words(text) for text in texts]
        joined = " | ".join(" ".join(t) for t in tokenized)
        return cls(Counter(w for t in tokenized for w in t), f" {joined} ", synonyms, everyday_first=everyday_first)

    def in_corpus(self, phrase: str) -> bool:
        return f" {phrase} " in self._corpus_phrases

    def inflects(self, word: str) -> bool:
        """`word` is a plain inflection of a word the documents use ("faints" of "faint", "itching" of "itch"), or
        the singular of one ("patient" of "patients")."""
        if word + "s" in self.vocabulary or word + "es" in self.vocabulary:
            return True
        for ending in ("s", "es", "ed", "d", "ing", "ly"):
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= 3 and (
                    stem in self.vocabulary or stem + "e" in self.vocabulary
                    or (len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in self.vocabulary)):
                return True
        return False

    def correct(self, word: str) -> str | None:
        """The corpus word a misspelled `word` was meant to be, or None when it is fine or unknown."""
        if word in self.vocabulary or len(word) < 4 or not word.isalpha():
            return None
        if is_common_english(word):  # meant as typed: wine is not fine, cheeks not weeks
            return None
        limit = 1 if len(word) <= 7 else 2  # edits (a swap of two letters is one), or 2 when it sounds the same
        sound = skeleton(word)
        matches = [
            (candidate, distance)
            for candidate, distance, _ in extract(word, self._candidates, scorer=OSA.distance, score_cutoff=2,
                                                  limit=20)
            if distance <= limit or skeleton(candidate) == sound
        ]
        if not matches:
            return None
        best = min(matches, key=lambda m: (skeleton(m[0]) != sound, m[1], m[0][0] != word[0],
                                          -self.counts.get(m[0], 0)))
        if self.everyday_first and best[1] > 1 and everyday_within_one_edit(word):  # "agen": "again", not "agony"
            return None
        return best[0]

    def analyze(self, text: str) -> Query:
        cleaned = clean_query(text)
        corrections: list[tuple[str, str]] = []
        unknown: list[str] = []

        def fix(match: re.Match[str]) -> str:
            word = match.group(0)
            fixed = self.correct(word.lower())
            if fixed:
                corrections.append((word, fixed))
                return fixed
            lower = word.lower()
            if lower not in self.vocabulary and len(word) >= 3 and word.isalpha() and not self.inflects(lower):
                unknown.append(lower)
            return word

        corrected = re.sub(r"[A-Za-z0-9]+", fix, cleaned)
        expansions = tuple(self.synonyms.expansions(corrected, self.in_corpus))
        return Query(text, cleaned, corrected, expansions, tuple(corrections), tuple(unknown))

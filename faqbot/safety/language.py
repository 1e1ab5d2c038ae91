"""Is a message written in a language the documents are not in? Then it gets the clinic's contact and the
emergency number rather than passages matched on a few look-alike words.

English documents are assumed (the encoder is English): a message is another language's when most of its longer
words are neither common English nor the documents' own words nor a misspelling of one, or when most of its
letters are outside the Latin alphabet (Arabic, Chinese, Cyrillic ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from faqbot.english import is_common_english

_WORD = re.compile(r"[^\W\d_]+")
MIN_LETTERS = 4  # shorter words are too often shared between languages ("no", "me", "a")
MIN_WORDS = 2  # of MIN_LETTERS+ letters: one unknown word is a typo or a brand name
UNKNOWN_SHARE = 0.6


def other_language(text: str, known: Callable[[str], bool]) -> bool:
    """True when `text` reads as another language. `known(word)`: the documents use the word or a close spelling."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    if sum(1 for ch in letters if not ("a" <= ch.lower() <= "z") and not _latin(ch)) * 2 > len(letters):
        return True
    long_words = [w for w in _WORD.findall(text.lower()) if len(w) >= MIN_LETTERS]
    if len(long_words) < MIN_WORDS:
        return False
    foreign = [w for w in long_words if not (w.isascii() and (is_common_english(w) or known(w)))]
    return len(foreign) >= UNKNOWN_SHARE * len(long_words)


def _latin(ch: str) -> bool:
    """Accented Latin letters (é, ñ, ç, ư): Spanish or Vietnamese are told apart by their words instead."""
    return "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"

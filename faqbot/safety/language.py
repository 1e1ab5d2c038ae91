"""Is a message written in a language the documents are not in? Then it gets the clinic's contact and the
emergency number rather than passages matched on a few look-alike words.

English documents are assumed (the encoder is English): a message is another language's when most of its longer
words are neither common English nor the documents' own words nor a misspelling of one and it has next to no English
function words ("what is myasthenia gravis?" is English), when most of its letters are outside the Latin alphabet
(Arabic, Chinese, Cyrillic ...), or when it is written with Vietnamese letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from faqbot.answering.english import is_common_english

_WORD = re.compile(r"[^\W\d_]+")
MIN_LETTERS = 4  # shorter words are too often shared between languages ("no", "me", "a")
MIN_WORDS = 3  # of MIN_LETTERS+ letters: two unknown words can be a typo and a medical term ("trigem neuralgia")
UNKNOWN_SHARE = 0.5
# Short words only English has: not "a", "i", "no", "me", "he", "am", "an", "in", "do", "to", "on", "so", also
# words of Spanish, Italian, German, Portuguese, French or Polish.
_ENGLISH_ONLY = (
    "the is it are was were been im my mine you your its of and for with can does did how what whats why when where "
    "which who have has had this that these those not or if at after before will would should could we our hes she "
    "shes his her they their there then than but get got from about just also any some much many very please thanks "
    "thank hi hello"
)
ENGLISH_FUNCTION_WORDS = frozenset(_ENGLISH_ONLY.split())


def other_language(text: str, known: Callable[[str], bool]) -> bool:
    """True when `text` reads as another language. `known(word)`: the documents use the word or a close spelling."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    if sum(1 for ch in letters if not ("a" <= ch.lower() <= "z") and not _latin(ch)) * 2 > len(letters):
        return True
    if any("\u1ea0" <= ch <= "\u1ef9" or ch in "ơưđƠƯĐ" for ch in letters):  # Vietnamese
        return True
    words = _WORD.findall(text.lower().replace("'", ""))
    english = sum(w in ENGLISH_FUNCTION_WORDS for w in words)
    long_words = [w for w in words if len(w) >= MIN_LETTERS]
    if len(long_words) < MIN_WORDS or english > len(words) // 12:
        return False
    foreign = [w for w in long_words if not (w.isascii() and (is_common_english(w) or known(w)))]
    return len(foreign) >= UNKNOWN_SHARE * len(long_words)


def _latin(ch: str) -> bool:
    """Accented Latin letters (é, ñ, ç, ư): Spanish or Vietnamese are told apart by their words instead."""
    return "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"

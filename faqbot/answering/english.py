"""Common English words, for the spelling corrector: a word this common is meant as typed ("wine" is not "fine");
and everyday words, which never name what a question is about ("please", "toilet" and "worried" are everyday;
"achalasia", "glaucoma" and "moisturiser" are not).

The lists are wordfreq's English words of 4+ ASCII letters with a Zipf frequency >= 2.5 (about 0.3 per million
words), and of 3+ letters with a Zipf frequency >= 4 (10 per million), frozen into `data/english_words.txt` and
`data/everyday_words.txt` so answering never loads wordfreq (importing it and reading its frequency table took
~0.6-1.2 s of the first answer after a start). Regenerate after upgrading wordfreq::

    python -m faqbot.answering.english
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

from rapidfuzz.distance import OSA
from rapidfuzz.process import extractOne

ENGLISH_WORD_ZIPF = 2.5
MIN_LETTERS = 4  # the corrector leaves shorter words alone
WORDS_FILE = Path(__file__).parent.parent / "data" / "english_words.txt"
EVERYDAY_ZIPF = 4.0
EVERYDAY_MIN_LETTERS = 3  # the words a question has that the documents lack are counted from 3 letters
EVERYDAY_FILE = Path(__file__).parent.parent / "data" / "everyday_words.txt"


@cache
def common_words(path: Path = WORDS_FILE) -> frozenset[str]:
    """The frozen list: one word per line, lines starting with # are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_common_english(word: str) -> bool:
    """True for a lower-case word of 4+ ASCII letters that is common in English."""
    return word in common_words()


def is_everyday(word: str) -> bool:
    """True for a lower-case word of 3+ ASCII letters that is everyday English (Zipf frequency >= 4)."""
    return word in common_words(EVERYDAY_FILE)


def everyday_within_one_edit(word: str) -> bool:
    """Whether an everyday word is one edit from `word` ("agen" of "again"): a sound-alike further away is not what
    was meant ("agen" is not "agony")."""
    return extractOne(word, _everyday_list(), scorer=OSA.distance, score_cutoff=1) is not None


@cache
def _everyday_list() -> tuple[str, ...]:
    return tuple(common_words(EVERYDAY_FILE))


def from_wordfreq(min_letters: int = MIN_LETTERS, zipf: float = ENGLISH_WORD_ZIPF) -> list[str]:
    """A list as wordfreq gives it today (what `common_words` must equal)."""
    from wordfreq import get_frequency_dict

    return sorted(
        word for word, frequency in get_frequency_dict("en").items()
        if len(word) >= min_letters and word.isascii() and word.isalpha()
        and round(math.log10(frequency) + 9, 2) >= zipf  # wordfreq.zipf_frequency's own rounding
    )


def main() -> None:
    from importlib.metadata import version

    for path, letters, zipf in ((WORDS_FILE, MIN_LETTERS, ENGLISH_WORD_ZIPF),
                                (EVERYDAY_FILE, EVERYDAY_MIN_LETTERS, EVERYDAY_ZIPF)):
        words = from_wordfreq(letters, zipf)
        header = (f"# English words of {letters}+ ASCII letters with Zipf frequency >= {zipf}, from "
                  f"wordfreq {version('wordfreq')} (Apache-2.0 code; data CC-BY-SA 4.0).\n"
                  "# Made by: python -m faqbot.answering.english\n")
        path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
        print(f"wrote {len(words)} words to {path}")


if __name__ == "__main__":
    main()

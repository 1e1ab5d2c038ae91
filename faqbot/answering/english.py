"""Common English words, for the spelling corrector: a word this common is meant as typed ("wine" is not "fine").

The list is wordfreq's English words of 4+ ASCII letters with a Zipf frequency >= 2.5 (about 0.3 per million
words), frozen into `data/english_words.txt` so answering never loads wordfreq (importing it and reading its
frequency table took ~0.6-1.2 s of the first answer after a start). Regenerate after upgrading wordfreq::

    python -m faqbot.answering.english
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

ENGLISH_WORD_ZIPF = 2.5
MIN_LETTERS = 4  # the corrector leaves shorter words alone
WORDS_FILE = Path(__file__).parent.parent / "data" / "english_words.txt"


@cache
def common_words(path: Path = WORDS_FILE) -> frozenset[str]:
    """The frozen list: one word per line, lines starting with # are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_common_english(word: str) -> bool:
    """True for a lower-case word of 4+ ASCII letters that is common in English."""
    return word in common_words()


def from_wordfreq() -> list[str]:
    """The list as wordfreq gives it today (what `common_words` must equal)."""
    from wordfreq import get_frequency_dict

    return sorted(
        word for word, frequency in get_frequency_dict("en").items()
        if len(word) >= MIN_LETTERS and word.isascii() and word.isalpha()
        and round(math.log10(frequency) + 9, 2) >= ENGLISH_WORD_ZIPF  # wordfreq.zipf_frequency's own rounding
    )


def main() -> None:
    from importlib.metadata import version

    words = from_wordfreq()
    header = (f"# English words of {MIN_LETTERS}+ ASCII letters with Zipf frequency >= {ENGLISH_WORD_ZIPF}, from "
              f"wordfreq {version('wordfreq')} (Apache-2.0 code; data CC-BY-SA 4.0).\n"
              "# Made by: python -m faqbot.answering.english\n")
    WORDS_FILE.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {WORDS_FILE}")


if __name__ == "__main__":
    main()

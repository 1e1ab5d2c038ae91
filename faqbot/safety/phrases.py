"""Crises and emergencies said in languages the English rules don't read, from a phrase file
(`faqbot/data/urgent_phrases.toml`: Chinese, Vietnamese, Tagalog, Korean, Japanese, Arabic, Russian, Ukrainian,
Polish, Turkish, Hindi, Urdu, Bengali, Punjabi, Persian, Haitian Creole, Romanian, Greek, Dutch, Swahili).

A patient who writes "babam aniden bayıldı, nefes almıyor" must be told to call emergency services, not shown the
clinic's other-language message alone. The English reading (negation, general questions, what-ifs) doesn't apply to
these languages: a phrase is a sign wherever it stands, so the file holds only phrases that no ordinary question
holds ("has had a stroke", not "stroke").

Usage::

    book = PhraseBook.load(PHRASES)
    book.find("我不想活了")   # -> ("crisis", "Chinese (Simplified)")
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from faqbot.errors import SettingsError
from faqbot.models import Escalation

PHRASES = Path(__file__).resolve().parent.parent / "data" / "urgent_phrases.toml"
KINDS = (Escalation.CRISIS, Escalation.EMERGENCY)  # a message with both is a crisis
# Romanian's old cedilla letters and the comma ones are different code points that NFC doesn't merge; Python lowers
# Turkish "İ" to "i" and a combining dot.
_FOLD = str.maketrans({"ş": "ș", "ţ": "ț", "\u0307": None})


def fold(text: str) -> str:
    """The text as phrases are matched: NFC, lower case, one Romanian spelling, no stray combining dot."""
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD)


@dataclass(frozen=True)
class Found:
    escalation: Escalation
    language: str
    phrase: str


@dataclass(frozen=True)
class PhraseBook:
    # per kind: (language, one regex of its phrases), in file order
    patterns: dict[Escalation, tuple[tuple[str, re.Pattern[str]], ...]]

    @classmethod
    def load(cls, path: Path = PHRASES) -> PhraseBook:
        """Raises SettingsError naming the file, the language and the fix when the file is not a phrase file."""
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"The urgent phrase file {path} can't be read ({exc}); restore it from the release") \
                from None
        patterns: dict[Escalation, list[tuple[str, re.Pattern[str]]]] = {kind: [] for kind in KINDS}
        for entry in table.get("language", []):
            name = str(entry.get("name", "?"))
            for kind in KINDS:
                phrases = entry.get(kind.value, [])
                if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
                    raise SettingsError(f"Urgent phrase file {path}: {name}'s {kind.value} phrases must be a list of "
                                        "non-empty strings; fix them")
                if phrases:
                    start = r"(?<!\w)" if entry.get("spaces", True) else ""
                    alternatives = "|".join(re.escape(fold(p.strip())) for p in sorted(phrases, key=len, reverse=True))
                    patterns[kind].append((name, re.compile(f"{start}(?:{alternatives})")))
        return cls({kind: tuple(found) for kind, found in patterns.items()})

    @staticmethod
    @cache
    def shipped() -> PhraseBook:
        """The product's phrase file, read once per process."""
        return PhraseBook.load(PHRASES)

    def find(self, message: str) -> Found | None:
        """The first crisis phrase in the message, else the first emergency phrase, else None."""
        text = fold(message)
        for kind in KINDS:
            for language, pattern in self.patterns[kind]:
                if m := pattern.search(text):
                    return Found(kind, language, m.group(0))
        return None

"""Warning signs as data, and how a message is read for them.

A `SignBook` is a list of named signs, each strong (enough alone), mild (needs a second mild sign) or compared
("hurts more": only when placed in time), written as plain phrases or regular expressions. The clinic's own book
is a TOML file (setting `warning_signs`; format in docs/warning-signs.md); the emergency and crisis books are the
product's own (emergency.py, crisis.py). `read` applies the shared reading (reading.py) to any book.

Usage::

    book = SignBook.load(Path("clinics/example-skin/warning_signs.toml"))
    found = read(book, "there's pus on my cheek since yesterday")   # found.urgent, found.signals
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from faqbot.errors import SettingsError
from faqbot.models import Escalation
from faqbot.safety import reading
from faqbot.safety.reading import Reading, Sign, compile_sign

Strength = Literal["strong", "mild", "compared", "literal"]
# literal: strong, and matched as written, without the English reading (negation, questions, past): for phrases in
# another language ("me duele el pecho": "no" is Spanish there, and Spanish messages are not read for tense)
STRENGTHS: tuple[Strength, ...] = ("strong", "mild", "compared", "literal")


@dataclass(frozen=True)
class WarningSign:
    name: str
    strength: Strength
    softens: bool  # "a bit", "slightly" before it makes it usual ("a bit swollen")
    sign: Sign


@dataclass(frozen=True)
class UrgentCheck:
    urgent: bool
    signals: tuple[str, ...]  # the warning signs found
    explanation: str
    # The message plainly describes something happening to the writer now (personal or timed; no sign named and
    # read as negated or softened, nothing hedged, settling, asked about, asked as a what-if or told of the past):
    # where a sign in the patient's own words may be that no pattern names. warning_model.py asks only then.
    describes_now: bool = False
    escalation: Escalation | None = None  # which kind, when urgent


def phrase_pattern(phrase: str) -> str:
    """A plain phrase as a regex: whole words, any spacing; a trailing "*" on a word allows any ending."""
    parts = []
    for word in phrase.lower().split():
        stem = word.rstrip("*")
        parts.append(re.escape(stem) + (r"\w*" if word.endswith("*") else ""))
    return r"\b" + r"\s+".join(parts) + r"\b"


@dataclass(frozen=True)
class SignBook:
    signs: tuple[WarningSign, ...]
    reading: Reading
    spelling: tuple[str, ...]  # words the signs are written in, for reading misspellings ("blury")
    escalation: Escalation = Escalation.CLINIC
    origin: str = ""
    digest: str = ""  # of what the book was made from: a cache key for what was learned with it

    @classmethod
    def load(cls, path: Path) -> SignBook:
        if not path.is_file():
            raise SettingsError(f"Warning signs file {path} does not exist (set warning_signs to a TOML file like "
                                "clinics/example-dental/warning_signs.toml, or create it)")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"Warning signs file {path} is not valid TOML ({exc}); fix it") from None
        return cls.from_table(data, str(path))

    @classmethod
    def from_table(cls, data: Mapping[str, Any], origin: str,
                   escalation: Escalation = Escalation.CLINIC) -> SignBook:
        """A book from parsed TOML (or the same shape in code); SettingsError says what is wrong and where."""
        extra = set(data) - {"reading", "sign"}
        if extra:
            raise SettingsError(f"{origin}: unknown table(s) {', '.join(sorted(extra))}; use [reading] and [[sign]]")
        words = data.get("reading", {})
        try:
            book_reading = Reading(tuple(words.get("treatments", Reading.treatments)),
                                   tuple(words.get("usual_like", ())))
        except (TypeError, re.error) as exc:
            raise SettingsError(f"{origin}: [reading] must hold lists of phrases ({exc})") from None
        signs = tuple(_sign(entry, f"{origin}, sign {n}") for n, entry in enumerate(data.get("sign", []), 1))
        spelling = tuple(str(words.get("spelling", "")).split())
        spelling += tuple(w for s in data.get("sign", []) for phrase in s.get("words", ()) for w in phrase.split()
                          if w.isalpha())
        digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]
        return cls(signs, book_reading, spelling, escalation, origin, digest)


def _sign(entry: Any, where: str) -> WarningSign:
    if not isinstance(entry, dict):
        raise SettingsError(f"{where}: each [[sign]] is a table with name, strength, words and/or patterns")
    name, strength = entry.get("name"), entry.get("strength", "strong")
    unknown = set(entry) - {"name", "strength", "softens", "words", "patterns"}
    if unknown:
        raise SettingsError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if not isinstance(name, str) or not name.strip():
        raise SettingsError(f"{where}: needs a name (what staff see when it fires)")
    if strength not in STRENGTHS:
        raise SettingsError(f"{where} ({name}): strength must be one of {', '.join(STRENGTHS)}, got {strength!r}")
    phrases, patterns = entry.get("words", []), entry.get("patterns", [])
    if not all(isinstance(p, str) and p.strip() for p in [*phrases, *patterns]) or not (phrases or patterns):
        raise SettingsError(f"{where} ({name}): words and patterns must be lists of non-empty strings, at least one")
    regexes = [phrase_pattern(p) for p in phrases] + list(patterns)
    try:
        return WarningSign(name, strength, bool(entry.get("softens", False)), compile_sign(regexes))
    except re.error as exc:
        bad = next(p for p in patterns if _invalid(p))
        raise SettingsError(f"{where} ({name}): pattern {bad!r} is not a valid regular expression ({exc})") from None


def _invalid(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return True
    return False


def read(book: SignBook, text: str) -> UrgentCheck:
    """Which of the book's signs a message (lower case, spelling read) describes. A strong sign is enough; mild
    ones need company; each sentence's signs count only when described as happening now (reading.py)."""
    r = book.reading
    # "... and is fine now" is over, and "i've had epilepsy since i was 5" is history: neither describes anything now
    sentences = reading.SENTENCE_END.split(text)
    describing = any(reading.DESCRIBING.search(reading.RESOLVED.sub("", s))
                     for s in sentences
                     if not reading.LONG_AGO.search(s) or reading.NOW.search(reading.LONG_AGO.sub("", s)))
    before_treatment = bool(r.before_treatment.search(text) or reading.NOT_HAPPENING.search(text))
    settling = bool(reading.SETTLING.search(text)) and not reading.WORSENING.search(text)
    in_time = bool(reading.IN_TIME.search(text))
    jest = reading.jesting(text)
    strong: list[str] = []
    weak: list[str] = []
    asked: list[str] = []
    general = False
    dismissed: set[str] = set()  # named, but read as negated or softened ("not so much pain")
    signs = [s for s in book.signs if s.strength != "compared" or in_time]
    for s in signs:
        if s.strength == "literal" and any(pattern.search(text) for pattern, _ in s.sign):
            strong.append(s.name)
    signs = [s for s in signs if s.strength != "literal"]
    for sentence in sentences:  # a what-if sentence doesn't hide a sign described in the next
        # "what is a thunderclap headache? my neurologist mentioned it": a sign asked about is not one described
        asked_about = reading.GENERAL.search(sentence) or (reading.DEFINITION.search(sentence)
                                                           and not reading.PERSONAL.search(sentence))
        general = general or bool(asked_about and not reading.DESCRIBING.search(sentence))
        long_ago = reading.LONG_AGO.search(sentence)
        ahead = before_treatment or bool(reading.AHEAD.search(sentence))  # "... next week?" asks before a visit
        for part in reading.CLAUSE.split(sentence) if long_ago else (sentence,):
            found = []
            for s in signs:
                if settling and s.softens:
                    continue
                if (present := reading.present(s.sign, part, s.softens, r)) is False:
                    dismissed.add(s.name)
                elif present:
                    found.append((s.name, s.strength != "mild"))
            # "last year i had a panic attack, couldn't catch my breath": each clause of a long-ago sentence is
            # told of then, unless it says now ("i had hives as a kid and my lips are swelling up")
            if found and long_ago and not (reading.NOW.search(part) or reading.DESCRIBING.search(part)
                                           or (reading.PRESENT.search(part) and not reading.LONG_AGO.search(part))):
                asked.append("told of an earlier time, not described as happening now")
                continue
            if found and (why := reading.asked(part, ahead, describing, r, jest)):
                asked.append(why)
                continue
            for name, is_strong in found:
                group = strong if is_strong else weak
                if name not in group:
                    group.append(name)
    signals = (*strong, *[w for w in weak if w not in strong])
    # a sign named but read as negated or softened is the rules' call too (settling ones: `settling` below)
    now = (not (asked or dismissed - set(signals) or settling or general or before_treatment
                or reading.AHEAD.search(text))
           and bool(reading.DESCRIBING.search(text) or reading.PERSONAL.search(text))
           and not (reading.HYPOTHETICAL.search(text) or reading.PAST.search(text) or reading.HEDGED.search(text)))
    if not signals:
        return UrgentCheck(False, (), asked[0] if asked else "no warning sign mentioned", now)
    if strong or len(weak) >= 2:
        return UrgentCheck(True, signals, "warning sign described: " + ", ".join(signals), now, book.escalation)
    return UrgentCheck(False, signals, "a single mild sign, usual during healing", now)

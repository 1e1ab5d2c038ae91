"""Urgent-symptom detection: does a question describe warning signs after a treatment?

Rules, not a model: each signal is a named pattern so staff can see which one fired. A strong sign
(pus, fever, trouble breathing...) is enough on its own; weak ones (heat, swelling, feeling unwell) need
company. Signs that are negated ("no fever") or asked about in general ("what are the risks of
infection?") don't count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STRONG: dict[str, tuple[str, ...]] = {
    "pus or discharge": (
        r"\bpus\b", r"\bpussy\b", r"yellow (?:crust|stuff|fluid|discharge)", r"green (?:fluid|discharge|stuff)",
        r"\b(?:oozing|leaking|weeping) (?:yellow|green|pus|fluid|stuff)",
    ),
    "fever or chills": (
        r"\bfeverish\b", r"\bfever\b", r"\bchills\b", r"\bshiver(?:y|ing)\b", r"\btemp(?:e|u)?rature\b",
        r"\b3[89](?:\.\d)? ?(?:c|°)",
    ),
    "spreading or worsening redness": (
        r"\bred (?:streaks?|lines?)\b", r"\bstreaks?\b",
        r"(?:redness|red|rash)\b[^.?!]{0,60}"
        r"\b(?:spread(?:s|ing)?|getting (?:worse|bigger|larger)|worse again|growing)\b",
        r"\bspreading\b[^.?!]{0,20}\b(?:redness|red)\b",
    ),
    "severe or worsening pain": (
        r"\b(?:severe|extreme|excruciating|unbearable|intense|terrible|awful) (?:pain|burning)\b",
        r"\bpain\b[^.?!]{0,30}\b(?:getting|got|is) worse\b", r"\b(?:worse|worsening) pain\b",
        r"\bpain ?killers? (?:not|aren't|don't)\b", r"\b(?:9|10)/10\b", r"\bthrobbing\b",
        r"\b(?:very much|so much|a lot of|really bad|so bad) pain\b", r"\bpain\b[^.?!]{0,10}\b(?:so bad|unbearable)\b",
    ),
    "bleeding that won't stop": (
        r"\bbleed(?:ing)?\b[^.?!]{0,30}\b(?:won'?t|wont|doesn'?t|does not|can'?t|cannot|not) (?:stop|stopping)\b",
        r"\b(?:keeps?|still|non-?stop) bleeding\b", r"\bwon'?t stop bleeding\b",
    ),
    "blistering": (r"\bblister(?:s|ing|ed)?\b", r"\b(?:water|fluid|liquid)[- ]?(?:bubbles?|filled bumps?)\b"),
    "allergic swelling": (
        r"\b(?:lips?|tongue|throat|mouth|eyelids?)\b[^.?!]{0,30}\b(?:swell|swelling|swollen|puff)",
        r"\bswollen (?:lips?|tongue|throat)", r"\bthroat\b[^.?!]{0,20}\b(?:tight|closing)", r"\bswallow",
    ),
    "hives": (r"\bhives\b", r"\bwelts\b"),
    "trouble breathing": (
        r"\b(?:trouble|difficulty|hard|struggling|can'?t|cannot) (?:to )?breath(?:e|ing)?\b",
        r"\bshort(?:ness)? of breath\b", r"\bwheez",
    ),
    "changes in vision": (
        r"\bvision\b", r"\bblurr(?:y|ed)\b", r"\bcan'?t see\b", r"\bflashes\b", r"\bspots in my eyes?\b",
        r"\beyes?\b[^.?!]{0,20}\b(?:swollen shut|(?:is|are) closing|closed up)\b",
    ),
}
WEAK: dict[str, tuple[str, ...]] = {
    "heat": (r"\bhot to the touch\b", r"\b(?:really|very|so|burning) hot\b", r"\bwarm to the touch\b",
             r"\b(?:feels?|is|are) hot\b"),
    "getting worse": (r"\bgetting worse\b", r"\bworse (?:not|instead of) better\b", r"\b(?:really|so much) hurts?\b"),
    "swelling": (r"\bswell(?:ing)?\b[^.?!]{0,30}\b(?:worse|bigger|spreading|so bad)\b", r"\bpuffing up\b",
                 r"\bswollen\b"),
    "feeling unwell": (r"\b(?:feel|feeling) (?:sick|ill|unwell|awful|terrible)\b", r"\bnause"),
    "bad smell": (r"\bsmell(?:s|y)? (?:bad|awful|foul)\b", r"\bfoul\b"),
    "lump": (r"\blump\b", r"\babscess\b", r"\bboil\b"),
    "fluid": (r"\boozing\b", r"\bleaking\b", r"\bweeping\b"),
}
_SOFTENER = re.compile(r"\b(?:a bit|a little|slightly|kinda|kind of|mildly|mild|little bit)\s+(?:\w+\s+)?$")
_NEGATION = re.compile(
    r"\b(?:no|not|without|never|none|nor|free of|isn't|aren't|don't|doesn't|didn't|haven't|hasn't|no sign of)"
    r"\b[^.,;!?]{0,25}$"
)
_GENERAL = re.compile(
    r"^(?:what|which|how|is|are|can|could|does|do|will|would|should)\b[^.?!]*\b(?:risks?|chances?|side effects?|"
    r"cause|causes|possible|happen|signs?|symptoms?|likely|get an?)\b"
)
_PERSONAL = re.compile(
    r"\b(?:i|i'm|im|i've|ive|my|me|mine|we|our|she|he|her|his|they're)\b|\b(?:now|since|today|yesterday|"
    r"this morning|tonight|last night|days? ago|hours? ago|day \d)\b"
)
_STRONG = {name: re.compile("|".join(patterns)) for name, patterns in STRONG.items()}
_WEAK = {name: re.compile("|".join(patterns)) for name, patterns in WEAK.items()}


@dataclass(frozen=True)
class UrgentCheck:
    urgent: bool
    signals: tuple[str, ...]  # the warning signs found
    explanation: str


def _present(pattern: re.Pattern[str], text: str) -> bool:
    """The pattern occurs at least once neither negated nor softened ('no fever', 'a bit hot')."""
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if not _NEGATION.search(before) and not _SOFTENER.search(before):
            return True
    return False


def check(question: str) -> UrgentCheck:
    """Which warning signs, if any, a question describes."""
    text = " ".join(question.lower().replace("\u2019", "'").split())
    strong = tuple(name for name, p in _STRONG.items() if _present(p, text))
    weak = tuple(name for name, p in _WEAK.items() if _present(p, text))
    signals = strong + weak
    if not signals:
        return UrgentCheck(False, (), "no warning sign mentioned")
    if _GENERAL.search(text) and not _PERSONAL.search(text):
        return UrgentCheck(False, signals, "asked in general, not described as happening")
    if strong or len(weak) >= 2:
        return UrgentCheck(True, signals, "warning sign described: " + ", ".join(signals))
    return UrgentCheck(False, signals, "a single mild sign, usual during healing")

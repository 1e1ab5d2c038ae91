"""Urgent-symptom detection: does a question describe warning signs after a treatment?

Rules, not a model: each signal is a named pattern so staff can see which one fired. A strong sign
(pus, fever, trouble breathing...) is enough on its own; weak ones (heat, swelling, feeling unwell) need
company. Signs that are negated ("no fever"), asked about in general ("what are the risks of infection?") or as a
what-if ("what should I do if I ever get a fever?") don't count; a softener ("a bit swollen") makes a mild sign
usual healing, but not pus or a vision change. Misspelled sign words ("blury", "bleding") are read as meant.
The patterns were written from, and are checked against, the urgent and normal-healing questions of
eval/questions_dev.jsonl (README, "Quality").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from faqbot.query import QueryAnalyzer, Synonyms

_COLOURED = r"(?:yellow|yellowish|green|greenish|cloudy|milky|white|creamy)"
_STUFF = r"(?:gunk|goo|gunge|gloop|muck|stuff|fluid|liquid|discharge|crusts?|ooze|oozing|matter)"
_BODY = r"(?:lips?|tongue|throat|mouth|eyelids?|eyes?|face)"
_WONT_STOP = r"(?:won'?t|wont|doesn'?t|does not|can'?t|cant|cannot|not|isn'?t|hasn'?t) (?:\w+ ){0,3}stop(?:ping|ped)?\b"

STRONG: dict[str, tuple[str, ...]] = {
    "pus or discharge": (
        r"\bpus\b", r"\bpussy\b", r"\bdischarge\b", r"\bhoney[- ]colou?r(?:ed)?\b",
        rf"\b{_COLOURED}\b[^.?!]{{0,25}}\b{_STUFF}\b",
        r"\b(?:oozing|leaking|weeping) (?:yellow|green|pus|fluid|stuff)",
    ),
    "fever or chills": (
        r"\bfeverish\b", r"\bfever\b", r"\bchills\b", r"\bshiver(?:y|ing|s)\b",
        r"\b(?:a|high|running|my|her|his) (?:high |raised )?temp(?:erature)?\b",  # not the water's temperature
        r"\btemp(?:erature)?\b[^.?!]{0,15}\b(?:3[89]|4[01]|10[0-4])\b",
        r"\b3[89](?:\.\d)? ?(?:c|°)", r"\brigou?rs\b", r"\bcold sweats?\b", r"\bhot and cold\b",
        r"\b(?:freezing|shaking|shaky|shivering)\b[^.?!]{0,30}\b(?:cold|sweat\w*)\b",
    ),
    "spreading or worsening redness": (
        r"\bred (?:streaks?|lines?)\b", r"\bstreaks?\b",
        r"(?:redness|red|rash)\b[^.?!]{0,60}"
        r"\b(?:spread(?:s|ing)?|getting (?:worse|bigger|larger)|worse again|growing|moving|moved|travell?ing)\b",
        r"\bspreading\b[^.?!]{0,20}\b(?:redness|red)\b",
    ),
    "severe or worsening pain": (
        r"\b(?:severe|extreme|excruciating|unbearable|intense|terrible|awful|horrible|crazy) (?:pain|burning)\b",
        r"\b(?:pain|sore|soreness|hurts?|hurting|aching|ache)\b[^.?!]{0,40}\b(?:getting|got|gotten|is|gets|"
        r"keeps getting) (?:much |a lot |way |even |so much )?worse\b",
        r"\b(?:worse|worsening) pain\b", r"\bworse every\b", r"\bhurts? (?:way |a lot |much |so much |even )?more\b",
        r"\bmore (?:painful|sore)\b", r"\bpain ?killers? (?:not|aren't|don't)\b", r"\b(?:9|10)/10\b",
        r"\bthrobbing\b", r"\bpounding\b", r"\bagon(?:y|i[sz]ing)\b",
        r"\b(?:very much|so much|a lot of|really bad|so bad) pain\b", r"\bpain\b[^.?!]{0,10}\b(?:so bad|unbearable)\b",
    ),
    "bleeding that won't stop": (
        rf"\b(?:bleed(?:ing|s)?|blood)\b[^.?!]{{0,80}}\b{_WONT_STOP}",
        r"\b(?:keeps?|still|non-? ?stop) (?:bleeding|dripping blood)\b", r"\bwon'?t stop bleeding\b",
        r"\bbleed(?:ing)?\b[^.?!]{0,20}\bnon-? ?stop\b",
        r"\bblood (?:keeps?|is still) (?:coming|dripping|running|pouring)", r"\b(?:bleeding|bled) through\b",
        r"\b(?:bleed\w*|blood)\b[^.?!]{0,80}\b(?:running|dripping|pouring|streaming) down\b",
        r"\b(?:can'?t|cant|cannot) (?:\w+ )?stop (?:the |it |her |my )?bleed",
    ),
    "blistering": (
        r"\bblister(?:s|ing|ed)?\b", r"\b(?:water|fluid|liquid)[- ]?(?:filled )?(?:bubbles?|bumps?|sacs?|pockets?)\b",
        r"\b(?:bubbles?|sacs?|pockets?|bumps?) (?:of|with|full of|filled with) (?:clear )?(?:fluid|liquid|water)\b",
    ),
    "allergic swelling": (
        r"\b(?:lips?|tongue|throat|mouth|eyelids?)\b[^.?!]{0,30}\b(?:swell|swelling|swollen|puff)",
        r"\bswollen (?:lips?|tongue|throat)", r"\bthroat\b[^.?!]{0,20}\b(?:tight|closing)", r"\bswallow",
        rf"\b{_BODY}\b[^.?!]{{0,30}}\b(?:blown up|blew up|ballooned|twice (?:the|its|their|as big)|massive)\b",
        r"\beyes?\b[^.?!]{0,30}\b(?:swollen|swelling|swelled|puffed|puffy)\b[^.?!]{0,12}\bshut\b",
        r"\beyes?\b[^.?!]{0,50}\b(?:can'?t|cant|cannot|won'?t) (?:\w+ )?open\b",
        r"\b(?:can'?t|cant|cannot) open (?:my |her |his |one |either |both )?eyes?\b",
        r"\ballergic reaction\b", r"\banaphyla", r"\bhoarse\b",
        r"\bvoice\b[^.?!]{0,20}\b(?:hoarse|croaky|raspy|gone funny|sounds? (?:weird|funny|strange))",
    ),
    "hives": (r"\bhives\b", r"\bwelts\b", r"\bblotch(?:es|y)\b[^.?!]{0,25}\b(?:everywhere|all over)\b",
              r"\b(?:come|coming|came|broke|broken) out in\b[^.?!]{0,30}\b(?:blotches|lumps|bumps|rash|welts)\b"),
    "trouble breathing": (
        r"\b(?:trouble|difficulty|hard|struggling|can'?t|cant|cannot) (?:to )?breath(?:e|ing)?\b",
        r"\bshort(?:ness)? of breath\b", r"\bwheez", r"\bcatch(?:ing)? (?:my|her|his|their) breath\b",
        r"\bbreathless\b", r"\bbreathing (?:is|feels|got|getting|has got) (?:\w+ )?(?:hard|difficult|tight|harder)\b",
    ),
    "changes in vision": (
        r"\bvision\b", r"\bblurr(?:y|ed)\b", r"\bcan'?t see\b", r"\bflashes\b", r"\bspots in my eyes?\b",
        r"\beyes?\b[^.?!]{0,20}\b(?:swollen shut|(?:is|are) closing|closed up)\b",
        r"\bsee(?:ing)? (?:spots|dots|stars|flashes|double|things)\b", r"\bdouble vision\b", r"\bfloaters\b",
        r"\b(?:spots|dots|specks)\b[^.?!]{0,30}\b(?:floating|in my (?:eye|sight))",
        r"\b(?:fuzzy|hazy|foggy|cloudy|dim)\b[^.?!]{0,30}\beyes?\b", r"\beyes?\b[^.?!]{0,30}\b(?:fuzzy|hazy|foggy)\b",
        r"\beverything (?:looks|is|seems) (?:\w+ )?(?:fuzzy|hazy|foggy|blurry|blurred|dim)\b",
        r"\bsight\b[^.?!]{0,20}\b(?:gone|going|blurry|fuzzy|worse|funny|weird|lost|strange)\b",
    ),
    "eye pain": (
        r"\beyes?\b (?:\w+ ){0,2}(?:hurts?|hurting|is painful|are painful|aches?|aching)\b",
        r"\beyes?\b[^.?!]{0,30}\b(?:really|very|so|extremely) painful\b", r"\bpain in (?:my|her|his|the) eyes?\b",
        r"\bhurts? to look at (?:the )?light\b", r"\b(?:sensitive to|can'?t stand the) (?:bright )?light\b",
    ),
    "bad smell": (r"\bsmell(?:s|y|ing|ed)? (?:\w+ ){0,2}"
                  r"(?:bad|awful|foul|rotten|off|gross|horrible|disgusting|funny)\b",
                  r"\bfoul\b", r"\bstinks?\b", r"\bstinking\b", r"\brotten\b"),
}
WEAK: dict[str, tuple[str, ...]] = {
    "heat": (r"\bhot to the touch\b", r"\b(?:really|very|so|burning) hot\b", r"\bwarm to the touch\b",
             r"\b(?:feels?|is|are) hot\b"),
    "getting worse": (r"\bgetting (?:worse|bigger)\b", r"\b(?:growing|grows)\b", r"\bworse (?:not|instead of) better\b",
                      r"\b(?:really|so much) hurts?\b", r"\blooks? angry\b"),
    "swelling": (r"\bswell(?:ing)?\b[^.?!]{0,30}\b(?:worse|bigger|spreading|so bad)\b", r"\bpuffing up\b",
                 r"\bswollen\b", r"\bswelled up\b", r"\bpuff(?:y|ed up)\b"),
    "feeling unwell": (r"\b(?:feel|feeling) (?:sick|ill|unwell|awful|terrible)\b", r"\bnause", r"\bsweating\b"),
    "faint or dizzy": (r"\b(?:feel(?:s|ing)?|felt|going|went) (?:\w+ )?(?:faint|dizzy|light-?headed|woozy)\b",
                       r"\bdizzy\b", r"\bfainted\b", r"\bpass(?:ed|ing) out\b"),
    "lump": (r"\blump\b", r"\babscess\b", r"\bboil\b"),
    "fluid": (r"\boozing\b", r"\bleaking\b", r"\bweeping\b", r"\bcrusty\b"),
}
# Words the signs are written in: a misspelling of one ("blury", "bleding", "streeks") is read as it, unless it is
# itself a common English word (query.QueryAnalyzer's corrector, over this vocabulary instead of the documents').
LEXICON = """pus discharge yellowish greenish cloudy honey coloured colored gunk ooze oozing leaking weeping crusty
fever feverish chills shivery shivering shivers temperature rigors sweats sweating freezing streaks redness spreading
spread growing moving travelling traveling severe extreme excruciating unbearable intense terrible awful horrible
worse worsening painkillers throbbing pounding agony agonising agonizing bleeding bleeds blood dripping stopping
blister blisters blistering blistered bubbles fluid liquid swelling swollen swell lips tongue throat mouth eyelids
eyelid swallow swallowing ballooned allergic reaction anaphylaxis hives welts blotches blotchy breathe breathing
breath breathless wheezing wheeze vision blurry blurred flashes floaters fuzzy hazy foggy sight puffy stinks stinking
rotten smell smells abscess nausea nauseous yellow green milky double faint dizzy hoarse voice light"""
_SPELLING = QueryAnalyzer.from_texts([LEXICON], Synonyms(()))
# Signs that a softener ("slightly swollen lips", "a bit hot") makes usual healing; "kinda blurry" vision, "a bit
# of pus" or a smell "kind of off" are warning signs however they are put.
SOFTENED = {"allergic swelling", "heat", "getting worse", "swelling", "feeling unwell", "faint or dizzy"}
_SOFTENER = re.compile(r"\b(?:a bit|a little|slightly|kinda|kind of|mildly|mild|little bit|tiny bit|a touch|barely)"
                       r"\s+(?:\w+\s+)?$")
_NEGATION = re.compile(
    r"\b(?:no|not|without|never|none|nor|free of|isn't|aren't|don't|doesn't|didn't|haven't|hasn't|no sign of)"
    r"\b[^.,;!?]{0,25}$"
)
_GENERAL = re.compile(
    r"^(?:what|which|how|is|are|can|could|does|do|will|would|should)\b[^.?!]*\b(?:risks?|chances?|side effects?|"
    r"cause|causes|possible|happen|signs?|symptoms?|likely|get|affect|harm|damage|ever)\b"
)
_HYPOTHETICAL = re.compile(  # what-ifs and questions before a treatment
    r"\b(?:what if|if (?:i|you|it|my|there'?s?)\b[^.?!]{0,15}\b(?:ever|get|gets|notice|see|have|has|develop|start)|"
    r"in case|look out for|watch out for|just asking|just curious|is (?:that|it|this) (?:rare|common|likely)|"
    r"next (?:week|month)|thinking (?:of|about) (?:having|getting))\b"
)
_WHEN = r"now|since|today|yesterday|this morning|tonight|last night|days? ago|hours? ago|day \d"
_HAPPENING = re.compile(rf"\b(?:{_WHEN}|started|woke up)\b")
_PERSONAL = re.compile(rf"\b(?:i|i'm|im|i've|ive|my|me|mine|we|our|she|he|her|his|they're)\b|\b(?:{_WHEN})\b")
_STRONG = {name: re.compile("|".join(patterns)) for name, patterns in STRONG.items()}
_WEAK = {name: re.compile("|".join(patterns)) for name, patterns in WEAK.items()}


@dataclass(frozen=True)
class UrgentCheck:
    urgent: bool
    signals: tuple[str, ...]  # the warning signs found
    explanation: str


def _present(pattern: re.Pattern[str], text: str, softens: bool) -> bool:
    """The pattern occurs at least once not negated ('no fever') and, when `softens`, not softened ('a bit hot').

    A vision change or pus is a warning sign however mildly it is put ("kinda blurry"); heat or swelling is not."""
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        last_word = m.start() + m.group(0).rstrip().rfind(" ") + 1  # "eyelids were a tiny bit puff(y)"
        softened = softens and (_SOFTENER.search(before) or _SOFTENER.search(text[m.start():last_word]))
        if not _NEGATION.search(before) and not softened:
            return True
    return False


def check(question: str) -> UrgentCheck:
    """Which warning signs, if any, a question describes."""
    text = _SPELLING.analyze(" ".join(question.lower().replace("\u2019", "'").split())).corrected
    strong = tuple(name for name, p in _STRONG.items() if _present(p, text, name in SOFTENED))
    weak = tuple(name for name, p in _WEAK.items() if _present(p, text, name in SOFTENED))
    signals = strong + weak
    if not signals:
        return UrgentCheck(False, (), "no warning sign mentioned")
    if _GENERAL.search(text) and not _PERSONAL.search(text):
        return UrgentCheck(False, signals, "asked in general, not described as happening")
    if _HYPOTHETICAL.search(text) and not _HAPPENING.search(text):
        return UrgentCheck(False, signals, "asked as a what-if, not described as happening")
    if strong or len(weak) >= 2:
        return UrgentCheck(True, signals, "warning sign described: " + ", ".join(signals))
    return UrgentCheck(False, signals, "a single mild sign, usual during healing")

"""What kind of answer a question asks for, and the passages that give that kind.

"What are the symptoms of shingles?" is answered by the paragraph that says what its signs are, but dense
similarity ranks the diagnosis paragraph, full of the same words, as high. Patient-education documents of any
specialty answer the same few kinds of question (what it is is definition.py's; symptoms, causes, diagnosis,
treatment, prevention, how common it is, genes and inheritance, the outlook, risks, research); among the
best-ranked passages, one whose opening (heading and first sentence) is about the kind asked for is lifted a little
(`LIFT`, against fused scores of about 0.6-0.75). A patient's long story names many things, so only short questions
are read. Outside kits, no labels, hit@1 / hit@3: skin 0.556 / 0.905 -> 0.571 / 0.905, digestive 0.596 / 0.888 ->
0.618 / 0.888, neurology 0.652 / 0.928 -> 0.667 / 0.928; the example clinic's test set 0.825 -> 0.835, its other
sets unchanged. A lift of 0.03 gained more hit@1 on digestive and neurology but lost hit@3 on digestive; the passage's
whole text instead of its opening lifted passages that only mention the kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from faqbot.models import Passage

LIFT = 0.02
LOOKED_AT = 10  # of the best-ranked passages
MOST_WORDS = 12  # longer questions are read as stories

# (what the question asks, what an answering passage says), each a regular expression on lower-case text
KINDS: dict[str, tuple[str, str]] = {
    "symptoms": (r"\b(?:symptoms?|signs?)\b", r"\b(?:symptoms?|signs?)\b"),
    "causes": (r"\b(?:what|which)\b[^?]{0,20}\bcauses?\b|\bcaused by\b|\bwhy do(?:es)?\b|\brisk factors?\b|"
               r"\bat risk\b",
               r"\b(?:caused? by|causes?|reasons?|risk factors?|due to|results? from|triggers?)\b"),
    "diagnosis": (r"\b(?:diagnos\w*|test(?:s|ed|ing)? for|check for|detect\w*)\b",
                  r"\b(?:diagnos\w*|tests?|exam\w*|biops\w*|scans?)\b"),
    "treatment": (r"\b(?:treat\w*|cure[sd]?|therap\w*|medications?|manage\w*)\b",
                  r"\b(?:treat\w*|therap\w*|medications?|medicines?|surgery|cure[sd]?)\b"),
    "prevention": (r"\b(?:prevent\w*|avoid\w*|vaccin\w*|lower (?:my|the) (?:risk|chances?))\b",
                   r"\b(?:prevent\w*|vaccin\w*|(?:reduce|lower)s? (?:the |your )?(?:risk|chances?)|avoid\w*)\b"),
    "how common": (r"\bhow (?:many|common|rare)\b|\bprevalen\w*",
                   r"\d\s*(?:percent|%)|\b\d[\d,.]* (?:million|people|americans|children|adults|in)\b|\b(?:common|"
                   r"rare|prevalen\w*|affects?)\b"),
    "genes": (r"\b(?:genetic|genes?|mutations?|dna)\b", r"\b(?:genes?|mutations?|variations?|variants?|genetic)\b"),
    "inheritance": (r"\b(?:inherit\w*|hereditary|runs? in (?:the |my )?famil\w*|pass(?:ed)? (?:it )?(?:on|down))\b",
                    r"\b(?:inherit\w*|autosomal|hereditary|famil(?:y|ies)|parents?)\b"),
    "outlook": (r"\b(?:outlook|prognosis|life expectancy|recover\w*|go away|get better)\b",
                r"\b(?:prognosis|outlook|life expectancy|recover\w*|most people|improve\w*|disabilit\w*|fatal|"
                r"surviv\w*)\b"),
    "risks": (r"\b(?:side effects?|complications?)\b", r"\b(?:side effects?|complications?)\b"),
    "research": (r"\b(?:research\w*|studies|clinical trials?)\b",
                 r"\b(?:research\w*|studies|study|trials?|scientists|investigat\w*)\b"),
}
_ASKED = {kind: re.compile(asked) for kind, (asked, _) in KINDS.items()}
_SAID = {kind: re.compile(said) for kind, (_, said) in KINDS.items()}


def asked_for(question: str) -> tuple[str, ...]:
    """The kinds of answer a question asks for (none for most patients' own questions)."""
    text = question.lower()
    if len(text.split()) > MOST_WORDS:  # a patient's story names many things; its kind is not read from words
        return ()
    return tuple(kind for kind, pattern in _ASKED.items() if pattern.search(text))


def gives(passage: Passage, kinds: Sequence[str]) -> bool:
    """Whether the passage opens on one of the kinds (its heading or first sentence says it)."""
    first = passage.text[slice(*passage.sentences[0])] if passage.sentences else ""
    heading = passage.heading if passage.heading != passage.title else ""  # a page's title names its subject
    opening = f"{heading} {first}".lower()
    return any(_SAID[kind].search(opening) for kind in kinds)

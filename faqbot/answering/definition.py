"""Questions that ask what something is, and the sentences that say it.

"What is gastritis?" is answered by the sentence that defines it ("Gastritis is a condition in which ...",
"Having diarrhea means ...", "An inguinal hernia happens when ..."), but dense similarity ranks any passage full of
the word about as high. Among the best-ranked passages, one with such a sentence about the question's subject is
lifted a little (`LIFT`, against fused scores of about 0.6-0.75). Outside kits, no labels: hit@1 / hit@3 on
digestive 0.562 / 0.865 -> 0.584 / 0.876, skin hit@3 0.889 -> 0.905, neurology and the example clinic unchanged;
the same at 0.03 and 0.06.
"""

from __future__ import annotations

import re

LIFT = 0.05
LOOKED_AT = 10  # of the best-ranked passages

_ASKED = re.compile(r"^(?:(?:hi|hello|please|so|ok|okay)\W+)*(?:what|wat|whats|what's)\s+(?:is|are|r)?\s*"
                    r"(?:\(are\)\s*)?(?:an?\s+|the\s+)?(?P<subject>[\w' -]{2,60}?)\s*\W*$")
_DEFINING = r"(?:is|are|was|means|happens|occurs|refers to|describes)"


def subject(question: str) -> str | None:
    """What a short definition question asks about, in lower case; None for any other question."""
    found = _ASKED.match(question.strip().lower())
    if found is None or len(found["subject"].split()) > 6:
        return None
    return found["subject"].strip()


def defines(sentence: str, about: str) -> bool:
    """Whether a sentence opens by saying what `about` is: the subject (a plural or an aside allowed), then a
    defining verb within a few words ("Psoriasis (sow RYE uh sis) is a chronic skin disease")."""
    words = r"\s+".join(map(re.escape, about.split()))
    pattern = rf"(?:having\s+|an?\s+|the\s+)?{words}\w{{0,2}}\b(?:\s+\([^)]*\))?(?:\s+\S+){{0,3}}?\s+{_DEFINING}\b"
    return re.match(pattern, sentence.strip().lower()) is not None

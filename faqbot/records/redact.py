"""Contact details taken out of patient text before anything is stored: emails and phone numbers.

Only what staff need is kept: the question's wording, with `[email]` and `[phone]` in place of the details.
Durations and doses ("3-5 days", "0.5 mm", "2 to 4 weeks") are not phone numbers and stay as they are.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+'-]+\s*(?:@|\[at\]|\(at\))\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I)
# Seven or more digits, possibly split by spaces, dots, dashes or brackets, optionally after a "+".
PHONE = re.compile(r"(?<!\d)(?<!\d[.,])\+?(?:\d[\s().\-/]{0,3}){6,}\d(?!\d)")


def redact(text: str) -> str:
    """`text` with emails replaced by `[email]` and phone numbers by `[phone]`."""
    text = EMAIL.sub("[email]", text)
    return PHONE.sub("[phone]", text)

"""Identifying details taken out of patient text before anything is stored.

Only what staff need is kept: the question's wording, with `[email]`, `[phone]`, `[link]`, `[address]` and `[date]`
in place of emails (also written out: "jane dot doe at gmail dot com"), phone numbers (also "1-800-FLOWERS"), web
addresses (a profile URL names a person), street addresses and calendar dates (a date of birth or of a visit is an
identifier under HIPAA's Safe Harbor; a year alone, a weekday or "in 3 days" is not). Durations and doses
("3-5 days", "0.5 mm", "2 to 4 weeks") are not phone numbers or dates and stay as they are.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+'-]+\s*(?:@|\[at\]|\(at\))\s*[\w-]+(?:\s*\.\s*[\w-]+)*\s*\.\s*[a-z]{2,}\b", re.I)
# Written out: "jane dot doe at gmail dot com", "jane(at)example(dot)org": only before a common ending, so that "look
# at the clinic" stays.
_DOT = r"(?:\s*\.\s*|\s*\[dot\]\s*|\s*\(dot\)\s*|\s+dot\s+)"
_SPELLED_AT = r"(?:\s+at\s+|\s*\(at\)\s*|\s*\[at\]\s*)"
SPELLED_EMAIL = re.compile(rf"[\w+'-]+(?:{_DOT}[\w+'-]+)*{_SPELLED_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}"
                           r"(?:com|org|net|edu|gov|co|uk|de|fr|es|it|nl|ca|au|info|io|me|us)\b", re.I)
# Seven or more digits, possibly split by spaces, dots, dashes or brackets, optionally after a "+".
PHONE = re.compile(r"(?<!\d)(?<!\d[.,])\+?(?:\d[\s().\-/]{0,3}){6,}\d(?!\d)")
VANITY_PHONE = re.compile(r"\b1?[\s-]?\(?8[0-9]{2}\)?[\s-]?[A-Z0-9]{3}[\s-]?[A-Z0-9]{4,}\b")  # 1-800-FLOWERS
LINK = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|me|co\.uk)/\S*", re.I)
# A house number, then Capitalised Words and a street word ("42 Elm St", "221B Baker Street"), or one or two
# lower-case words and a street word in full ("123 main street"): "2 sessions with Dr Lee" stays.
_STREET = (r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Close|"
           r"Crescent|Square|Sq|Highway|Hwy|Parkway|Pkwy)")
_UNIT = r"(?:,?\s+(?:[Aa]pt|[Aa]partment|[Uu]nit|[Ff]lat|[Ss]uite)\.?\s*#?\w+)?"
ADDRESS = re.compile(rf"\b\d{{1,5}}[A-Za-z]?\s+(?:(?:[A-Z][a-z'-]*\s+){{1,3}}{_STREET}\b\.?"
                     rf"|(?:[a-z][a-z'-]*\s+){{1,2}}(?:street|avenue|road|lane|drive|boulevard)\b){_UNIT}")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"\b{_MONTH}\.?\s+{_DAY}(?:,?\s+(?:19|20)\d\d)?\b"  # March 14th 1985, Mar 14
    rf"|\b{_DAY}\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+(?:19|20)\d\d)?\b"  # 14 March 1985, 14th of March
    r"|\b(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:19|20)?\d\d\b"  # 14/03/1985, 3-14-85
    r"|\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b",  # 1985-03-14
    re.I)


def redact(text: str) -> str:
    """`text` with emails, links, phone numbers, street addresses and calendar dates replaced by placeholders."""
    text = EMAIL.sub("[email]", text)
    text = SPELLED_EMAIL.sub("[email]", text)
    text = LINK.sub("[link]", text)
    text = DATE.sub("[date]", text)  # before phones: 14.03.1985 is a date, not digits to dial
    text = PHONE.sub("[phone]", text)
    text = VANITY_PHONE.sub("[phone]", text)
    return ADDRESS.sub("[address]", text)

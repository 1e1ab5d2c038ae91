"""Text cleaning: general rules that turn web-copied documents into plain, comparable text.

Pure functions; nothing here knows about a particular corpus.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\u00ad": "",
    }
)
_LONG_DASH = re.compile(r"\s*[\u2014\u2015]\s*")
_SPACES = re.compile(r"[ \t\f\v]+")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_COUNTER = re.compile(
    r"^\d[\d,.]*\s*(?:comments?|repl(?:y|ies)|likes?|shares?|views?|responses?)$", re.IGNORECASE
)
_PROMPT = re.compile(
    r"^(?:share|tweet|pin it|print|email|like|follow|subscribe|read more|learn more|click here|book|"
    r"call us|contact us|sign up|leave a (?:comment|reply))\b",
    re.IGNORECASE,
)


def is_styled(line: str) -> bool:
    """True when most letters are 'mathematical' bold/italic look-alikes: the line is emphasised text."""
    letters = [ch for ch in line if ch.isalpha()]
    styled = sum(1 for ch in letters if 0x1D400 <= ord(ch) <= 0x1D7FF)
    return bool(letters) and styled * 2 >= len(letters)


def _drop_invisible(text: str) -> str:
    """Remove control, format (zero-width, bidi, soft hyphen) and unassigned characters; keep newlines."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cn", "Cs"):
            out.append(ch)
    return "".join(out)


def clean_line(line: str) -> str:
    """NFKC, unified quotes and dashes, no invisible characters, single spaces, stripped."""
    text = unicodedata.normalize("NFKC", line)
    text = _drop_invisible(text).translate(_QUOTES)
    text = _LONG_DASH.sub(" - ", text)
    return _SPACES.sub(" ", text).strip()


def split_lines(text: str) -> list[str]:
    """Split on every kind of line break (\\r\\n, \\r, U+2028...)."""
    return _LINE_BREAKS.sub("\n", text).split("\n")


def is_leftover(line: str) -> bool:
    """A web leftover that carries nothing for a patient: a counter, or a bare share/booking prompt or link."""
    if _COUNTER.match(line):
        return True
    without_urls = _URL.sub("", line).strip(" :-|>")
    words = without_urls.split()
    if _URL.search(line) and len(words) <= 8:
        return True  # a link with a short label: "Learn more on our site: https://..."
    return bool(_PROMPT.match(line)) and len(words) <= 6 and not line.rstrip().endswith("?")


def clean_query(text: str) -> str:
    """The same normalisation for a patient's question, on one line."""
    return clean_line(" ".join(split_lines(text)))

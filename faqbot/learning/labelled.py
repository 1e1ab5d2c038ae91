"""Labelled questions: the format of eval/*.jsonl, shared by the evaluation and the query adapter's training.

One JSON object per line: {"question": ..., "kind": one of KINDS, "answers": [answer-bearing phrases of the corpus]}.
Phrases are matched after `normalise`, so labels don't depend on how passages are cut.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from faqbot.documents.cleaning import clean_line
from faqbot.errors import FaqbotError

KINDS = ("in_scope", "out_of_scope", "urgent", "normal_healing")
T = TypeVar("T")


@dataclass(frozen=True)
class Labelled:
    question: str
    kind: str
    answers: tuple[str, ...]


def normalise(text: str) -> str:
    return " ".join(clean_line(text).lower().split())


def load_questions(path: Path) -> list[Labelled]:
    return read_jsonl(path, "a labelled question", KINDS,
                      lambda data: Labelled(data["question"], data["kind"], tuple(data.get("answers", ()))))


def read_jsonl(path: Path, what: str, kinds: Sequence[str], make: Callable[[dict], T]) -> list[T]:
    """One item a line, made by `make` from the line's JSON object; each needs a `kind` among `kinds`. A bad line is
    a FaqbotError naming the file and the line."""
    if not path.is_file():
        raise FaqbotError(f"No question set at {path} (give one with --questions)")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = make(json.loads(line))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise FaqbotError(f"{path}:{number} is not {what} ({exc})") from None
        if item.kind not in kinds:
            raise FaqbotError(f"{path}:{number} has kind {item.kind!r}; use one of {', '.join(kinds)}")
        items.append(item)
    return items


def check_labels(items: Sequence[Labelled], corpus_text: str) -> list[str]:
    """Label phrases that appear nowhere in the corpus (a label that can never hit)."""
    text = normalise(corpus_text)
    return [f"{i.question!r}: {a!r}" for i in items for a in i.answers if normalise(a) not in text]


def answer_passages(items: Sequence[Labelled], passage_texts: Sequence[str]) -> list[tuple[int, ...]]:
    """For each question, the indices of the passages (given as `normalise`d texts) that hold one of its answer
    phrases. One Aho-Corasick pass over the passages finds every phrase at once; testing each phrase against each
    passage cost 23.6 s of a 10,003-passage ingest (cProfile)."""
    import ahocorasick

    wanted = [[normalise(a) for a in item.answers] for item in items]
    automaton = ahocorasick.Automaton()
    for phrase in {w for phrases in wanted for w in phrases if w}:
        automaton.add_word(phrase, phrase)
    found: dict[str, set[int]] = defaultdict(set)
    if len(automaton):
        automaton.make_automaton()
        for index, text in enumerate(passage_texts):
            for _, phrase in automaton.iter(text):
                found[phrase].add(index)
    everywhere = set(range(len(passage_texts)))  # an empty phrase is in every passage, as `in` says
    return [tuple(sorted(set().union(*(found[w] if w else everywhere for w in phrases)))) for phrases in wanted]

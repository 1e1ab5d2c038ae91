"""Splitting cleaned documents into passages along their own structure.

A section is a heading and the blocks under it. A passage never crosses a section and never cuts a
sentence; a list stays with the sentence that introduces it; long sections are cut on sentence
boundaries into passages within the document's `Sizes`, preferring paragraph ends.

A document with headings has sections that bound its topics, so its passages are short (about 100 words).
A document with no heading but its title is one long section; there a topic's first sentence ("Gastritis is a
condition in which ...") is often a paragraph or two before the sentence a question matches, so its passages are
longer (about 160 words) and cut inside a paragraph only when the paragraph alone is too long. Measured on three
outside kits with no labels (docs/evaluation.md): hit@3 +0.02 to +0.10, the example clinic's passages unchanged.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from faqbot.documents.reader import Block, Document
from faqbot.models import Passage


@dataclass(frozen=True)
class Sizes:
    """How long a document's passages are, in words, and what cutting inside a paragraph costs."""

    least: int
    target: int
    most: int
    mid_paragraph_cut: float  # against a segment's squared relative distance from the target


SECTIONED = Sizes(40, 100, 150, 0.25)
UNSECTIONED = Sizes(64, 160, 240, 1.0)

_ABBREVIATIONS = {
    "approx", "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "no", "fig", "inc", "ca",
    "cf", "al", "jr", "sr", "mt", "dept", "est", "min", "max", "mg", "ml", "oz", "lb", "hr", "hrs",
}
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of the sentences in `text` (shifted by `offset`); abbreviations don't end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        word = text[:m.start()].rsplit(None, 1)[-1].lower() if text[:m.start()].strip() else ""
        if word.rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        end = m.end() - len(m.group()) + len(m.group().rstrip())
        spans.append((offset + start, offset + end))
        start = m.end()
    if text[start:].strip():
        spans.append((offset + start, offset + len(text.rstrip())))
    return spans


def word_count(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class _Unit:
    """An unbreakable piece of a section: a sentence, or a list with the sentence introducing it."""

    start: int
    end: int
    words: int
    sentences: tuple[tuple[int, int], ...]
    paragraph_end: bool


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


def sections(doc: Document) -> list[Section]:
    """Group blocks under their heading; a heading with nothing under it (not the title) prefixes the next."""
    result: list[Section] = []
    heading, own, body = "", "", []  # `own`: the current heading's text without any prefix
    for i, block in enumerate(doc.blocks):
        if block.kind != "heading":
            body.append(block)
            continue
        text = doc.block_text(block)
        if body:
            result.append(Section(heading, tuple(body)))
            heading = text
        elif own and i > 1:  # an empty heading gives its children context; the title (block 0) does not
            heading = f"{own} - {text}"
        else:
            heading = text
        own, body = text, []
    if body:
        result.append(Section(heading, tuple(body)))
    return result


def _units(doc: Document, blocks: tuple[Block, ...]) -> list[_Unit]:
    units: list[_Unit] = []
    for i, block in enumerate(blocks):
        if block.kind == "item":
            spans = ((block.start, block.end),)
            prev = units[-1] if units else None
            if prev and i > 0 and (
                blocks[i - 1].kind == "item" or doc.text[prev.end - 1] not in ".!?"
            ):  # extend the list, or attach it to the sentence that introduces it
                units[-1] = _Unit(
                    prev.start, block.end, prev.words + word_count(doc.block_text(block)),
                    prev.sentences + spans, True,
                )
            else:
                units.append(_Unit(block.start, block.end, word_count(doc.block_text(block)), spans, True))
            continue
        spans = sentence_spans(doc.block_text(block), block.start)
        asks = False  # the previous sentence is a question the document asks itself: it stays with its answer
        for j, (a, b) in enumerate(spans):
            last, words = j == len(spans) - 1, word_count(doc.text[a:b])
            if asks:
                prev = units.pop()
                units.append(_Unit(prev.start, b, prev.words + words, prev.sentences + ((a, b),), last))
                asks = False
                continue
            units.append(_Unit(a, b, words, ((a, b),), last))
            asks = not last and _RUN_IN_QUESTION.fullmatch(doc.text[a:b]) is not None
            if asks and j > 0:  # a cut before the question is as good as one at a paragraph's end
                before = units[-2]
                units[-2] = _Unit(before.start, before.end, before.words, before.sentences, True)
    return units


# "What Causes Shingles? Shingles is caused by ...": a question in a paragraph, answered by what follows it
_RUN_IN_QUESTION = re.compile(r"(?:\S+\s+){0,11}\S+\?")


def _segment_cost(units: list[_Unit], i: int, j: int, sizes: Sizes) -> float:
    words = sum(u.words for u in units[i:j])
    if words > sizes.most and j - i > 1:
        return float("inf")
    cost = ((words - sizes.target) / sizes.target) ** 2
    if words < sizes.least:
        cost += 2 * (sizes.least - words) / sizes.least
    if not units[j - 1].paragraph_end:
        cost += sizes.mid_paragraph_cut
    return cost


def pack(units: list[_Unit], sizes: Sizes = SECTIONED) -> list[list[_Unit]]:
    """Group consecutive units into passages: one if the section is short, else the cheapest cut."""
    if sum(u.words for u in units) <= sizes.most:
        return [units]
    n = len(units)
    best = [0.0] + [float("inf")] * n
    cut = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(j - 1, -1, -1):
            if sum(u.words for u in units[i:j]) > sizes.most * 2:
                break
            cost = best[i] + _segment_cost(units, i, j, sizes)
            if cost < best[j]:
                best[j], cut[j] = cost, i
    groups: list[list[_Unit]] = []
    j = n
    while j > 0:
        groups.append(units[cut[j] : j])
        j = cut[j]
    return groups[::-1]


def passage_id(source: str, text: str) -> str:
    """Stable id from the document and the passage content."""
    return hashlib.sha256(f"{source}\n{text}".encode()).hexdigest()[:16]


def split_document(doc: Document) -> list[Passage]:
    """All passages of a document, in reading order."""
    passages: list[Passage] = []
    seen: set[str] = set()
    parts = sections(doc)
    sizes = SECTIONED if len(parts) > 1 else UNSECTIONED
    for section in parts:
        for group in pack(_units(doc, section.blocks), sizes):
            start, end = group[0].start, group[-1].end
            text = doc.text[start:end]
            pid = passage_id(doc.source, text)
            while pid in seen:  # the same text twice in one document
                pid = passage_id(doc.source, f"{pid}{text}")
            seen.add(pid)
            spans = tuple((a - start, b - start) for u in group for a, b in u.sentences)
            passages.append(
                Passage(pid, text, doc.source, doc.title, section.heading or doc.title, start, end, spans)
            )
    return passages

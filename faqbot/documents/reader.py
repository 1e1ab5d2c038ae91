"""Reading corpus files into cleaned documents made of headings, paragraphs and list items.

A document's `text` is the cleaned text; every block records its character span in it, so passages can
point back into the document they came from.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from faqbot.documents.cleaning import clean_line, is_leftover, is_styled, split_lines
from faqbot.documents.extract import CONVERTED_SUFFIXES, MAX_TEXT_CHARS, extract
from faqbot.errors import CorpusError

SUPPORTED_SUFFIXES = (".txt", ".md", *CONVERTED_SUFFIXES)
BlockKind = Literal["heading", "paragraph", "item"]

_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_BULLET = re.compile(r"^(?:[-*+\u2022\u00b7\u25e6\u25aa\u25cf\u2023\u2043]|\d{1,2}[.)])\s+")
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "'", ")")
_MAX_HEADING_WORDS = 12


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    source: str  # file name, relative to the corpus folder
    title: str
    text: str  # cleaned text; block spans point into it
    blocks: tuple[Block, ...]
    sha256: str  # of the raw file bytes

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


@dataclass(frozen=True)
class _Line:
    text: str
    kind: BlockKind | None  # None: not decided yet (paragraph or plain-text heading)
    blank_before: bool


def title_from_filename(path: str) -> str:
    """'my-microneedling-experience.txt' -> 'My Microneedling Experience'."""
    words = re.split(r"[\s_\-.]+", Path(path).stem)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or Path(path).name


def _markdown_inline(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def _read_lines(raw: str, markdown: bool) -> list[_Line]:
    """Clean every line, drop leftovers and immediate repeats, and note what is certain about each."""
    lines: list[_Line] = []
    blank = False
    in_fence = False
    for raw_line in split_lines(raw):
        if markdown and raw_line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        styled = is_styled(raw_line)
        kind: BlockKind | None = None
        text = raw_line
        if markdown and (m := _MD_HEADING.match(raw_line.strip())):
            kind, text = "heading", m.group(1)
        text = clean_line(_markdown_inline(text) if markdown else text)
        if not text or (markdown and set(text) <= set("-=*_ ")):
            blank = True
            continue
        if is_leftover(text) or (lines and lines[-1].text.casefold() == text.casefold()):
            continue
        if kind is None and (bullet := _BULLET.match(text)):
            kind, text = "item", "- " + text[bullet.end() :] if not text[0].isdigit() else text
        elif kind is None and styled:
            kind = "heading"
        lines.append(_Line(text, kind, blank))
        blank = False
    return lines


def _looks_like_heading(line: _Line, next_line: _Line | None) -> bool:
    """A plain-text heading: a short line that does not end a sentence and has something under it.

    A next line that continues in lower case right below shows a hard-wrapped sentence instead.
    """
    text = line.text
    return (
        next_line is not None
        and (next_line.blank_before or not next_line.text[0].islower())
        and len(text.split()) <= _MAX_HEADING_WORDS
        and not text.endswith((".", ",", ";", ":", "!", "..."))
        and (text[0].isupper() or text[0].isdigit())
        and text.rsplit(None, 1)[-1] not in _INTRODUCING
    )


# "Common causes of gastritis include", "Two types of hernias are": a line ending so introduces what follows it
_INTRODUCING = frozenset({
    "include", "includes", "including", "are", "is", "was", "were", "be", "as", "of", "to", "the", "a", "an", "and",
    "or", "with", "for", "by", "following", "like", "such", "than", "that", "which", "from", "into", "on", "in", "at",
    "about", "after", "before", "during", "because", "when", "if", "whether", "who", "where",
})


def _classify(lines: list[_Line], markdown: bool) -> list[tuple[BlockKind, str, bool]]:
    """Decide each line's kind; join hard-wrapped lines into paragraphs. Returns (kind, text, joined)."""
    out: list[tuple[BlockKind, str, bool]] = []
    for i, line in enumerate(lines):
        kind = line.kind
        if kind is None:
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            kind = "heading" if not markdown and _looks_like_heading(line, nxt) else "paragraph"
        joins = (
            kind == "paragraph"
            and out
            and out[-1][0] == "paragraph"
            and not line.blank_before
            and not out[-1][1].endswith(_SENTENCE_END)
        )
        if joins:
            out[-1] = ("paragraph", f"{out[-1][1]} {line.text}", True)
        else:
            out.append((kind, line.text, False))
    return out


def parse_document(raw: str, source: str, markdown: bool | None = None) -> Document:
    """Turn a file's text into a cleaned Document (pure: no I/O). Markdown by default for .md files."""
    if markdown is None:
        markdown = source.lower().endswith(".md")
    classified = _classify(_read_lines(raw, markdown), markdown)
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for kind, text, _ in classified:
        if blocks:
            sep = "\n" if kind == "item" and blocks[-1].kind in ("item", "paragraph") else "\n\n"
            parts.append(sep)
            offset += len(sep)
        blocks.append(Block(kind, offset, offset + len(text)))
        parts.append(text)
        offset += len(text)
    text = "".join(parts)
    first = blocks[0] if blocks else None
    title = text[first.start : first.end] if first and first.kind == "heading" else title_from_filename(source)
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    return Document(source=source, title=title, text=text, blocks=tuple(blocks), sha256=digest)


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The readable documents of a corpus folder, sorted; clear errors for a missing or empty folder."""
    if not corpus_dir.exists():
        raise CorpusError(f"Corpus folder {corpus_dir} does not exist (create it and put .txt or .md files in it)")
    if not corpus_dir.is_dir():
        raise CorpusError(f"Corpus path {corpus_dir} is not a folder (pass a folder with --corpus)")
    files = sorted(
        p for p in corpus_dir.rglob("*")
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
    )
    if not files:
        raise CorpusError(
            f"Corpus folder {corpus_dir} has no documents ({', '.join(SUPPORTED_SUFFIXES)}); add the clinic's "
            "documents to it"
        )
    return files


def read_document(path: Path, corpus_dir: Path) -> Document:
    """Read and parse one file; an unreadable or non-UTF-8 file is a CorpusError naming it."""
    source = path.relative_to(corpus_dir).as_posix()
    if path.suffix.lower() in CONVERTED_SUFFIXES:
        doc = parse_document(extract(path), source, markdown=True)
        if not doc.blocks:
            raise CorpusError(f"{path} has no text left after cleaning; add content or remove it")
        return doc
    try:
        if path.stat().st_size > 4 * MAX_TEXT_CHARS:  # UTF-8 takes at most 4 bytes a character
            raise CorpusError(f"{path.name} is {path.stat().st_size / 2**20:,.0f} MB of text, more than "
                              f"{MAX_TEXT_CHARS:,} characters; split it into parts")
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"Cannot read {path} ({exc.strerror}); fix its permissions or remove it") from None
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8 or remove it from the corpus"
        ) from None
    doc = parse_document(raw, source)
    if not doc.blocks:
        raise CorpusError(f"{path} has no text left after cleaning; add content or remove it")
    return doc

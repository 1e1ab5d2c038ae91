"""Text out of the document formats clinics have: .html, .pdf and .docx, as Markdown-like text.

Headings become `#` lines and list items `- ` lines, so the same parser reads every format. Each extractor uses a
well-kept library (BeautifulSoup, pypdf, python-docx); a file that can't be read is a CorpusError that says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from faqbot.errors import CorpusError

CONVERTED_SUFFIXES = (".html", ".htm", ".pdf", ".docx")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?)])")  # "<b>five days</b>." is one sentence


_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd", "blockquote", "pre",
                "figcaption", "caption", "div", "section", "article", "main", "body")
_HTML_SKIPPED = ("script", "style", "noscript", "nav", "footer", "header", "form", "template", "svg", "button")


def _html(path: Path) -> str:
    """Every piece of text, grouped by the nearest block element around it: headings, list items, paragraphs
    (also text loose in a div or table cell), so no text is lost and none is repeated."""
    from bs4 import BeautifulSoup, NavigableString
    from bs4.element import Comment

    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    for tag in soup(list(_HTML_SKIPPED)):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    blocks: list[tuple[object, str, list[str]]] = []  # (block element, its tag, its text pieces)
    for piece in root.find_all(string=True):
        if isinstance(piece, Comment) or not isinstance(piece, NavigableString) or not piece.strip():
            continue
        block = piece.find_parent(_HTML_BLOCKS) or root
        if blocks and blocks[-1][0] is block:
            blocks[-1][2].append(str(piece))
        else:
            blocks.append((block, getattr(block, "name", "p") or "p", [str(piece)]))
    lines = []
    for _, tag, pieces in blocks:
        text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(" ".join(pieces).split()))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            lines.append(f"\n{'#' * int(tag[1])} {text}\n")
        elif tag == "li":
            lines.append(f"- {text}")
        else:
            lines.append(f"\n{text}\n")
    return "\n".join(lines)


def _pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise CorpusError(f"{path.name} is a password-protected PDF; save an unprotected copy and add that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CorpusError(f"{path.name} can't be read as a PDF ({type(exc).__name__}); export it again") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise CorpusError(f"{path.name} has no text layer (a scanned PDF?); add a version with selectable text")
    return text


def _docx(path: Path) -> str:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises zipfile, lxml and its own errors for bad files
        raise CorpusError(f"{path.name} can't be read as a Word document ({type(exc).__name__})") from None
    lines = []
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        if style == "title":
            lines.append(f"\n# {text}\n")
        elif style.startswith("heading") and style[-1:].isdigit():
            lines.append(f"\n{'#' * min(int(style[-1]) + 1, 6)} {text}\n")
        elif "list" in style:
            lines.append(f"- {text}")
        else:
            lines.append(f"\n{text}\n")
    return "\n".join(lines)


def extract(path: Path) -> str:
    """The text of an .html, .pdf or .docx file, with headings and list items marked as in Markdown."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".html", ".htm"):
            return _html(path)
        if suffix == ".pdf":
            return _pdf(path)
        if suffix == ".docx":
            return _docx(path)
    except OSError as exc:
        raise CorpusError(f"Cannot read {path} ({exc.strerror})") from None
    raise CorpusError(f"{path.name}: unsupported kind of file (use .txt, .md, {', '.join(CONVERTED_SUFFIXES)})")

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


def _html(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "footer", "header", "form", "template"]):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    lines = []
    for element in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li"]):
        if element.name in ("p", "li") and element.find_parent("li") is not None and element.name != "li":
            continue  # a paragraph inside a list item is part of the item
        text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(element.get_text(" ", strip=True).split()))
        if not text:
            continue
        if element.name.startswith("h"):
            lines.append(f"\n{'#' * int(element.name[1])} {text}\n")
        elif element.name == "li":
            lines.append(f"- {text}")
        else:
            lines.append(f"\n{text}\n")
    if not lines:  # no structure: keep whatever text there is
        return root.get_text("\n", strip=True)
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
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, OSError) as exc:
        raise CorpusError(f"{path.name} can't be read as a Word document ({type(exc).__name__})") from None
    except Exception as exc:  # zipfile/lxml errors for a damaged file
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

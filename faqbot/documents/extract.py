"""Text out of the document formats clinics have: .html, .pdf and .docx, as Markdown-like text.

Headings become `#` lines and list items `- ` lines, so the same parser reads every format. Each extractor uses a
well-kept library (BeautifulSoup, pypdf, python-docx); a file that can't be read is a CorpusError that says so.
Limits keep a hostile file from taking the server's memory: a .docx (a zip) unpacking to more than
MAX_UNPACKED_BYTES (a 19 MB "zip bomb" unpacked to 19 GB), a PDF of more than MAX_PAGES pages, and more than
MAX_TEXT_CHARS of text from any file are refused before they are read, with what to do.
"""

from __future__ import annotations

import re
from pathlib import Path

from faqbot.errors import CorpusError

CONVERTED_SUFFIXES = (".html", ".htm", ".pdf", ".docx")
MAX_UNPACKED_BYTES = 200 * 2**20  # a long patient leaflet with photos unpacks to a few MB
MAX_PAGES = 1000
MAX_TEXT_CHARS = 5_000_000  # about 2,500 pages of text
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
        if len(reader.pages) > MAX_PAGES:
            raise CorpusError(f"{path.name} has {len(reader.pages)} pages, more than {MAX_PAGES}; split it into "
                              "parts (a patient document is rarely this long)")
        pages = []
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            _check_length(path, sum(map(len, pages)))
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CorpusError(f"{path.name} can't be read as a PDF ({type(exc).__name__}); export it again") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise CorpusError(f"{path.name} has no text layer (a scanned PDF?); add a version with selectable text")
    return text


def _check_length(path: Path, chars: int) -> None:
    if chars > MAX_TEXT_CHARS:
        raise CorpusError(f"{path.name} holds more than {MAX_TEXT_CHARS:,} characters of text; split it into parts")


def _check_unpacked(path: Path) -> None:
    """Refuse a zip (a .docx) whose parts unpack to more than MAX_UNPACKED_BYTES, by their declared sizes (zipfile
    reads no more than those)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # python-docx says what is wrong with it
    if unpacked > MAX_UNPACKED_BYTES:
        raise CorpusError(f"{path.name} unpacks to {unpacked / 2**20:,.0f} MB, more than "
                          f"{MAX_UNPACKED_BYTES // 2**20} MB: not a patient document as it is; save it again "
                          "without embedded media, or split it")


def _docx(path: Path) -> str:
    import docx

    _check_unpacked(path)
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
    readers = {".html": _html, ".htm": _html, ".pdf": _pdf, ".docx": _docx}
    try:
        if suffix in readers:
            text = readers[suffix](path)
            _check_length(path, len(text))
            return text
    except OSError as exc:
        raise CorpusError(f"Cannot read {path} ({exc.strerror})") from None
    raise CorpusError(f"{path.name}: unsupported kind of file (use .txt, .md, {', '.join(CONVERTED_SUFFIXES)})")

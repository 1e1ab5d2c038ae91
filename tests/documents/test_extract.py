"""Documents in .html, .pdf and .docx are read with their headings and lists; broken ones get a clear error."""

import pytest

from faqbot.documents.extract import extract
from faqbot.documents.reader import read_document
from faqbot.errors import CorpusError
from tests.documents_factory import write_docx, write_pdf


def test_html_keeps_headings_paragraphs_and_list_items_and_drops_scripts_and_navigation(tmp_path):
    page = tmp_path / "laser.html"
    page.write_text(
        "<html><head><script>alert(1)</script><style>p{}</style></head><body><nav>Home | Book now</nav>"
        "<main><h1>Laser Resurfacing</h1><h2>Recovery</h2><p>Most patients recover within <b>five days</b>.</p>"
        "<ul><li>Avoid the sun.</li><li>Use a gentle cleanser.</li></ul></main><footer>(c) Clinic</footer>"
        "</body></html>", encoding="utf-8")
    doc = read_document(page, tmp_path)
    assert doc.title == "Laser Resurfacing"
    assert [doc.block_text(b) for b in doc.blocks] == [
        "Laser Resurfacing", "Recovery", "Most patients recover within five days.", "- Avoid the sun.",
        "- Use a gentle cleanser."]
    assert [b.kind for b in doc.blocks] == ["heading", "heading", "paragraph", "item", "item"]


def test_html_keeps_text_loose_in_divs_and_cells_and_nested_items_once(tmp_path):
    page = tmp_path / "peels.html"
    page.write_text(
        "<body><h1>Peels</h1><div>Peels remove the top layer of skin.</div>"
        "<table><tr><td>Light peel: no downtime.</td></tr></table>"
        "<ul><li>Outer item<ul><li>Inner item</li></ul></li></ul><!-- a comment --></body>", encoding="utf-8")
    texts = [read_document(page, tmp_path).block_text(b) for b in read_document(page, tmp_path).blocks]
    assert texts == ["Peels", "Peels remove the top layer of skin.", "Light peel: no downtime.", "- Outer item",
                     "- Inner item"]


def test_docx_headings_and_paragraphs(tmp_path):
    path = write_docx(tmp_path / "peel.docx", "Chemical Peels",
                      [("Aftercare", ["Keep the skin moisturised for a week after a chemical peel."])])
    doc = read_document(path, tmp_path)
    assert doc.title == "Chemical Peels"
    assert "Keep the skin moisturised for a week after a chemical peel." in doc.text


def test_pdf_text_layer(tmp_path):
    path = write_pdf(tmp_path / "botox.pdf", ["Botox Aftercare", "Do not lie down for four hours after injections."])
    doc = read_document(path, tmp_path)
    assert "Do not lie down for four hours after injections." in doc.text


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "can't be read as a PDF|no text layer"),
    ("random.pdf", bytes(range(256)) * 4, "can't be read as a PDF"),
    ("broken.docx", b"PK\x03\x04 not a zip", "can't be read as a Word document"),
])
def test_a_file_that_cannot_be_read_gets_a_message_naming_it(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(CorpusError, match=message):
        read_document(tmp_path / name, tmp_path)


def test_a_docx_that_unpacks_past_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import zipfile

    from faqbot.documents import extract as module

    path = write_docx(tmp_path / "bomb.docx", "Aftercare", [("Sun", ["Stay out of the sun."])])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/media/padding.bin", "w") as padding:
        for _ in range(8):
            padding.write(bytes(2**20))  # 8 MB of zeros, a few kB packed
    monkeypatch.setattr(module, "MAX_UNPACKED_BYTES", 4 * 2**20)
    with pytest.raises(CorpusError, match=r"bomb.docx unpacks to 9 MB, more than 4 MB"):  # 8 MB and the document
        extract(path)


def test_a_pdf_with_too_many_pages_and_too_much_text_are_refused(tmp_path, monkeypatch):
    from faqbot.documents import extract as module

    path = write_pdf(tmp_path / "long.pdf", ["Botox Aftercare", "Do not lie down for four hours after injections."])
    monkeypatch.setattr(module, "MAX_PAGES", 0)
    with pytest.raises(CorpusError, match="long.pdf has 1 pages, more than 0; split it"):
        extract(path)
    monkeypatch.setattr(module, "MAX_PAGES", 10)
    monkeypatch.setattr(module, "MAX_TEXT_CHARS", 20)
    with pytest.raises(CorpusError, match="long.pdf holds more than 20 characters of text; split it"):
        extract(path)

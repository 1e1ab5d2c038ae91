from faqbot.documents.reader import parse_document, title_from_filename


def kinds(doc):
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


def test_plain_text_headings_paragraphs_and_title():
    doc = parse_document("Aftercare\n\nStay out of the sun.\nUse sunscreen daily.\n\nMakeup\nWait a day.\n", "a.txt")
    assert doc.title == "Aftercare"
    assert kinds(doc) == [
        ("heading", "Aftercare"),
        ("paragraph", "Stay out of the sun."),
        ("paragraph", "Use sunscreen daily."),
        ("heading", "Makeup"),
        ("paragraph", "Wait a day."),
    ]


def test_title_comes_from_file_name_when_the_document_starts_with_a_paragraph():
    doc = parse_document("Microneedling is a procedure that uses fine needles.\n", "my-skin_guide.txt")
    assert doc.title == "My Skin Guide"
    assert title_from_filename("dir/what-is-it.md") == "What Is It"


def test_a_title_printed_twice_is_kept_once():
    doc = parse_document("What Is It?\n\nWhat Is It?\n\nIt is a treatment.\n", "w.txt")
    assert kinds(doc) == [("heading", "What Is It?"), ("paragraph", "It is a treatment.")]


def test_styled_lines_are_headings_even_when_they_end_a_sentence():
    styled = "".join(chr(0x1D400 + ord(c) - ord("A")) if c.isupper() else c for c in "MAINTENANCE IS KEY.")
    doc = parse_document(f"Intro sentence here.\n{styled}\nGo every few months.\n", "x.txt")
    assert kinds(doc)[1] == ("heading", "MAINTENANCE IS KEY.")


def test_leftovers_do_not_become_blocks():
    raw = "Intro.\n\nSome text here.\nLearn more or book on our site: https://x.com/a\n0 Comments"
    doc = parse_document(raw, "x.txt")
    assert [t for _, t in kinds(doc)] == ["Intro.", "Some text here."]


def test_lists_are_items_and_bullets_are_unified():
    doc = parse_document("It helps with:\n\n  \u2022 Acne\n  \u2022 Scars\n  1. First point.\n", "x.txt")
    assert kinds(doc) == [("paragraph", "It helps with:"), ("item", "- Acne"), ("item", "- Scars"),
                          ("item", "1. First point.")]
    assert doc.text == "It helps with:\n- Acne\n- Scars\n1. First point."


def test_a_line_that_introduces_what_follows_is_not_a_heading():
    doc = parse_document("Gastritis\n\nCommon causes of gastritis include\n\n- H. pylori\n- stress\n", "x.txt")
    assert kinds(doc) == [("heading", "Gastritis"), ("paragraph", "Common causes of gastritis include"),
                          ("item", "- H. pylori"), ("item", "- stress")]


def test_hard_wrapped_lines_are_joined_into_one_paragraph():
    doc = parse_document("Intro\n\nThis sentence was wrapped\nin the middle by an editor.\n", "x.txt")
    assert kinds(doc)[1] == ("paragraph", "This sentence was wrapped in the middle by an editor.")


def test_markdown_headings_links_and_emphasis():
    doc = parse_document("# Guide\n\nRead **this** [page](http://x.y) ![img](a.png)now.\n\n## Short line\nMore text.\n",
                         "g.md")
    assert kinds(doc) == [("heading", "Guide"), ("paragraph", "Read this page now."),
                          ("heading", "Short line"), ("paragraph", "More text.")]


def test_markdown_short_lines_are_not_taken_for_headings():
    doc = parse_document("# Guide\n\nA short line\n\nAnother one\n", "g.md")
    assert [k for k, _ in kinds(doc)] == ["heading", "paragraph", "paragraph"]


def test_block_spans_point_into_the_cleaned_text():
    doc = parse_document("T\u2019itle\n\nIt\u2019s \u201cfine\u201d.\n", "x.txt")
    assert [doc.block_text(b) for b in doc.blocks] == ["T'itle", "It's \"fine\"."]

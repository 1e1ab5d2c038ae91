from faqbot.documents.reader import parse_document
from faqbot.documents.splitting import SECTIONED, UNSECTIONED, passage_id, sections, sentence_spans, split_document


def sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_split_on_end_punctuation_but_not_on_abbreviations():
    text = "It lasts approx. 30 minutes. Dr. Smith agrees! Is it safe? Yes (e.g. for most). Done."
    assert sentences(text) == ["It lasts approx. 30 minutes.", "Dr. Smith agrees!", "Is it safe?",
                               "Yes (e.g. for most).", "Done."]


def test_sentence_spans_are_offsets_into_the_text():
    assert sentence_spans("One two. Three.", offset=10) == [(10, 18), (19, 25)]


def sentence(n: int, topic: str) -> str:
    return f"This is sentence {n} about {topic} and it has exactly twelve words in all."


def test_a_passage_never_crosses_a_section():
    doc = parse_document("First\n\n" + sentence(1, "sun") + "\n\nSecond\n\n" + sentence(2, "makeup") + "\n", "x.txt")
    passages = split_document(doc)
    assert [(p.heading, p.text) for p in passages] == [("First", sentence(1, "sun")), ("Second", sentence(2, "makeup"))]


def test_long_sections_are_cut_on_sentence_boundaries_within_the_size_bounds():
    body = " ".join(sentence(i, "healing") for i in range(40))  # 480 words in one paragraph
    doc = parse_document("Guide\n\nHealing\n\n" + body + "\n\nSun\n\n" + sentence(0, "sun") + "\n", "x.txt")
    passages = [p for p in split_document(doc) if p.heading == "Healing"]
    assert len(passages) >= 4
    for p in passages:
        assert SECTIONED.least <= len(p.text.split()) <= SECTIONED.most
        assert p.text.endswith("in all.") and p.text.startswith("This is sentence")
    assert " ".join(p.text for p in passages) == body


def test_cuts_prefer_paragraph_ends():
    first = " ".join(sentence(i, "sun") for i in range(8))  # 96 words
    second = " ".join(sentence(i, "makeup") for i in range(8))
    doc = parse_document(f"Guide\n\nTopic\n\n{first}\n\n{second}\n\nMore\n\n{first}\n", "x.txt")
    assert [p.text for p in split_document(doc)] == [first, second, first]


def test_a_document_without_headings_gets_longer_passages_that_keep_whole_paragraphs():
    """No sections bound its topics: a paragraph's first sentence stays with the rest of it."""
    paragraphs = [" ".join(sentence(i, topic) for i in range(15)) for topic in ("sun", "makeup", "peels")]  # 180 words
    doc = parse_document("Guide\n\n" + "\n\n".join(paragraphs) + "\n", "x.txt")
    assert [p.text for p in split_document(doc)] == paragraphs
    long = " ".join(sentence(i, "healing") for i in range(40))  # 480 words: too long even so
    for p in split_document(parse_document("Guide\n\n" + long + "\n", "x.txt")):
        assert UNSECTIONED.least <= len(p.text.split()) <= UNSECTIONED.most


def test_a_list_stays_with_the_sentence_that_introduces_it():
    intro = " ".join(sentence(i, "intro") for i in range(10))
    text = f"Benefits\n\n{intro} It helps with:\n\n- Acne\n- Scars\n- Pores\n"
    passages = split_document(parse_document(text, "x.txt"))
    assert passages[-1].text.endswith("It helps with:\n- Acne\n- Scars\n- Pores")


def test_passages_record_source_title_heading_offsets_and_sentences():
    doc = parse_document("Guide\n\nSun\n\nWear sunscreen. Avoid the sun.\n", "guide.txt")
    [p] = split_document(doc)
    assert (p.source, p.title, p.heading) == ("guide.txt", "Guide", "Sun")
    assert doc.text[p.start : p.end] == p.text
    assert p.sentence_texts() == ["Wear sunscreen.", "Avoid the sun."]
    assert p.embed_text == "Guide: Sun\nWear sunscreen. Avoid the sun."


def test_empty_parent_heading_prefixes_its_child_but_the_title_does_not():
    doc = parse_document("Title\n\nRisks\n\nRedness\n\nIt fades.\n\nInfection\n\nIt is rare.\n", "x.txt")
    assert [s.heading for s in sections(doc)] == ["Risks - Redness", "Infection"]


def test_ids_are_stable_and_depend_on_document_and_content():
    doc = parse_document("Guide\n\nWear sunscreen daily.\n", "guide.txt")
    assert split_document(doc)[0].id == split_document(doc)[0].id == passage_id("guide.txt", "Wear sunscreen daily.")
    assert passage_id("other.txt", "Wear sunscreen daily.") != passage_id("guide.txt", "Wear sunscreen daily.")


def test_the_same_text_twice_in_a_document_gets_two_ids():
    doc = parse_document("A\n\nSame words here.\n\nB\n\nSame words here.\n", "x.txt")
    ids = [p.id for p in split_document(doc)]
    assert len(set(ids)) == 2


def test_a_question_the_document_asks_itself_starts_a_passage_and_stays_with_its_answer():
    before = " ".join(sentence(i, "rashes") for i in range(12))  # 144 words
    after = " ".join(sentence(i, "the virus") for i in range(12))
    doc = parse_document(f"Shingles\n\n{before} What Causes Shingles? {after}\n", "x.txt")
    assert [p.text for p in split_document(doc)] == [before, f"What Causes Shingles? {after}"]


def test_a_list_stays_with_a_line_that_introduces_it_without_a_colon():
    text = "Guide\n\nCauses\n\nCommon causes of gastritis include\n\n- H. pylori\n- stress\n"
    [passage] = split_document(parse_document(text, "x.txt"))
    assert passage.text == "Common causes of gastritis include\n- H. pylori\n- stress"

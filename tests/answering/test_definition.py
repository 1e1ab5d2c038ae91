import pytest

from faqbot.answering import definition
from faqbot.answering.engine import Engine
from faqbot.index.build import ingest
from tests.conftest import lift_per_source, write_corpus


@pytest.mark.parametrize(("question", "about"), [
    ("What is (are) Gastritis ?", "gastritis"),
    ("whats a hernia", "hernia"),
    ("what is microneedling?", "microneedling"),
    ("How is gastritis treated?", None),
    ("What is Nephrotic Syndrome. What are its causes and cures?", None),  # more than a definition is asked
])
def test_a_short_what_is_question_names_its_subject(question, about):
    assert definition.subject(question) == about


@pytest.mark.parametrize(("sentence", "about", "says_what_it_is"), [
    ("Gastritis is a condition in which the stomach lining is inflamed.", "gastritis", True),
    ("Psoriasis (sow RYE uh sis) is a chronic skin disease.", "psoriasis", True),
    ("An inguinal hernia happens when fat bulges through the abdominal wall.", "inguinal hernia", True),
    ("Having diarrhea means passing loose stools three times a day.", "diarrhea", True),
    ("Gastritis may be acute or chronic.", "gastritis", False),
    ("Doctors treat gastritis with antacids, which is why it heals.", "gastritis", False),
])
def test_a_defining_sentence_opens_with_the_subject_and_a_defining_verb(sentence, about, says_what_it_is):
    assert definition.defines(sentence, about) is says_what_it_is


def test_the_passage_that_says_what_it_is_is_lifted_and_one_that_only_mentions_it_is_not(settings, encoder,
                                                                                          monkeypatch):
    lift = lift_per_source(settings, encoder, monkeypatch, {
        "a.txt": "Gastritis kinds\n\nGastritis may be acute or chronic, and gastritis can be erosive.\n",
        "b.txt": "Gastritis\n\nGastritis is a condition in which the stomach lining is inflamed.\n",
    }, definition, "what is gastritis?")
    assert lift.pop("b.txt") == pytest.approx(0.05)
    assert set(lift.values()) == {0.0}  # "may be acute or chronic" and the tiny corpus's other documents


def test_the_sentence_that_says_what_it_is_is_the_highlight(settings, encoder):
    text = ("Gastritis\n\nWhat is gastritis? Gastritis, gastritis: many people have gastritis. Gastritis is a "
            "condition in which the stomach lining is inflamed.\n")
    write_corpus(settings.corpus_dir, {"b.txt": text})
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    answer = Engine.from_settings(settings, encoder).ask("what is gastritis?", 1)
    assert answer.hits[0].highlight == "Gastritis is a condition in which the stomach lining is inflamed."


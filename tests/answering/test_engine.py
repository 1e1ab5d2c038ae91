"""The answer path with the fake encoder: fusion, highlight, collapsing duplicates, statuses."""

import pytest

from faqbot.answering.engine import Engine
from faqbot.index.build import ingest
from faqbot.models import Status
from tests.conftest import write_corpus


@pytest.fixture
def engine(built_index, encoder):
    return Engine.from_settings(built_index, encoder)


def test_the_best_passage_comes_first_with_its_answering_sentence(engine):
    answer = engine.ask("how many sessions do most patients need", 2)
    assert answer.status is Status.ANSWERED
    top = answer.hits[0]
    assert top.passage.source == "sessions.txt"
    assert top.highlight == "Most patients need three to six sessions spaced a month apart."


def test_every_highlight_is_text_of_its_passage(engine):
    for question in ("sunscreen", "makeup pores", "numbing cream vibration"):
        for hit in engine.ask(question, 4).hits:
            assert hit.highlight in hit.passage.text


def test_urgent_questions_get_the_urgent_status_and_still_the_passages(engine):
    answer = engine.ask("I have pus and a fever after my session")
    assert answer.status is Status.URGENT
    assert "pus or discharge" in answer.signals and answer.hits


def test_an_empty_question_is_no_match_without_passages(engine):
    answer = engine.ask("   ")
    assert (answer.status, answer.hits) == (Status.NO_MATCH, ())


def test_below_the_similarity_bar_the_answer_is_no_match(built_index, encoder):
    strict = Engine.from_settings(built_index.replace(min_similarity=0.99), encoder)
    answer = strict.ask("tell me a joke about cats")
    assert answer.status is Status.NO_MATCH and answer.hits == () and "0.99" in answer.reason


def test_the_same_fact_in_two_documents_is_shown_once_with_both_sources(tmp_path, settings, encoder):
    fact = "Wear sunscreen every day when you go outside after the treatment."
    write_corpus(settings.corpus_dir, {"copy.txt": f"Sun care\n\n{fact}\n"})
    (settings.corpus_dir / "aftercare.md").write_text(f"# Aftercare\n\n## Sun\n\n{fact}\n")
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    answer = Engine.from_settings(settings, encoder).ask("sunscreen outside after treatment", 3)
    sources = [h.passage.source for h in answer.hits]
    assert len([s for s in sources if s in ("copy.txt", "aftercare.md")]) == 1
    assert answer.hits[0].also_in in (("copy.txt",), ("aftercare.md",))


def test_keyword_and_dense_modes_rank_on_their_own_signal(built_index, encoder):
    keyword = Engine.from_settings(built_index, encoder, mode="keyword")
    assert keyword.ask("mineral makeup", 1).hits[0].passage.source == "aftercare.md"
    assert keyword.ask("zzz qqq", 1).status is Status.NO_MATCH


@pytest.mark.parametrize("question, kind", [
    ("i want to end my life", "crisis"),
    ("my baby is not breathing", "emergency"),
])
def test_a_crisis_or_an_emergency_is_answered_with_its_message_alone(engine, question, kind):
    answer = engine.ask(question)
    assert answer.status is Status.URGENT and answer.escalation == kind and answer.hits == ()
    assert answer.to_dict()["escalation"] == kind and answer.to_dict()["passages"] == []


def test_under_a_clinic_warning_sign_no_passage_calls_a_sign_usual(tmp_path, settings, encoder):
    corpus = write_corpus(tmp_path / "signs", {
        "healing.md": "# Healing\n\nSwelling for two days is normal and expected after a treatment.\n\n"
                      "## Infection\n\nCall us at once if you see pus or have a fever after a treatment.\n",
    })
    ingest(corpus, settings.index_dir, encoder)
    answer = Engine.from_settings(settings, encoder).ask("there's pus and swelling and i have a fever")
    assert answer.escalation == "clinic" and answer.hits
    assert all("normal" not in hit.passage.text for hit in answer.hits)


def test_a_message_in_another_language_falls_back_to_the_clinics_contact(engine):
    for question in ("¿cuánto cuesta el tratamiento para las manchas?", "这个治疗需要多长时间"):
        answer = engine.ask(question)
        assert answer.status is Status.NO_MATCH and answer.other_language and not answer.hits, question
    assert not engine.ask("how many sesions do patients ned").other_language  # typos are still English


def test_a_question_the_document_asks_is_highlighted_with_its_answer(settings, encoder):
    write_corpus(settings.corpus_dir, {"c.txt": "Parkinson disease\n\nWhat causes Parkinson disease? Most cases have "
                                                "no known cause. Some run in families.\n"})
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    answer = Engine.from_settings(settings, encoder).ask("what causes parkinson disease?", 1)
    assert answer.hits[0].highlight == "What causes Parkinson disease? Most cases have no known cause."

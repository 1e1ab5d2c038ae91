"""The real model on the real corpus: questions whose answering passage is known."""

import pytest

from faqbot.answering.engine import Engine
from faqbot.models import Status

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def engine(real_index, real_encoder):
    return Engine.from_settings(real_index, real_encoder)


@pytest.mark.parametrize(
    "question, phrase",
    [
        ("how long will my skin stay red after the treatment", "days of redness"),
        ("is it safe to use a microneedling roller at home", "home"),
        ("does microneedling work for stretch marks", "stretch marks"),
        ("will the numbing cream make it painless", "numbing cream"),
        ("can people with dark skin get microneedling", "skin tones"),
    ],
)
def test_known_questions_find_their_passage_in_the_top_three(engine, question, phrase):
    answer = engine.ask(question, 3)
    assert answer.status is Status.ANSWERED
    assert any(phrase in hit.passage.text.lower() for hit in answer.hits), [h.passage.text[:80] for h in answer.hits]
    for hit in answer.hits:
        assert hit.highlight in hit.passage.text


def test_the_real_corpus_is_cleaned_and_split_as_designed(real_index):
    from faqbot.index.store import load_index

    passages = load_index(real_index.index_dir).passages
    titles = {p.source: p.title for p in passages}
    assert titles["what-is-microneedling.txt"] == "What Is Microneedling?"
    assert titles["microneedling-overview.txt"] == "Microneedling Overview"
    headings = {p.heading for p in passages}
    assert "How long and how awful is the downtime?" in headings  # was mathematical bold
    text = " ".join(p.text for p in passages)
    assert "Comments" not in text and "https://" not in text and "\u2019" not in text
    assert all(len(p.text.split()) <= 150 for p in passages)


def test_the_labelled_dev_set_keeps_its_quality_floor(real_index, real_encoder):
    """A regression guard with the real model: the numbers docs/evaluation.md reports must not silently drop. This
    index has no query adapter, so these are its "faqbot without adapter" figures (0.528 / 0.751 / 0.642, recall
    0.355 on the 796 + 344 question dev set)."""
    from faqbot.learning.evaluation import score
    from faqbot.learning.labelled import load_questions
    from tests.conftest import ROOT

    questions = load_questions(ROOT / "clinics/example-skin/questions.jsonl")
    scores = score(Engine.from_settings(real_index, real_encoder), questions)
    assert_raw_dev_floor(scores)


def assert_raw_dev_floor(scores) -> None:
    """The dev-set floor of an index without a query adapter (also checked for bf16 document vectors)."""
    assert scores.hit3 >= 0.72 and scores.hit1 >= 0.50 and scores.mrr5 >= 0.61
    assert scores.in_scope_fallbacks <= 0.03 and scores.fallback_recall >= 0.33
    assert scores.urgent_recall == 1.0 and scores.false_alarms == 0


def test_a_pin_reaches_a_close_paraphrase_but_not_a_different_question_on_the_same_topic(engine, tmp_path):
    """pin_similarity 0.8 with the real model: 'while pregnant' is the same question (cosine 0.93), 'dark skin'
    is not (0.72), though both are about whether microneedling is safe."""
    from faqbot.records.storage import Store
    from faqbot.staff.pins import PinBook

    store = Store.open(tmp_path / "data")
    book = PinBook(store, engine, engine.settings.pin_similarity)
    passage = engine.stored.passages[0].id
    store.add_pin("is microneedling safe during pregnancy", [passage], "dr.lee")
    assert book.ask("can I get microneedling while pregnant").hits[0].checked_by == "dr.lee"
    assert all(hit.checked_by == "" for hit in book.ask("is microneedling safe for dark skin").hits)
    store.close()


@pytest.fixture(scope="module")
def adapted_index(tmp_path_factory, real_encoder):
    """The real corpus with the query adapter learned from the labelled dev set, as `python ingest.py` builds it."""
    from faqbot.index.build import ingest
    from faqbot.learning.lessons import Lessons
    from faqbot.settings import DEFAULT_MODEL, Settings
    from tests.conftest import EXAMPLE_SKIN, ROOT

    settings = Settings(corpus_dir=ROOT / "corpus", index_dir=tmp_path_factory.mktemp("adapted") / "index",
                        model=DEFAULT_MODEL, training_questions=ROOT / "clinics/example-skin/questions.jsonl",
                        warning_signs=EXAMPLE_SKIN)
    ingest(settings.corpus_dir, settings.index_dir, real_encoder, lessons=Lessons.from_settings(settings))
    return settings


def test_the_adapter_learned_on_dev_keeps_its_gains_on_the_held_back_test_set(adapted_index, real_encoder):
    """A regression guard for the test-set numbers of the README and docs/evaluation.md (hit@1 0.825, hit@3 0.981,
    MRR@5 0.902, recall 0.923 with the look-alike margin, no in-scope or normal-healing fallbacks); the test set is
    never trained on."""
    from faqbot.learning.evaluation import score
    from faqbot.learning.labelled import load_questions
    from tests.conftest import ROOT

    engine = Engine.from_settings(adapted_index, real_encoder)
    assert engine.adapter is not None
    assert (engine.adapter.validation.in_scope, engine.adapter.validation.covered) == (796, 751)
    scores = score(engine, load_questions(ROOT / "eval/questions_test.jsonl"))
    assert scores.hit3 >= 0.95 and scores.hit1 >= 0.82 and scores.mrr5 >= 0.89
    assert scores.in_scope_fallbacks <= 0.03 and scores.fallback_recall >= 0.80
    assert scores.urgent_recall == 1.0 and scores.false_alarms == 0 and scores.normal_fallbacks == 0


def test_a_crisis_in_words_no_rule_holds_is_caught_by_the_second_opinion(engine):
    """The shipped escalation model applies to the default model's index; the rules alone miss these messages."""
    assert engine.escalation_model is not None
    for message in ("i've made my peace with everyone and tonight i'll finally be free of all of this",
                    "im giving my cat to my neighbour and writing to my sister, there's nothing left to sort"):
        assert not engine.triage.check(message).urgent
        answer = engine.ask(message)
        assert answer.escalation == "crisis" and answer.hits == () and "described like a crisis" in answer.signals
    assert engine.ask("how long does the redness last after microneedling?").status == "answered"


def test_a_parking_page_staff_add_answers_where_to_park_over_the_labelled_out_of_scope_parking_questions(
        adapted_index, real_encoder, tmp_path):
    """The example's labels call "is there parking near the clinic?" out of scope; once staff add a page about
    parking (the staff workspace's document library), a question whose words the page holds is answered from it:
    the documents win over the look-alike."""
    import shutil
    from dataclasses import replace

    from faqbot.staff.library import Library

    settings = replace(adapted_index, corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    shutil.copytree(adapted_index.corpus_dir, settings.corpus_dir)
    shutil.copytree(adapted_index.index_dir, settings.index_dir)  # with its labelled questions' vectors
    questions = ("where can I park?", "can I park at the clinic?")
    before = Engine.from_settings(settings, real_encoder)
    assert [before.ask(q).status for q in questions] == [Status.NO_MATCH, Status.NO_MATCH]
    page = tmp_path / "visiting.md"
    page.write_text("# Visiting the clinic\n\n## Parking\n\nFree parking for patients is in the car park behind the "
                    "clinic, on Elm Street. Two disabled spaces are by the front door.\n", encoding="utf-8")
    assert Library(settings, real_encoder).add(page, "visiting.md").message.startswith("Added 'visiting.md'")
    after = Engine.from_settings(settings, real_encoder)
    for question in questions:
        answer = after.ask(question)
        assert answer.status is Status.ANSWERED and answer.hits[0].passage.source == "visiting.md", answer.reason
    assert after.ask("do you sell gift vouchers?").status is Status.NO_MATCH  # still not in the documents

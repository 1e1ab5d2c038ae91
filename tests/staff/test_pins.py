"""Pins: an approved answer changes the next answer to its question and close paraphrases; removing restores."""

import pytest

from faqbot.answering.engine import Engine
from faqbot.patient.chat import PatientChat
from faqbot.records.storage import Store
from faqbot.staff.pins import PinBook


@pytest.fixture
def store(built_index):
    s = Store.open(built_index.data_dir)
    yield s
    s.close()


@pytest.fixture
def engine(built_index, encoder):
    return Engine.from_settings(built_index, encoder)


def passage_id(engine, heading: str) -> str:
    return next(p.id for p in engine.stored.passages if p.heading == heading)


def test_a_pin_answers_its_question_and_a_paraphrase_first_then_removing_it_restores(engine, store):
    book = PinBook(store, engine, threshold=0.8)
    question = "when can I wear makeup"
    before = book.ask(question)
    sun = passage_id(engine, "Sun protection")
    assert before.hits[0].passage.id != sun
    pin_id = store.add_pin(question, [sun], "nurse.amy")

    for asked in (question, "when can I wear makeup again?"):
        pinned = book.ask(asked)
        assert pinned.hits[0].passage.id == sun and pinned.hits[0].checked_by == "nurse.amy"
        assert pinned.reason.startswith(f"pin #{pin_id}")
    assert book.ask("does it hurt").hits[0].checked_by == ""  # an unrelated question is untouched

    store.remove_pin(pin_id)
    assert book.ask(question) == before


def test_a_pin_turns_an_uncovered_question_into_an_answer_and_keeps_urgent_urgent(built_index, encoder, store):
    strict = built_index.replace(min_similarity=0.99)
    engine = Engine.from_settings(strict, encoder)
    book = PinBook(store, engine, threshold=0.8)
    assert book.ask("is it safe during pregnancy").status == "no_match"
    store.add_pin("is it safe during pregnancy", [passage_id(engine, "Does it hurt?")], "dr.lee")
    assert book.ask("is it safe during pregnancy").status == "answered"
    store.add_pin("I have pus and fever", [passage_id(engine, "Sun protection")], "dr.lee")
    urgent = book.ask("I have pus and fever")
    assert urgent.status == "urgent" and urgent.hits[0].checked_by == "dr.lee"


def test_an_edited_pin_reaches_the_page_on_the_next_question(built_index, engine, store):
    chat = PatientChat(engine, built_index, store)
    pin_id = store.add_pin("how many sessions", [passage_id(engine, "Sun protection")], "nurse.amy")
    assert "Stay out of the sun" in chat.reply("how many sessions").html.split("faq-card")[1]
    store.update_pin(pin_id, [passage_id(engine, "Makeup")], "dr.lee")
    card = chat.reply("how many sessions").html.split("faq-card")[1]
    assert "Wait one day before applying makeup" in card and "Checked by clinic staff on 20" in card
    assert "dr.lee" not in card


def test_with_pins_a_question_is_embedded_once(engine, store, encoder):
    book = PinBook(store, engine, threshold=0.8)
    store.add_pin("when can I wear makeup", [passage_id(engine, "Sun protection")], "nurse.amy")
    book.ask("does it hurt")  # embeds the pins once, for this revision
    before = encoder.calls
    assert book.ask("when can I wear makeup again?").reason.startswith("pin #")
    assert encoder.calls - before == 1  # the engine's embedding of the question is the one the pins compare


def test_a_question_staff_mark_as_not_covered_gets_the_fallback_and_warning_signs_still_come_first(engine, store):
    book = PinBook(store, engine, threshold=0.8)
    question = "do you sell gift cards"
    assert book.ask(question).status == "answered"  # the fake model finds something to show
    pin_id = store.add_pin(question, [], "dr.lee")
    for asked in (question, "do you sell gift cards?"):
        answer = book.ask(asked)
        assert answer.status == "no_match" and not answer.hits
        assert answer.reason.startswith(f"pin #{pin_id}: staff marked this question as not covered")
    warning = "do you sell gift cards, there's pus coming out of the spot and i have a fever"
    store.add_pin(warning, [], "dr.lee")
    urgent = book.ask(warning)
    assert urgent.status == "urgent" and urgent.escalation == "clinic" and urgent.hits
    assert "not covered" in urgent.reason
    emergency = "do you sell gift cards, my lips are swelling and i can't breathe"
    store.add_pin(emergency, [], "dr.lee")
    answer = book.ask(emergency)
    assert answer.escalation == "emergency" and not answer.hits  # its message alone, pin or not
    store.remove_pin(pin_id)
    assert book.ask(question).status == "answered"

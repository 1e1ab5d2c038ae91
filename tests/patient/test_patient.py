"""The patient's chat without a web server: what each kind of message gets, what is stored, what is escaped."""

import pytest

from faqbot.answering.engine import Engine
from faqbot.index.build import ingest
from faqbot.patient.chat import PatientChat
from faqbot.records.storage import Store
from tests.conftest import TINY_CORPUS, write_corpus


@pytest.fixture
def store(built_index):
    s = Store.open(built_index.data_dir)
    yield s
    s.close()


def make_chat(settings, encoder, store) -> PatientChat:
    return PatientChat(Engine.from_settings(settings, encoder), settings, store)


@pytest.fixture
def chat(built_index, encoder, store):
    return make_chat(built_index, encoder, store)


def test_an_answer_shows_a_lead_and_cards_with_their_source_and_highlight(chat):
    reply = chat.reply("how many sessions do patients need")
    assert reply.status == "answered"
    assert '<p class="faq-lead">Most patients need three to six sessions' in reply.html
    assert '<span class="faq-doc">How many sessions?</span>' in reply.html
    assert "<mark>Most patients need three to six sessions spaced a month apart.</mark>" in reply.html
    assert "<details><summary>Read the full passage</summary>" in reply.html


def test_each_answer_is_stored_with_what_was_shown_and_takes_feedback(chat, store):
    reply = chat.reply("how many sessions do patients need")
    stored = store.get(reply.interaction_id)
    assert stored.question == "how many sessions do patients need" and stored.status == "answered"
    assert stored.shown[0].source == "sessions.txt"
    assert chat.feedback(reply.interaction_id, helpful=False)
    assert store.get(reply.interaction_id).feedback is False


@pytest.mark.parametrize("message", [None, "", "   \n\t ", "\u200b\u200b"])
def test_empty_input_does_nothing(chat, store, message):
    assert chat.reply(message) is None
    assert store.recent() == []


def test_a_question_over_the_length_cap_gets_a_friendly_message_and_is_not_stored(chat, store, built_index):
    reply = chat.reply("x" * 1_000_000)
    assert reply.status == "too_long" and f"over {built_index.max_question_chars} characters" in reply.html
    assert reply.interaction_id is None and store.recent() == []


def test_warning_signs_put_the_escalation_first_then_passages(chat):
    reply = chat.reply("I have pus and a fever after my session")
    assert reply.status == "urgent"
    assert reply.html.index('role="alert"') < reply.html.index("faq-card")
    assert "(555) 010-0000" in reply.html


def test_an_uncovered_question_gets_the_fallback_with_the_clinic_contact(built_index, encoder, store):
    chat = make_chat(built_index.replace(min_similarity=0.99, clinic_phone="+1 555 0100"), encoder, store)
    reply = chat.reply("do you take insurance")
    assert reply.status == "no_match"
    assert "couldn&#x27;t find this in our materials" in reply.html and "+1 555 0100" in reply.html
    assert "faq-card" not in reply.html


def test_markup_in_a_question_stays_text(chat):
    first = chat.reply('<img src=x onerror="alert(1)"> makeup <script>alert(2)</script>')
    follow_up = chat.reply("and does it hurt?", topic=first.topic)  # the only answer that repeats the question
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in follow_up.html
    assert "<img" not in first.html + follow_up.html and "<script" not in first.html + follow_up.html


def test_markup_in_a_document_is_shown_as_text(tmp_path, settings, encoder, store):
    corpus = write_corpus(tmp_path / "hostile", {
        **TINY_CORPUS,
        "hostile.md": "# Makeup tips\n\nApply makeup <img src=x onerror=alert(1)> gently with "
                      "[a link](javascript:alert(3)) and clean brushes.\n",
    })
    hostile = settings.replace(corpus_dir=corpus, index_dir=tmp_path / "hostile-index")
    ingest(hostile.corpus_dir, hostile.index_dir, encoder)
    reply = make_chat(hostile, encoder, store).reply("how to apply makeup with clean brushes")
    assert "Apply makeup &lt;img src=x onerror=alert(1)&gt; gently" in reply.html
    assert "<img" not in reply.html and "<a " not in reply.html


def test_contact_details_are_taken_out_before_the_question_is_answered_or_stored(chat, store):
    reply = chat.reply("email jane@example.com or call 555 867 5309: how many sessions do I need")
    stored = store.get(reply.interaction_id)
    assert stored.question == "email [email] or call [phone]: how many sessions do I need"
    assert "jane" not in stored.query and "5309" not in stored.reason


def test_a_short_follow_up_is_answered_in_the_context_of_the_previous_question(chat, store):
    first = chat.reply("when can I apply makeup")
    follow_up = chat.reply("and does it hurt?", topic=first.topic)
    assert "Read together with your earlier question: “when can I apply makeup”" in follow_up.html
    assert store.get(follow_up.interaction_id).query == "when can I apply makeup and does it hurt?"
    assert follow_up.topic == "when can I apply makeup"


def test_a_failure_inside_gives_the_patient_a_message_not_a_traceback(chat, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(chat.engine, "rank", broken)  # the first step of every answer
    reply = chat.reply("how many sessions")
    assert reply.status == "error" and "something went wrong" in reply.html
    assert "Traceback" not in reply.html and "exploded" not in reply.html


def test_a_crisis_reply_is_the_crisis_message_alone_with_numbers_to_call(chat, built_index):
    reply = chat.reply("nobody would care if i was gone")
    assert reply.status == "urgent" and 'role="alert"' in reply.html and "faq-card" not in reply.html
    assert f'<a href="tel:{built_index.crisis_line}">{built_index.crisis_line}</a>' in reply.html
    assert f'href="tel:{built_index.emergency_number}"' in reply.html


def test_a_message_in_another_language_gets_the_clinics_contact_and_the_emergency_number(chat, built_index):
    reply = chat.reply("hola, ¿cuánto cuesta una sesión y cuándo tienen citas disponibles?")
    assert reply.status == "no_match" and "faq-card" not in reply.html
    assert "solo puedo leer preguntas en inglés" in reply.html and 'href="tel:911"' in reply.html


def test_an_emergency_in_another_language_gets_the_emergency_message_and_the_clinics_words_in_that_language(chat):
    reply = chat.reply("me duele el pecho y no puedo respirar")
    assert reply.status == "urgent" and "Call emergency services now" in reply.html and "faq-card" not in reply.html
    assert "En caso de emergencia, llame al" in reply.html
    assert "En caso de emergencia" not in chat.reply("my baby is not breathing").html


def test_a_follow_up_to_an_unanswered_question_is_asked_on_its_own_when_that_answers_it(chat, store, monkeypatch):
    from dataclasses import replace

    from faqbot.models import Status

    real = chat.pins.ask
    monkeypatch.setattr(chat.pins, "ask", lambda query: replace(real(query), status=Status.NO_MATCH, hits=())
                        if "insurance" in query else real(query))  # the documents don't cover insurance
    first = chat.reply("do you take insurance")
    assert first.status == "no_match"
    follow_up = chat.reply("and does it hurt?", topic=first.topic)
    assert follow_up.status == "answered" and "Read together" not in follow_up.html
    assert store.get(follow_up.interaction_id).query == "and does it hurt?" and follow_up.topic == "and does it hurt?"


def test_questions_asked_while_the_database_is_full_are_stored_once_it_can_be_written(chat, store, monkeypatch,
                                                                                      caplog, built_index):
    from faqbot.errors import StorageError
    from faqbot.records.backlog import BacklogFile, waiting

    chat.backlog = BacklogFile(built_index.data_dir)  # as the page's process has: what staff are shown

    real, full = store.record, [True]

    def record(*args):
        if full[0]:
            raise StorageError("The database could not be used (database or disk is full)")
        return real(*args)

    monkeypatch.setattr(store, "record", record)
    answered = [chat.reply(f"how many sessions do I need {n}") for n in range(3)]
    assert [r.status for r in answered] == ["answered"] * 3 and all(r.interaction_id is None for r in answered)
    assert len([r for r in caplog.records if "kept in memory" in r.message]) == 1  # once, not per question
    [held] = waiting(built_index.data_dir)
    assert held.unsaved == 3 and "disk is full" in held.error
    full[0] = False
    chat.reply("when can I apply makeup")
    assert waiting(built_index.data_dir) == []
    assert [i.question for i in reversed(store.recent())] == [
        "how many sessions do I need 0", "how many sessions do I need 1", "how many sessions do I need 2",
        "when can I apply makeup"]

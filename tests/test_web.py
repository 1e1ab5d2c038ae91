"""The first page, launched for real and called with gradio_client."""

import pytest

from faqbot.engine import Engine
from faqbot.web import build_app, escape, respond

pytestmark = pytest.mark.ui


@pytest.fixture
def engine(built_index, encoder):
    return Engine.from_settings(built_index, encoder)


def test_respond_shows_passages_with_their_source(engine, built_index):
    reply = respond(engine, built_index, "how many sessions do patients need")
    assert "three to six sessions" in reply and "Source:" in reply and "sessions\\.txt" in reply


def test_respond_handles_empty_and_oversized_questions(engine, built_index):
    assert "Please type a question" in respond(engine, built_index, "   ")
    assert "too long" in respond(engine, built_index, "x" * 1_000_000)


def test_markup_from_a_question_or_document_is_escaped():
    assert escape('<img src=x onerror="alert(1)">') == '&lt;img src=x onerror="alert\\(1\\)"&gt;'


@pytest.fixture
def client(engine, built_index):
    from gradio_client import Client

    app = build_app(engine, built_index)
    app.queue()
    app.launch(prevent_thread_lock=True, server_port=None, share=False)
    try:
        yield Client(app.local_url, verbose=False)
    finally:
        app.close()


def test_the_launched_page_answers_over_its_api(client):
    reply = client.predict("how long to wait before applying makeup", api_name="/ask")
    assert "mineral makeup" in reply and "aftercare\\.md" in reply

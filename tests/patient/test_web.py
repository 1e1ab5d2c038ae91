"""The patient page launched for real: its API with gradio_client, its routes and its launch settings over HTTP."""

import json
import re
import threading
import time

import httpx
import pytest

from faqbot.answering.engine import Engine
from faqbot.patient.admission import Admission
from faqbot.patient.chat import PatientChat
from faqbot.patient.page import build_app, launch_options, queue_options
from faqbot.records.storage import Store
from faqbot.settings import Settings

pytestmark = pytest.mark.ui


def launch(chat: PatientChat, settings: Settings, gate: Admission | None = None):
    app = build_app(chat, settings, gate)
    app.queue(**queue_options(settings))
    options = {**launch_options(settings), "server_port": None, "prevent_thread_lock": True, "quiet": True}
    app.launch(**options)
    return app


@pytest.fixture
def page_settings(built_index, tmp_path):
    config = tmp_path / "faqbot.toml"
    config.write_text('[clinic]\nphone = "+1 555 0100"\n')
    return built_index.replace(clinic_phone="+1 555 0100")


@pytest.fixture
def store(page_settings):
    s = Store.open(page_settings.data_dir)
    yield s
    s.close()


@pytest.fixture
def app(page_settings, encoder, store):
    app = launch(PatientChat(Engine.from_settings(page_settings, encoder), page_settings, store), page_settings)
    yield app
    app.close()


@pytest.fixture
def client(app):
    from gradio_client import Client

    return Client(app.local_url, verbose=False)


def ask(client, question: str) -> tuple[str, list[str]]:
    """The question box after asking, and the conversation's messages as HTML strings."""
    textbox, history, _status = client.predict(question, [], api_name="/ask")
    return textbox, ["".join(part["text"] for part in message["content"]) for message in history]


def test_a_question_gets_passages_with_their_sources(client):
    textbox, history = ask(client, "how long to wait before applying makeup")
    assert textbox == ""  # the box is cleared for the next question
    assert history[0] == "how long to wait before applying makeup"
    answer = history[1]
    assert "<mark>Wait one day before applying makeup.</mark>" in answer
    assert '<span class="faq-doc">Aftercare guide</span>' in answer


def test_warning_signs_get_the_escalation_message_first(client):
    answer = ask(client, "my face is swollen and I have a fever since the treatment")[1][1]
    assert answer.startswith('<div class="faq-answer faq-urgent faq-clinic"><div class="faq-alert" role="alert">')
    assert "+1 555 0100" in answer


def test_an_uncovered_question_gets_the_fallback(page_settings, encoder, store):
    strict = page_settings.replace(min_similarity=0.99)
    app = launch(PatientChat(Engine.from_settings(strict, encoder), strict, store), strict)
    try:
        from gradio_client import Client

        answer = ask(Client(app.local_url, verbose=False), "do you take insurance")[1][1]
    finally:
        app.close()
    assert "find this in our materials" in answer and "+1 555 0100" in answer


def test_empty_oversized_and_hostile_questions_get_their_friendly_handling(client, store):
    assert ask(client, "   ") == ("   ", [])  # nothing happens
    too_long = ask(client, "a" * 1_000_000)[1]
    assert "too long" in too_long[1] and len(too_long[0]) < 400
    hostile = ask(client, '<img src=x onerror="alert(1)"><script>alert(2)</script> makeup')[1]
    assert hostile[0].startswith("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;")
    assert "<img" not in hostile[1]
    assert [i.status for i in store.recent()] == ["answered"]  # only the real question was stored


def test_the_only_public_endpoint_is_ask(app):
    info = httpx.get(f"{app.local_url}gradio_api/info").json()
    assert list(info["named_endpoints"]) == ["/ask"] and info["unnamed_endpoints"] == {}


@pytest.mark.parametrize("path", ["index/manifest.json", "data/faqbot.sqlite3", "faqbot.toml", "/etc/passwd",
                                  "../etc/passwd", "%2e%2e/faqbot.toml", "INDEX/manifest.json"])
def test_file_routes_do_not_reach_the_index_the_data_or_the_config(app, page_settings, path):
    base = page_settings.index_dir.parent
    for target in (path, f"{base}/{path}"):
        response = httpx.get(f"{app.local_url}gradio_api/file={target}")
        assert response.status_code in (403, 404), (target, response.status_code)


def test_the_page_takes_no_uploads_and_keeps_its_files_in_its_own_folder(page_settings, encoder, store,
                                                                          monkeypatch, tmp_path):
    import os

    from faqbot.patient.page import private_temp_folder

    monkeypatch.setenv("TMPDIR", str(tmp_path))  # tempfile reads it once; its gettempdir is cached
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    (tmp_path / "faqbot-patient-999999999-gone").mkdir()  # left by a process that is no longer running
    monkeypatch.setenv("GRADIO_TEMP_DIR", "")  # restored after the test
    folder = private_temp_folder("patient")
    assert os.environ["GRADIO_TEMP_DIR"] == str(folder) and folder.parent == tmp_path
    assert not (tmp_path / "faqbot-patient-999999999-gone").exists()
    app = build_app(PatientChat(Engine.from_settings(page_settings, encoder), page_settings, store), page_settings)
    assert str(folder) == app.GRADIO_CACHE
    app.queue(**queue_options(page_settings))
    _, url, _ = app.launch(**{**launch_options(page_settings), "server_port": None, "prevent_thread_lock": True,
                              "quiet": True})
    try:
        refused = httpx.post(f"{url}gradio_api/upload", files={"files": ("a.txt", b"x")})
        assert refused.status_code == 404 and refused.text == "This page takes no files."
        assert list(folder.iterdir()) == [] and httpx.get(url).status_code == 200
    finally:
        app.close()


def test_launch_settings_fit_a_public_page(page_settings):
    options = launch_options(page_settings)
    assert options["share"] is False and options["enable_monitoring"] is False and options["mcp_server"] is False
    assert options["allowed_paths"] == [] and options["show_error"] is False
    assert str(page_settings.data_dir.resolve()) in options["blocked_paths"]
    assert str(page_settings.index_dir.resolve()) in options["blocked_paths"]


def call_ask(app, question, timeout=60) -> tuple[str, str]:
    """POST the question straight to the HTTP API, as the page does (no client library): (outcome, body)."""
    base = app.local_url.rstrip("/")
    response = httpx.post(f"{base}/gradio_api/run/ask", json={"data": [question, [], None, {}]}, timeout=timeout)
    return ("complete" if response.status_code == 200 else f"http {response.status_code}"), response.text


def test_beyond_the_running_and_waiting_limits_a_question_gets_the_busy_message(built_index, encoder, store):
    busy = built_index.replace(concurrent_answers=1, queue_size=1)
    chat = PatientChat(Engine.from_settings(busy, encoder), busy, store)
    release, started = threading.Event(), threading.Event()
    rank = chat.engine.rank  # the first step of every answer

    def slow_rank(*args, **kwargs):
        started.set()
        release.wait(10)
        return rank(*args, **kwargs)

    chat.engine.rank = slow_rank
    gate = Admission(busy.concurrent_answers, busy.queue_size)
    app = launch(chat, busy, gate)
    results: dict[str, tuple[str, str]] = {}
    first = threading.Thread(target=lambda: results.setdefault("first", call_ask(app, "how many sessions")))
    second = threading.Thread(target=lambda: results.setdefault("second", call_ask(app, "does it hurt")))
    try:
        first.start()
        assert started.wait(10)  # being answered
        second.start()
        for _ in range(500):  # until the second question waits
            if gate.inside == 2:
                break
            time.sleep(0.01)
        assert gate.inside == 2
        kind, body = call_ask(app, "when can I wear makeup")  # one running, one waiting: no room
        assert kind == "complete" and "Many people are asking questions right now" in body
        assert busy.clinic_phone in body
        assert json.loads(body)["data"][0] == "when can I wear makeup"  # still in the box, to send again
    finally:
        release.set()
        first.join(10)
        second.join(10)
        app.close()
    assert "faq-busy" not in results["first"][1] + results["second"][1]  # both were answered
    assert {r.question for r in store.recent()} == {"how many sessions", "does it hurt"}  # the busy one: not stored


def test_when_answering_fails_the_question_stays_in_the_box_to_send_again(page_settings, encoder, store):
    chat = PatientChat(Engine.from_settings(page_settings, encoder), page_settings, store)

    def broken(*args, **kwargs):
        raise RuntimeError("index exploded")

    chat.engine.rank = broken  # the first step of every answer
    app = launch(chat, page_settings)
    try:
        kind, body = call_ask(app, "how many sessions")
    finally:
        app.close()
    textbox, history = json.loads(body)["data"][:2]
    assert kind == "complete" and textbox == "how many sessions"
    assert "something went wrong" in history[-1]["content"][0]["text"] and "exploded" not in body


@pytest.mark.parametrize("size", [1_000_000, 50_000_000])
def test_huge_bodies_sent_to_the_http_api_get_the_friendly_message(app, store, size):
    kind, data = call_ask(app, "a" * size)
    assert kind == "complete" and "too long for me" in data
    assert store.recent() == []


@pytest.mark.parametrize("question", [
    "how many\x00 sessions\x07\x1b[31m do I need",
    "how\u200b many\u200d sessions\ufeff",
    "\u202eseussi sdeen I od snoisses ynam woh",
    "h\u043ew many sessi\u043ens",  # Cyrillic o
    "\ufdfa" * 900,
    "javascript:alert(1) <a href='javascript:alert(2)'>sessions</a>",
    "'; DROP TABLE interactions; -- how many sessions",
    "how many sessions?\" OR 1=1 --",
])
def test_hostile_questions_get_a_normal_answer_and_are_stored_as_text(app, store, question):
    kind, data = call_ask(app, question)
    assert kind == "complete", data
    links = re.findall(r"<a href=\\?[\"']([^\"'\\]*)", data)
    assert all(link.startswith("tel:") for link in links) and "\\u0000" not in data  # only the clinic's numbers
    assert store.recent(1)[0].status in ("answered", "no_match", "urgent")  # stored, the table still exists


def test_32_concurrent_clients_asking_25_questions_each_get_every_answer(app):
    """The bounded load test of bench/http_load.py against the launched page (fake encoder): zero errors."""
    from bench.http_load import load

    result = load(app.local_url.rstrip("/"), clients=32, per_client=25,
                  qs=["how many sessions", "when can I wear makeup", "does it hurt", "sun after treatment"])
    print(f"\n32 clients x 25 questions: {result['per_s']:.0f}/s, p50 {result['p50']:.0f} ms, "
          f"p99 {result['p99']:.0f} ms")
    assert result["errors"] == 0 and result["answers"] == 800

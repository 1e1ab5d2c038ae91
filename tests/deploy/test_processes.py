"""Two patient page processes behind the real nginx and the real Caddy, as a clinic runs them (`FAQBOT_PORT=PORT
python app.py`; faqbot-patient@PORT under systemd) over one index and one question log: both answer, each browser
keeps to one process (its conversation lives there), every question is logged exactly once with no errors while
many patients ask at once, and when a process stops the other answers its patients; a process reached without the
proxy still cuts off slow requests and answers 503 beyond its connection cap."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from faqbot.index.build import ingest
from faqbot.index.encoders import FakeEncoder
from faqbot.records.storage import DATABASE
from tests.conftest import ROOT, TINY_CORPUS, write_corpus
from tests.deploy.servers import PATIENT, client, free_port, require, run_proxy, stop, wait_for

pytestmark = pytest.mark.ui
CLIENTS = 16  # patients asking at once, each from its own loopback address as from its own phone
FOLLOW_UPS = 4
REQUEST_SECONDS, MAX_CONNECTIONS = 2, 200  # each process's own limits (faqbot/deploy/app_server.py)
READ_WITH = "Read together with your earlier question"  # a follow-up answered with its conversation's topic


class Processes:
    """The patient page's processes, one per port, sharing an index and a data folder."""

    def __init__(self, folder: Path) -> None:
        corpus = write_corpus(folder / "corpus", TINY_CORPUS)
        ingest(corpus, folder / "index", FakeEncoder())
        self.folder, self.database = folder, folder / "data" / DATABASE
        self.env = {key: value for key, value in os.environ.items() if not key.startswith("FAQBOT_")}
        self.env.update(FAQBOT_CORPUS_DIR=str(corpus), FAQBOT_INDEX_DIR=str(folder / "index"),
                        FAQBOT_DATA_DIR=str(folder / "data"), FAQBOT_MODEL="fake-encoder",
                        FAQBOT_MIN_SIMILARITY="0", FAQBOT_MIN_SIMILARITY_UNKNOWN_WORDS="0",
                        FAQBOT_REQUEST_SECONDS=str(REQUEST_SECONDS), FAQBOT_MAX_CONNECTIONS=str(MAX_CONNECTIONS))
        self.running: dict[int, subprocess.Popen] = {}

    def start(self, port: int) -> None:
        with open(self.folder / f"app-{port}.log", "ab") as log:
            self.running[port] = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=self.folder,
                                                  env={**self.env, "FAQBOT_PORT": str(port)},
                                                  stdout=subprocess.DEVNULL, stderr=log)

    def wait(self) -> None:
        for port, process in self.running.items():
            wait_for(port, 120)
            assert process.poll() is None, (self.folder / f"app-{port}.log").read_text()

    def stop(self, port: int) -> None:
        stop(self.running.pop(port))

    def app_id(self, port: int) -> int:
        """The id Gradio gave the page in the process on `port` (its /config tells the processes apart)."""
        return httpx.get(f"http://127.0.0.1:{port}/config", timeout=10).json()["app_id"]

    def logged(self, tag: str) -> Counter[str]:
        """How often each question containing `tag` is in the shared question log."""
        with sqlite3.connect(self.database) as db:
            rows = db.execute("SELECT question FROM interactions WHERE instr(question, ?) > 0", (tag,)).fetchall()
        return Counter(question for (question,) in rows)


@pytest.fixture(scope="module")
def processes(tmp_path_factory):
    running = Processes(tmp_path_factory.mktemp("processes"))
    try:
        for port in (free_port(), free_port()):
            running.start(port)
        running.wait()
        yield running
    finally:
        for port in list(running.running):
            running.stop(port)


@pytest.fixture(params=["nginx", "caddy"])
def proxy(request, processes, tmp_path):
    """The proxy in front of both processes, without its per-client question rate (the patients here ask fast)."""
    require(request.param)
    server, https, _ = run_proxy(request.param, tmp_path, patient_ports=tuple(processes.running),
                                 questions_per_second=1000)
    try:
        yield f"https://127.0.0.1:{https}"
    finally:
        stop(server)


def ask(http: httpx.Client, base: str, question: str, session: str) -> str:
    """One question as the page's script asks it, in its session; the reply, checked to be an answer."""
    reply = http.post(f"{base}/gradio_api/run/ask", json={"data": [question, [], None, {}], "session_hash": session})
    assert reply.status_code == 200, reply.text
    assert "faq-busy" not in reply.text and "faq-error" not in reply.text, reply.text
    return reply.text


def conversation(base: str, patient: int, tag: str) -> tuple[list[str], set[int]]:
    """One patient from 127.0.0.N: the page, a question, follow-ups read with it; what they asked and the
    processes (app ids) that served them."""
    first = f"how many sessions do I need, asks {tag} patient {patient}?"
    asked = [first] + [f"and what about makeup {tag} {patient} {n}?" for n in range(FOLLOW_UPS)]
    session = uuid.uuid4().hex
    with client(PATIENT, source=f"127.0.0.{10 + patient}", timeout=60) as http:
        page = http.get(f"{base}/config")  # the first request: the proxy chooses the process and names it
        route = page.headers.get("set-cookie", "")
        assert route.startswith("faqbot_process=") and route.endswith("; Secure; HttpOnly; SameSite=Lax"), route
        assert "sessions" in ask(http, base, first, session)
        for question in asked[1:]:
            assert f"{READ_WITH}: “{first}”" in ask(http, base, question, session)  # the topic was in this process
        again = http.get(f"{base}/config")
        assert "set-cookie" not in again.headers
    return asked, {page.json()["app_id"], again.json()["app_id"]}


def test_both_processes_answer_each_patient_keeps_to_one_and_every_question_is_logged_once(processes, proxy):
    # letters only: a run of digits in a hex tag ("3958061d") is redacted from the questions as a phone number
    tag = uuid.uuid4().hex[:8].translate(str.maketrans("0123456789", "ghijklmnop"))
    with ThreadPoolExecutor(CLIENTS) as pool:
        conversations = list(pool.map(lambda n: conversation(proxy, n, tag), range(CLIENTS)))
    assert all(len(served) == 1 for _, served in conversations)  # a patient's requests all went to one process
    assert set().union(*(served for _, served in conversations)) == {processes.app_id(p) for p in processes.running}
    asked = [question for questions, _ in conversations for question in questions]
    assert processes.logged(tag) == Counter(asked) and len(asked) == CLIENTS * (1 + FOLLOW_UPS)


def test_when_a_process_stops_its_patients_are_answered_by_the_other(processes, proxy):
    first, second = processes.running
    with client(PATIENT, timeout=60) as http:
        for _ in range(50):  # new visitors until the proxy sends one to the first process
            if http.get(f"{proxy}/config").json()["app_id"] == processes.app_id(first):
                break
            http.cookies.clear()
        else:
            pytest.fail("50 new visitors and none went to the first process")
        processes.stop(first)
        try:
            assert "sessions" in ask(http, proxy, "how many sessions do I need?", uuid.uuid4().hex)
            assert http.get(f"{proxy}/config").json()["app_id"] == processes.app_id(second)
        finally:
            processes.start(first)
            processes.wait()


def test_a_process_reached_without_the_proxy_cuts_off_slow_requests_and_is_busy_beyond_its_connection_cap(processes):
    port, process = next(iter(processes.running.items()))
    limits = Path(f"/proc/{process.pid}/limits").read_text().splitlines()
    soft, hard = next(line for line in limits if line.startswith("Max open files")).split()[3:5]
    assert soft == hard  # as many open files as the system allows, not the common 1,024
    held = [socket.create_connection(("127.0.0.1", port)) for _ in range(MAX_CONNECTIONS)]
    held[0].sendall(b"GET /config HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # half its headers, and it waits
    try:
        started = time.perf_counter()
        assert httpx.get(f"http://127.0.0.1:{port}/config", timeout=10).status_code == 503  # over the cap ...
        assert time.perf_counter() - started < 1.0  # ... said at once, not after a wait
        time.sleep(REQUEST_SECONDS + 0.5)
        for connection in held[:3] + held[-3:]:  # past the deadline the process has closed them, nothing sent
            connection.settimeout(2)
            assert connection.recv(1024) == b""
        assert httpx.get(f"http://127.0.0.1:{port}/config", timeout=10).status_code == 200
    finally:
        for connection in held:
            connection.close()

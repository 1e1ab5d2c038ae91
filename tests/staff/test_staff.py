"""The staff workspace: refused without a login, shows and exports the log; retention really deletes."""

import csv
import io
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from faqbot.answering.engine import Engine
from faqbot.models import Answer, Escalation, Hit, Passage, Status
from faqbot.patient.chat import PatientChat
from faqbot.records.retention import purge_expired
from faqbot.records.storage import DATABASE, LogFilter, Store
from faqbot.staff.accounts import Accounts
from faqbot.staff.app import build_staff_app, staff_launch_options
from faqbot.staff.exports import Exports, write_csv
from faqbot.staff.review import review_queue
from faqbot.staff.views import LOG_COLUMNS, log_filter, log_rows
from tests.conftest import ROOT

PASSWORD = "a long enough secret"
PASSAGE = Passage("care-1", "Wait one day before applying makeup.", "aftercare.md", "Aftercare guide", "Makeup",
                  0, 36, ((0, 36),))


def answer(status=Status.ANSWERED):
    return Answer("q", status, () if status is Status.NO_MATCH else (Hit(PASSAGE, 0.6, PASSAGE.text),), "why")


@pytest.fixture
def store(settings):
    s = Store.open(settings.data_dir)
    s.record("when can I wear makeup", "when can I wear makeup", answer())
    s.set_feedback(s.record("=HYPERLINK(\"x\") do you take insurance", "q", answer(Status.NO_MATCH)), False)
    s.record("pus and fever after my session", "q", answer(Status.URGENT))
    yield s
    s.close()


def test_the_log_filters_by_status_feedback_text_and_date(store):
    assert [i.status for i in store.search(LogFilter(status="urgent"))] == ["urgent"]
    assert [i.status for i in store.search(log_filter("any", "not helpful", "", "", ""))] == ["no_match"]
    assert [i.question for i in store.search(log_filter("any", "any", "", "", "MAKEUP"))] == ["when can I wear makeup"]
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert len(store.search(log_filter("any", "any", today, today, ""))) == 3
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%d")
    assert store.search(log_filter("any", "any", tomorrow, "", "")) == []


def test_the_csv_export_rows_match_the_log_and_cannot_run_formulas(store, tmp_path):
    rows = log_rows(store.recent())
    path = write_csv(rows, tmp_path, LOG_COLUMNS, "log")
    exported = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert exported[0][:3] == ["id", "asked (UTC)", "question"]
    assert len(exported) == len(rows) + 1
    for got, row in zip(exported[1:], rows, strict=True):
        assert got[0] == str(row[0]) and got[3:] == [str(c) for c in row[3:]]
        assert got[2] == row[2] or got[2] == "'" + row[2]
    assert any(r[2].startswith("'=HYPERLINK") for r in exported[1:])


def test_retention_purge_deletes_old_questions_from_every_database_file(store, settings):
    store._execute("UPDATE interactions SET asked_at = ? WHERE question LIKE 'pus%'",
                   ((datetime.now(UTC) - timedelta(days=settings.retention_days + 1)).isoformat(),))
    assert purge_expired(store, settings) == 1
    assert [i.status for i in store.recent()] == ["no_match", "answered"]
    raw = b"".join(p.read_bytes() for p in settings.data_dir.glob(f"{DATABASE}*"))
    assert b"pus and fever" not in raw and b"when can I wear makeup" in raw


def test_staff_accounts_come_from_the_command_line(settings, tmp_path):
    env = {"FAQBOT_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"}

    def staff(*args, stdin=""):
        return subprocess.run([sys.executable, "-m", "faqbot", "staff", *args], input=stdin, capture_output=True,
                              text=True, cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)}, timeout=60)

    assert staff("add", "nurse.amy", "--password-stdin", stdin=PASSWORD + "\n").returncode == 0
    assert staff("list").stdout.split() == ["nurse.amy"]
    short = staff("add", "nurse.bob", "--password-stdin", stdin="short\n")
    assert short.returncode == 1 and "at least 10" in short.stderr
    kept = staff("remove", "nurse.amy", stdin="n\n")
    assert kept.returncode == 1 and "Nothing was removed." in kept.stdout and staff("list").stdout.split() == [
        "nurse.amy"]
    assert staff("remove", "nurse.amy", stdin="y\n").returncode == 0 and "No staff accounts" in staff("list").stdout


def test_crises_come_first_in_the_review_queue_then_emergencies_then_warning_signs(store):
    kinds = (Escalation.CLINIC, Escalation.EMERGENCY, Escalation.CRISIS, Escalation.CLINIC)
    for kind in kinds:
        store.record(f"a {kind} message", "q", replace(answer(Status.URGENT), hits=(), escalation=kind))
    queue = [q for q in review_queue(store, low_score=0.0) if q.interaction.question.endswith(" message")]
    assert [q.why for q in queue] == ["urgent: crisis", "urgent: emergency", "urgent: warning sign",
                                      "urgent: warning sign"]
    assert [q.interaction.escalation for q in queue] == ["crisis", "emergency", "clinic", "clinic"]
    assert "urgent: crisis" in log_rows([queue[0].interaction])[0]


def test_the_review_queue_puts_urgent_then_unanswered_then_unhelpful_then_low_confidence(store):
    low = store.record("what about retinol", "q", answer())  # both answered questions scored 0.6
    items = review_queue(store, low_score=0.7)
    assert [(q.interaction.status, q.why) for q in items] == [
        ("urgent", "urgent: warning sign"), ("no_match", "not answered"), ("answered", "low confidence"),
        ("answered", "low confidence")]
    assert items[2].interaction.id == low  # newest first within a group
    assert [q.why for q in review_queue(store, low_score=0.5)] == ["urgent: warning sign", "not answered"]
    store.set_review(low, "right", "nurse.amy")
    assert [q.interaction.id for q in review_queue(store, low_score=0.7)][2:] == [items[3].interaction.id]
    assert store.get(low).reviewed_by == "nurse.amy"


@pytest.fixture
def staff_url(store, built_index, encoder):
    accounts = Accounts(store)
    accounts.add("nurse.amy", PASSWORD)
    exports = Exports(built_index.data_dir.parent / "exports")
    app = build_staff_app(store, built_index, Engine.from_settings(built_index, encoder), exports)
    app.queue()
    app.launch(**{**staff_launch_options(built_index, accounts, exports), "server_port": None,
                  "prevent_thread_lock": True, "quiet": True})
    yield app.local_url
    app.close()


@pytest.mark.ui
def test_anonymous_and_wrong_password_callers_get_nothing(staff_url):
    from gradio_client import Client

    names = ("log", "export_log", "queue", "pins", "open", "pin", "remove_pin", "check", "context", "overview",
             "unstored")
    calls = [f"gradio_api/call/{name}" for name in names]
    for path in ("gradio_api/info", "config", "gradio_api/queue/join", *calls):
        response = httpx.request("POST" if "join" in path or "call" in path else "GET", staff_url + path, json={})
        assert response.status_code in (401, 403), (path, response.status_code)
        assert "makeup" not in response.text
    for method, path in (("GET", "gradio_api/heartbeat/abc"), ("POST", "gradio_api/cancel"), ("GET", "openapi.json")):
        assert httpx.request(method, staff_url + path, timeout=5).status_code == 401, path  # Gradio leaves them open
    assert httpx.get(staff_url).status_code == 200  # the sign-in page itself
    assert httpx.post(staff_url + "login", data={"username": "nurse.amy", "password": "wrong"}).status_code == 400
    with pytest.raises(Exception):  # noqa: B017 - gradio_client raises a plain ValueError for a refused login
        Client(staff_url, auth=("nurse.amy", "wrong"), verbose=False)


@pytest.mark.ui
def test_a_staff_typo_gets_a_message_and_one_log_line_not_a_traceback(staff_url, capfd, caplog):
    from gradio_client import Client

    caplog.set_level("INFO", logger="faqbot.staff.views")
    client = Client(staff_url, auth=("nurse.amy", PASSWORD), verbose=False)
    with pytest.raises(Exception, match="From must be a date like 2026-11-21"):
        client.predict("any", "any", "21/11/2026", "", "", api_name="/log")
    with pytest.raises(Exception, match="There is no question #0"):
        client.predict(0, api_name="/open")
    assert "Traceback" not in capfd.readouterr().err
    assert [r.message for r in caplog.records if "refused" in r.message] == [
        "staff input refused: From must be a date like 2026-11-21 (year-month-day), got '21/11/2026'",
        "staff input refused: There is no question #0; pick one in the table"]


@pytest.mark.ui
def test_questions_the_patient_page_could_not_store_are_shown_to_staff_with_what_to_do(staff_url, built_index):
    from gradio_client import Client

    from faqbot.records.backlog import BacklogFile

    client = Client(staff_url, auth=("nurse.amy", PASSWORD), verbose=False)
    assert client.predict(api_name="/unstored") == ""  # nothing waiting: no banner
    backlog = BacklogFile(built_index.data_dir)  # this test's process stands for a running patient page
    try:
        backlog.report(5, "The database could not be used (database or disk is full)")
        shown = client.predict(api_name="/unstored")
        assert shown.startswith("**5 patient questions could not be stored yet**") and "disk is full" in shown
        assert "make room where the data folder is" in shown
    finally:
        backlog.close()


@pytest.mark.ui
def test_a_signed_in_staff_member_sees_and_exports_the_log(staff_url):
    from gradio_client import Client

    client = Client(staff_url, auth=("nurse.amy", PASSWORD), verbose=False)
    table, count = client.predict("any", "any", "", "", "", api_name="/log")
    assert count == "3 questions"
    assert [row[3] for row in table["data"]] == ["urgent", "no_match", "answered"]
    exported = client.predict("urgent", "any", "", "", "", api_name="/export_log")
    rows = list(csv.reader(io.StringIO(Path(exported).read_text(encoding="utf-8-sig"))))
    assert [r[2] for r in rows[1:]] == ["pus and fever after my session"]


@pytest.mark.ui
def test_a_pin_made_in_the_review_queue_changes_the_patient_answer_and_removing_it_restores(
        staff_url, store, built_index, encoder):
    from gradio_client import Client

    chat = PatientChat(Engine.from_settings(built_index, encoder), built_index, store)
    asked = chat.reply("when can I wear makeup")
    before = asked.html
    client = Client(staff_url, auth=("nurse.amy", PASSWORD), verbose=False)
    opened, details, question, lookup = client.predict(asked.interaction_id, api_name="/open")
    assert opened == asked.interaction_id and question == lookup == "when can I wear makeup"
    assert "Aftercare guide" in details
    client.predict(asked.interaction_id, api_name="/mark_wrong")
    assert store.get(asked.interaction_id).review == "wrong"
    choices, passages = client.predict("sun protection", api_name="/search_documents")
    sun = next(c for c in chats_choices(choices) if "Sun protection" in c[0])[1]
    assert "<mark>" in passages and "Wear sunscreen every day when you go outside." in passages  # whole passages
    _, message, ticked, _, count = client.predict(question, [sun], api_name="/pin")
    assert message.startswith("Pinned as answer #1") and ticked["value"] == [] and count == "2 questions to review"

    after = chat.reply("when can I wear makeup?").html
    assert "Checked by clinic staff on 20" in after and "Stay out of the sun" in after.split("faq-card")[1]
    assert "nurse.amy" not in after  # the login name is never shown to patients
    pin_id = store.pins()[0].id
    exported = Path(client.predict(api_name="/export_pins")).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(exported)))
    assert rows[0][:2] == ["pin", "question"] and rows[1][1] == question and rows[1][4] == "nurse.amy"
    assert client.predict(pin_id, False, api_name="/remove_pin")[1] == "Nothing was removed."  # not confirmed
    assert store.pins()
    client.predict(pin_id, True, api_name="/remove_pin")
    assert chat.reply("when can I wear makeup").html == before
    client.predict("how many visits", [sun], api_name="/pin")
    assert store.pins()[0].id == pin_id + 1  # a removed pin's number is never given to another


@pytest.mark.ui
def test_a_question_marked_not_in_our_documents_gets_the_clinics_contact_message(staff_url, store, built_index,
                                                                                 encoder):
    from gradio_client import Client

    chat = PatientChat(Engine.from_settings(built_index, encoder), built_index, store)
    assert chat.reply("do you sell gift cards").status == "answered"
    client = Client(staff_url, auth=("nurse.amy", PASSWORD), verbose=False)
    pins, message, *_ = client.predict("do you sell gift cards", api_name="/not_covered")
    assert "contact message" in message and "not covered by the documents" in pins["data"][0][2]
    reply = chat.reply("do you sell gift cards?")
    assert reply.status == "no_match" and "find this in our materials. Please contact" in reply.html
    decision, _ = client.predict("do you sell gift cards", api_name="/check")
    assert "(not covered by the documents) applied" in decision


def chats_choices(update) -> list[tuple[str, str]]:
    """The (label, value) choices of a CheckboxGroup update returned over the API."""
    return [tuple(choice) for choice in update["choices"]]


@pytest.mark.ui
def test_check_an_answer_shows_the_whole_decision_and_passages_in_context(staff_url, store):
    from gradio_client import Client

    client = Client(staff_url, auth=("nurse.amy", PASSWORD), verbose=False)
    decision, ranking = client.predict("how many sesions do I need", api_name="/check")
    assert "**Status: answered**" in decision and "sesions → sessions" in decision and "No pin applied" in decision
    rows = ranking["data"]
    assert [int(row[0]) for row in rows] == list(range(1, len(rows) + 1))
    assert rows[0][1] == "#1" and "How many sessions?" in rows[0][2]
    fused = [float(row[6]) for row in rows]
    assert fused == sorted(fused, reverse=True)
    context = client.predict(rows[0][7], api_name="/context")
    assert "Most patients need three to six sessions" in context and "after…" in context

    pinned_passage = next(row[7] for row in rows if "Sun protection" in row[2])
    store.add_pin("how many sessions do I need", [pinned_passage], "dr.lee")
    decision, _ = client.predict("how many sessions do I need", api_name="/check")
    assert "Pin #1 applied" in decision and r"approved by dr\.lee" in decision  # Markdown-escaped text


@pytest.mark.ui
def test_a_document_added_by_staff_makes_its_content_answerable_and_a_broken_pdf_changes_nothing(
        staff_url, store, built_index, encoder, tmp_path):
    from gradio_client import Client, handle_file

    from faqbot.answering.live import LiveEngine, index_stamp
    from tests.documents_factory import write_pdf

    patient = PatientChat(LiveEngine(built_index, encoder=encoder, check_every_s=0), built_index, store)
    assert "laser" not in patient.reply("how long is laser resurfacing recovery").html.lower()
    client = Client(staff_url, auth=("nurse.amy", PASSWORD), verbose=False)

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    stamp = index_stamp(built_index)
    with pytest.raises(Exception, match="Nothing was changed"):
        client.predict(handle_file(str(broken)), "", api_name="/add_document")
    assert index_stamp(built_index) == stamp

    pdf = write_pdf(tmp_path / "laser.pdf", ["Laser Resurfacing", "Laser resurfacing recovery takes five days."])
    table, _, report, _ = client.predict(handle_file(str(pdf)), "", api_name="/add_document")
    assert report.startswith("Added 'laser.pdf': 1 passage. Patients are answered from it now.")
    assert "laser.pdf" in [row[0] for row in table["data"]]
    deadline = time.monotonic() + 10
    while "recovery takes five days" not in patient.reply("how long is laser resurfacing recovery").html:
        assert time.monotonic() < deadline, (patient.reply("how long is laser resurfacing recovery").html,
                                             [p.source for p in patient.engine.stored.passages])
        time.sleep(0.1)


@pytest.mark.ui
def test_removing_an_account_or_changing_its_password_ends_its_open_sessions(store, built_index, encoder):
    from gradio_client import Client

    from faqbot.staff.app import start_session_checks

    accounts = Accounts(store)
    accounts.add("nurse.amy", PASSWORD)
    accounts.add("dr.lee", PASSWORD)
    exports = Exports(built_index.data_dir.parent / "exports")
    app = build_staff_app(store, built_index, Engine.from_settings(built_index, encoder), exports)
    app.queue()
    server, url, _ = app.launch(**{**staff_launch_options(built_index, accounts, exports), "server_port": None,
                                   "prevent_thread_lock": True, "quiet": True})
    try:
        amy = Client(url, auth=("nurse.amy", PASSWORD), verbose=False)
        lee = Client(url, auth=("dr.lee", PASSWORD), verbose=False)
        assert amy.predict("any", "any", "", "", "", api_name="/log")[1] == "3 questions"
        store.remove_staff("nurse.amy")
        accounts.add("dr.lee", "a brand new secret")
        stop = start_session_checks(server, accounts, every_s=0.05)
        time.sleep(0.5)
        stop.set()
        assert server.tokens == {}
        for client in (amy, lee):
            with pytest.raises(Exception):  # noqa: B017 - the session is gone: gradio_client's error
                client.predict("any", "any", "", "", "", api_name="/log")
    finally:
        app.close()

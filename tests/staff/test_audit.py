"""The audit trail: every kind of staff action is recorded with who, when and what; nothing edits it."""

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from faqbot.answering.engine import Engine
from faqbot.records.audit import Action, AuditFilter, AuditTrail
from faqbot.records.retention import purge_expired
from faqbot.records.storage import Store
from faqbot.staff.accounts import Accounts
from faqbot.staff.app import build_staff_app, staff_launch_options
from faqbot.staff.exports import Exports
from tests.conftest import ROOT
from tests.documents_factory import write_pdf

PASSWORD = "a long enough secret"



def test_entries_are_redacted_filtered_and_never_updated(trail):
    trail.record("nurse.amy", Action.PINNED, "pin #1: 'call me on 555 123 4567' -> care-1")
    trail.record("dr.lee", Action.VIEWED_LOG, "everything: 3 questions")
    assert [e.actor for e in trail.entries()] == ["dr.lee", "nurse.amy"]  # newest first
    assert trail.entries(AuditFilter(actor="nurse.amy"))[0].detail == "pin #1: 'call me on [phone]' -> care-1"
    assert [e.action for e in trail.entries(AuditFilter(text="QUESTIONS"))] == ["viewed the question log"]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        trail._db.execute("UPDATE audit SET actor = 'someone else'")


def test_entries_past_their_own_retention_are_purged_with_old_questions(trail, settings):
    store = Store.open(settings.data_dir)
    trail.record("nurse.amy", Action.SIGNED_IN)
    old = (datetime.now(UTC) - timedelta(days=settings.audit_retention_days + 1)).isoformat(timespec="seconds")
    trail._db.execute("DROP TRIGGER audit_append_only")  # only to age the entry for the test
    trail._db.execute("INSERT INTO audit (at, actor, action, detail) VALUES (?, 'dr.lee', 'signed in', '')", (old,))
    purge_expired(store, settings, trail)
    assert [e.actor for e in trail.entries()] == ["nurse.amy"]
    store.close()


def test_account_changes_and_purges_from_the_command_line_are_recorded(settings):
    env = {"FAQBOT_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"}
    for args in (["add", "nurse.amy", "--password-stdin"], ["remove", "nurse.amy", "--yes"], ["purge"]):
        subprocess.run([sys.executable, "-m", "faqbot", "staff", *args], input=f"{PASSWORD}\n{PASSWORD}\n",
                       text=True, env=env, cwd=ROOT, check=True, capture_output=True)
    audit = AuditTrail.open(settings.data_dir)
    entries = list(reversed(audit.entries()))
    assert [(e.action, e.detail) for e in entries] == [("saved an account", "nurse.amy"),
                                                       ("removed an account", "nurse.amy"),
                                                       ("purged old records", "0 questions, 0 audit entries")]
    assert all(e.actor.startswith("command line (") for e in entries)


@pytest.mark.ui
def test_every_staff_action_in_the_workspace_is_in_the_audit_trail(settings, built_index, encoder, trail, tmp_path):
    from gradio_client import Client, handle_file

    from faqbot.patient.chat import PatientChat

    store = Store.open(settings.data_dir)
    accounts = Accounts(store, audit=trail)
    accounts.add("nurse.amy", PASSWORD)
    asked = PatientChat(Engine.from_settings(built_index, encoder), built_index, store).reply("how many sessions")
    exports = Exports(tmp_path / "exports", trail)
    app = build_staff_app(store, built_index, Engine.from_settings(built_index, encoder), exports, audit=trail)
    app.queue()
    _, url, _ = app.launch(**{**staff_launch_options(built_index, accounts, exports), "server_port": None,
                              "prevent_thread_lock": True, "quiet": True})
    try:
        with pytest.raises(Exception):  # noqa: B017 - gradio_client's error for a refused login
            Client(url, auth=("nurse.amy", "wrong password"), verbose=False)
        client = Client(url, auth=("nurse.amy", PASSWORD), verbose=False)
        client.predict("urgent", "any", "", "", "", api_name="/log")
        client.predict("any", "any", "", "", "", api_name="/export_log")
        client.predict(asked.interaction_id, api_name="/open")
        client.predict(asked.interaction_id, api_name="/mark_right")
        passage = client.predict("sessions", api_name="/search_documents")[0]["choices"][0][1]
        client.predict("how many sessions", [passage], api_name="/pin")
        client.predict("do you sell gift cards", api_name="/not_covered")
        client.predict(1, passage, api_name="/edit_pin")
        client.predict(2, True, api_name="/remove_pin")
        client.predict(api_name="/export_pins")
        pdf = write_pdf(tmp_path / "laser.pdf", ["Laser", "Laser resurfacing recovery takes five days."])
        client.predict(handle_file(str(pdf)), "", api_name="/add_document")
        client.predict("laser.pdf", True, api_name="/remove_document")
        rows, count, _ = client.predict("nurse.amy", "any", "", "", "", api_name="/audit")
        client.predict("any", "pinned an answer", "", "", "", api_name="/export_audit")
    finally:
        app.close()
    done = {(e.action, e.detail) for e in trail.entries()}
    actions = {action for action, _ in done}
    expected = set(Action) - {Action.LOCKED_OUT, Action.SIGNED_OUT, Action.ADDED_ACCOUNT, Action.REMOVED_ACCOUNT,
                              Action.PURGED, Action.DOWNLOAD_REFUSED}  # tested above, with the accounts, exports
    assert expected <= actions, expected - actions
    assert ("marked an answer", f"question #{asked.interaction_id}: right") in done
    assert ("changed the documents", "Added 'laser.pdf': 1 passage. Patients are answered from it now.") in done
    assert ("removed a pin", "pin #2") in done
    assert ("viewed the question log", "status=urgent: 0 questions") in done
    assert all(e.actor == "nurse.amy" for e in trail.entries() if e.action != "sign-in failed")
    assert [row[1:3] for row in rows["data"]][-2:] == [["nurse.amy", "signed in"], ["nurse.amy", "sign-in failed"]]
    assert count.endswith("entries")
    store.close()

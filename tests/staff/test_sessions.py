"""Staff sessions end when idle, at their maximum lifetime, and on log-out; each end is in the audit trail."""

import httpx
import pytest

from faqbot.answering.engine import Engine
from faqbot.records.audit import AuditTrail
from faqbot.records.storage import Store
from faqbot.staff import sessions
from faqbot.staff.accounts import Accounts
from faqbot.staff.app import build_staff_app, staff_launch_options
from faqbot.staff.exports import Exports
from faqbot.staff.sessions import SessionTable

PASSWORD = "a long enough secret"



def test_a_session_ends_after_its_idle_time_and_at_its_maximum_lifetime_whatever_its_use(trail):
    now = [0.0]
    table = SessionTable({}, idle_s=30 * 60, max_s=12 * 3600, audit=trail, clock=lambda: now[0])
    table["idle"], table["busy"] = "nurse.amy", "dr.lee"
    for _ in range(23):  # dr.lee works all day, one request every 29 minutes
        now[0] += 29 * 60
        assert table.get("busy") == "dr.lee"
    assert table.get("idle") is None and "idle" not in table  # nurse.amy went home
    now[0] += 58 * 60  # 12 h 5 min after signing in
    assert table.get("busy") is None and table == {}
    ends = sorted((e.actor, e.detail) for e in trail.entries())
    assert ends == [("dr.lee", "session ended after 12 hours"),
                    ("nurse.amy", "session ended after 30 minutes without use")]


def test_expired_sessions_are_ended_by_the_periodic_check_too(trail):
    now = [0.0]
    table = SessionTable({"a": "nurse.amy"}, idle_s=60, max_s=3600, audit=trail, clock=lambda: now[0])
    now[0] += 61
    assert table.end_expired() == 1 and table == {}


@pytest.mark.ui
def test_signed_in_requests_are_refused_after_log_out_and_after_the_idle_time(store_and_url, settings):
    store, url, server = store_and_url
    cookies = httpx.post(url + "login", data={"username": "nurse.amy", "password": PASSWORD}).cookies
    assert httpx.get(url + "config", cookies=cookies).status_code == 200
    assert httpx.get(url + "logout", cookies=cookies).status_code == 302
    assert httpx.get(url + "config", cookies=cookies).status_code == 401

    cookies = httpx.post(url + "login", data={"username": "nurse.amy", "password": PASSWORD}).cookies
    server.tokens.idle_s = 0.0  # as if 30 minutes went by
    assert httpx.get(url + "config", cookies=cookies).status_code == 401
    assert "session ended after 0 minutes without use" in [e.detail for e in AuditTrail.open(settings.data_dir)
                                                           .entries()]


@pytest.fixture
def store_and_url(built_index, encoder, trail):
    store = Store.open(built_index.data_dir)
    accounts = Accounts(store, audit=trail)
    accounts.add("nurse.amy", PASSWORD)
    exports = Exports(built_index.data_dir.parent / "exports", trail)
    app = build_staff_app(store, built_index, Engine.from_settings(built_index, encoder), exports, audit=trail)
    app.queue()
    server, url, _ = app.launch(**{**staff_launch_options(built_index, accounts, exports), "server_port": None,
                                   "prevent_thread_lock": True, "quiet": True})
    sessions.install(server, built_index, trail)
    yield store, url, server
    app.close()
    store.close()

"""CSV exports on a real staff server: served only to the session that made them, then gone from disk."""

import os
from pathlib import Path

import httpx
import pytest

from faqbot.answering.engine import Engine
from faqbot.models import Answer, Hit, Passage, Status
from faqbot.records.audit import Action, AuditFilter
from faqbot.records.storage import Store
from faqbot.staff.accounts import Accounts
from faqbot.staff.app import build_staff_app, staff_launch_options
from faqbot.staff.exports import Exports

pytestmark = pytest.mark.ui
PASSWORD = "a long enough secret"
PASSAGE = Passage("care-1", "Wait one day.", "aftercare.md", "Aftercare guide", "Makeup", 0, 13, ((0, 13),))


@pytest.fixture
def workspace(built_index, encoder, trail, tmp_path):
    """A staff server with two accounts; yields (its URL, the exports)."""
    store = Store.open(built_index.data_dir)
    store.record("pus and fever after my session", "q", Answer("q", Status.URGENT, (Hit(PASSAGE, 0.6, ""),), "why"))
    accounts = Accounts(store, audit=trail)
    accounts.add("nurse.amy", PASSWORD)
    accounts.add("dr.lee", PASSWORD)
    exports = Exports(tmp_path / "exports", trail)
    app = build_staff_app(store, built_index, Engine.from_settings(built_index, encoder), exports, audit=trail)
    app.queue()
    _, url, _ = app.launch(**{**staff_launch_options(built_index, accounts, exports), "server_port": None,
                              "prevent_thread_lock": True, "quiet": True})
    yield url, exports
    app.close()
    store.close()


def signed_in(url: str, name: str) -> httpx.Client:
    """A new staff session (its own sign-in cookie) for `name`."""
    session = httpx.Client(base_url=url, timeout=10)
    assert session.post("login", data={"username": name, "password": PASSWORD}).status_code == 200
    return session


def export_without_download(url: str, api_name: str, *inputs) -> tuple[httpx.Client, dict]:
    """An export made by a new session of nurse.amy; returns that session and the file's data (path on the server
    in Gradio's cache, URL), not yet downloaded."""
    from gradio_client import Client

    client = Client(url, auth=("nurse.amy", PASSWORD), verbose=False, download_files=False)
    made = client.predict(*inputs, api_name=api_name)
    return httpx.Client(base_url=url, cookies=client.cookies, timeout=10), made


def test_an_export_is_downloaded_once_by_the_session_that_made_it_and_refused_to_every_other(workspace, trail):
    url, exports = workspace
    amy, made = export_without_download(url, "/export_log", "urgent", "any", "", "", "")
    cached, name = Path(made["path"]), Path(made["path"]).name
    original = exports.folder / name
    assert cached.is_file() and original.is_file() and made["url"].endswith(name)
    link = made["url"].removeprefix(url.rstrip("/"))

    lee, amy_elsewhere = signed_in(url, "dr.lee"), signed_in(url, "nurse.amy")
    assert lee.get(link).status_code == 403
    assert amy_elsewhere.get(link).status_code == 403  # the same account signed in elsewhere: another session
    with open(cached, "rb") as handle:  # a link to the open file (/proc/self/fd/N) names it too
        assert lee.get(f"/gradio_api/file=/proc/self/fd/{handle.fileno()}").status_code == 403
    assert httpx.get(url.rstrip("/") + link).status_code == 401  # anonymous

    download = amy.get(link)
    assert download.status_code == 200 and "pus and fever after my session" in download.text
    assert not cached.exists() and not cached.parent.exists() and not original.exists()
    assert amy.get(link).status_code == 404  # once

    done = sorted((e.actor, e.action, e.detail) for e in trail.entries(AuditFilter(text=name)))
    refused = (Action.DOWNLOAD_REFUSED, f"{name}, made by nurse.amy")
    assert done == [("dr.lee", *refused), ("dr.lee", *refused), ("nurse.amy", Action.DOWNLOADED_EXPORT, name),
                    ("nurse.amy", *refused)]


@pytest.mark.parametrize("api_name, inputs", [("/export_audit", ("any", "any", "", "", "")), ("/export_pins", ())])
def test_an_export_nobody_downloads_is_deleted_with_gradios_copy(workspace, api_name, inputs):
    url, exports = workspace
    amy, made = export_without_download(url, api_name, *inputs)
    cached = Path(made["path"])
    assert cached.is_file() and oct(os.stat(exports.folder / cached.name).st_mode)[-3:] == "600"
    assert exports.remove_unclaimed() == 0  # not yet
    exports.unclaimed_s = 0
    assert exports.remove_unclaimed() == 1
    assert not cached.exists() and list(exports.folder.iterdir()) == []
    assert amy.get(made["url"].removeprefix(url.rstrip("/"))).status_code == 404

"""The staff workspace in a real browser: sign in, see the overview and the log, check an answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from faqbot.answering.engine import Engine
from faqbot.patient.chat import PatientChat
from faqbot.records.storage import Store
from faqbot.staff.accounts import Accounts
from faqbot.staff.app import build_staff_app, staff_launch_options
from faqbot.staff.exports import Exports
from tests.accessibility import serious_violations
from tests.patient.test_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, _require_browser

pytestmark = [pytest.mark.ui, pytest.mark.browser]

PASSWORD = "a long enough secret"


@pytest.fixture
def staff_url(built_index, encoder):
    store = Store.open(built_index.data_dir)
    staff_url.store = store  # the review-flow test asks as a patient on the same log
    Accounts(store).add("nurse.amy", PASSWORD)
    engine = Engine.from_settings(built_index, encoder)
    chat = PatientChat(engine, built_index, store)
    for question in ("how many sessions do I need", "do you take insurance", '<img src=x onerror="alert(1)">'):
        chat.reply(question)
    exports = staff_url.exports = Exports(built_index.data_dir.parent / "exports")  # the export test looks in
    app = build_staff_app(store, built_index, engine, exports)
    app.queue()
    app.launch(**{**staff_launch_options(built_index, Accounts(store), exports), "server_port": None,
                  "prevent_thread_lock": True, "quiet": True})
    yield app.local_url
    app.close()
    store.close()


@pytest.fixture
def page(staff_url):
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(staff_url, wait_until="load")
        yield page
        browser.close()


def sign_in(page, password: str) -> None:
    page.get_by_label("username").fill("nurse.amy")
    page.get_by_label("password").fill(password)
    page.get_by_role("button", name="Login").click()


def test_a_wrong_password_stays_on_the_login_page(page):
    sign_in(page, "not the password")
    page.get_by_text("Incorrect Credentials").wait_for(timeout=10_000)
    assert page.locator("#log").count() == 0


def test_staff_sign_in_and_see_the_overview_the_log_and_a_checked_answer(page):
    sign_in(page, PASSWORD)
    page.get_by_text("3 questions in the last 30 days").wait_for(timeout=20_000)
    page.get_by_role("tab", name="Question log").click()
    log = page.locator("#log")
    log.get_by_text("do you take insurance").wait_for(timeout=10_000)
    assert log.get_by_text('<img src=x onerror="alert(1)">').count() >= 1  # shown as text
    assert log.locator("img").count() == 0
    page.get_by_role("tab", name="Check an answer").click()
    page.locator("#check-question textarea").fill("how many sessions")
    page.get_by_role("button", name="Check", exact=True).click()
    page.get_by_text("Status: answered").wait_for(timeout=10_000)
    page.get_by_role("tab", name="Overview").click()
    page.wait_for_timeout(500)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "staff-overview.png"))


def test_an_export_downloads_in_the_browser_and_is_then_gone_from_the_server(page):
    sign_in(page, PASSWORD)
    page.get_by_role("tab", name="Question log").click()
    page.locator("#log").get_by_text("do you take insurance").wait_for(timeout=10_000)
    page.get_by_role("button", name="Export as CSV").click()
    link = page.locator("a[download^='faqbot-export-log-']")  # the file's size and an arrow
    link.wait_for(timeout=10_000)
    assert len(list(staff_url.exports.folder.iterdir())) == 1
    with page.expect_download(timeout=10_000) as waiting:
        link.click()
    assert "do you take insurance" in Path(waiting.value.path()).read_text(encoding="utf-8-sig")
    assert list(staff_url.exports.folder.iterdir()) == []


def test_staff_mark_a_question_not_in_our_documents_and_see_it_among_the_pins(page):
    sign_in(page, PASSWORD)
    page.get_by_role("tab", name="Review queue").click()
    page.get_by_label("Question to pin an answer for").fill("do you take insurance")
    page.get_by_role("button", name="Not in our documents").click()
    page.get_by_text("now get the clinic's contact message").wait_for(timeout=10_000)
    page.get_by_role("tab", name="Pins").click()
    pins = page.locator("#pins")
    pins.get_by_text("do you take insurance").last.wait_for(timeout=10_000)  # the visible cell
    assert pins.get_by_text("not covered by the documents").count() >= 1


def test_the_review_flow_from_a_row_to_a_pin_the_patient_sees_and_its_confirmed_removal(page, built_index, encoder):
    sign_in(page, PASSWORD)
    page.get_by_role("tab", name="Review queue").click()
    page.locator("#queue").get_by_text("do you take insurance").first.click()  # the row opens it (low confidence)
    details = page.locator("#review-details")
    details.get_by_text("do you take insurance").wait_for(timeout=10_000)
    assert "Question #2" in details.inner_text()
    page.get_by_label("Search the documents").fill("how many sessions do I need")
    page.get_by_role("button", name="Search", exact=True).click()
    whole = page.locator("#candidate-passages")
    whole.locator("mark").first.wait_for(timeout=10_000)  # each passage whole, its best sentence marked
    assert "Most patients need three to six sessions spaced a month apart." in whole.inner_text()
    page.locator("#candidates").get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Pin ticked passages").click()
    page.get_by_text("Pinned as answer #1").wait_for(timeout=10_000)
    assert not page.locator("#candidates").get_by_role("checkbox").first.is_checked()  # the ticks are cleared
    patient = PatientChat(Engine.from_settings(built_index, encoder), built_index, staff_url.store)
    assert "Checked by clinic staff on" in patient.reply("do you take insurance").html

    page.get_by_role("tab", name="Pins").click()
    page.get_by_label("Pin", exact=True).fill("1")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Remove", exact=True).click()
    page.get_by_text("Nothing was removed.").wait_for(timeout=10_000)
    assert staff_url.store.pins()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Remove", exact=True).click()
    page.get_by_text("Pin #1 removed").wait_for(timeout=10_000)
    assert staff_url.store.pins() == []
    assert "Checked by clinic staff" not in patient.reply("do you take insurance").html


def test_log_out_goes_back_to_the_sign_in_page_and_ends_the_session(page, staff_url):
    sign_in(page, PASSWORD)
    page.get_by_text("3 questions in the last 30 days").wait_for(timeout=20_000)
    page.get_by_role("button", name="Log out").click()
    page.get_by_label("username").wait_for(timeout=10_000)
    page.goto(staff_url, wait_until="load")
    page.get_by_label("username").wait_for(timeout=10_000)  # signed out: the workspace asks again
    assert page.locator("#log").count() == 0


def test_the_sign_in_page_and_every_tab_have_no_critical_or_serious_accessibility_violations(page):
    page.get_by_label("username").wait_for(timeout=10_000)
    assert serious_violations(page) == [], "sign-in page"
    assert page.title().startswith("Staff sign-in")
    sign_in(page, PASSWORD)
    page.get_by_text("3 questions in the last 30 days").wait_for(timeout=20_000)
    assert serious_violations(page) == [], "Overview"
    for tab in ("Question log", "Review queue", "Check an answer", "Documents", "Pins", "Audit trail"):
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(500)
        assert serious_violations(page) == [], tab


def test_a_locked_name_is_told_so_and_when_the_lock_ends(page):
    for password in ["not the password"] * 5 + [PASSWORD]:  # the last is right, but too late
        with page.expect_response(lambda response: response.url.endswith("/login")):
            sign_in(page, password)
    note = page.locator("#sign-in-note")
    note.get_by_text("signing in with it is paused until").wait_for(timeout=10_000)
    assert "UTC" in note.inner_text() and page.locator("#log").count() == 0

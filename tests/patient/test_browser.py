"""The patient page in a real browser: Playwright driving Debian's Chromium, as a patient would use it.

Runs the real model and the clinic's real corpus. Skips when Chromium or Playwright is missing, except where
FAQBOT_REQUIRE_BROWSER=1 (CI), where a missing browser fails the run instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from faqbot.answering.engine import Engine
from faqbot.patient.chat import PatientChat
from faqbot.patient.page import build_app, launch_options, queue_options
from faqbot.records.storage import Store
from faqbot.settings import load_settings
from tests.accessibility import serious_violations
from tests.conftest import REQUIRE_BROWSER, ROOT

pytestmark = [pytest.mark.ui, pytest.mark.browser, pytest.mark.integration]

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ANSWER_TIMEOUT_MS = 30_000


def _require_browser():
    missing = None
    if not Path(CHROMIUM).exists():
        missing = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is not installed (pip install -r requirements.txt)"
    if missing and REQUIRE_BROWSER:
        pytest.fail(f"browser tests must run here, but {missing}")
    if missing:
        pytest.skip(missing)


@pytest.fixture(scope="module")
def page_settings(real_index, tmp_path_factory):
    """The clinic's own faqbot.toml, over the real index, with a fresh data folder."""
    data_dir = tmp_path_factory.mktemp("browser") / "data"
    return load_settings(ROOT / "faqbot.toml", environ={}, index_dir=real_index.index_dir, data_dir=data_dir,
                         corpus_dir=real_index.corpus_dir)


@pytest.fixture(scope="module")
def store(page_settings):
    s = Store.open(page_settings.data_dir)
    yield s
    s.close()


@pytest.fixture(scope="module")
def url(page_settings, real_encoder, store):
    chat = PatientChat(Engine.from_settings(page_settings, real_encoder), page_settings, store)
    app = build_app(chat, page_settings)
    app.queue(**queue_options(page_settings))
    app.launch(**{**launch_options(page_settings), "server_port": None, "prevent_thread_lock": True,
                  "quiet": True})
    yield app.local_url
    app.close()


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, url: str, width: int = 1280, height: int = 800):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url, wait_until="load")  # not networkidle: Gradio keeps a stream open
    page.locator("#question textarea").wait_for()
    return page


@pytest.fixture
def page(browser, url):
    page = open_page(browser, url)
    yield page
    page.close()


def ask(page, question: str):
    """Type a question, press Enter, and return the newest answer once it is shown."""
    answers = page.locator("#conversation .faq-answer")
    before = answers.count()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    answers.nth(before).wait_for(timeout=ANSWER_TIMEOUT_MS)
    return answers.nth(before)


def test_a_typed_question_shows_a_card_with_its_source_and_the_full_passage_a_tap_away(page):
    answer = ask(page, "how long does the redness last after microneedling?")
    card = answer.locator(".faq-card").first
    assert card.locator(".faq-doc").inner_text().strip()
    assert card.locator(".faq-quote mark").is_visible()
    passage = card.locator(".faq-passage")
    assert not passage.is_visible()
    card.locator("summary").click()
    assert passage.is_visible() and passage.locator("mark").count() == 1
    assert answer.locator(".faq-lead").is_visible()


def test_tapping_an_example_question_answers_it(page, page_settings):
    example = page_settings.example_questions[1]
    page.get_by_role("button", name=example).click()
    answer = page.locator("#conversation .faq-answer").first
    answer.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert page.locator("#conversation .user-row").first.inner_text().strip() == example
    assert answer.locator(".faq-card").count() >= 1


def test_clear_starts_a_new_conversation_a_follow_up_no_longer_reads_the_old_question(page):
    first = ask(page, "how long does the redness last?")
    assert "Read together" not in first.inner_text()
    assert "Read together" in ask(page, "and does it hurt?").inner_text()
    page.locator("#conversation").get_by_role("button", name="Clear").click()
    page.locator("#conversation .faq-answer").first.wait_for(state="detached", timeout=ANSWER_TIMEOUT_MS)
    assert "Read together" not in ask(page, "and does it hurt?").inner_text()


def test_feedback_is_given_in_the_page_and_found_in_the_database(page, store):
    ask(page, "when can I wear makeup again?")
    page.locator("#conversation").get_by_role("button", name="Like").last.click()
    page.get_by_text("Thank you - your feedback helps").wait_for(timeout=ANSWER_TIMEOUT_MS)
    latest = store.recent(1)[0]
    assert latest.question == "when can I wear makeup again?" and latest.feedback is True


def test_warning_signs_show_the_escalation_first_and_uncovered_questions_the_fallback(page, page_settings):
    urgent = ask(page, "there's pus coming out of a spot and I have a fever since yesterday")
    alert = urgent.get_by_role("alert")
    assert alert.is_visible() and "Please contact us now" in alert.inner_text()
    assert page_settings.clinic_phone in alert.inner_text()
    assert alert.bounding_box()["y"] < urgent.locator(".faq-card").first.bounding_box()["y"]
    emergency = ask(page, "my lips and throat are swelling and I can hardly breathe after my treatment")
    alert = emergency.get_by_role("alert")
    assert "Call emergency services now" in alert.inner_text() and emergency.locator(".faq-card").count() == 0
    assert alert.get_by_role("link", name=page_settings.emergency_number).get_attribute("href") == "tel:911"
    fallback = ask(page, "what are your opening hours on saturday?")
    assert "couldn't find this in our materials" in fallback.locator(".faq-fallback").inner_text()
    assert page_settings.clinic_phone in fallback.inner_text()


def test_injected_markup_stays_text(page):
    page.evaluate("window.__injected = false")
    payload = '<img src=x onerror="window.__injected = true"><script>window.__injected = true</script> makeup?'
    ask(page, payload)
    assert page.locator("#conversation img[src=x]").count() == 0
    assert page.locator("#conversation script").count() == 0
    assert payload.split(">")[0] in page.locator("#conversation .user-row").last.inner_text()
    assert page.evaluate("window.__injected") is False


@pytest.mark.parametrize(("name", "width", "height"), [("desktop", 1280, 800), ("phone", 375, 812)])
def test_screenshots_for_the_readme_and_no_sideways_scrolling(browser, url, page_settings, name, width, height):
    page = open_page(browser, url, width, height)
    try:
        ask(page, page_settings.example_questions[0])
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.evaluate("window.scrollTo(0, 0)")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"patient-{name}.png"))
    finally:
        page.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (375, 812)])
def test_the_page_has_no_critical_or_serious_accessibility_violations(browser, url, width, height):
    """axe-core on the page empty, with an answer and with an urgent answer, on a desktop and a phone."""
    page = open_page(browser, url, width, height)
    try:
        assert serious_violations(page) == [], "empty page"
        ask(page, "how long does the redness last?")
        assert serious_violations(page) == [], "with an answer"
        ask(page, "my face is swollen and hot with pus coming out after the treatment")
        assert serious_violations(page) == [], "with an urgent answer"
    finally:
        page.close()


@pytest.mark.skipif(not REQUIRE_BROWSER, reason="only checked where FAQBOT_REQUIRE_BROWSER=1 (CI)")
def test_chromium_is_really_there_in_ci():
    assert Path(CHROMIUM).exists() and shutil.which("chromium")

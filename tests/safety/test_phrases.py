"""Crises and emergencies in languages the English rules don't read: found by the shipped phrase file wherever they
stand, and never in an English message or an ordinary question in those languages."""

import json
from pathlib import Path

import pytest

from faqbot.errors import SettingsError
from faqbot.models import Escalation
from faqbot.safety.phrases import PHRASES, PhraseBook, fold
from faqbot.safety.signs import SignBook
from faqbot.safety.triage import Triage
from tests.conftest import ROOT

# Three crisis, four emergency and four calm messages in each of the file's languages, written with it (and not a
# tuning set: the held-out escalation sets were written apart from it).
CHECKS = [json.loads(line) for line in (Path(__file__).parent / "messages/other_languages.jsonl").read_text(
    encoding="utf-8").splitlines()]
TRIAGE = Triage(SignBook.load(ROOT / "faqbot/data/warning_signs.toml"))


@pytest.mark.parametrize("row", CHECKS, ids=lambda row: f"{row['language']}-{row['kind']}")
def test_each_language_s_crises_and_emergencies_are_escalated_and_its_ordinary_questions_are_not(row):
    found = TRIAGE.check(row["question"])
    if row["kind"] == "calm":
        assert found.escalation not in (Escalation.CRISIS, Escalation.EMERGENCY), found.explanation
    else:
        assert found.escalation is Escalation(row["kind"]), found.explanation


def test_every_language_of_the_file_is_checked():
    languages = {entry for entry, _ in PhraseBook.shipped().patterns[Escalation.EMERGENCY]}
    assert languages == {row["language"] for row in CHECKS}


def test_no_english_message_that_is_not_urgent_holds_a_phrase():
    """The English calm, clinic-sign and labelled questions of the product and the example clinic (3,000+)."""
    book = PhraseBook.shipped()
    files = [ROOT / "faqbot/data/escalation_examples.jsonl", ROOT / "clinics/example-skin/questions.jsonl",
             ROOT / "faqbot/data/off_topic_pool.jsonl"]
    rows = [json.loads(line) for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    calm = [r["question"] for r in rows if r.get("kind") not in ("crisis", "emergency", "foreign")]
    assert len(calm) > 3000
    assert [(q, book.find(q)) for q in calm if book.find(q)] == []


def test_a_message_is_folded_as_the_phrases_are():
    assert fold("İntihar") == "intihar"  # Python lowers the Turkish capital to i and a combining dot
    assert fold("sinucidere îmi iau viaţa") == fold("sinucidere îmi iau viața")  # Romanian cedilla and comma
    assert TRIAGE.check("İNTİHAR etmek istiyorum").escalation is Escalation.CRISIS


def test_a_crisis_said_in_two_ways_is_a_crisis_and_the_signal_names_the_language():
    found = TRIAGE.check("我不想活了，胸口痛")
    assert found.escalation is Escalation.CRISIS and found.signals == ("crisis in Chinese (Simplified)",)


@pytest.mark.parametrize("text, problem", [
    ("[[language]\nname = ", "can't be read"),
    ('[[language]]\nname = "Klingon"\ncrisis = "one phrase"\n', "Klingon's crisis phrases must be a list"),
])
def test_a_broken_phrase_file_says_which_file_and_what_to_fix(tmp_path, text, problem):
    path = tmp_path / "phrases.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=problem) as raised:
        PhraseBook.load(path)
    assert str(path) in str(raised.value)


def test_the_shipped_file_is_the_default():
    assert PhraseBook.shipped() is PhraseBook.shipped() and PHRASES.name == "urgent_phrases.toml"

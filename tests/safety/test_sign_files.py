"""A clinic's warning signs are a TOML file it edits: plain words work, a broken file says what to fix, and the
dental example reads its own specialty's messages without code."""

import pytest

from faqbot.answering.engine import Engine
from faqbot.errors import SettingsError
from faqbot.index.build import ingest
from faqbot.models import Escalation
from faqbot.safety.signs import SignBook, phrase_pattern, read
from faqbot.safety.triage import Triage
from tests.conftest import EXAMPLE_DENTAL

PLAIN = '''
[reading]
treatments = ["it", "the peel"]

[[sign]]
name = "burns"
strength = "strong"
words = ["burn blister*", "skin is peeling off in sheets"]

[[sign]]
name = "heat"
strength = "mild"
softens = true
words = ["hot"]

[[sign]]
name = "sting"
strength = "mild"
words = ["stings"]
'''


def book(tmp_path, text: str) -> SignBook:
    path = tmp_path / "signs.toml"
    path.write_text(text, encoding="utf-8")
    return SignBook.load(path)


def test_plain_words_with_a_star_match_whole_words_with_any_ending():
    assert phrase_pattern("burn blister*") == r"\bburn\s+blister\w*\b"


def test_a_file_of_plain_words_is_read_with_negation_softeners_company_and_general_questions(tmp_path):
    signs = Triage(book(tmp_path, PLAIN))
    assert signs.check("i have burn blisters on my cheek since the peel").escalation is Escalation.CLINIC
    assert not signs.check("no burn blisters, just pink").urgent
    assert not signs.check("can the peel cause burn blisters?").urgent
    assert not signs.check("my face is hot").urgent  # a mild sign alone
    assert signs.check("my face is hot and it stings").urgent  # two together
    assert not signs.check("my face is a bit hot and it stings").urgent  # softened


@pytest.mark.parametrize("text, says", [
    ("[[sign]\nname = 'x'", "is not valid TOML"),
    ("[[sign]]\nname = 'x'\nstrength = 'urgent'\nwords = ['a']", "strength must be one of strong, mild, compared"),
    ("[[sign]]\nname = 'x'\nwords = []", "at least one"),
    ("[[sign]]\nname = 'x'\npatterns = ['(unclosed']", "pattern '(unclosed' is not a valid regular expression"),
    ("[[sign]]\nname = 'x'\nwords = ['a']\nwrods = ['b']", "unknown key(s) wrods"),
    ("[[sign]]\nstrength = 'strong'\nwords = ['a']", "needs a name"),
    ("[signs]\nx = 1", "unknown table(s) signs"),
])
def test_a_broken_file_names_itself_and_what_to_fix(tmp_path, text, says):
    with pytest.raises(SettingsError, match="signs.toml") as error:
        book(tmp_path, text)
    assert says in str(error.value)


def test_a_missing_file_says_which_setting_to_change(tmp_path):
    with pytest.raises(SettingsError, match="set warning_signs"):
        SignBook.load(tmp_path / "none.toml")


@pytest.mark.parametrize("message", [
    "the socket still bleeds after 3 hours of biting on gauze",
    "i think i have dry socket, there's a horrible taste and i can see bone",
    "there's pus coming from where the implant went in",
    "day 4 after the extraction and the swelling is spreading down my neck",
    "my lip is still numb the next day after wisdom tooth removal",
    "since yesterday the pain is getting worse, not better",
])
def test_the_dental_example_escalates_its_warning_signs(message):
    found = Triage(SignBook.load(EXAMPLE_DENTAL)).check(message)
    assert found.escalation is Escalation.CLINIC, found


@pytest.mark.parametrize("message", [
    "a little swollen on the first day after the extraction, is that normal?",
    "can an extraction cause a dry socket?",
    "no fever, no pus, just a bit sore",
    "how long should I bite on the gauze?",
    "when can I eat normally after an implant?",
])
def test_the_dental_example_stays_calm_on_usual_healing_and_questions(message):
    assert not read(SignBook.load(EXAMPLE_DENTAL), message.lower()).urgent


def test_the_settings_choose_the_clinics_file_for_the_engine(settings, encoder):
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    dental = Engine.from_settings(settings.replace(warning_signs=EXAMPLE_DENTAL), encoder)
    assert dental.ask("i can see bone in the socket").escalation == "clinic"
    assert Engine.from_settings(settings, encoder).ask("i can see bone in the socket").status != "urgent"

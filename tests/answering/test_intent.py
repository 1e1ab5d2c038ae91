import pytest

from faqbot.answering import intent
from tests.conftest import lift_per_source


@pytest.mark.parametrize(("question", "kinds"), [
    ("What are the symptoms of Shingles ?", ("symptoms",)),
    ("what causes kidney stones", ("causes",)),
    ("Who is at risk for skin cancer?", ("causes",)),
    ("How to diagnose Psoriasis ?", ("diagnosis",)),
    ("How many people are affected by vitiligo?", ("how common",)),
    ("is it inherited?", ("inheritance",)),
    ("how long is the microneedling session?", ()),
    # a story's words don't say what it asks
    ("my husband has had a rash on one side for a week and now his eye hurts, we saw a doctor who gave him "
     "cream but it is no better, what are the signs it is serious", ()),
])
def test_a_short_question_says_the_kind_of_answer_it_asks_for(question, kinds):
    assert intent.asked_for(question) == kinds


def test_the_passage_that_opens_on_the_kind_asked_for_is_lifted_and_one_that_only_mentions_it_is_not(
        settings, encoder, monkeypatch):
    lift = lift_per_source(settings, encoder, monkeypatch, {
        "a.txt": "Shingles tests\n\nA doctor looks at the rash. Its symptoms are easy to see, so tests are rare.\n",
        "b.txt": "Shingles signs\n\nThe first signs of shingles are burning and tingling on one side.\n",
    }, intent, "what are the symptoms of shingles?")
    assert lift.pop("b.txt") == pytest.approx(0.02)
    assert set(lift.values()) == {0.0}  # "its symptoms are easy to see" is not how the passage opens

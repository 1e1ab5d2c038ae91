"""The urgent detector on its own: warning signs fire, normal healing and general questions don't."""

import pytest

from faqbot.urgent import check


@pytest.mark.parametrize(
    "question, signal",
    [
        ("two days after my treatment there is pus coming out of a spot on my chin", "pus or discharge"),
        ("I've got a fever since this morning, had needling on Monday", "fever or chills"),
        ("i have red streaks running down my neck from the treated area", "spreading or worsening redness"),
        ("the pain is getting worse every day since my session", "severe or worsening pain"),
        ("my forehead keeps bleeding and it won't stop", "bleeding that won't stop"),
        ("my cheeks are covered in blisters today", "blistering"),
        ("my lips are swelling after the serum they used", "allergic swelling"),
        ("I broke out in hives all over my face", "hives"),
        ("I'm having trouble breathing after my facial", "trouble breathing"),
        ("my vision is blurry since they did around my eyes", "changes in vision"),
        ("since yesterday my cheek has little water bubbles on it", "blistering"),
        ("the red patch on my jaw keeps getting bigger", "spreading or worsening redness"),
        ("my eyes are closing from the swelling", "changes in vision"),
    ],
)
def test_each_warning_sign_fires_and_is_named(question, signal):
    result = check(question)
    assert result.urgent and signal in result.signals, result


@pytest.mark.parametrize(
    "question",
    [
        "is it normal to be red the next day?",
        "my skin feels tight and flaky",
        "a little swollen on day one, is that ok",
        "no fever, no pus, just pink and dry",
        "I don't have a fever but my face is a bit warm",
        "what are the risks of microneedling?",
        "can microneedling cause an infection?",
        "is there a chance of blistering or scarring?",
    ],
)
def test_normal_healing_negations_and_general_questions_do_not_fire(question):
    assert not check(question).urgent, check(question)


def test_two_mild_signs_together_are_urgent_but_one_is_not():
    assert not check("my face feels hot").urgent
    assert check("my face feels hot and it's swollen").urgent
    assert check("the swelling is so bad and getting worse not better").urgent


def test_the_explanation_says_why():
    assert "fever" in check("I have a fever").explanation
    assert check("what are the signs of infection, like fever?").explanation.startswith("asked in general")

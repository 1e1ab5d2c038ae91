"""Short follow-ups are read with the conversation's topic; questions that stand alone start a new topic."""

import pytest

from faqbot.answering.conversation import is_follow_up, resolve


@pytest.mark.parametrize(
    "message", ["and how long does that last?", "does it hurt?", "what about the neck?", "Also, is it safe?"]
)
def test_short_messages_that_point_back_are_follow_ups(message):
    assert is_follow_up(message)


@pytest.mark.parametrize(
    "message",
    [
        "how many sessions will I need",
        "can microneedling help with acne scars on the cheeks",
        "and is there anything else I should know before my first appointment next week at the clinic?",
        "",
    ],
)
def test_questions_that_stand_alone_are_not(message):
    assert not is_follow_up(message)


def test_a_follow_up_is_searched_with_the_topic_and_keeps_it():
    turn = resolve("and how long does that last?", topic="is redness normal after microneedling")
    assert turn.query == "is redness normal after microneedling and how long does that last?"
    assert turn.follows_up and turn.topic == "is redness normal after microneedling"


def test_a_new_question_becomes_the_topic():
    turn = resolve("how much does it cost", topic=None)
    assert (turn.query, turn.topic, turn.follows_up) == ("how much does it cost", "how much does it cost", False)
    assert resolve("can I wear makeup after treatment", topic="does it hurt").topic == (
        "can I wear makeup after treatment"
    )

"""Keyword search: stop words and stemming."""

from faqbot.keyword import STOP_WORDS, KeywordIndex, load_stop_words, tokenize


def test_question_words_are_stop_words_and_words_are_stemmed():
    assert tokenize(["How long does my redness last?"]) == [["long", "red", "last"]]
    assert load_stop_words() == STOP_WORDS and "what" in STOP_WORDS


def test_a_question_of_stop_words_only_scores_nothing():
    index = KeywordIndex(["Redness lasts two days.", "Sessions are a month apart."])
    assert not index.scores("what can I do").any()
    assert index.scores("how long does the redness last").argmax() == 0

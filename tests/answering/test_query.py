from collections import Counter

from faqbot.answering.english import EVERYDAY_FILE, common_words, from_wordfreq, is_common_english, is_everyday
from faqbot.answering.query import QueryAnalyzer, Synonyms, skeleton

CORPUS = ["Most patients need three sessions of microneedling.", "A numbing cream is applied first.",
          "Enlarged pores and acne scars improve."]


def analyzer(groups=(("numbing cream", "numbing creme", "anesthetic"),)):
    return QueryAnalyzer.from_texts(CORPUS, Synonyms(groups))


def test_misspelled_corpus_words_are_corrected():
    query = analyzer().analyze("how many sesions of microneedeling")
    assert query.corrected == "how many sessions of microneedling"
    assert query.corrections == (("sesions", "sessions"), ("microneedeling", "microneedling"))


def test_real_english_words_are_not_corrected_into_corpus_words():
    assert analyzer().analyze("can I have wine").corrected == "can I have wine"


def test_unknown_words_are_reported():
    assert analyzer().analyze("is it ok while pregnant").unknown == ("while", "pregnant")


def test_a_plain_inflection_of_a_documents_word_is_not_unknown():
    """"needs", "creams" and "patient" are the documents' "need", "cream" and "patients" put otherwise: not words the
    documents lack, which would raise the bar for answering ("he faints" against pages saying "faint")."""
    assert analyzer().analyze("a patient needs creams").unknown == ()
    assert analyzer().analyze("patient improves slowly").unknown == ("slowly",)


def test_lay_words_are_expanded_to_the_documents_wording_only():
    assert analyzer().analyze("is an anesthetic used").expansions == ("numbing cream",)
    assert analyzer().analyze("is numbing cream used").expansions == ()  # already the documents' words


def test_synonyms_file_ignores_comments_and_single_phrases(tmp_path):
    path = tmp_path / "syn.txt"
    path.write_text("# comment\nDerma Roller, at-home roller\nlonely\n")
    assert Synonyms.load(path).groups == (("derma roller", "at home roller"),)


def test_counts_drive_the_choice_between_equally_close_words():
    qa = QueryAnalyzer(Counter({"pores": 5, "pools": 1}), " pores pools ", Synonyms(()))
    assert qa.correct("porres") == "pores"


def test_a_swap_of_two_letters_is_one_edit():
    qa = QueryAnalyzer(Counter({"length": 1}), " length ", Synonyms(()))
    assert qa.correct("lenght") == "length"


def test_a_word_that_sounds_the_same_wins_over_one_with_another_consonant():
    assert skeleton("poors") == skeleton("pores") == "prs" and skeleton("pools") == "pls"
    qa = QueryAnalyzer(Counter({"pores": 1, "pools": 5}), " pores pools ", Synonyms(()))
    assert qa.correct("poors") == "pores"


def test_the_frozen_english_word_list_is_what_wordfreq_gives():
    """faqbot/data/english_words.txt and everyday_words.txt must be regenerated when wordfreq changes
    (python -m faqbot.answering.english)."""
    assert common_words() == frozenset(from_wordfreq())
    assert is_common_english("wine") and is_common_english("cheeks")
    assert not is_common_english("sesions") and not is_common_english("microneedeling")
    assert common_words(EVERYDAY_FILE) == frozenset(from_wordfreq(3, 4.0))
    assert is_everyday("please") and is_everyday("toilet") and is_everyday("ear")
    assert not is_everyday("glaucoma") and not is_everyday("achalasia") and not is_everyday("moisturiser")


def test_the_safety_speller_leaves_a_word_one_edit_from_an_everyday_word_alone():
    """"agen" sounds like the sign word "agony", but is one edit from "again"; only the safety check's speller, which
    would turn it into a warning sign, prefers the everyday word."""
    signs = QueryAnalyzer(Counter({"agony": 1}), " agony ", Synonyms(()))
    safety = QueryAnalyzer(Counter({"agony": 1}), " agony ", Synonyms(()), everyday_first=True)
    assert signs.correct("agen") == "agony"
    assert safety.correct("agen") is None

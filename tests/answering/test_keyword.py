"""Keyword search: stop words and stemming."""

from faqbot.answering.keyword import STOP_WORDS, KeywordIndex, load_stop_words, tokenize


def test_question_words_are_stop_words_and_words_are_stemmed():
    assert tokenize(["How long does my redness last?"]) == [["long", "red", "last"]]
    assert load_stop_words() == STOP_WORDS and "what" in STOP_WORDS


def test_a_question_of_stop_words_only_scores_nothing():
    index = KeywordIndex(["Redness lasts two days.", "Sessions are a month apart."])
    assert not index.scores("what can I do").any()
    assert index.scores("how long does the redness last").argmax() == 0


def test_tokenize_gives_the_terms_bm25s_tokenize_gives(built_index):
    import bm25s

    from faqbot.answering.keyword import stemmer
    from faqbot.index.store import load_index

    passages = load_index(built_index.index_dir).passages
    texts = [p.embed_text for p in passages] + [s for p in passages for s in p.sentence_texts()]
    texts += ["", "a", "The of AND", "ÉTÉ été Straße İstanbul", "don't it's 2-3 days, 10am", "x_y __init__ ½ ²"]
    expected = bm25s.tokenize(texts, stopwords=list(STOP_WORDS), stemmer=stemmer(), return_ids=False,
                              show_progress=False)
    assert tokenize(texts) == expected
    assert [tokenize([t])[0] for t in texts] == expected


def test_threads_answering_at_once_tokenize_exactly_as_one_thread_does():
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Patients healing after sessions {n}: redness, swelling and peeling settle" for n in range(400)]
    expected = tokenize(texts)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda t: tokenize([t])[0], texts * 5))
    assert results == expected * 5

"""bench/ingest_speed.py's synthetic corpus and its fixed-cost / rate split: what makes its ingest figures honest."""

import re

from bench.ingest_speed import fixed_and_rate, synthetic_corpus
from faqbot.documents import splitting
from faqbot.documents.reader import corpus_files, read_document


def _sentences(folder) -> list[str]:
    docs = [read_document(p, folder) for p in corpus_files(folder)]
    return [s for d in docs for p in splitting.split_document(d) for s in p.sentence_texts()]


def test_synthetic_sentences_are_new_text_of_a_real_sentence_s_length_so_ingest_must_embed_each(tmp_path):
    sentences = _sentences(synthetic_corpus(tmp_path / "new", 200))
    real = set(_sentences(synthetic_corpus(tmp_path / "repeated", 200, repeat_sentences=True)))
    assert len(set(sentences)) > 0.95 * len(sentences)  # a repeated text is embedded once: it would flatter the rate
    assert len(set(sentences) & real) < 0.05 * len(sentences)  # only fragments such as "1." stay as they were
    assert len(real) < 0.5 * len(sentences)  # the old corpora: the corpus's ~190 sentences over and over


def test_the_synthetic_corpus_has_the_passages_asked_for(tmp_path):
    folder = synthetic_corpus(tmp_path / "c", 120)
    sections = sum(len(re.findall(r"^## Section", p.read_text(), re.M)) for p in corpus_files(folder))
    assert sections == 120


def test_first_builds_split_into_a_fixed_cost_and_a_rate_per_passage():
    line = fixed_and_rate([(100, 35.0 + 100 / 60), (1000, 35.0 + 1000 / 60), (10000, 35.0 + 10000 / 60)])
    assert "fixed 35.0 s, rate 60 passages/s (from 3 builds of 100-10000 passages)" in line
    assert "no fixed cost" in fixed_and_rate([(44, 30.0)])

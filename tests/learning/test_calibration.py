"""No-match bars learned from the documents and the generic pool of questions they don't answer."""

from dataclasses import replace

import numpy as np
import pytest

from faqbot.answering.engine import Engine
from faqbot.answering.query import QueryAnalyzer, Synonyms
from faqbot.index.build import ingest
from faqbot.index.store import load_index, read_manifest
from faqbot.learning import calibration
from faqbot.learning.calibration import Calibration, calibrate, load_pool, topic_words, uncovered
from faqbot.models import Status

OTHER_TOPICS = [f"what is {disease} and how is it treated" for disease in (
    "gout", "glaucoma", "sciatica", "tinnitus", "psoriasis", "shingles", "vertigo", "cataracts", "bunions",
    "eczema")]


def test_topic_words_are_the_words_that_are_not_everyday_english():
    assert topic_words(["what", "please", "toilet", "achalasia", "glaucoma", "moisturiser", "ear", "ok"]) == (
        "achalasia", "glaucoma", "moisturiser")


def test_the_pool_ships_questions_across_medicine_and_everyday_life_with_no_crisis():
    pool = load_pool()
    assert len(pool) >= 500 and len(set(pool)) == len(pool)
    assert not [q for q in pool if "microneedl" in q.lower() or "suicid" in q.lower()]


def test_pool_questions_about_what_the_documents_cover_are_left_out(built_index):
    passages = load_index(built_index.index_dir).passages  # sun protection, makeup, sessions, numbing cream
    pool = ["Does sunscreen stop wrinkles?", "what is sarcoidosis", "is numbing cream safe in pregnancy",
            "how do i reset my router", "Sunscreens for babies?", "which makeup brand is best"]
    # everyday words (makeup) never name a topic: the documents using them don't make a question theirs
    assert uncovered(pool, passages) == ["what is sarcoidosis", "how do i reset my router",
                                         "which makeup brand is best"]


def test_the_bars_are_the_pool_percentiles_of_the_best_similarities(built_index, encoder, monkeypatch):
    stored = load_index(built_index.index_dir)
    analyzer = QueryAnalyzer.from_texts([p.embed_text for p in stored.passages], Synonyms(()))
    monkeypatch.setattr(calibration, "FEWEST", 5)
    found = calibrate(stored.passages, stored.passage_vectors(), stored.sentence_vectors, analyzer,
                      encoder.encode_questions, OTHER_TOPICS)
    engine = Engine.from_settings(built_index, encoder)
    best = [float(engine.rank(q).dense.max()) for q in OTHER_TOPICS]
    assert found.negatives == len(OTHER_TOPICS)
    assert found.min_similarity == pytest.approx(np.percentile(best, calibration.PLAIN), abs=1e-3)
    assert found.min_similarity_topic_words == pytest.approx(np.percentile(best, calibration.TOPIC), abs=1e-3)
    monkeypatch.setattr(calibration, "FEWEST", len(OTHER_TOPICS) + 1)
    assert calibrate(stored.passages, stored.passage_vectors(), stored.sentence_vectors, analyzer,
                     encoder.encode_questions, OTHER_TOPICS) is None  # too few to learn from: the settings' bars


def test_ingest_learns_the_bars_without_labels_and_the_engine_answers_with_them(settings, encoder, monkeypatch):
    monkeypatch.setattr(calibration, "load_pool", lambda: OTHER_TOPICS)
    monkeypatch.setattr(calibration, "FEWEST", 5)
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, calibrate=True)
    assert f"no_match bars learned from the documents and {len(OTHER_TOPICS)} questions they don't answer" in (
        report.summary())
    bars = Calibration.from_json(read_manifest(settings.index_dir).no_match_bars)
    engine = Engine.from_settings(settings, encoder)
    assert engine.bars == (bars.min_similarity, bars.min_similarity_topic_words)
    assert ingest(settings.corpus_dir, settings.index_dir, encoder, calibrate=True).up_to_date
    assert not ingest(settings.corpus_dir, settings.index_dir, encoder).up_to_date  # asked not to: relearned
    assert read_manifest(settings.index_dir).no_match_bars == {}


def test_with_learned_bars_only_topic_words_the_documents_lack_call_for_the_stricter_bar(built_index, encoder):
    engine = Engine.from_settings(built_index, encoder)
    engine.calibration = Calibration(0.0, 2.0, 100)  # no question reaches the stricter bar
    engine.bars = engine._bars(None)
    assert engine.rank("how many sessions please, thanks").status is Status.ANSWERED  # everyday words
    achalasia = engine.rank("how many sessions for achalasia")
    assert achalasia.status is Status.NO_MATCH and "achalasia" in achalasia.reason


def test_the_settings_bars_are_floors_under_the_learned_ones(built_index, encoder):
    engine = Engine.from_settings(replace(built_index, min_similarity=0.3, min_similarity_unknown_words=0.9), encoder)
    engine.calibration = Calibration(0.2, 0.95, 100)
    assert engine._bars(None) == (0.3, 0.95)

"""The warning model: a second opinion on signs described in the patient's own words, asked only where the rules
leave it room, and stored with the query adapter."""

import json
from dataclasses import replace

import numpy as np
import pytest

from faqbot.answering.engine import Engine
from faqbot.errors import IndexMismatchError
from faqbot.index.build import ingest
from faqbot.index.store import load_index, read_manifest
from faqbot.learning import adapter, evaluation, warning_model
from faqbot.learning import lessons as learning
from faqbot.learning.labelled import load_questions
from faqbot.learning.lessons import Lessons
from faqbot.learning.warning_model import SIGNAL, WarningModel
from faqbot.models import Status
from tests.learning.test_adapter import FAST, LABELLED, write_questions
from tests.safety.test_clinic_signs import check

DIMENSION = 16


def labelled_vectors(seed: int, urgent_rows: int = 40, other_rows: int = 120) -> tuple[np.ndarray, np.ndarray]:
    """Urgent questions near one direction, the others near another, both noisy (unit rows)."""
    rng = np.random.default_rng(seed)
    centres = np.eye(DIMENSION, dtype=np.float32)[:2]
    rows = np.concatenate([centres[0] + 0.2 * rng.standard_normal((urgent_rows, DIMENSION)),
                           centres[1] + 0.2 * rng.standard_normal((other_rows, DIMENSION))])
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return rows.astype(np.float32), np.array([True] * urgent_rows + [False] * other_rows)


def test_the_model_flags_new_questions_like_the_urgent_ones_and_its_bar_keeps_false_alarms_rare():
    vectors, is_urgent = labelled_vectors(0)
    model = warning_model.learn(vectors, is_urgent, folds=5, false_alarm_share=0.01)
    assert model is not None and (model.urgent, model.others) == (40, 120)
    fresh, fresh_urgent = labelled_vectors(1, 200, 600)  # never trained on
    scores = fresh @ model.weights + model.bias
    assert np.mean(scores[fresh_urgent] >= model.bar) > 0.8
    assert np.mean(scores[~fresh_urgent] >= model.bar) < 0.03


def test_a_higher_false_alarm_share_lowers_the_bar():
    vectors, is_urgent = labelled_vectors(0)
    strict = warning_model.learn(vectors, is_urgent, false_alarm_share=0.01)
    loose = warning_model.learn(vectors, is_urgent, false_alarm_share=0.1)
    assert loose.bar < strict.bar


def test_too_few_labelled_urgent_questions_or_folds_give_no_model():
    vectors, is_urgent = labelled_vectors(0, urgent_rows=4)
    assert warning_model.learn(vectors, is_urgent, folds=5) is None
    assert warning_model.learn(vectors, is_urgent, folds=3) is not None
    assert warning_model.learn(vectors, is_urgent, folds=1) is None  # no held-out scores to set a bar on


def test_the_bar_is_set_on_the_questions_the_model_is_asked_about():
    vectors, is_urgent = labelled_vectors(0)
    asked = np.zeros(len(is_urgent), dtype=bool)
    asked[-warning_model.MIN_ASKED:] = True
    everyone = warning_model.learn(vectors, is_urgent)
    far = vectors.copy()
    far[asked] = -np.eye(DIMENSION, dtype=np.float32)[0]  # the asked ones sit far from the urgent ones
    assert warning_model.learn(far, is_urgent, asked=asked).bar < warning_model.learn(far, is_urgent).bar
    too_few = asked & (np.arange(len(asked)) > len(asked) - warning_model.MIN_ASKED)
    assert warning_model.learn(vectors, is_urgent, asked=too_few).bar == everyone.bar  # then every one counts


def test_stratified_folds_cover_every_row_once_and_share_the_urgent_ones():
    labels = np.array([True] * 10 + [False] * 31)
    folds = warning_model.stratified_folds(labels, 5, seed=3)
    assert sorted(np.concatenate(folds).tolist()) == list(range(41))
    assert all(labels[f].sum() == 2 for f in folds)


def always(vector: np.ndarray) -> WarningModel:
    """A model that scores `vector` 1.0, with its bar at 0.9."""
    return WarningModel(vector.astype(np.float32), 0.0, 0.9, 10, 10)


def test_the_second_opinion_speaks_only_where_a_message_plainly_describes_something_now():
    vector = np.eye(DIMENSION, dtype=np.float32)[0]
    model = always(vector)
    described = check("my pillowcase is covered in fresh bright red this morning")
    assert not described.urgent and described.describes_now
    flagged = model.second_opinion(vector, described)
    assert flagged.urgent and flagged.signals == (SIGNAL,)
    assert "described like the clinic's labelled warning-sign messages (score 1.0 >= 0.9)" in flagged.explanation
    assert not model.second_opinion(-vector, described).urgent  # below the bar: the rules' verdict stands
    assert not model.second_opinion(np.full(DIMENSION, np.nan, dtype=np.float32), described).urgent
    for left_to_the_rules in (
        "no pus, no fever, just pink on day 2",  # a sign named and negated
        "not so much pain today, face red like after a day at the beach",
        "a little puffy around the eyes this morning",  # hedged
        "what if my face goes red and hot after?",  # a what-if
        "the swelling was bad yesterday but it's calming down now",  # settling
        "what are the risks of microneedling",  # asked in general
        "my sister had a reaction years ago",  # another's past
        "what are the risks of microneedling for my skin?",  # asked in general, though "my"
        "what should I do if my face bleeds after the treatment?",
        "I'm having it done next week, will my skin peel?",  # before a treatment
        "there's some pinpoint bleeding on my forehead right after the session",  # hedged
    ):
        verdict = check(left_to_the_rules)
        assert not verdict.describes_now, left_to_the_rules
        assert model.second_opinion(vector, verdict) == verdict
    named = check("there's yellow pus coming out and i have a fever")
    assert model.second_opinion(-vector, named) == named  # the rules flagged it: nothing to add


def test_a_model_survives_json_and_refuses_a_wrong_size():
    model = WarningModel(np.arange(4, dtype=np.float32), -1.5, 2.0, 3, 9, key="abc")
    loaded = WarningModel.from_json(json.loads(json.dumps(model.to_json())), 4)
    assert np.array_equal(loaded.weights, model.weights) and (loaded.bias, loaded.bar, loaded.key) == (-1.5, 2.0, "abc")
    with pytest.raises(ValueError, match="16-d vectors needs 16 finite weights"):
        WarningModel.from_json(model.to_json(), 16)


SIGNS = [
    {"question": f"my face is {word} and {other} since this morning", "kind": "urgent", "answers": []}
    for word, other in [("oozing", "smelly"), ("streaked", "burning"), ("blistered", "weeping"),
                        ("oozing", "burning"), ("streaked", "smelly"), ("blistered", "burning")]
] + [
    {"question": f"my skin is {word} on day {day}, is that normal", "kind": "normal_healing", "answers": []}
    for word, day in [("pink", 1), ("tight", 2), ("flaky", 3), ("dry", 2), ("peeling", 4), ("rough", 3)]
]


def test_ingest_learns_the_model_beside_the_adapter_and_the_engine_asks_it(settings, encoder, tmp_path):
    lessons = Lessons(write_questions(tmp_path / "labelled.jsonl", LABELLED + SIGNS), settings.synonyms_file, FAST)
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert "warning model learned from 7 urgent and 14 other questions" in report.summary()
    assert "adapter/warning.json" in read_manifest(settings.index_dir).adapter_files
    engine = Engine.from_settings(settings)
    model = engine.adapter.warning
    assert model is not None and (model.urgent, model.others) == (7, 14)  # 6 + LABELLED's one; 8 + 6 others
    question = "my pillowcase is covered in fresh bright red since lunch"
    raw = encoder.encode_questions([question])[0]
    sure = engine.with_adapter(replace(engine.adapter, warning=always(raw)))
    answer = sure.ask(question)
    assert answer.status is Status.URGENT and answer.signals == (SIGNAL,)
    assert answer.hits  # the passages still follow the escalation
    assert engine.with_adapter(replace(engine.adapter, warning=None)).rank(question).status is not Status.URGENT


def test_a_rebuild_keeps_the_model_until_what_it_learned_from_changes(settings, encoder, tmp_path, monkeypatch):
    lessons = Lessons(write_questions(tmp_path / "labelled.jsonl", LABELLED + SIGNS), settings.synonyms_file, FAST)
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    first = load_index(settings.index_dir).adapter.warning
    learned = []
    learn = warning_model.learn
    monkeypatch.setattr(warning_model, "learn", lambda *a, **k: learned.append(1) or learn(*a, **k))
    aftercare = settings.corpus_dir / "aftercare.md"
    aftercare.write_text(aftercare.read_text(encoding="utf-8") + "\n\nKeep the skin clean.\n", encoding="utf-8")
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert report.changed == ("aftercare.md",) and learned == []  # the adapter relearned, the warning model is kept
    kept = load_index(settings.index_dir).adapter.warning
    assert np.array_equal(kept.weights, first.weights) and (kept.bar, kept.key) == (first.bar, first.key)
    write_questions(lessons.questions_file, LABELLED + SIGNS + [
        {"question": "my face is oozing and smelly since lunch", "kind": "urgent", "answers": []}])
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert learned == [1] and load_index(settings.index_dir).adapter.warning.urgent == first.urgent + 1


def test_the_models_key_changes_with_each_thing_it_learns_from():
    vectors, urgent_rows = labelled_vectors(0, 6, 12)
    texts = [f"question {i}" for i in range(len(vectors))]
    key = learning._warning_key(vectors, urgent_rows, texts, FAST, "signs")
    assert key == learning._warning_key(vectors.copy(), urgent_rows.copy(), list(texts), FAST, "signs")
    assert key != learning._warning_key(vectors * 0.5, urgent_rows, texts, FAST, "signs")
    assert key != learning._warning_key(vectors, ~urgent_rows, texts, FAST, "signs")
    assert key != learning._warning_key(vectors, urgent_rows, texts[:-1] + ["other"], FAST, "signs")
    assert key != learning._warning_key(vectors, urgent_rows, texts, replace(FAST, warning_c=1.0), "signs")
    assert key != learning._warning_key(vectors, urgent_rows, texts, replace(FAST, folds=4), "signs")
    assert key != learning._warning_key(vectors, urgent_rows, texts, FAST, "the clinic's edited warning signs")


def test_a_tampered_warning_model_is_refused(settings, encoder, tmp_path):
    lessons = Lessons(write_questions(tmp_path / "labelled.jsonl", LABELLED + SIGNS), settings.synonyms_file, FAST)
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    folder = settings.index_dir / adapter.FOLDER
    (folder / adapter.WARNING).write_text('{"weights": [1.0]}', encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="warning.json is missing or does not match its checksum"):
        Engine.from_settings(settings)
    with pytest.raises(IndexMismatchError, match="can't be read"):
        adapter.Adapter.load(folder, 64, 4, with_warning=True)
    assert adapter.Adapter.load(folder, 64, 4).warning is None  # a file the manifest doesn't list is never read


def test_the_evaluation_holds_out_urgent_and_normal_questions_from_the_model_that_answers_them(
        settings, encoder, tmp_path, monkeypatch):
    lessons = Lessons(write_questions(tmp_path / "labelled.jsonl", LABELLED + SIGNS), settings.synonyms_file, FAST)
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    engine = Engine.from_settings(settings)
    learned_from: list[set[str]] = []
    fit = learning.fit_warning

    def spy(questions, signs, training, triage):
        learned_from.append({item.question for item, _ in signs})
        return fit(questions, signs, training, triage)

    monkeypatch.setattr(evaluation, "fit_warning", spy)
    scores = evaluation.score_cross_validated(engine, load_questions(lessons.questions_file))
    assert scores.normal_healing == 6 and len(learned_from) == FAST.folds
    signs = {item["question"] for item in LABELLED + SIGNS if item["kind"] in ("urgent", "normal_healing")}
    assert all(len(seen) < len(signs) for seen in learned_from)  # each fold's model misses its fold ...
    assert set.union(*(signs - seen for seen in learned_from)) == signs  # ... and every question is held out once


def test_the_evaluation_holds_out_every_sign_question_when_the_adapter_has_fewer_folds(
        settings, encoder, tmp_path, monkeypatch):
    few = [item for item in LABELLED if item["kind"] == "out_of_scope"] + LABELLED[:2]  # 2 in scope: 2 folds
    lessons = Lessons(write_questions(tmp_path / "labelled.jsonl", few + SIGNS), settings.synonyms_file,
                      replace(FAST, folds=5))
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    engine = Engine.from_settings(settings)
    learned_from: list[set[str]] = []
    fit = learning.fit_warning
    monkeypatch.setattr(evaluation, "fit_warning", lambda questions, signs, training, triage: (
        learned_from.append({item.question for item, _ in signs}) or fit(questions, signs, training, triage)))
    evaluation.score_cross_validated(engine, load_questions(lessons.questions_file))
    signs = {item["question"] for item in SIGNS}
    assert set.union(*(signs - seen for seen in learned_from)) == signs

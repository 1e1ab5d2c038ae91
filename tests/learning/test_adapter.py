"""The query adapter: what it learns, how its thresholds are chosen, and how ingest stores it."""

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from faqbot.answering.engine import Engine
from faqbot.answering.neighbours import NEVER
from faqbot.errors import FaqbotError, IndexMismatchError
from faqbot.index import store
from faqbot.index.build import ingest
from faqbot.index.encoders import FakeEncoder
from faqbot.index.store import load_index, read_manifest
from faqbot.learning import adapter, adapter_bars, adapter_fit
from faqbot.learning.adapter import Adapter, Training, TrainingQuestion
from faqbot.learning.evaluation import score, score_cross_validated, trained_on
from faqbot.learning.labelled import load_questions
from faqbot.learning.lessons import Lessons
from faqbot.models import Status

FAST = Training(iterations=60, folds=3)


def dense_scores(questions: np.ndarray, passage_vectors: np.ndarray, sentence_vectors: np.ndarray,
                 sentence_rows: np.ndarray) -> np.ndarray:
    """(questions, passages): the engine's dense score, mean of the passage's cosine and its best sentence's."""
    best = np.maximum.reduceat(questions @ sentence_vectors.T, sentence_rows[:-1], axis=1)
    return (questions @ passage_vectors.T + best) / 2


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


def swapped_problem(noise_seed: int = 0, per_passage: int = 6, dimension: int = 12, passages: int = 6):
    """Questions whose raw vectors sit near the *next* passage: only a learned map ranks them right."""
    vectors = unit(np.random.default_rng(0).standard_normal((passages, dimension)))
    rng = np.random.default_rng(100 + noise_seed)
    questions = []
    for p in range(passages):
        for _ in range(per_passage):
            near = vectors[(p + 1) % passages] + 0.15 * rng.standard_normal(dimension)
            questions.append(TrainingQuestion(unit(near), (p,), False))
    rows = np.arange(passages + 1)  # one sentence per passage, the passage itself
    return questions, vectors, vectors.copy(), rows


def test_the_adapter_learns_which_passage_answers_questions_the_raw_vectors_get_wrong():
    questions, passages, sentences, rows = swapped_problem()
    raw = dense_scores(np.stack([q.vector for q in questions]), passages, sentences, rows)
    assert np.mean(raw.argmax(axis=1) == [q.answers[0] for q in questions]) < 0.2
    learned = adapter.train(questions, passages, sentences, rows, Training(l2=0.001, iterations=100, folds=3))
    fresh, _, _, _ = swapped_problem(noise_seed=1)  # new questions of the same kind, never trained on
    moved = learned.apply(np.stack([q.vector for q in fresh]))
    scores = dense_scores(moved, passages, sentences, rows)
    assert np.mean(scores.argmax(axis=1) == [q.answers[0] for q in fresh]) > 0.9
    assert learned.validation.hit1 > 0.9  # cross-validation saw it too
    assert np.allclose(np.linalg.norm(moved, axis=1), 1, atol=1e-5)


def test_out_of_scope_questions_fall_below_the_learned_bar():
    """Off-topic questions close to a passage plus a shared direction of their own: raw similarity can't set them
    apart from the in-scope ones, the learned map and bar can."""
    questions, passages, sentences, rows = swapped_problem()
    rng = np.random.default_rng(5)
    off_direction = unit(rng.standard_normal(12))
    off_topic = [TrainingQuestion(unit(passages[i % 6] + off_direction + 0.15 * rng.standard_normal(12)), (), False)
                 for i in range(18)]
    everything = questions + off_topic
    inside = np.array([q.in_scope for q in everything])
    raw = dense_scores(np.stack([q.vector for q in everything]), passages, sentences, rows).max(axis=1)
    none = np.zeros(len(everything), dtype=bool)
    raw_bar, _ = adapter_bars.choose_thresholds(raw[inside], none[inside], raw[~inside], none[~inside], 0.02)
    raw_recall = np.mean(raw[~inside] < raw_bar)
    learned = adapter.train(everything, passages, sentences, rows, FAST)
    assert (learned.validation.in_scope, learned.validation.out_of_scope) == (36, 18)
    assert learned.validation.in_scope_fallbacks <= FAST.max_in_scope_fallbacks
    assert raw_recall < 0.9 <= learned.validation.out_of_scope_recall


def test_normal_healing_questions_learn_to_stay_off_the_fallback_without_becoming_examples():
    """Covered questions look like the off-topic ones plus a direction of their own: without learning from them
    they all fall back; learning from them keeps some in, and they never answer for look-alikes."""
    questions, passages, sentences, rows = swapped_problem()
    rng = np.random.default_rng(5)
    off_direction, healing = unit(rng.standard_normal(12)), unit(rng.standard_normal(12))
    off_topic = [TrainingQuestion(unit(passages[i % 6] + off_direction + 0.15 * rng.standard_normal(12)), (), False)
                 for i in range(18)]
    covered = [TrainingQuestion(unit(passages[i % 6] + off_direction + 0.6 * healing
                                     + 0.15 * rng.standard_normal(12)), (), False, covered=True) for i in range(18)]
    ignored = adapter.train(questions + off_topic + covered, passages, sentences, rows, replace(FAST, covered_weight=0))
    learned = adapter.train(questions + off_topic + covered, passages, sentences, rows, FAST)
    assert (learned.validation.in_scope, learned.validation.out_of_scope, learned.validation.covered) == (36, 18, 18)
    assert ignored.validation.covered_fallbacks == 1.0 > learned.validation.covered_fallbacks
    assert learned.validation.out_of_scope_recall == 1.0 and learned.validation.in_scope_fallbacks == 0.0
    assert len(learned.neighbours.questions) == 54  # the in-scope and out-of-scope questions only


def test_at_scale_each_question_is_scored_against_its_nearest_passages_and_its_answers_only():
    questions, passages, sentences, rows = swapped_problem(per_passage=1, passages=40)
    small = Training(every_passage_up_to=0, candidates=2, most_answers=1)
    problem = adapter_fit.build_problem(questions, passages, sentences, rows, small)
    assert problem.passages.shape == (40, 3, 12) and not problem.shared
    for q, wanted, columns in zip(questions, problem.answers, problem.passages, strict=True):
        assert wanted.sum() == 1 and np.allclose(columns[wanted][0], passages[q.answers[0]])
    whole = adapter_fit.build_problem(questions, passages, sentences, rows, Training())  # 40 passages: all, shared
    assert whole.shared and whole.passages.shape == (1, 40, 12)
    vectors = np.stack([q.vector for q in questions])
    exact = dense_scores(vectors, passages, sentences, rows)
    assert np.allclose(whole.scores(vectors), exact, atol=1e-6)
    assert np.allclose(problem.scores(vectors).max(axis=1), exact.max(axis=1), atol=1e-6)  # the best is a candidate


def test_at_scale_the_fit_scores_each_candidate_by_the_sentence_the_unadapted_question_prefers():
    """The per-question fit's targets are linear in the question vector: exact for the vectors they were chosen by."""
    questions, passages, _, _ = swapped_problem(per_passage=1, passages=40)
    sentences = unit(np.random.default_rng(7).standard_normal((80, 12)))  # two per passage, unlike the passage
    rows = np.arange(0, 81, 2)
    per_question = Training(every_passage_up_to=0, candidates=4)
    problem = adapter_fit.build_problem(questions, passages, sentences, rows, per_question)
    vectors = np.stack([q.vector for q in questions])
    exact = dense_scores(vectors, passages, sentences, rows)
    scores, listed = problem.scores(vectors), problem.open  # padding columns (not listed) score -2
    assert np.allclose(scores[listed], np.take_along_axis(exact, problem.columns, axis=1)[listed], atol=1e-6)
    linear = np.einsum("qd,qcd->qc", vectors, problem.targets())
    assert np.allclose(linear[listed], scores[listed], atol=1e-6)


def test_with_very_many_questions_each_gets_fewer_candidates_to_stay_within_memory():
    questions, passages, sentences, rows = swapped_problem(per_passage=1, passages=40)
    tight = Training(every_passage_up_to=0, candidates=30, most_answers=2, memory_mb=0)
    problem = adapter_fit.build_problem(questions, passages, sentences, rows, tight)
    assert problem.passages.shape[1] == 3  # most_answers + 1: its best answer and at least one other passage
    assert problem.answers.sum(axis=1).tolist() == [1] * 40


def test_thresholds_give_the_best_recall_the_fallback_budget_allows():
    in_scope = np.array([0.10, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 0.95, 0.99])
    out_of_scope = np.array([0.05, 0.20, 0.35, 0.45])
    no = np.zeros(10, dtype=bool)
    low, _ = adapter_bars.choose_thresholds(in_scope, no, out_of_scope, np.zeros(4, dtype=bool), 0.0)
    assert low == 0.055  # nothing in scope may fall back: only 0.05 is caught, by the lowest bar that does
    low, _ = adapter_bars.choose_thresholds(in_scope, no, out_of_scope, np.zeros(4, dtype=bool), 0.1)
    assert low == 0.205  # one of ten may: the 0.10 question goes, and 0.05 and 0.20 with it


def test_the_unknown_words_bar_catches_what_the_plain_bar_cannot():
    in_scope = np.array([0.30, 0.50, 0.60, 0.70])
    in_unknown = np.array([False, False, True, False])  # an answerable question with an unknown word at 0.60
    out_of_scope = np.array([0.55, 0.58])
    out_unknown = np.array([True, True])
    low, low_unknown = adapter_bars.choose_thresholds(in_scope, in_unknown, out_of_scope, out_unknown, 0.0)
    assert low <= 0.30 and 0.58 < low_unknown <= 0.60


def test_folds_cover_every_question_once_and_keep_the_mix():
    in_scope = np.array([True] * 10 + [False] * 5)
    folds = adapter_bars.folds(in_scope, 5)
    assert sorted(np.concatenate(folds).tolist()) == list(range(15))
    assert all(in_scope[f].sum() == 2 and (~in_scope[f]).sum() == 1 for f in folds)
    assert [f.tolist() for f in folds] == [f.tolist() for f in adapter_bars.folds(in_scope, 5)]


def test_an_adapter_survives_a_save_and_load(tmp_path):
    questions, passages, sentences, rows = swapped_problem()
    learned = adapter.train(questions, passages, sentences, rows, FAST)
    learned = replace(learned, neighbours=replace(learned.neighbours, out_of_scope_margin=0.125))
    learned.save(tmp_path / "adapter")
    loaded = Adapter.load(tmp_path / "adapter", 12, 6)
    assert np.array_equal(loaded.matrix, learned.matrix)
    assert (loaded.min_similarity, loaded.validation, loaded.training) == \
        (learned.min_similarity, learned.validation, learned.training)
    assert np.array_equal(loaded.neighbours.vectors, learned.neighbours.vectors)
    n = loaded.neighbours
    assert (n.answers, n.out_of_scope_bar, n.out_of_scope_margin) == \
        (learned.neighbours.answers, learned.neighbours.out_of_scope_bar, 0.125)
    config = json.loads((tmp_path / "adapter" / adapter.CONFIG).read_text(encoding="utf-8"))
    del config["examples"]["out_of_scope_margin"]  # an adapter saved before the margin existed: the margin is off
    (tmp_path / "adapter" / adapter.CONFIG).write_text(json.dumps(config), encoding="utf-8")
    assert Adapter.load(tmp_path / "adapter", 12, 6).neighbours.out_of_scope_margin == NEVER
    with pytest.raises(IndexMismatchError, match="doesn't fit 64-d vectors; rebuild"):
        Adapter.load(tmp_path / "adapter", 64, 6)
    with pytest.raises(IndexMismatchError, match="names passages the index doesn't have"):
        Adapter.load(tmp_path / "adapter", 12, 3)  # its examples answer with passages 3-5
    (tmp_path / "adapter" / adapter.CONFIG).write_text("{", encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="can't be read.*python ingest.py"):
        Adapter.load(tmp_path / "adapter", 12, 6)


def write_questions(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


LABELLED = [
    {"question": "how long should i avoid sunlight", "kind": "in_scope", "answers": ["stay out of the sun"]},
    {"question": "when is sunscreen needed", "kind": "in_scope", "answers": ["wear sunscreen every day"]},
    {"question": "can i put foundation on", "kind": "in_scope", "answers": ["before applying makeup"]},
    {"question": "which cosmetics are ok", "kind": "in_scope", "answers": ["mineral makeup"]},
    {"question": "how many visits", "kind": "in_scope", "answers": ["three to six sessions"]},
    {"question": "is it painful", "kind": "in_scope", "answers": ["numbing cream is applied first"]},
    {"question": "is there parking at the clinic", "kind": "out_of_scope", "answers": []},
    {"question": "do you sell gift cards", "kind": "out_of_scope", "answers": []},
    {"question": "my face is swelling and i can't breathe", "kind": "urgent", "answers": []},
]


@pytest.fixture
def lessons(tmp_path, settings) -> Lessons:
    return Lessons(write_questions(tmp_path / "labelled.jsonl", LABELLED), settings.synonyms_file, FAST)


def test_ingest_learns_an_adapter_and_the_engine_answers_with_it(settings, encoder, lessons):
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert "query adapter learned from 6 in-scope, 2 out-of-scope and 0 normal-healing questions" in report.summary()
    manifest = read_manifest(settings.index_dir)
    assert set(manifest.adapter_files) == {"adapter/adapter.npy", "adapter/examples.npy", "adapter/adapter.json"}
    assert set(manifest.cache_files) == {"cache/question_vectors.npz"}  # for ingest only
    assert manifest.encoder_files == {}  # the fake encoder has no ONNX export; the adapter isn't one
    engine = Engine.from_settings(settings)
    assert engine.adapter is not None
    assert engine.bars == (engine.adapter.min_similarity, engine.adapter.min_similarity_unknown_words)
    ranked = engine.rank("how many visits")
    raw = encoder.encode_questions(["how many visits"])[0]
    assert np.allclose(ranked.vector, engine.adapter.apply(raw))
    plain = engine.with_adapter(None)
    assert plain.bars == (settings.min_similarity, settings.min_similarity_unknown_words)
    assert np.allclose(plain.rank("how many visits").vector, raw)


def test_an_unchanged_set_keeps_the_index_and_a_changed_one_relearns_without_embedding(settings, encoder, lessons):
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons).up_to_date
    calls = encoder.calls
    write_questions(lessons.questions_file, LABELLED + [
        {"question": "do you do botox", "kind": "out_of_scope", "answers": []}])
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert not report.up_to_date and report.embedded == 0
    assert ", 3 out-of-scope and" in report.summary()
    assert encoder.calls == calls  # no passage or sentence was embedded again
    lessons.questions_file.unlink()
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert "no query adapter" in report.summary()
    assert load_index(settings.index_dir).adapter is None


def test_a_rebuild_embeds_only_the_labelled_questions_the_previous_index_had_not(settings, encoder, lessons, tmp_path):
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    labelled = encoder.question_calls
    assert labelled == len(LABELLED)
    (settings.corpus_dir / "aftercare.md").write_text(
        (settings.corpus_dir / "aftercare.md").read_text(encoding="utf-8") + "\n\nKeep the skin clean.\n")
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert report.changed == ("aftercare.md",) and encoder.question_calls == labelled
    assert f"labelled questions: {len(LABELLED)} embeddings reused, 0 computed" in report.summary()
    fresh = FakeEncoder()  # the same documents and questions, every vector embedded anew
    ingest(settings.corpus_dir, tmp_path / "fresh", fresh, lessons=lessons)
    assert fresh.question_calls == len(LABELLED)
    assert np.array_equal(load_index(settings.index_dir).adapter.matrix, load_index(tmp_path / "fresh").adapter.matrix)
    write_questions(lessons.questions_file, LABELLED + [
        {"question": "do you do botox", "kind": "out_of_scope", "answers": []}])
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert encoder.question_calls == labelled + 1  # only the new question
    assert f"labelled questions: {len(LABELLED)} embeddings reused, 1 computed" in report.summary()


def test_question_vectors_the_manifest_does_not_vouch_for_are_embedded_again_and_never_block_answers(
        settings, encoder, lessons):
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    cached = settings.index_dir / "cache" / "question_vectors.npz"
    with np.load(cached) as data:
        keys, vectors = data["keys"], data["vectors"]
    np.savez(cached, keys=keys, vectors=np.zeros_like(vectors))  # readable, but not what the build saved
    assert load_index(settings.index_dir).adapter is not None  # answering never reads it
    write_questions(lessons.questions_file, LABELLED[:-1])
    calls, before = encoder.calls, encoder.question_calls
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert encoder.question_calls - before == len(LABELLED) - 1 and encoder.calls == calls  # passages still reused
    assert f"0 embeddings reused, {len(LABELLED) - 1} computed" in report.summary()
    assert np.abs(load_index(settings.index_dir).adapter.neighbours.vectors).sum(axis=1).min() > 0
    cached.write_bytes(b"damaged")
    assert load_index(settings.index_dir).adapter is not None


def test_labels_written_for_other_documents_teach_nothing_and_ingest_says_so(settings, encoder, tmp_path):
    """A clinic that swaps its documents and keeps the example's settings: its labels would refuse what its own
    documents answer (0.91 of normal-healing questions sent to the fallback on a dermatology kit)."""
    other = [{"question": f"what is a chemical peel {n}", "kind": "in_scope", "answers": ["acid solution"]}
             for n in range(3)]
    lessons = Lessons(write_questions(tmp_path / "other.jsonl", [*other, LABELLED[4]]), settings.synonyms_file, FAST)
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert (f"the labelled questions at {tmp_path / 'other.jsonl'} do not fit these documents (3 of 4 in-scope ones "
            "have no answer in them), so nothing was learned from them") in report.summary()
    assert read_manifest(settings.index_dir).adapter_files == {}


def test_out_of_scope_labels_the_documents_now_answer_are_left_out_and_named(settings, encoder, lessons):
    (settings.corpus_dir / "visiting.md").write_text("# Visiting us\n\nFree parking is behind the clinic.\n")
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert ('1 labelled out-of-scope question(s) are answered by the documents now and were left out ("is there '
            'parking at the clinic"): the documents win') in report.summary()
    assert "1 out-of-scope" in report.summary()
    assert "is there parking at the clinic" not in load_index(settings.index_dir).adapter.neighbours.questions


def test_learning_whose_cross_validation_refuses_answerable_questions_is_not_kept(settings, encoder, lessons,
                                                                                 monkeypatch):
    train = adapter.train

    def refusing(*args, **kwargs):
        learned = train(*args, **kwargs)
        return replace(learned, validation=replace(learned.validation, covered_fallbacks=0.91))

    monkeypatch.setattr(adapter, "train", refusing)
    report = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert ("nothing learned: cross-validation sent 0% of the answerable labelled questions and 91% of the "
            "normal-healing ones to 'not in our materials'") in report.summary()
    assert load_index(settings.index_dir).adapter is None


def test_a_tampered_adapter_is_refused(settings, encoder, lessons):
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    matrix = settings.index_dir / "adapter" / adapter.MATRIX
    np.save(matrix, np.eye(64, dtype=np.float32))
    with pytest.raises(IndexMismatchError, match="adapter.npy is missing or does not match its checksum"):
        load_index(settings.index_dir)
    assert store.FORMAT_VERSION == 3  # adapter files ride on format 3's checksummed extras


def test_the_evaluation_cross_validates_the_set_the_adapter_learned_from(settings, encoder, lessons):
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    engine = Engine.from_settings(settings)
    assert trained_on(engine, lessons.questions_file)
    items = load_questions(lessons.questions_file)
    other = write_questions(lessons.questions_file.with_name("held_out.jsonl"), LABELLED[:3])
    assert not trained_on(engine, other)
    crossed = score_cross_validated(engine, items)
    assert crossed.urgent_recall == 1.0  # urgent questions are answered by the engine as it is
    assert 0 <= crossed.hit3 <= 1 and crossed.normal_healing == 0
    with pytest.raises(ValueError, match="needs an engine with a query adapter"):
        score_cross_validated(engine.with_adapter(None), items)
    assert score(engine, items[-1:]).urgent_recall == 1.0
    assert engine.ask("my face is swelling and i can't breathe").status is Status.URGENT


def test_a_broken_labelled_file_names_the_line_and_leaves_the_index_as_it_was(settings, encoder, lessons):
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    before = read_manifest(settings.index_dir)
    lessons.questions_file.write_text('{"question": "ok?", "kind": "in_scope", "answers": []}\n{not json\n',
                                      encoding="utf-8")
    with pytest.raises(FaqbotError, match=r"labelled.jsonl:2 is not a labelled question"):
        ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    assert read_manifest(settings.index_dir) == before


def test_the_eval_command_cross_validates_the_training_set_and_shows_the_engine_without_the_adapter(
        settings, encoder, lessons, capsys, monkeypatch):
    from faqbot.cli import main

    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    held_out = write_questions(lessons.questions_file.with_name("held_out.jsonl"), LABELLED[:2])
    monkeypatch.setenv("FAQBOT_MODEL", "fake-encoder")
    assert main(["eval", "--index", str(settings.index_dir), "--questions", str(lessons.questions_file),
                 "--questions", str(held_out)]) == 0
    trained, other = capsys.readouterr().out.split("## ")[1:]
    baselines = "| faqbot without adapter | keyword only | dense only | dense only over paragraphs |"
    assert f"| faqbot (hybrid), cross-validated {baselines}" in trained
    assert f"| faqbot (hybrid) {baselines}" in other


def test_thresholds_are_those_a_plain_search_over_both_bars_finds():
    """The vectorised search against the obvious double loop, with the same tie-breaking (best recall, fewest
    in-scope fallbacks, lowest bars), on random scores with and without questions another rule already caught."""
    bars = np.round(np.arange(-0.2, 1.0, 0.005), 3)

    def plain(ins, ins_unknown, out, out_unknown, cap, caught_in, caught_out):
        best_key, best = None, (float(bars[0]), float(bars[0]))
        for i, low in enumerate(bars):
            for high in bars[i:]:
                fallbacks = np.mean(caught_in | (ins < low) | (ins_unknown & (ins < high)))
                if fallbacks > cap:
                    continue
                recall = np.mean(caught_out | (out < low) | (out_unknown & (out < high)))
                key = (recall, -fallbacks, -low, -high)
                if best_key is None or key > best_key:
                    best_key, best = key, (float(low), float(high))
        return best

    rng = np.random.default_rng(11)
    for case in range(12):
        ins, out = rng.uniform(0.0, 0.6, 20).round(2), rng.uniform(-0.1, 0.4, 8).round(2)
        unknown_in, unknown_out = rng.random(20) < 0.4, rng.random(8) < 0.5
        caught_in = rng.random(20) < 0.05 if case % 2 else np.zeros(20, dtype=bool)
        caught_out = rng.random(8) < 0.3 if case % 2 else np.zeros(8, dtype=bool)
        cap = (0.0, 0.05, 0.1)[case % 3]
        args = (ins, unknown_in, out, unknown_out, cap, caught_in, caught_out)
        assert adapter_bars.choose_thresholds(*args) == plain(*args)


def test_ingest_names_labelled_questions_whose_answer_left_the_documents(settings, encoder, tmp_path):
    gone = {"question": "do you sell gift vouchers", "kind": "in_scope", "answers": ["gift vouchers are sold"]}
    lessons = Lessons(write_questions(tmp_path / "labelled.jsonl", [*LABELLED, gone]), settings.synonyms_file, FAST)
    summary = ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons).summary()
    assert ('1 labelled in-scope question(s) have no answer in the documents any more and were left out '
            '("do you sell gift vouchers")') in summary
    assert str(tmp_path / "labelled.jsonl") in summary
    write_questions(lessons.questions_file, LABELLED)
    assert "no answer in the documents" not in ingest(settings.corpus_dir, settings.index_dir, encoder,
                                                      lessons=lessons).summary()


def test_a_passage_holding_the_questions_own_words_is_never_hidden_by_an_out_of_scope_look_alike(
        settings, encoder, lessons):
    (settings.corpus_dir / "visiting.md").write_text("# Visiting us\n\nFree parking is behind the clinic.\n")
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    marked = ["where can i park", "do you sell gift cards"]  # staff marked both "not in our documents"
    engine = Engine.from_settings(settings).with_examples(marked, encoder.encode_questions(marked), [(), ()])
    ranked = engine.rank("where can i park")
    assert engine.adapter.neighbours.out_of_scope(engine.adapter.neighbours.similarities(ranked.vector)) is not None
    parking = engine.answer(ranked)
    assert parking.status is Status.ANSWERED and "visiting.md" in {h.passage.source for h in parking.hits}
    assert engine.ask("do you sell gift cards").status is Status.NO_MATCH

import json

import numpy as np
import pytest

from faqbot.errors import FaqbotError
from faqbot.learning import adapter_bars
from faqbot.learning.adapter import TrainingQuestion
from faqbot.learning.evaluation import _question_folds, highlights_answer, rank_of_first_hit, score_answers, table
from faqbot.learning.labelled import Labelled, answer_passages, check_labels, load_questions, normalise
from faqbot.models import Answer, Hit, Passage, Status


def passage(text: str) -> Passage:
    return Passage("id", text, "a.txt", "A", "A", 0, len(text), ((0, len(text)),))


def test_a_hit_is_the_first_passage_containing_a_label_phrase_ignoring_case_and_quotes():
    answer = Answer("q", Status.ANSWERED, (Hit(passage("Nothing here."), 1, ""),
                                           Hit(passage("It\u2019s Three  sessions."), 0.5, "")))
    assert rank_of_first_hit(answer, ["it's three sessions"]) == 1
    assert rank_of_first_hit(answer, ["four sessions"]) is None


def test_the_highlight_counts_when_it_holds_the_answer_phrase_or_is_part_of_it():
    text = "Wait a day. Most patients need three to six sessions spaced a month apart."
    answer = Answer("q", Status.ANSWERED, (Hit(passage(text), 1, "Most patients need three to six sessions"),
                                           Hit(passage(text), 0.5, "Wait a day.")))
    assert highlights_answer(answer, 0, ["three to six sessions"])  # holds the phrase
    assert highlights_answer(answer, 0, ["Most patients need three to six sessions spaced a month apart"])  # inside
    assert not highlights_answer(answer, 1, ["three to six sessions"])
    item = Labelled("how many?", "in_scope", ("three to six sessions",))
    scores = score_answers([(item, answer), (item, Answer("q", Status.ANSWERED, tuple(reversed(answer.hits))))])
    assert scores.hit1 == 1.0 and scores.highlight == 0.5


def test_labels_missing_from_the_corpus_are_reported():
    items = [Labelled("q", "in_scope", ("three sessions", "ten sessions"))]
    assert check_labels(items, "Most need three sessions.") == ["'q': 'ten sessions'"]


def test_question_files_are_checked_line_by_line(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({"question": "q", "kind": "in_scope", "answers": ["a"]}) + "\n\n")
    assert load_questions(path) == [Labelled("q", "in_scope", ("a",))]
    path.write_text(json.dumps({"question": "q", "kind": "maybe"}) + "\n")
    with pytest.raises(FaqbotError, match="q.jsonl:1 has kind 'maybe'"):
        load_questions(path)


def test_the_table_puts_methods_side_by_side():
    from faqbot.learning.evaluation import Scores

    s = Scores(0.5, 0.75, 0.6, 1.0, 0.9, 0.01, 1.0, 0, 10)
    text = table({"a": s, "b": s})
    assert text.splitlines()[0] == "| metric | a | b |"
    assert "| hit@3 (in-scope) | 0.750 | 0.750 |" in text and "0/10" in text


def test_the_table_leaves_out_the_rows_a_question_set_cannot_fill():
    """An out-of-scope-only set has no hit@k, urgent recall or false alarms to show (they would read 0.000 / 1.000)."""
    from faqbot.learning.evaluation import Scores

    text = table({"a": Scores(0.0, 0.0, 0.0, 1.0, 0.5, 0.0, 1.0, 0, 0)}, {"out_of_scope"})
    assert [line.split(" | ")[0] for line in text.splitlines()[2:]] == [
        "| fallback recall (out-of-scope)", "| urgent flags on in-scope or out-of-scope questions"]


def test_normal_healing_questions_answered_with_the_fallback_are_counted():
    """The issue: normal-healing questions get the aftercare passages, so a fallback for one is a miss too."""
    normal = Labelled("my skin is flaky on day 3", "normal_healing", ())
    shown = Answer("q", Status.ANSWERED, (Hit(passage("Peeling is usual."), 1, ""),))
    scores = score_answers([(normal, shown), (normal, Answer("q", Status.NO_MATCH, ()))])
    assert (scores.normal_fallbacks, scores.normal_healing, scores.false_alarms) == (1, 2, 0)
    assert "| normal healing answered with fallback | 1/2 |" in table({"a": scores}, {"normal_healing"})


def test_questions_escalated_for_nothing_are_counted():
    """An in-scope or out-of-scope question flagged urgent shows the escalation message before anything else."""
    asked = Labelled("can you explain the treatment", "in_scope", ("tiny needles",))
    parking = Labelled("is there parking", "out_of_scope", ())
    scores = score_answers([(asked, Answer("q", Status.URGENT, ())), (parking, Answer("q", Status.NO_MATCH, ()))])
    assert (scores.questions_flagged, scores.questions) == (1, 2)
    assert "| urgent flags on in-scope or out-of-scope questions | 1/2 |" in table({"a": scores})


def test_a_normal_healing_question_leaves_the_adapter_and_the_warning_model_in_the_same_fold():
    kinds = ["in_scope"] * 6 + ["out_of_scope"] * 3 + ["normal_healing"] * 4
    items = [Labelled(f"question {i}", kind, ()) for i, kind in enumerate(kinds)]
    pairs = [(item, TrainingQuestion(np.zeros(4, np.float32), (0,) if item.kind == "in_scope" else (), False,
                                     covered=item.kind == "normal_healing")) for item in items]
    urgent = [Labelled("it is oozing pus", "urgent", ())]
    signs = [(item, np.zeros(4, np.float32)) for item in urgent + items[9:]]
    sign_folds = [np.array([0, 3]), np.array([1, 4]), np.array([2])]  # sign i + 8 is question i (i > 0)
    folds = _question_folds(pairs, signs, sign_folds, 3)
    assert [f.tolist() for f in folds] == [[*labelled.tolist(), *covered] for labelled, covered in zip(
        adapter_bars.folds(np.array([True] * 6 + [False] * 3), 3), ([11], [9, 12], [10]), strict=True)]
    assert sorted(np.concatenate(folds).tolist()) == list(range(13))
    without_warning_model = _question_folds(pairs, [], [], 3)
    assert sorted(np.concatenate(without_warning_model).tolist()) == list(range(13))


def test_a_question_answers_from_the_passages_holding_one_of_its_phrases_as_normalised():
    texts = [normalise(t) for t in ("Wear SUNSCREEN every day.", "Avoid the sun; wear sunscreen.",
                                    "Numbing cream is applied first.", "Sunscreen")]
    items = [Labelled("spf?", "in_scope", ("wear sunscreen",)),
             Labelled("pain?", "in_scope", ("numbing  cream", "Avoid the sun")),
             Labelled("overlapping phrases", "in_scope", ("screen", "sunscreen every")),
             Labelled("not in the documents", "in_scope", ("botox",)),
             Labelled("no phrases", "out_of_scope", ())]
    assert answer_passages(items, texts) == [(0, 1), (1, 2), (0, 1, 3), (), ()]


def test_paragraphs_are_the_documents_blocks_with_a_list_kept_with_its_introduction_and_no_headings():
    from faqbot.documents.reader import parse_document
    from faqbot.learning.evaluation import paragraphs

    doc = parse_document("# Uses\n\nIt helps with:\n\n- acne scars\n- fine lines\n\n## Sessions\n\nMost need three.",
                         "a.md")
    cut = list(paragraphs(doc))
    assert [p.text for p in cut] == ["It helps with:\n- acne scars\n- fine lines", "Most need three."]
    assert {p.source for p in cut} == {"a.md"} and all(doc.text[p.start:p.end] == p.text for p in cut)


def test_the_paragraph_baseline_ranks_paragraphs_by_the_raw_question_only(built_index, encoder):
    """No fallback and no urgent check: even gibberish or a warning sign is 'answered' with the closest paragraphs."""
    from faqbot.answering.engine import Engine
    from faqbot.learning.evaluation import ParagraphSearch

    engine = Engine.from_settings(built_index, encoder)
    search = ParagraphSearch(engine, built_index.corpus_dir)  # the documents' paragraphs, not the index's passages
    assert {p.source for p in search.paragraphs} == {p.source for p in engine.stored.passages}
    assert not any("\n\n" in p.text for p in search.paragraphs)
    answer = search.ask("how many sessions spaced a month apart", 2)
    assert answer.status is Status.ANSWERED and len(answer.hits) == 2
    assert answer.hits[0].passage.text.startswith("Most patients need three to six sessions")
    assert answer.hits[0].score >= answer.hits[1].score
    assert search.ask("zzqx blorp", 5).status is Status.ANSWERED
    assert search.ask("my lips are swelling and I can't breathe", 1).status is Status.ANSWERED


def test_a_ranking_only_column_shows_dashes_outside_the_ranking_rows():
    from faqbot.learning.evaluation import Scores

    s = Scores(0.5, 0.75, 0.6, 1.0, 0.0, 0.0, 0.0, 0, 10)
    lines = table({"ours": s, "baseline": s}, ranking_only=["baseline"]).splitlines()
    assert "| hit@1 (in-scope) | 0.500 | 0.500 |" in lines
    assert "| fallback recall (out-of-scope) | 0.000 | - |" in lines
    assert "| urgent false alarms (normal healing) | 0/10 | - |" in lines


def test_an_outside_kit_is_scored_on_a_fresh_index_with_the_default_settings_and_no_labels(tmp_path, capsys,
                                                                                             monkeypatch):
    from faqbot.cli import main
    from faqbot.learning.kits import kit_settings, load_kit
    from faqbot.settings import Settings
    from tests.conftest import TINY_CORPUS, write_corpus

    kit = tmp_path / "kit"
    write_corpus(kit / "corpus", TINY_CORPUS)
    (kit / "questions.jsonl").write_text("\n".join(json.dumps(q) for q in [
        {"id": "1", "q": "how many sessions do patients need", "kind": "answer", "gold": ["three to six sessions"]},
        {"id": "2", "q": "when can i wear makeup", "kind": "answer", "gold": ["Wait one day before applying"]},
        {"id": "3", "q": "what is the capital of peru", "kind": "out_of_scope", "gold": []},
    ]) + "\n", encoding="utf-8")
    assert [(i.kind, i.answers) for i in load_kit(kit)][0] == ("in_scope", ("three to six sessions",))
    fresh = kit_settings(kit, Settings(model="fake-encoder", training_questions=tmp_path / "mine.jsonl"), tmp_path)
    assert not fresh.training_questions.exists() and fresh.warning_signs == Settings().warning_signs  # no labels
    monkeypatch.setenv("FAQBOT_MODEL", "fake-encoder")
    assert main(["eval", "--kit", str(kit)]) == 0
    out = capsys.readouterr().out
    assert "## kit (2 answerable, 1 out of scope)" in out
    assert "| metric | faqbot, default settings, no labels | dense only over paragraphs |" in out
    assert "| fallback recall (out-of-scope) |" in out and "| hit@3 (in-scope) |" in out


def test_a_folder_that_is_not_a_kit_says_what_it_needs(tmp_path):
    from faqbot.learning.kits import load_kit

    with pytest.raises(FaqbotError, match="needs corpus/ and questions.jsonl"):
        load_kit(tmp_path)

import json

import pytest

from faqbot.errors import FaqbotError
from faqbot.evaluation import rank_of_first_hit, table
from faqbot.labelled import Labelled, check_labels, load_questions
from faqbot.models import Answer, Hit, Passage, Status


def passage(text: str) -> Passage:
    return Passage("id", text, "a.txt", "A", "A", 0, len(text), ((0, len(text)),))


def test_a_hit_is_the_first_passage_containing_a_label_phrase_ignoring_case_and_quotes():
    answer = Answer("q", Status.ANSWERED, (Hit(passage("Nothing here."), 1, ""),
                                           Hit(passage("It\u2019s Three  sessions."), 0.5, "")))
    assert rank_of_first_hit(answer, ["it's three sessions"]) == 1
    assert rank_of_first_hit(answer, ["four sessions"]) is None


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
    from faqbot.evaluation import Scores

    s = Scores(0.5, 0.75, 0.6, 1.0, 0.9, 0.01, 1.0, 0, 10)
    text = table({"a": s, "b": s})
    assert text.splitlines()[0] == "| metric | a | b |"
    assert "| hit@3 (in-scope) | 0.750 | 0.750 |" in text and "0/10" in text

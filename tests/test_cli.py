import json
import os
import subprocess
import sys

from faqbot.cli import main
from tests.conftest import ROOT

CONTRACT_KEYS = {"id", "text", "source", "title", "heading", "score", "highlight"}


def test_ask_prints_passages_with_titles_and_sources(built_index, capsys, monkeypatch):
    monkeypatch.setenv("FAQBOT_MODEL", "fake-encoder")
    monkeypatch.setenv("FAQBOT_MIN_SIMILARITY", "0")
    assert main(["ask", "--index", str(built_index.index_dir), "how many sessions do patients need"]) == 0
    out = capsys.readouterr().out
    assert "three to six sessions" in out and "(sessions.txt, score" in out


def test_json_output_follows_the_contract_one_line_per_question(built_index, monkeypatch):
    monkeypatch.setenv("FAQBOT_MODEL", "fake-encoder")
    monkeypatch.setenv("FAQBOT_MIN_SIMILARITY", "0")
    questions = ("how many sessions do patients need\n\nhow long to wait before applying makeup\nsunscreen outside\n"
                 "i want to end my life\nmy husband has crushing chest pain\nthere's yellow pus since yesterday\n")
    result = subprocess.run(
        [sys.executable, "-m", "faqbot", "ask", "--json", "-k", "2", "--index", str(built_index.index_dir)],
        input=questions, capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "FAQBOT_MODEL": "fake-encoder", "FAQBOT_MIN_SIMILARITY": "0"},
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [obj["question"] for obj in lines[:3]] == [
        "how many sessions do patients need", "how long to wait before applying makeup", "sunscreen outside"
    ]
    assert [(obj["status"], obj["escalation"]) for obj in lines[3:]] == [
        ("urgent", "crisis"), ("urgent", "emergency"), ("urgent", "clinic")]
    assert lines[3]["passages"] == lines[4]["passages"] == []  # a crisis or an emergency: its message alone
    for obj in lines:
        assert obj["status"] in {"answered", "no_match", "urgent"}
        assert (obj["escalation"] is None) == (obj["status"] != "urgent")
        assert len(obj["passages"]) <= 2
        for passage in obj["passages"]:
            assert passage.keys() >= CONTRACT_KEYS
            assert passage["highlight"] in passage["text"]
    assert lines[1]["passages"][0]["source"] == "aftercare.md"


def test_a_missing_index_tells_to_run_ingest(tmp_path, capsys):
    assert main(["ask", "--index", str(tmp_path / "none"), "hello"]) == 1
    assert "run: python ingest.py" in capsys.readouterr().err


def test_k_must_be_positive(capsys):
    assert main(["ask", "-k", "0", "hello"]) == 2
    assert "-k must be >= 1, got 0" in capsys.readouterr().err

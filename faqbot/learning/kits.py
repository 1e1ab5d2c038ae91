"""Outside kits: another clinic's documents and real questions (the `../shared/outside-kits` format), measured as a
clinic that only swaps its documents gets them: a fresh index of the kit's corpus with faqbot's default settings
and no labelled questions, beside dense search over paragraphs.

A kit folder holds `corpus/*.txt` and `questions.jsonl`, one {"id", "q", "kind": "answer" | "out_of_scope",
"gold": [verbatim phrases]} a line; a passage shown hits when it holds a gold phrase (evaluation.py's rule).

Usage: python -m faqbot eval --kit ../shared/outside-kits/ninds_neurology [--kit ...]
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from faqbot.answering.engine import Engine
from faqbot.errors import FaqbotError
from faqbot.index.build import ingest
from faqbot.index.encoders import make_encoder, onnx_variants
from faqbot.learning import evaluation
from faqbot.learning.labelled import Labelled, read_jsonl
from faqbot.settings import Settings

KINDS = {"answer": "in_scope", "out_of_scope": "out_of_scope"}


def load_kit(folder: Path) -> list[Labelled]:
    """The kit's questions as labelled questions: answerable ones in scope with their gold phrases."""
    path = folder / "questions.jsonl"
    if not (folder / "corpus").is_dir() or not path.is_file():
        raise FaqbotError(f"{folder} is not an outside kit (it needs corpus/ and questions.jsonl)")
    return read_jsonl(path, "a kit question", tuple(KINDS.values()),
                      lambda data: Labelled(str(data["q"]), KINDS[data["kind"]], tuple(data.get("gold", ()))))


def kit_settings(folder: Path, settings: Settings, work: Path) -> Settings:
    """faqbot's defaults for the kit's corpus: only the model and how it runs are taken from `settings`."""
    return Settings(corpus_dir=folder / "corpus", index_dir=work / "index", data_dir=work / "data",
                    model=settings.model, encoder=settings.encoder, document_precision=settings.document_precision,
                    training_questions=work / "no-labelled-questions.jsonl")


def evaluate(folder: Path, settings: Settings) -> str:
    """The kit's table: faqbot as shipped with no labels, and dense search over paragraphs."""
    items = load_kit(folder)
    with tempfile.TemporaryDirectory(prefix="faqbot-kit-") as work:
        fresh = kit_settings(folder, settings, Path(work))
        ingest(fresh.corpus_dir, fresh.index_dir, make_encoder(fresh), variants=onnx_variants(fresh),
               calibrate=fresh.no_match_calibration)
        engine = Engine.from_settings(fresh)
        dense = evaluation.ParagraphSearch(engine, fresh.corpus_dir)
        scores = {"faqbot, default settings, no labels": evaluation.score(engine, items),
                  "dense only over paragraphs": evaluation.score(dense, items)}
    answerable = sum(i.kind == "in_scope" for i in items)
    head = f"## {folder.name} ({answerable} answerable, {len(items) - answerable} out of scope)\n\n"
    return head + evaluation.table(scores, {i.kind for i in items}, ranking_only=["dense only over paragraphs"])

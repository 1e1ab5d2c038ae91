"""Ingest speed and memory on the real corpus and a larger synthetic one.

Usage: python bench/ingest_speed.py [--synthetic-passages 1000 [10000 ...]]
       FAQBOT_DOCUMENT_PRECISION=fp32 python bench/ingest_speed.py   # the same with fp32 document vectors

Three runs per corpus: a first build, an unchanged re-run, and a re-run after one document gained a paragraph
(what a staff upload costs). Each run is `python ingest.py --corpus C --index I` in its own process: wall time
(process start to exit, imports included), CPU time (user + system, all threads), passages/s, texts embedded vs
reused and the precision they were computed at, peak RSS. The first run includes loading the model, embedding every
passage, sentence and labelled question with sentence-transformers (torch), learning the query adapter and warning
model, and exporting the ONNX query encoder. A re-run after a change embeds only new text (labelled questions
included) but learns again. On a shared machine wall time follows the other processes' load; CPU time much less so.
The synthetic corpus recombines the corpus's own sentences into new paragraphs. Each use of a sentence has one word
swapped for another corpus word, so every sentence is new text of a real sentence's length, as in a real clinic's
documents (`--repeat-sentences`: the sentences verbatim, as before 2026-11-22: ingest embeds a repeated sentence once,
which flatters the rate). Below the table, a line fitted through the first builds (wall s = fixed + passages / rate)
separates what a build costs whatever its size from its rate per passage.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, machine, table  # noqa: E402

SUMMARY = re.compile(r"(\d+) passages, (\d+) embeddings reused, (\d+) computed(?: in (\w+))?")


def synthetic_corpus(folder: Path, passages: int, repeat_sentences: bool = False) -> Path:
    """Documents of headed sections whose paragraphs are 3-6 random corpus sentences (about one passage each).

    Unless `repeat_sentences`, each sentence has one word replaced by a random corpus word, so it is text ingest
    has not seen and must embed, at the length of a real sentence."""
    sys.path.insert(0, str(ROOT))
    from faqbot.documents import splitting
    from faqbot.documents.reader import corpus_files, read_document

    docs = [read_document(p, ROOT / "corpus") for p in corpus_files(ROOT / "corpus")]
    sentences = [s.split(" ") for d in docs for p in splitting.split_document(d) for s in p.sentence_texts()]
    vocabulary = sorted({w for words in sentences for w in words if w.isalpha()})
    rng = np.random.default_rng(0)

    def sentence(j: int) -> str:
        words = list(sentences[j])
        if not repeat_sentences:
            words[rng.integers(len(words))] = vocabulary[rng.integers(len(vocabulary))]
        return " ".join(words)

    folder.mkdir(parents=True, exist_ok=True)
    per_doc = 50
    for doc in range(0, passages, per_doc):
        sections = []
        for i in range(min(per_doc, passages - doc)):
            picks = rng.choice(len(sentences), rng.integers(3, 7), replace=False)
            sections.append(f"## Section {doc + i}\n\n" + " ".join(sentence(j) for j in picks))
        (folder / f"synthetic-{doc // per_doc:04d}.md").write_text(f"# Synthetic {doc}\n\n" + "\n\n".join(sections))
    return folder


def change_one_document(corpus: Path) -> None:
    """Append a paragraph (sentences of the corpus's own, in a new order) to the first document, as an edit would."""
    from faqbot.documents.reader import corpus_files

    first = corpus_files(corpus)[0]
    text = first.read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 5][:4]
    if not sentences:
        raise SystemExit(f"{first} has no sentence to re-use for the changed-document run")
    first.write_text(text.rstrip() + "\n\n" + " ".join(reversed(sentences)) + "\n", encoding="utf-8")


def run_ingest(corpus: Path, index: Path) -> dict:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "ingest.py"), "--corpus", str(corpus), "--index", str(index)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"ingest of {corpus} failed")
    passages, reused, computed, precision = SUMMARY.search(out).groups()
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "passages": int(passages),
            "reused": int(reused), "computed": int(computed), "precision": precision or "-",
            "rss": usage.ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic-passages", type=int, nargs="*", default=[1000],
                        help="sizes of synthetic corpora (none: the real corpus only)")
    parser.add_argument("--repeat-sentences", action="store_true",
                        help="synthetic paragraphs repeat corpus sentences verbatim (embedded once each)")
    args = parser.parse_args()
    rows, first_builds = [], []
    with tempfile.TemporaryDirectory() as tmp:
        corpora = {"corpus/ (real)": Path(shutil.copytree(ROOT / "corpus", Path(tmp) / "real"))}
        for size in args.synthetic_passages:
            corpora[f"synthetic (~{size} paragraphs)"] = synthetic_corpus(Path(tmp) / f"synthetic-{size}", size,
                                                                       args.repeat_sentences)
        for name, corpus in corpora.items():
            index = Path(tmp) / f"index-{len(rows)}"
            for run in ("first build", "unchanged re-run", "one document changed"):
                if run == "one document changed":
                    change_one_document(corpus)
                r = run_ingest(corpus, index)
                if run == "first build":
                    first_builds.append((r["passages"], r["seconds"]))
                rows.append([name, run, r["passages"], f"{r['seconds']:.1f}", f"{r['cpu']:.1f}",
                             f"{r['passages'] / r['seconds']:.0f}", r["computed"], r["precision"], r["reused"],
                             f"{r['rss']:.0f}"])
    print(f"Machine: {machine()}\n")
    print(table(["corpus", "run", "passages", "wall s", "CPU s", "passages/s", "texts embedded", "precision",
                 "texts reused", "peak RSS MB"], rows))
    print(fixed_and_rate(first_builds))


def fixed_and_rate(first_builds: list[tuple[int, float]]) -> str:
    """Least squares through the first builds: seconds = fixed + passages / rate."""
    if len({n for n, _ in first_builds}) < 2:
        return "\n(one corpus size: no fixed cost / rate split; give --synthetic-passages)"
    n, t = np.array(first_builds, dtype=float).T
    per_passage, fixed = np.polyfit(n, t, 1)
    return (f"\nFirst builds fitted as wall s = fixed + passages / rate: fixed {fixed:.1f} s, "
            f"rate {1 / per_passage:.0f} passages/s (from {len(n)} builds of {int(n.min())}-{int(n.max())} passages)")


if __name__ == "__main__":
    main()

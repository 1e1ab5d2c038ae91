"""The whole answer path at scale: Engine.ask on synthetic indexes of 10k and 100k passages.

Usage: python bench/engine_scale.py [--sizes 10000,100000] [--index index]

The synthetic passages are the ones of bench/scale.py (3-5 corpus sentences each, vectors from the sentences'
real embeddings); every passage keeps its sentences' real vectors, so sentence scoring and highlighting run as
on a real index. Above candidates.EXACT_UP_TO passages the engine scores only FAISS + keyword candidates; the
"same top-3" columns compare its ranking (before duplicates are collapsed) with the exhaustive numpy path on the
same index: the same passages, or the same fused scores (each synthetic sentence occurs in hundreds of passages,
so many passages tie and which of them comes first is arbitrary). The synthetic duplicates also make ask() walk
far down the ranking to collapse repeated facts, so answer times here are pessimistic.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import machine, peak_rss_mb, percentiles, questions, run_child, table, timed_ms  # noqa: E402
from bench.scale import synthetic  # noqa: E402


def synthetic_engine(n: int, index: Path):
    from faqbot.answering.engine import Engine
    from faqbot.index import store
    from faqbot.models import Passage
    from faqbot.settings import load_settings

    settings = load_settings(index_dir=index)
    real = store.load_index(index)
    sentences = [s for p in real.passages for s in p.sentence_texts()]
    vectors, _ = synthetic(n, index)
    rng = np.random.default_rng(n)  # the same draws as bench/scale.py's synthetic()
    counts = rng.integers(3, 6, n)
    picks = rng.integers(0, len(sentences), (n, 5))
    passages, rows = [], []
    for i in range(n):
        chosen = picks[i, :counts[i]]
        spans, text = [], ""
        for j in chosen:
            start = len(text) + (1 if text else 0)
            text = f"{text} {sentences[j]}" if text else sentences[j]
            spans.append((start, len(text)))
        passages.append(Passage(f"s{i}", text, f"synthetic-{i // 50}.md", "Synthetic", f"Section {i}", 0,
                                len(text), tuple(spans)))
        rows.extend(chosen)
    index_built, kind, params = store.build_faiss_index(np.asarray(vectors))
    manifest = store.Manifest(**{**real.manifest.__dict__, "passage_count": n, "sentence_count": len(rows),
                                 "index_type": kind, "index_params": params})
    stored = store.StoredIndex(manifest, tuple(passages), index_built, np.asarray(real.sentence_vectors)[rows])
    encoder = Engine.from_settings(settings).encoder
    return Engine(stored, encoder, settings)


def measure(n: int, index: Path) -> dict:
    from faqbot.answering import candidates

    started = time.perf_counter()
    engine = synthetic_engine(n, index)
    setup_s = time.perf_counter() - started
    qs = questions()
    for q in qs[:20]:
        engine.ask(q, 3)
    def top3(q: str) -> tuple[list[str], np.ndarray]:
        ranked = engine.rank(q)
        best = ranked.order[:3]
        return [engine.stored.passages[i].id for i in best], ranked.fused[best]

    answers = {q: top3(q) for q in qs}
    ms = [t for q in qs for t in timed_ms(lambda q=q: engine.ask(q, 3))]
    exact_up_to, candidates.EXACT_UP_TO = candidates.EXACT_UP_TO, 10**9
    exhaustive = {q: top3(q) for q in qs}
    exhaustive_ms = [t for q in qs for t in timed_ms(lambda q=q: engine.ask(q, 3))]
    same = np.mean([answers[q][0] == exhaustive[q][0] for q in qs])
    same_scores = np.mean([np.allclose(answers[q][1], exhaustive[q][1], atol=1e-5) for q in qs])
    return {"ms": percentiles(ms), "exhaustive_ms": percentiles(exhaustive_ms), "same": float(same),
            "same_scores": float(same_scores),
            "setup_s": setup_s, "rss": peak_rss_mb(), "kind": engine.stored.manifest.index_type,
            "candidates": n > exact_up_to}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--index", type=Path, default=Path("index"))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.index)))
        return
    rows = []
    for n in map(int, args.sizes.split(",")):
        r, rss = run_child([__file__, "--one", str(n), "--index", str(args.index)])
        rows.append([f"{n:,}", r["kind"], "candidates" if r["candidates"] else "exhaustive", f"{r['ms'][0]:.1f}",
                     f"{r['ms'][1]:.1f}", f"{r['exhaustive_ms'][0]:.1f}", f"{r['same']:.3f}", f"{r['same_scores']:.3f}",
                     f"{rss:.0f}"])
    print(f"Machine: {machine()}\n")
    print(table(["passages", "index", "dense scoring", "answer p50 ms", "answer p99 ms",
                 "exhaustive numpy p50 ms", "same top-3 passages", "same top-3 scores", "peak RSS MB"], rows))


if __name__ == "__main__":
    main()

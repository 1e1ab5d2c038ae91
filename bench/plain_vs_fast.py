"""The headline: a plain pipeline (sentence-transformers on torch + IndexFlatIP, dense only) against faqbot's fast
path (ONNX encoder, query adapter, hybrid ranking, highlight, duplicates) on the same questions, same index vectors.

Usage: python bench/plain_vs_fast.py [--index index] [--rounds 2]

Each pipeline runs in its own process, warmed up by one pass over the questions; k = 3.
Timed over the dev and test questions; hit@1 / hit@3 are over the in-scope test questions (the query adapter
learned from the dev set, so dev hits would flatter the fast path), as in `python -m faqbot eval`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, machine, peak_rss_mb, percentiles, run_child, table, timed_ms  # noqa: E402

DEV = ROOT / "clinics" / "example-skin" / "questions.jsonl"
TEST = ROOT / "eval" / "questions_test.jsonl"


def plain(index: Path):
    """Embed with sentence-transformers, search an IndexFlatIP of the passage vectors, return the top passages."""
    import faiss
    import numpy as np
    from sentence_transformers import SentenceTransformer

    from faqbot.index.encoders import resolve_model_path
    from faqbot.index.store import load_index
    from faqbot.settings import DEFAULT_MODEL

    stored = load_index(index)
    flat = faiss.IndexFlatIP(stored.manifest.dimension)
    flat.add(stored.passage_vectors())
    model = SentenceTransformer(resolve_model_path(DEFAULT_MODEL), device="cpu")

    def answer(question: str, k: int) -> list[str]:
        vector = model.encode([question], normalize_embeddings=True, convert_to_numpy=True)
        _, ids = flat.search(np.asarray(vector, dtype=np.float32), k)
        return [stored.passages[i].text for i in ids[0] if i >= 0]

    return answer


def fast(index: Path):
    from faqbot.answering.engine import Engine
    from faqbot.settings import load_settings

    engine = Engine.from_settings(load_settings(index_dir=index))
    return lambda question, k: [hit.passage.text for hit in engine.ask(question, k).hits]


def measure(index: Path, which: str, rounds: int) -> dict:
    from faqbot.learning.labelled import load_questions, normalise

    started = time.perf_counter()
    answer = plain(index) if which == "plain" else fast(index)
    answer("warm up", 3)
    load_s = time.perf_counter() - started
    held_back = load_questions(TEST)
    items = load_questions(DEV) + held_back
    results = {i.question: answer(i.question, 3) for i in items}  # warm-up pass, also scored
    ms = [t for _ in range(rounds) for i in items for t in timed_ms(lambda q=i.question: answer(q, 3))]
    ranks = []
    for item in (i for i in held_back if i.kind == "in_scope"):
        wanted = [normalise(a) for a in item.answers]
        texts = [normalise(t) for t in results[item.question]]
        ranks.append(next((r for r, t in enumerate(texts) if any(w in t for w in wanted)), None))
    hit = {k: sum(1 for r in ranks if r is not None and r < k) / len(ranks) for k in (1, 3)}
    return {"ms": percentiles(ms), "hit": hit, "load_s": load_s, "rss": peak_rss_mb(),
            "torch": "torch" in sys.modules}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, default=Path("index"))
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.index, args.one, args.rounds)))
        return
    results = {which: run_child([__file__, "--one", which, "--index", str(args.index), "--rounds",
                                 str(args.rounds)])[0] for which in ("plain", "fast")}
    labels = {"plain": "plain: sentence-transformers (torch) + IndexFlatIP, dense only",
              "fast": "faqbot fast path: ONNX fp32 + adapter + hybrid + highlight"}
    rows = [[labels[w], f"{r['ms'][0]:.1f}", f"{r['ms'][1]:.1f}", f"{r['hit']['1']:.3f}", f"{r['hit']['3']:.3f}",
             f"{r['load_s']:.1f}", f"{r['rss']:.0f}", "yes" if r["torch"] else "no"] for w, r in results.items()]
    ratio = results["plain"]["ms"][0] / results["fast"]["ms"][0]
    print(f"Machine: {machine()}\n")
    print(table(["pipeline", "p50 ms", "p99 ms", "test hit@1", "test hit@3", "load s", "peak RSS MB", "torch"], rows))
    print(f"\nfast path p50 is {ratio:.1f}x faster than the plain pipeline "
          f"(p99: {results['plain']['ms'][1] / results['fast']['ms'][1]:.1f}x)")


if __name__ == "__main__":
    main()

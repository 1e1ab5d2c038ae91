"""Scale: vector search and keyword search on synthetic corpora of 10k, 100k and 1M passages.

Usage: python bench/scale.py [--max-size 100000] [--sizes 10000,100000,1000000] [--index index]

Synthetic passages are made from the corpus's own sentences: each combines 3-5 random sentences of the index;
its text is their concatenation (for BM25) and its vector the L2-normalised random convex combination of the
sentences' real embeddings (all-MiniLM-L6-v2, read from the index). Encoding a million passages with the model
on 2 cores would take about an hour, so this is the stand-in; the vectors are cached in bench/.cache/.
Queries are the dev questions embedded by the ONNX encoder.

Each step runs in its own process, so its peak RSS is its own: building each index (written to bench/.cache/),
then serving it (read the file, search each question with one FAISS thread: p50/p99, recall@10 against the
exact search, peak RSS), and keyword search (bm25s index build, p50/p99 per question).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import CACHE, machine, peak_rss_mb, percentiles, questions, run_child, table, timed_ms  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)
EF_SEARCH = (16, 32, 64, 128, 256)
K = 10


def base(index: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The corpus sentences, their real embeddings and the dev questions' embeddings (cached)."""
    from faqbot.index.store import load_index

    stored = load_index(index)
    sentences = [s for p in stored.passages for s in p.sentence_texts()]
    path = CACHE / "queries.npy"
    if not path.exists():
        from faqbot.answering.engine import Engine
        from faqbot.settings import load_settings

        encoder = Engine.from_settings(load_settings(index_dir=index)).encoder
        CACHE.mkdir(parents=True, exist_ok=True)
        np.save(path, encoder.encode(questions()))
    return sentences, np.asarray(stored.sentence_vectors), np.load(path)


def synthetic(n: int, index: Path, with_texts: bool = False) -> tuple[np.ndarray, list[str]]:
    sentences, sentence_vectors, _ = base(index)
    rng = np.random.default_rng(n)
    counts = rng.integers(3, 6, n)
    picks = rng.integers(0, len(sentences), (n, 5))
    path = CACHE / f"vectors-{n}.npy"
    if path.exists():
        vectors = np.load(path, mmap_mode="r")
    else:
        vectors = np.empty((n, sentence_vectors.shape[1]), dtype=np.float32)
        weights = rng.gamma(1.0, size=(n, 5)).astype(np.float32) * (np.arange(5) < counts[:, None])
        for a in range(0, n, 50_000):
            b = min(a + 50_000, n)
            mixed = np.einsum("nk,nkd->nd", weights[a:b], sentence_vectors[picks[a:b]])
            vectors[a:b] = mixed / np.linalg.norm(mixed, axis=1, keepdims=True)
        np.save(path, vectors)
    texts = [" ".join(sentences[j] for j in picks[i, :counts[i]]) for i in range(n)] if with_texts else []
    return vectors, texts


def build(n: int, kind: str, index: Path) -> dict:
    import faiss

    from faqbot.index.store import build_faiss_index

    vectors, _ = synthetic(n, index)
    started = time.perf_counter()
    built, _, params = build_faiss_index(np.asarray(vectors), kind)
    seconds = time.perf_counter() - started
    faiss.write_index(built, str(CACHE / f"{kind}-{n}.faiss"))
    return {"seconds": seconds, "params": params, "rss": peak_rss_mb()}


def serve(n: int, kind: str, index: Path) -> dict:
    import faiss

    from faqbot.index.store import _one_faiss_thread

    _, _, queries = base(index)
    loaded = faiss.read_index(str(CACHE / f"{kind}-{n}.faiss"))
    _one_faiss_thread()

    def search_all() -> tuple[list[float], np.ndarray]:
        found = np.empty((len(queries), K), dtype=np.int64)
        times = []
        for row, q in enumerate(queries):
            started = time.perf_counter()
            _, ids = loaded.search(q.reshape(1, -1), K)
            times.append((time.perf_counter() - started) * 1000)
            found[row] = ids[0]
        return times, found

    exact_path = CACHE / f"exact-{n}.npy"
    results = {}
    for ef in (EF_SEARCH if kind == "hnsw" else (0,)):
        if kind == "hnsw":
            loaded.hnsw.efSearch = ef
        search_all()  # warm
        times, found = search_all()
        if kind == "flat":
            np.save(exact_path, found)
        exact = np.load(exact_path)
        recall = np.mean([len(set(f) & set(e)) / K for f, e in zip(found, exact, strict=True)])
        results[ef] = {"ms": percentiles(times), "recall": float(recall)}
    return {"results": results, "rss": peak_rss_mb()}


def keyword(n: int, index: Path) -> dict:
    from faqbot.answering.keyword import KeywordIndex

    _, texts = synthetic(n, index, with_texts=True)
    started = time.perf_counter()
    kw = KeywordIndex(texts)
    seconds = time.perf_counter() - started
    del texts
    qs = questions()
    for q in qs[:10]:
        kw.scores(q)
    times = [t for q in qs for t in timed_ms(lambda q=q: kw.scores(q))]
    return {"seconds": seconds, "ms": percentiles(times), "rss": peak_rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--max-size", type=int, default=max(SIZES))
    parser.add_argument("--index", type=Path, default=Path("index"))
    parser.add_argument("--step", nargs=3, help=argparse.SUPPRESS)  # STEP N KIND: one step in this process
    args = parser.parse_args()
    if args.step:
        step, n, kind = args.step[0], int(args.step[1]), args.step[2]
        result = {"prepare": lambda: {"n": len(synthetic(n, args.index)[0])},
                  "build": lambda: build(n, kind, args.index), "serve": lambda: serve(n, kind, args.index),
                  "keyword": lambda: keyword(n, args.index)}[step]()
        print(json.dumps(result))
        return
    sizes = [n for n in map(int, args.sizes.split(",")) if n <= args.max_size]
    print(f"Machine: {machine()}\n")
    vector_rows, keyword_rows = [], []
    for n in sizes:
        run_child([__file__, "--index", str(args.index), "--step", "prepare", str(n), "-"])
        for kind in ("flat", "hnsw"):
            built, build_rss = run_child([__file__, "--index", str(args.index), "--step", "build", str(n), kind])
            served, serve_rss = run_child([__file__, "--index", str(args.index), "--step", "serve", str(n), kind])
            for ef, r in served["results"].items():
                label = "IndexFlatIP (exact)" if kind == "flat" else f"HNSW M=32 efSearch={ef}"
                vector_rows.append([f"{n:,}", label, f"{built['seconds']:.1f}", f"{build_rss:.0f}",
                                    f"{serve_rss:.0f}", f"{r['ms'][0]:.2f}", f"{r['ms'][1]:.2f}",
                                    f"{r['recall']:.3f}"])
            print(f"done: {n} {kind}", file=sys.stderr, flush=True)
        kw, kw_rss = run_child([__file__, "--index", str(args.index), "--step", "keyword", str(n), "-"])
        keyword_rows.append([f"{n:,}", f"{kw['seconds']:.1f}", f"{kw['ms'][0]:.1f}", f"{kw['ms'][1]:.1f}",
                             f"{kw_rss:.0f}"])
    print(table(["passages", "index", "build s", "build peak RSS MB", "serve peak RSS MB", "search p50 ms",
                 "search p99 ms", "recall@10 vs exact"], vector_rows))
    print()
    print(table(["passages", "bm25s index s", "keyword p50 ms", "keyword p99 ms", "peak RSS MB"], keyword_rows))


if __name__ == "__main__":
    main()

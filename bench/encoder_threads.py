"""ONNX Runtime intra-op threads: one client's latency and throughput with concurrent clients (web-like load).

Usage: python bench/encoder_threads.py [--index index] [--encoder onnx]

For each setting (each in its own process; `encoder_threads` / `encoder_threads_alone`: threads while other
questions are being embedded / for a question embedded alone): p50 of one client asking the dev questions one after
another, then answers per second with 2 and 4 client threads asking concurrently (the engine is shared, as in the
app).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import machine, percentiles, questions, run_child, table, timed_ms  # noqa: E402

THREADS = ((1, 1), (2, 2), (1, 2))  # (encoder_threads, encoder_threads_alone); (1, 2) is the default
CLIENTS = (2, 4)


def measure(index: Path, encoder: str, threads: int, alone: int) -> dict:
    from faqbot.answering.engine import Engine
    from faqbot.settings import load_settings

    engine = Engine.from_settings(load_settings(index_dir=index, encoder=encoder, encoder_threads=threads,
                                                encoder_threads_alone=alone))
    qs = questions()
    for q in qs:
        engine.ask(q, 3)
    single = percentiles([t for q in qs for t in timed_ms(lambda q=q: engine.ask(q, 3))])
    throughput = {}
    for clients in CLIENTS:
        work = qs * 2
        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(lambda q: engine.ask(q, 3), work))
        throughput[clients] = len(work) / (time.perf_counter() - started)
    return {"single": single, "throughput": throughput}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, default=Path("index"))
    parser.add_argument("--encoder", default="onnx")
    parser.add_argument("--one", type=int, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.index, args.encoder, *args.one)))
        return
    rows = []
    for threads, alone in THREADS:
        result, _ = run_child([__file__, "--one", str(threads), str(alone), "--index", str(args.index),
                               "--encoder", args.encoder])
        p50, p99 = result["single"]
        rows.append([f"{threads} / {alone}", f"{p50:.1f}", f"{p99:.1f}",
                     *(f"{result['throughput'][str(c)]:.0f}" for c in CLIENTS)])
    print(f"Machine: {machine()}\n")
    print(table(["intra-op threads (busy / alone)", "1 client p50 ms", "1 client p99 ms",
                 *(f"{c} clients answers/s" for c in CLIENTS)], rows))


if __name__ == "__main__":
    main()

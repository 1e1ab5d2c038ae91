"""In-process answer latency (warm) for each query encoder, over the dev questions.

Usage: python bench/answer_latency.py [--index index] [--rounds 2] [--threads 1] [--pins 0]

Each encoder runs in its own process (so torch's threads and memory don't touch the ONNX runs): the engine is
loaded, every question is asked once to warm up, then `--rounds` timed passes ask each question (k=3).
`--pins N` answers as the page does with N staff pins in a temporary store (PinBook: pins matched and used as
examples), the pinned questions being every seventh dev question.
Prints a Markdown table: answer p50/p99, question-embedding p50, load time and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import machine, peak_rss_mb, percentiles, questions, run_child, table, timed_ms  # noqa: E402

ENCODERS = ("torch", "onnx", "onnx-int8")


def measure(index: Path, encoder: str, threads: int, rounds: int, pins: int, data: Path) -> dict:
    from faqbot.answering.engine import Engine
    from faqbot.records.storage import Store
    from faqbot.settings import load_settings
    from faqbot.staff.pins import PinBook

    started = time.perf_counter()
    settings = load_settings(index_dir=index, encoder=encoder, encoder_threads=threads)
    engine = Engine.from_settings(settings)
    engine.ask("warm up", 3)
    load_s = time.perf_counter() - started
    qs = questions()
    store = Store.open(data)
    for i in range(pins):
        store.add_pin(qs[7 * i % len(qs)], [engine.stored.passages[i % len(engine.stored.passages)].id], "bench")
    answerer = PinBook(store, engine, settings.pin_similarity) if pins else engine
    for q in qs:
        answerer.ask(q, 3)
    answer = [t for _ in range(rounds) for q in qs for t in timed_ms(lambda q=q: answerer.ask(q, 3))]
    store.close()
    encode = [t for q in qs for t in timed_ms(lambda q=q: engine.encoder.encode([q]))]
    return {"answer": percentiles(answer), "encode": percentiles(encode), "load_s": load_s, "n": len(answer),
            "torch_loaded": "torch" in sys.modules, "rss": peak_rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, default=Path("index"))
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="ONNX Runtime intra-op threads")
    parser.add_argument("--pins", type=int, default=0, help="answer through this many staff pins")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory() as data:
            print(json.dumps(measure(args.index, args.one, args.threads, args.rounds, args.pins, Path(data))))
        return
    from faqbot.index.onnx_export import FOLDER, INT8
    from faqbot.index.store import read_manifest

    has_int8 = f"{FOLDER}/{INT8}" in read_manifest(args.index).encoder_files
    rows = []
    for encoder in ENCODERS:
        if encoder == "onnx-int8" and not has_int8:
            print("onnx-int8 skipped: this index has no int8 encoder (FAQBOT_ENCODER=onnx-int8 python ingest.py adds "
                  "it without re-embedding)\n")
            continue
        result, _ = run_child([__file__, "--one", encoder, "--index", str(args.index), "--rounds", str(args.rounds),
                               "--threads", str(args.threads), "--pins", str(args.pins)])
        (p50, p99), (e50, _) = result["answer"], result["encode"]
        rows.append([encoder, args.pins, f"{p50:.1f}", f"{p99:.1f}", f"{e50:.1f}", f"{result['load_s']:.1f}",
                     f"{result['rss']:.0f}", "yes" if result["torch_loaded"] else "no", result["n"]])
    print(f"Machine: {machine()}\n")
    print(table(["encoder", "pins", "answer p50 ms", "answer p99 ms", "embed p50 ms", "load s", "peak RSS MB",
                 "torch imported", "answers timed"], rows))


if __name__ == "__main__":
    main()

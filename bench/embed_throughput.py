"""Document embedding throughput: fp32 vs bf16, 1 vs 2 torch threads, spinning vs passive OpenMP waits.

Usage: python bench/embed_throughput.py [--rounds 2]

Each cell is its own process (OpenMP reads OMP_WAIT_POLICY once, when torch loads): load the model, encode the
real corpus's passages and sentences (231 texts) once to warm up, then time a second pass. texts/s is wall time;
"CPU s" is the process's CPU time for the timed pass (all threads), which shows threads spinning while they wait.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, machine, table  # noqa: E402

ONE_CELL = """
import json, sys, time
from pathlib import Path
import torch
from faqbot.documents import splitting
from faqbot.documents.reader import corpus_files, read_document
from faqbot.index.encoders import SentenceTransformerEncoder
precision, threads = sys.argv[1], int(sys.argv[2])
torch.set_num_threads(threads)
corpus = Path("corpus")
passages = [p for path in corpus_files(corpus) for p in splitting.split_document(read_document(path, corpus))]
texts = list(dict.fromkeys([p.embed_text for p in passages] + [s for p in passages for s in p.sentence_texts()]))
encoder = SentenceTransformerEncoder("sentence-transformers/all-MiniLM-L6-v2", precision=precision)
encoder.encode(texts)
wall, cpu = time.perf_counter(), time.process_time()
encoder.encode(texts)
print(json.dumps({"texts": len(texts), "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}))
"""


def cell(precision: str, threads: int, wait_policy: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_WAIT_POLICY": wait_policy}
    out = subprocess.run([sys.executable, "-c", ONE_CELL, precision, str(threads)], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    started_on = machine()
    rows = []
    for round_ in range(1, args.rounds + 1):
        for wait_policy in ("ACTIVE", "PASSIVE"):
            for threads in (1, 2):
                for precision in ("fp32", "bf16"):
                    r = cell(precision, threads, wait_policy)
                    rows.append([round_, wait_policy.lower(), threads, precision, r["texts"],
                                 f"{r['texts'] / r['wall']:.0f}", f"{r['cpu']:.2f}", f"{os.getloadavg()[0]:.1f}"])
    print(f"Machine: {started_on}\n")
    print(table(["round", "OpenMP wait", "threads", "precision", "texts", "texts/s", "CPU s", "load (1 min)"], rows))


if __name__ == "__main__":
    main()

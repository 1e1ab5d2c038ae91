"""Memory over many questions: the patient page's answer path (answer, pins, render, SQLite record) asked N times.

Usage: python bench/memory.py [--questions 5000]

Prints resident memory every tenth of the run; flat means no leak per question (the SQLite log grows on disk,
not in memory).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import machine, questions, rss_mb, table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=int, default=5000)
    args = parser.parse_args()
    from faqbot.answering.engine import Engine
    from faqbot.patient.chat import PatientChat
    from faqbot.records.storage import Store
    from faqbot.settings import load_settings

    with tempfile.TemporaryDirectory() as data_dir:
        settings = load_settings(data_dir=data_dir)
        chat = PatientChat(Engine.from_settings(settings), settings, Store.open(Path(data_dir)))
        qs = questions()
        for q in qs:
            chat.reply(q)  # warm: caches, first allocations
        rows = []
        started = time.perf_counter()
        step = max(args.questions // 10, 1)
        topic = None
        for n in range(1, args.questions + 1):
            reply = chat.reply(qs[n % len(qs)], topic)
            topic = reply.topic if reply else None
            if n % step == 0:
                rows.append([n, f"{rss_mb():.1f}", f"{(time.perf_counter() - started) / n * 1000:.1f}"])
    print(f"Machine: {machine()}\n")
    print(table(["questions", "RSS MB", "mean ms per question so far"], rows))


if __name__ == "__main__":
    main()

"""The running app over plain HTTP: cold start, then answers/s and latency with 1, 8 and 32 concurrent clients.

Usage: python bench/http_load.py [--questions-per-client 25] [--clients 1 8 32]

Starts `python app.py` (the real patient page, on a free port, with a throw-away data folder), measures process
start -> first answer served, then has each client ask dev questions one after another over plain HTTP the way the
page's browser code does (one POST /gradio_api/run/ask per question) - no gradio_client, whose own overhead would
dominate. `--queued` asks through Gradio's queue instead (POST /gradio_api/call/ask, then read its event stream),
the path the page used before it answered outside the queue. Prints a Markdown table. The index must already be
built (python ingest.py).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, machine, percentiles, questions, table  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask(client: httpx.Client, base: str, question: str) -> str:
    """One question as the page asks it (question, empty conversation, no topic, no feedback ids); the raw reply."""
    response = client.post(f"{base}/gradio_api/run/ask", json={"data": [question, [], None, {}]})
    response.raise_for_status()
    if "faq-busy" in response.text:  # turned away by the admission gate: not an answer
        raise RuntimeError("busy")
    return response.text


def ask_queued(client: httpx.Client, base: str, question: str) -> str:
    """One question through Gradio's queue (the /call API); returns the answer's raw event data."""
    event = client.post(f"{base}/gradio_api/call/ask", json={"data": [question, []]}).json()["event_id"]
    with client.stream("GET", f"{base}/gradio_api/call/ask/{event}") as stream:
        kind = ""
        for line in stream.iter_lines():
            if line.startswith("event:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and kind in ("complete", "error"):
                if kind == "error":
                    raise RuntimeError(line)
                return line
    raise RuntimeError("the event stream ended without an answer")


Asker = Callable[[httpx.Client, str, str], str]


def start_app(port: int, data_dir: str, asker: Asker = ask) -> tuple[subprocess.Popen, float]:
    """Start the app; return it and the seconds from process start to the first answer served."""
    env = {**os.environ, "FAQBOT_PORT": str(port), "FAQBOT_DATA_DIR": data_dir, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(timeout=30) as client:
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"app.py exited with code {proc.returncode} (is the index built?)")
            try:
                asker(client, base, "how many sessions will I need?")
                return proc, time.perf_counter() - started
            except (httpx.HTTPError, KeyError, ValueError):
                time.sleep(0.05)


def load(base: str, clients: int, per_client: int, qs: list[str], asker: Asker = ask,
         connect: Callable[[int], httpx.Client] = lambda _: httpx.Client(timeout=60)) -> dict:
    """`clients` threads, each with its own `connect(n)` client, asking `per_client` questions one after another."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def client_loop(offset: int) -> None:
        with connect(offset) as client:
            barrier.wait()
            for i in range(per_client):
                question = qs[(offset * per_client + i) % len(qs)]
                t0 = time.perf_counter()
                try:
                    asker(client, base, question)
                except Exception:  # noqa: BLE001 - every failure counts as an error in the table
                    with lock:
                        errors[0] += 1
                    continue
                with lock:
                    latencies.append((time.perf_counter() - t0) * 1000)

    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    p50, p99 = percentiles(latencies) if latencies else (float("nan"), float("nan"))
    return {"clients": clients, "answers": len(latencies), "errors": errors[0], "per_s": len(latencies) / elapsed,
            "p50": p50, "p99": p99}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions-per-client", type=int, default=25)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--queued", action="store_true", help="ask through Gradio's queue (/call) instead")
    args = parser.parse_args()
    asker = ask_queued if args.queued else ask
    port = free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        proc, cold_s = start_app(port, data_dir, asker)
        try:
            base = f"http://127.0.0.1:{port}"
            qs = questions()
            with httpx.Client(timeout=30) as client:
                for q in qs[:20]:
                    asker(client, base, q)  # warm
            rows = [load(base, n, args.questions_per_client, qs, asker) for n in args.clients]
        finally:
            proc.terminate()
            proc.wait(10)
    print(f"Machine: {machine()}\n")
    path = "Gradio's queue (POST /gradio_api/call/ask + event stream)" if args.queued else "POST /gradio_api/run/ask"
    print(f"Path: {path}\n")
    print(f"Cold start (process start -> first answer served, index built): {cold_s:.2f} s\n")
    print(table(["clients", "answers", "errors", "answers/s", "p50 ms", "p99 ms"],
                [[r["clients"], r["answers"], r["errors"], f"{r['per_s']:.1f}", f"{r['p50']:.1f}",
                  f"{r['p99']:.1f}"] for r in rows]))


if __name__ == "__main__":
    main()

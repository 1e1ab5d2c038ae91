"""Patients' questions while 1,000 slow connections are held open: latency of a normal question, through the real
proxy and straight to the app.

Usage: python bench/slow_clients.py [--paths nginx caddy direct] [--connections 1000] [--sources 1 100]
       [--seconds 30]

Starts `python app.py` (the index must be built), and for nginx and Caddy the proxy in front of it as
`python -m faqbot proxy-config` writes it, with a self-signed certificate (as tests/deploy does). Attackers hold
`--connections` connections (TLS through the proxy, plain straight to the app), each sending half a request's
headers and then one more header line a second, and open a new one whenever one is cut off: from one loopback address
(one greedy client: the proxy's per-client cap applies) and from 100 (as many clients: only the timeouts help).
Meanwhile one patient from another address asks dev questions one after another. Prints the patient's p50, p95 and
worst latency, its errors (a failure or a "busy" answer), and how often the attackers were cut off.
"""

from __future__ import annotations

import argparse
import asyncio
import ssl
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import machine, questions, table  # noqa: E402
from bench.http_load import ask, free_port, start_app  # noqa: E402
from tests.deploy.servers import PATIENT, client, missing, run_proxy, stop  # noqa: E402


class Attack:
    """`connections` slow connections from `sources` loopback addresses, kept open on a thread of their own."""

    def __init__(self, port: int, tls: bool, connections: int, sources: int) -> None:
        self.port, self.connections, self.sources = port, connections, sources
        self.context: ssl.SSLContext | None = None
        if tls:
            self.context = ssl.create_default_context()
            self.context.check_hostname, self.context.verify_mode = False, ssl.CERT_NONE
        self.opened = self.cut_off = 0
        self.holding = 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    def __enter__(self) -> Attack:
        self.thread.start()
        deadline = time.monotonic() + 60
        while self.opened < self.connections and time.monotonic() < deadline:
            time.sleep(0.1)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join(30)

    async def _run(self) -> None:
        await asyncio.gather(*(self._hold(f"127.0.1.{1 + n % self.sources}") for n in range(self.connections)))

    async def _hold(self, source: str) -> None:
        while not self.stopping.is_set():
            try:
                reader, writer = await asyncio.open_connection(
                    "127.0.0.1", self.port, ssl=self.context, local_addr=(source, 0),
                    server_hostname=PATIENT if self.context else None)
            except OSError:
                await asyncio.sleep(0.5)
                continue
            self.opened += 1
            self.holding += 1
            try:
                writer.write(f"GET / HTTP/1.1\r\nHost: {PATIENT}\r\n".encode())
                while not self.stopping.is_set():
                    await writer.drain()
                    try:
                        await asyncio.wait_for(reader.read(1024), 1.0)
                        break  # anything read (an error page) or the end: the server is done with this connection
                    except TimeoutError:
                        writer.write(b"X-Slow: 1\r\n")
            except (OSError, ssl.SSLError):
                pass
            finally:
                self.holding -= 1
                writer.close()
            if not self.stopping.is_set():
                self.cut_off += 1
                await asyncio.sleep(1.0)  # then a new one (this machine's cores are the attacker's too)


def patient(base: str, http: httpx.Client, qs: list[str], seconds: float) -> tuple[list[float], int]:
    """Questions one after another for `seconds`: each one's latency (ms) and how many failed."""
    latencies, errors = [], 0
    ends = time.monotonic() + seconds
    n = 0
    while time.monotonic() < ends:
        started = time.perf_counter()
        try:
            ask(http, base, qs[n % len(qs)])
            latencies.append((time.perf_counter() - started) * 1000)
        except (httpx.HTTPError, RuntimeError):
            errors += 1
            time.sleep(0.1)
        n += 1
    return latencies, errors


def run(path: str, connections: int, sources: list[int], seconds: float, qs: list[str]) -> list[dict]:
    with tempfile.TemporaryDirectory() as data_dir, tempfile.TemporaryDirectory() as proxy_dir:
        port = free_port()
        app, _ = start_app(port, data_dir)
        proxy = None
        try:
            if path == "direct":
                base, target, tls = f"http://127.0.0.1:{port}", port, False
                connect = lambda: httpx.Client(timeout=30)  # noqa: E731
            else:
                proxy, https, _ = run_proxy(path, Path(proxy_dir), patient_ports=(port,), questions_per_second=1000)
                base, target, tls = f"https://127.0.0.1:{https}", https, True
                connect = lambda: client(PATIENT, source="127.0.0.2", timeout=30)  # noqa: E731
            rows = []
            for n in sources:
                with connect() as http, Attack(target, tls, connections, n) as attack:
                    held = attack.holding
                    latencies, errors = patient(base, http, qs, seconds)
                rows.append({"path": path, "sources": n, "held": held, "cut": attack.cut_off,
                             "questions": len(latencies) + errors, "errors": errors, "ms": latencies})
            return rows
        finally:
            if proxy is not None:
                stop(proxy)
            app.terminate()
            app.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paths", nargs="+", choices=["nginx", "caddy", "direct"],
                        default=["nginx", "caddy", "direct"])
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--sources", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    for path in args.paths:
        if path != "direct" and (why := missing(path)):
            raise SystemExit(f"{why}: apt-get install {path} openssl")
    qs = questions()
    rows = [row for path in args.paths for row in run(path, args.connections, args.sources, args.seconds, qs)]
    print(f"Machine: {machine()}\n")
    print(f"{args.connections} slow connections held for {args.seconds:.0f} s per row; one patient asks meanwhile\n")
    print(table(["path", "attacker addresses", "held at start", "cut off", "questions", "errors", "p50 ms", "p95 ms",
                 "worst ms"],
                [[r["path"], r["sources"], r["held"], r["cut"], r["questions"], r["errors"],
                  *(f"{np.percentile(r['ms'], q):.0f}" if r["ms"] else "-" for q in (50, 95, 100))] for r in rows]))


if __name__ == "__main__":
    main()

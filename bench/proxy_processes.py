"""The patient page through the real reverse proxy, with one process and with two: answers/s and latency.

Usage: python bench/proxy_processes.py [--server nginx|caddy] [--processes 1 2] [--clients 8 32]
       [--questions-per-client 25]

For each process count, starts that many `python app.py` (FAQBOT_PORT each; one index, one shared data folder, as
deploy/systemd/faqbot-patient@.service runs them), puts the proxy in front with a self-signed certificate
(`python -m faqbot proxy-config --patient-ports ...`, as tests/deploy does), and has each client ask dev questions
over HTTPS one after another, from its own loopback address as from its own phone (the proxy's per-client limits
apply per address) and keeping its cookie, so it stays with the process the proxy chose for it. The proxy's
question rate per client is lifted: these clients ask far faster than patients type. A "busy" answer or any
failure counts as an error. Prints a Markdown table. The index must already be built (python ingest.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import machine, questions, table  # noqa: E402
from bench.http_load import free_port, load, start_app  # noqa: E402
from tests.deploy.servers import PATIENT, client, missing, run_proxy, stop  # noqa: E402


def through_proxy(server: str, processes: int, clients: list[int], per_client: int, qs: list[str]) -> list[dict]:
    with tempfile.TemporaryDirectory() as data_dir, tempfile.TemporaryDirectory() as proxy_dir:
        ports = tuple(free_port() for _ in range(processes))
        apps = [start_app(port, data_dir)[0] for port in ports]
        proxy, https, _ = run_proxy(server, Path(proxy_dir), patient_ports=ports, questions_per_second=100_000)
        base = f"https://127.0.0.1:{https}"
        try:
            def connect(n: int) -> httpx.Client:
                return client(PATIENT, source=f"127.0.0.{10 + n}", timeout=60)

            load(base, 8, 5, qs, connect=connect)  # warm every process
            return [{"processes": processes, **load(base, n, per_client, qs, connect=connect)} for n in clients]
        finally:
            stop(proxy)
            for app in apps:
                app.terminate()
                app.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", choices=["nginx", "caddy"], default="nginx")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--questions-per-client", type=int, default=25)
    args = parser.parse_args()
    if why := missing(args.server):
        raise SystemExit(f"{why}: apt-get install {args.server} openssl")
    qs = questions()
    rows = [row for n in args.processes
            for row in through_proxy(args.server, n, args.clients, args.questions_per_client, qs)]
    print(f"Machine: {machine()}\n")
    print(f"Path: HTTPS through {args.server} -> POST /gradio_api/run/ask\n")
    print(table(["processes", "clients", "answers", "errors", "answers/s", "p50 ms", "p99 ms"],
                [[r["processes"], r["clients"], r["answers"], r["errors"], f"{r['per_s']:.1f}", f"{r['p50']:.1f}",
                  f"{r['p99']:.1f}"] for r in rows]))


if __name__ == "__main__":
    main()

"""The real reverse proxies on this machine, for the deploy tests and bench/proxy_processes.py: a self-signed
certificate, the configuration `python -m faqbot proxy-config` makes, nginx or Caddy started on free ports."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx

from faqbot.deploy.proxy import ProxySite, render

PATIENT, STAFF = "faq.clinic.test", "staff.clinic.test"
SERVERS = {"nginx": shutil.which("nginx") or "/usr/sbin/nginx", "caddy": shutil.which("caddy") or "/usr/bin/caddy"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port}")


def missing(server: str) -> str | None:
    """What this machine lacks to run `server` behind TLS, or None."""
    if not Path(SERVERS[server]).exists():
        return f"{server} is not installed"
    return None if shutil.which("openssl") else "openssl is not installed"


def require(server: str) -> None:
    """Skip a test when this machine lacks `server` behind TLS; fail it in CI, which installs them (.ci/run)."""
    import pytest

    from tests.conftest import REQUIRE_BROWSER

    if why := missing(server):
        if REQUIRE_BROWSER:  # a skip in CI is a failure
            pytest.fail(f"{why} here")
        pytest.skip(why)


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for both test host names, and its key."""
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={PATIENT}",
                    "-addext", f"subjectAltName=DNS:{PATIENT},DNS:{STAFF}", "-keyout", str(key), "-out",
                    str(certificate)], check=True, capture_output=True)
    return certificate, key


def run_proxy(server: str, folder: Path, **site: object) -> tuple[subprocess.Popen, int, int]:
    """`server` (nginx or caddy) with the test host names and `site`'s ProxySite fields, its state in `folder`;
    returns it once it listens, with its HTTPS and HTTP ports."""
    certificate, key = self_signed(folder)
    https, http = free_port(), free_port()
    state = folder / "proxy"
    state.mkdir()
    config = folder / server
    config.write_text(render(ProxySite(PATIENT, STAFF, certificate, key, https_port=https, http_port=http,
                                       state_dir=state, worker_user="root", **site), server))  # the folders are root's
    process = start(server, config, folder)
    wait_for(https)
    return process, https, http


def start(server: str, config: Path, home: Path) -> subprocess.Popen:
    """The proxy, checked first (nginx -t, caddy validate); Caddy's own files go to `home`, not ~."""
    binary = SERVERS[server]
    if server == "nginx":
        subprocess.run([binary, "-t", "-c", str(config)], check=True, capture_output=True)
        return subprocess.Popen([binary, "-c", str(config), "-g", "daemon off;"], stderr=subprocess.PIPE)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data")}
    command = ["--config", str(config), "--adapter", "caddyfile"]
    subprocess.run([binary, "validate", *command], check=True, capture_output=True, env=env)
    with open(home / "caddy.stderr", "wb") as log:  # its start-up lines; an unread pipe could fill and stall it
        return subprocess.Popen([binary, "run", *command], stderr=log, env=env)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(15)


def client(host: str, source: str | None = None, timeout: float = 10) -> httpx.Client:
    """A client of `host` through the proxy, optionally from its own loopback address (127.0.0.N: the proxy's
    per-client limits and access log tell such clients apart)."""
    transport = httpx.HTTPTransport(verify=False, local_address=source)  # noqa: S501 - a self-signed test certificate
    return httpx.Client(transport=transport, headers={"Host": host}, timeout=timeout)

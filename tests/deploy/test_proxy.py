"""Both apps behind the real nginx, then the real Caddy, with TLS (a self-signed certificate), as
`python -m faqbot proxy-config [--server caddy]` makes them: the patient page and the staff workspace on their own
host names, forged origins refused, cookies locked down, request-size, rate (nginx) and slow-client limits."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest

from faqbot.answering.engine import Engine
from faqbot.deploy.proxy import ProxySite, render
from faqbot.errors import SettingsError
from faqbot.patient.chat import PatientChat
from faqbot.patient.page import build_app, launch_options, queue_options
from faqbot.records.storage import Store
from faqbot.staff.accounts import Accounts
from faqbot.staff.app import build_staff_app, staff_launch_options
from faqbot.staff.exports import Exports
from tests.conftest import REQUIRE_BROWSER

pytestmark = pytest.mark.ui
PATIENT, STAFF = "faq.clinic.test", "staff.clinic.test"
PASSWORD = "a long enough secret"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CADDY = shutil.which("caddy") or "/usr/bin/caddy"


class Proxy(NamedTuple):
    base: str  # https://127.0.0.1:PORT
    https: int
    http: int


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


@pytest.fixture(params=["nginx", "caddy"])
def proxy(request, built_index, encoder, tmp_path):
    """The two apps on their own ports and the proxy in front."""
    binary = {"nginx": NGINX, "caddy": CADDY}[request.param]
    if not Path(binary).exists() or not shutil.which("openssl"):
        if REQUIRE_BROWSER:  # CI installs nginx, caddy and openssl (.ci/run): a skip there is a failure
            pytest.fail(f"{request.param} and openssl must be installed here")
        pytest.skip(f"{request.param} or openssl is not installed")
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={PATIENT}",
                    "-addext", f"subjectAltName=DNS:{PATIENT},DNS:{STAFF}", "-keyout", str(key), "-out",
                    str(certificate)], check=True, capture_output=True)
    store = Store.open(built_index.data_dir)
    accounts = Accounts(store)
    accounts.add("nurse.amy", PASSWORD)
    engine = Engine.from_settings(built_index, encoder)
    patient = build_app(PatientChat(engine, built_index, store), built_index)
    patient.queue(**queue_options(built_index))
    patient.launch(**{**launch_options(built_index), "server_port": free_port(), "prevent_thread_lock": True,
                      "quiet": True})
    exports = Exports(tmp_path / "exports")
    staff = build_staff_app(store, built_index, engine, exports)
    staff.queue()
    staff.launch(**{**staff_launch_options(built_index, accounts, exports), "server_port": free_port(),
                    "prevent_thread_lock": True, "quiet": True})
    https, http = free_port(), free_port()
    state = tmp_path / "proxy"
    state.mkdir()
    config = tmp_path / request.param
    config.write_text(render(ProxySite(PATIENT, STAFF, certificate, key, patient_port=patient.server_port,
                                       staff_port=staff.server_port, https_port=https, http_port=http,
                                       state_dir=state, header_timeout="2s", questions_per_second=2,
                                       worker_user="root"), request.param))  # the test's folders are root's
    server = start(request.param, config, tmp_path)
    try:
        wait_for(https)
        yield Proxy(f"https://127.0.0.1:{https}", https, http)
    finally:
        server.terminate()
        server.wait(15)
        patient.close()
        staff.close()
        store.close()


def start(server: str, config: Path, home: Path) -> subprocess.Popen:
    """The proxy, checked first (nginx -t, caddy validate); Caddy's own files go to `home`, not ~."""
    if server == "nginx":
        subprocess.run([NGINX, "-t", "-c", str(config)], check=True, capture_output=True)
        return subprocess.Popen([NGINX, "-c", str(config), "-g", "daemon off;"], stderr=subprocess.PIPE)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data")}
    command = ["--config", str(config), "--adapter", "caddyfile"]
    subprocess.run([CADDY, "validate", *command], check=True, capture_output=True, env=env)
    with open(home / "caddy.stderr", "wb") as log:  # its start-up lines; an unread pipe could fill and stall it
        return subprocess.Popen([CADDY, "run", *command], stderr=log, env=env)


def client(host: str) -> httpx.Client:
    return httpx.Client(verify=False, headers={"Host": host}, timeout=10)  # noqa: S501 - a self-signed test certificate


def ask(base: str, question: str, http: httpx.Client) -> httpx.Response:
    return http.post(f"{base}/gradio_api/run/ask", json={"data": [question, [], None, {}]})


def test_the_patient_page_answers_over_tls_with_its_security_headers_and_takes_no_files(proxy):
    base = proxy.base
    with client(PATIENT) as http:
        answer = ask(base, "how many sessions do I need", http)
        assert answer.status_code == 200 and "sessions" in answer.text
        assert answer.headers["strict-transport-security"] == "max-age=31536000"
        assert answer.headers["x-frame-options"] == "DENY" and "access-control-allow-origin" not in answer.headers
        assert http.post(f"{base}/gradio_api/upload", files={"files": ("a.txt", b"x")}).status_code == 404
        assert http.post(f"{base}/gradio_api/run/ask", content=b"x" * 100_000).status_code == 413
        chunked = iter([b"x" * 1000] * 100)  # no Content-Length: refused as it arrives, never passed on cut short
        assert http.post(f"{base}/gradio_api/run/ask", content=chunked).status_code == 413
    with pytest.raises(httpx.HTTPError), client("evil.example") as other:  # neither site: closed, no answer
        other.get(base)
    plain = f"http://127.0.0.1:{proxy.http}"
    with client(PATIENT) as http:
        redirect = http.get(f"{plain}/?q=1")
        assert redirect.status_code == 301 and redirect.headers["location"] == f"https://{PATIENT}/?q=1"
    with pytest.raises(httpx.HTTPError), client("evil.example") as other:
        other.get(plain)


def test_the_staff_workspace_refuses_anonymous_calls_and_forged_origins_and_locks_its_cookies(proxy):
    base, https = proxy.base, proxy.https
    with client(STAFF) as http:
        assert http.get(f"{base}/config").status_code == 401
        login = {"username": "nurse.amy", "password": PASSWORD}
        forged = http.post(f"{base}/login", data=login, headers={"Origin": "https://evil.example"})
        assert forged.status_code == 403 and "set-cookie" not in forged.headers
        own = http.post(f"{base}/login", data=login, headers={"Origin": f"https://{STAFF}:{https}"})
        assert own.status_code == 200
        cookies = own.headers.get_list("set-cookie")
        assert cookies and all("SameSite=Strict" in c and "Secure" in c and "HttpOnly" in c for c in cookies)
        assert not any("samesite=none" in c.lower() or "samesite=lax" in c.lower() for c in cookies), cookies
        token = own.cookies
        assert http.get(f"{base}/config", cookies=token).status_code == 200
        assert http.get(f"{base}/config", cookies=token, headers={"Origin": "https://evil.example"}).status_code == 403
        assert "access-control-allow-origin" not in http.get(f"{base}/config", cookies=token).headers


@pytest.mark.parametrize("proxy", ["nginx"], indirect=True)  # Caddy's Debian package has no rate limit
def test_a_flood_of_questions_from_one_client_is_slowed_and_others_are_still_answered(proxy):
    with client(PATIENT) as http:
        codes = [ask(proxy.base, "how many sessions", http).status_code for _ in range(30)]
    assert codes.count(429) >= 10 and codes[:10] == [200] * 10  # a burst of 10 goes through


def test_slow_clients_are_cut_off_and_a_question_is_still_answered_within_a_second_while_they_hang_on(proxy):
    base, https = proxy.base, proxy.https
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    slow = []
    for _ in range(200):  # each sends half its headers and waits
        raw = socket.create_connection(("127.0.0.1", https))
        tls = context.wrap_socket(raw, server_hostname=PATIENT)
        tls.sendall(f"GET / HTTP/1.1\r\nHost: {PATIENT}\r\n".encode())
        slow.append(tls)
    try:
        started = time.perf_counter()
        with client(PATIENT) as http:
            assert ask(base, "how many sessions do I need", http).status_code == 200
        assert time.perf_counter() - started < 1.0
        time.sleep(2.5)  # past the 2 s header timeout: the proxy has closed them
        for connection in slow[:5]:
            connection.settimeout(2)
            assert connection.recv(1024) == b""  # closed by the proxy, nothing sent
    finally:
        for connection in slow:
            connection.close()


def test_a_host_name_that_could_change_the_configuration_is_refused(tmp_path):
    site = ProxySite("faq.clinic.test; include /etc/passwd", STAFF, tmp_path / "c.pem", tmp_path / "k.pem")
    with pytest.raises(SettingsError, match="is not a host name"):
        render(site)
    with pytest.raises(SettingsError, match="two host names"):
        render(ProxySite(STAFF, STAFF, tmp_path / "c.pem", tmp_path / "k.pem"))
    with pytest.raises(SettingsError, match="server must be one of nginx, caddy, got 'apache'"):
        render(ProxySite(PATIENT, STAFF, tmp_path / "c.pem", tmp_path / "k.pem"), "apache")

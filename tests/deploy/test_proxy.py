"""Both apps behind the real nginx, then the real Caddy, with TLS (a self-signed certificate), as
`python -m faqbot proxy-config [--server caddy]` makes them: the patient page and the staff workspace on their own
host names, forged origins refused, cookies locked down, request-size, rate (nginx) and slow-client limits."""

from __future__ import annotations

import socket
import ssl
import time
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
from tests.deploy.servers import PATIENT, STAFF, client, free_port, require, run_proxy, stop

pytestmark = pytest.mark.ui
PASSWORD = "a long enough secret"


class Proxy(NamedTuple):
    base: str  # https://127.0.0.1:PORT
    https: int
    http: int
    staff: str  # the staff workspace itself, http://127.0.0.1:PORT


@pytest.fixture(params=["nginx", "caddy"])
def proxy(request, built_index, encoder, tmp_path):
    """The two apps on their own ports and the proxy in front."""
    require(request.param)
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
    try:
        server, https, http = run_proxy(request.param, tmp_path, patient_ports=(patient.server_port,),
                                        staff_port=staff.server_port, header_timeout="2s", questions_per_second=2)
        try:
            yield Proxy(f"https://127.0.0.1:{https}", https, http, f"http://127.0.0.1:{staff.server_port}")
        finally:
            stop(server)
    finally:
        patient.close()
        staff.close()
        store.close()


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
        assert ask(base, "how many sessions do I need", http).status_code == 200  # the page is not taken out by them
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
    login = {"username": "nurse.amy", "password": PASSWORD}
    with client(STAFF) as http:
        assert http.get(f"{base}/config").status_code == 401
        forged = http.post(f"{base}/login", data=login, headers={"Origin": "https://evil.example"})
        assert forged.status_code == 403 and "set-cookie" not in forged.headers
        own = http.post(f"{base}/login", data=login, headers={"Origin": f"https://{STAFF}:{https}"})
        assert own.status_code == 200
        cookies = own.headers.get_list("set-cookie")
        # one cookie: Gradio's `access-token-unsecure-*` twin, the same token without Secure, is not set over TLS
        assert len(cookies) == 1 and cookies[0].startswith("access-token-") and "unsecure" not in cookies[0], cookies
        assert all("SameSite=Strict" in c and "Secure" in c and "HttpOnly" in c for c in cookies)
        assert not any("samesite=none" in c.lower() or "samesite=lax" in c.lower() for c in cookies), cookies
        token = own.cookies
        assert http.get(f"{base}/config", cookies=token).status_code == 200  # signed in with that one cookie
        assert http.get(f"{base}/config", cookies=token, headers={"Origin": "https://evil.example"}).status_code == 403
        assert "access-control-allow-origin" not in http.get(f"{base}/config", cookies=token).headers
    with httpx.Client(timeout=10) as direct:  # plain http to the app on 127.0.0.1, as in development, still signs in
        signed_in = direct.post(f"{proxy.staff}/login", data=login)
        assert any(c.startswith("access-token-unsecure-") for c in signed_in.headers.get_list("set-cookie"))
        assert direct.get(f"{proxy.staff}/config").status_code == 200  # a browser sends no Secure cookie over http


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
    for _ in range(1000):  # each sends half its headers and waits
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
    site = ProxySite(f"{PATIENT}; include /etc/passwd", STAFF, tmp_path / "c.pem", tmp_path / "k.pem")
    with pytest.raises(SettingsError, match="is not a host name"):
        render(site)
    with pytest.raises(SettingsError, match="two host names"):
        render(ProxySite(STAFF, STAFF, tmp_path / "c.pem", tmp_path / "k.pem"))
    with pytest.raises(SettingsError, match="server must be one of nginx, caddy, got 'apache'"):
        render(ProxySite(PATIENT, STAFF, tmp_path / "c.pem", tmp_path / "k.pem"), "apache")


def test_the_patient_page_s_processes_are_all_listed_and_a_port_given_twice_is_refused(tmp_path):
    site = dict(certificate=tmp_path / "c.pem", certificate_key=tmp_path / "k.pem", patient_ports=(7860, 7862))
    nginx, caddy = render(ProxySite(PATIENT, STAFF, **site)), render(ProxySite(PATIENT, STAFF, **site), "caddy")
    assert "hash $patient_route consistent; server 127.0.0.1:7860; server 127.0.0.1:7862;" in nginx
    assert "reverse_proxy 127.0.0.1:7860 127.0.0.1:7862 {" in caddy and "lb_policy cookie faqbot_process" in caddy
    for ports in ((), (7860, 7860), (7860, 7861)):  # 7861: the staff workspace's
        with pytest.raises(SettingsError, match="patient_ports must be one or more ports"):
            render(ProxySite(PATIENT, STAFF, **{**site, "patient_ports": ports}))

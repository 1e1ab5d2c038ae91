"""The reverse proxy's configuration for a clinic, with its host names, ports and certificate: nginx's
(`deploy/nginx/faqbot.conf`) or Caddy's (`deploy/caddy/Caddyfile`, `--server caddy`).

Usage::

    python -m faqbot proxy-config --patient-host faq.clinic.example --staff-host staff.clinic.example \\
        --certificate /etc/ssl/clinic.pem --key /etc/ssl/private/clinic.key > /etc/nginx/nginx.conf

Several patient-page processes (each `FAQBOT_PORT=7862 python app.py`, or `faqbot-patient@7862` under systemd):
`--patient-ports 7860 7862`; the proxy shares new visitors between them and keeps each browser on one (its
conversation lives in that process).

The template's `{{NAME}}` fields are filled in; a host name or path that could change the configuration's
meaning (spaces, quotes, braces, semicolons) is refused.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

from faqbot.errors import SettingsError

DEPLOY = Path(__file__).resolve().parent.parent.parent / "deploy"
TEMPLATES = {"nginx": DEPLOY / "nginx" / "faqbot.conf", "caddy": DEPLOY / "caddy" / "Caddyfile"}
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")
_PATH = re.compile(r"^/[\w./-]+$")
_FIELD = re.compile(r"\{\{([A-Z_]+)\}\}")


@dataclass(frozen=True)
class ProxySite:
    patient_host: str
    staff_host: str
    certificate: Path
    certificate_key: Path
    patient_ports: tuple[int, ...] = (7860,)  # one per patient page process (by default one: the settings' port)
    staff_port: int = 7861  # the settings' staff_port
    https_port: int = 443
    http_port: int = 80
    state_dir: Path = Path("/var/lib/faqbot-proxy")  # the proxy's logs (and nginx's pid and buffers)
    worker_user: str = "www-data"  # Debian's nginx user; it must be able to write state_dir (Caddy: its service's)
    header_timeout: str = "10s"  # a client's headers (and body) must arrive within this
    questions_per_second: int = 2  # per client, after a burst of 10

    def check(self) -> None:
        for name in ("patient_host", "staff_host"):
            if not _HOST.match(getattr(self, name)):
                raise SettingsError(f"{name} {getattr(self, name)!r} is not a host name (letters, digits, - and .)")
        if self.patient_host == self.staff_host:
            raise SettingsError("The patient page and the staff workspace need two host names")
        for name in ("certificate", "certificate_key", "state_dir"):
            if not _PATH.match(str(getattr(self, name))):
                raise SettingsError(f"{name} must be an absolute path of letters, digits, . _ - and /, got "
                                    f"{str(getattr(self, name))!r}")
        ports = (*self.patient_ports, self.staff_port)
        if not self.patient_ports or len(set(ports)) < len(ports) or not all(0 < p < 65536 for p in ports):
            raise SettingsError(f"patient_ports must be one or more ports (1-65535), each once and not the staff "
                                f"port {self.staff_port}, got {' '.join(map(str, self.patient_ports)) or 'none'}")
        if not re.fullmatch(r"[a-z_][a-z0-9_-]{0,31}", self.worker_user):
            raise SettingsError(f"worker_user must be a user name, got {self.worker_user!r}")
        if not re.fullmatch(r"\d+[ms]?", self.header_timeout):
            raise SettingsError(f"header_timeout must be like 10s, got {self.header_timeout!r}")


def render(site: ProxySite, server: str = "nginx") -> str:
    """`server`'s configuration (nginx or caddy) for `site`; every field of the template is filled in."""
    site.check()
    if server not in TEMPLATES:
        raise SettingsError(f"server must be one of {', '.join(TEMPLATES)}, got {server!r}")
    template = TEMPLATES[server]
    values = {key.upper(): str(value) for key, value in asdict(site).items()}
    upstreams = [f"127.0.0.1:{port}" for port in site.patient_ports]
    if server == "nginx":
        upstreams = [f"server {address};" for address in upstreams]
    values["PATIENT_UPSTREAMS"] = " ".join(upstreams)
    if site.header_timeout.isdigit():  # seconds, as nginx reads it; Caddy wants the unit
        values["HEADER_TIMEOUT"] += "s"
    text = template.read_text(encoding="utf-8")
    missing = sorted(set(_FIELD.findall(text)) - set(values))
    if missing:
        raise SettingsError(f"{template} has fields faqbot doesn't fill: {', '.join(missing)}")
    return _FIELD.sub(lambda match: values[match.group(1)], text)

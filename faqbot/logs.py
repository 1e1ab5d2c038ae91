"""The apps' log setup: our messages at INFO; libraries' request and index-building chatter only when it matters."""

from __future__ import annotations

import logging

QUIET = ("httpx", "bm25s", "urllib3")


def configure_logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)

"""Shared fixtures: a tiny corpus, the deterministic fake encoder, and settings pointed at tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from faqbot.index.build import ingest
from faqbot.index.encoders import FakeEncoder
from faqbot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SKIN = ROOT / "clinics" / "example-skin" / "warning_signs.toml"  # the example clinic's warning signs
EXAMPLE_DENTAL = ROOT / "clinics" / "example-dental" / "warning_signs.toml"
# CI sets this: there, a browser test that skips is a failure. Read at import, before tests clear FAQBOT_*.
REQUIRE_BROWSER = os.environ.get("FAQBOT_REQUIRE_BROWSER") == "1"

TINY_CORPUS = {
    "aftercare.md": (
        "# Aftercare guide\n\n"
        "## Sun protection\n\n"
        "Stay out of the sun for several days after your session. Wear sunscreen every day when you go outside.\n\n"
        "## Makeup\n\n"
        "Wait one day before applying makeup. Choose mineral makeup that does not clog pores.\n"
    ),
    "sessions.txt": (
        "How many sessions?\n\n"
        "Most patients need three to six sessions spaced a month apart. Results improve with every session.\n\n"
        "Does it hurt?\n\n"
        "A numbing cream is applied first, so the procedure feels like a light vibration.\n"
    ),
}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_BROWSER and report.skipped and item.get_closest_marker("browser"):
        report.outcome = "failed"
        report.longrepr = f"a browser test skipped where FAQBOT_REQUIRE_BROWSER=1: {report.longrepr}"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's config or environment, or writes outside tmp_path."""
    for key in list(os.environ):
        if key.startswith("FAQBOT_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def lift_per_source(settings, encoder, monkeypatch, files: dict[str, str], module, question: str) -> dict[str, float]:
    """How much a ranking lift (a module with a LIFT constant) adds to each document's passage for `question`."""
    from faqbot.answering.engine import Engine
    from faqbot.index.build import ingest

    write_corpus(settings.corpus_dir, files)
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    engine = Engine.from_settings(settings, encoder)
    lifted = engine.rank(question)
    monkeypatch.setattr(module, "LIFT", 0.0)
    unlifted = engine.rank(question)
    return {p.source: float(lifted.fused[i] - unlifted.fused[i]) for i, p in enumerate(engine.stored.passages)}


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", TINY_CORPUS)


@pytest.fixture
def encoder() -> FakeEncoder:
    return FakeEncoder()


@pytest.fixture
def settings(tmp_path: Path, corpus_dir: Path) -> Settings:
    return Settings(
        corpus_dir=corpus_dir,
        index_dir=tmp_path / "index",
        data_dir=tmp_path / "data",
        model="fake-encoder",
        min_similarity=0.0,  # the thresholds are calibrated for the real model, not the fake one
        min_similarity_unknown_words=0.0,
        no_match_calibration=False,  # bars learned from the fake encoder's vectors would mean nothing
    )


@pytest.fixture
def built_index(settings: Settings, encoder: FakeEncoder) -> Settings:
    """Settings whose index has been built from the tiny corpus with the fake encoder."""
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    return settings


@pytest.fixture(scope="session")
def real_encoder():
    """The real all-MiniLM-L6-v2, loaded once for all integration tests."""
    from faqbot.index.encoders import SentenceTransformerEncoder
    from faqbot.settings import DEFAULT_MODEL

    return SentenceTransformerEncoder(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory, real_encoder) -> Settings:
    """The clinic's real corpus indexed with the real model, once per test session."""
    from faqbot.settings import DEFAULT_MODEL

    index_dir = tmp_path_factory.mktemp("real") / "index"
    ingest(ROOT / "corpus", index_dir, real_encoder)
    return Settings(corpus_dir=ROOT / "corpus", index_dir=index_dir, model=DEFAULT_MODEL, warning_signs=EXAMPLE_SKIN)

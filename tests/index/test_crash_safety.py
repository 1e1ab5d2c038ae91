"""Ingest killed (SIGKILL) at random moments, 30 times: the index on disk is always complete - the old one or
the new one - and loads; killed runs' temporary folders are cleaned up by the next ingest."""

import os
import random
import shutil
import signal
import time

from faqbot.index.build import ingest
from faqbot.index.store import load_index
from tests.conftest import ROOT

KILLS = 30
TIME_LIMIT_S = 90


def temporaries(index_dir):
    return sorted(index_dir.parent.glob(f".{index_dir.name}.tmp-*"))


def test_ingest_killed_at_random_moments_always_leaves_a_complete_loadable_index(settings, encoder, tmp_path):
    corpus = tmp_path / "real-corpus"
    shutil.copytree(ROOT / "corpus", corpus)  # the clinic's corpus: an ingest long enough to be killed midway
    index_dir = settings.index_dir
    ingest(corpus, index_dir, encoder)
    started = time.perf_counter()
    ingest(corpus, index_dir, encoder, force=True)
    duration = time.perf_counter() - started
    rng = random.Random(20261121)
    deadline = time.monotonic() + TIME_LIMIT_S
    versions = set()
    for kill in range(KILLS):
        assert time.monotonic() < deadline, f"only {kill} kills within {TIME_LIMIT_S} s"
        (corpus / "changing.md").write_text(f"# Notes {kill}\n\nVersion {kill} of a note about sessions.\n")
        pid = os.fork()
        if pid == 0:  # the child: one ingest, then exit without running the parent's cleanup
            try:
                ingest(corpus, index_dir, encoder)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, duration * 1.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        stored = load_index(index_dir, "fake-encoder")  # raises if the index is incomplete or damaged
        changing = [p.text for p in stored.passages if p.source == "changing.md"]
        versions.add(changing[0] if changing else "")
        assert len(temporaries(index_dir)) <= 1  # each ingest removes the temporaries of killed runs
    assert len(versions) > 2, "the kills never landed after a swap: the test proves little"
    ingest(corpus, index_dir, encoder)
    assert temporaries(index_dir) == []


def test_an_up_to_date_ingest_still_removes_a_killed_runs_half_written_index(settings, encoder):
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    left = settings.index_dir.parent / f".{settings.index_dir.name}.tmp-abc123-999999999"  # its process is gone
    (left / "vectors.faiss").parent.mkdir()
    (left / "vectors.faiss").write_bytes(b"half")
    assert ingest(settings.corpus_dir, settings.index_dir, encoder).up_to_date
    assert temporaries(settings.index_dir) == []


import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from faqbot.errors import CorpusError, IndexMismatchError, IndexMissingError, StorageError
from faqbot.index import store
from faqbot.index.build import ingest
from faqbot.index.encoders import FakeEncoder, model_digest
from faqbot.index.store import load_index, read_manifest
from tests.conftest import ROOT, write_corpus


def test_index_round_trip_keeps_passages_and_vectors(settings, encoder):
    report = ingest(settings.corpus_dir, settings.index_dir, encoder)
    loaded = load_index(settings.index_dir, "fake-encoder")
    assert report.passages == len(loaded.passages) == loaded.index.ntotal == 4
    texts = [p.embed_text for p in loaded.passages]
    assert (abs(loaded.passage_vectors() - FakeEncoder().encode(texts)) < 1e-6).all()
    assert {p.source for p in loaded.passages} == {"aftercare.md", "sessions.txt"}


def test_manifest_describes_the_index(built_index):
    manifest = read_manifest(built_index.index_dir)
    assert manifest.model == "fake-encoder"
    assert (manifest.dimension, manifest.normalized, manifest.passage_count) == (64, True, 4)
    assert set(manifest.files) == {"aftercare.md", "sessions.txt"}
    assert manifest.format_version == store.FORMAT_VERSION
    assert manifest.index_sha256 == store.file_sha256(built_index.index_dir / store.VECTORS)
    assert manifest.built_at


def test_an_index_built_with_another_model_is_refused(built_index):
    with pytest.raises(IndexMismatchError, match="built with model 'fake-encoder'.*other-model"):
        load_index(built_index.index_dir, "other-model")


def test_a_damaged_index_file_is_refused(built_index):
    with (built_index.index_dir / store.VECTORS).open("ab") as f:
        f.write(b"garbage")
    with pytest.raises(IndexMismatchError, match="checksum"):
        load_index(built_index.index_dir)


def test_a_missing_index_says_how_to_build_one(tmp_path):
    with pytest.raises(IndexMissingError, match="run: python ingest.py"):
        load_index(tmp_path / "nowhere")


def test_an_unchanged_corpus_is_not_embedded_again(built_index, encoder):
    calls = encoder.calls
    report = ingest(built_index.corpus_dir, built_index.index_dir, encoder)
    assert report.up_to_date and encoder.calls == calls


def test_a_changed_file_reuses_the_embeddings_of_unchanged_text(built_index, encoder):
    write_corpus(built_index.corpus_dir, {"new.txt": "Pools\n\nAvoid swimming pools for two days.\n"})
    calls = encoder.calls
    report = ingest(built_index.corpus_dir, built_index.index_dir, encoder)
    assert report.added == ("new.txt",)
    assert encoder.calls - calls == report.embedded == 2  # the new passage and its one sentence
    assert report.reused > 0
    assert len(load_index(built_index.index_dir).passages) == 5


def test_a_model_folder_with_new_weights_under_the_same_name_reuses_nothing(settings, tmp_path):
    model = tmp_path / "model"
    write_corpus(model, {"config.json": "{}", "weights.bin": "first weights"})
    encoder = FakeEncoder(name=str(model))
    first = ingest(settings.corpus_dir, settings.index_dir, encoder)
    assert ingest(settings.corpus_dir, settings.index_dir, encoder).up_to_date

    (model / "weights.bin").write_text("retrained weights")
    again = ingest(settings.corpus_dir, settings.index_dir, encoder)
    assert not again.up_to_date
    assert (again.reused, again.embedded) == (0, first.embedded)
    assert read_manifest(settings.index_dir).model_digest == model_digest(str(model))


def test_a_model_digest_follows_the_files_of_a_model_folder(tmp_path):
    write_corpus(tmp_path / "1_Pooling", {"config.json": "{}"})
    write_corpus(tmp_path, {"config.json": "{}"})
    before = model_digest(str(tmp_path))
    (tmp_path / "1_Pooling" / "config.json").write_text('{"pooling_mode_mean_tokens": true}')
    assert before != model_digest(str(tmp_path)) != ""
    assert model_digest("some-org/a-hub-model") == ""  # not on this machine: the name alone identifies it


def test_removed_and_changed_files_are_picked_up(built_index, encoder):
    (built_index.corpus_dir / "sessions.txt").unlink()
    (built_index.corpus_dir / "aftercare.md").write_text("# Aftercare\n\nKeep the skin clean.\n")
    report = ingest(built_index.corpus_dir, built_index.index_dir, encoder)
    assert (report.removed, report.changed) == (("sessions.txt",), ("aftercare.md",))
    assert [p.text for p in load_index(built_index.index_dir).passages] == ["Keep the skin clean."]


@pytest.mark.parametrize(
    "make_bad, message",
    [
        (lambda d: [f.unlink() for f in d.iterdir()], "has no documents"),
        (lambda d: (d / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1")), "latin1.txt is not UTF-8"),
        (lambda d: (d / "blank.txt").write_text(" \n\u200b\n"), "blank.txt has no text"),
    ],
)
def test_a_bad_corpus_names_the_problem_and_leaves_the_index_untouched(built_index, encoder, make_bad, message):
    before = (built_index.index_dir / store.MANIFEST).read_bytes()
    make_bad(built_index.corpus_dir)
    with pytest.raises(CorpusError, match=message):
        ingest(built_index.corpus_dir, built_index.index_dir, encoder)
    assert (built_index.index_dir / store.MANIFEST).read_bytes() == before


def test_a_missing_corpus_folder_is_a_clear_error(tmp_path, encoder):
    with pytest.raises(CorpusError, match="does not exist"):
        ingest(tmp_path / "missing", tmp_path / "index", encoder)


def test_a_failure_while_writing_leaves_the_previous_index_and_no_temporary_folder(
    built_index, encoder, monkeypatch
):
    before = load_index(built_index.index_dir).passages
    write_corpus(built_index.corpus_dir, {"new.txt": "Pools\n\nAvoid swimming pools for two days.\n"})

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(store.np, "save", crash)
    with pytest.raises(StorageError, match=r"\(disk full\); the previous index is unchanged. Free some space"):
        ingest(built_index.corpus_dir, built_index.index_dir, encoder)  # one message, not chained tracebacks
    assert load_index(built_index.index_dir).passages == before
    assert [p.name for p in built_index.index_dir.parent.iterdir() if p.name.startswith(".index.tmp")] == []


KILLABLE_INGEST = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from faqbot.index import store
from faqbot.index.encoders import FakeEncoder, model_digest
from faqbot.index.build import ingest
real_fsync = store.os.fsync
def slow_fsync(fd):
    time.sleep(30)  # holds the ingest inside its temporary folder until the test kills it
store.os.fsync = slow_fsync
ingest(Path(sys.argv[1]), Path(sys.argv[2]), FakeEncoder())
"""


def test_an_ingest_killed_midway_leaves_the_previous_index_loadable(built_index, tmp_path):
    before = load_index(built_index.index_dir).passages
    write_corpus(built_index.corpus_dir, {"new.txt": "Pools\n\nAvoid swimming pools for two days.\n"})
    script = tmp_path / "killable.py"
    script.write_text(KILLABLE_INGEST.format(root=str(ROOT)))
    proc = subprocess.Popen([sys.executable, str(script), str(built_index.corpus_dir), str(built_index.index_dir)])
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".index.tmp-*/manifest.json")):
            assert proc.poll() is None and time.monotonic() < deadline, "ingest never reached its write step"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        proc.kill()
    assert load_index(built_index.index_dir).passages == before
    report = ingest(built_index.corpus_dir, built_index.index_dir, FakeEncoder())  # cleans up and finishes
    assert report.added == ("new.txt",)
    assert not list(tmp_path.glob(".index.tmp-*"))


def run_script(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_ingest_command_prints_a_summary_and_fails_clearly(tmp_path, corpus_dir):
    env = {"FAQBOT_MODEL": "fake-encoder"}
    ok = run_script(str(ROOT / "ingest.py"), "--corpus", str(corpus_dir), "--index", "idx", cwd=tmp_path, env=env)
    assert ok.returncode == 0, ok.stderr
    assert "2 documents" in ok.stdout and "4 passages" in ok.stdout
    bad = run_script(str(ROOT / "ingest.py"), "--corpus", "nope", "--index", "idx", cwd=tmp_path, env=env)
    assert bad.returncode == 1
    assert bad.stderr.strip().count("\n") == 0 and "nope does not exist" in bad.stderr
    assert json.loads((tmp_path / "idx" / "manifest.json").read_text())["passage_count"] == 4

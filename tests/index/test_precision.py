"""Document embedding precision: what "auto" picks, what the manifest records, and that precisions never mix."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from faqbot.errors import SettingsError
from faqbot.index import precision, store
from faqbot.index.build import ingest
from faqbot.index.encoders import FakeEncoder, make_encoder
from faqbot.index.store import load_index, read_manifest
from faqbot.settings import DEFAULT_MODEL, load_settings
from tests.conftest import ROOT, write_corpus
from tests.index.test_fast_path import ExportingFakeEncoder

NEW_FILE = {"new.txt": "Pools\n\nAvoid swimming pools for two days.\n"}


def never_asked() -> bool:
    raise AssertionError("the CPU was asked although the precision was given")


@pytest.mark.parametrize("setting, native, expected", [
    ("auto", True, "bf16"), ("auto", False, "fp32"),
    ("fp32", never_asked, "fp32"), ("bf16", never_asked, "bf16"),
])
def test_auto_picks_bf16_only_on_a_cpu_with_native_bf16_and_explicit_settings_are_kept(setting, native, expected):
    ask = native if callable(native) else (lambda: native)
    assert precision.effective(setting, native=ask) == expected


def test_the_setting_defaults_to_auto_and_a_wrong_value_names_the_choices():
    assert load_settings(environ={}).document_precision == "auto"
    assert load_settings(environ={"FAQBOT_DOCUMENT_PRECISION": "bf16"}).document_precision == "bf16"
    with pytest.raises(SettingsError, match="document_precision must be one of auto, fp32, bf16, got 'fp16'"):
        load_settings(environ={"FAQBOT_DOCUMENT_PRECISION": "fp16"})


def test_native_bf16_is_what_torch_reports_for_this_cpu():
    torch = pytest.importorskip("torch")
    capabilities = torch.cpu.get_capabilities()
    assert precision.native_bf16() == bool(capabilities.get("avx512_bf16") or capabilities.get("amx_bf16"))


def test_the_fake_encoders_bf16_vectors_differ_slightly_like_the_real_ones():
    texts = ["Wear sunscreen every day when you go outside.", "Most patients need three to six sessions."]
    fp32, bf16 = FakeEncoder().encode(texts), FakeEncoder(precision="bf16").encode(texts)
    assert not np.array_equal(fp32, bf16)
    assert np.allclose(np.linalg.norm(bf16, axis=1), 1.0, atol=1e-6)
    assert (np.sum(fp32 * bf16, axis=1) > 0.999).all()


@pytest.mark.parametrize("native, expected", [(True, "bf16"), (False, "fp32")])
def test_the_manifest_and_report_record_the_precision_auto_chose(settings, native, expected):
    report = ingest(settings.corpus_dir, settings.index_dir, FakeEncoder(precision="auto", native_bf16=native))
    assert read_manifest(settings.index_dir).document_precision == report.precision == expected
    assert report.summary().endswith(f"{report.embedded} computed in {expected}, {report.seconds:.1f} s")


def test_a_change_reuses_the_embeddings_of_an_index_of_the_same_precision(settings):
    encoder = FakeEncoder(precision="bf16")
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    write_corpus(settings.corpus_dir, NEW_FILE)
    report = ingest(settings.corpus_dir, settings.index_dir, encoder)
    assert (report.embedded, report.reused) == (2, 11)  # the new passage and its sentence; 4 passages, 7 sentences


def test_a_change_under_another_precision_re_embeds_everything_and_mixes_nothing(settings):
    ingest(settings.corpus_dir, settings.index_dir, FakeEncoder(precision="fp32"))
    write_corpus(settings.corpus_dir, NEW_FILE)
    bf16 = FakeEncoder(precision="auto", native_bf16=True)
    report = ingest(settings.corpus_dir, settings.index_dir, bf16)
    assert (report.reused, report.embedded) == (0, 13)  # 5 passages, 8 sentences
    assert "13 computed in bf16 (the previous index's fp32 embeddings are not mixed in)" in report.summary()
    stored = load_index(settings.index_dir)
    assert stored.manifest.document_precision == "bf16"
    reference = FakeEncoder(precision="bf16")
    assert np.array_equal(stored.passage_vectors(), reference.encode([p.embed_text for p in stored.passages]))
    sentences = [s for p in stored.passages for s in p.sentence_texts()]
    assert np.array_equal(stored.sentence_vectors, reference.encode(sentences))


@pytest.mark.parametrize("built, setting, up_to_date", [
    ("fp32", "auto", True), ("bf16", "auto", True),  # auto keeps vectors of either precision while nothing changed
    ("fp32", "fp32", True), ("bf16", "bf16", True),
    ("fp32", "bf16", False), ("bf16", "fp32", False),  # an explicit setting wants its own precision
])
def test_an_unchanged_corpus_is_rebuilt_only_for_an_explicit_other_precision(settings, built, setting, up_to_date):
    ingest(settings.corpus_dir, settings.index_dir, FakeEncoder(precision=built))
    encoder = FakeEncoder(precision=setting, native_bf16=built == "fp32")  # auto would now pick the other one
    report = ingest(settings.corpus_dir, settings.index_dir, encoder)
    assert report.up_to_date == up_to_date and encoder.calls == (0 if up_to_date else 11)
    assert read_manifest(settings.index_dir).document_precision == (built if up_to_date else setting)


def test_an_index_from_before_the_setting_counts_as_fp32(settings):
    ingest(settings.corpus_dir, settings.index_dir, FakeEncoder())
    path = settings.index_dir / store.MANIFEST
    data = json.loads(path.read_text())
    del data["document_precision"]
    data["manifest_sha256"] = store.manifest_digest(data)
    path.write_text(json.dumps(data))
    assert read_manifest(settings.index_dir).document_precision == "fp32"
    write_corpus(settings.corpus_dir, NEW_FILE)
    assert ingest(settings.corpus_dir, settings.index_dir, FakeEncoder()).reused == 11


def test_make_encoder_passes_the_setting_on(settings):
    assert make_encoder(settings.replace(document_precision="bf16")).precision == "bf16"
    real = make_encoder(settings.replace(model=DEFAULT_MODEL, document_precision="fp32"))
    assert (real.requested_precision, real.precision) == ("fp32", "fp32")


UNCHANGED_REINGEST = """
import sys
from pathlib import Path
from faqbot.index.encoders import SentenceTransformerEncoder
from faqbot.index.build import ingest
report = ingest(Path(sys.argv[1]), Path(sys.argv[2]), SentenceTransformerEncoder(sys.argv[3], precision="auto"))
heavy = sorted(m for m in ("torch", "sentence_transformers", "transformers") if m in sys.modules)
print(report.up_to_date, heavy)
"""


def test_auto_keeps_an_unchanged_index_without_importing_torch(settings):
    class RealNamedFake(ExportingFakeEncoder):
        """Stands in for the real model when building, so the manifest looks like a real model's index."""

        def __init__(self) -> None:
            super().__init__()
            self.name = DEFAULT_MODEL

    ingest(settings.corpus_dir, settings.index_dir, RealNamedFake())
    result = subprocess.run([sys.executable, "-c", UNCHANGED_REINGEST, str(settings.corpus_dir),
                             str(settings.index_dir), DEFAULT_MODEL], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "[]"], result.stdout


def test_the_ingest_command_takes_the_precision_as_a_flag(tmp_path, corpus_dir):
    result = subprocess.run([sys.executable, str(ROOT / "ingest.py"), "--corpus", str(corpus_dir), "--index", "idx",
                             "--precision", "bf16"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "FAQBOT_MODEL": "fake-encoder"})
    assert result.returncode == 0, result.stderr
    assert "computed in bf16" in result.stdout
    assert read_manifest(tmp_path / "idx").document_precision == "bf16"


@pytest.mark.integration
def test_a_bf16_index_of_the_real_corpus_is_close_to_fp32_and_keeps_the_fp32_query_encoder(real_index, tmp_path):
    """The bf16 copy embeds the documents; the ONNX query encoder is still exported from the fp32 weights."""
    from faqbot.answering.engine import Engine
    from faqbot.index.encoders import SentenceTransformerEncoder
    from faqbot.index.onnx_export import FOLDER, FP32
    from faqbot.learning.evaluation import score
    from faqbot.learning.labelled import load_questions
    from tests.answering.test_integration import assert_raw_dev_floor

    report = ingest(ROOT / "corpus", tmp_path / "bf16", SentenceTransformerEncoder(DEFAULT_MODEL, precision="bf16"))
    fp32, bf16 = load_index(real_index.index_dir), load_index(tmp_path / "bf16")
    assert (fp32.manifest.document_precision, bf16.manifest.document_precision, report.precision) == (
        "fp32", "bf16", "bf16")
    for reference, vectors in ((fp32.passage_vectors(), bf16.passage_vectors()),
                               (fp32.sentence_vectors, bf16.sentence_vectors)):
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)  # normalised in float32
        assert np.sum(reference * vectors, axis=1).min() >= 0.9995  # measured: 0.99992
    assert bf16.manifest.encoder_files == fp32.manifest.encoder_files  # model, tokenizer and config: same bytes
    assert f"{FOLDER}/{FP32}" in bf16.manifest.encoder_files
    engine = Engine.from_settings(real_index.replace(index_dir=tmp_path / "bf16"))  # the ONNX fp32 query encoder
    scores = score(engine, load_questions(ROOT / "clinics/example-skin/questions.jsonl"))
    assert_raw_dev_floor(scores)


TORCH_ENVIRONMENT = """
import os, sys
from faqbot.index.encoders import SentenceTransformerEncoder
encoder = SentenceTransformerEncoder(sys.argv[1], precision="auto")
assert "torch" not in sys.modules
encoder.precision  # the first thing that imports torch when the precision is "auto"
print(os.environ.get("OMP_WAIT_POLICY"), "torch" in sys.modules)
"""


@pytest.mark.parametrize("given, expected", [(None, "PASSIVE"), ("ACTIVE", "ACTIVE")])
def test_torch_threads_wait_passively_unless_told_otherwise(given, expected):
    """Set before torch loads (OpenMP reads it once): spinning threads collapse under a busy core."""
    pytest.importorskip("torch")
    env = {key: value for key, value in os.environ.items() if key != "OMP_WAIT_POLICY"}
    env.update({"PYTHONPATH": str(ROOT)} | ({"OMP_WAIT_POLICY": given} if given else {}))
    result = subprocess.run([sys.executable, "-c", TORCH_ENVIRONMENT, DEFAULT_MODEL], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [expected, "True"]

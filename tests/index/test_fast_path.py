"""The serving path's plumbing with the fake encoder: encoder choice, the export stored in the index, index kinds."""

import json
from pathlib import Path

import numpy as np
import pytest

from faqbot.errors import IndexMismatchError, SettingsError
from faqbot.index import store
from faqbot.index.build import ingest
from faqbot.index.encoders import FakeEncoder, make_query_encoder
from faqbot.index.store import build_faiss_index, load_index, read_manifest
from faqbot.settings import load_settings


class ExportingFakeEncoder(FakeEncoder):
    """The fake encoder plus an "ONNX export" (two small files), to test how ingest stores and reuses it."""

    def __init__(self) -> None:
        super().__init__()
        self.exports = 0

    def export_onnx(self, folder: Path) -> None:
        self.exports += 1
        folder.mkdir(parents=True)
        (folder / "model.onnx").write_bytes(b"weights")
        (folder / "encoder.json").write_text("{}")


def test_the_encoder_setting_defaults_to_onnx_and_can_be_overridden(monkeypatch):
    assert load_settings(environ={}).encoder == "onnx"
    assert load_settings(environ={"FAQBOT_ENCODER": "torch"}).encoder == "torch"
    assert load_settings(environ={"FAQBOT_INDEX_KIND": "hnsw"}).index_kind == "hnsw"


def test_an_unknown_encoder_setting_names_the_choices(built_index):
    manifest = read_manifest(built_index.index_dir)
    with pytest.raises(SettingsError, match="onnx, onnx-int8, torch"):
        make_query_encoder(built_index.replace(model="other", encoder="tensorflow"), manifest)


def test_an_index_without_the_onnx_export_says_to_run_ingest(built_index):
    manifest = read_manifest(built_index.index_dir)
    with pytest.raises(IndexMismatchError, match="no ONNX query encoder.*python ingest.py"):
        make_query_encoder(built_index.replace(model=manifest.model + "-real"), manifest)


def test_the_torch_encoder_refuses_an_index_built_before_its_model_files_changed(settings, tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    (model / "weights.bin").write_text("first weights")
    ingest(settings.corpus_dir, settings.index_dir, FakeEncoder(name=str(model)))
    torch_path = settings.replace(model=str(model), encoder="torch")
    assert make_query_encoder(torch_path, read_manifest(settings.index_dir)).name == str(model)  # loads lazily

    (model / "weights.bin").write_text("retrained weights")
    with pytest.raises(IndexMismatchError, match="changed after the index .* was built; rebuild it"):
        make_query_encoder(torch_path, read_manifest(settings.index_dir))


def test_the_export_is_written_inside_the_swapped_index_with_checksums(settings):
    encoder = ExportingFakeEncoder()
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    manifest = read_manifest(settings.index_dir)
    assert set(manifest.encoder_files) == {"encoder/model.onnx", "encoder/encoder.json"}
    assert manifest.encoder_files["encoder/model.onnx"] == store.file_sha256(settings.index_dir / "encoder/model.onnx")
    assert manifest.encoder_key and encoder.exports == 1


def test_re_ingest_reuses_the_export_and_an_old_index_gets_one(settings):
    encoder = ExportingFakeEncoder()
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    assert ingest(settings.corpus_dir, settings.index_dir, encoder).up_to_date
    (settings.corpus_dir / "new.txt").write_text("Pools\n\nAvoid swimming pools for two days.\n")
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    assert encoder.exports == 1  # linked from the previous index, not exported again
    assert (settings.index_dir / "encoder/model.onnx").read_bytes() == b"weights"

    path = settings.index_dir / store.MANIFEST  # an index written before the export existed
    data = json.loads(path.read_text())
    data.update(format_version=1, encoder_files={}, encoder_key="")
    path.write_text(json.dumps(data))
    report = ingest(settings.corpus_dir, settings.index_dir, encoder)
    assert not report.up_to_date and report.embedded == 0 and encoder.exports == 2


def test_a_format_1_manifest_still_loads():
    fields = dict(format_version=1, model="m", dimension=2, normalized=True, metric="inner_product",
                  index_type="flat", passage_count=0, sentence_count=0, files={}, pipeline="p",
                  index_sha256="x", built_at="t")
    assert store.Manifest(**fields).encoder_files == {}


@pytest.mark.parametrize("kind, expected", [("flat", "flat"), ("hnsw", "hnsw"), ("auto", "flat")])
def test_the_index_kind_is_chosen_by_size_or_forced_and_recorded(settings, encoder, kind, expected):
    ingest(settings.corpus_dir, settings.index_dir, encoder, index_kind=kind)
    manifest = read_manifest(settings.index_dir)
    assert manifest.index_type == expected
    assert (manifest.index_params.get("M"), manifest.index_params.get("ef_search")) == (
        (store.HNSW_M, store.HNSW_EF_SEARCH) if expected == "hnsw" else (None, None))
    stored = load_index(settings.index_dir)
    query = encoder.encode(["how many sessions do patients need"])[0]
    scores, ids = stored.search(query, 2)
    exact = stored.passage_vectors() @ query
    assert list(ids) == list(np.argsort(-exact)[:2]) and np.allclose(scores, np.sort(exact)[::-1][:2], atol=1e-5)


def test_a_forced_index_kind_rebuilds_an_index_of_the_other_kind(settings, encoder):
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    assert not ingest(settings.corpus_dir, settings.index_dir, encoder, index_kind="hnsw").up_to_date
    assert ingest(settings.corpus_dir, settings.index_dir, encoder, index_kind="auto").up_to_date


def test_an_unknown_index_kind_is_refused_before_any_work(settings, encoder):
    with pytest.raises(SettingsError, match="auto, flat, hnsw"):
        ingest(settings.corpus_dir, settings.index_dir, encoder, index_kind="ivf")
    assert encoder.calls == 0


def test_auto_switches_to_hnsw_at_the_threshold(monkeypatch):
    vectors = np.random.default_rng(0).standard_normal((50, 8)).astype(np.float32)
    monkeypatch.setattr(store, "HNSW_THRESHOLD", 50)
    assert build_faiss_index(vectors)[1] == "hnsw"
    monkeypatch.setattr(store, "HNSW_THRESHOLD", 51)
    assert build_faiss_index(vectors)[1] == "flat"


def test_at_scale_candidates_get_exactly_the_small_path_scores(built_index, encoder, monkeypatch):
    from faqbot.answering import candidates
    from faqbot.answering.engine import Engine

    engine = Engine.from_settings(built_index, encoder)
    questions = ("how many sessions do most patients need", "sunscreen outside", "zzz")
    exact = [engine.rank(q) for q in questions]
    monkeypatch.setattr(candidates, "EXACT_UP_TO", 0)
    monkeypatch.setattr(candidates, "DENSE_CANDIDATES", 2)
    monkeypatch.setattr(candidates, "KEYWORD_CANDIDATES", 1)
    for question, full in zip(questions, exact, strict=True):
        ranked = engine.rank(question)
        scored = ranked.dense != candidates.NOT_A_CANDIDATE
        assert 2 <= scored.sum() <= 3
        assert np.allclose(ranked.dense[scored], full.dense[scored], atol=1e-6)
        assert ranked.order[0] == full.order[0]


def test_faiss_searches_with_one_thread_set_in_the_searching_thread(built_index, encoder):
    import threading

    import faiss

    stored = load_index(built_index.index_dir)
    seen = []

    def worker() -> None:
        stored.search(encoder.encode(["sunscreen"])[0], 1)
        seen.append(faiss.omp_get_max_threads())

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == [1]


def fake_quantize(calls: list):
    def quantize(folder: Path, variant: str, texts) -> Path:
        calls.append((variant, len(texts)))
        target = folder / "model.int8.onnx"
        target.write_bytes(b"int8 " + (folder / "model.onnx").read_bytes())
        return target
    return quantize


def test_the_encoder_setting_names_the_variants_ingest_writes():
    from faqbot.index.encoders import onnx_variants

    assert [onnx_variants(load_settings(environ={"FAQBOT_ENCODER": e})) for e in ("onnx", "onnx-int8", "torch")] == [
        (), ("int8",), ()]


def test_a_quantised_variant_is_written_only_when_asked_for_and_added_later_without_re_export(settings, monkeypatch):
    from faqbot.index import build as indexing

    calls: list = []
    monkeypatch.setattr(indexing, "quantize", fake_quantize(calls))
    encoder = ExportingFakeEncoder()
    ingest(settings.corpus_dir, settings.index_dir, encoder)
    assert "encoder/model.int8.onnx" not in read_manifest(settings.index_dir).encoder_files and calls == []

    report = ingest(settings.corpus_dir, settings.index_dir, encoder, variants=("int8",))  # the setting changed
    manifest = read_manifest(settings.index_dir)
    assert not report.up_to_date and report.embedded == 0 and encoder.exports == 1
    assert len(calls) == 1 and calls[0][1] > 0  # calibrated on the corpus's texts
    int8 = settings.index_dir / "encoder/model.int8.onnx"
    assert int8.read_bytes() == b"int8 weights"
    assert manifest.encoder_files["encoder/model.int8.onnx"] == store.file_sha256(int8)
    assert ingest(settings.corpus_dir, settings.index_dir, encoder, variants=("int8",)).up_to_date

    (settings.corpus_dir / "new.txt").write_text("Pools\n\nAvoid swimming pools for two days.\n")
    ingest(settings.corpus_dir, settings.index_dir, encoder, variants=("int8",))
    assert len(calls) == 1 and int8.read_bytes() == b"int8 weights"  # linked from the previous index
    (settings.corpus_dir / "new.txt").unlink()
    ingest(settings.corpus_dir, settings.index_dir, encoder)  # no longer asked for: left out
    assert not int8.exists() and "encoder/model.int8.onnx" not in read_manifest(settings.index_dir).encoder_files
    assert encoder.exports == 1


def test_serving_a_variant_the_index_lacks_says_how_to_add_it(settings):
    ingest(settings.corpus_dir, settings.index_dir, ExportingFakeEncoder())
    manifest = read_manifest(settings.index_dir)
    with pytest.raises(IndexMismatchError, match="no int8 query encoder.*FAQBOT_ENCODER=onnx-int8 python ingest.py"):
        make_query_encoder(settings.replace(model=manifest.model + "-real", encoder="onnx-int8"), manifest)

"""The ONNX query encoder against the torch reference, with the real model on the real corpus."""

import subprocess
import sys

import numpy as np
import pytest

from faqbot.answering.engine import Engine
from faqbot.index.onnx_encoder import OnnxEncoder
from faqbot.index.store import load_index, read_manifest
from faqbot.learning.evaluation import score
from faqbot.learning.labelled import load_questions
from tests.conftest import ROOT

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def onnx_encoder(real_index):
    return OnnxEncoder.from_index(real_index.index_dir, read_manifest(real_index.index_dir))


class Precomputed:
    """Vectors computed beforehand (in one batch) by another encoder, looked up by text."""

    def __init__(self, encoder, texts):
        self.name, self.dimension = encoder.name, encoder.dimension
        self._vectors = dict(zip(texts, encoder.encode(texts), strict=True))

    def encode(self, texts, *, show_progress=False):
        return np.stack([self._vectors[t] for t in texts])


def test_onnx_vectors_match_torch_on_every_corpus_sentence(real_index, real_encoder, onnx_encoder):
    passages = load_index(real_index.index_dir).passages
    texts = [s for p in passages for s in p.sentence_texts()]
    texts.append("word " * 400)  # longer than max_seq_length: truncated the same way
    cosine = np.sum(onnx_encoder.encode(texts) * real_encoder.encode(texts), axis=1)
    assert cosine.min() >= 0.999, texts[int(np.argmin(cosine))]
    one_by_one = np.stack([onnx_encoder.encode([t])[0] for t in texts[:20]])  # no padding vs padded batches
    assert np.allclose(one_by_one, onnx_encoder.encode(texts[:20]), atol=1e-5)


def test_onnx_answers_score_exactly_like_torch_on_the_dev_set(real_index, real_encoder, onnx_encoder):
    items = load_questions(ROOT / "clinics/example-skin/questions.jsonl")
    engine = Engine.from_settings(real_index, onnx_encoder)
    questions = sorted({engine.analyzer.analyze(i.question).corrected for i in items})
    torch_scores = score(Engine(engine.stored, Precomputed(real_encoder, questions), real_index), items)
    assert score(engine, items) == torch_scores


SERVE_WITHOUT_TORCH = """
import sys
from pathlib import Path
from faqbot.answering.engine import Engine
from faqbot.settings import load_settings
engine = Engine.from_settings(load_settings(index_dir=Path(sys.argv[1])))
answer = engine.ask("how long will my skin stay red after the treatment", 3)
heavy = sorted(m for m in ("torch", "sentence_transformers", "transformers") if m in sys.modules)
print(answer.status.value, type(engine.encoder).__name__, heavy)
"""


def test_the_engine_loads_and_answers_without_importing_torch(real_index):
    result = subprocess.run([sys.executable, "-c", SERVE_WITHOUT_TORCH, str(real_index.index_dir)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["answered", "OnnxEncoder", "[]"], result.stdout


def test_the_int8_variant_is_added_to_an_index_without_loading_the_model_and_stays_close_to_fp32(
        real_index, onnx_encoder, tmp_path):
    import shutil

    from faqbot.index.build import ingest
    from faqbot.index.encoders import SentenceTransformerEncoder

    index_dir = tmp_path / "index"
    shutil.copytree(real_index.index_dir, index_dir)
    assert "encoder/model.int8.onnx" not in read_manifest(index_dir).encoder_files  # fp32 only by default
    encoder = SentenceTransformerEncoder(real_index.model)
    report = ingest(real_index.corpus_dir, index_dir, encoder, variants=("int8",))
    assert report.embedded == 0 and encoder._model is None  # quantised from the fp32 export: no torch model

    int8 = OnnxEncoder.from_index(index_dir, read_manifest(index_dir), precision="int8")
    texts = [s for p in load_index(index_dir).passages for s in p.sentence_texts()]
    cosine = np.sum(int8.encode(texts) * onnx_encoder.encode(texts), axis=1)
    assert cosine.min() >= 0.99 and cosine.mean() >= 0.997, (cosine.min(), cosine.mean())


class Recorded:
    """An ONNX Runtime session that notes each run under a name and can hold it until released."""

    def __init__(self, inner, name: str, log: list, hold=None):
        self.inner, self.name, self.log, self.hold = inner, name, log, hold

    def run(self, *args):
        self.log.append(self.name)
        if self.hold is not None:
            assert self.hold.wait(10)
        return self.inner.run(*args)


def test_a_question_embedded_alone_gets_the_second_thread_and_one_embedded_beside_another_does_not(real_index):
    import threading

    encoder = OnnxEncoder.from_index(real_index.index_dir, read_manifest(real_index.index_dir), threads=1,
                                     threads_alone=2)
    single = OnnxEncoder.from_index(real_index.index_dir, read_manifest(real_index.index_dir))
    texts = ["how long does the redness last", "can i wear makeup the next day"]
    assert np.allclose(encoder.encode(texts), single.encode(texts), atol=1e-5)  # the same vectors either way
    log, release = [], threading.Event()
    encoder._alone = Recorded(encoder._alone, "alone", log, hold=release)
    encoder._session = Recorded(encoder._session, "busy", log)
    first = threading.Thread(target=encoder.encode, args=(texts[:1],))
    first.start()
    while not log:
        threading.Event().wait(0.01)
    encoder.encode(texts[1:])  # while the first is still being embedded
    release.set()
    first.join(10)
    encoder.encode(texts[1:])  # alone again
    assert log == ["alone", "busy", "alone"]

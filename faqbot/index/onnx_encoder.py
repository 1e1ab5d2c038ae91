"""The query encoder of the serving path: ONNX Runtime + tokenizers + numpy, no torch.

Loads the export that ingest writes beside the index (see `faqbot.index.onnx_export`), checks it against the
index manifest's checksums, and reproduces sentence-transformers' encode(): truncation to max_seq_length
wordpieces, mean pooling over the attention mask, L2 normalisation.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from faqbot.errors import IndexMismatchError
from faqbot.index.onnx_export import CONFIG, FOLDER, FP32, INT8, TOKENIZER, EncoderConfig
from faqbot.index.store import Manifest, file_sha256

PRECISIONS = {"fp32": FP32, "int8": INT8}


class OnnxEncoder:
    """Encoder protocol over an ONNX export; the sessions are created at construction (errors show at startup).

    `threads` ONNX Runtime threads embed a text while other texts are being embedded (a busy web server: one thread
    per question serves the most questions a second); `threads_alone` when nothing else is (one patient: the second
    core shortens the wait). Two sessions of the same model when they differ (bench/encoder_threads.py)."""

    def __init__(self, folder: Path, *, precision: str = "fp32", threads: int = 1, threads_alone: int | None = None,
                 batch_size: int = 32) -> None:
        from tokenizers import Tokenizer

        self.config = EncoderConfig.read(folder)
        self.name = self.config.model
        self.precision = precision
        self.batch_size = batch_size
        self._session = _session(folder / PRECISIONS[precision], threads)
        alone = threads_alone or threads
        self._alone = self._session if alone == threads else _session(folder / PRECISIONS[precision], alone)
        self._busy = 0  # encode() calls under way
        self._lock = threading.Lock()
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
        # tokenizer.json of this model says 128 and fixed padding; sentence-transformers truncates at its
        # max_seq_length (256) and pads to the longest text of the batch, so do exactly that.
        self._tokenizer.enable_truncation(self.config.max_seq_length)
        self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id("[PAD]") or 0, pad_token="[PAD]")

    @classmethod
    def from_index(cls, index_dir: Path, manifest: Manifest, *, precision: str = "fp32",
                   threads: int = 1, threads_alone: int | None = None) -> OnnxEncoder:
        """The export stored with the index at `index_dir`, verified against its manifest."""
        folder = index_dir / FOLDER
        model_file = f"{FOLDER}/{PRECISIONS[precision]}"
        fix = f"run: python ingest.py --index {index_dir}"
        if precision != "fp32" and f"{FOLDER}/{FP32}" in manifest.encoder_files and model_file not in \
                manifest.encoder_files:
            raise IndexMismatchError(
                f"Index at {index_dir} has no {precision} query encoder ({model_file}): ingest writes it only when "
                f"the encoder setting asks for it. Run ingest with the same setting (FAQBOT_ENCODER=onnx-{precision} "
                f"python ingest.py --index {index_dir}; it adds the file without re-embedding) or serve with "
                "encoder = \"onnx\""
            )
        if model_file not in manifest.encoder_files:
            raise IndexMismatchError(
                f"Index at {index_dir} has no ONNX query encoder ({model_file}); it was built by an older faqbot "
                f"or with a model the export doesn't support. Rebuild it ({fix}) or serve with "
                "encoder = \"torch\" (FAQBOT_ENCODER=torch)"
            )
        for name in (model_file, f"{FOLDER}/{TOKENIZER}", f"{FOLDER}/{CONFIG}"):
            path = index_dir / name
            if not path.is_file() or file_sha256(path) != manifest.encoder_files.get(name):
                raise IndexMismatchError(f"ONNX encoder file {path} is missing or does not match its checksum; {fix}")
        encoder = cls(folder, precision=precision, threads=threads, threads_alone=threads_alone)
        if encoder.name != manifest.model:
            raise IndexMismatchError(f"ONNX encoder at {folder} is for {encoder.name!r}, the index for "
                                     f"{manifest.model!r}; {fix}")
        return encoder

    @property
    def dimension(self) -> int:
        return self.config.dimension

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        with self._lock:
            session = self._alone if self._busy == 0 else self._session
            self._busy += 1
        try:
            out = np.zeros((len(texts), self.config.dimension), dtype=np.float32)
            by_length = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # batches of similar length pad less
            for start in range(0, len(texts), self.batch_size):
                rows = by_length[start:start + self.batch_size]
                out[rows] = self._encode_batch(session, [texts[i] for i in rows])
            return out
        finally:
            with self._lock:
                self._busy -= 1

    def _encode_batch(self, session, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts) if len(texts) > 1 else [self._tokenizer.encode(texts[0])]
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask,
                 "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64)}
        hidden = session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def _session(model: Path, threads: int):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # don't burn a core when idle
    options.log_severity_level = 3
    return ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])

"""Export the sentence-transformers model to ONNX for the query path. Runs at ingest time only (needs torch).

The export is the transformer alone (token ids -> last hidden state); tokenisation (tokenizers), mean pooling and
L2 normalisation are done by `faqbot.index.onnx_encoder` without torch. Written into the index folder being built, so
the atomic swap covers it:

    encoder/model.onnx        fp32 transformer, dynamic batch and sequence axes
    encoder/model.int8.onnx   only when the `encoder` setting asks for it: made from model.onnx by
                              `faqbot.index.quantize` (no torch), so ingest can add it to an index later
    encoder/tokenizer.json    the model's tokenizer
    encoder/encoder.json      EncoderConfig: model name, dimension, max_seq_length, pooling
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

FOLDER = "encoder"
FP32 = "model.onnx"
INT8 = "model.int8.onnx"
TOKENIZER = "tokenizer.json"
CONFIG = "encoder.json"
OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


@dataclass(frozen=True)
class EncoderConfig:
    model: str
    dimension: int
    max_seq_length: int  # wordpieces, [CLS] and [SEP] included, as sentence-transformers truncates
    pooling: str = "mean"
    normalized: bool = True

    @classmethod
    def read(cls, folder: Path) -> EncoderConfig:
        return cls(**json.loads((folder / CONFIG).read_text(encoding="utf-8")))


def export_key(model: str) -> str:
    """Changes whenever the export would differ: the model, this exporter or the quantizer, torch or onnxruntime
    versions.

    Cheap (no torch import), so an unchanged corpus is still detected without loading anything."""
    h = hashlib.sha256(f"{model}\n".encode())
    h.update(Path(__file__).read_bytes())
    h.update(Path(__file__).with_name("quantize.py").read_bytes())  # makes the variants from this export
    for package in ("torch", "onnxruntime", "onnx"):
        try:
            h.update(f"{package}={metadata.version(package)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{package}=missing\n".encode())
    return h.hexdigest()[:16]


def export(st_model, model: str, folder: Path) -> bool:
    """Write the ONNX export of a loaded SentenceTransformer (Transformer, mean Pooling, Normalize) to `folder`.

    False (nothing written) for other module layouts: such a model is served with encoder = "torch"."""
    import warnings

    import torch

    if not supported(st_model):
        return False
    transformer = st_model[0]
    folder.mkdir(parents=True, exist_ok=True)

    class LastHiddenState(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out.last_hidden_state

    # Trace with a padded row so no "mask is all ones" shortcut can be baked into the graph.
    ids = torch.full((2, 8), 1000, dtype=torch.long)
    mask = torch.ones((2, 8), dtype=torch.long)
    mask[1, 5:] = 0
    axes = {name: {0: "batch", 1: "sequence"} for name in (*INPUTS, "last_hidden_state")}
    module = LastHiddenState(transformer.auto_model).eval()
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes about Python booleans that are constant for this model
        torch.onnx.export(
            module, (ids, mask, torch.zeros_like(ids)), str(folder / FP32), input_names=list(INPUTS),
            output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=OPSET, dynamo=False,
        )
    # Saved without the padding and truncation state encoding left on it (which differs between an fp32 build,
    # where this model encoded the documents, and a bf16 one), so the same model always gives the same file;
    # the serving encoder sets both itself.
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str(transformer.tokenizer.backend_tokenizer.to_str())
    tokenizer.no_padding()
    tokenizer.no_truncation()
    tokenizer.save(str(folder / TOKENIZER))
    config = EncoderConfig(model=model, dimension=int(st_model.get_embedding_dimension()),
                           max_seq_length=int(st_model.max_seq_length))
    (folder / CONFIG).write_text(json.dumps(asdict(config), indent=2) + "\n", encoding="utf-8")
    return True


def supported(st_model) -> bool:
    """Only the layout reproduced in numpy: one transformer, mean pooling, then (optionally) Normalize."""
    names = [type(m).__name__ for m in st_model]
    mean = len(names) > 1 and getattr(st_model[1], "pooling_mode", None) == "mean"
    return names[:2] == ["Transformer", "Pooling"] and mean and all(n == "Normalize" for n in names[2:])

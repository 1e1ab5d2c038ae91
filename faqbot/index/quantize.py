"""Quantised variants of the ONNX query encoder, made from the fp32 export at ingest time (no torch needed).

    int8   dynamic int8 MatMuls (per-channel weights, per-tensor activations quantised at run time), after
           SmoothQuant: each MatMul input channel is divided by s = amax(x)^a / amax(w)^(1 - a) and the weight
           row multiplied by it, so the product is unchanged in fp32 but the activations' outlier channels no
           longer squeeze every other channel into a few int8 steps. amax(x) is calibrated on `texts` (ingest
           passes the corpus's sentences and passages). The first layer's FFN output MatMul stays fp32. Cosine to
           fp32 on the corpus: min 0.996 (plain dynamic int8: 0.979); the choices are in docs/BENCHMARKS.md.

Only `onnx` and `onnxruntime` are used; `quantize(folder, variant, texts)` writes `folder / VARIANTS[variant]`
beside `folder / model.onnx`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from faqbot.index.onnx_export import FP32, INT8, TOKENIZER

VARIANTS = {"int8": INT8}  # variant -> file name beside model.onnx
SMOOTHING = 0.85  # a: chosen by cosine to fp32 on corpus sentences (0.5: 0.970 min, 0.75: 0.993, 0.95: 0.992)
# MatMuls left in fp32, by node name: the first layer's FFN output, a quarter of the smoothed model's cosine loss
# (each MatMul quantised alone, on corpus sentences) for 6 % of the weights.
KEEP_FP32 = ("layer.0/output/dense/MatMul",)
CALIBRATION_LENGTH = 128  # wordpieces each calibration text is padded to (longer ones are not cut below 256)
CALIBRATION_TEXTS = 512  # at most this many texts (the first ones, in corpus order) calibrate the scales


def quantize(folder: Path, variant: str, texts: Sequence[str]) -> Path:
    """Write the `variant` model for the fp32 export in `folder`; returns its path."""
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, got {variant!r}")
    if not texts:
        raise ValueError("quantize needs calibration texts (the corpus's sentences), got none")
    import onnx

    target = folder / VARIANTS[variant]
    model = onnx.load(str(folder / FP32))
    amax = _input_ranges(model, folder / TOKENIZER, texts[:CALIBRATION_TEXTS])
    _smooth(model, amax, SMOOTHING)
    smoothed = folder / f".{target.name}.smoothed.onnx"
    onnx.save(model, str(smoothed))
    try:
        keep = [n.name for n in _weight_matmuls(model) if any(n.name.endswith(k) for k in KEEP_FP32)]
        _quantize_dynamic(smoothed, target, keep)
    finally:
        smoothed.unlink(missing_ok=True)
    return target


def _weight_matmuls(model) -> list:
    """MatMul nodes whose second input is a weight (not the attention's activation x activation products)."""
    weights = {i.name for i in model.graph.initializer}
    return [n for n in model.graph.node if n.op_type == "MatMul" and n.input[1] in weights]


def _input_ranges(model, tokenizer: Path, texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Per-channel max |x| of every weight MatMul's input over the tokens of `texts` (fp32, one text at a time)."""
    import onnx
    import onnxruntime as ort
    from tokenizers import Tokenizer

    inputs = sorted({n.input[0] for n in _weight_matmuls(model)})
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    probe.graph.output.extend(onnx.helper.make_tensor_value_info(x, onnx.TensorProto.FLOAT, None) for x in inputs)
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL  # keep every probed tensor
    options.log_severity_level = 3
    session = ort.InferenceSession(probe.SerializeToString(), options, providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    feeds_wanted = {i.name for i in session.get_inputs()}
    tokens = Tokenizer.from_file(str(tokenizer))
    tokens.enable_truncation(256)
    # Every text padded to 128 wordpieces (the padding the model's own tokenizer ships with): the maxima cover every
    # position; on the corpus this gave cosine to fp32 min 0.993 / mean 0.998 against 0.990 / 0.995 for the best
    # smoothing calibrated without padding (a = 0.65).
    tokens.enable_padding(pad_id=tokens.token_to_id("[PAD]") or 0, pad_token="[PAD]", length=CALIBRATION_LENGTH)
    amax: dict[str, np.ndarray] = {}
    for text in texts:
        e = tokens.encode(text)
        feeds = {"input_ids": [e.ids], "attention_mask": [e.attention_mask], "token_type_ids": [e.type_ids]}
        outputs = session.run(names, {k: np.array(v, dtype=np.int64) for k, v in feeds.items() if k in feeds_wanted})
        for name, value in zip(names, outputs, strict=True):
            if name in inputs:
                channel_max = np.abs(value).reshape(-1, value.shape[-1]).max(axis=0)
                amax[name] = np.maximum(amax[name], channel_max) if name in amax else channel_max
    return amax


def _smooth(model, amax: dict[str, np.ndarray], alpha: float) -> None:
    """Divide each weight MatMul input by s (one Mul per input tensor) and multiply the weights' rows by s."""
    from onnx import helper, numpy_helper

    initializers = {i.name: i for i in model.graph.initializer}
    matmuls = _weight_matmuls(model)
    nodes = list(model.graph.node)
    for x in sorted({n.input[0] for n in matmuls}):
        group = [n for n in matmuls if n.input[0] == x]  # query, key and value share their input: one s
        weights = [numpy_helper.to_array(initializers[n.input[1]]) for n in group]
        w_max = np.max([np.abs(w).max(axis=1) for w in weights], axis=0)
        s = np.clip(np.clip(amax[x], 1e-5, None) ** alpha / np.clip(w_max, 1e-5, None) ** (1 - alpha), 1e-3, 1e3)
        inverse = numpy_helper.from_array((1 / s).astype(np.float32), f"{x}.smooth_inverse")
        model.graph.initializer.append(inverse)
        smoothed = f"{x}.smoothed"
        first = min(nodes.index(n) for n in group)
        model.graph.node.insert(first, helper.make_node("Mul", [x, inverse.name], [smoothed], name=f"{x}.smooth"))
        nodes = list(model.graph.node)
        for node, weight in zip(group, weights, strict=True):
            node.input[0] = smoothed
            scaled = (weight * s[:, None].astype(np.float32)).astype(np.float32)
            initializers[node.input[1]].CopyFrom(numpy_helper.from_array(scaled, node.input[1]))


def _quantize_dynamic(source: Path, target: Path, keep: list[str]) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # its advice to pre-process is logged on the root logger, into ingest's output
    try:
        # MatMul only: the word-embedding Gather stays fp32 (it is a lookup, not a product: nothing to gain).
        quantize_dynamic(str(source), str(target), per_channel=True, weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul"], nodes_to_exclude=keep)
    finally:
        root.setLevel(level)

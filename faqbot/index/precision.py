"""At which precision ingest computes document vectors: the `document_precision` setting and what "auto" means.

bfloat16 runs the model about 2.5x faster on a CPU that computes it natively (x86 AVX512-BF16 or AMX-BF16) and
gives vectors with cosine >= 0.9999 to fp32 ones; where it would be emulated it is slower than fp32, so "auto"
picks it only on such CPUs. Vectors are stored as float32 either way; the precision they were computed at is
recorded in the index manifest, and vectors of different precisions are never mixed in one index.
"""

from __future__ import annotations

from collections.abc import Callable

from faqbot.errors import SettingsError

PRECISIONS = ("auto", "fp32", "bf16")


def check(setting: str) -> str:
    """`setting` when it names a precision, else a SettingsError listing the choices."""
    if setting not in PRECISIONS:
        raise SettingsError(f"document_precision must be one of {', '.join(PRECISIONS)}, got {setting!r}")
    return setting


def native_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively, as torch detects it (imports torch: ingest only).

    Only the x86 features measured here count; elsewhere "auto" keeps fp32 (set "bf16" to try it)."""
    import torch

    capabilities = torch.cpu.get_capabilities()
    return bool(capabilities.get("avx512_bf16") or capabilities.get("amx_bf16"))


def effective(setting: str, native: Callable[[], bool] = native_bf16) -> str:
    """The precision vectors are computed at: "fp32" or "bf16"; "auto" asks `native()` (the CPU)."""
    if check(setting) != "auto":
        return setting
    return "bf16" if native() else "fp32"


def satisfies(stored: str, setting: str) -> bool:
    """Whether an index computed at `stored` precision can stay as it is under `setting`, corpus unchanged.

    "auto" is a speed choice, not a quality one: it keeps either (and decides without importing torch, so an
    unchanged re-ingest stays fast). An explicit "fp32" or "bf16" wants its own."""
    return setting == "auto" or stored == setting

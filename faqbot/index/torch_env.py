"""The environment torch and transformers need, set before either is first imported: by the encoders here and by
the fits of faqbot/learning, which import this alone (not the encoders, whose store loads the learned adapter)."""

from __future__ import annotations

import os


def before_torch() -> None:
    """Environment for torch and transformers, set before either is first imported (values already set win)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing reaches the network at run time
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no loading chatter in our output
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # transformers 5's "Loading weights" bar obeys this
    # torch's OpenMP threads spin while they wait for each other. When another process holds one of the cores
    # (the patient app answering while staff rebuild the index, any other job), a 2-thread encode ran 7x slower
    # than 1 thread (~30 vs ~220 texts/s); waiting passively gave 130-240 (docs/BENCHMARKS.md, section b).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

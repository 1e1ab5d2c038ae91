"""faqbot: a patient FAQ assistant that answers only from a clinic's own documents.

Usage::

    from faqbot import load_settings, Engine
    engine = Engine.from_settings(load_settings())
    answer = engine.ask("how long does the redness last?", k=3)
"""

import os

# Before anything imports gradio: the web apps never phone home (they also pass analytics_enabled=False), and
# gradio skips regenerating its type stubs at import (half its import time; see faqbot/patient/gradio_startup.py).
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from faqbot.patient.gradio_startup import skip_stub_regeneration  # noqa: E402

skip_stub_regeneration()

from faqbot.answering.engine import Engine  # noqa: E402
from faqbot.models import Answer, Hit, Passage  # noqa: E402
from faqbot.settings import Settings, load_settings  # noqa: E402

__all__ = ["Answer", "Engine", "Hit", "Passage", "Settings", "load_settings"]
__version__ = "0.1.0"

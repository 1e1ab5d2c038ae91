"""faqbot: a patient FAQ assistant that answers only from a clinic's own documents.

Usage::

    from faqbot import load_settings, Engine
    engine = Engine.from_settings(load_settings())
    answer = engine.ask("how long does the redness last?", k=3)
"""

from faqbot.engine import Engine
from faqbot.models import Answer, Hit, Passage
from faqbot.settings import Settings, load_settings

__all__ = ["Answer", "Engine", "Hit", "Passage", "Settings", "load_settings"]
__version__ = "0.1.0"

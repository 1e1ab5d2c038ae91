"""One settings object, built in one place: defaults < config file < FAQBOT_* environment < flags.

Usage::

    settings = load_settings(index_dir="other-index")   # flags win over everything
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from faqbot.errors import SettingsError
from faqbot.index import precision

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
CONFIG_ENV = "FAQBOT_CONFIG"
DEFAULT_CONFIG = Path("faqbot.toml")


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    data_dir: Path = Path("data")
    model: str = DEFAULT_MODEL
    # How questions are embedded: "onnx" (ONNX Runtime, fp32, no torch), "onnx-int8" or "torch" (the reference).
    encoder: str = "onnx"
    encoder_threads: int = 1  # ONNX Runtime threads per question while others are answered; 1 serves the most
    encoder_threads_alone: int = 2  # ... for a question answered alone: the second core shortens its wait
    index_kind: str = "auto"  # vector index: "auto" (exact below 50k passages, HNSW above), "flat" or "hnsw"
    # Precision of the document vectors ingest computes: "auto" (bf16 where the CPU has native bf16, else fp32),
    # "fp32" or "bf16". Questions are always embedded in fp32.
    document_precision: str = "auto"
    synonyms_file: Path = Path(__file__).parent / "data" / "synonyms.txt"  # lay words and the documents' words
    # The clinic's warning signs after its treatments (docs/warning-signs.md); the default holds signs of infection,
    # bleeding and pain common to every specialty. Crises and emergencies are checked whatever this file says.
    warning_signs: Path = Path(__file__).parent / "data" / "warning_signs.toml"
    top_k: int = 3
    # The clinic's own labelled questions (eval/ format) that ingest learns the query adapter from
    # (faqbot/learning/adapter.py); optional: when the file is missing there is no adapter. No default set ships.
    # The adapter brings its own no_match thresholds, chosen by cross-validation so that at most
    # max_in_scope_fallbacks of the labelled in-scope questions fall back, and at most
    # max_in_scope_fallbacks_with_margin once the look-alike margin catches its share (adapter_bars.py).
    training_questions: Path = Path("labelled_questions.jsonl")
    max_in_scope_fallbacks: float = 0.02
    max_in_scope_fallbacks_with_margin: float = 0.03
    # Without a query adapter, ingest learns the no_match bars from the documents and a generic pool of questions
    # they don't answer (faqbot/learning/calibration.py); the two below are then floors. false: these two alone.
    no_match_calibration: bool = True
    # no_match thresholds on the best (passage + sentence) / 2 cosine similarity for an index without an adapter;
    # chosen for the default model on the labelled dev set (python -m faqbot eval --sweep).
    min_similarity: float = 0.14
    min_similarity_unknown_words: float = 0.22
    max_question_chars: int = 1000
    host: str = "127.0.0.1"
    port: int = 7860
    staff_host: str = "127.0.0.1"
    staff_port: int = 7861  # the staff workspace: its own port, behind a login
    retention_days: int = 90  # questions older than this are deleted for good
    staff_idle_minutes: int = 30  # a staff session ends after this long without a request
    staff_session_hours: int = 12  # ... and this long after signing in, whatever
    audit_retention_days: int = 2190  # audit entries (who did what) are kept 6 years, as HIPAA keeps its records
    pin_similarity: float = 0.8  # cosine to an approved question from which its pinned answer is shown
    review_below_score: float = 0.35  # answers whose best score is lower go to the staff review queue
    concurrent_answers: int = 2  # questions answered at the same time; more wait in the queue
    queue_size: int = 64  # questions waiting beyond this get busy_message
    # Each app server's own limits, behind the proxy's (faqbot/deploy/app_server.py): a request must arrive whole
    # within request_seconds of its first byte, and beyond max_connections open at once uvicorn answers 503.
    request_seconds: int = 20
    max_connections: int = 2000
    clinic_name: str = "Our clinic"
    clinic_phone: str = "(555) 010-0000"
    clinic_website: str = "https://example.com"
    emergency_number: str = "911"  # the country's emergency services
    crisis_line: str = "988"  # a suicide and crisis line, by call or text (988 in the US)
    fallback_message: str = (
        "I couldn't find this in our materials. Please contact {clinic_name} at {clinic_phone} "
        "or {clinic_website} and our team will be glad to help."
    )
    # Shown alone, before anything else, when a message describes a crisis (suicide, self-harm, an overdose).
    crisis_message: str = (
        "I'm really sorry you're going through this. You don't have to face it alone, and help is there right now: "
        "call or text {crisis_line} to talk with someone who can help, any time of day or night. If you might act on "
        "these thoughts or have already hurt yourself, call {emergency_number} now or go to the nearest emergency "
        "department."
    )
    # Shown alone, before anything else, when a message describes something life-threatening now.
    emergency_message: str = (
        "This could be a medical emergency. Call {emergency_number} now, or go to the nearest emergency "
        "department. Don't wait for a reply here."
    )
    # Shown first when a message describes one of the clinic's warning signs (warning_signs).
    escalation_message: str = (
        "What you describe can be a warning sign after a treatment. Please contact {clinic_name} "
        "now at {clinic_phone}. If you have trouble breathing, swelling of the lips, tongue or "
        "throat, or you feel very unwell, call {emergency_number} right away."
    )
    # A message in a language the documents are not in.
    other_language_message: str = (
        "Sorry, I can only read questions in English. Please call {clinic_name} at {clinic_phone}. "
        "In an emergency, call {emergency_number}; if you are thinking of harming yourself, call or text "
        "{crisis_line}. / Lo siento, solo puedo leer preguntas en inglés. Llame a {clinic_name} al {clinic_phone}. "
        "En caso de emergencia, llame al {emergency_number}; si piensa en hacerse daño, llame o envíe un mensaje al "
        "{crisis_line}."
    )
    disclaimer: str = (
        "General information from our patient materials - not a diagnosis or personal medical advice. "
        "If you are worried about your skin after a treatment, call us at {clinic_phone}."
    )
    too_long_message: str = (
        "That message is too long for me (over {max_question_chars} characters). "
        "Please ask one short question at a time."
    )
    error_message: str = (
        "Sorry, something went wrong on our side. Please try again in a moment, or call {clinic_name} at "
        "{clinic_phone}."
    )
    busy_message: str = (
        "Many people are asking questions right now. Please try again in a minute, or call {clinic_name} at "
        "{clinic_phone}."
    )
    example_questions: tuple[str, ...] = (
        "How long does the redness last?",
        "How many sessions will I need?",
        "When can I wear makeup again?",
        "Does microneedling hurt?",
    )

    def __post_init__(self) -> None:
        if self.encoder_threads < 1 or self.encoder_threads_alone < 1:
            raise SettingsError(f"encoder_threads and encoder_threads_alone must be at least 1, got "
                                f"{self.encoder_threads} and {self.encoder_threads_alone}")
        if self.top_k < 1:
            raise SettingsError(f"top_k must be >= 1, got {self.top_k}")
        if not 1 <= self.port <= 65535:
            raise SettingsError(f"port must be between 1 and 65535, got {self.port}")
        if min(self.staff_idle_minutes, self.staff_session_hours) < 1:
            raise SettingsError(f"staff_idle_minutes and staff_session_hours must be >= 1, got "
                                f"{self.staff_idle_minutes} and {self.staff_session_hours}")
        if self.retention_days < 1 or self.audit_retention_days < 1:
            raise SettingsError(f"retention_days and audit_retention_days must be >= 1, got {self.retention_days} "
                                f"and {self.audit_retention_days}")
        if self.concurrent_answers < 1 or self.queue_size < 1:
            raise SettingsError(
                f"concurrent_answers and queue_size must be >= 1, got {self.concurrent_answers}, {self.queue_size}"
            )
        if self.request_seconds < 1 or self.max_connections < 1:
            raise SettingsError(f"request_seconds and max_connections must be >= 1, got {self.request_seconds} and "
                                f"{self.max_connections}")
        precision.check(self.document_precision)
        if not 0 <= self.max_in_scope_fallbacks < 1:
            raise SettingsError(f"max_in_scope_fallbacks must be from 0 to 1, got {self.max_in_scope_fallbacks}")
        if not self.max_in_scope_fallbacks <= self.max_in_scope_fallbacks_with_margin < 1:
            raise SettingsError("max_in_scope_fallbacks_with_margin must be from max_in_scope_fallbacks "
                                f"({self.max_in_scope_fallbacks}) to 1, got {self.max_in_scope_fallbacks_with_margin}")
        if self.max_question_chars < 10:
            raise SettingsError(f"max_question_chars must be >= 10, got {self.max_question_chars}")
        for name in _MESSAGES:
            try:
                self.clinic_text(getattr(self, name))
            except (KeyError, IndexError, ValueError) as exc:
                raise SettingsError(
                    f"Setting {name} has a placeholder that can't be filled ({exc}); use only {{clinic_name}}, "
                    "{clinic_phone}, {clinic_website}, {emergency_number}, {crisis_line} and {max_question_chars}, "
                    "and write { and } as {{ and }}"
                ) from None

    def clinic_text(self, template: str) -> str:
        """Fill a clinic message template ({clinic_name}, {clinic_phone}, {clinic_website}, {emergency_number},
        {crisis_line}, {max_question_chars})."""
        return template.format(
            clinic_name=self.clinic_name,
            clinic_phone=self.clinic_phone,
            clinic_website=self.clinic_website,
            emergency_number=self.emergency_number,
            crisis_line=self.crisis_line,
            max_question_chars=self.max_question_chars,
        )

    def retention_cutoff(self, now: datetime | None = None) -> datetime:
        """Questions asked before this moment are past the retention period."""
        return (now or datetime.now(UTC)) - timedelta(days=self.retention_days)

    def audit_cutoff(self, now: datetime | None = None) -> datetime:
        """Audit entries made before this moment are past their retention period."""
        return (now or datetime.now(UTC)) - timedelta(days=self.audit_retention_days)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **_coerce_all(changes, "override"))


_MESSAGES = ("fallback_message", "crisis_message", "emergency_message", "escalation_message",
             "other_language_message", "disclaimer", "too_long_message", "error_message", "busy_message")


def _coerce(name: str, value: Any, origin: str) -> Any:
    kinds = {f.name: f.type for f in fields(Settings)}
    if name not in kinds:
        known = ", ".join(sorted(kinds))
        raise SettingsError(f"Unknown setting {name!r} in {origin} (known settings: {known})")
    kind = kinds[name]
    try:
        if kind == "Path":
            return Path(value)
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":  # TOML true / false, or true / false / 1 / 0 in the environment
            return _boolean(value)
        if kind == "tuple[str, ...]":  # a TOML list, or "a | b | c" in the environment
            items = value.split("|") if isinstance(value, str) else list(value)
            return tuple(str(item).strip() for item in items if str(item).strip())
        return str(value)
    except (TypeError, ValueError):
        raise SettingsError(f"Setting {name} in {origin} must be a {kind}, got {value!r}") from None


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off"):
        return False
    raise ValueError(value)


def _coerce_all(values: dict[str, Any], origin: str) -> dict[str, Any]:
    return {name: _coerce(name, value, origin) for name, value in values.items() if value is not None}


def _from_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"Config file {path} is not valid TOML ({exc}); fix it or remove it") from None
    except OSError as exc:
        raise SettingsError(f"Cannot read config file {path} ({exc.strerror})") from None
    flat: dict[str, Any] = {}
    for key, value in data.items():  # a [clinic] table is allowed for readability
        if isinstance(value, dict):
            flat.update({f"{key}_{k}" if not k.startswith(key) else k: v for k, v in value.items()})
        else:
            flat[key] = value
    return _coerce_all(flat, str(path))


def _from_env(environ: dict[str, str]) -> dict[str, Any]:
    names = {f.name for f in fields(Settings)}
    values = {
        key[len("FAQBOT_") :].lower(): value
        for key, value in environ.items()
        if key.startswith("FAQBOT_") and key != CONFIG_ENV
    }
    return _coerce_all({k: v for k, v in values.items() if k in names}, "the environment")


def load_settings(config_file: Path | None = None, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Build the settings; `overrides` are command-line flags (None means "not given")."""
    environ = dict(os.environ) if environ is None else environ
    values: dict[str, Any] = {}
    path = config_file or (Path(environ[CONFIG_ENV]) if environ.get(CONFIG_ENV) else None)
    if path is not None and not path.is_file():
        raise SettingsError(f"Config file {path} does not exist (set {CONFIG_ENV} to an existing TOML file)")
    if path is None and DEFAULT_CONFIG.is_file():
        path = DEFAULT_CONFIG
    if path is not None:
        values.update(_from_file(path))
    values.update(_from_env(environ))
    values.update(_coerce_all(overrides, "a command-line flag"))
    return Settings(**values)

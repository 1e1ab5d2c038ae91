"""Is a message in a language the documents are not in? English with typos and rare medical words is English."""

import pytest

from faqbot.safety.language import other_language

DOCUMENT_WORDS = {"microneedling", "redness", "sessions", "collagen"}


def known(word: str) -> bool:
    return word in DOCUMENT_WORDS


@pytest.mark.parametrize("message", [
    "¿cuánto cuesta una sesión y cuándo tienen citas disponibles?",
    "necesito cancelar mi cita de mañana, lo siento",
    "quanto custa o tratamento e quantas sessões preciso?",
    "mài vi kim giá bao nhiêu vậy?",
    "这个治疗需要多长时间",
    "сколько стоит процедура?",
])
def test_other_languages_are_recognised(message):
    assert other_language(message, known)


@pytest.mark.parametrize("message", [
    "how many sesions of microneedling do i ned",
    "What is (are) Myasthenia Gravis ?",
    "Is bakuchiol a good alternative to retinol?",
    "can a dermatologist freeze off seborrheic keratosis",
    "Trigem Neuralgia.",
    "late cancelation fee?",
    "ok",
    "",
])
def test_english_with_typos_and_rare_words_is_english(message):
    assert not other_language(message, known)

"""One settings object: the clinic's file, the environment and flags, in that order; bad values refused."""

import pytest

from faqbot.errors import SettingsError
from faqbot.settings import load_settings
from tests.conftest import ROOT


def test_the_clinic_file_sets_contact_messages_and_example_questions(tmp_path):
    config = tmp_path / "clinic.toml"
    config.write_text('example_questions = ["Does it hurt?", "How long is recovery?"]\n'
                      'disclaimer = "Call {clinic_name}."\n[clinic]\nname = "Bright Skin"\n')
    settings = load_settings(config, environ={})
    assert settings.example_questions == ("Does it hurt?", "How long is recovery?")
    assert settings.clinic_text(settings.disclaimer) == "Call Bright Skin."


def test_the_environment_overrides_the_file_and_flags_override_both(tmp_path):
    config = tmp_path / "clinic.toml"
    config.write_text("queue_size = 10\n")
    environ = {"FAQBOT_QUEUE_SIZE": "20", "FAQBOT_EXAMPLE_QUESTIONS": "Does it hurt? | Is it safe?"}
    settings = load_settings(config, environ=environ, concurrent_answers=3)
    assert (settings.queue_size, settings.concurrent_answers) == (20, 3)
    assert settings.example_questions == ("Does it hurt?", "Is it safe?")


def test_a_message_with_an_unknown_placeholder_is_refused_with_the_fix(tmp_path):
    config = tmp_path / "clinic.toml"
    config.write_text('fallback_message = "Call {clinic_phon}"\n')
    with pytest.raises(SettingsError, match="fallback_message has a placeholder"):
        load_settings(config, environ={})


def test_the_repository_config_file_loads():
    settings = load_settings(ROOT / "faqbot.toml", environ={})
    assert settings.clinic_name != "Our clinic" and len(settings.example_questions) >= 3


def test_encoder_threads_below_one_are_refused(tmp_path):
    assert load_settings(environ={"FAQBOT_ENCODER_THREADS_ALONE": "1"}).encoder_threads_alone == 1
    with pytest.raises(SettingsError, match="encoder_threads and encoder_threads_alone must be at least 1"):
        load_settings(environ={"FAQBOT_ENCODER_THREADS_ALONE": "0"})


def test_the_margins_fallback_budget_may_not_be_below_the_bars_own():
    same = load_settings(environ={"FAQBOT_MAX_IN_SCOPE_FALLBACKS_WITH_MARGIN": "0.02"})
    assert same.max_in_scope_fallbacks_with_margin == same.max_in_scope_fallbacks == 0.02
    with pytest.raises(SettingsError, match="max_in_scope_fallbacks_with_margin must be from max_in_scope_fallbacks"):
        load_settings(environ={"FAQBOT_MAX_IN_SCOPE_FALLBACKS_WITH_MARGIN": "0.01"})


def test_a_yes_or_no_setting_reads_true_and_false_from_the_file_and_the_environment(tmp_path):
    config = tmp_path / "faqbot.toml"
    config.write_text("no_match_calibration = false\n", encoding="utf-8")
    assert load_settings(config, environ={}).no_match_calibration is False
    assert load_settings(config, environ={"FAQBOT_NO_MATCH_CALIBRATION": "true"}).no_match_calibration is True
    with pytest.raises(SettingsError, match="Setting no_match_calibration in the environment must be a bool"):
        load_settings(environ={"FAQBOT_NO_MATCH_CALIBRATION": "maybe"})

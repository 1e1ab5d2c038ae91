"""The no_match classifier experiment (bench/scope_classifier.py, not kept): its maths and its topic words."""

import numpy as np

from bench.scope_classifier import cross_validated, fit_logistic, predict, threshold_for, topic, without_topic


def test_the_topic_is_the_terms_in_half_the_passages_and_the_prefix_their_commonest_word():
    texts = ["Microneedling heals skin.", "Microneedling and skin care.", "Sunscreen after microneedling.",
             "Makeup after a day."]
    word, terms = topic(texts)
    assert word == "microneedling"
    assert terms == frozenset({"microneedl", "skin"})  # 'after' is in half of them too, but a stop word


def test_removing_the_topic_keeps_the_question_s_own_words():
    assert without_topic("can I microneedle while pregnant", frozenset({"microneedl"})) == "can I while pregnant"
    assert without_topic("Needles in the skin?", frozenset({"needl", "skin"})) == "in the ?"


def test_the_fit_learns_which_way_a_signal_points_and_its_probabilities_are_calibrated_to_the_labels():
    rng = np.random.default_rng(0)
    x = np.column_stack([np.r_[rng.normal(0.6, 0.1, 200), rng.normal(0.2, 0.1, 200)], rng.normal(0, 1, 400)])
    y = np.r_[np.zeros(200), np.ones(200)]  # out of scope = low similarity; the second column is noise
    fitted = fit_logistic(x, y)
    assert fitted[2][0] < -2 and abs(fitted[2][1]) < 0.3
    p = predict(fitted, x)
    assert abs(p.mean() - y.mean()) < 1e-6  # a logistic fit with a free bias matches the base rate exactly


def test_cross_validated_predictions_come_from_models_that_did_not_see_the_question():
    x = np.array([[0.0], [0.0], [0.0], [1.0], [1.0], [1.0]] * 5)
    y = np.array([0, 0, 1, 1, 1, 0] * 5, dtype=float)  # one label in three contradicts its signal
    held_out = cross_validated(x, y, folds=5, repeats=2)
    assert held_out.shape == (30,) and np.all((held_out > 0) & (held_out < 1))
    assert held_out[x[:, 0] == 1].min() > held_out[x[:, 0] == 0].max()


def test_the_threshold_lets_exactly_the_allowed_share_of_answerable_questions_fall_back():
    p = np.array([0.9, 0.8, 0.7, 0.1] + [0.05] * 96)  # 100 answerable questions
    assert threshold_for(p, 0.02) == (0.8 + 0.7) / 2  # 2 % of 100: the two highest fall back, 0.7 does not
    assert threshold_for(p, 0.0) == (1.0 + 0.9) / 2  # none may fall back
    assert (p >= threshold_for(p, 0.03)).sum() == 3

"""The escalation second opinion: speaks only where the rules found no crisis or emergency, applies only to the
embedding model it was learned for, and is shipped learned from the examples beside it."""

import hashlib

import numpy as np

from faqbot.models import Escalation
from faqbot.safety import model
from faqbot.safety.model import EXAMPLES, MODEL_FILE, EscalationModel, for_index, learn
from faqbot.safety.signs import UrgentCheck
from faqbot.settings import DEFAULT_MODEL

DIMENSION = 8
CALM = UrgentCheck(False, (), "no warning sign mentioned")


def toy() -> EscalationModel:
    """One crisis example on the first axis, one emergency on the second; a score is 1 at its example, 0.14 at the
    other axes (gamma 1, distance 2), and its bar is 0.5."""
    examples = np.eye(2, DIMENSION, dtype=np.float32)
    return EscalationModel("toy", "", examples, np.array(["crisis", "emergency"]), np.eye(2, dtype=np.float32),
                           np.zeros(2, np.float32), 1.0, np.full(2, 0.5, np.float32), "")


def test_the_second_opinion_names_the_kind_over_its_bar_and_keeps_the_rules_crisis_or_emergency():
    axes = np.eye(DIMENSION, dtype=np.float32)
    crisis = toy().second_opinion(axes[0], CALM)
    assert crisis.urgent and crisis.escalation is Escalation.CRISIS and crisis.signals == ("described like a crisis",)
    assert toy().second_opinion(axes[1], CALM).escalation is Escalation.EMERGENCY
    assert toy().second_opinion(axes[2], CALM) == CALM  # under both bars
    assert toy().second_opinion(np.full(DIMENSION, np.nan, np.float32), CALM) == CALM
    ruled = UrgentCheck(True, ("seizure",), "warning sign described: seizure", False, Escalation.EMERGENCY)
    assert toy().second_opinion(axes[0], ruled) == ruled
    clinic = UrgentCheck(True, ("pus",), "warning sign described: pus", False, Escalation.CLINIC)
    assert toy().second_opinion(axes[0], clinic).escalation is Escalation.CRISIS  # more serious than the clinic's


def test_it_applies_only_to_the_embedding_model_it_was_learned_for(tmp_path):
    path = tmp_path / "model.npz"
    toy().save(path)
    assert for_index("toy", "", DIMENSION, path) is not None
    assert for_index("another-model", "", DIMENSION, path) is None
    assert for_index("toy", "", DIMENSION * 2, path) is None
    path.write_text("{not a model", encoding="utf-8")
    assert for_index("toy", "", DIMENSION, path) is None  # unreadable: the rules decide alone


def test_each_bar_lets_through_the_share_of_other_examples_it_was_set_for():
    rng = np.random.default_rng(0)
    kinds = np.array(["crisis"] * 40 + ["emergency"] * 40 + ["calm"] * 200)
    centres = {"crisis": 0, "emergency": 1, "calm": 2}
    vectors = rng.normal(0, 0.3, (len(kinds), DIMENSION)).astype(np.float32)
    vectors[np.arange(len(kinds)), [centres[k] for k in kinds]] += 2.0
    learned = learn(vectors, kinds, false_alarm_share=0.05, folds=4)
    found = EscalationModel("toy", "", vectors, kinds, learned.coefficients, learned.intercepts, learned.gamma,
                            learned.bars, "")
    scores = np.array([found.scores(v) for v in vectors])
    bars = learned.bars
    assert (scores[kinds == "calm"] >= bars).mean(axis=0).max() <= 0.05
    assert (scores[kinds == "crisis", 0] >= bars[0]).mean() > 0.9
    assert (scores[kinds == "emergency", 1] >= bars[1]).mean() > 0.9


def test_its_scores_are_the_support_vector_machines_it_was_learned_as():
    from sklearn.svm import SVC

    rng = np.random.default_rng(1)
    kinds = np.array(["crisis"] * 30 + ["emergency"] * 30 + ["calm"] * 90)
    vectors = rng.normal(0, 1, (len(kinds), DIMENSION)).astype(np.float32)
    vectors[kinds == "crisis", 0] += 1.5
    learned = learn(vectors, kinds, folds=3)
    found = EscalationModel("toy", "", vectors, kinds, learned.coefficients, learned.intercepts, learned.gamma,
                            learned.bars, "")
    machine = SVC(C=10.0, gamma=learned.gamma, class_weight="balanced").fit(vectors.astype(np.float64),
                                                                           kinds == "crisis")
    expected = machine.decision_function(vectors[:5].astype(np.float64))
    assert np.allclose([found.scores(v)[0] for v in vectors[:5]], expected, atol=1e-3)


def test_the_shipped_model_was_learned_from_the_shipped_examples_for_the_default_model():
    shipped = EscalationModel.load(MODEL_FILE)
    assert shipped.model == DEFAULT_MODEL
    assert shipped.examples_sha256 == hashlib.sha256(EXAMPLES.read_bytes()).hexdigest()[:16], (
        "the examples changed: run python -m faqbot.safety.relearn")
    texts, kinds = model.load_examples()
    assert len(texts) == len(kinds) and set(kinds) <= {"crisis", "emergency", "clinic", "calm", "foreign"}


def test_a_message_calling_what_it_describes_mild_is_not_an_emergency_by_the_second_opinion():
    axes = np.eye(DIMENSION, dtype=np.float32)
    assert toy().second_opinion(axes[1], CALM, hedged=True) == CALM
    assert toy().second_opinion(axes[0], CALM, hedged=True).escalation is Escalation.CRISIS  # put mildly, still one


def test_an_overdose_told_as_an_accident_is_an_emergency_by_the_second_opinion():
    """"took my mum's pills thinking they were my paracetamol": a crisis in the examples' eyes, an emergency in fact."""
    axes = np.eye(DIMENSION, dtype=np.float32)
    found = toy().second_opinion(axes[0], CALM, accidental=True)
    assert found.escalation is Escalation.EMERGENCY and "accident" in found.explanation
    assert toy().second_opinion(axes[1], CALM, accidental=True).escalation is Escalation.EMERGENCY


def test_it_names_a_kind_only_when_an_example_of_that_kind_is_among_the_nearest():
    """Over its bar, but next to calm examples only: silent (a kernel score can rise far from its kind)."""
    examples = np.eye(DIMENSION, dtype=np.float32)  # one example per axis: calm on 0-6, a crisis on 7
    kinds = np.array(["calm"] * 7 + ["crisis"])
    coefficients = np.zeros((2, DIMENSION), np.float32)
    coefficients[0, [0, 7]] = 1.0  # the crisis score is high at the calm example on axis 0 too
    found = EscalationModel("toy", "", examples, kinds, coefficients, np.zeros(2, np.float32), 1.0,
                            np.full(2, 0.5, np.float32), "")
    assert found.second_opinion(examples[7], CALM).escalation is Escalation.CRISIS
    near_calm = examples[0] + 0.1 * examples[1:6].sum(axis=0)  # nearest: axes 0-5, all calm
    assert found.scores(near_calm)[0] >= 0.5
    assert found.second_opinion(near_calm, CALM) == CALM

"""Answers by example: labelled questions lift their answer passages for questions much like them, and an
out-of-scope one sends its look-alikes to the fallback."""

from dataclasses import replace

import numpy as np
import pytest

from faqbot.answering.engine import Engine
from faqbot.answering.neighbours import NEVER, Neighbours, lift
from faqbot.index.build import ingest
from faqbot.learning import adapter, adapter_bars, adapter_fit
from faqbot.learning.adapter import TrainingQuestion
from faqbot.models import Status
from tests.learning.test_adapter import FAST, lessons, swapped_problem, unit  # noqa: F401 (lessons is a fixture)

EXAMPLES = Neighbours(
    vectors=np.eye(3, dtype=np.float32),
    answers=((4,), (4, 7), ()),
    questions=("can i wear makeup after", "which foundation is ok", "is there parking"),
    phrases=(("mineral makeup",), ("mineral makeup", "the day after"), ()),
    weight=0.4, floor=0.5, highlight_from=0.7, out_of_scope_bar=0.8,
)


def test_each_passage_is_lifted_by_its_nearest_example_above_the_floor():
    similarities = np.array([0.9, 0.6, 0.95])
    lifts = lift(similarities, EXAMPLES.answers, 0.4, 0.5)
    assert {p: up.value for p, up in lifts.items()} == pytest.approx({4: 0.16, 7: 0.04})
    assert (lifts[4].example, lifts[7].example) == (0, 1)
    assert EXAMPLES.lift(np.array([0.5, 0.3, 0.1])) == {}  # at the floor: nothing


def test_a_question_nearest_an_out_of_scope_example_falls_back_only_at_the_bar():
    like = EXAMPLES.out_of_scope(np.array([0.7, 0.6, 0.85]))
    assert (like.question, like.similarity, like.answerable) == ("is there parking", pytest.approx(0.85),
                                                                  pytest.approx(0.7))
    assert EXAMPLES.out_of_scope(np.array([0.7, 0.6, 0.75])) is None  # below the bar
    assert EXAMPLES.out_of_scope(np.array([0.9, 0.6, 0.85])) is None  # an in-scope example is nearer
    assert replace(EXAMPLES, out_of_scope_bar=NEVER).out_of_scope(np.array([0, 0, 1.0])) is None


def test_below_the_bar_an_out_of_scope_example_must_lead_every_in_scope_one_by_the_margin():
    margin = replace(EXAMPLES, out_of_scope_margin=0.1)
    like = margin.out_of_scope(np.array([0.3, 0.2, 0.45]))  # 0.45 leads 0.3 by 0.15
    assert like is not None and like.reason() == ("most like the labelled out-of-scope question 'is there parking' "
                                                  "(similarity 0.45; the nearest answerable one 0.30)")
    assert margin.out_of_scope(np.array([0.4, 0.2, 0.45])) is None  # leads by 0.05 only
    assert margin.out_of_scope(np.array([0.5, 0.2, 0.45])) is None  # an in-scope example is nearer
    assert EXAMPLES.out_of_scope(np.array([0.3, 0.2, 0.45])) is None  # no margin: the bar alone
    assert margin.out_of_scope(np.array([0.35, 0.2, 0.45])) is not None  # a lead of exactly the margin counts


def test_the_margin_counts_labelled_examples_only_not_a_pin_marking_a_question_not_covered():
    """A staff pin with no passages joins the examples (pins.py); cross-validation chose the margin without pins, so
    only the bar (and the pin's own similarity) sends its look-alikes to the fallback."""
    pinned = replace(EXAMPLES, out_of_scope_margin=0.1).extended(
        np.array([[0.0, 0.0, 0.6]], dtype=np.float32), [()], ["do you sell vouchers"])
    assert pinned.out_of_scope(np.array([0.3, 0.2, 0.1, 0.45])) is None  # the pin leads by 0.15
    assert pinned.out_of_scope(np.array([0.3, 0.2, 0.1, 0.85])).question == "do you sell vouchers"  # the bar
    assert pinned.out_of_scope(np.array([0.3, 0.2, 0.45, 0.1])).question == "is there parking"


def test_without_in_scope_examples_the_margin_never_catches():
    alone = replace(EXAMPLES, answers=((), (), ()), out_of_scope_margin=0.1)
    assert alone.out_of_scope(np.array([0.3, 0.2, 0.45])) is None
    assert alone.out_of_scope(np.array([0.3, 0.2, 0.85])).reason() == \
        "most like the labelled out-of-scope question 'is there parking' (similarity 0.85)"


def test_cross_validation_turns_the_margin_on_only_when_it_catches_more_within_the_fallback_budget():
    """Held-out out-of-scope questions whose nearest example is out of scope by 0.2 and in-scope ones led by at
    most 0.05: a margin between them catches the first and none of the second; the similarity bars can't."""
    inside = np.array([True] * 10 + [False] * 5)
    nearest = np.full(15, 0.5)
    out = np.array([False] * 8 + [True] * 7)
    lead = np.array([-0.1] * 8 + [0.05, 0.05] + [0.2] * 5)
    held = adapter.HeldOut(np.zeros((15, 2)), np.zeros((15, 1)), nearest, out, lead)
    bars = adapter_bars.choose_bars(np.full(15, 0.5), held, inside, np.zeros(15, dtype=bool), FAST)
    assert 0.05 < bars.margin <= 0.2
    assert held.falls(np.full(15, 0.5), np.zeros(15, dtype=bool), bars).tolist() == [False] * 10 + [True] * 5
    unhelpful = adapter.HeldOut(np.zeros((15, 2)), np.zeros((15, 1)), nearest, out, np.where(inside, 0.2, 0.05))
    assert adapter_bars.choose_bars(np.full(15, 0.5), unhelpful, inside, np.zeros(15, dtype=bool), FAST).margin == NEVER


def test_the_margin_may_spend_its_own_budget_but_the_similarity_bars_only_theirs():
    """40 in-scope and 10 out-of-scope held-out questions. One in-scope question scores 0.1 (a similarity bar above
    it costs 2.5 %), another is led by an out-of-scope example by 0.1 (so does a margin of 0.1). The bars keep within
    max_in_scope_fallbacks (2 %) and leave the low one answered; the margin may take in-scope fallbacks to
    max_in_scope_fallbacks_with_margin: at 3 % it catches the five out-of-scope questions led by 0.1 too."""
    inside = np.array([True] * 40 + [False] * 10)
    best = np.where(np.arange(50) == 0, 0.1, 0.5)
    lead = np.array([-0.1] * 39 + [0.1] + [0.2] * 5 + [0.1] * 5)
    held = adapter.HeldOut(np.zeros((50, 2)), np.zeros((50, 1)), np.full(50, 0.5), lead > 0, lead)
    unknown = np.zeros(50, dtype=bool)
    strict = adapter_bars.choose_bars(best, held, inside, unknown,
                                      replace(FAST, max_in_scope_fallbacks_with_margin=0.02))
    assert strict.low <= 0.1 and strict.margin > 0.1
    assert held.falls(best, unknown, strict)[~inside].mean() == 0.5
    wider = adapter_bars.choose_bars(best, held, inside, unknown,
                                     replace(FAST, max_in_scope_fallbacks_with_margin=0.03))
    assert wider.low == strict.low and wider.margin == pytest.approx(0.1)
    assert held.falls(best, unknown, wider)[~inside].all() and held.falls(best, unknown, wider)[inside].sum() == 1


def test_cross_validation_sets_an_example_bar_when_out_of_scope_questions_recur():
    """Out-of-scope questions asked again in other words, each close to a passage and with no direction in common:
    no similarity bar or linear map separates them, their earlier askings do."""
    questions, passages, sentences, rows = swapped_problem()
    rng = np.random.default_rng(7)
    recurring = []
    for topic in range(12):
        centre = passages[topic % 6] + 0.5 * unit(rng.standard_normal(12))
        recurring += [TrainingQuestion(unit(centre + 0.03 * rng.standard_normal(12)), (), False) for _ in range(3)]
    learned = adapter.train(questions + recurring, passages, sentences, rows, FAST)
    assert learned.neighbours.out_of_scope_bar < NEVER
    assert learned.validation.out_of_scope_by_example >= 0.8
    assert learned.validation.in_scope_fallbacks <= FAST.max_in_scope_fallbacks
    assert learned.neighbours.vectors.shape == (36 + 36, 12)
    assert learned.neighbours.answers[:6] == ((0,),) * 6 and learned.neighbours.answers[-1] == ()


def test_cross_validation_never_lets_a_question_find_itself():
    """Seen by itself (the same vector, moved by the same adapter) a question would be its own nearest example at
    similarity 1; held out, its nearest is another question."""
    questions, passages, sentences, rows = swapped_problem()
    problem = adapter_fit.build_problem(questions, passages, sentences, rows, FAST)
    held = adapter_bars.cross_validate(problem, questions, FAST)
    assert held.nearest.max() < 0.999 and (held.nearest > 0).all()


def test_the_example_bar_stays_a_margin_above_every_answerable_question():
    """Two in-scope questions of ten have an out-of-scope nearest example at 0.88: the bar goes above them by the
    margin (0.90, the lowest bar catching neither, + 0.05), however much out-of-scope recall a lower one would add."""
    inside = np.array([True] * 10 + [False] * 5)
    best = np.full(15, 0.5)  # the similarity bars can't tell them apart
    nearest = np.array([0.3] * 8 + [0.88, 0.88] + [0.95, 0.95, 0.95, 0.85, 0.85])
    held = adapter.HeldOut(np.zeros((15, 2)), np.zeros((15, 1)), nearest, np.array([False] * 8 + [True] * 7))
    bars = adapter_bars.choose_bars(best, held, inside, np.zeros(15, dtype=bool),
                                replace(FAST, max_in_scope_fallbacks=0.1, look_alike_margin=0.05))
    assert bars.example == pytest.approx(0.95) and bars.low <= 0.5


def test_the_example_rule_is_on_even_when_cross_validation_sees_nothing_recur():
    """A varied labelled set rarely paraphrases its own out-of-scope questions, so held out they have in-scope
    nearest examples and the rule would catch no out-of-scope question here; patients do ask them again, so the
    rule stays on. The closest in-scope catch is at 0.55, below the grid's floor (neighbour_highlight 0.7, from
    where an example counts as the same question), so the bar is 0.70 + the margin."""
    inside = np.array([True] * 6 + [False] * 4)
    nearest = np.array([0.55, 0.5, 0.4, 0.4, 0.3, 0.3, 0.7, 0.6, 0.5, 0.5])
    held = adapter.HeldOut(np.zeros((10, 2)), np.zeros((10, 1)), nearest, np.array([True, False] + [False] * 8))
    bars = adapter_bars.choose_bars(np.full(10, 0.5), held, inside, np.zeros(10, dtype=bool), FAST)
    assert bars.example == pytest.approx(FAST.neighbour_highlight + FAST.look_alike_margin)
    everyone_answerable = np.ones(10, dtype=bool)
    assert adapter_bars.choose_bars(np.full(10, 0.5), held, everyone_answerable, np.zeros(10, dtype=bool),
                                FAST).example == NEVER


def test_without_comparisons_the_example_rule_stays_off():
    """A single fold compares no question with another (nearest stays -1): no evidence, no rule."""
    questions, passages, sentences, rows = swapped_problem()
    out_of_scope = [TrainingQuestion(unit(passages[0] + passages[1]), (), False) for _ in range(3)]
    single = adapter.train(questions + out_of_scope, passages, sentences, rows, replace(FAST, folds=1))
    assert single.neighbours.out_of_scope_bar == NEVER
    several = adapter.train(questions + out_of_scope, passages, sentences, rows, FAST)
    assert several.neighbours.out_of_scope_bar < NEVER


def test_a_single_labelled_question_still_trains():
    questions, passages, sentences, rows = swapped_problem()
    learned = adapter.train(questions[:1], passages, sentences, rows, FAST)  # its only fold has no others
    assert learned.neighbours.answers == (questions[0].answers,) and np.isfinite(learned.matrix).all()


@pytest.fixture
def taught(settings, encoder, lessons) -> Engine:  # noqa: F811 (the fixture imported above)
    ingest(settings.corpus_dir, settings.index_dir, encoder, lessons=lessons)
    return Engine.from_settings(settings)


def test_a_labelled_question_asked_again_lifts_its_answer_passage(taught):
    plain = taught.with_adapter(replace(taught.adapter, neighbours=replace(taught.adapter.neighbours, weight=0.0)))
    question = "which cosmetics are ok"  # labelled with the passage holding "mineral makeup"
    lifted = taught.rank(question).fused - plain.rank(question).fused
    answer = [i for i, p in enumerate(taught.stored.passages) if "mineral makeup" in p.text.lower()]
    assert answer and lifted[answer] == pytest.approx(0.4 * (1 - 0.5), abs=1e-4)
    others = np.delete(lifted, answer)
    assert np.all(others < lifted[answer][0])
    assert taught.ask(question).hits[0].passage == taught.stored.passages[answer[0]]


def test_a_labelled_out_of_scope_question_asked_again_falls_back_and_says_why(taught):
    learned = taught.adapter
    strict = replace(learned, min_similarity=-1.0, min_similarity_unknown_words=-1.0,  # only the example rule
                     neighbours=replace(learned.neighbours, out_of_scope_bar=0.95))
    engine = taught.with_adapter(strict)
    answer = engine.ask("do you sell gift cards")
    assert answer.status is Status.NO_MATCH and not answer.hits
    assert "most like the labelled out-of-scope question 'do you sell gift cards'" in answer.reason
    assert engine.ask("is it painful").status is Status.ANSWERED
    never = taught.with_adapter(replace(strict, neighbours=replace(strict.neighbours, out_of_scope_bar=NEVER)))
    assert never.ask("do you sell gift cards").status is Status.ANSWERED
    by_margin = taught.with_adapter(replace(never.adapter, neighbours=replace(
        never.adapter.neighbours, out_of_scope_margin=0.0)))  # any lead at all
    answer = by_margin.ask("do you sell gift cards")
    assert answer.status is Status.NO_MATCH and "the nearest answerable one" in answer.reason


def test_a_look_alike_question_gets_its_examples_answer_sentence_highlighted(taught):
    """Two labelled questions answered by the same passage, by different sentences of it."""
    makeup = taught.ask("which cosmetics are ok").hits[0]
    foundation = taught.ask("can i put foundation on").hits[0]
    assert makeup.passage == foundation.passage
    assert makeup.highlight == "Choose mineral makeup that does not clog pores."
    assert foundation.highlight == "Wait one day before applying makeup."
    far = replace(taught.adapter.neighbours, highlight_from=NEVER)  # the examples lift, but don't pick the sentence
    unguided = taught.with_adapter(replace(taught.adapter, neighbours=far)).ask("which cosmetics are ok").hits[0]
    assert unguided.passage == makeup.passage and unguided.highlight == "Wait one day before applying makeup."


def test_a_pin_lifts_its_passages_for_questions_too_far_from_it_to_be_pinned(taught, settings):
    from faqbot.answering.explain import explain
    from faqbot.records.storage import Store
    from faqbot.staff.pins import PinBook

    store = Store.open(settings.data_dir)
    try:
        book = PinBook(store, taught, threshold=1.01)  # no question is close enough to be pinned outright
        sun = next(i for i, p in enumerate(taught.stored.passages) if p.heading == "Sun protection")
        question = "when can i use my foundation again"
        before = taught.rank(question)
        assert sun not in before.lifts
        store.add_pin(question, [taught.stored.passages[sun].id], "nurse.amy")
        decision = book.decide(question)
        assert len(decision.answering.adapter.neighbours.questions) == len(taught.adapter.neighbours.questions) + 1
        after = decision.ranked
        lifted = after.lifts[sun]
        assert lifted.similarity == pytest.approx(1.0, abs=1e-4) and lifted.value == pytest.approx(0.2, abs=1e-4)
        assert after.fused[sun] - before.fused[sun] == pytest.approx(0.2, abs=1e-4)
        assert list(after.order).index(sun) < list(before.order).index(sun)
        assert not book.ask(question).reason.startswith("pin #")  # lifted as an example, not pinned
        checked = explain(taught, book, question)
        assert checked.answer == book.ask(question)  # staff see what the patient is shown
        row = next(r for r in checked.ranking if r.passage.heading == "Sun protection")
        assert row.lift == pytest.approx(0.2, abs=1e-4) and row.lifted_by == question
    finally:
        store.close()


def test_at_scale_a_lifted_passage_is_scored_even_when_the_searches_miss_it(taught, monkeypatch):
    from faqbot.answering import candidates

    question = "which cosmetics are ok"
    sun = next(i for i, p in enumerate(taught.stored.passages) if p.heading == "Sun protection")
    pinned = taught.with_examples([question], taught.encoder.encode([question]), [(sun,)])  # as a pin would
    exact = pinned.rank(question)
    monkeypatch.setattr(candidates, "EXACT_UP_TO", 0)
    monkeypatch.setattr(candidates, "DENSE_CANDIDATES", 1)
    monkeypatch.setattr(candidates, "KEYWORD_CANDIDATES", 1)
    ranked = pinned.rank(question)
    assert sun in ranked.lifts and list(exact.order).index(sun) > 0  # not the nearest passage
    assert ranked.dense[sun] == pytest.approx(exact.dense[sun], abs=1e-6)
    assert ranked.fused[sun] == pytest.approx(exact.fused[sun], abs=1e-6)

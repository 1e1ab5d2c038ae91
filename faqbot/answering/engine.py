"""Answering: question -> status and ranked passages, each with its highlighted answering sentence(s).

Usage::

    engine = Engine.from_settings(load_settings())
    answer = engine.ask("is it painful?", k=3)

The pipeline: normalise the question (spelling, synonyms) -> triage: crisis, emergency, the clinic's warning signs
(safety/) -> is it in the documents' language? -> move its vector by the query adapter -> dense search (passage and
sentence vectors) and keyword search (BM25) -> fuse, and lift the passages of labelled questions much like it
(neighbours.py) -> decide answered / no_match (a passage holding the question's own words is never hidden by an
out-of-scope look-alike: coverage.py) -> highlight -> collapse near-duplicates. A crisis or an emergency is
answered with its message alone; under a clinic warning sign no passage that calls a sign usual is shown.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

import numpy as np

from faqbot.answering import candidates, definition, intent
from faqbot.answering.coverage import Coverage
from faqbot.answering.keyword import KeywordIndex, tokenize
from faqbot.answering.neighbours import Lift
from faqbot.answering.query import Query, QueryAnalyzer, Synonyms
from faqbot.index.encoders import Encoder, make_query_encoder
from faqbot.index.store import StoredIndex, load_index
from faqbot.learning.adapter import Adapter
from faqbot.learning.calibration import Calibration, topic_words
from faqbot.learning.labelled import normalise
from faqbot.models import ALONE, Answer, Escalation, Hit, Passage, Status, sentence_rows
from faqbot.safety import model as escalation_model
from faqbot.safety.language import other_language
from faqbot.safety.signs import UrgentCheck
from faqbot.safety.triage import Triage
from faqbot.settings import Settings

Mode = Literal["hybrid", "dense", "keyword"]


@dataclass(frozen=True)
class Tuning:
    """Weights that don't depend on the clinic; chosen on the labelled dev set (python -m faqbot eval)."""

    keyword_weight: float = 0.2  # share of the normalised BM25 score in the fused score
    duplicate_similarity: float = 0.85  # answering sentences this similar are one fact
    second_sentence: float = 0.92  # a neighbour sentence joins the highlight when it scores this close


@dataclass(frozen=True)
class Ranked:
    """The full decision for one question, for staff and for evaluation."""

    query: Query
    raw_vector: np.ndarray  # the question's embedding as the encoder made it (pins compare these)
    vector: np.ndarray  # the same, moved by the query adapter when there is one
    order: np.ndarray  # passage indices, best first
    fused: np.ndarray
    dense: np.ndarray
    keyword: np.ndarray
    urgent: UrgentCheck
    status: Status
    reason: str
    lifts: dict[int, Lift]  # passages lifted by a labelled look-alike question
    other_language: bool = False  # written in a language the documents are not in

    @property
    def escalation(self) -> Escalation | None:
        return self.urgent.escalation if self.status is Status.URGENT else None


@dataclass
class _Shown:
    """A passage chosen for the answer while duplicates of its fact are being collected."""

    index: int
    highlight: str
    sentence_vector: np.ndarray
    also_in: list[str] = field(default_factory=list)


def fallback_reason(best: float, unknown: tuple[str, ...], min_similarity: float,
                    min_similarity_unknown_words: float) -> str | None:
    """Why the documents don't answer (no_match), or None when they do. The one place this rule lives."""
    if best < min_similarity:
        return f"best similarity {best:.2f} < {min_similarity}"
    if unknown and best < min_similarity_unknown_words:
        return (f"words not in the documents ({', '.join(unknown)}) and "
                f"best similarity {best:.2f} < {min_similarity_unknown_words}")
    return None


class Engine:
    """`adapter`: the query adapter to use, by default the index's own; None answers with the raw question
    vectors (the evaluation's plain baselines)."""

    def __init__(self, stored: StoredIndex, encoder: Encoder, settings: Settings,
                 tuning: Tuning | None = None, mode: Mode = "hybrid",
                 adapter: Adapter | Literal["stored"] | None = "stored") -> None:
        self.stored = stored
        self.encoder = encoder
        self.settings = settings
        self.tuning = tuning or Tuning()
        self.mode = mode
        self.adapter = stored.adapter if isinstance(adapter, str) else adapter
        self.calibration = Calibration.from_json(stored.manifest.no_match_bars)
        self.bars = self._bars(self.adapter)
        texts = [p.embed_text for p in stored.passages]
        self.analyzer = QueryAnalyzer.from_texts(texts, Synonyms.load(settings.synonyms_file))
        self.keyword = KeywordIndex(texts)
        self.coverage = Coverage(texts)
        self.triage = Triage.from_settings(settings)
        manifest = stored.manifest
        self.escalation_model = escalation_model.for_index(manifest.model, manifest.model_digest, manifest.dimension)
        self._normalised: dict[int, tuple[str, ...]] = {}  # passage -> its sentences, normalised, once asked for

    @classmethod
    def from_settings(cls, settings: Settings, encoder: Encoder | None = None, **kwargs) -> Engine:
        """Load the index named by the settings; refuse it if it was built with another model."""
        stored = load_index(settings.index_dir, settings.model)
        return cls(stored, encoder or make_query_encoder(settings, stored.manifest), settings, **kwargs)

    @cached_property
    def _sentence_rows(self) -> np.ndarray:
        return sentence_rows(self.stored.passages)

    def with_examples(self, questions: Sequence[str], vectors: np.ndarray,
                      answers: Sequence[tuple[int, ...]]) -> Engine:
        """This engine with more answers by example (raw question vectors; pins.py): itself without an adapter."""
        if self.adapter is None or not len(questions):
            return self
        more = self.adapter.neighbours.extended(self.adapter.apply(vectors), answers, questions)
        return self.with_adapter(replace(self.adapter, neighbours=more))

    def with_adapter(self, adapter: Adapter | None) -> Engine:
        """This engine (same index, encoder and keyword index) answering with another query adapter."""
        other = copy.copy(self)
        other.adapter = adapter
        other.bars = self._bars(adapter)
        return other

    def _bars(self, adapter: Adapter | None) -> tuple[float, float]:
        """The no_match thresholds: the adapter's own (cross-validated); without one, those ingest learned from the
        documents (calibration.py), never below the settings'; or the settings' alone."""
        if adapter is not None:
            return adapter.min_similarity, adapter.min_similarity_unknown_words
        low, high = self.settings.min_similarity, self.settings.min_similarity_unknown_words
        if self.calibration is not None:
            return max(low, self.calibration.min_similarity), max(high, self.calibration.min_similarity_topic_words)
        return low, high

    def _unknown(self, query: Query) -> tuple[str, ...]:
        """The question's words the documents lack that the stricter bar counts: with learned bars, topic words
        only ("achalasia", not "please")."""
        if self.adapter is None and self.calibration is not None:
            return topic_words(query.unknown)
        return query.unknown

    @cached_property
    def _sentence_terms(self) -> list[set[str]]:
        sentences = [s for p in self.stored.passages for s in p.sentence_texts()]
        return [set(tokens) for tokens in tokenize(sentences)]

    def _normalised_sentences(self, index: int) -> tuple[str, ...]:
        """A passage's sentences as answer phrases are matched (normalise() costs ~60 us a sentence)."""
        texts = self._normalised.get(index)
        if texts is None:
            texts = self._normalised[index] = tuple(map(normalise, self.stored.passages[index].sentence_texts()))
        return texts

    @cached_property
    def _passage_vectors(self) -> np.ndarray:
        return self.stored.passage_vectors()

    def _sentence_scores(self, query_vector: np.ndarray) -> np.ndarray:
        return self.stored.sentence_vectors @ query_vector

    def _dense_scores(self, vector: np.ndarray, keyword: np.ndarray, lifted: Iterable[int] = ()) -> np.ndarray:
        """Mean of each passage's cosine and its best sentence's; at scale for candidates only (candidates.py)."""
        if len(self.stored.passages) > candidates.EXACT_UP_TO:
            return candidates.dense_scores(self.stored, self._sentence_rows, vector, keyword, lifted)
        sentence_best = np.maximum.reduceat(self._sentence_scores(vector), self._sentence_rows[:-1])
        return (self._passage_vectors @ vector + sentence_best) / 2

    def _lift_leading(self, fused: np.ndarray, looked_at: int, lift: float, gives: Callable[[Passage], bool]) -> None:
        """Add `lift` to each of the `looked_at` best-ranked passages that `gives` the kind of answer asked for."""
        for index in np.argsort(-fused, kind="stable")[:looked_at]:
            if gives(self.stored.passages[index]):
                fused[index] += lift

    def rank(self, question: str) -> Ranked:
        """Score every passage and decide the status (no highlight, no collapsing)."""
        t = self.tuning
        query = self.analyzer.analyze(question)
        warning, manner = self.triage.assess(query.cleaned)
        raw = self.encoder.encode([query.corrected])[0]
        if self.escalation_model is not None and not manner.jesting:  # a crisis or an emergency in words no rule holds
            warning = self.escalation_model.second_opinion(raw, warning, manner.hedged, manner.accidental)
        vector = self.adapted(raw)
        examples, lifts = None, {}
        if self.adapter is not None:
            examples = self.adapter.neighbours.similarities(vector)
            if self.mode == "hybrid":  # answers by example: passages of labelled questions much like this one
                lifts = self.adapter.neighbours.lift(examples)
        keyword = self.keyword.scores(query.keyword_text)
        dense = self._dense_scores(vector, keyword, lifts)
        top_keyword = float(keyword.max())
        if self.mode == "dense":
            fused = dense
        elif self.mode == "keyword":
            fused = keyword
        else:
            normalised = keyword / top_keyword if top_keyword > 0 else keyword
            fused = (1 - t.keyword_weight) * dense + t.keyword_weight * 0.6 * normalised
            for passage, lift in lifts.items():
                fused[passage] += lift.value
        if self.mode == "hybrid" and (about := definition.subject(query.corrected)) is not None:
            self._lift_leading(fused, definition.LOOKED_AT, definition.LIFT,
                               lambda p: any(definition.defines(s, about) for s in p.sentence_texts()))
        if self.mode == "hybrid" and intent.LIFT and (kinds := intent.asked_for(query.corrected)):
            self._lift_leading(fused, intent.LOOKED_AT, intent.LIFT, lambda p: intent.gives(p, kinds))
        order = np.argsort(-fused, kind="stable")
        best_dense = float(dense.max())
        if self.mode == "keyword":
            fallback = None if top_keyword > 0 else "no keyword of the question is in the documents"
        else:
            fallback = fallback_reason(best_dense, self._unknown(query), *self.bars)
            if fallback is None and examples is not None and (
                    like := self.adapter.neighbours.out_of_scope(examples)) is not None:
                held = self.coverage.covering(tokenize([query.corrected])[0], order[:3])
                if held is None:  # else the documents win: a passage holds the question's own words
                    fallback = like.reason()
        # also for a crisis or an emergency, whose message then adds the clinic's other-language one
        foreign = other_language(query.cleaned, self._known_word)
        if self.adapter is not None and self.adapter.warning is not None and fallback is None and not foreign:
            # signs described in the patient's words, in a message about what the documents cover: out of their
            # scope its score strays ("this hold music is killing me lol", thank-you notes to a ward: 35 calm
            # messages of the escalation sets against none of the clinic's signs it alone caught)
            warning = self.adapter.warning.second_opinion(raw, warning)
        if warning.urgent:
            status, reason = Status.URGENT, warning.explanation
        elif foreign:  # passages matched on a few look-alike words would only mislead
            status, reason = Status.NO_MATCH, "written in a language the documents are not in"
        elif fallback is not None:
            status, reason = Status.NO_MATCH, fallback
        else:
            status, reason = Status.ANSWERED, f"best similarity {best_dense:.2f}"
        return Ranked(query, raw, vector, order, fused, dense, keyword, warning, status, reason, lifts, foreign)

    def _known_word(self, word: str) -> bool:
        """The documents (or the synonyms) use the word, or a word it is a misspelling of."""
        return word in self.analyzer.vocabulary or self.analyzer.correct(word) is not None

    def adapted(self, vector: np.ndarray) -> np.ndarray:
        """A raw question vector as this engine compares it: moved by its query adapter, if it has one."""
        return vector if self.adapter is None else self.adapter.apply(vector)

    def highlight(self, index: int, query_vector: np.ndarray, query_terms: set[str],
                  phrases: tuple[str, ...] = (), about: str | None = None) -> tuple[str, np.ndarray]:
        """The sentence (or two neighbours) of a passage that answer the question, and its vector. `phrases`:
        answer phrases (normalised) of a labelled question like this one; a sentence holding one is the answer.
        `about`: the subject of a definition question; a sentence saying what it is is the answer."""
        passage = self.stored.passages[index]
        a, b = self._sentence_rows[index], self._sentence_rows[index + 1]
        vectors = self.stored.sentence_vectors[a:b]
        overlap = np.array([len(query_terms & self._sentence_terms[r]) / max(len(query_terms), 1)
                            for r in range(a, b)])
        scores = vectors @ query_vector + 0.3 * overlap
        if phrases:
            scores += np.array([2.0 * any(p in t for p in phrases) for t in self._normalised_sentences(index)])
        texts = passage.sentence_texts()
        if about is not None:
            scores += np.array([1.0 * definition.defines(t, about) for t in texts])
        best = int(np.argmax(scores))
        first = last = best
        if texts[best].rstrip().endswith("?") and best + 1 < len(texts):  # a question the document asks: and its
            last = best = best + 1  # answer, which is what the patient came for
        else:
            for neighbour in (best - 1, best + 1):
                if 0 <= neighbour < len(scores) and scores[neighbour] >= self.tuning.second_sentence * scores[best]:
                    first, last = min(first, neighbour), max(last, neighbour)
                    break
        start, end = passage.sentences[first][0], passage.sentences[last][1]
        return passage.text[start:end], vectors[best]

    def ask(self, question: str, k: int | None = None) -> Answer:
        if not question.strip():
            self.top(k)  # a wrong k is an error whatever the question
            return Answer(question, Status.NO_MATCH, (), reason="empty question")
        return self.answer(self.rank(question), k)

    def top(self, k: int | None) -> int:
        """How many passages to show: k, or the settings' top_k when k is None."""
        k = k or self.settings.top_k
        if k < 1:
            raise ValueError(f"k must be >= 1, got {k}")
        return k

    def answer(self, ranked: Ranked, k: int | None = None) -> Answer:
        """The answer to a ranked question: its status and the top k passages, highlighted, duplicates collapsed."""
        question, k = ranked.query.original, self.top(k)
        escalation = ranked.escalation
        if ranked.status is Status.NO_MATCH or escalation in ALONE:
            return Answer(question, ranked.status, (), ranked.reason, ranked.urgent.signals, escalation,
                          ranked.other_language)
        terms = set(tokenize([ranked.query.keyword_text])[0])
        about = definition.subject(ranked.query.corrected) if self.mode == "hybrid" else None
        kept: list[_Shown] = []
        for index in map(int, ranked.order):
            if len(kept) == k:
                break
            if escalation is Escalation.CLINIC and reassuring(self.stored.passages[index].text):
                continue  # never "that's normal" under "please contact us now"
            lift = ranked.lifts.get(index)
            phrases = self.adapter.neighbours.highlight_phrases(lift) if lift is not None else ()
            text, sentence_vector = self.highlight(index, ranked.vector, terms, phrases, about)
            source = self.stored.passages[index].source
            same_fact = next(
                (s for s in kept if float(s.sentence_vector @ sentence_vector) >= self.tuning.duplicate_similarity),
                None,
            )
            if same_fact is None:
                kept.append(_Shown(index, text, sentence_vector))
            elif source != self.stored.passages[same_fact.index].source and source not in same_fact.also_in:
                same_fact.also_in.append(source)
        hits = tuple(
            Hit(self.stored.passages[s.index], float(ranked.fused[s.index]), s.highlight, tuple(s.also_in))
            for s in kept
        )
        return Answer(question, ranked.status, hits, ranked.reason, ranked.urgent.signals, escalation)

# A passage that calls a sign usual: not shown under a clinic warning sign, whatever sign the patient described.
_REASSURING = re.compile(r"\b(?:normal|expected|common|usual|usually|typical|typically|nothing to worry|no cause for "
                         r"concern|harmless|temporary|subsides?|fades?|goes away|go away|settles?|resolves?|mild)\b",
                         re.IGNORECASE)


def reassuring(text: str) -> bool:
    return bool(_REASSURING.search(text))

"""Evaluation on labelled questions: retrieval quality, honest fallbacks and urgent escalation.

Labels are answer-bearing phrases of the corpus, so scores don't depend on how passages are cut: an answer
hits when one of its shown passages contains one of the question's phrases.

Usage: python -m faqbot eval [--questions FILE ...] [--sweep]
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from faqbot.answering.engine import Engine, fallback_reason
from faqbot.documents.reader import Document, corpus_files, read_document
from faqbot.index.store import file_sha256
from faqbot.index.vector_cache import VectorCache
from faqbot.learning import adapter, adapter_bars, warning_model
from faqbot.learning.adapter import TrainingQuestion
from faqbot.learning.labelled import KINDS, Labelled, normalise
from faqbot.learning.lessons import fit_warning, training_questions, warning_questions
from faqbot.models import Answer, Hit, Passage, Status, sentence_rows

DEFAULT_SETS = (Path("clinics/example-skin/questions.jsonl"), Path("eval/questions_test.jsonl"),
                Path("eval/questions_out_of_scope_fresh.jsonl"), Path("eval/questions_check.jsonl"),
                Path("eval/questions_blind.jsonl"),
                # crisis, emergency, clinic-sign, calm and other-language messages (safety/evaluation.py)
                Path("eval/escalation_dev.jsonl"), Path("eval/escalation_blind.jsonl"))


@dataclass(frozen=True)
class Scores:
    hit1: float
    hit3: float
    mrr5: float
    fallback_precision: float
    fallback_recall: float
    in_scope_fallbacks: float  # share of in-scope questions wrongly answered with the fallback
    urgent_recall: float
    false_alarms: int  # normal-healing questions flagged urgent
    normal_healing: int
    highlight: float = 0.0  # of in-scope answers with an answer passage in the top 3: its highlight is the answer
    normal_fallbacks: int = 0  # normal-healing questions answered with the fallback instead of aftercare passages
    questions_flagged: int = 0  # in-scope and out-of-scope questions flagged urgent (escalated for nothing)
    questions: int = 0  # in-scope and out-of-scope questions


def rank_of_first_hit(answer: Answer, phrases: Sequence[str]) -> int | None:
    wanted = [normalise(p) for p in phrases]
    for rank, hit in enumerate(answer.hits):
        text = normalise(hit.passage.text)
        if any(w in text for w in wanted):
            return rank
    return None


def score(engine: Engine | ParagraphSearch, items: Sequence[Labelled]) -> Scores:
    return score_answers([(item, engine.ask(item.question, 5)) for item in items])


class ParagraphSearch:
    """The issue's reference point: dense search alone over paragraphs (its figures for the held-out set are
    measured so). Paragraphs are the corpus documents' blocks of text (`paragraphs`), whatever faqbot's own
    passages are, embedded as they read, and ranked by cosine to the raw question; no keyword search, no adapter,
    no fallback and no urgent check, so only the ranking rows of its column mean anything (`table(...,
    ranking_only=...)`). Beside our own columns it shows how generous a question set's labels are compared with the
    held-out set's: the same baseline on both."""

    def __init__(self, engine: Engine, corpus_dir: Path) -> None:
        self.encoder = engine.encoder
        documents = (read_document(path, corpus_dir) for path in corpus_files(corpus_dir))
        self.paragraphs = tuple(p for doc in documents for p in paragraphs(doc))
        self.vectors = self.encoder.encode([p.text for p in self.paragraphs])

    def ask(self, question: str, k: int) -> Answer:
        scores = self.vectors @ self.encoder.encode([question])[0]
        order = np.argsort(-scores, kind="stable")[:k]
        return Answer(question, Status.ANSWERED, tuple(Hit(self.paragraphs[i], float(scores[i]), "") for i in order))


def paragraphs(doc: Document) -> Iterator[Passage]:
    """A document's paragraphs: its blocks of text, a list kept with the paragraph that introduces it; headings
    (which would rank as paragraphs of a few words) are left out."""
    start = end = -1
    for block in [*doc.blocks, None]:
        if block is not None and block.kind == "item" and start >= 0:
            end = block.end
            continue
        if start >= 0:
            yield Passage(f"{doc.sha256[:12]}/{start}", doc.text[start:end], doc.source, doc.title, doc.title, start,
                          end, ())
        start, end = (block.start, block.end) if block is not None and block.kind != "heading" else (-1, -1)


def trained_on(engine: Engine, path: Path) -> bool:
    """Whether the engine's query adapter learned from this question set (then it must be cross-validated)."""
    return engine.adapter is not None and engine.adapter.questions_sha256 == file_sha256(path)


def score_cross_validated(engine: Engine, items: Sequence[Labelled]) -> Scores:
    """Scores on the query adapter's own training set without flattering it: each question it learns from is
    answered by an adapter trained, thresholds included, on the other folds only (the index's training setup).
    Urgent and normal-healing questions, which the warning model learns from, are held out in folds of their own
    alongside (a normal-healing one leaves the adapter's training in the same fold); with no warning model they are
    answered by the engine as it is."""
    if engine.adapter is None:
        raise ValueError("cross-validation needs an engine with a query adapter")
    stored, training = engine.stored, engine.adapter.training
    vectors = (stored.passage_vectors(), np.asarray(stored.sentence_vectors), sentence_rows(stored.passages))
    vectors_by_text = VectorCache(engine.encoder.name)  # normal-healing questions are asked for by both below

    def encode(texts: list[str]) -> np.ndarray:
        return vectors_by_text.embed(texts, engine.encoder.encode)

    pairs = training_questions(items, stored.passages, engine.analyzer, encode)
    questions = [q for _, q in pairs]
    signs = warning_questions(items, engine.analyzer, encode) if engine.adapter.warning else []
    sign_folds = warning_model.stratified_folds(np.array([item.kind == "urgent" for item, _ in signs]),
                                                training.folds) if signs else []
    question_folds = _question_folds(pairs, signs, sign_folds, training.folds)
    none = np.array([], dtype=int)
    held_out: dict[int, Answer] = {}  # by id() of the labelled item
    for f in range(max(len(question_folds), len(sign_folds))):  # either may have fewer folds than asked for
        fold = question_folds[f] if f < len(question_folds) else none
        rest = [questions[i] for i in np.setdiff1d(np.arange(len(questions)), fold)]
        learned = adapter.train(rest, *vectors, training)
        sign_fold = sign_folds[f] if f < len(sign_folds) else none
        if signs:
            learned = replace(learned, warning=fit_warning(
                rest, [signs[i] for i in np.setdiff1d(np.arange(len(signs)), sign_fold)], training, engine.triage))
        without_fold = engine.with_adapter(learned)
        for i in fold:
            held_out[id(pairs[i][0])] = without_fold.ask(pairs[i][0].question, 5)
        for i in sign_fold:
            held_out[id(signs[i][0])] = without_fold.ask(signs[i][0].question, 5)
    return score_answers([(item, held_out[id(item)] if id(item) in held_out else engine.ask(item.question, 5))
                          for item in items])


def _question_folds(pairs: Sequence[tuple[Labelled, TrainingQuestion]], signs: Sequence[tuple[Labelled, np.ndarray]],
                    sign_folds: Sequence[np.ndarray], k: int) -> list[np.ndarray]:
    """The adapter's outer folds: in-scope and out-of-scope questions as adapter_bars.folds splits them; a covered
    (normal-healing) question in the fold where the warning model holds it out, or in turn without one."""
    covered = np.flatnonzero([q.covered for _, q in pairs])
    labelled = np.flatnonzero([not q.covered for _, q in pairs])
    folds = [list(labelled[f]) for f in adapter_bars.folds(np.array([pairs[i][1].in_scope for i in labelled]), k)]
    if signs:
        fold_of = {id(signs[i][0]): f for f, fold in enumerate(sign_folds) for i in fold}
    else:
        fold_of = {id(pairs[i][0]): position % k for position, i in enumerate(covered)}
    for i in covered:
        f = fold_of[id(pairs[i][0])]
        folds += [[] for _ in range(f + 1 - len(folds))]
        folds[f].append(int(i))
    return [np.array(sorted(fold), dtype=np.int64) for fold in folds]


def highlights_answer(answer: Answer, rank: int, phrases: Sequence[str]) -> bool:
    """The highlight of the hit at `rank` holds one of the answer phrases, or lies inside one."""
    text = normalise(answer.hits[rank].highlight)
    return any(w in text or text in w for w in map(normalise, phrases))


def score_answers(answers: Sequence[tuple[Labelled, Answer]]) -> Scores:
    items = [item for item, _ in answers]
    in_scope_answers = [(i, a) for i, a in answers if i.kind == "in_scope"]
    ranks = [rank_of_first_hit(a, i.answers) for i, a in in_scope_answers]
    highlighted = [highlights_answer(a, r, i.answers) for (i, a), r in zip(in_scope_answers, ranks, strict=True)
                   if r is not None and r < 3]
    reciprocal = [1 / (r + 1) if r is not None and r < 5 else 0.0 for r in ranks]
    fell_back = [(i.kind, a.status is Status.NO_MATCH) for i, a in answers]
    true_fallbacks = sum(1 for kind, fb in fell_back if fb and kind == "out_of_scope")
    all_fallbacks = sum(1 for _, fb in fell_back if fb)
    n_out = sum(1 for i in items if i.kind == "out_of_scope")
    urgent_flags = [(i.kind, a.status is Status.URGENT) for i, a in answers]
    n_urgent = sum(1 for kind, _ in urgent_flags if kind == "urgent")
    normal = [flag for kind, flag in urgent_flags if kind == "normal_healing"]
    in_scope = [fb for kind, fb in fell_back if kind == "in_scope"]
    return Scores(
        hit1=float(np.mean([r is not None and r < 1 for r in ranks])) if ranks else 0.0,
        hit3=float(np.mean([r is not None and r < 3 for r in ranks])) if ranks else 0.0,
        mrr5=float(np.mean(reciprocal)) if reciprocal else 0.0,
        fallback_precision=true_fallbacks / all_fallbacks if all_fallbacks else 1.0,
        fallback_recall=true_fallbacks / n_out if n_out else 1.0,
        in_scope_fallbacks=float(np.mean(in_scope)) if in_scope else 0.0,
        urgent_recall=sum(1 for kind, f in urgent_flags if kind == "urgent" and f) / n_urgent if n_urgent else 1.0,
        false_alarms=sum(normal),
        normal_healing=len(normal),
        highlight=float(np.mean(highlighted)) if highlighted else 0.0,
        normal_fallbacks=sum(1 for kind, fb in fell_back if fb and kind == "normal_healing"),
        questions_flagged=sum(1 for kind, f in urgent_flags if f and kind in ("in_scope", "out_of_scope")),
        questions=sum(1 for kind, _ in urgent_flags if kind in ("in_scope", "out_of_scope")),
    )


def table(results: dict[str, Scores], kinds: Collection[str] = KINDS, ranking_only: Collection[str] = ()) -> str:
    """Methods side by side, one metric per row (Markdown); only the rows the question set's `kinds` can fill
    (precision needs both in-scope and out-of-scope questions: on out-of-scope ones alone it is always 1; "a|b":
    either kind). The methods named in `ranking_only` rank and decide nothing else: "-" outside hit@k and MRR."""
    names = list(results)
    rows = [
        (("in_scope",), "hit@1 (in-scope)", lambda s: f"{s.hit1:.3f}"),
        (("in_scope",), "hit@3 (in-scope)", lambda s: f"{s.hit3:.3f}"),
        (("in_scope",), "MRR@5 (in-scope)", lambda s: f"{s.mrr5:.3f}"),
        (("in_scope", "out_of_scope"), "fallback precision", lambda s: f"{s.fallback_precision:.3f}"),
        (("out_of_scope",), "fallback recall (out-of-scope)", lambda s: f"{s.fallback_recall:.3f}"),
        (("in_scope",), "in-scope answered with fallback", lambda s: f"{s.in_scope_fallbacks:.3f}"),
        (("in_scope",), "answer phrase in the highlight (hits in top 3)", lambda s: f"{s.highlight:.3f}"),
        (("urgent",), "urgent recall", lambda s: f"{s.urgent_recall:.3f}"),
        (("normal_healing",), "urgent false alarms (normal healing)", lambda s: f"{s.false_alarms}/{s.normal_healing}"),
        (("normal_healing",), "normal healing answered with fallback",
         lambda s: f"{s.normal_fallbacks}/{s.normal_healing}"),
        (("in_scope|out_of_scope",), "urgent flags on in-scope or out-of-scope questions",
         lambda s: f"{s.questions_flagged}/{s.questions}"),
    ]
    lines = ["| metric | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    ranking = {"hit@1 (in-scope)", "hit@3 (in-scope)", "MRR@5 (in-scope)"}
    lines += [f"| {label} | " + " | ".join("-" if n in ranking_only and label not in ranking else fmt(results[n])
                                          for n in names) + " |"
              for needs, label, fmt in rows if all(set(need.split("|")) & set(kinds) for need in needs)]
    return "\n".join(lines)


def sweep(engine: Engine, items: Sequence[Labelled]) -> str:
    """The no_match trade-off: in-scope fallbacks vs out-of-scope recall for candidate thresholds."""
    rows = []
    for item in items:
        if item.kind not in ("in_scope", "out_of_scope"):
            continue
        ranked = engine.rank(item.question)
        best = float(ranked.dense.max())
        rows.append((item.kind, best, ranked.query.unknown))
    lines = ["| min_similarity | min_similarity_unknown_words | in-scope fallbacks | out-of-scope recall |",
             "|---|---|---|---|"]
    for bar in np.arange(0.14, 0.50, 0.02):
        for bar_unknown in np.arange(bar, 0.60, 0.04):
            falls = [(k, fallback_reason(b, u, bar, bar_unknown) is not None) for k, b, u in rows]
            fb_in = np.mean([f for k, f in falls if k == "in_scope"])
            recall = np.mean([f for k, f in falls if k == "out_of_scope"])
            lines.append(f"| {bar:.2f} | {bar_unknown:.2f} | {fb_in:.3f} | {recall:.3f} |")
    return "\n".join(lines)

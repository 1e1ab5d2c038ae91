"""Learn the escalation second opinion (model.py) from the product's examples, for the default embedding model, and
write it into faqbot/data/escalation_model.npz. Needs torch (as ingest does) and scikit-learn::

    python -m faqbot.safety.relearn
"""

from __future__ import annotations

import hashlib

from faqbot.safety.model import EXAMPLES, MODEL_FILE, EscalationModel, learn, load_examples


def main() -> None:
    from faqbot.documents.cleaning import clean_query
    from faqbot.index.encoders import SentenceTransformerEncoder, model_digest
    from faqbot.settings import DEFAULT_MODEL

    texts, kinds = load_examples()
    encoder = SentenceTransformerEncoder(DEFAULT_MODEL, precision="fp32")
    vectors = encoder.encode([clean_query(t) for t in texts])
    learned = learn(vectors, kinds)
    digest = hashlib.sha256(EXAMPLES.read_bytes()).hexdigest()[:16]
    EscalationModel(DEFAULT_MODEL, model_digest(DEFAULT_MODEL), vectors, kinds, learned.coefficients,
                    learned.intercepts, learned.gamma, learned.bars, digest).save(MODEL_FILE)
    counts = ", ".join(f"{(kinds == k).sum()} {k}" for k in sorted(set(kinds)))
    support = int((learned.coefficients != 0).any(axis=0).sum())
    print(f"wrote {MODEL_FILE} from {len(texts)} examples ({counts}): {support} support vectors; "
          f"bars {learned.bars.round(3).tolist()}")


if __name__ == "__main__":
    main()

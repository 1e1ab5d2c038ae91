"""Learn the escalation second opinion (model.py) from the product's examples, for the default embedding model, and
write it into faqbot/data/escalation_model.json. Needs torch (as ingest does)::

    python -m faqbot.safety.relearn
"""

from __future__ import annotations

import hashlib
import json

from faqbot.safety.model import EXAMPLES, MODEL_FILE, EscalationModel, learn, load_examples


def main() -> None:
    from faqbot.documents.cleaning import clean_query
    from faqbot.index.encoders import SentenceTransformerEncoder, model_digest
    from faqbot.settings import DEFAULT_MODEL

    texts, kinds = load_examples()
    encoder = SentenceTransformerEncoder(DEFAULT_MODEL, precision="fp32")
    vectors = encoder.encode([clean_query(t) for t in texts])
    weights, biases, bars = learn(vectors, kinds)
    digest = hashlib.sha256(EXAMPLES.read_bytes()).hexdigest()[:16]
    found = EscalationModel(DEFAULT_MODEL, model_digest(DEFAULT_MODEL), weights, biases, bars, digest)
    MODEL_FILE.write_text(json.dumps(found.to_json()) + "\n", encoding="utf-8")
    counts = ", ".join(f"{(kinds == k).sum()} {k}" for k in sorted(set(kinds)))
    print(f"wrote {MODEL_FILE} from {len(texts)} examples ({counts}); bars {bars.round(2).tolist()}")


if __name__ == "__main__":
    main()

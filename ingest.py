"""Build or refresh the index from the clinic's documents.

Usage: python ingest.py [--corpus DIR] [--index DIR] [--model NAME_OR_PATH] [--precision auto|fp32|bf16] [--force]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from faqbot.errors import FaqbotError
from faqbot.index.build import ingest
from faqbot.index.encoders import make_encoder, onnx_variants
from faqbot.index.precision import PRECISIONS
from faqbot.learning.lessons import Lessons
from faqbot.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ingest the clinic's documents into a search index.")
    parser.add_argument("--corpus", type=Path, help="folder of .txt/.md documents (default corpus/)")
    parser.add_argument("--index", type=Path, help="index folder to write (default index/)")
    parser.add_argument("--model", help="sentence-transformers model name or path")
    parser.add_argument("--precision", choices=PRECISIONS,
                        help="document embedding precision (default auto: bf16 on CPUs with native bf16, else fp32)")
    parser.add_argument("--force", action="store_true", help="rebuild everything, reusing nothing")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(corpus_dir=args.corpus, index_dir=args.index, model=args.model,
                                 document_precision=args.precision)
        report = ingest(settings.corpus_dir, settings.index_dir, make_encoder(settings),
                        force=args.force, progress=sys.stderr.isatty(), index_kind=settings.index_kind,
                        variants=onnx_variants(settings), lessons=Lessons.from_settings(settings),
                        calibrate=settings.no_match_calibration)
    except FaqbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted: the previous index is unchanged.", file=sys.stderr)
        return 130
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())

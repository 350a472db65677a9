"""Score a trained pipeline (any model folder) on a GermEval/CoNLL file, with or without the pattern layer.

Used to measure each training step before a model is shipped; the shipped
models are scored with `python -m etl.evaluation.ner`.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from etl.evaluation.ner import evaluate_sentences, read_sentences
from etl.extract.entities import build_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("model", type=Path)
    ap.add_argument("lang", choices=("de", "en"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--no-patterns", action="store_true")
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args()
    nlp = build_pipeline(args.model, args.lang, with_patterns=not args.no_patterns)
    res = evaluate_sentences(nlp, read_sentences(args.file), strict=args.strict)
    print(json.dumps(res))


if __name__ == "__main__":
    main()

"""Self-training data: raw news sentences labelled by two trained pipelines, kept where both agree.

The models give no confidence, so agreement of two differently trained
models (the shipped one and one trained on another mix) stands in for it.
Writes a DocBin that `build_corpus.py --silver FILE` adds to the mix.
"""
from __future__ import annotations

import argparse
import gzip
import random
import re
from pathlib import Path

from spacy.tokens import DocBin

from etl.extract.entities import build_pipeline

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")
SEED = 13


def sentences(raw_dir: Path, min_words: int = 6, max_words: int = 50) -> list[str]:
    """Whole sentences (ending in . ! ?) of 6-50 words from every `*.txt.gz` under raw_dir."""
    out = []
    for path in sorted(raw_dir.rglob("*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                for s in SENTENCE_END.split(line.strip()):
                    if s[-1:] in ".!?" and min_words <= s.count(" ") + 1 <= max_words:
                        out.append(s)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("lang", choices=("de", "en"))
    ap.add_argument("raw", type=Path, help="e.g. ../shared/data/raw/de/news_fang_mainstream")
    ap.add_argument("model", type=Path, help="the labelling model, e.g. models/de")
    ap.add_argument("second", type=Path, help="a model trained on another mix; sentences where the two disagree are dropped")
    ap.add_argument("out", type=Path)
    ap.add_argument("--keep", type=int, default=25000)
    ap.add_argument("--candidates", type=int, default=60000)
    args = ap.parse_args()
    rng = random.Random(SEED)
    pool = sorted(set(sentences(args.raw)))
    rng.shuffle(pool)
    pool = pool[: args.candidates]
    first = build_pipeline(args.model, args.lang, with_patterns=False)
    second = build_pipeline(args.second, args.lang, with_patterns=False)
    with_names, without = [], []
    for a, b in zip(first.pipe(pool, batch_size=256), second.pipe(pool, batch_size=256)):
        if {(e.start, e.end, e.label_) for e in a.ents} == {(e.start, e.end, e.label_) for e in b.ents}:
            (with_names if a.ents else without).append(a)
    kept = with_names[: args.keep * 4 // 5] + without[: args.keep // 5]  # as in the LER sample: mostly sentences with names
    args.out.parent.mkdir(parents=True, exist_ok=True)
    DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], docs=kept).to_disk(args.out)
    print(f"{len(pool)} candidates, {len(with_names)} agreed with names, {len(without)} without; kept {len(kept)} -> {args.out}")


if __name__ == "__main__":
    main()

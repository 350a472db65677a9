"""Train small floret subword vectors on the raw text in ../shared/data/raw.

Static vectors give the CNN a prior for words the small annotated corpora never
show; floret's hashed subword table keeps the shipped model small.
"""
from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

import floret

# A token pattern close enough to spaCy's tokenizer for vector lookup: words
# (hyphens split off, as the German pipeline does) and single punctuation marks.
TOKEN = re.compile(r"\w+(?:[.'’]\w+)*|[^\w\s]")


def write_tokenised(raw_dir: Path, out: Path, max_words: int) -> int:
    """Write up to max_words tokens, taking the same share of lines from each source."""
    sources = sorted(p for p in raw_dir.iterdir() if p.is_dir())
    per_source = max_words // len(sources)
    total = 0
    with out.open("w", encoding="utf-8") as fh:
        for src in sources:
            n = 0
            for part in sorted(src.glob("*.txt.gz")):
                with gzip.open(part, "rt", encoding="utf-8", errors="replace") as lines:
                    for line in lines:
                        toks = TOKEN.findall(line)
                        if len(toks) < 4:
                            continue
                        fh.write(" ".join(toks) + "\n")
                        n += len(toks)
                        if n >= per_source:
                            break
                if n >= per_source:
                    break
            total += n
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("raw_dir", type=Path)
    ap.add_argument("out", type=Path, help="output .floret vectors file")
    ap.add_argument("--max-words", type=int, default=12_000_000)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--bucket", type=int, default=50_000)
    ap.add_argument("--epoch", type=int, default=3)
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = args.out.with_suffix(".txt")
    words = write_tokenised(args.raw_dir, text, args.max_words)
    print(f"{words} tokens written to {text}", flush=True)
    model = floret.train_unsupervised(
        str(text), model="cbow", mode="floret", hashCount=2, bucket=args.bucket,
        minn=4, maxn=5, minCount=10, dim=args.dim, epoch=args.epoch,
        thread=1,  # one thread: the machine is shared, and fastText is only deterministic single-threaded
    )
    model.save_floret_vectors(str(args.out))
    text.unlink()


if __name__ == "__main__":
    main()

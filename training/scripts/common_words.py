"""List the words a language writes in lower case (from the raw text in ../shared/data/raw).

A capitalised word at the start of a sentence that the language normally writes in
lower case ("Yet", "Handset", "Law") is not a name, even when the article never
writes it in lower case itself. The list ships inside the model folder
(models/<lang>/common_words.txt) because it is derived from the training text.
"""
from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def count(raw_dir: Path, max_words: int) -> tuple[Counter, Counter]:
    """Lower-case and capitalised occurrences per lower-cased word, the same share of text per source."""
    sources = sorted(p for p in raw_dir.iterdir() if p.is_dir())
    lower, upper = Counter(), Counter()
    for src in sources:
        n = 0
        for part in sorted(src.glob("*.txt.gz")):
            with gzip.open(part, "rt", encoding="utf-8", errors="replace") as lines:
                for line in lines:
                    for w in WORD.findall(line):
                        (lower if w.islower() else upper)[w.lower()] += 1
                    n += line.count(" ") + 1
                    if n >= max_words // len(sources):
                        break
            if n >= max_words // len(sources):
                break
    return lower, upper


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("raw_dir", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--max-words", type=int, default=12_000_000)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--lower-share", type=float, default=0.6, help="share of occurrences in lower case")
    args = ap.parse_args()
    lower, upper = count(args.raw_dir, args.max_words)
    words = sorted(w for w, n in lower.items() if n >= args.min_count and n / (n + upper[w]) >= args.lower_share)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{len(words)} common words -> {args.out}")


if __name__ == "__main__":
    main()

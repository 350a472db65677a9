"""Throughput of extract_amounts alone, one core: articles per second over the dev corpora.

Reads ../shared/data/corpora (BBC: one .txt per article, title on line 1;
10kGNAD test.csv: `label;'text'`, German) relative to the repository root and
prints the median articles/s of several repeats, by wall clock and by the
process's CPU time (the honest single-core figure on a machine shared with
other jobs). Target: >= 2,000 articles/s.
Usage: python bench/bench_amounts.py [--repeats N]
"""
from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.extract.amounts import extract_amounts  # noqa: E402

CORPORA = ROOT / ".." / "shared" / "data" / "corpora"


def load() -> list[tuple[str, str]]:
    """(text, language) pairs; BBC articles become "title\\n\\nbody" as in the pipeline."""
    docs = []
    for path in sorted((CORPORA / "bbc").glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        title, _, body = text.strip().partition("\n")
        docs.append((f"{title.strip()}\n\n{body.strip()}", "en"))
    with open(CORPORA / "gnad10k" / "test.csv", encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter=";", quotechar="'"):
            if len(row) >= 2:
                docs.append((row[1], "de"))
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    if not CORPORA.is_dir():
        print(f"corpora not found at {CORPORA}", file=sys.stderr)
        return 1
    docs = load()
    for text, lang in docs[:50]:  # warm up: grammar compilation and caches
        extract_amounts(text, lang, [])
    rates, cpu_rates, found = [], [], 0
    for _ in range(args.repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        found = sum(len(extract_amounts(text, lang, [])) for text, lang in docs)
        rates.append(len(docs) / (time.perf_counter() - t0))
        cpu_rates.append(len(docs) / (time.process_time() - c0))
    by_lang = {lang: sum(1 for _, l in docs if l == lang) for lang in ("en", "de")}
    print(f"articles: {len(docs)} ({by_lang['en']} en, {by_lang['de']} de), amounts found: {found}")
    print(f"articles/s per repeat (wall): {', '.join(f'{r:,.0f}' for r in rates)}")
    print(f"median: {statistics.median(rates):,.0f} articles/s wall, "
          f"{statistics.median(cpu_rates):,.0f} articles/s of CPU time")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import pipeline_texts  # noqa: E402

from etl.extract.amounts import extract_amounts  # noqa: E402



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    docs = pipeline_texts()
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

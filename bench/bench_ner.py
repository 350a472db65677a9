"""Speed of the shipped NER pipelines on one core: words/s, model load time, peak memory.

Reads ../shared/data/corpora (BBC for English, 10kGNAD test for German) as the
pipeline stores the articles (bench/corpora.py) and, per language, times the first model load, then the pipeline alone (tokenizer, CNN,
pattern layer) and the whole `extract_entities` (with article-level
resolution) over the same articles; prints the median of several repeats, as words
per wall-clock second and per CPU second of this process (the latter is what one core
does when other jobs share the machine).
Targets (issue 13): >= 10,000 words/s per pipeline on one core, load < 3 s, peak RSS < 1 GB, models < 50 MB.
Usage: python bench/bench_ner.py [--limit N] [--repeats N]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core, as a worker runs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpora import pipeline_texts  # noqa: E402
from etl.extract.entities import extract_entities, load_pipeline  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=400, help="articles per language")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    docs = pipeline_texts()
    by_lang = {lang: [t for t, language in docs if language == lang][: args.limit] for lang in ("en", "de")}
    for lang, texts in by_lang.items():
        t0 = time.perf_counter()
        nlp = load_pipeline(lang)
        load_s = time.perf_counter() - t0
        words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
        pipe_rates, full_rates, pipe_cpu, full_cpu = [], [], [], []
        for _ in range(args.repeats):
            t0, c0 = time.perf_counter(), time.process_time()
            for _doc in nlp.pipe(texts, batch_size=64):
                pass
            pipe_rates.append(words / (time.perf_counter() - t0))
            pipe_cpu.append(words / (time.process_time() - c0))
            t0, c0 = time.perf_counter(), time.process_time()
            mentions = sum(len(extract_entities(t, lang)) for t in texts)
            full_rates.append(words / (time.perf_counter() - t0))
            full_cpu.append(words / (time.process_time() - c0))
        size_mb = sum(f.stat().st_size for f in nlp.path.rglob("*") if f.is_file()) / 1e6 if nlp.path else 0.0
        print(
            f"{lang}: {len(texts)} articles, {words:,} words, {mentions:,} mentions | load {load_s:.2f} s | "
            f"pipeline {statistics.median(pipe_rates):,.0f} words/s ({statistics.median(pipe_cpu):,.0f} per CPU second) | "
            f"extract_entities {statistics.median(full_rates):,.0f} words/s ({statistics.median(full_cpu):,.0f} per CPU second) "
            f"(median of {args.repeats}) | model {size_mb:.1f} MB"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS (both pipelines loaded): {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

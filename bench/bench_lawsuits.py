"""Throughput of extract_lawsuits alone, one core: articles per second over the dev corpora.

Reads ../shared/data/corpora (BBC: one .txt per article, title on line 1;
10kGNAD test.csv: `label;'text'`, German) relative to the repository root and
prints the median articles/s of several repeats, wall clock and CPU time (the CPU
figure holds when other processes share the machine). Target: >= 1,000 articles/s.

Entity input is computed before the clock starts, so that only the lawsuit extractor
is timed. By default it is a cheap stand-in for the NER: every run of capitalised words
is an ORG mention; its noise (sentence openers, common German nouns) also exercises the
extractor's own filters. With --ner the project's own entity extractor provides it (slow
to compute: use --limit). Amount input is empty.
Usage: python bench/bench_lawsuits.py [--repeats N] [--ner] [--limit N]
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import pipeline_texts  # noqa: E402

from etl.extract.lawsuits import extract_lawsuits  # noqa: E402
from etl.extract.model import EntityMention  # noqa: E402

_CAPS = re.compile(r"\b[A-ZÄÖÜ][\w&.-]*(?:\s+[A-ZÄÖÜ][\w&.-]*)*")


def capitalised_entities(text: str, language: str) -> list[EntityMention]:
    """The stand-in entity input: capitalised word runs as ORG mentions."""
    return [EntityMention(m.group(), m.start(), m.end(), "ORG", m.group()) for m in _CAPS.finditer(text)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--ner", action="store_true", help="entity input from etl.extract.entities, not the stand-in")
    ap.add_argument("--limit", type=int, default=0, help="use every n-th article so that about N are used")
    args = ap.parse_args(argv)
    texts = pipeline_texts()
    if args.limit and args.limit < len(texts):
        texts = texts[::len(texts) // args.limit]
    if args.ner:
        from etl.extract.entities import extract_entities as entities
    else:
        entities = capitalised_entities
    docs = [(text, lang, entities(text, lang)) for text, lang in texts]
    for text, lang, ents in docs:  # warm up: lexicon loading, regex compilation, HanTa's German lexicon
        extract_lawsuits(text, lang, ents, [])
    rates, cpu_rates, found = [], [], 0
    for _ in range(args.repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        found = sum(len(extract_lawsuits(text, lang, ents, [])) for text, lang, ents in docs)
        rates.append(len(docs) / (time.perf_counter() - t0))
        cpu_rates.append(len(docs) / (time.process_time() - c0))
    by_lang = {lang: sum(1 for _, l, _ in docs if l == lang) for lang in ("en", "de")}
    print(f"articles: {len(docs)} ({by_lang['en']} en, {by_lang['de']} de), entities: "
          f"{'etl.extract.entities' if args.ner else 'capitalised runs'}, lawsuits found: {found}")
    print(f"articles/s per repeat (wall): {', '.join(f'{r:,.0f}' for r in rates)}")
    print(f"median: {statistics.median(rates):,.0f} articles/s wall, "
          f"{statistics.median(cpu_rates):,.0f} articles/s of CPU time")
    return 0


if __name__ == "__main__":
    sys.exit(main())

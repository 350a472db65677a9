"""Score extract_amounts on the amount sentences (../shared/data/gold/amounts_sentences_dev.jsonl).

The matching rule is the one of ../shared/tools/score.py (score_amounts): kind and
unit agree (counts: kind and value only), value within 0.5 %, spans overlap;
gold amounts marked `"score": false` (vague ones) count neither way. A range is
one Amount here but two gold records (range_low, range_high), so it is scored
as its two ends. Usage: python -m etl.evaluation.amounts FILE
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from etl.extract.amounts import extract_amounts


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 0.005 * max(abs(b), 1e-9)


def _overlap(a: str | None, b: str | None) -> bool:
    a, b = (a or "").strip().lower(), (b or "").strip().lower()
    return bool(a) and bool(b) and (a in b or b in a)


def _predictions(text: str, language: str) -> list[dict]:
    """Extracted amounts in the gold's shape; a range yields its low and its high end."""
    out = []
    for am in extract_amounts(text, language, []):
        out.append({"span": am.mention_text, "kind": am.kind, "value": am.value, "unit": am.unit})
        if am.value_max is not None:
            out.append({"span": am.mention_text, "kind": am.kind, "value": am.value_max, "unit": am.unit})
    return out


def _match(gold: list[dict], preds: list[dict]) -> tuple[int, int, int, list[dict], list[dict]]:
    """score.py's greedy matching: (tp, n_pred, n_gold, unmatched preds, unmatched gold)."""
    used: set[int] = set()
    tp = fp = 0
    wrong = []
    for p in preds:
        hit = None
        for i, ga in enumerate(gold):
            if i in used or ga["kind"] != p["kind"] or not _overlap(p["span"], ga["span"]):
                continue
            if ga.get("value") is not None and ga.get("score", True) and not _close(p["value"], ga["value"]):
                continue
            if ga["kind"] != "count" and ga.get("score", True) and p["unit"] != ga.get("unit"):
                continue
            hit = i
            break
        if hit is None:
            fp += 1
            wrong.append(p)
        else:
            used.add(hit)
            tp += 1 if gold[hit].get("score", True) else 0
    missed = [ga for i, ga in enumerate(gold) if i not in used and ga.get("score", True)]
    return tp, tp + fp, tp + len(missed), wrong, missed


def _shows_negative(span: str, negative: str, gold: list[dict]) -> bool:
    """The prediction is the negative, or holds it as a word while reaching beyond every gold span

    ("2023 200 Millionen Dollar" holds the year "2023"; "über eine Million Benutzer"
    holds "eine" but is itself a gold span).
    """
    span, neg = span.strip().lower(), negative.strip().lower()
    if span == neg:
        return True
    if not re.search(rf"(?<!\w){re.escape(neg)}(?!\w)", span):
        return False
    return not any(span in ga["span"].strip().lower() for ga in gold)


def score_sentences(path: str | Path) -> dict:
    """Precision, recall and F1 over all sentences, negatives that came out, and the errors."""
    tp = n_pred = n_gold = 0
    negatives, errors = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        preds = _predictions(row["text"], row["lang"])
        t, p, g, wrong, missed = _match(row["amounts"], preds)
        tp, n_pred, n_gold = tp + t, n_pred + p, n_gold + g
        for neg in row.get("negatives", []):
            for pr in preds:
                if _shows_negative(pr["span"], neg, row["amounts"]):
                    negatives.append({"id": row["id"], "negative": neg, "extracted": pr["span"]})
        if wrong or missed:
            errors.append({"id": row["id"], "false_positives": wrong, "missed": missed})
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "negatives_extracted": negatives, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m etl.evaluation.amounts AMOUNTS_SENTENCES.jsonl", file=sys.stderr)
        return 2
    print(json.dumps(score_sentences(argv[0]), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score the warehouse path against development gold articles, per language (and per split).

Writes each gold article as <doc_id>.txt into a temporary folder, runs `etl run` on it, reads
the published views with ../shared/tools/warehouse_preds.py and scores with ../shared/tools/score.py.
Gold files whose lines carry "split" (lawsuits_dev.jsonl: tune/check) are scored per split too.
--split tune scores (and runs) only the lines of that split, so that held-out lines stay unseen while tuning.
Usage: python scripts/eval_gold.py [--gold FILE] [--split NAME] [--keep DIR] [--json]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _score(docs: list[dict], pred: Path, path: Path) -> dict:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(path), str(pred), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def subsets(docs: list[dict]) -> dict[str, list[dict]]:
    """Named subsets to score: each split (if any) and language, crossed, and all."""
    splits = sorted({d["split"] for d in docs if d.get("split")})
    out = {}
    for split in [*splits, None]:
        for lang in ("de", "en", None):
            sub = [d for d in docs if split in (None, d.get("split")) and lang in (None, d["language"])]
            if sub:
                out[":".join(x for x in (split, lang) if x) or "all"] = sub
    return out


def evaluate(gold: Path, workdir: Path, split: str | None = None) -> dict:
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if split is not None:
        docs = [d for d in docs if d.get("split") == split]
        if not docs:
            sys.exit(f"no lines with split {split!r} in {gold}")
    inbox = workdir / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    for d in docs:
        (inbox / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
    warehouse = workdir / "gold.duckdb"
    etl = Path(sys.executable).with_name("etl")
    subprocess.run([str(etl), "run", "--input", str(inbox), "--warehouse", str(warehouse),
                    "--reports", str(workdir / "reports"), "--work", str(workdir / "work"), "--no-progress"],
                   check=True, stdout=sys.stderr)  # the run's summary must not mix with --json output
    preds = subprocess.run([sys.executable, str(SHARED / "tools" / "warehouse_preds.py"), str(warehouse)],
                           check=True, capture_output=True, text=True).stdout
    pred = workdir / "pred.jsonl"
    pred.write_text(preds, encoding="utf-8")
    return {name: _score(sub, pred, workdir / f"gold_{name.replace(':', '_')}.jsonl") for name, sub in subsets(docs).items()}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gold", type=Path, default=SHARED / "data" / "gold" / "articles_dev.jsonl")
    p.add_argument("--split", help="score only the gold lines of this split (e.g. tune)")
    p.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    if not args.gold.exists():
        sys.exit(f"no gold file at {args.gold} (development data, not part of the repository)")
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="eval-gold-"))
    scores = evaluate(args.gold, workdir, args.split)
    if args.json:
        print(json.dumps(scores))
        return
    scopes = _scopes(args.gold)
    for name, s in scores.items():
        print(f"[{name}] docs {s['docs']} (missing {s['docs_missing']})")
        for k in ("entities", "amounts", "lawsuits"):
            if k in scopes:  # a lawsuits-only gold file scores nothing else
                print(f"  {k:9} " + "  ".join(f"{m} {v}" for m, v in s[k].items()))


def _scopes(gold: Path) -> set[str]:
    """What the gold lines annotate (ANNOTATION.md: `scope`, all three when absent)."""
    every = {"entities", "amounts", "lawsuits"}
    return {k for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
            for k in json.loads(line).get("scope", every)}


if __name__ == "__main__":
    main()

"""The benchmark corpora from ../shared/data/corpora as (name, text) pairs: BBC (English) and 10kGNAD (German)."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpora"


def articles() -> list[tuple[str, str]]:
    if not CORPORA.exists():
        sys.exit(f"benchmark needs {CORPORA} (development data, not part of the repository)")
    out = []
    for path in sorted((CORPORA / "bbc").rglob("*.txt")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        out.append((f"bbc-{path.parent.name}-{path.stem}", text))
    with open(CORPORA / "gnad10k" / "test.csv", encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if len(row) >= 2:
                out.append((f"gnad-{i:04d}", row[1]))
    return out

"""The benchmark corpora from ../shared/data/corpora: BBC (English) and the 10kGNAD test split (German)."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPORA = ROOT.parent / "shared" / "data" / "corpora"


def articles() -> list[tuple[str, str, str]]:
    """(name, raw file text, language) for every article; exits with a message when the data is absent."""
    if not CORPORA.is_dir():
        sys.exit(f"benchmark needs {CORPORA} (development data, not part of the repository)")
    out = []
    for path in sorted((CORPORA / "bbc").glob("*/*.txt")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:  # one BBC file is Latin-1
            text = data.decode("latin-1")
        out.append((f"bbc-{path.parent.name}-{path.stem}", text, "en"))
    with open(CORPORA / "gnad10k" / "test.csv", encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if len(row) >= 2:
                out.append((f"gnad-{i:04d}", row[1], "de"))
    return out


def pipeline_texts() -> list[tuple[str, str]]:
    """(text, language) as the pipeline stores and extracts them: title, blank line, cleaned body."""
    from etl.ingest.clean import article_text, clean_body, split_title

    docs = []
    for _, raw, language in articles():
        title, body = split_title(raw)
        docs.append((article_text(title, clean_body(body)[0]), language))
    return docs

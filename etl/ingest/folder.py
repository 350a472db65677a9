"""A whole input folder -> article rows and one ingest_log row per file, given what is already published."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from etl.ingest.clean import article_id, article_text, clean_body, content_hash
from etl.ingest.errors import Quarantine
from etl.ingest.language import detect_language
from etl.ingest.parse import Item, parse_item, split_items


@dataclass
class KnownState:
    """What the warehouse has published: file -> (content hash, article id), and article ids."""

    files: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)  # article_id -> source_file


@dataclass
class IngestResult:
    articles: list[dict] = field(default_factory=list)
    log: list[dict] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.log if row["status"] == status)


def discover(input_dir: Path) -> list[Path]:
    """Every regular file under input_dir, recursively, in a stable order."""
    found = []
    for root, dirs, files in os.walk(input_dir):
        dirs.sort()
        found.extend(Path(root, f) for f in sorted(files))
    return found


def ingest_folder(input_dir: Path, known: KnownState, *, run_id: str, now: datetime,
                  max_file_bytes: int, min_article_chars: int) -> IngestResult:
    result = IngestResult()
    seen: dict[str, str] = {}  # article_id -> source_file, this run
    for path in discover(input_dir):
        rel = path.relative_to(input_dir).as_posix()
        for item, problem in _read_items(path, rel, max_file_bytes):
            row = {"run_id": run_id, "source_file": item.source_file, "content_hash": item.content_hash,
                   "article_id": None, "logged_at": now}
            if problem is not None:
                result.log.append(row | _quarantined(problem))
                continue
            old = known.files.get(item.source_file)
            if old is not None and old[0] == item.content_hash:
                result.log.append(row | {"status": "unchanged", "reason": "same_content", "article_id": old[1],
                                         "detail": "already processed with the same content"})
                continue
            try:
                article = _article(item, min_article_chars)
            except Quarantine as q:
                result.log.append(row | _quarantined(q))
                continue
            aid = article["article_id"]
            row["article_id"] = aid
            first = seen.get(aid) or known.articles.get(aid)
            if first is not None:
                result.log.append(row | {"status": "duplicate", "reason": "same_content",
                                         "detail": f"same article as {first}"})
                continue
            seen[aid] = item.source_file
            changed = old is not None
            result.log.append(row | {
                "status": "loaded", "reason": "changed" if changed else "new",
                "detail": f"content changed; replaces article {old[1]}" if changed else f"new {article['language']} article"})
            result.articles.append(article | {"source_file": item.source_file, "content_hash": item.content_hash,
                                              "run_id": run_id, "ingested_at": now})
    return result


def _read_items(path: Path, rel: str, max_file_bytes: int):
    """Yield (item, None) or (item, Quarantine) for a file that cannot even be read or split."""
    try:
        size = path.stat().st_size
        if size > max_file_bytes:
            raise Quarantine("too_large", f"{size:,} bytes; the limit is {max_file_bytes:,} (ETL_MAX_FILE_BYTES)")
        data = path.read_bytes()
    except Quarantine as q:
        yield Item(rel, None, b"", ""), q
        return
    except OSError as err:
        yield Item(rel, None, b"", ""), Quarantine("unreadable", f"{type(err).__name__}: {err.strerror or err}")
        return
    for item in split_items(rel, data, content_hash):
        yield item, None


def _article(item: Item, min_article_chars: int) -> dict:
    raw = parse_item(item)
    body, source_ref = clean_body(raw.body)
    text = article_text(raw.title, body)
    if len(text) < min_article_chars:
        raise Quarantine("too_short", f"{len(text)} characters of text; the minimum is {min_article_chars} (ETL_MIN_ARTICLE_CHARS)")
    return {
        "article_id": article_id(text), "title": text.split("\n", 1)[0], "text": text,
        "source_ref": source_ref, "language": detect_language(text), "published_at": raw.published_at,
        "url": raw.url, "source": raw.source, "word_count": len(text.split()),
    }


def _quarantined(q: Quarantine) -> dict:
    return {"status": "quarantined", "reason": q.reason, "detail": q.detail}

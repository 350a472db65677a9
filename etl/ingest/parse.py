"""One input file -> one or more raw articles (JSONL: one per line), or a Quarantine per bad item."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from etl.ingest.clean import split_title
from etl.ingest.decode import decode
from etl.ingest.errors import Quarantine

FORMATS = (".txt", ".json", ".jsonl", ".html", ".htm")
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published_at", "published", "date")
MAX_JSON_DEPTH = 64  # articles nest two or three levels; Python's parser recurses and would overflow at ~1,000
_JSON_TOKENS = re.compile(r'\\.|["\[\]{}]', re.DOTALL)  # all that nesting depends on


@dataclass(frozen=True)
class RawArticle:
    title: str
    body: str
    url: str | None = None
    published_at: datetime | None = None
    source: str | None = None


@dataclass(frozen=True)
class Item:
    """One unit of input: a file, or one line of a JSONL file."""

    source_file: str  # escaped path relative to the input folder (see folder.source_name); JSONL lines get "#L<n>"
    content_hash: str
    data: bytes
    fmt: str


def split_items(source_file: str, data: bytes, content_hash) -> list[Item]:
    """JSONL files become one item per non-empty line, so each line is accounted for on its own."""
    fmt = "." + source_file.rsplit(".", 1)[-1].lower() if "." in source_file else ""
    if fmt != ".jsonl" or not data.strip():
        return [Item(source_file, content_hash(data), data, fmt)]
    return [Item(f"{source_file}#L{n}", content_hash(line), line, ".json")
            for n, line in enumerate(data.split(b"\n"), start=1) if line.strip()]


def parse_item(item: Item) -> RawArticle:
    if item.fmt not in FORMATS:
        raise Quarantine("unsupported_format", f"extension {item.fmt or '(none)'!r} is not one of {' '.join(FORMATS)}")
    text, _ = decode(item.data)
    if item.fmt == ".txt":
        title, body = split_title(text)
        return RawArticle(title=title, body=body)
    if item.fmt == ".json":
        return _parse_json(text)
    return _parse_html(text)


def json_depth(text: str) -> int:
    """How deep arrays and objects nest, brackets inside strings aside; cheap when there are few brackets."""
    brackets = text.count("[") + text.count("{")
    if brackets <= MAX_JSON_DEPTH:
        return brackets  # an upper bound, enough to pass the check
    depth = deepest = 0
    in_string = False
    for token in _JSON_TOKENS.findall(text):
        if token == '"':
            in_string = not in_string
        elif in_string or len(token) == 2:  # a bracket inside a string, or an escape
            continue
        elif token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _parse_json(text: str) -> RawArticle:
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise Quarantine("too_deep", f"arrays and objects nest {depth:,} levels deep; the limit is {MAX_JSON_DEPTH}")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        raise Quarantine("invalid_json", f"{err.msg} at line {err.lineno} column {err.colno}") from None
    except (ValueError, RecursionError) as err:  # e.g. an integer of more than 4,300 digits
        raise Quarantine("invalid_json", f"{type(err).__name__}: {err}"[:300]) from None
    if not isinstance(obj, dict):
        raise Quarantine("no_text", f"expected a JSON object, found {type(obj).__name__}")
    body = next((obj[f] for f in TEXT_FIELDS if isinstance(obj.get(f), str) and obj[f].strip()), None)
    if body is None:
        raise Quarantine("no_text", f"no non-empty {'/'.join(TEXT_FIELDS)} field (keys: {', '.join(sorted(obj)) or 'none'})")
    title = obj.get("title") if isinstance(obj.get("title"), str) else ""
    if not title.strip():
        title, body = split_title(body)
    date = next((obj[f] for f in DATE_FIELDS if obj.get(f)), None)
    return RawArticle(title=title.strip(), body=body, url=_str(obj.get("url")),
                      published_at=parse_datetime(date), source=_str(obj.get("source")))


def _parse_html(html: str) -> RawArticle:
    import trafilatura  # heavy import, only when HTML arrives

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise Quarantine("no_main_content", "trafilatura found no main article text")
    title = (doc.title or "").strip()
    if not title:
        title, body = split_title(body)
    # trafilatura puts one paragraph per line and repeats the headline as the first one
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    body = "\n\n".join(paragraphs)
    return RawArticle(title=title, body=body, url=doc.url, published_at=parse_datetime(doc.date),
                      source=doc.sitename)


def parse_datetime(value) -> datetime | None:
    """ISO dates and times as sources give them; naive values are taken as UTC; junk gives None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        return dt.astimezone(timezone.utc) if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
    except (ValueError, OverflowError):  # junk, or year 1 at +14:00 that UTC cannot hold
        return None


def _str(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None

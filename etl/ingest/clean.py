"""Cleaning: scraper markers and footers out, paragraphs kept, text = title + blank line + body."""
from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

import yaml

_ODD_SPACES = re.compile(r"[\t\u00a0\u2007\u202f]")  # one space each: quotes of the text keep their offsets
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_MANY_NEWLINES = re.compile(r"\n{3,}")


@cache
def _rules() -> tuple[re.Pattern, frozenset[str]]:
    data = yaml.safe_load((Path(__file__).with_name("boilerplate.yaml")).read_text(encoding="utf-8"))
    return re.compile(data["source_ref"], re.IGNORECASE), frozenset(f.lower() for f in data["footers"])


def clean_body(body: str) -> tuple[str, str | None]:
    """Remove a `source-NNN` marker line (returned as source_ref) and any footer; tabs and no-break
    spaces become spaces, one for one, and runs of spaces stay, so a quote from the file is a quote of the text."""
    marker, footers = _rules()
    source_ref = None
    kept = []
    for line in body.split("\n"):
        line = _ODD_SPACES.sub(" ", line).strip()
        m = marker.match(line)
        if m:
            source_ref = source_ref or m.group(1)
            continue
        if line.lower().rstrip(" :.!…") in footers:
            break
        kept.append(line)
    text = _MANY_NEWLINES.sub("\n\n", "\n".join(kept)).strip()
    return text, source_ref


def split_title(text: str) -> tuple[str, str]:
    """Title = the first non-empty line; body = the rest."""
    stripped = text.strip()
    title, _, body = stripped.partition("\n")
    return title.strip(), body


def article_text(title: str, body: str) -> str:
    """The stored text that every offset points into."""
    title = _LINE_BREAKS.sub(" ", _ODD_SPACES.sub(" ", title)).strip()  # a JSON or HTML title may span lines
    return f"{title}\n\n{body}" if body else title


def article_id(text: str) -> str:
    """Stable for the same cleaned content, whatever file it came in."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

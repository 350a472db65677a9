"""A whole input folder -> article rows and one ingest_log row per file, given what is already published.

Whatever the folder holds ends as exactly one ingest_log row per file (or JSONL line): FIFOs, sockets
and devices are never opened, links out of the folder are not followed unless allowed, and file names
that are not UTF-8 are stored in an escaped, reversible form.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterator, Protocol
from urllib.parse import unquote_to_bytes

from etl.ingest.clean import article_id, article_text, clean_body, content_hash
from etl.ingest.decode import check_text
from etl.ingest.errors import Quarantine
from etl.ingest.language import detect_language
from etl.ingest.parse import Item, parse_item, split_items

# Bytes escaped as %XX in stored names: % itself (so the escape is reversible), # (so no file name can
# look like a JSONL line's "#L<n>"), control characters, and bytes that are not UTF-8 (surrogateescape).
_ESCAPED = re.compile("[\x00-\x1f\x7f%#\udc80-\udcff]")
_CHUNK_ITEMS = 1000  # items looked up in the warehouse at once
_CHUNK_BYTES = 64 * 1024 * 1024  # bytes of file content held at once


def source_name(relative: str) -> str:
    """A relative path (str from os functions, surrogateescape for non-UTF-8 bytes) -> valid UTF-8 name."""
    return _ESCAPED.sub(lambda m: f"%{ord(m.group()) & 0xFF:02X}", relative)


def source_bytes(name: str) -> bytes:
    """The exact bytes of the relative path that source_name() escaped (without a "#L<n>" suffix)."""
    return unquote_to_bytes(name)


class Known(Protocol):
    """What the warehouse has published, looked up a chunk at a time."""

    def previous_versions(self, names: list[str]) -> dict[str, tuple[str, str | None]]:
        """source_file -> (content hash, article id) of the published state of those files."""

    def published_sources(self, article_ids: list[str]) -> dict[str, str]:
        """article_id -> source_file of those articles already published."""


@dataclass
class KnownState:
    """The published state held in memory: for tests and tiny warehouses (WarehouseState for real ones)."""

    files: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)  # article_id -> source_file

    def previous_versions(self, names):
        return {n: self.files[n] for n in names if n in self.files}

    def published_sources(self, article_ids):
        return {a: self.articles[a] for a in article_ids if a in self.articles}


class WarehouseState:
    """The published state looked up with joins inside DuckDB, so nothing of the warehouse's size
    (core.files, every published article id) is loaded into Python."""

    def __init__(self, con):
        self.con = con

    def previous_versions(self, names):
        rows = self.con.execute("""
            SELECT f.source_file, f.content_hash, f.article_id
            FROM core.files f JOIN (SELECT unnest($names) AS source_file) n USING (source_file)""",
                                {"names": names}).fetchall()
        return {f: (h, a) for f, h, a in rows}

    def published_sources(self, article_ids):
        return dict(self.con.execute("""
            SELECT a.article_id, a.source_file
            FROM core.articles a JOIN (SELECT unnest($ids) AS article_id) i USING (article_id)
            WHERE a.published""", {"ids": article_ids}).fetchall())


@dataclass
class IngestResult:
    articles: list[dict] = field(default_factory=list)
    log: list[dict] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.log if row["status"] == status)


@dataclass(frozen=True)
class Entry:
    """One thing found in the input folder: a file to read, or something quarantined unopened."""

    path: str
    name: str  # source_name() of the path relative to the input folder
    problem: Quarantine | None = None
    follow: bool = False  # a symbolic link that may be opened


def discover(input_dir: Path, *, follow_symlinks_out: bool = False) -> Iterator[Entry]:
    """Everything under input_dir, in a stable order (a folder's files, then its subfolders, sorted).

    Folders are walked with an explicit stack (any depth), links to folders are not walked into, and
    a folder that cannot be listed is reported, not skipped.
    """
    top = os.fspath(input_dir)
    root = os.path.realpath(top)
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            yield Entry(folder, _name(folder, top), Quarantine("unreadable", f"folder could not be listed: {_oserror(err)}"))
            continue
        subfolders = []
        for e in entries:
            name = _name(e.path, top)
            try:
                if e.is_dir(follow_symlinks=False):
                    subfolders.append(e.path)
                elif e.is_symlink():
                    yield _link(e.path, name, root, follow_symlinks_out)
                else:
                    mode = e.stat(follow_symlinks=False).st_mode
                    yield Entry(e.path, name, None if stat.S_ISREG(mode) else _not_regular(mode))
            except OSError as err:
                yield Entry(e.path, name, Quarantine("unreadable", _oserror(err)))
        stack.extend(reversed(subfolders))


def _name(path: str, top: str) -> str:
    return source_name(Path(os.path.relpath(path, top)).as_posix())


def _link(path: str, name: str, root: str, follow_out: bool) -> Entry:
    target = os.path.realpath(path)
    shown = source_name(target)
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return Entry(path, name, Quarantine("unreadable", f"symbolic link to {shown}: {_oserror(err)}"))
    if stat.S_ISDIR(mode):
        return Entry(path, name, Quarantine("not_regular_file", f"symbolic link to the folder {shown}; links to folders are not walked"))
    if os.path.commonpath([root, target]) != root and not follow_out:
        return Entry(path, name, Quarantine("outside_input", f"symbolic link to {shown}, outside the input folder; "
                                                              "not followed (links out of the folder are off)"))
    return Entry(path, name, None if stat.S_ISREG(mode) else _not_regular(mode, f" behind the link to {shown}"), follow=True)


def _not_regular(mode: int, where: str = "") -> Quarantine:
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a character device" if stat.S_ISCHR(mode) else "a block device" if stat.S_ISBLK(mode)
            else f"not a regular file (mode {stat.filemode(mode)})")
    return Quarantine("not_regular_file", f"{kind}{where}; only regular files are read, and this one was never opened")


def _oserror(err: OSError) -> str:
    return f"{type(err).__name__}: {err.strerror or err}"


def ingest_folder(input_dir: Path, known: Known, *, run_id: str, now: datetime,
                  max_file_bytes: int, min_article_chars: int, follow_symlinks_out: bool = False) -> IngestResult:
    """Read every file; look up what is published a chunk at a time; log each file (or JSONL line) once."""
    result = IngestResult()
    seen: dict[str, str] = {}  # article_id -> source_file, this run
    chunk: list[tuple[Item, Quarantine | None]] = []
    held = 0
    for entry in discover(input_dir, follow_symlinks_out=follow_symlinks_out):
        for item, problem in _read_items(entry, max_file_bytes):
            chunk.append((item, problem))
            held += len(item.data)
        if len(chunk) >= _CHUNK_ITEMS or held >= _CHUNK_BYTES:
            _ingest_chunk(chunk, known, result, seen, run_id=run_id, now=now, min_article_chars=min_article_chars)
            chunk, held = [], 0
    _ingest_chunk(chunk, known, result, seen, run_id=run_id, now=now, min_article_chars=min_article_chars)
    return result


def _ingest_chunk(chunk, known: Known, result: IngestResult, seen: dict[str, str], *,
                  run_id: str, now: datetime, min_article_chars: int) -> None:
    if not chunk:
        return
    previous = known.previous_versions([item.source_file for item, problem in chunk if problem is None])
    rows, candidates = [], []
    for item, problem in chunk:
        row = {"run_id": run_id, "source_file": item.source_file, "content_hash": item.content_hash,
               "article_id": None, "logged_at": now}
        rows.append(row)
        old = previous.get(item.source_file)
        if problem is None and old is not None and old[0] == item.content_hash:
            row |= {"status": "unchanged", "reason": "same_content", "article_id": old[1],
                    "detail": "already processed with the same content"}
            continue
        try:
            if problem is not None:
                raise problem
            article = _article(item, min_article_chars)
        except Quarantine as q:
            row |= _quarantined(q)
            continue
        except Exception as err:  # noqa: BLE001 - one odd item must not stop the run; it is logged, not lost
            row |= _quarantined(Quarantine("internal_error", f"{type(err).__name__}: {err}"[:500]))
            continue
        row["article_id"] = article["article_id"]
        candidates.append((row, item, old, article))
    published = known.published_sources(sorted({c[3]["article_id"] for c in candidates}))
    for row, item, old, article in candidates:
        aid = article["article_id"]
        first = seen.get(aid) or published.get(aid)
        if first is not None:
            row |= {"status": "duplicate", "reason": "same_content", "detail": f"same article as {first}"}
            continue
        seen[aid] = item.source_file
        row |= {"status": "loaded", "reason": "changed" if old else "new",
                "detail": f"content changed; replaces article {old[1]}" if old else f"new {article['language']} article"}
        result.articles.append(article | {"source_file": item.source_file, "content_hash": item.content_hash,
                                          "run_id": run_id, "ingested_at": now})
    result.log.extend(rows)


def _read_items(entry: Entry, max_file_bytes: int):
    """Yield (item, None) or (item, Quarantine) for a file that cannot even be read or split."""
    try:
        if entry.problem is not None:
            raise entry.problem
        data = _read_regular(entry, max_file_bytes)
    except Quarantine as q:
        yield Item(entry.name, None, b"", ""), q
        return
    except OSError as err:
        yield Item(entry.name, None, b"", ""), Quarantine("unreadable", _oserror(err))
        return
    for item in split_items(entry.name, data, content_hash):
        yield item, None


def _read_regular(entry: Entry, max_file_bytes: int) -> bytes:
    """Open without blocking (a file swapped for a FIFO since discovery cannot hang the run) and check
    on the open descriptor that it is a regular file within the size limit."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if entry.follow else os.O_NOFOLLOW)
    fd = os.open(entry.path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(st.st_mode)
        if st.st_size > max_file_bytes:
            raise _too_large(st.st_size, max_file_bytes)
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(max_file_bytes + 1)
    finally:
        os.close(fd)
    if len(data) > max_file_bytes:  # grew since fstat
        raise _too_large(len(data), max_file_bytes)
    return data


def _too_large(size: int, limit: int) -> Quarantine:
    return Quarantine("too_large", f"{size:,} bytes; the limit is {limit:,} (ETL_MAX_FILE_BYTES)")


def _article(item: Item, min_article_chars: int) -> dict:
    raw = parse_item(item)
    for where, value in (("title", raw.title), ("url", raw.url), ("source", raw.source)):
        if value:
            check_text(value, where)
    body, source_ref = clean_body(raw.body)
    text = article_text(raw.title, body)
    check_text(text)
    if len(text) < min_article_chars:
        raise Quarantine("too_short", f"{len(text)} characters of text; the minimum is {min_article_chars} (ETL_MIN_ARTICLE_CHARS)")
    return {
        "article_id": article_id(text), "title": text.split("\n", 1)[0], "text": text,
        "source_ref": source_ref, "language": detect_language(text), "published_at": raw.published_at,
        "url": raw.url, "source": raw.source, "word_count": len(text.split()),
    }


def _quarantined(q: Quarantine) -> dict:
    return {"status": "quarantined", "reason": q.reason, "detail": q.detail}

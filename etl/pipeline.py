"""One run as plain functions, shared by the CLI and the Airflow DAGs.

ingest (or plan_backfill) -> extract_batch (many, anywhere) -> load -> audit -> publish -> finish_report.
Every step takes the run id and finds its inputs in the run's working folder, so each can be
retried on its own; only load, audit, publish and ingest open the warehouse, and only load and
publish change what it holds.
"""
from __future__ import annotations

import json
import secrets
import time
from datetime import datetime, timezone
from pathlib import Path

from etl.config import settings

ARTICLE_COLUMNS = ("article_id", "source_file", "source_ref", "title", "text", "language", "published_at",
                   "url", "source", "word_count", "content_hash", "run_id", "ingested_at")
BATCH_COLUMNS = ("article_id", "text", "language", "fx_year")


class AuditFailed(RuntimeError):
    """The run's data failed a blocking expectation; nothing was published."""


def new_run_id() -> str:
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def run_dir(run_id: str) -> Path:
    return settings().work_dir / run_id


def report_dir(run_id: str) -> Path:
    return settings().reports_dir / run_id


def _connect(read_only: bool = False):
    from etl.warehouse.db import connect

    return connect(settings().warehouse, read_only=read_only)


def _start(con, run_id: str, kind: str, input_dir: str | None) -> datetime:
    from etl.extract import EXTRACTOR_VERSION

    now = datetime.now(timezone.utc)
    con.execute("""
        INSERT INTO core.runs (run_id, kind, started_at, status, input_dir, extractor_version, report_path)
        VALUES ($run_id, $kind, $now, 'running', $input_dir, $version, $report)
        ON CONFLICT (run_id) DO UPDATE SET status = 'running', message = NULL""",
                {"run_id": run_id, "kind": kind, "now": now, "input_dir": input_dir, "version": EXTRACTOR_VERSION,
                 "report": str(report_dir(run_id) / "summary.html")})
    return now


def _write_batches(folder: Path, articles, batch_size: int) -> list[str]:
    """Split the articles to extract into Parquet batches; a retry rewrites the same files."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    batch_dir = folder / "batches"
    batch_dir.mkdir(parents=True, exist_ok=True)
    for old in batch_dir.glob("batch_*.parquet"):
        old.unlink()
    paths = []
    for start in range(0, len(articles), batch_size):
        path = batch_dir / f"batch_{start // batch_size:04d}.parquet"
        pq.write_table(pa.Table.from_pylist(articles[start:start + batch_size]), path)
        paths.append(str(path))
    return paths


def _fx_year(published_at, fallback: int) -> int:
    return published_at.year if published_at is not None else fallback


def ingest(run_id: str, input_dir: str | None = None) -> dict:
    """Read the input folder; write the run's articles, ingest log and extraction batches as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from etl.ingest.folder import KnownState, ingest_folder

    s = settings()
    source = Path(input_dir) if input_dir else s.input_dir
    con = _connect()
    try:
        now = _start(con, run_id, "ingest", str(source))
        if not source.is_dir():
            raise FileNotFoundError(f"input folder {source} does not exist")
        known = KnownState(
            files={f: (h, a) for f, h, a in con.execute("SELECT source_file, content_hash, article_id FROM core.files").fetchall()},
            articles=dict(con.execute("SELECT article_id, source_file FROM core.articles WHERE published").fetchall()))
    finally:
        con.close()
    result = ingest_folder(source, known, run_id=run_id, now=now,
                           max_file_bytes=s.max_file_bytes, min_article_chars=s.min_article_chars)
    folder = run_dir(run_id)
    folder.mkdir(parents=True, exist_ok=True)
    log_schema = pa.schema([("run_id", pa.string()), ("source_file", pa.string()), ("status", pa.string()),
                            ("reason", pa.string()), ("detail", pa.string()), ("content_hash", pa.string()),
                            ("article_id", pa.string()), ("logged_at", pa.timestamp("us", tz="UTC"))])
    pq.write_table(pa.Table.from_pylist(result.log, schema=log_schema), folder / "ingest_log.parquet")
    articles = [{c: a[c] for c in ARTICLE_COLUMNS} for a in result.articles]
    if articles:
        pq.write_table(pa.Table.from_pylist(articles), folder / "articles.parquet")
    else:
        (folder / "articles.parquet").unlink(missing_ok=True)
    to_extract = [{"article_id": a["article_id"], "text": a["text"], "language": a["language"],
                   "fx_year": _fx_year(a["published_at"], now.year)}
                  for a in articles if a["language"] in ("de", "en")]
    counts = {"files_seen": len(result.log), "new_articles": len(articles), "duplicates": result.count("duplicate"),
              "unchanged": result.count("unchanged"), "quarantined": result.count("quarantined")}
    con = _connect()
    try:
        con.execute("""UPDATE core.runs SET files_seen = $files_seen, articles_loaded = $new_articles,
                       duplicates = $duplicates, unchanged = $unchanged, quarantined = $quarantined
                       WHERE run_id = $run_id""", counts | {"run_id": run_id})
    finally:
        con.close()
    return {"run_id": run_id, "run_dir": str(folder),
            "batches": _write_batches(folder, to_extract, s.batch_size), **counts}


def plan_backfill(run_id: str, only_outdated: bool = True) -> dict:
    """Batches of published articles to re-extract with the current extractor version; no files read."""
    from etl.extract import EXTRACTOR_VERSION

    con = _connect()
    try:
        now = _start(con, run_id, "backfill", None)
        rows = con.execute("""
            SELECT a.article_id, a.text, a.language, coalesce(year(a.published_at), $year) AS fx_year
            FROM core.articles a
            LEFT JOIN core.extractions x ON x.article_id = a.article_id AND x.published
            WHERE a.published AND a.language IN ('de', 'en')
              AND (NOT $only_outdated OR x.extractor_version IS DISTINCT FROM $version)
            ORDER BY a.article_id""",
                           {"year": now.year, "only_outdated": only_outdated, "version": EXTRACTOR_VERSION}).fetchall()
    finally:
        con.close()
    folder = run_dir(run_id)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in ("ingest_log.parquet", "articles.parquet"):
        (folder / stale).unlink(missing_ok=True)
    articles = [dict(zip(BATCH_COLUMNS, r)) for r in rows]
    return {"run_id": run_id, "run_dir": str(folder), "batches": _write_batches(folder, articles, settings().batch_size),
            "files_seen": 0, "new_articles": 0, "duplicates": 0, "unchanged": 0, "quarantined": 0,
            "articles_to_extract": len(articles)}


def extract_batch(batch_path: str) -> str:
    """Extract one batch into Parquet beside it. Never touches DuckDB, so it can run on any worker."""
    import pyarrow.parquet as pq

    from etl.extract.rows import extraction_rows, write_rows

    batch = Path(batch_path)
    out = batch.with_suffix("")  # batches/batch_0000/
    run_id = batch.parent.parent.name
    started = time.perf_counter()
    rows, seconds_in_extract = extraction_rows(pq.read_table(batch).to_pylist(), run_id)
    write_rows(out, rows)
    (out / "done.json").write_text(json.dumps({
        "articles": len(rows["extractions"]), "seconds": round(time.perf_counter() - started, 3),
        "seconds_in_extract": round(seconds_in_extract, 3),
        **{name: len(r) for name, r in rows.items()}}))
    return str(out)


def batch_outputs(run_id: str) -> list[Path]:
    """Output folders of all the run's batches; a batch without output is an error, not a silent gap."""
    batches = sorted((run_dir(run_id) / "batches").glob("batch_*.parquet"))
    missing = [b.name for b in batches if not (b.with_suffix("") / "done.json").exists()]
    if missing:
        raise RuntimeError(f"run {run_id}: {len(missing)} batch(es) were not extracted: {', '.join(missing[:5])}")
    return [b.with_suffix("") for b in batches]


def load(run_id: str) -> dict:
    from etl.warehouse.load import load_run

    outputs = batch_outputs(run_id)
    con = _connect()
    try:
        return load_run(con, run_id, run_dir(run_id), outputs)
    finally:
        con.close()


def _has_new_rows(con, run_id: str) -> bool:
    return con.execute("""SELECT EXISTS (SELECT 1 FROM core.articles WHERE run_id = $r AND NOT published)
                          OR EXISTS (SELECT 1 FROM core.extractions WHERE run_id = $r AND NOT published)""",
                       {"r": run_id}).fetchone()[0]


def audit(run_id: str) -> dict:
    """Great Expectations over the run's unpublished rows; a blocking failure discards the run and raises."""
    from etl.warehouse.publish import discard_run

    s = settings()
    con = _connect()
    try:
        if not _has_new_rows(con, run_id):
            return {"success": True, "failed": [], "warnings": [], "report": None, "skipped": "no new rows to audit"}
        from etl.quality import audit_run

        result = audit_run(con, run_id, report_dir(run_id), s.max_no_entity_share)
        summary = {"success": result.success, "failed": result.failed, "warnings": result.warnings,
                   "report": str(report_dir(run_id) / "summary.html")}
        if not result.success:
            message = f"{result.message()}\nNothing was published. Report: {summary['report']}"
            discard_run(con, run_id, message)
            raise AuditFailed(message)
        return summary
    finally:
        con.close()


def publish(run_id: str) -> dict:
    from etl.warehouse.publish import publish_run

    con = _connect()
    try:
        status = con.execute("SELECT status FROM core.runs WHERE run_id = $r", {"r": run_id}).fetchone()
        if status is None:
            raise RuntimeError(f"no run {run_id}")
        if status[0] == "published":
            return {"run_id": run_id, "already_published": True}
        if status[0] != "loaded":
            raise RuntimeError(f"run {run_id} is {status[0]}, not loaded: it cannot be published")
        return {"run_id": run_id, **publish_run(con, run_id)}
    finally:
        con.close()


def mark_failed(run_id: str, message: str) -> None:
    from etl.warehouse.publish import discard_run

    con = _connect()
    try:
        status = con.execute("SELECT status FROM core.runs WHERE run_id = $r", {"r": run_id}).fetchone()
        if status is not None and status[0] not in ("published", "failed"):  # keep the first, most precise message
            discard_run(con, run_id, message)
    finally:
        con.close()


def finish_report(run_id: str) -> str:
    """The one-page run summary (also after a failure); returns its path."""
    from etl.quality.report import write_summary

    con = _connect()
    try:
        return str(write_summary(con, run_id, report_dir(run_id)))
    finally:
        con.close()


def run(input_dir: str | None = None, *, backfill: bool = False, only_outdated: bool = True,
        progress: bool = True, run_id: str | None = None) -> dict:
    """The whole pipeline in one process, extraction in a process pool (the CLI's `etl run`)."""
    run_id = run_id or new_run_id()
    timings = {}
    started = time.perf_counter()
    try:
        plan = plan_backfill(run_id, only_outdated) if backfill else ingest(run_id, input_dir)
        timings["ingest"] = time.perf_counter() - started
        t = time.perf_counter()
        seconds_in_extract = _extract_all(plan["batches"], progress)
        timings["extract"] = time.perf_counter() - t
        timings["inside_extract"] = seconds_in_extract
        t = time.perf_counter()
        loaded = load(run_id)
        timings["load"] = time.perf_counter() - t
        t = time.perf_counter()
        audited = audit(run_id)
        timings["audit"] = time.perf_counter() - t
        t = time.perf_counter()
        publish(run_id)
        timings["publish"] = time.perf_counter() - t
    except AuditFailed:
        finish_report(run_id)
        raise
    except BaseException as err:
        mark_failed(run_id, f"{type(err).__name__}: {err}")
        finish_report(run_id)
        raise
    report = finish_report(run_id)
    timings["total"] = time.perf_counter() - started
    return {**plan, "loaded": loaded, "audit": audited, "report": report,
            "timings": {k: round(v, 3) for k, v in timings.items()}}


def _extract_all(batches: list[str], progress: bool) -> float:
    """Run the batches in a process pool with a progress bar; return the seconds spent inside extract()."""
    import os

    from rich.progress import Progress

    workers = min(settings().workers or os.cpu_count() or 1, len(batches)) or 1
    total = 0.0
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("extracting", total=len(batches))
        for out in _run_batches(batches, workers):
            total += json.loads((Path(out) / "done.json").read_text())["seconds_in_extract"]
            bar.advance(task)
    return total


def _run_batches(batches: list[str], workers: int):
    """Yield each batch's output folder as it completes."""
    if workers == 1:
        yield from map(extract_batch, batches)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for fut in as_completed([pool.submit(extract_batch, b) for b in batches]):
            yield fut.result()

"""One run as plain functions, shared by the CLI and the Airflow DAGs; this module only sequences steps.

ingest (or plan_backfill) -> extract_batch (many, anywhere) -> load -> audit -> publish -> finish_report.

Every step takes the caller's settings and the run id and finds its inputs in the run's work
folder (etl.warehouse.runs.RunFolder), so each can be retried on its own. The run's state
(core.runs), the run lock and the transactions are etl.warehouse.runs'; the steps' SQL is in
etl.warehouse.load and .publish. A step that writes holds the run lock while it does, unless
its caller holds it for the whole run (`locked=True`, as `run` does); it opens the DuckDB file
for writing only for its own reads and writes, never while it reads files or extracts, so
analysts' queries keep working then.
"""
from __future__ import annotations

import logging
import os
import secrets
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from etl.config import Settings, settings as read_settings
from etl.warehouse.runs import Lease, RunFolder, RunInProgress, RunLock

__all__ = ["AuditFailed", "RunInProgress", "Terminated", "new_run_id", "report_dir", "ingest", "plan_backfill",
           "extract_batch", "load", "audit", "publish", "mark_failed", "finish_report", "run"]

log = logging.getLogger(__name__)

ARTICLE_COLUMNS = ("article_id", "source_file", "source_ref", "title", "text", "language", "published_at",
                   "url", "source", "word_count", "content_hash", "run_id", "ingested_at")
BATCH_COLUMNS = ("article_id", "text", "language", "published_at")


class AuditFailed(RuntimeError):
    """The run's data failed a blocking expectation; nothing was published."""


class Terminated(KeyboardInterrupt):
    """The process got SIGTERM: the run ends as failed, like after Ctrl-C."""


def new_run_id() -> str:
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def report_dir(s: Settings, run_id: str) -> Path:
    return s.reports_dir / run_id


def _connect(s: Settings, read_only: bool = False, wait_seconds: float | None = None):
    from etl.warehouse.db import connect

    return connect(s.warehouse, read_only=read_only, wait_seconds=wait_seconds, config=s)


@contextmanager
def _writing(s: Settings, run_id: str, step: str, locked: bool, wait_seconds: float | None = None):
    """A write connection for one step, under the run lock unless the caller holds it already.

    A step that takes the lock also ends runs whose holder died (see runs.abandon_dead_runs).
    """
    lock = None
    if not locked:
        lock = RunLock(s.lock_file)
        lock.acquire(Lease.mine(run_id, f"step {step}"), wait_seconds=s.lock_wait_seconds)
    try:
        con = _connect(s, wait_seconds=wait_seconds)
        try:
            if lock is not None:
                _abandon_dead_runs(s, con, run_id)
            yield con
        finally:
            con.close()
    finally:
        if lock is not None:
            lock.release()


def _abandon_dead_runs(s: Settings, con, run_id: str) -> None:
    """Call holding the run lock: runs whose process died are marked abandoned, their folders go."""
    from etl.warehouse import runs

    for dead in runs.abandon_dead_runs(con, run_id):
        log.warning("run %s had died; marked abandoned", dead)
        RunFolder.of(s.work_dir, dead).remove()


def _start(s: Settings, run_id: str, kind: str, input_dir: str | None, locked: bool) -> datetime:
    from etl.extract import EXTRACTOR_VERSION
    from etl.warehouse import runs

    with _writing(s, run_id, kind, locked) as con:
        if locked:
            _abandon_dead_runs(s, con, run_id)
        return runs.start(con, run_id, kind, input_dir=input_dir, extractor_version=EXTRACTOR_VERSION,
                          report_path=str(report_dir(s, run_id) / "summary.html"),
                          owner=Lease.mine(run_id, "etl run" if locked else "airflow").owner, holds_lock=locked)


def ingest(s: Settings, run_id: str, input_dir: str | Path | None = None, *, locked: bool = False) -> dict:
    """Read the input folder; write the run's articles, ingest log and extraction batches as Parquet.

    The warehouse is open for writing only to open the run and to record its counts; the files
    are read with a read-only connection for what is already published.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from etl.ingest.folder import WarehouseState, ingest_folder
    from etl.warehouse import runs

    source = Path(input_dir or s.input_dir).resolve()
    now = _start(s, run_id, "ingest", str(source), locked)
    if not source.is_dir():
        raise FileNotFoundError(f"input folder {source} does not exist")
    reader = _connect(s, read_only=True)
    try:
        result = ingest_folder(source, WarehouseState(reader), run_id=run_id, now=now,
                               max_file_bytes=s.max_file_bytes, min_article_chars=s.min_article_chars,
                               follow_symlinks_out=s.follow_symlinks_out)
    finally:
        reader.close()
    folder = RunFolder.of(s.work_dir, run_id).create()
    log_schema = pa.schema([("run_id", pa.string()), ("source_file", pa.string()), ("status", pa.string()),
                            ("reason", pa.string()), ("detail", pa.string()), ("content_hash", pa.string()),
                            ("article_id", pa.string()), ("logged_at", pa.timestamp("us", tz="UTC"))])
    pq.write_table(pa.Table.from_pylist(result.log, schema=log_schema), folder.ingest_log)
    articles = [{c: a[c] for c in ARTICLE_COLUMNS} for a in result.articles]
    if articles:
        pq.write_table(pa.Table.from_pylist(articles), folder.articles)
    else:
        folder.articles.unlink(missing_ok=True)
    to_extract = [{"article_id": a["article_id"], "text": a["text"], "language": a["language"],
                   "published_at": a["published_at"]}
                  for a in articles if a["language"] in ("de", "en")]
    counts = {"files_seen": len(result.log), "new_articles": len(articles), "duplicates": result.count("duplicate"),
              "unchanged": result.count("unchanged"), "quarantined": result.count("quarantined")}
    with _writing(s, run_id, "ingest", locked) as con:
        runs.record_ingest(con, run_id, counts)
    return {"run_id": run_id, "run_dir": str(folder.root),
            "batches": folder.write_batches(to_extract, s.batch_size), **counts}


def plan_backfill(s: Settings, run_id: str, only_outdated: bool = True, *, locked: bool = False) -> dict:
    """Batches of published articles to re-extract with the current extractor version; no files read."""
    from etl.extract import EXTRACTOR_VERSION

    _start(s, run_id, "backfill", None, locked)
    reader = _connect(s, read_only=True)
    try:
        rows = reader.execute("""
            SELECT a.article_id, a.text, a.language, a.published_at
            FROM core.articles a
            LEFT JOIN core.extractions x ON x.article_id = a.article_id AND x.published
            WHERE a.published AND a.language IN ('de', 'en')
              AND (NOT $only_outdated OR x.extractor_version IS DISTINCT FROM $version)
            ORDER BY a.article_id""",
                              {"only_outdated": only_outdated, "version": EXTRACTOR_VERSION}).fetchall()
    finally:
        reader.close()
    folder = RunFolder.of(s.work_dir, run_id).create()
    folder.ingest_log.unlink(missing_ok=True)
    folder.articles.unlink(missing_ok=True)
    articles = [dict(zip(BATCH_COLUMNS, r)) for r in rows]
    return {"run_id": run_id, "run_dir": str(folder.root), "batches": folder.write_batches(articles, s.batch_size),
            "files_seen": 0, "new_articles": 0, "duplicates": 0, "unchanged": 0, "quarantined": 0,
            "articles_to_extract": len(articles)}


def extract_batch(batch_path: str) -> str:
    """Extract one batch into Parquet beside it. Never touches DuckDB, so it can run on any worker."""
    import pyarrow.parquet as pq

    from etl.extract.rows import extraction_rows, write_rows

    out = RunFolder.output_of(batch_path)
    run_id = RunFolder.of_batch(batch_path).run_id
    started = time.perf_counter()
    rows, seconds_in_extract = extraction_rows(pq.read_table(batch_path).to_pylist(), run_id)
    write_rows(out, rows)
    RunFolder.mark_done(out, {
        "articles": len(rows["extractions"]), "seconds": round(time.perf_counter() - started, 3),
        "seconds_in_extract": round(seconds_in_extract, 3), **{name: len(r) for name, r in rows.items()}})
    return str(out)


def load(s: Settings, run_id: str, *, locked: bool = False) -> dict:
    """The run's Parquet into its own staged rows, in one transaction."""
    from etl.warehouse import runs
    from etl.warehouse.load import load_run

    folder = RunFolder.of(s.work_dir, run_id)
    outputs = folder.outputs()
    with _writing(s, run_id, "load", locked) as con:
        runs.require_status(con, run_id, "running", "loaded")
        kind = runs.info(con, run_id)["kind"]
        with runs.transaction(con):
            counts = load_run(con, run_id, kind, folder.ingest_log, folder.articles, outputs)
            runs.mark_loaded(con, run_id)
    return counts


def audit(s: Settings, run_id: str, *, locked: bool = False) -> dict:
    """Great Expectations over the run's staged rows; a blocking failure fails the run and raises."""
    from etl.warehouse import runs
    from etl.warehouse.load import drop_unowned

    with _writing(s, run_id, "audit", locked) as con:
        runs.require_status(con, run_id, "loaded")
        with runs.transaction(con):  # a backfilled article may have gone since the backfill was planned
            drop_unowned(con, run_id, runs.info(con, run_id)["kind"])
        if not _has_new_rows(con, run_id):
            return {"success": True, "failed": [], "warnings": [], "report": None, "skipped": "no new rows to audit"}
        from etl.quality import HistoryConfig, audit_run

        history = HistoryConfig(window=s.history_runs, blocking=frozenset(s.history_blocking))
        result = audit_run(con, run_id, report_dir(s, run_id), s.max_no_entity_share, history)
        summary = {"success": result.success, "failed": result.failed, "warnings": result.warnings,
                   "report": str(report_dir(s, run_id) / "summary.html")}
        if not result.success:
            message = f"{result.message()}\nNothing was published. Report: {summary['report']}"
            runs.fail(con, run_id, message)
            raise AuditFailed(message)
        return summary


def _has_new_rows(con, run_id: str) -> bool:
    return con.execute("""SELECT EXISTS (SELECT 1 FROM core.articles WHERE run_id = $r AND NOT published)
                          OR EXISTS (SELECT 1 FROM core.extractions WHERE run_id = $r AND NOT published)""",
                       {"r": run_id}).fetchone()[0]


def publish(s: Settings, run_id: str, *, locked: bool = False) -> dict:
    """Make the audited run visible, atomically; then its work folder goes."""
    from etl.warehouse import runs
    from etl.warehouse.publish import publish_run

    with _writing(s, run_id, "publish", locked) as con:
        if runs.require_status(con, run_id, "loaded", "published") == "published":
            return {"run_id": run_id, "already_published": True}
        run = runs.info(con, run_id)
        result = {"run_id": run_id, **publish_run(con, run_id, run["kind"], run["input_dir"])}
    RunFolder.of(s.work_dir, run_id).remove()
    return result


def mark_failed(s: Settings, run_id: str, message: str, *, locked: bool = False,
                wait_seconds: float | None = None) -> bool:
    """Fail the run unless it already finished (the first, most precise message stays)."""
    from etl.warehouse import runs

    with _writing(s, run_id, "mark failed", locked, wait_seconds) as con:
        return runs.fail(con, run_id, message)


def finish_report(s: Settings, run_id: str, *, locked: bool = False, wait_seconds: float | None = None) -> str:
    """The run's page of the quality site (also after a failure); returns its path."""
    from etl.quality.report import write_summary

    with _writing(s, run_id, "report", locked, wait_seconds) as con:
        return str(write_summary(con, run_id, report_dir(s, run_id)))


def run(input_dir: str | Path | None = None, *, settings: Settings | None = None, backfill: bool = False,
        only_outdated: bool = True, progress: bool = True, run_id: str | None = None) -> dict:
    """The whole pipeline in one process, holding the run lock throughout (the CLI's `etl run`).

    Raises RunInProgress (naming the run in progress) when another run holds the lock.
    """
    from etl.warehouse.db import WarehouseBusy

    s = settings or read_settings()
    run_id = run_id or new_run_id()
    lock = RunLock(s.lock_file)
    stale = lock.acquire(Lease.mine(run_id, "etl run"))
    if stale is not None:
        log.warning("took over the run lock from a holder that died: %s", stale.describe())
    stages = _Stages(progress)
    try:
        with stages("ingest"):
            plan = (plan_backfill(s, run_id, only_outdated, locked=True) if backfill
                    else ingest(s, run_id, input_dir, locked=True))
        with stages("extract", total=sum(_batch_len(b) for b in plan["batches"])):
            seconds_in_extract = _extract_all(plan["batches"], s.workers, stages)
        with stages("load"):
            loaded = load(s, run_id, locked=True)
        with stages("audit"):
            audited = audit(s, run_id, locked=True)
        with stages("publish"):
            published = publish(s, run_id, locked=True)
    except AuditFailed:
        _report_after_failure(s, run_id, lock, wait_seconds=None)
        raise
    except BaseException as err:
        # A busy warehouse must not make the run wait a second time just to say so: if the failure
        # cannot be recorded now, the lease stays and the next run marks this one abandoned.
        wait = 0 if isinstance(err, WarehouseBusy) else None
        why = "terminated (SIGTERM)" if isinstance(err, Terminated) else f"{type(err).__name__}: {err}"
        try:
            mark_failed(s, run_id, why, locked=True, wait_seconds=wait)
        except WarehouseBusy:
            lock.leave_stale()
            raise err from None
        except BaseException:
            lock.release()  # the run stays open; the next run finds it and marks it abandoned
            raise
        _report_after_failure(s, run_id, lock, wait_seconds=wait)
        raise
    try:
        with stages("report"):
            report = finish_report(s, run_id, locked=True)
    finally:
        lock.release()
    timings = stages.seconds | {"inside_extract": seconds_in_extract}
    return {**plan, "loaded": loaded, "audit": audited, "published": published, "report": report,
            "timings": {k: round(v, 3) for k, v in timings.items()} | {"total": round(sum(stages.seconds.values()), 3)}}


def _report_after_failure(s: Settings, run_id: str, lock: RunLock, wait_seconds: float | None) -> None:
    """The failed run's report, then the lock goes; a report that fails must not hide the run's error."""
    try:
        finish_report(s, run_id, locked=True, wait_seconds=wait_seconds)
    except Exception:
        log.exception("run %s: its report could not be written", run_id)
    finally:
        lock.release()


def _batch_len(path: str) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


def _extract_all(batches: list[str], workers: int, stages: _Stages) -> float:
    """Run the batches in a process pool; return the seconds spent inside extract()."""
    workers = min(workers or os.cpu_count() or 1, len(batches)) or 1
    total = 0.0
    for out in _run_batches(batches, workers):
        done = RunFolder.done_info(out)
        total += done["seconds_in_extract"]
        stages.advance(done["articles"])
    return total


def _run_batches(batches: list[str], workers: int):
    """Yield each batch's output folder as it completes; on any exception the workers are killed."""
    if workers == 1:
        yield from map(extract_batch, batches)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        for fut in as_completed([pool.submit(extract_batch, b) for b in batches]):
            yield fut.result()
    except BaseException:
        for proc in list((pool._processes or {}).values()):  # no waiting for batches nobody will load
            proc.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _die_with_parent(parent_pid: int) -> None:
    """Pool initializer: the kernel kills this worker when the run's process dies (even by kill -9)."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: no such guard
        return
    if os.getppid() != parent_pid:  # the parent died before the guard was set
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class _Stages:
    """Stage names, per-article progress and an ETA on a terminal (rich); plain log lines otherwise."""

    def __init__(self, live: bool):
        self.seconds: dict[str, float] = {}
        self.live = live
        self._bar = None
        self._task = None

    @contextmanager
    def __call__(self, name: str, total: int | None = None):
        started = time.perf_counter()
        if self.live:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            columns = [SpinnerColumn(), TextColumn("{task.description:<8}"), TimeElapsedColumn()]
            if total:
                columns[2:2] = [BarColumn(), MofNCompleteColumn(), TextColumn("articles, ETA"), TimeRemainingColumn()]
            self._bar = Progress(*columns, transient=False)  # each finished stage stays on screen
            self._task = self._bar.add_task(name, total=total)
            self._bar.start()
        else:
            log.info("%s: started%s", name, f" ({total} articles)" if total is not None else "")
        try:
            yield
        finally:
            self.seconds[name] = time.perf_counter() - started
            if self._bar is not None:
                self._bar.stop()
                self._bar = None
            log.info("%s: %.1f s", name, self.seconds[name])

    def advance(self, articles: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, articles)
        else:
            log.info("extract: %d more articles done", articles)

"""The run lifecycle, in one place: every read and write of core.runs, the run lock, the run's work folder.

A run goes running -> loaded -> published. Or it fails (a step or its audit failed: its rows
are removed, analysts see no change) or is abandoned (its process died: a later run finds it
still open, removes its rows and marks its ingest_log rows).

One writer at a time: `RunLock` is a file lock beside the warehouse that names its holder (run,
pid, host, since when). `etl run` holds it from start to finish; an Airflow task holds it for its
own step, since the steps of a nightly and a backfill DAG run may interleave (every step touches
only its own run's rows, so they may). The kernel releases the lock when its holder dies, so a
run that held the lock for its whole life, is still open, and whose lock is free has died.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import duckdb

from etl.warehouse.load import DATA_TABLES

OPEN = ("running", "loaded")
FINISHED = ("published", "failed", "abandoned")


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, or ROLLBACK on any exception (an interrupt too)."""
    con.execute("BEGIN")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


# --- the run's work folder -------------------------------------------------------------------

@dataclass(frozen=True)
class RunFolder:
    """Everything a run hands between its steps: ingest output, extraction batches and their outputs.

    batches/batch_NNNN.parquet is a batch to extract; batches/batch_NNNN/ its output, complete
    once it holds done.json (the marker written last).
    """

    root: Path

    @classmethod
    def of(cls, work_dir: Path, run_id: str) -> RunFolder:
        return cls(Path(work_dir) / run_id)

    @classmethod
    def of_batch(cls, batch_path: str | Path) -> RunFolder:
        return cls(Path(batch_path).parent.parent)

    @property
    def run_id(self) -> str:
        return self.root.name

    @property
    def ingest_log(self) -> Path:
        return self.root / "ingest_log.parquet"

    @property
    def articles(self) -> Path:
        return self.root / "articles.parquet"

    @property
    def batches_dir(self) -> Path:
        return self.root / "batches"

    def create(self) -> RunFolder:
        self.root.mkdir(parents=True, exist_ok=True)
        return self

    def write_batches(self, rows: list[dict], batch_size: int) -> list[str]:
        """Split the articles to extract into Parquet batches; a retry rewrites the same files."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.batches_dir.mkdir(parents=True, exist_ok=True)
        for old in self.batches_dir.glob("batch_*"):
            shutil.rmtree(old) if old.is_dir() else old.unlink()
        paths = []
        for start in range(0, len(rows), batch_size):
            path = self.batches_dir / f"batch_{start // batch_size:04d}.parquet"
            pq.write_table(pa.Table.from_pylist(rows[start:start + batch_size]), path)
            paths.append(str(path))
        return paths

    @staticmethod
    def output_of(batch: str | Path) -> Path:
        return Path(batch).with_suffix("")

    @staticmethod
    def mark_done(output: Path, info: dict) -> None:
        (output / "done.json").write_text(json.dumps(info))

    @staticmethod
    def done_info(output: str | Path) -> dict:
        return json.loads((Path(output) / "done.json").read_text())

    def outputs(self) -> list[Path]:
        """Output folders of all the run's batches; a batch without output is an error, not a silent gap."""
        batches = sorted(self.batches_dir.glob("batch_*.parquet"))
        missing = [b.name for b in batches if not (self.output_of(b) / "done.json").exists()]
        if missing:
            raise RuntimeError(f"run {self.run_id}: {len(missing)} batch(es) were not extracted: {', '.join(missing[:5])}")
        return [self.output_of(b) for b in batches]

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


# --- the run lock ----------------------------------------------------------------------------

class RunInProgress(RuntimeError):
    """Another run holds the run lock."""

    exit_code = 75  # EX_TEMPFAIL: try again later


@dataclass(frozen=True)
class Lease:
    run_id: str
    pid: int
    host: str
    since: str  # ISO time, UTC
    purpose: str  # "etl run", "airflow task load", ...

    @classmethod
    def mine(cls, run_id: str, purpose: str) -> Lease:
        return cls(run_id, os.getpid(), socket.gethostname(), datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   purpose)

    @property
    def owner(self) -> str:
        return f"pid {self.pid} on {self.host} ({self.purpose})"

    def describe(self) -> str:
        return f"run {self.run_id} is in progress since {self.since}, started by {self.owner}"


DYING_HOLDER_SECONDS = 30


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class RunLock:
    """An exclusive flock on `<warehouse>.run-lock`; the file holds the current lease as JSON.

    A clean release empties the file, so a lease found in a free lock was left by a dead holder.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self, lease: Lease, wait_seconds: float = 0) -> Lease | None:
        """Take the lock, waiting up to `wait_seconds`; return the lease a dead holder left, if any.

        Raises RunInProgress naming the holder when the lock stays taken.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait_seconds
        grace = time.monotonic() + DYING_HOLDER_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _read_lease(fd)
                # a holder that just died: its extraction workers (which share the lock) are being killed
                dying = holder is not None and holder.host == socket.gethostname() and not _pid_alive(holder.pid)
                if time.monotonic() >= (max(deadline, grace) if dying else deadline):
                    os.close(fd)
                    said = holder.describe() if holder else "another run is starting"
                    if dying:
                        said += f" (that process has ended, but processes it started still hold {self.path})"
                    raise RunInProgress(f"{said}; only one run writes to {self.path.with_suffix('')} "
                                        "at a time, try again when it has finished") from None
                time.sleep(0.5)
        stale = _read_lease(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(asdict(lease)).encode(), 0)
        os.fsync(fd)
        self._fd = fd
        return stale

    def release(self) -> None:
        """Give the lock back cleanly (the lease is erased)."""
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            self._close()

    def leave_stale(self) -> None:
        """Let go without erasing the lease: the next run takes over and abandons this one
        (for a run that could not record its own failure)."""
        self._close()

    def _close(self) -> None:
        fd, self._fd = self._fd, None
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    def holder(self) -> Lease | None:
        """The current lease, if any (for messages; a free lock may still show a dead holder's)."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        try:
            return _read_lease(fd)
        finally:
            os.close(fd)


def _read_lease(fd: int) -> Lease | None:
    raw = os.pread(fd, 4096, 0)
    try:
        return Lease(**json.loads(raw)) if raw.strip() else None
    except (ValueError, TypeError):
        return None


# --- core.runs ---------------------------------------------------------------------------------

def start(con: duckdb.DuckDBPyConnection, run_id: str, kind: str, *, input_dir: str | None, extractor_version: str,
          report_path: str, owner: str, holds_lock: bool) -> datetime:
    """Open the run (or reopen it, for a retried first step); a published run is never reopened."""
    status = status_of(con, run_id)
    if status == "published":
        raise RuntimeError(f"run {run_id} is already published")
    now = datetime.now(timezone.utc)
    con.execute("""
        INSERT INTO core.runs (run_id, kind, started_at, status, input_dir, extractor_version, report_path,
                               owner, holds_lock)
        VALUES ($run_id, $kind, $now, 'running', $input_dir, $version, $report, $owner, $holds_lock)
        ON CONFLICT (run_id) DO UPDATE SET status = 'running', message = NULL, finished_at = NULL,
            owner = excluded.owner, holds_lock = excluded.holds_lock""",
                {"run_id": run_id, "kind": kind, "now": now, "input_dir": input_dir, "version": extractor_version,
                 "report": report_path, "owner": owner, "holds_lock": holds_lock})
    return now


def status_of(con: duckdb.DuckDBPyConnection, run_id: str) -> str | None:
    row = con.execute("SELECT status FROM core.runs WHERE run_id = $r", {"r": run_id}).fetchone()
    return row[0] if row else None


def info(con: duckdb.DuckDBPyConnection, run_id: str) -> dict | None:
    cur = con.execute("SELECT * FROM core.runs WHERE run_id = $r", {"r": run_id})
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


def recent(con: duckdb.DuckDBPyConnection, n: int) -> list[dict]:
    """The last `n` runs, newest first, with their counts and how many checks failed (for `etl status`)."""
    cur = con.execute("""
        SELECT r.run_id, r.kind, r.status, r.started_at, round(epoch(r.finished_at - r.started_at), 1) AS seconds,
               r.files_seen, r.articles_loaded, r.duplicates, r.unchanged, r.quarantined, r.articles_extracted,
               (SELECT count(*) FROM core.dq_results d WHERE d.run_id = r.run_id AND NOT success AND blocking) AS failed_checks,
               (SELECT count(*) FROM core.dq_results d WHERE d.run_id = r.run_id AND NOT success AND NOT blocking) AS warnings,
               r.retracted, r.report_path, r.owner, r.message
        FROM core.runs r ORDER BY r.started_at DESC LIMIT $n""", {"n": n})
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def require_status(con: duckdb.DuckDBPyConnection, run_id: str, *allowed: str) -> str:
    status = status_of(con, run_id)
    if status is None:
        raise RuntimeError(f"no run {run_id}")
    if status not in allowed:
        raise RuntimeError(f"run {run_id} is {status}; this step needs it {' or '.join(allowed)}")
    return status


def record_ingest(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict) -> None:
    """The counts of the run's ingest, shown while it extracts (load recounts from what it loaded)."""
    con.execute("""UPDATE core.runs SET files_seen = $files_seen, articles_loaded = $new_articles,
                   duplicates = $duplicates, unchanged = $unchanged, quarantined = $quarantined
                   WHERE run_id = $run_id""",
                {k: counts[k] for k in ("files_seen", "new_articles", "duplicates", "unchanged", "quarantined")}
                | {"run_id": run_id})


def mark_loaded(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Inside the load transaction: the run's counts from the rows it holds, status loaded."""
    con.execute("""
        UPDATE core.runs SET status = 'loaded',
            articles_loaded = (SELECT count(*) FROM core.articles WHERE run_id = $r),
            articles_extracted = (SELECT count(*) FROM core.extractions WHERE run_id = $r),
            duplicates = (SELECT count(*) FROM core.ingest_log WHERE run_id = $r AND status = 'duplicate')
        WHERE run_id = $r""", {"r": run_id})


def mark_published(con: duckdb.DuckDBPyConnection, run_id: str, retracted: int) -> None:
    """Inside the publish transaction."""
    con.execute("""UPDATE core.runs SET status = 'published', finished_at = now(), retracted = $n
                   WHERE run_id = $r""", {"r": run_id, "n": retracted})


def fail(con: duckdb.DuckDBPyConnection, run_id: str, message: str) -> bool:
    """A failed run: its unpublished rows go, the run is marked failed; analysts see no change.

    A finished run keeps its status and first, most precise message; returns whether it was marked.
    """
    return _close(con, run_id, "failed", message, mark_ingest_log=False)


def abandon(con: duckdb.DuckDBPyConnection, run_id: str, message: str) -> bool:
    """A run whose process died: its rows go, its ingest_log rows say so, the run is marked abandoned."""
    return _close(con, run_id, "abandoned", message, mark_ingest_log=True)


def abandon_dead_runs(con: duckdb.DuckDBPyConnection, me: str) -> list[str]:
    """Call holding the run lock: open runs that held the lock for their whole life are dead.

    (An Airflow step that died needs nothing: its transaction was rolled back and the task's retry
    redoes it; its DAG run ends through Airflow's failure callback.)
    """
    dead = con.execute("""SELECT run_id, owner FROM core.runs
                          WHERE status IN ('running', 'loaded') AND holds_lock AND run_id <> $me
                          ORDER BY started_at""", {"me": me}).fetchall()
    for run_id, owner in dead:
        abandon(con, run_id, f"abandoned: its process ({owner}) ended without finishing the run; "
                             f"run {me} found it and removed its unpublished rows")
    return [r for r, _ in dead]


def _close(con, run_id: str, status: str, message: str, *, mark_ingest_log: bool) -> bool:
    p = {"run_id": run_id}
    with transaction(con):
        if status_of(con, run_id) not in OPEN:
            return False
        remove_rows(con, run_id)
        if mark_ingest_log:
            con.execute("""
                UPDATE core.ingest_log SET status = 'abandoned', reason = 'run_abandoned',
                       detail = 'the run died before publishing; the next run reads the file again (was '
                                || status || ': ' || coalesce(detail, '') || ')'
                WHERE run_id = $run_id""", p)
        con.execute("UPDATE core.runs SET status = $status, finished_at = now(), message = $message WHERE run_id = $run_id",
                    p | {"status": status, "message": message[:2000]})
    return True


def remove_rows(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """The run's own unpublished rows, and entities only it introduced (inside a transaction)."""
    p = {"run_id": run_id}
    for table in DATA_TABLES:
        con.execute(f"DELETE FROM {table} WHERE run_id = $run_id AND NOT published", p)
    con.execute("""
        DELETE FROM core.entities WHERE first_run_id = $run_id
          AND entity_id NOT IN (SELECT entity_id FROM core.entity_mentions)
          AND entity_id NOT IN (SELECT subject_entity_id FROM core.amounts WHERE subject_entity_id IS NOT NULL)
          AND entity_id NOT IN (SELECT entity_id FROM core.lawsuit_parties WHERE entity_id IS NOT NULL)""", p)

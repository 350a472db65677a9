"""Runs that interleave, collide, die or find their files gone: nothing published is lost, nothing half-done shows.

The steps are driven as the Airflow tasks call them (each takes the run lock for itself), in the
orders two DAG runs can take; the kill tests run `etl run` in a child process and stop it mid-extraction.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from etl import pipeline
from etl.cli import main as etl
from etl.config import settings
from tests.conftest import REPO, SAMPLES

# Columns that name the run or the time of the run, left out when two warehouses are compared.
RUN_COLUMNS = {"run_id", "ingested_at", "first_seen", "last_seen", "first_run_id"}
VIEWS = ("articles", "entities", "entity_mentions", "amounts", "lawsuits", "lawsuit_parties")


@pytest.fixture
def s(tmp_path):
    return settings(warehouse=tmp_path / "w.duckdb", reports_dir=tmp_path / "reports", workers=1)


@pytest.fixture
def inbox(tmp_path):
    shutil.copytree(SAMPLES, tmp_path / "inbox")
    return tmp_path / "inbox"


def query(s, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        return con.execute(sql, params or {}).fetchall()
    finally:
        con.close()


def contents(s) -> dict[str, list[tuple]]:
    """What analysts see, without the columns that differ between two runs of the same input."""
    out = {}
    for view in VIEWS:
        cols = [c for (c,) in query(s, "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'analytics' "
                                       "AND table_name = $v ORDER BY column_index", {"v": view}) if c not in RUN_COLUMNS]
        out[view] = query(s, f"SELECT {', '.join(cols)} FROM analytics.{view} ORDER BY ALL")
    return out


def sample_titles() -> set[str]:
    """The titles of the sample articles, as ingest reads them (no warehouse involved)."""
    from datetime import datetime, timezone

    from etl.ingest.folder import KnownState, ingest_folder

    d = settings()
    result = ingest_folder(SAMPLES, KnownState(), run_id="x", now=datetime.now(timezone.utc),
                           max_file_bytes=d.max_file_bytes, min_article_chars=d.min_article_chars)
    return {a["title"] for a in result.articles}


def extract_all(plan: dict) -> None:
    for batch in plan["batches"]:
        pipeline.extract_batch(batch)


STEP_ORDERS = [
    ("load A", "load B", "audit A", "publish A", "audit B", "publish B"),
    ("load A", "load B", "audit B", "publish B", "audit A", "publish A"),
    ("load B", "audit B", "load A", "publish B", "audit A", "publish A"),
]


@pytest.mark.parametrize("order", STEP_ORDERS, ids=[", ".join(o) for o in STEP_ORDERS])
def test_interleaved_runs_both_publish_and_lose_nothing(s, inbox, tmp_path, order):
    """A ingests half the files; the rest arrive; B ingests all of them (A's are not published yet)."""
    later = tmp_path / "later"
    later.mkdir()
    for path in sorted(inbox.rglob("*.*"))[::2]:
        target = later / path.relative_to(inbox)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
    plans = {"A": pipeline.ingest(s, "A", inbox)}
    shutil.copytree(later, inbox, dirs_exist_ok=True)
    plans["B"] = pipeline.ingest(s, "B", inbox)
    assert (plans["A"]["new_articles"], plans["B"]["new_articles"]) == (3, 6)
    for plan in plans.values():
        extract_all(plan)
    step = {"load": pipeline.load, "audit": pipeline.audit, "publish": pipeline.publish}
    for name in order:
        what, run = name.split()
        step[what](s, run)
    assert query(s, "SELECT run_id, status FROM analytics.runs ORDER BY run_id") == [("A", "published"), ("B", "published")]
    assert {t for (t,) in query(s, "SELECT title FROM analytics.articles")} == sample_titles()
    assert query(s, "SELECT count(*), count(DISTINCT article_id) FROM analytics.articles") == [(6, 6)]
    assert query(s, "SELECT count(*) FROM core.articles WHERE NOT published") == [(0,)]
    # every article has its extractions exactly once, from the run that published it
    assert query(s, """SELECT count(*) FROM analytics.articles a
                       WHERE language IN ('de', 'en') AND NOT EXISTS (
                           SELECT 1 FROM analytics.entity_mentions m WHERE m.article_id = a.article_id AND m.run_id = a.run_id)
                          OR EXISTS (SELECT 1 FROM analytics.entity_mentions m
                                     WHERE m.article_id = a.article_id AND m.run_id <> a.run_id)""") == [(0,)]
    # every file is recorded, so the next run finds nothing new and nothing missing
    after = pipeline.run(inbox, settings=s, progress=False)
    assert (after["new_articles"], after["unchanged"], after["published"]["articles_retracted"]) == (0, 6, 0)
    assert not (s.work_dir / "A").exists() and not (s.work_dir / "B").exists()  # published: work folders gone


def test_a_failed_run_does_not_take_articles_an_interleaved_run_deferred_to_it(s, inbox):
    """B finds A's articles staged and logs them as duplicates; A fails; B publishes; the next run loads them."""
    plan_a = pipeline.ingest(s, "A", inbox)
    plan_b = pipeline.ingest(s, "B", inbox)
    extract_all(plan_a)
    extract_all(plan_b)
    pipeline.load(s, "A")
    pipeline.load(s, "B")
    assert query(s, "SELECT status, count(*) FROM core.ingest_log WHERE run_id = 'B' GROUP BY ALL") == [("duplicate", 6)]
    pipeline.mark_failed(s, "A", "task audit failed: the operator stopped it")
    pipeline.audit(s, "B")
    pipeline.publish(s, "B")
    assert query(s, "SELECT count(*) FROM analytics.articles") == [(0,)]
    assert query(s, "SELECT count(*) FROM core.files") == [(0,)]  # B recorded no file whose article is not live
    assert pipeline.run(inbox, settings=s, progress=False)["new_articles"] == 6
    assert {t for (t,) in query(s, "SELECT title FROM analytics.articles")} == sample_titles()


def test_a_backfill_interleaved_with_a_run_that_replaces_an_article(s, inbox):
    pipeline.run(inbox, settings=s, progress=False)
    helix = inbox / "en" / "2026-11-04_helix_robotics.txt"
    [(old_id,)] = query(s, "SELECT article_id FROM analytics.articles WHERE source_file LIKE '%helix%'")
    backfill = pipeline.plan_backfill(s, "backfill", only_outdated=False)
    helix.write_text(helix.read_text() + "\nHelix Robotics plans to open an office in Munich next year.\n")
    nightly = pipeline.ingest(s, "nightly", inbox)
    extract_all(backfill)
    extract_all(nightly)
    for step, run in (("load", "backfill"), ("load", "nightly"), ("audit", "nightly"), ("publish", "nightly"),
                      ("audit", "backfill"), ("publish", "backfill")):
        getattr(pipeline, step)(s, run)
    assert query(s, "SELECT count(*) FROM analytics.articles") == [(6,)]
    for view in ("entity_mentions", "amounts", "lawsuits"):
        assert query(s, f"SELECT count(*) FROM core.{view} WHERE article_id = $a", {"a": old_id}) == [(0,)]
    assert query(s, """SELECT DISTINCT m.run_id FROM analytics.entity_mentions m JOIN analytics.articles a USING (article_id)
                       WHERE a.text LIKE '%Munich next year%'""") == [("nightly",)]
    assert query(s, "SELECT count(DISTINCT article_id) FROM analytics.entity_mentions WHERE run_id = 'backfill'") == [(5,)]


def test_a_second_run_is_refused_while_one_is_in_progress(s, inbox):
    code = ("import sys, time\nfrom pathlib import Path\nfrom etl.warehouse.runs import Lease, RunLock\n"
            f"RunLock(Path({str(s.lock_file)!r})).acquire(Lease.mine('nightly-42', 'etl run'))\n"
            "print('held', flush=True)\ntime.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=REPO)
    environ = dict(os.environ)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = subprocess.run([sys.executable, "-m", "etl.cli", "run", "--input", str(inbox), "--warehouse",
                                 str(s.warehouse), "--no-progress"], capture_output=True, text=True, cwd=REPO, timeout=120)
        assert result.returncode == 75, result.stderr
        assert "error: run nightly-42 is in progress since " in result.stderr
        assert f"started by pid {holder.pid} on " in result.stderr
        # an Airflow step waits ETL_LOCK_WAIT_SECONDS for the lock, then fails (and is retried)
        with pytest.raises(pipeline.RunInProgress, match="run nightly-42 is in progress"):
            pipeline.ingest(settings(warehouse=s.warehouse, lock_wait_seconds=1), "dag-run", inbox)
        assert etl(["status", "--warehouse", str(s.warehouse)]) == 1  # no warehouse was even created
    finally:
        holder.kill()
        holder.wait()
    assert dict(os.environ) == environ
    assert not s.warehouse.exists()


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Any thread of the process still running: a zombie leader's other threads may still hold its files."""
    for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
        try:
            if stat.read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X"):
                return True
        except OSError:
            continue
    return False


def start_run_and_wait_for_extraction(s, inbox) -> tuple[subprocess.Popen, list[int]]:
    """`etl run` with two extraction workers and one article per batch, once its first batch is done."""
    env = dict(os.environ, ETL_WORKERS="2", ETL_BATCH_SIZE="1", ETL_REPORTS_DIR=str(s.reports_dir))
    proc = subprocess.Popen([sys.executable, "-m", "etl.cli", "run", "--input", str(inbox), "--warehouse", str(s.warehouse),
                             "--no-progress"], env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    before = set(s.work_dir.glob("*/batches/batch_*/done.json"))
    while not set(s.work_dir.glob("*/batches/batch_*/done.json")) - before:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "extraction never started"
        time.sleep(0.05)
    workers = children_of(proc.pid)
    assert len(workers) == 2
    return proc, workers


def holders(path: Path) -> list[str]:
    """Processes with `path` open (pid and command line)."""
    found = []
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            if os.readlink(fd) == str(path):
                pid = fd.parent.parent.name
                command = Path("/proc", pid, "cmdline").read_bytes().replace(bytes(1), b" ").decode()
                found.append(f"{pid}: {command[:200]}")
        except OSError:
            continue
    return found


def wait_gone(pids: list[int]) -> list[int]:
    deadline = time.monotonic() + 10
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [p for p in pids if alive(p)]


def test_sigterm_and_kill_during_extraction_leave_no_workers_and_the_next_run_repairs(s, inbox, tmp_path):
    terminated, workers = start_run_and_wait_for_extraction(s, inbox)
    terminated.send_signal(signal.SIGTERM)
    assert terminated.wait(60) == 143
    assert wait_gone(workers) == []
    [(status, message)] = query(s, "SELECT status, message FROM analytics.runs")
    assert (status, message) == ("failed", "terminated (SIGTERM)")

    killed, workers = start_run_and_wait_for_extraction(s, inbox)
    killed.kill()
    killed.wait()
    assert wait_gone(workers) == [], "extraction workers outlived their run"
    deadline = time.monotonic() + 10
    while holders(s.lock_file) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert holders(s.lock_file) == []
    killed_run = query(s, "SELECT run_id FROM core.runs WHERE status = 'running'")
    assert len(killed_run) == 1

    result = pipeline.run(inbox, settings=s, progress=False)
    assert query(s, "SELECT status, message FROM analytics.runs WHERE run_id = $r", {"r": killed_run[0][0]})[0][0] == "abandoned"
    assert query(s, "SELECT count(*) FROM core.runs WHERE status IN ('running', 'loaded')") == [(0,)]
    assert result["new_articles"] == 6

    clean = settings(warehouse=tmp_path / "clean" / "w.duckdb", reports_dir=tmp_path / "clean" / "reports", workers=1)
    pipeline.run(inbox, settings=clean, progress=False)
    assert contents(s) == contents(clean)


def test_a_dead_run_with_loaded_rows_is_abandoned_and_its_ingest_log_marked(s, inbox):
    """A run that died after its load (holding the lock for its whole life) leaves staged rows behind."""
    code = (
        "import os, sys\nfrom pathlib import Path\nfrom etl import pipeline\nfrom etl.config import settings\n"
        "from etl.warehouse.runs import Lease, RunLock\n"
        f"s = settings(warehouse=Path({str(s.warehouse)!r}), workers=1)\n"
        "RunLock(s.lock_file).acquire(Lease.mine('dead', 'etl run'))\n"
        f"plan = pipeline.ingest(s, 'dead', {str(inbox)!r}, locked=True)\n"
        "[pipeline.extract_batch(b) for b in plan['batches']]\n"
        "pipeline.load(s, 'dead', locked=True)\n"
        "os.kill(os.getpid(), 9)\n")
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=300).returncode == -9
    assert query(s, "SELECT status FROM core.runs") == [("loaded",)] and (s.work_dir / "dead").exists()
    result = pipeline.run(inbox, settings=s, progress=False)
    assert not (s.work_dir / "dead").exists()
    [(status, message)] = query(s, "SELECT status, message FROM analytics.runs WHERE run_id = 'dead'")
    assert status == "abandoned" and "ended without finishing the run" in message and result["run_id"] in message
    assert query(s, "SELECT count(*) FROM core.articles WHERE run_id = 'dead'") == [(0,)]
    assert query(s, "SELECT DISTINCT status, reason FROM analytics.ingest_log WHERE run_id = 'dead'") == [
        ("abandoned", "run_abandoned")]
    assert result["new_articles"] == 6 and query(s, "SELECT count(*) FROM analytics.articles") == [(6,)]


def test_files_emptied_quarantined_or_deleted_retract_their_article(s, inbox):
    pipeline.run(inbox, settings=s, progress=False)
    gone = {"en/2026-11-04_helix_robotics.txt": "file quarantined (empty_file)",
            "de/2026-11-02_nordlicht_klage.txt": "file deleted"}
    (inbox / "en" / "2026-11-04_helix_robotics.txt").write_bytes(b"")
    deleted = inbox / "de" / "2026-11-02_nordlicht_klage.txt"
    kept = deleted.read_bytes()
    deleted.unlink()
    ids = dict(query(s, "SELECT source_file, article_id FROM analytics.articles"))
    result = pipeline.run(inbox, settings=s, progress=False)
    assert result["published"]["articles_retracted"] == 2
    assert query(s, "SELECT retracted FROM analytics.runs WHERE run_id = $r", {"r": result["run_id"]}) == [(2,)]
    assert query(s, "SELECT count(*) FROM analytics.articles") == [(4,)]
    for source, reason in gone.items():
        assert query(s, "SELECT published, retracted_by, retraction FROM core.articles WHERE article_id = $a",
                     {"a": ids[source]}) == [(False, result["run_id"], f"{reason}: {source}")]
        for view in ("entity_mentions", "amounts", "lawsuits"):
            assert query(s, f"SELECT count(*) FROM analytics.{view} WHERE article_id = $a", {"a": ids[source]}) == [(0,)]
        assert query(s, "SELECT count(*) FROM core.entity_mentions WHERE article_id = $a", {"a": ids[source]})[0][0] > 0
    summary = json.loads((Path(result["report"]).parent / "summary.json").read_text())
    assert summary["run"]["retracted"] == 2
    # nothing more to retract the next night; the deleted file's return brings its article back
    assert pipeline.run(inbox, settings=s, progress=False)["published"]["articles_retracted"] == 0
    deleted.write_bytes(kept)
    back = pipeline.run(inbox, settings=s, progress=False)
    assert back["new_articles"] == 1
    assert query(s, "SELECT published, retraction FROM core.articles WHERE article_id = $a",
                 {"a": ids["de/2026-11-02_nordlicht_klage.txt"]}) == [(True, None)]
    assert query(s, "SELECT count(*) FROM analytics.entity_mentions WHERE article_id = $a",
                 {"a": ids["de/2026-11-02_nordlicht_klage.txt"]})[0][0] > 0


def test_a_changed_word_list_makes_backfill_reextract(s, inbox, tmp_path, monkeypatch):
    import etl.extract
    from etl.extract import extractor_version

    pipeline.run(inbox, settings=s, progress=False)
    package = Path(etl.extract.__file__).parent
    copy = tmp_path / "extract"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    word_list = copy / "data" / "entities" / "titles.txt"
    word_list.write_text(word_list.read_text(encoding="utf-8") + "Oberbürgermeisterin\n", encoding="utf-8")
    models = settings().models_dir
    new_version = extractor_version(copy, models)
    assert new_version != extractor_version(package, models)
    assert pipeline.run(settings=s, backfill=True, progress=False)["articles_to_extract"] == 0  # all current
    # the package as it would be with the changed word list
    monkeypatch.setattr(etl.extract, "EXTRACTOR_VERSION", new_version)
    monkeypatch.setattr("etl.extract.rows.EXTRACTOR_VERSION", new_version)
    result = pipeline.run(settings=s, backfill=True, progress=False)
    assert result["articles_to_extract"] == 6
    assert query(s, "SELECT DISTINCT extractor_version FROM analytics.entity_mentions") == [(new_version,)]
    assert pipeline.run(settings=s, backfill=True, progress=False)["articles_to_extract"] == 0


def test_analysts_can_read_while_a_run_extracts(s, inbox, tmp_path, monkeypatch):
    later = tmp_path / "later.txt"
    shutil.move(inbox / "en" / "2026-11-04_helix_robotics.txt", later)
    pipeline.run(inbox, settings=s, progress=False)
    shutil.move(later, inbox / "en" / "2026-11-04_helix_robotics.txt")
    reads = []
    real = pipeline.extract_batch

    def extract_while_an_analyst_reads(batch):
        reader = subprocess.run(
            [sys.executable, "-m", "etl.cli", "sql", "SELECT count(*) AS n FROM analytics.articles", "--json",
             "--warehouse", str(s.warehouse)], capture_output=True, text=True, cwd=REPO, timeout=60)
        reads.append((reader.returncode, reader.stdout.strip(), reader.stderr[-500:]))
        return real(batch)

    monkeypatch.setattr(pipeline, "extract_batch", extract_while_an_analyst_reads)
    pipeline.run(inbox, settings=s, progress=False)
    assert reads == [(0, '{"n": 5}', "")]
    assert query(s, "SELECT count(*) FROM analytics.articles") == [(6,)]


def test_a_reader_holding_the_file_makes_a_run_wait_once_not_twice(s, inbox, monkeypatch):
    from dataclasses import replace

    from etl.warehouse import db

    db.connect(s.warehouse, config=s).close()
    reader = subprocess.Popen([sys.executable, "-c", "import duckdb, time; "
                               f"c = duckdb.connect({str(s.warehouse)!r}, read_only=True); print('ok', flush=True); "
                               "time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    waits = []
    real_connect = db.connect

    def connect(path, read_only=False, wait_seconds=None, config=None):
        waits.append(wait_seconds if wait_seconds is not None
                     else config.read_wait_seconds if read_only else config.lock_wait_seconds)
        return real_connect(path, read_only=read_only, wait_seconds=wait_seconds, config=config)

    try:
        assert reader.stdout.readline().strip() == "ok"
        monkeypatch.setattr(db, "connect", connect)
        with pytest.raises(db.WarehouseBusy, match="in use by another process"):
            pipeline.run(inbox, settings=replace(s, lock_wait_seconds=1), progress=False)
        assert [w for w in waits if w > 0] == [1]  # the failure is not recorded by waiting a second time
    finally:
        reader.kill()
        reader.wait()
    result = pipeline.run(inbox, settings=s, progress=False)  # takes over the lease the busy run left
    assert result["new_articles"] == 6
    assert query(s, "SELECT run_id, status FROM core.runs") == [(result["run_id"], "published")]

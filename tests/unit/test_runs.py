"""The run lock, the work folder, settings as a value, connection limits and the extractor version."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from etl.config import settings
from etl.warehouse import db, runs
from etl.warehouse.runs import Lease, RunInProgress, RunLock

REPO = Path(__file__).resolve().parents[2]


def hold_lock(lock_file: Path, run_id: str, then: str = "time.sleep(60)") -> subprocess.Popen:
    """Another process that takes the run lock, says so, then does `then`."""
    code = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from etl.warehouse.runs import Lease, RunLock
        lock = RunLock(Path({str(lock_file)!r}))
        lock.acquire(Lease.mine({run_id!r}, "etl run"))
        print("held", flush=True)
        {then}
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_holder_is_refused_with_who_holds_it_and_since_when(tmp_path):
    lock_file = tmp_path / "w.duckdb.run-lock"
    holder = hold_lock(lock_file, "nightly-7")
    try:
        with pytest.raises(RunInProgress) as err:
            RunLock(lock_file).acquire(Lease.mine("second", "etl run"), wait_seconds=0.6)
        message = str(err.value)
        assert message.startswith("run nightly-7 is in progress since 20")
        assert f"started by pid {holder.pid} on " in message and "(etl run)" in message
        assert RunInProgress.exit_code == 75
    finally:
        holder.kill()
        holder.wait()


def test_a_clean_release_leaves_no_lease_and_a_dead_holder_leaves_its_own(tmp_path):
    lock_file = tmp_path / "w.duckdb.run-lock"
    lock = RunLock(lock_file)
    assert lock.acquire(Lease.mine("a", "etl run")) is None
    lock.release()
    assert lock.acquire(Lease.mine("b", "etl run")) is None  # released cleanly: nothing stale
    lock.release()
    dead = hold_lock(lock_file, "crashed", then="os.kill(os.getpid(), 9)")
    dead.wait()
    stale = lock.acquire(Lease.mine("c", "etl run"))  # the kernel freed the lock; the lease tells who died
    assert stale is not None and (stale.run_id, stale.pid) == ("crashed", dead.pid)
    assert lock.holder().run_id == "c"
    lock.release()


def test_transaction_rolls_back_on_any_exception():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(KeyboardInterrupt):
        with runs.transaction(con):
            con.execute("INSERT INTO t VALUES (1)")
            raise KeyboardInterrupt
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    with runs.transaction(con):
        con.execute("INSERT INTO t VALUES (2)")
    assert con.execute("SELECT x FROM t").fetchall() == [(2,)]


def test_work_folder_paths_and_missing_batches(tmp_path):
    folder = runs.RunFolder.of(tmp_path, "r1").create()
    paths = folder.write_batches([{"article_id": str(i), "text": "x"} for i in range(5)], batch_size=2)
    assert [Path(p).name for p in paths] == ["batch_0000.parquet", "batch_0001.parquet", "batch_0002.parquet"]
    assert runs.RunFolder.of_batch(paths[1]) == folder and folder.run_id == "r1"
    for p in paths[:2]:
        out = folder.output_of(p)
        out.mkdir()
        folder.mark_done(out, {"articles": 2})
    with pytest.raises(RuntimeError, match="1 batch\\(es\\) were not extracted: batch_0002.parquet"):
        folder.outputs()
    folder.remove()
    assert not folder.root.exists()


def test_settings_follow_the_callers_warehouse_and_never_touch_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("ETL_WORK_DIR", raising=False)
    monkeypatch.delenv("ETL_DUCKDB_TEMP_DIR", raising=False)
    before = dict(os.environ)
    s = settings(warehouse=tmp_path / "a" / "w.duckdb", workers=3)
    assert s.work_dir == tmp_path / "a" / "work"
    assert s.duckdb_temp_dir == tmp_path / "a" / "w.duckdb.tmp"
    assert s.lock_file == tmp_path / "a" / "w.duckdb.run-lock"
    assert s.workers == 3
    monkeypatch.setenv("ETL_WORK_DIR", str(tmp_path / "elsewhere"))
    assert settings(warehouse=tmp_path / "w.duckdb").work_dir == tmp_path / "elsewhere"
    monkeypatch.delenv("ETL_WORK_DIR")
    assert dict(os.environ) == before
    with pytest.raises(TypeError, match="unknown settings: bogus"):
        settings(bogus=1)


def test_every_connection_gets_a_memory_limit_and_a_spill_folder_beside_the_warehouse(tmp_path, monkeypatch):
    monkeypatch.setenv("ETL_DUCKDB_MEMORY_LIMIT", "512MB")
    monkeypatch.delenv("ETL_DUCKDB_TEMP_DIR", raising=False)
    s = settings(warehouse=tmp_path / "w.duckdb")
    for read_only in (False, True):
        con = db.connect(s.warehouse, read_only=read_only, config=s)
        limit, temp = con.execute("SELECT current_setting('memory_limit'), current_setting('temp_directory')").fetchone()
        con.close()
        assert limit in ("488.2 MiB", "512.0 MB") and Path(temp) == tmp_path / "w.duckdb.tmp"
    default = settings().duckdb_memory_limit
    total_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") >> 20
    assert int(default.removesuffix("MB")) <= min(total_mb * 0.4, 16 * 1024)


def test_a_reader_waits_while_a_run_writes_briefly(tmp_path):
    s = settings(warehouse=tmp_path / "w.duckdb")
    db.connect(s.warehouse, config=s).close()
    writer = subprocess.Popen([sys.executable, "-c", "import duckdb, time; "
                               f"c = duckdb.connect({str(s.warehouse)!r}); print('ok', flush=True); "
                               "time.sleep(2); c.close(); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ok"
        with pytest.raises(db.WarehouseBusy, match="a run loading or publishing"):
            db.connect(s.warehouse, read_only=True, wait_seconds=0, config=s)
        con = db.connect(s.warehouse, read_only=True, config=s)  # waits up to ETL_READ_WAIT_SECONDS (15)
        assert con.execute("SELECT count(*) FROM analytics.articles").fetchone() == (0,)
        con.close()
    finally:
        writer.kill()
        writer.wait()


def test_the_extractor_version_follows_code_data_and_models(tmp_path):
    from etl.extract import extractor_version

    package = REPO / "etl" / "extract"
    copy = tmp_path / "extract"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    models = tmp_path / "models"
    shutil.copytree(REPO / "models", models, ignore=lambda d, names: [n for n in names if n not in ("de", "en", "meta.json")])
    version = extractor_version(copy, models)
    assert version == extractor_version(package, REPO / "models")
    word_list = sorted(copy.glob("data/**/*.txt"))[0]
    word_list.write_text(word_list.read_text(encoding="utf-8") + "\nEin neues Wort\n", encoding="utf-8")
    changed_data = extractor_version(copy, models)
    meta = models / "de" / "meta.json"
    meta.write_text(meta.read_text().replace('"version"', '"version" ', 1))
    changed_model = extractor_version(copy, models)
    (copy / "amounts.py").write_text((copy / "amounts.py").read_text() + "\n# a comment\n")
    assert len({version, changed_data, changed_model, extractor_version(copy, models)}) == 4


def test_a_run_waits_while_a_dead_holders_workers_are_still_dying(tmp_path):
    """The holder died, a process it forked still holds the lock for a moment: wait, then take over."""
    lock_file = tmp_path / "w.duckdb.run-lock"
    dead = hold_lock(lock_file, "crashed", then="time.sleep(2 if os.fork() == 0 else 0); os._exit(0)")
    dead.wait()
    lock = RunLock(lock_file)
    stale = lock.acquire(Lease.mine("next", "etl run"))  # no wait asked: the grace is for dying holders only
    assert stale.run_id == "crashed"
    lock.release()

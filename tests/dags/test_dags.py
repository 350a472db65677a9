"""The Airflow DAGs: they parse without a database or heavy imports, are wired as designed,
and run end to end with dag.test() on small fixture articles."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"
FIXTURES = REPO / "tests" / "fixtures" / "articles"
RUNNER = Path(__file__).with_name("dag_test_runner.py")
CHAIN = ["extract", "load", "audit", "publish", "report"]


def airflow_env(home: Path) -> dict[str, str]:
    """An Airflow installation in `home` (SQLite), on this repository's dags/."""
    return {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }


def etl_env(folder: Path) -> dict[str, str]:
    return {"ETL_WAREHOUSE": str(folder / "warehouse.duckdb"), "ETL_REPORTS_DIR": str(folder / "reports"),
            "ETL_WORK_DIR": str(folder / "work")}


@pytest.fixture(scope="module")
def dagbag(tmp_path_factory):
    """Parsed in this process: a DagBag needs no Airflow database."""
    env = airflow_env(tmp_path_factory.mktemp("airflow_parse"))
    with pytest.MonkeyPatch.context() as patch:
        for name in ("AIRFLOW_HOME", "AIRFLOW__CORE__LOAD_EXAMPLES"):
            patch.setenv(name, env[name])
        from airflow.models import DagBag

        yield DagBag(dag_folder=str(DAGS))


def test_every_dag_imports_without_errors(dagbag):
    assert dagbag.import_errors == {}
    assert set(dagbag.dags) == {"article_warehouse", "article_backfill"}


def test_nightly_dag_schedule_and_defaults(dagbag):
    dag = dagbag.dags["article_warehouse"]
    assert dag.schedule == "0 2 * * *"
    assert dag.catchup is False and dag.max_active_runs == 1
    assert set(dag.task_dict) == {"ingest", *CHAIN, "fail_dag_run"}
    for task in dag.tasks:
        if task.task_id != "fail_dag_run":
            assert task.retries == 2 and task.retry_delay.total_seconds() > 0, task.task_id
            assert task.on_failure_callback, task.task_id
    assert [a.name for a in dag.task_dict["publish"].outlets] == ["article_warehouse"]


@pytest.mark.parametrize(("dag_id", "planner"), [("article_warehouse", "ingest"), ("article_backfill", "plan_backfill")])
def test_both_dags_share_the_chain_after_planning(dagbag, dag_id, planner):
    dag = dagbag.dags[dag_id]
    steps = [planner, *CHAIN]
    for upstream, downstream in zip(steps, steps[1:]):
        assert dag.task_dict[downstream].upstream_task_ids >= {upstream}, (upstream, downstream)
    assert dag.task_dict["fail_dag_run"].upstream_task_ids == set(steps)
    rules = {t.task_id: t.trigger_rule.value for t in dag.tasks}
    # zero batches skip the mapped extract; load must still run, the report always runs
    assert (rules["load"], rules["report"], rules["fail_dag_run"]) == ("none_failed", "all_done", "one_failed")


def test_backfill_dag_is_manual_with_only_outdated_param(dagbag):
    dag = dagbag.dags["article_backfill"]
    assert dag.schedule is None and dag.max_active_runs == 1
    assert dag.params["only_outdated"] is True


@pytest.mark.parametrize("dag_id", ["article_warehouse", "article_backfill"])
def test_every_task_that_opens_the_warehouse_takes_the_one_slot_pool(dagbag, dag_id):
    """The nightly and the backfill DAG take turns at DuckDB's one writer; extraction needs no slot."""
    pools = {t.task_id: t.pool for t in dagbag.dags[dag_id].tasks}
    planner = "ingest" if dag_id == "article_warehouse" else "plan_backfill"
    assert {t for t, pool in pools.items() if pool == "article_warehouse"} == {
        planner, "load", "audit", "publish", "report"}
    assert pools["extract"] == "default_pool"
    # the pool exists wherever the DAGs run: created by the standalone script and the compose init
    for path in ("scripts/airflow-standalone.sh", "docker-compose.yml"):
        assert 'airflow pools set article_warehouse 1 "' in (REPO / path).read_text(), path


def test_parsing_the_dags_does_no_work(tmp_path):
    """No heavy import, no Airflow database and no warehouse: the DAG processor parses these files often."""
    env = {**airflow_env(tmp_path / "airflow"), **etl_env(tmp_path)}
    (tmp_path / "airflow").mkdir()
    script = (
        "import importlib.util, json, sys\n"
        "for path in sys.argv[1:]:\n"
        "    spec = importlib.util.spec_from_file_location(path.rsplit('/', 1)[-1][:-3], path)\n"
        "    spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "heavy = ('duckdb', 'pandas', 'pyarrow', 'great_expectations', 'spacy', 'etl.pipeline')\n"
        "print(json.dumps([m for m in heavy if m in sys.modules]))\n"
    )
    files = sorted(str(p) for p in DAGS.glob("*.py"))
    out = subprocess.run([sys.executable, "-c", script, *files], env=env, capture_output=True, text=True,
                         timeout=120, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
    assert not (tmp_path / "airflow" / "airflow.db").exists()
    assert not (tmp_path / "warehouse.duckdb").exists()


def fixture_articles() -> set[tuple[str, str]]:
    """(title, language) of every fixture article; the language is its folder's name."""
    found = set()
    for path in FIXTURES.rglob("*"):
        if path.suffix == ".txt":
            found.add((path.read_text(encoding="utf-8").strip().splitlines()[0], path.parent.name))
        elif path.suffix == ".json":
            found.add((json.loads(path.read_text(encoding="utf-8"))["title"], path.parent.name))
    return found


@pytest.fixture(scope="module")
def dag_runs(tmp_path_factory):
    """One process, one migrated Airflow database, four dag.test() runs:
    nightly, nightly again with nothing new, a full backfill, and a nightly whose audit fails."""
    root = tmp_path_factory.mktemp("dag_runs")
    env = airflow_env(root / "airflow")
    (root / "airflow").mkdir()
    subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], env=env, capture_output=True,
                   timeout=300, check=True)
    shutil.copytree(FIXTURES, root / "input")
    good, failing = etl_env(root / "good"), etl_env(root / "failing")
    env |= {"ETL_INPUT_DIR": str(root / "input"), "ETL_BATCH_SIZE": "2", "ETL_WORKERS": "1", **good}
    runs = [
        {"name": "nightly", "dag_id": "article_warehouse"},
        {"name": "rerun", "dag_id": "article_warehouse"},
        {"name": "backfill", "dag_id": "article_backfill", "conf": {"only_outdated": False}},
        # the share of articles without an entity is >= 0 > -1: a blocking expectation fails
        {"name": "failed_audit", "dag_id": "article_warehouse", "env": {**failing, "ETL_MAX_NO_ENTITY_SHARE": "-1"}},
    ]
    out = root / "runs.json"
    proc = subprocess.run([sys.executable, str(RUNNER), json.dumps(runs), str(out)], env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-5000:]
    return json.loads(out.read_text()), Path(good["ETL_WAREHOUSE"]), Path(failing["ETL_WAREHOUSE"])


def query(warehouse: Path, sql: str) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def etl_run_id(airflow_run_id: str, dag_id: str) -> str:
    from etl.orchestration import etl_run_id as derive

    return derive({"dag": SimpleNamespace(dag_id=dag_id), "run_id": airflow_run_id})


def test_etl_run_id_is_a_safe_folder_name_stable_per_dag_run():
    run_id = etl_run_id("scheduled__2026-11-26T02:00:00+00:00", "article_warehouse")
    assert run_id == "article_warehouse__scheduled__2026-11-26T02_00_00_00_00"
    assert etl_run_id("scheduled__2026-11-26T02:00:00+00:00", "article_warehouse") == run_id


def test_nightly_dag_publishes_the_fixture_articles(dag_runs):
    results, warehouse, _ = dag_runs
    nightly = results["nightly"]
    assert nightly["state"] == "success", nightly["tasks"]
    # 4 articles in batches of 2: two mapped extract tasks
    assert {t: s for t, s in nightly["tasks"].items() if t.startswith("extract")} == {
        "extract[0]": "success", "extract[1]": "success"}
    assert nightly["tasks"]["fail_dag_run"] == "skipped"
    articles = query(warehouse, "SELECT title, language FROM analytics.articles")
    assert sorted(articles) == sorted(fixture_articles())
    run_id = etl_run_id(nightly["run_id"], "article_warehouse")
    assert query(warehouse, f"SELECT status, articles_loaded FROM analytics.runs WHERE run_id = '{run_id}'") == [
        ("published", 4)]


def test_rerun_with_nothing_new_skips_extraction_and_still_publishes(dag_runs):
    results, warehouse, _ = dag_runs
    rerun = results["rerun"]
    assert rerun["state"] == "success", rerun["tasks"]
    assert rerun["tasks"]["extract"] == "skipped"
    assert all(rerun["tasks"][t] == "success" for t in ("ingest", "load", "audit", "publish", "report"))
    assert query(warehouse, "SELECT count(*) FROM analytics.articles") == [(4,)]


def test_backfill_dag_reextracts_published_articles(dag_runs):
    results, warehouse, _ = dag_runs
    backfill = results["backfill"]
    assert backfill["state"] == "success", backfill["tasks"]
    run_id = etl_run_id(backfill["run_id"], "article_backfill")
    assert query(warehouse, f"SELECT kind, status, articles_extracted FROM analytics.runs WHERE run_id = '{run_id}'") == [
        ("backfill", "published", 4)]


def test_failed_audit_fails_the_dag_run_and_still_reports(dag_runs):
    results, _, warehouse = dag_runs
    failed = results["failed_audit"]
    assert failed["state"] == "failed"
    tasks = failed["tasks"]
    assert (tasks["audit"], tasks["publish"], tasks["report"], tasks["fail_dag_run"]) == (
        "failed", "upstream_failed", "success", "failed")
    assert query(warehouse, "SELECT count(*) FROM analytics.articles") == [(0,)]
    [(status, message, report)] = query(warehouse, "SELECT status, message, report_path FROM analytics.runs")
    assert status == "failed" and message.startswith("audit failed: 1 blocking expectation(s) failed")
    assert Path(report).exists()

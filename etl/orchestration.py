"""Airflow wiring shared by the DAGs in dags/: the run after its batches are planned.

The nightly and the backfill DAG differ only in how they plan batches; everything
from extraction to the report is built here once. Tasks are thin calls into
etl.pipeline, imported inside each task so that parsing a DAG file stays cheap and
touches no database; each builds the settings from the environment (etl.config) and
passes them down.

Every task that opens the warehouse runs in the `article_warehouse` pool of one slot, so
the nightly and the backfill DAG never queue on DuckDB's single writer; their steps may
still interleave (load A, load B, publish A, ...), which is safe because each step touches
only its own run's rows. Each such step also takes the run lock for its duration, so an
`etl run` from a shell and a DAG task never write at once. Extraction needs no slot.
"""
from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any

from airflow.sdk import Asset, TriggerRule, XComArg, chain, get_current_context, task
from airflow.sdk.exceptions import AirflowFailException

from etl.config import settings

log = logging.getLogger(__name__)

WAREHOUSE_ASSET = Asset(name="article_warehouse", uri=settings().warehouse.resolve().as_uri())
# One slot: create it with `airflow pools set article_warehouse 1 "..."` (scripts/airflow-standalone.sh
# and the compose file's airflow-init do); a task whose pool is missing is never scheduled.
POOL = "article_warehouse"


def etl_run_id(context: Any) -> str:
    """The ETL run id of this DAG run: stable across task retries, so a retry reuses the run folder."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{context['dag'].dag_id}__{context['run_id']}")


def mark_run_failed(context: Any) -> None:
    """on_failure_callback: record the error on the ETL run (after the last retry only)."""
    from etl import pipeline

    ti = context["ti"]
    where = ti.task_id if ti.map_index < 0 else f"{ti.task_id}[{ti.map_index}]"
    error = context.get("exception")
    pipeline.mark_failed(settings(), etl_run_id(context), f"task {where} failed: {type(error).__name__}: {error}")


DEFAULT_ARGS: dict[str, Any] = {
    "owner": "etl",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "on_failure_callback": mark_run_failed,
}


def batch_paths(plan: dict) -> list[str]:
    """Log a plan's counts and hand on only its batch paths: a mapped task needs a list XCom."""
    log.info("planned %s", {key: value for key, value in plan.items() if key != "batches"})
    return plan["batches"]


@task
def extract(batch_path: str) -> str:
    from etl import pipeline

    return pipeline.extract_batch(batch_path)


# none_failed: with zero batches the mapped extract is skipped, and the run must still load.
@task(trigger_rule=TriggerRule.NONE_FAILED, pool=POOL)
def load() -> dict:
    from etl import pipeline

    return pipeline.load(settings(), etl_run_id(get_current_context()))


@task(pool=POOL)
def audit() -> dict:
    """A failed audit is a verdict on the data, not a glitch: fail at once, without retries."""
    from etl import pipeline

    try:
        return pipeline.audit(settings(), etl_run_id(get_current_context()))
    except pipeline.AuditFailed as err:
        raise AirflowFailException(str(err)) from None


@task(outlets=[WAREHOUSE_ASSET], pool=POOL)
def publish() -> dict:
    from etl import pipeline

    return pipeline.publish(settings(), etl_run_id(get_current_context()))


@task(trigger_rule=TriggerRule.ALL_DONE, pool=POOL)
def report() -> str:
    """Written whatever happened upstream: a failed run needs its report most."""
    from pathlib import Path

    from etl import pipeline

    s = settings()
    page = Path(pipeline.finish_report(s, etl_run_id(get_current_context())))
    log.info("Run report: %s", page.resolve().as_uri())
    log.info("Quality site (all runs): %s", (s.reports_dir / "index.html").resolve().as_uri())
    return str(page)


@task(trigger_rule=TriggerRule.ONE_FAILED, on_failure_callback=None)
def fail_dag_run() -> None:
    """Fail the DAG run when any task failed: otherwise the all_done report, as the
    only leaf, would mark it successful."""
    raise AirflowFailException("an upstream task failed; see its log and the run report")


def after_planning(plan: XComArg) -> None:
    """Wire extract → load → audit → publish → report behind a planning task.

    `plan` returns a list of batch paths (see batch_paths); extraction is mapped over
    it, one task per batch, handing on paths only: the data stays in the run folder.
    """
    steps = [plan, extract.expand(batch_path=plan), load(), audit(), publish(), report()]
    chain(*steps)
    steps >> fail_dag_run()

"""Nightly: ingest the new article files, extract, load, audit and publish the warehouse.

Where the files, the warehouse and the reports are comes from the ETL_* environment
variables (etl/config.py), with defaults for the embedded one-laptop setup.
"""
from __future__ import annotations

from datetime import datetime

from airflow.sdk import dag, get_current_context, task

from etl.orchestration import DEFAULT_ARGS, POOL, after_planning, batch_paths, etl_run_id


@task(pool=POOL)
def ingest() -> list[str]:
    from etl import pipeline
    from etl.config import settings

    return batch_paths(pipeline.ingest(settings(), etl_run_id(get_current_context())))


@dag(
    schedule="0 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["etl", "warehouse"],
    doc_md=__doc__,
)
def article_warehouse():
    after_planning(ingest())


article_warehouse()

"""Manual: re-extract already published articles with the current extractor version.

No input files are read; the articles come from the warehouse. With only_outdated
(the default) only articles extracted by an older extractor version are redone.
"""
from __future__ import annotations

from datetime import datetime

from airflow.sdk import Param, dag, get_current_context, task

from etl.orchestration import DEFAULT_ARGS, POOL, after_planning, batch_paths, etl_run_id


@task(pool=POOL)
def plan_backfill() -> list[str]:
    from etl import pipeline
    from etl.config import settings

    context = get_current_context()
    plan = pipeline.plan_backfill(settings(), etl_run_id(context), only_outdated=context["params"]["only_outdated"])
    return batch_paths(plan)


@dag(
    schedule=None,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    params={
        "only_outdated": Param(
            True, type="boolean", description="Only articles extracted by an older extractor version."
        )
    },
    tags=["etl", "warehouse", "backfill"],
    doc_md=__doc__,
)
def article_backfill():
    after_planning(plan_backfill())


article_backfill()

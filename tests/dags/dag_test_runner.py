"""Run DAGs with dag.test() in a fresh process and write each run's outcome as JSON, by name.

A separate process because Airflow reads its configuration (AIRFLOW_HOME, database)
once per process; the test sets it through the environment.
Usage: python dag_test_runner.py RUNS_JSON OUT_JSON, RUNS_JSON a list of
{"name", "dag_id", "conf", "env"}; env is set before the run (etl reads its settings at
call time). Retries are switched off: a failing task fails the test at once instead of
waiting out the retry delay.
"""
from __future__ import annotations

import json
import os
import sys
import time

from airflow.models import DagBag


def main(runs: list[dict], out: str) -> None:
    bag = DagBag(dag_folder=os.environ["AIRFLOW__CORE__DAGS_FOLDER"])
    assert not bag.import_errors, bag.import_errors
    results = {}
    for spec in runs:
        os.environ.update(spec.get("env", {}))
        dag = bag.dags[spec["dag_id"]]
        for t in dag.tasks:
            t.retries = 0
        started = time.perf_counter()
        run = dag.test(run_conf=spec.get("conf"))
        results[spec["name"]] = {
            "run_id": run.run_id, "state": str(run.state), "seconds": round(time.perf_counter() - started, 1),
            "tasks": {ti.task_id if ti.map_index < 0 else f"{ti.task_id}[{ti.map_index}]": str(ti.state)
                      for ti in run.get_task_instances()},
        }
    with open(out, "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main(json.loads(sys.argv[1]), sys.argv[2])

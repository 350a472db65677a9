#!/usr/bin/env bash
# Airflow standalone (SQLite, LocalExecutor) on this repository's dags/, state kept in var/airflow.
# Port from AIRFLOW_PORT (default 8080); tasks reach the execution API through AIRFLOW__API__BASE_URL,
# which must carry the same port. The admin password is printed on first start and kept in
# var/airflow/simple_auth_manager_passwords.json.generated.
#
# Sized for the machine: the LocalExecutor starts `parallelism` worker processes up front (Airflow's
# default is 32), so parallelism is the number of cores (AIRFLOW_PARALLELISM overrides it), with one
# API server worker and one DAG-parsing process. Any AIRFLOW__* variable already set wins.
# Ctrl-C (or SIGTERM) stops everything this script started: airflow standalone runs in its own
# process group, which is sent SIGTERM and, after AIRFLOW_STOP_SECONDS (default 20), SIGKILL.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${AIRFLOW_PORT:-8080}"
venv_bin="$repo/.venv/bin"
cores="$(nproc 2>/dev/null || echo 2)"
parallelism="${AIRFLOW_PARALLELISM:-$cores}"
stop_seconds="${AIRFLOW_STOP_SECONDS:-20}"

export AIRFLOW_HOME="$repo/var/airflow"
export AIRFLOW__CORE__DAGS_FOLDER="$repo/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__API__PORT="$port"
export AIRFLOW__API__BASE_URL="http://127.0.0.1:$port"
export AIRFLOW__CORE__PARALLELISM="${AIRFLOW__CORE__PARALLELISM:-$parallelism}"
export AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG="${AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG:-$parallelism}"
export AIRFLOW__API__WORKERS="${AIRFLOW__API__WORKERS:-1}"
export AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES="${AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES:-1}"
# The DAG files import etl; make it the working tree's even if the venv holds an older install.
export PYTHONPATH="$repo${PYTHONPATH:+:$PYTHONPATH}"
mkdir -p "$AIRFLOW_HOME"

if [[ -x "$venv_bin/airflow" ]]; then
  export PATH="$venv_bin:$PATH"
fi

# The pool of one slot every warehouse task runs in (etl/orchestration.py POOL): the nightly and the
# backfill DAG take turns at DuckDB's single writer. Tasks of a missing pool are never scheduled.
airflow db migrate >/dev/null
airflow pools set article_warehouse 1 "DuckDB has one writer: the warehouse tasks of every DAG take turns" >/dev/null

echo "airflow standalone on http://127.0.0.1:$port: parallelism $AIRFLOW__CORE__PARALLELISM on $cores core(s); Ctrl-C stops it"
# setsid: a process group of its own, so stopping it reaches every process it spawned (scheduler,
# API server, DAG processor, triggerer, executor workers and their task processes).
setsid airflow standalone &
leader=$!

stop() {
  trap - INT TERM EXIT
  if kill -0 "$leader" 2>/dev/null; then
    echo "stopping airflow standalone (process group $leader)..."
    kill -TERM -- "-$leader" 2>/dev/null || true
    for _ in $(seq "$stop_seconds"); do
      kill -0 -- "-$leader" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-$leader" 2>/dev/null || true
  fi
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT
wait "$leader"

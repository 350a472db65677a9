#!/usr/bin/env bash
# Airflow standalone (SQLite, LocalExecutor) on this repository's dags/, state kept in var/airflow.
# Port from AIRFLOW_PORT (default 8080); tasks reach the execution API through AIRFLOW__API__BASE_URL,
# which must carry the same port. The admin password is printed on first start and kept in
# var/airflow/simple_auth_manager_passwords.json.generated.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${AIRFLOW_PORT:-8080}"
venv_bin="$repo/.venv/bin"

export AIRFLOW_HOME="$repo/var/airflow"
export AIRFLOW__CORE__DAGS_FOLDER="$repo/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__API__PORT="$port"
export AIRFLOW__API__BASE_URL="http://127.0.0.1:$port"
# The DAG files import etl; make it the working tree's even if the venv holds an older install.
export PYTHONPATH="$repo${PYTHONPATH:+:$PYTHONPATH}"
mkdir -p "$AIRFLOW_HOME"

if [[ -x "$venv_bin/airflow" ]]; then
  export PATH="$venv_bin:$PATH"
fi
exec airflow standalone

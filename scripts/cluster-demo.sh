#!/usr/bin/env bash
# The distributed path for real on one machine: Airflow with the CeleryExecutor, Redis as broker and
# PostgreSQL as metadata database and result backend (Debian packages, on loopback), two Celery
# workers, and the nightly DAG `article_warehouse` over a subset of ../shared/data/corpora.
#
# The settings are docker-compose.yml's (executor, broker, result backend, secrets, ETL_* folders,
# the one-slot warehouse pool); only the hosts are 127.0.0.1 and the ports free ones. The same
# input runs twice on a fresh warehouse: with one worker, then with two; the script prints which
# worker ran which task and both DAG wall times. Everything it starts it stops, and its folder
# goes, on exit (CLUSTER_DEMO_KEEP=1 keeps the folder).
#
#   make cluster-demo                                 # 400 articles in batches of 50 (minutes)
#   CLUSTER_DEMO_ARTICLES=800 make cluster-demo       # more
#
# Needs root (PostgreSQL's data folder is owned by and run as the postgres user; apt-get for
# redis-server and postgresql when they are missing), and PyPI once for
# apache-airflow[celery,postgres] in .venv (pinned by constraints.txt and docker/cluster-constraints.txt).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.venv/bin"
articles="${CLUSTER_DEMO_ARTICLES:-400}"
batch_size="${CLUSTER_DEMO_BATCH_SIZE:-50}"
concurrency="${CLUSTER_DEMO_WORKER_CONCURRENCY:-1}"   # task slots per worker
timeout_s="${CLUSTER_DEMO_TIMEOUT:-1800}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"

say() { echo "[cluster-demo $(date -u +%H:%M:%S)] $*"; }

# --- packages -------------------------------------------------------------------------------
if ! command -v redis-server >/dev/null || [[ -z "$pg_bin" ]]; then
  say "installing redis-server and postgresql (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server postgresql >/dev/null
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
if ! "$venv/python" -c "import airflow.providers.celery, psycopg2, redis" 2>/dev/null; then
  say "installing apache-airflow[celery,postgres] into .venv"
  "$venv/pip" install -q -c "$repo/constraints.txt" -c "$repo/docker/cluster-constraints.txt" \
    "apache-airflow[celery,postgres]==3.3.2"
fi

free_port() { "$venv/python" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }

# --- one folder for everything, removed on exit -----------------------------------------------
demo="$(mktemp -d "${TMPDIR:-/tmp}/cluster-demo-XXXXXX")"
chmod 755 "$demo"
pids=()
pg_started=""
stop_all() {
  trap - EXIT INT TERM
  say "stopping everything the demo started"
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 20); do
    alive=""
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ -z "$alive" ]] && break
    sleep 1
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  if [[ -n "$pg_started" ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$demo/pg" -m fast stop >/dev/null 2>&1 || true
  fi
  if [[ "${CLUSTER_DEMO_KEEP:-}" == 1 ]]; then say "kept $demo"; else rm -rf "$demo"; fi
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start NAME CMD...: a background service in a process group of its own, logging to $demo/logs/NAME.log
start() {
  local name="$1"; shift
  setsid "$@" >"$demo/logs/$name.log" 2>&1 &
  pids+=("$!")
}
mkdir -p "$demo/logs"

# --- PostgreSQL and Redis on loopback ---------------------------------------------------------
pg_port="$(free_port)"; redis_port="$(free_port)"; api_port="$(free_port)"
pg_user=airflow; pg_password=airflow; pg_db=airflow
mkdir -p "$demo/pg" "$demo/pgsock" "$demo/pglog"; chown postgres "$demo/pg" "$demo/pgsock" "$demo/pglog"
say "postgres on 127.0.0.1:$pg_port, redis on 127.0.0.1:$redis_port, api server on 127.0.0.1:$api_port"
runuser -u postgres -- "$pg_bin/initdb" -D "$demo/pg" -U "$pg_user" --auth=trust >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$demo/pg" -l "$demo/pglog/postgres.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $demo/pgsock -c max_connections=200" start >/dev/null
pg_started=1
runuser -u postgres -- "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" "$pg_db"
start redis redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$demo"
for _ in $(seq 30); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.5; done

# --- input: a subset of the corpora, as files --------------------------------------------------
mkdir -p "$demo/input" "$demo/warehouse" "$demo/reports" "$demo/work" "$demo/airflow/auth" "$demo/pylib"
PYTHONPATH="$repo/bench" "$venv/python" - "$demo/input" "$articles" <<'EOF'
import sys
from pathlib import Path
from corpora import articles  # exits with a message when ../shared/data/corpora is absent
out, n = Path(sys.argv[1]), int(sys.argv[2])
docs = articles()
step = max(1, len(docs) // n)
for name, text, _ in docs[::step][:n]:
    (out / f"{name}.txt").write_text(text, encoding="utf-8")
EOF
say "input: $(ls "$demo/input" | wc -l) articles in batches of $batch_size"

# Each worker reports its own name as the task's hostname, so the task list shows who ran what.
cat >"$demo/pylib/demo_hostname.py" <<'EOF'
import os
import socket


def name() -> str:
    return os.environ.get("CLUSTER_DEMO_WORKER") or socket.getfqdn()
EOF

# --- the settings of docker-compose.yml ---------------------------------------------------------
secret() { "$venv/python" -c "import secrets; print(secrets.token_urlsafe(32))"; }
export AIRFLOW_HOME="$demo/airflow"
export AIRFLOW__CORE__DAGS_FOLDER="$repo/dags"
export AIRFLOW__CORE__EXECUTOR=CeleryExecutor
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="postgresql+psycopg2://$pg_user:$pg_password@127.0.0.1:$pg_port/$pg_db"
export AIRFLOW__CELERY__RESULT_BACKEND="db+postgresql://$pg_user:$pg_password@127.0.0.1:$pg_port/$pg_db"
export AIRFLOW__CELERY__BROKER_URL="redis://:@127.0.0.1:$redis_port/0"
export AIRFLOW__CORE__FERNET_KEY="$("$venv/python" -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())")"
export AIRFLOW__API_AUTH__JWT_SECRET="$(secret)"
export AIRFLOW__API__SECRET_KEY="$(secret)"
export AIRFLOW__API__PORT="$api_port"
export AIRFLOW__API__BASE_URL="http://127.0.0.1:$api_port"
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="http://127.0.0.1:$api_port/execution/"
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=true
export AIRFLOW__CORE__LOAD_EXAMPLES=false
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS=admin:admin
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE="$demo/airflow/auth/passwords.json"
export AIRFLOW__CORE__HOSTNAME_CALLABLE=demo_hostname.name
export AIRFLOW__API__WORKERS=1
export AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES=1
export AIRFLOW__CELERY__WORKER_CONCURRENCY="$concurrency"
export ETL_INPUT_DIR="$demo/input"
export ETL_WAREHOUSE="$demo/warehouse/warehouse.duckdb"
export ETL_REPORTS_DIR="$demo/reports"
export ETL_WORK_DIR="$demo/work"
export ETL_BATCH_SIZE="$batch_size"
export PYTHONPATH="$repo:$demo/pylib${PYTHONPATH:+:$PYTHONPATH}"
export PATH="$venv:$PATH"
echo '{"admin": "admin"}' >"$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"

say "airflow db migrate"
airflow db migrate >"$demo/logs/db-migrate.log" 2>&1
airflow pools set article_warehouse 1 "DuckDB has one writer: the warehouse tasks of every DAG take turns" >/dev/null
start api-server airflow api-server --port "$api_port"
start scheduler airflow scheduler
start dag-processor airflow dag-processor

psql_q() { psql -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d "$pg_db" -At -F $'\t' -c "$1"; }

start_worker() {  # start_worker NAME
  start "worker-$1" env CLUSTER_DEMO_WORKER="$1" airflow celery worker --celery-hostname "$1@%h" \
    --concurrency "$concurrency" --without-gossip --without-mingle
}

wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds="$1" what="$2"; shift 2
  for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  say "timed out waiting for $what"; return 1
}
dag_parsed() { [[ "$(psql_q "SELECT count(*) FROM dag WHERE dag_id = 'article_warehouse'")" == 1 ]]; }
wait_for 600 "the DAG to be parsed" dag_parsed
airflow dags unpause article_warehouse >/dev/null

run_dag() {  # run_dag LABEL: a fresh warehouse, trigger, wait; prints tasks per worker and the wall time
  local label="$1" run_id state
  rm -rf "$demo/warehouse"/* "$demo/work"/* "$demo/reports"/*
  run_id="demo_${label}_$(date -u +%H%M%S)"
  airflow dags trigger article_warehouse --run-id "$run_id" >/dev/null
  say "$label: triggered $run_id"
  for _ in $(seq "$timeout_s"); do
    state="$(psql_q "SELECT state FROM dag_run WHERE dag_id = 'article_warehouse' AND run_id = '$run_id'")"
    [[ "$state" == success || "$state" == failed ]] && break
    sleep 2
  done
  say "$label: DAG run $state"
  echo "task                 map  worker     seconds"
  psql_q "SELECT task_id, map_index, hostname, round(extract(epoch FROM end_date - start_date)::numeric, 1)
          FROM task_instance WHERE dag_id = 'article_warehouse' AND run_id = '$run_id'
          ORDER BY start_date" | awk -F'\t' '{printf "%-20s %4s  %-10s %6s\n", $1, $2, $3, $4}'
  echo "extract tasks per worker:"
  psql_q "SELECT hostname, count(*) FROM task_instance WHERE dag_id = 'article_warehouse' AND run_id = '$run_id'
          AND task_id = 'extract' GROUP BY hostname ORDER BY hostname" | awk -F'\t' '{printf "  %-10s %s\n", $1, $2}'
  local wall
  wall="$(psql_q "SELECT round(extract(epoch FROM end_date - start_date)::numeric, 1) FROM dag_run
                  WHERE dag_id = 'article_warehouse' AND run_id = '$run_id'")"
  say "$label: DAG wall time $wall s"
  echo "$label $wall $state" >>"$demo/walls"
  [[ "$state" == success ]]
}

start_worker worker1
wait_for 120 "worker1" celery --app airflow.providers.celery.executors.celery_executor.app inspect ping -d "worker1@$(hostname)"
# Unpausing makes the scheduler start today's 02:00 run at once (catchup=False still runs the
# latest interval); let it finish as a warm-up, then time our own runs, each on a fresh warehouse.
runs_done() { [[ "$(psql_q "SELECT count(*) FROM dag_run WHERE dag_id = 'article_warehouse'
                             AND state IN ('queued', 'running')")" == 0 ]]; }
sleep 5
say "warm-up: waiting for the scheduler's own run of today, if any"
wait_for "$timeout_s" "the scheduled run" runs_done
run_dag one_worker
start_worker worker2
wait_for 120 "worker2" celery --app airflow.providers.celery.executors.celery_executor.app inspect ping -d "worker2@$(hostname)"
run_dag two_workers

say "summary ($(ls "$demo/input" | wc -l) articles, batches of $batch_size, $concurrency task slot(s) per worker):"
awk '{printf "  %-12s %8s s  (%s)\n", $1, $2, $3}' "$demo/walls"

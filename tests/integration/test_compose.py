"""docker-compose.yml and the Dockerfile, checked as files (no Docker engine here): the official
Airflow 3 Celery shape, one project image, etl settings that etl/config.py reads and that
point into mounted volumes, and no secret in the repository."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
AIRFLOW_SERVICES = {"airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-worker",
                    "airflow-triggerer", "airflow-init"}
ETL_PATHS = {"ETL_INPUT_DIR", "ETL_WAREHOUSE", "ETL_REPORTS_DIR", "ETL_WORK_DIR"}
# ${VAR}, ${VAR:-default}, ${VAR:?message}; $${VAR} is an escaped shell variable, not compose's
COMPOSE_VAR = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?][^}]*)?\}")
SECRET_REF = re.compile(r"\$\{[A-Z_]+(:\?[^}]*)?\}")  # a reference without a default value


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def mounts(service: dict) -> dict[str, str]:
    """Container path -> source (host path, possibly a ${VAR:-default}, or a named volume)."""
    found = {}
    for entry in service["volumes"]:
        source, target = re.fullmatch(r"(.+):(/[^:]*)(?::(?:ro|rw))?", entry).groups()
        found[target] = source
    return found


def strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)
    elif isinstance(node, str):
        yield node


def test_the_services_of_the_official_celery_setup(services):
    assert set(services) >= {"postgres", "redis"} | AIRFLOW_SERVICES
    commands = {name: services[name].get("command") for name in AIRFLOW_SERVICES - {"airflow-init"}}
    assert commands == {"airflow-apiserver": "api-server", "airflow-scheduler": "scheduler",
                        "airflow-dag-processor": "dag-processor", "airflow-worker": "celery worker",
                        "airflow-triggerer": "triggerer"}
    assert any(port.endswith(":8080") for port in services["airflow-apiserver"]["ports"])
    for name in AIRFLOW_SERVICES - {"airflow-init"}:
        assert services[name]["depends_on"]["airflow-init"] == {"condition": "service_completed_successfully"}
    assert "airflow db migrate" in services["airflow-init"]["command"][-1]


@pytest.mark.parametrize("name", sorted(AIRFLOW_SERVICES))
def test_airflow_services_run_the_project_image_with_celery(services, name):
    service = services[name]
    assert service["build"] == "."
    assert service["image"] == services["airflow-scheduler"]["image"]
    env = service["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
    assert "@postgres/" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://") and "@redis:" in env["AIRFLOW__CELERY__BROKER_URL"]


def test_etl_settings_are_ones_etl_reads_and_point_into_volumes(services):
    read_by_etl = set(re.findall(r'"(ETL_[A-Z_]+)"', (REPO / "etl" / "config.py").read_text()))
    for name in AIRFLOW_SERVICES:
        env = services[name]["environment"]
        etl_vars = {key for key in env if key.startswith("ETL_")}
        assert etl_vars <= read_by_etl, (name, etl_vars - read_by_etl)
        assert etl_vars >= ETL_PATHS, name
        targets = mounts(services[name])
        for key in ETL_PATHS:
            assert any(env[key] == t or env[key].startswith(t.rstrip("/") + "/") for t in targets), (name, key)


def test_the_work_folder_is_one_volume_shared_by_all_workers(services):
    """Batches hand over Parquet: whichever worker extracts, load must see the files."""
    sources = {mounts(services[name])[services[name]["environment"]["ETL_WORK_DIR"]] for name in AIRFLOW_SERVICES}
    assert len(sources) == 1, sources


def test_no_secret_is_written_into_the_compose_file(compose):
    for key_path, value in secret_values(compose):
        assert SECRET_REF.fullmatch(value), key_path
    for text in strings(compose):
        for password in re.findall(r"://[^/:@\s]*:([^@\s]*)@", text):
            assert password == "" or SECRET_REF.fullmatch(password), text


def secret_values(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}"
            if isinstance(value, str) and re.search(r"PASSWORD|SECRET|FERNET", key) and not key.endswith("_FILE"):
                yield here, value
            else:
                yield from secret_values(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from secret_values(value, f"{path}[{i}]")


def test_env_example_lists_every_variable_the_compose_file_uses():
    used = set(COMPOSE_VAR.findall((REPO / "docker-compose.yml").read_text()))
    example = (REPO / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z_][A-Z0-9_]*)=", example, flags=re.M))
    assert used, "no ${VAR} found: the pattern is wrong"
    assert used <= listed, used - listed
    assert {"POSTGRES_PASSWORD", "AIRFLOW_ADMIN_PASSWORD", "AIRFLOW_FERNET_KEY", "AIRFLOW_UID"} <= listed
    assert ".env" in (REPO / ".gitignore").read_text().split()  # the filled-in copy is never committed


def test_the_image_is_slim_pinned_and_not_root():
    dockerfile = (REPO / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, flags=re.M)
    assert "pip install -c constraints.txt" in dockerfile
    for folder in ("etl/", "sql/", "models/", "dags/"):
        assert re.search(rf"^COPY {folder} ", dockerfile, flags=re.M), folder
    users = re.findall(r"^USER (\S+)", dockerfile, flags=re.M)
    assert users and users[-1] not in ("root", "0", "0:0")
    ignored = (REPO / ".dockerignore").read_text().split()
    assert ".env" in ignored and ".venv" in ignored  # secrets and the local venv never go into the image

"""All settings, from environment variables, with defaults for the embedded one-laptop setup.

Only this module reads os.environ: entry points (the CLI, the Airflow tasks) call `settings()`,
optionally with overrides from their own arguments, and pass the value down.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = REPO_ROOT / "sql"


@dataclass(frozen=True)
class Settings:
    input_dir: Path  # ETL_INPUT_DIR: folder of incoming article files (scanned recursively)
    warehouse: Path  # ETL_WAREHOUSE: the DuckDB file
    reports_dir: Path  # ETL_REPORTS_DIR: data-quality reports, one folder per run
    work_dir: Path  # ETL_WORK_DIR: per-run working folders (Parquet handed between steps); default beside the warehouse
    models_dir: Path  # ETL_MODELS_DIR: the trained NER pipelines
    max_file_bytes: int  # ETL_MAX_FILE_BYTES: larger files are quarantined
    min_article_chars: int  # ETL_MIN_ARTICLE_CHARS: shorter articles are quarantined
    follow_symlinks_out: bool  # ETL_FOLLOW_SYMLINKS_OUT: read symbolic links that point outside the input folder
    batch_size: int  # ETL_BATCH_SIZE: articles per extraction batch (one mapped task each)
    workers: int  # ETL_WORKERS: extraction processes in the CLI (0 = one per core)
    max_no_entity_share: float  # ETL_MAX_NO_ENTITY_SHARE: audit fails if more extracted articles have no entity
    history_runs: int  # ETL_HISTORY_RUNS: earlier runs tonight's figures are compared with
    history_blocking: tuple[str, ...]  # ETL_HISTORY_BLOCKING: history checks that fail the audit (volume, language_mix, quarantine, rates)
    lock_wait_seconds: float  # ETL_LOCK_WAIT_SECONDS: how long a run's writer waits for readers of the DuckDB file
    read_wait_seconds: float  # ETL_READ_WAIT_SECONDS: how long a reader waits while a run loads or publishes
    duckdb_memory_limit: str  # ETL_DUCKDB_MEMORY_LIMIT: per connection; default 30 % of RAM, at most 16 GB
    duckdb_temp_dir: Path  # ETL_DUCKDB_TEMP_DIR: where DuckDB spills; default beside the warehouse

    @property
    def lock_file(self) -> Path:
        """The run lock: one writing run at a time per warehouse (etl.warehouse.runs.RunLock)."""
        return self.warehouse.with_name(self.warehouse.name + ".run-lock")


def default_memory_limit() -> str:
    """30 % of physical memory, at most 16 GB: leaves the machine usable for the extraction workers."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return "4GB"
    return f"{max(256, min(int(total * 0.3) >> 20, 16 * 1024))}MB"


def settings(**overrides) -> Settings:
    """Read the environment now (cheap; tests change variables between calls).

    `overrides` (field name -> value, None meaning "not given") are the caller's own arguments,
    e.g. the CLI's --warehouse; defaults that derive from another setting (the work and temp
    folders beside the warehouse) follow the overridden value.
    """
    given = {k: v for k, v in overrides.items() if v is not None}
    unknown = set(given) - set(Settings.__dataclass_fields__)
    if unknown:
        raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
    env = os.environ

    def path(field: str, var: str, default: Path) -> Path:
        return Path(given.get(field) or env.get(var) or default).expanduser()

    data = Path(env.get("ETL_DATA_DIR") or REPO_ROOT / "var").expanduser()
    warehouse = path("warehouse", "ETL_WAREHOUSE", data / "warehouse.duckdb")
    values = dict(
        input_dir=path("input_dir", "ETL_INPUT_DIR", REPO_ROOT / "samples" / "articles"),
        warehouse=warehouse,
        reports_dir=path("reports_dir", "ETL_REPORTS_DIR", data / "reports"),
        work_dir=path("work_dir", "ETL_WORK_DIR", warehouse.parent / "work"),
        models_dir=path("models_dir", "ETL_MODELS_DIR", REPO_ROOT / "models"),
        max_file_bytes=int(env.get("ETL_MAX_FILE_BYTES", 5 * 1024 * 1024)),
        min_article_chars=int(env.get("ETL_MIN_ARTICLE_CHARS", 200)),
        follow_symlinks_out=env.get("ETL_FOLLOW_SYMLINKS_OUT", "").lower() in ("1", "true", "yes"),
        batch_size=int(env.get("ETL_BATCH_SIZE", 200)),
        workers=int(env.get("ETL_WORKERS", 0)),
        max_no_entity_share=float(env.get("ETL_MAX_NO_ENTITY_SHARE", 0.5)),
        history_runs=int(env.get("ETL_HISTORY_RUNS", 14)),
        history_blocking=tuple(g.strip() for g in env.get("ETL_HISTORY_BLOCKING", "").split(",") if g.strip()),
        lock_wait_seconds=float(env.get("ETL_LOCK_WAIT_SECONDS", 120)),
        read_wait_seconds=float(env.get("ETL_READ_WAIT_SECONDS", 15)),
        duckdb_memory_limit=env.get("ETL_DUCKDB_MEMORY_LIMIT") or default_memory_limit(),
        duckdb_temp_dir=path("duckdb_temp_dir", "ETL_DUCKDB_TEMP_DIR", warehouse.with_name(warehouse.name + ".tmp")),
    )
    return Settings(**(values | {k: v for k, v in given.items() if not isinstance(values[k], Path)}))

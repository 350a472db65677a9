"""All settings, from environment variables, with defaults for the embedded one-laptop setup.

Every module reads configuration through `settings()`; nothing else reads os.environ.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = REPO_ROOT / "sql"


def _path(name: str, default: Path) -> Path:
    return Path(os.environ.get(name) or default).expanduser()


@dataclass(frozen=True)
class Settings:
    input_dir: Path  # ETL_INPUT_DIR: folder of incoming article files (scanned recursively)
    warehouse: Path  # ETL_WAREHOUSE: the DuckDB file
    reports_dir: Path  # ETL_REPORTS_DIR: data-quality reports, one folder per run
    work_dir: Path  # ETL_WORK_DIR: per-run working folders (Parquet handed between steps)
    models_dir: Path  # ETL_MODELS_DIR: the trained NER pipelines
    max_file_bytes: int  # ETL_MAX_FILE_BYTES: larger files are quarantined
    min_article_chars: int  # ETL_MIN_ARTICLE_CHARS: shorter articles are quarantined
    batch_size: int  # ETL_BATCH_SIZE: articles per extraction batch (one mapped task each)
    workers: int  # ETL_WORKERS: extraction processes in the CLI (0 = one per core)
    max_no_entity_share: float  # ETL_MAX_NO_ENTITY_SHARE: audit fails if more extracted articles have no entity
    lock_wait_seconds: float  # ETL_LOCK_WAIT_SECONDS: how long a writer waits for readers of the DuckDB file


def settings() -> Settings:
    """Read the environment now (cheap; tests change variables between calls)."""
    data = _path("ETL_DATA_DIR", REPO_ROOT / "var")
    return Settings(
        input_dir=_path("ETL_INPUT_DIR", REPO_ROOT / "samples" / "articles"),
        warehouse=_path("ETL_WAREHOUSE", data / "warehouse.duckdb"),
        reports_dir=_path("ETL_REPORTS_DIR", data / "reports"),
        work_dir=_path("ETL_WORK_DIR", data / "work"),
        models_dir=_path("ETL_MODELS_DIR", REPO_ROOT / "models"),
        max_file_bytes=int(os.environ.get("ETL_MAX_FILE_BYTES", 5 * 1024 * 1024)),
        min_article_chars=int(os.environ.get("ETL_MIN_ARTICLE_CHARS", 200)),
        batch_size=int(os.environ.get("ETL_BATCH_SIZE", 200)),
        workers=int(os.environ.get("ETL_WORKERS", 0)),
        max_no_entity_share=float(os.environ.get("ETL_MAX_NO_ENTITY_SHARE", 0.5)),
        lock_wait_seconds=float(os.environ.get("ETL_LOCK_WAIT_SECONDS", 120)),
    )

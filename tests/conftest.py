"""Shared test helpers: where ../shared/data is, a skip when it is absent, and a run over the samples."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SAMPLES = REPO / "samples" / "articles"


def shared_data(relative: str) -> Path:
    """A file under ../shared/data, or skip the test with the reason."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"needs ../shared/data/{relative} (development data, not part of the repository)")
    return path


@pytest.fixture
def env(tmp_path, monkeypatch):
    """Samples copied to a temporary input folder; warehouse, reports and work folders under tmp_path."""
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox)
    for name, var in (("w.duckdb", "ETL_WAREHOUSE"), ("reports", "ETL_REPORTS_DIR"), ("work", "ETL_WORK_DIR")):
        monkeypatch.setenv(var, str(tmp_path / name))
    monkeypatch.setenv("ETL_WORKERS", "1")  # in-process: one model load for the whole test session
    return inbox

"""Connections and schema: numbered migrations applied once each, views re-created every time."""
from __future__ import annotations

import hashlib
import time
from pathlib import Path

import duckdb

from etl.config import SQL_DIR, Settings, settings


class WarehouseBusy(RuntimeError):
    """Another process holds the DuckDB file (one writer, or readers, at a time)."""


def connect(path: Path | str, read_only: bool = False, wait_seconds: float | None = None,
            config: Settings | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writer also brings the schema up to date.

    DuckDB allows one writer or several readers per file. A writer waits up to `wait_seconds`
    (default ETL_LOCK_WAIT_SECONDS) for readers such as an analyst's session to let go; a reader
    waits up to ETL_READ_WAIT_SECONDS while a run loads or publishes (seconds). Every connection
    gets a memory limit and a spill folder, so a big query cannot take the machine down.
    `config` is the caller's settings (entry points without one read them here).
    """
    s = config or settings(warehouse=Path(path))
    if read_only and not Path(path).exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `etl run` first")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if wait_seconds is None:
        wait_seconds = s.read_wait_seconds if read_only else s.lock_wait_seconds
    deadline = time.monotonic() + wait_seconds
    limits = {"memory_limit": s.duckdb_memory_limit, "temp_directory": str(s.duckdb_temp_dir)}
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config=limits)
            break
        except duckdb.IOException as err:
            if "lock" not in str(err).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(f"warehouse {path} is in use by another process "
                                    f"({'a run loading or publishing' if read_only else 'a reader or another run'}); "
                                    f"try again when it has finished. DuckDB said: {err}") from None
            time.sleep(0.5)
    if not read_only:
        migrate(con)
    return con


def sql(name: str) -> str:
    """The text of one SQL file under sql/."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending sql/migrations/NNNN_*.sql in order, each in its own transaction; return those applied.

    A migration already applied whose file changed is an error: migrations are append-only.
    """
    con.execute(sql("schema_migrations.sql"))
    applied = dict(con.execute("SELECT version, checksum FROM main.schema_migrations").fetchall())
    done = []
    for path in sorted((SQL_DIR / "migrations").glob("[0-9][0-9][0-9][0-9]_*.sql")):
        version = path.name[:4]
        text = path.read_text(encoding="utf-8")
        checksum = hashlib.sha256(text.encode()).hexdigest()
        if version in applied:
            if applied[version] != checksum:
                raise RuntimeError(f"migration {path.name} changed after it was applied; add a new migration instead")
            continue
        con.execute("BEGIN")
        try:
            con.execute(text)
            con.execute("INSERT INTO main.schema_migrations (version, file_name, checksum) VALUES (?, ?, ?)",
                        [version, path.name, checksum])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done.append(path.name)
    create_views(con)
    return done


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the analysts' views and their comments in one transaction."""
    con.execute("BEGIN")
    try:
        for path in sorted((SQL_DIR / "views").glob("*.sql")):
            con.execute(path.read_text(encoding="utf-8"))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise

"""Merge one run's Parquet into the core tables as unpublished rows, in one transaction."""
from __future__ import annotations

from pathlib import Path

import duckdb

# Parquet file of a batch's output -> core table it loads into.
EXTRACTION_TABLES = {
    "entity_mentions": "core.entity_mentions",
    "amounts": "core.amounts",
    "lawsuits": "core.lawsuits",
    "lawsuit_parties": "core.lawsuit_parties",
    "extractions": "core.extractions",
}
DATA_TABLES = ("core.articles", *EXTRACTION_TABLES.values())


def _insert_parquet(con: duckdb.DuckDBPyConnection, table: str, files: list[Path]) -> int:
    """Insert by column name, so Parquet may lack columns with defaults (published)."""
    files = [str(f) for f in files if f.exists()]
    if not files:
        return 0
    cols = [r[0] for r in con.execute("SELECT * FROM read_parquet($files) LIMIT 0", {"files": files}).description]
    col_list = ", ".join(f'"{c}"' for c in cols)
    before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    con.execute(f"INSERT INTO {table} ({col_list}) SELECT {col_list} FROM read_parquet($files, union_by_name = true)",
                {"files": files})
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before


def load_run(con: duckdb.DuckDBPyConnection, run_id: str, run_dir: Path, batch_outputs: list[Path]) -> dict:
    """Stale unpublished rows (of a crashed run) go first; a retried load replaces its own rows."""
    counts = {}
    con.execute("BEGIN")
    try:
        for table in DATA_TABLES:
            con.execute(f"DELETE FROM {table} WHERE NOT published")
        con.execute("DELETE FROM core.ingest_log WHERE run_id = $run_id", {"run_id": run_id})
        counts["ingest_log"] = _insert_parquet(con, "core.ingest_log", [run_dir / "ingest_log.parquet"])
        counts["articles"] = _insert_parquet(con, "core.articles", [run_dir / "articles.parquet"])
        for name, table in EXTRACTION_TABLES.items():
            counts[name] = _insert_parquet(con, table, [out / f"{name}.parquet" for out in batch_outputs])
        # New entities now, so the audit can check that every mention refers to one; the
        # entities view only shows those with published mentions.
        con.execute("""
            INSERT INTO core.entities (entity_id, name, entity_type, first_run_id)
            SELECT entity_id, arg_min(name, start_char), arg_min(entity_type, start_char), $run_id
            FROM core.entity_mentions WHERE run_id = $run_id
            GROUP BY entity_id
            ON CONFLICT DO NOTHING""", {"run_id": run_id})
        con.execute("UPDATE core.runs SET status = 'loaded', articles_extracted = $n WHERE run_id = $run_id",
                    {"n": counts["extractions"], "run_id": run_id})
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts

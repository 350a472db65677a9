"""Merge one run's Parquet into the core tables as unpublished rows of that run, in one transaction."""
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
# Extraction tables with an article_id column (lawsuit_parties hang off their lawsuit).
BY_ARTICLE = ("core.entity_mentions", "core.amounts", "core.lawsuits", "core.extractions")


def _insert_parquet(con: duckdb.DuckDBPyConnection, table: str, files: list[Path]) -> None:
    """Insert by column name, so Parquet may lack columns with defaults (published)."""
    files = [str(f) for f in files if f.exists()]
    if not files:
        return
    cols = [r[0] for r in con.execute("SELECT * FROM read_parquet($files) LIMIT 0", {"files": files}).description]
    col_list = ", ".join(f'"{c}"' for c in cols)
    con.execute(f"INSERT INTO {table} ({col_list}) SELECT {col_list} FROM read_parquet($files, union_by_name = true)",
                {"files": files})


def load_run(con: duckdb.DuckDBPyConnection, run_id: str, kind: str, ingest_log: Path, articles: Path,
             batch_outputs: list[Path]) -> dict:
    """Replace the run's own staged rows with its Parquet; call inside a transaction.

    Only this run's rows change, except a retracted article whose content came back: its kept
    rows make way for the run's new ones. An article that another run loaded or published since
    this run's ingest is logged as a duplicate of it and not loaded twice.
    """
    p = {"run_id": run_id}
    for table in DATA_TABLES:
        con.execute(f"DELETE FROM {table} WHERE run_id = $run_id AND NOT published", p)
    con.execute("DELETE FROM core.ingest_log WHERE run_id = $run_id", p)
    _insert_parquet(con, "core.ingest_log", [ingest_log])
    if articles.exists():
        con.execute("CREATE OR REPLACE TEMP TABLE staged AS SELECT * FROM read_parquet($f)", {"f": str(articles)})
        _make_way_for_restored(con)
        con.execute("""
            UPDATE core.ingest_log l SET status = 'duplicate', reason = 'same_content',
                   detail = 'same article as ' || a.source_file || ' (run ' || a.run_id || ')'
            FROM core.articles a
            WHERE l.run_id = $run_id AND l.status = 'loaded' AND l.article_id = a.article_id""", p)
        cols = [r[0] for r in con.execute("SELECT * FROM staged LIMIT 0").description]
        col_list = ", ".join(f'"{c}"' for c in cols)
        con.execute(f"""INSERT INTO core.articles ({col_list}) SELECT {col_list} FROM staged
                        WHERE article_id NOT IN (SELECT article_id FROM core.articles)""")
        con.execute("DROP TABLE staged")
    for name, table in EXTRACTION_TABLES.items():
        _insert_parquet(con, table, [out / f"{name}.parquet" for out in batch_outputs])
    drop_unowned(con, run_id, kind)
    # New entities now, so the audit can check that every mention refers to one; the
    # entities view only shows those with published mentions.
    con.execute("""
        INSERT INTO core.entities (entity_id, name, entity_type, first_run_id)
        SELECT entity_id, arg_min(name, start_char), arg_min(entity_type, start_char), $run_id
        FROM core.entity_mentions WHERE run_id = $run_id
        GROUP BY entity_id
        ON CONFLICT DO NOTHING""", p)
    return {table.removeprefix("core."): con.execute(f"SELECT count(*) FROM {table} WHERE run_id = $run_id", p).fetchone()[0]
            for table in ("core.ingest_log", *DATA_TABLES)}


def _make_way_for_restored(con: duckdb.DuckDBPyConnection) -> None:
    """A retracted article whose content is back: drop its kept rows, the run loads it anew."""
    con.execute("""CREATE OR REPLACE TEMP TABLE restored AS
                   SELECT article_id FROM core.articles
                   WHERE retracted_at IS NOT NULL AND article_id IN (SELECT article_id FROM staged)""")
    if not con.execute("SELECT count(*) FROM restored").fetchone()[0]:
        return
    con.execute("""DELETE FROM core.lawsuit_parties WHERE NOT published AND (run_id, lawsuit_id) IN (
                       SELECT (run_id, lawsuit_id) FROM core.lawsuits
                       WHERE NOT published AND article_id IN (SELECT article_id FROM restored))""")
    for table in BY_ARTICLE:
        con.execute(f"""DELETE FROM {table} WHERE NOT published AND article_id IN (SELECT article_id FROM restored)
                        AND run_id IN (SELECT run_id FROM core.runs WHERE status = 'published')""")
    con.execute("DELETE FROM core.articles WHERE article_id IN (SELECT article_id FROM restored)")


def drop_unowned(con: duckdb.DuckDBPyConnection, run_id: str, kind: str) -> None:
    """The run's extracted rows of articles it may not publish extractions for: an ingest run
    only of its own articles, a backfill only of articles still published (another run may have
    retracted or replaced one since the backfill was planned)."""
    owned = ("SELECT article_id FROM core.articles WHERE published" if kind == "backfill"
             else "SELECT article_id FROM core.articles WHERE run_id = $run_id")
    p = {"run_id": run_id}
    for table in BY_ARTICLE:
        con.execute(f"DELETE FROM {table} WHERE run_id = $run_id AND NOT published AND article_id NOT IN ({owned})", p)
    con.execute("""DELETE FROM core.lawsuit_parties WHERE run_id = $run_id AND NOT published
                   AND lawsuit_id NOT IN (SELECT lawsuit_id FROM core.lawsuits WHERE run_id = $run_id)""", p)

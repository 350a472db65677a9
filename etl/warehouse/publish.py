"""Make a loaded, audited run visible to analysts, atomically; or discard it."""
from __future__ import annotations

import duckdb

from etl.warehouse.aggregates import refresh_entity_stats
from etl.warehouse.load import DATA_TABLES


def publish_run(con: duckdb.DuckDBPyConnection, run_id: str) -> dict:
    """One transaction: superseded rows out, the run's rows flagged published, files updated."""
    p = {"run_id": run_id}
    con.execute("BEGIN")
    try:
        refresh_entity_stats(con, run_id)  # first: it reads the published state this publish replaces
        # Extractions this run redoes (backfill) replace the published ones of the same articles.
        con.execute("""
            CREATE OR REPLACE TEMP TABLE redone AS
            SELECT DISTINCT article_id FROM core.extractions WHERE run_id = $run_id""", p)
        # Files whose content changed: their old article goes when no file refers to it any more.
        con.execute("""
            CREATE OR REPLACE TEMP TABLE replaced AS
            SELECT f.article_id FROM core.files f
            JOIN core.ingest_log l ON l.source_file = f.source_file AND l.run_id = $run_id
            WHERE l.status IN ('loaded', 'duplicate') AND f.article_id IS NOT NULL
              AND f.article_id IS DISTINCT FROM l.article_id""", p)
        con.execute("""
            INSERT OR REPLACE INTO core.files (source_file, content_hash, article_id, status, run_id)
            SELECT source_file, content_hash, article_id, status, run_id FROM core.ingest_log
            WHERE run_id = $run_id AND status IN ('loaded', 'duplicate', 'quarantined') AND content_hash IS NOT NULL""", p)
        con.execute("""
            CREATE OR REPLACE TEMP TABLE orphaned AS
            SELECT article_id FROM replaced
            WHERE article_id NOT IN (SELECT article_id FROM core.files WHERE article_id IS NOT NULL)""")
        removed = con.execute("SELECT count(*) FROM orphaned").fetchone()[0]
        con.execute("""
            DELETE FROM core.lawsuit_parties WHERE published AND (run_id, lawsuit_id) IN (
                SELECT (run_id, lawsuit_id) FROM core.lawsuits
                WHERE article_id IN (SELECT article_id FROM redone UNION SELECT article_id FROM orphaned))""")
        for table in DATA_TABLES[1:]:
            if table != "core.lawsuit_parties":
                con.execute(f"""DELETE FROM {table} WHERE published AND article_id IN
                                (SELECT article_id FROM redone UNION SELECT article_id FROM orphaned)""")
        con.execute("DELETE FROM core.articles WHERE article_id IN (SELECT article_id FROM orphaned)")
        for table in DATA_TABLES:
            con.execute(f"UPDATE {table} SET published = true WHERE run_id = $run_id AND NOT published", p)
        con.execute("UPDATE core.runs SET status = 'published', finished_at = now() WHERE run_id = $run_id", p)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {"articles_removed": removed}


def discard_run(con: duckdb.DuckDBPyConnection, run_id: str, message: str) -> None:
    """A failed run: its unpublished rows go, the run is marked failed; analysts see no change."""
    p = {"run_id": run_id}
    con.execute("BEGIN")
    try:
        for table in DATA_TABLES:
            con.execute(f"DELETE FROM {table} WHERE run_id = $run_id AND NOT published", p)
        con.execute("DELETE FROM core.entities WHERE first_run_id = $run_id", p)
        con.execute("UPDATE core.runs SET status = 'failed', finished_at = now(), message = $message WHERE run_id = $run_id",
                    p | {"message": message[:2000]})
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise

"""Make a loaded, audited run visible to analysts, atomically (failing a run is etl.warehouse.runs.fail)."""
from __future__ import annotations

import duckdb

from etl.warehouse.aggregates import refresh_entity_stats
from etl.warehouse import runs
from etl.warehouse.load import BY_ARTICLE, DATA_TABLES, drop_unowned
from etl.warehouse.runs import transaction


def publish_run(con: duckdb.DuckDBPyConnection, run_id: str, kind: str, input_dir: str | None) -> dict:
    """One transaction: superseded rows out, retractions, the run's rows flagged published, files updated.

    Rows that other runs have staged (loaded, not yet published) are never touched, so runs whose
    steps interleave each publish exactly their own articles.
    """
    p = {"run_id": run_id}
    with transaction(con):
        drop_unowned(con, run_id, kind)  # a backfilled article retracted or replaced since the backfill planned
        _skip_superseded(con, run_id)
        _plan_retractions(con, run_id, kind, input_dir)
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
              AND f.article_id IS DISTINCT FROM l.article_id
              AND f.source_file NOT IN (SELECT source_file FROM newer_files)""", p)
        con.execute("DELETE FROM core.files WHERE source_file IN (SELECT source_file FROM gone_files)")
        # A file is recorded only with an article that is live: a duplicate of an article another
        # run has staged but not published stays unrecorded, so a later run reads it again.
        con.execute("""
            INSERT OR REPLACE INTO core.files (source_file, content_hash, article_id, status, run_id)
            SELECT source_file, content_hash, article_id, status, run_id FROM core.ingest_log
            WHERE run_id = $run_id AND status IN ('loaded', 'duplicate', 'quarantined') AND content_hash IS NOT NULL
              AND source_file NOT IN (SELECT source_file FROM newer_files)
              AND (article_id IS NULL OR article_id IN (
                   SELECT article_id FROM core.articles WHERE run_id = $run_id OR published))""", p)
        con.execute("""
            CREATE OR REPLACE TEMP TABLE orphaned AS
            SELECT article_id FROM replaced
            WHERE article_id NOT IN (SELECT article_id FROM core.files WHERE article_id IS NOT NULL)""")
        removed = con.execute("SELECT count(*) FROM orphaned").fetchone()[0]
        con.execute("""
            DELETE FROM core.lawsuit_parties WHERE published AND (run_id, lawsuit_id) IN (
                SELECT (run_id, lawsuit_id) FROM core.lawsuits
                WHERE article_id IN (SELECT article_id FROM redone UNION SELECT article_id FROM orphaned))""")
        for table in BY_ARTICLE:
            con.execute(f"""DELETE FROM {table} WHERE published AND article_id IN
                            (SELECT article_id FROM redone UNION SELECT article_id FROM orphaned)""")
        con.execute("DELETE FROM core.articles WHERE article_id IN (SELECT article_id FROM orphaned)")
        retracted = _retract(con, run_id)
        for table in DATA_TABLES:
            con.execute(f"UPDATE {table} SET published = true WHERE run_id = $run_id AND NOT published", p)
        runs.mark_published(con, run_id, retracted)
        for temp in ("newer_files", "gone_files", "retracted", "redone", "replaced", "orphaned"):
            con.execute(f"DROP TABLE IF EXISTS {temp}")
    return {"articles_removed": removed, "articles_retracted": retracted}


def _skip_superseded(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """TEMP newer_files: files a run that started after this one has recorded; that run read them
    later, so its record stands. This run's articles that only such files held are not published."""
    p = {"run_id": run_id}
    con.execute("""
        CREATE OR REPLACE TEMP TABLE newer_files AS
        SELECT f.source_file FROM core.files f JOIN core.runs r ON r.run_id = f.run_id
        WHERE r.started_at > (SELECT started_at FROM core.runs WHERE run_id = $run_id)""", p)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE superseded AS
        SELECT article_id FROM core.articles WHERE run_id = $run_id AND NOT published
        EXCEPT
        SELECT article_id FROM core.ingest_log
        WHERE run_id = $run_id AND status = 'loaded' AND source_file NOT IN (SELECT source_file FROM newer_files)""", p)
    con.execute("""DELETE FROM core.lawsuit_parties WHERE run_id = $run_id AND NOT published AND lawsuit_id IN (
                       SELECT lawsuit_id FROM core.lawsuits
                       WHERE run_id = $run_id AND article_id IN (SELECT article_id FROM superseded))""", p)
    for table in (*BY_ARTICLE, "core.articles"):
        con.execute(f"DELETE FROM {table} WHERE run_id = $run_id AND NOT published "
                    "AND article_id IN (SELECT article_id FROM superseded)", p)
    con.execute("DROP TABLE superseded")


def _plan_retractions(con: duckdb.DuckDBPyConnection, run_id: str, kind: str, input_dir: str | None) -> None:
    """TEMP gone_files: recorded files this run found quarantined or (same input folder) no more;
    TEMP retracted: their published articles that no other file still holds, with the reason."""
    p = {"run_id": run_id, "kind": kind, "input_dir": input_dir}
    con.execute("""
        CREATE OR REPLACE TEMP TABLE gone_files AS
        SELECT f.source_file, f.article_id, 'file quarantined (' || l.reason || ')' AS reason
        FROM core.files f JOIN core.ingest_log l ON l.source_file = f.source_file AND l.run_id = $run_id
        WHERE l.status = 'quarantined' AND f.source_file NOT IN (SELECT source_file FROM newer_files)
        UNION ALL
        SELECT f.source_file, f.article_id, 'file deleted'
        FROM core.files f JOIN core.runs r ON r.run_id = f.run_id
        WHERE $kind = 'ingest' AND r.input_dir = $input_dir
          AND f.source_file NOT IN (SELECT source_file FROM core.ingest_log WHERE run_id = $run_id)
          AND f.source_file NOT IN (SELECT source_file FROM newer_files)""", p)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE retracted AS
        SELECT g.article_id, min(g.source_file) AS source_file, min(g.reason) AS reason
        FROM gone_files g
        WHERE g.article_id IN (SELECT article_id FROM core.articles WHERE published)
          AND NOT EXISTS (SELECT 1 FROM core.files o WHERE o.article_id = g.article_id
                          AND o.source_file NOT IN (SELECT source_file FROM gone_files))
          AND g.article_id NOT IN (SELECT article_id FROM core.ingest_log
                                   WHERE run_id = $run_id AND article_id IS NOT NULL AND status IN ('loaded', 'duplicate'))
        GROUP BY g.article_id""", {"run_id": run_id})


def _retract(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """The retracted articles leave the views; their rows stay in core, the article with the reason."""
    con.execute("""
        UPDATE core.articles SET published = false, retracted_at = now(), retracted_by = $run_id,
               retraction = r.reason || ': ' || r.source_file
        FROM retracted r WHERE core.articles.article_id = r.article_id AND core.articles.published""", {"run_id": run_id})
    con.execute("""
        UPDATE core.lawsuit_parties SET published = false WHERE published AND (run_id, lawsuit_id) IN (
            SELECT (run_id, lawsuit_id) FROM core.lawsuits WHERE article_id IN (SELECT article_id FROM retracted))""")
    for table in BY_ARTICLE:
        con.execute(f"UPDATE {table} SET published = false WHERE published AND article_id IN (SELECT article_id FROM retracted)")
    return con.execute("SELECT count(*) FROM retracted").fetchone()[0]

"""The analysts' contract and the migration mechanism, on a fresh DuckDB file."""
from __future__ import annotations

import duckdb
import pytest

from etl.warehouse import db

# The contract of DESIGN.md: these views and columns must exist (more are allowed).
CONTRACT = {
    "articles": "article_id source_file source_ref title text language published_at word_count run_id ingested_at",
    "entities": "entity_id name entity_type aliases article_count mention_count",
    "entity_mentions": "article_id entity_id name entity_type mention_text start_char end_char",
    "amounts": "amount_id article_id mention_text start_char end_char kind value value_max unit qualifier category "
               "value_usd subject_entity_id",
    "lawsuits": "lawsuit_id article_id claim status court amount_text evidence_text start_char end_char",
    "lawsuit_parties": "lawsuit_id role name entity_id",
    "runs": "run_id started_at finished_at status files_seen articles_loaded duplicates quarantined",
    "ingest_log": "run_id source_file status reason detail content_hash",
    "dq_results": "run_id suite expectation column_name success observed_value checked_at",
}


@pytest.fixture
def con(tmp_path):
    c = db.connect(tmp_path / "w.duckdb")
    yield c
    c.close()


def test_contract_views_and_columns_exist(con):
    for view, columns in CONTRACT.items():
        found = {r[0] for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'analytics' AND table_name = $v", {"v": view}).fetchall()}
        assert set(columns.split()) <= found, (view, set(columns.split()) - found)


def test_every_view_and_column_is_commented(con):
    assert con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'analytics' AND comment IS NULL").fetchall() == []
    assert con.execute("SELECT table_name, column_name FROM duckdb_columns() "
                       "WHERE schema_name = 'analytics' AND comment IS NULL").fetchall() == []
    assert {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'analytics'").fetchall()} >= set(CONTRACT)


def test_migrations_apply_once_and_are_recorded(tmp_path, con):
    applied = con.execute("SELECT count(*) FROM main.schema_migrations").fetchone()[0]
    assert applied == len(list((db.SQL_DIR / "migrations").glob("*.sql")))
    assert db.migrate(con) == []  # nothing pending the second time
    assert con.execute("SELECT count(*) FROM main.schema_migrations").fetchone()[0] == applied


def test_a_changed_migration_is_refused(con):
    con.execute("UPDATE main.schema_migrations SET checksum = 'edited' WHERE version = '0002'")
    with pytest.raises(RuntimeError, match="changed after it was applied"):
        db.migrate(con)


def test_read_only_needs_an_existing_warehouse(tmp_path):
    with pytest.raises(FileNotFoundError, match="etl run"):
        db.connect(tmp_path / "missing.duckdb", read_only=True)


def test_read_only_connection_cannot_write(tmp_path, con):
    con.close()
    ro = db.connect(tmp_path / "w.duckdb", read_only=True)
    with pytest.raises(duckdb.Error):
        ro.execute("DELETE FROM core.articles")


def test_a_writer_waits_for_a_reader_then_says_why(tmp_path, con):
    import subprocess
    import sys

    con.close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; "
                               f"c = duckdb.connect({str(tmp_path / 'w.duckdb')!r}, read_only=True); "
                               "print('ok', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(db.WarehouseBusy, match="in use by another process"):
            db.connect(tmp_path / "w.duckdb", wait_seconds=1)
    finally:
        holder.kill()
        holder.wait()


def test_unnamed_defendants_load_from_parquet_into_analytics_lawsuits(tmp_path, con):
    from etl.extract.rows import SCHEMAS, write_rows
    from etl.warehouse.load import load_run

    con.execute("""INSERT INTO core.articles (article_id, source_file, title, text, language, word_count, content_hash,
                                              run_id, ingested_at, published)
                   VALUES ('a1', 'x.txt', 'T', 'Acme sued a former contractor.', 'en', 5, 'h', 'r1', now(), true)""")
    law = {"run_id": "r1", "lawsuit_id": "l1", "article_id": "a1", "claim": "other", "status": "filed",
           "evidence_text": "Acme sued a former contractor.", "start_char": 0, "end_char": 30,
           "defendants_generic": "a former contractor", "extractor_version": "v"}
    assert set(law) <= set(SCHEMAS["lawsuits"].names)
    write_rows(tmp_path / "batch", {name: [law] if name == "lawsuits" else [] for name in SCHEMAS})
    load_run(con, "r1", "ingest", tmp_path / "no_log.parquet", tmp_path / "no_articles.parquet", [tmp_path / "batch"])
    con.execute("UPDATE core.lawsuits SET published = true")
    assert con.execute("SELECT lawsuit_id, defendants_generic FROM analytics.lawsuits").fetchall() == [
        ("l1", "a former contractor")]

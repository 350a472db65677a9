"""The audit reads only the audited run's rows and, by key, what they reference.

A run is loaded (not yet audited) into a warehouse that also holds a published run and thousands
of poison rows of another run: garbage article text, mentions and amounts pointing at the audited
run's articles, ingest-log rows and lawsuits. Every audit frame must come out the same as before the
poison, and no table scan may hand on more than the run's own rows (plus at most one vector of
2,048 rows per thread, which DuckDB reads before it sees that a lookup set is empty); only a key column
(article_id, entity_id) may be probed across the whole table, never the article text.
"""
from __future__ import annotations

import json

import duckdb
import pytest

from etl import pipeline
from etl.config import SQL_DIR

AUDIT_FILES = sorted(p.name for p in (SQL_DIR / "audit").glob("audit_*.sql"))
POISON_ARTICLES = 200_000
VECTOR = 2048


@pytest.fixture
def loaded_run(env):
    """(warehouse path, run id) of a loaded, unaudited run beside a published one."""
    inbox = env
    held = sorted(inbox.rglob("*.txt"))[0]
    text = held.read_text()
    held.unlink()
    pipeline.run(str(inbox), progress=False)
    held.write_text(text)
    from etl.config import settings

    s = settings()
    run_id = pipeline.new_run_id()
    plan = pipeline.ingest(s, run_id, str(inbox))
    assert plan["new_articles"] == 1
    for batch in plan["batches"]:
        pipeline.extract_batch(batch)
    pipeline.load(s, run_id)
    return s.warehouse, run_id


def frames(con, run_id):
    return {f: con.execute((SQL_DIR / "audit" / f).read_text(), {"run_id": run_id}).fetchall() for f in AUDIT_FILES}


def poison(con, run_id):
    """Rows of 300 other runs that change an audit frame if the audit reads them."""
    target = con.execute("SELECT article_id FROM core.articles WHERE run_id = $r", {"r": run_id}).fetchone()[0]
    n = {"n": POISON_ARTICLES}
    p = n | {"target": target}
    con.execute("""
        INSERT INTO core.articles BY NAME
        SELECT 'poison' || i AS article_id, 'poison/' || i AS source_file, 'Poison' AS title,
               repeat('x', 50) AS text, 'de' AS language, 1 AS word_count, 'h' || i AS content_hash,
               'poison-run-' || (i % 300) AS run_id, now() AS ingested_at, true AS published
        FROM range($n) t(i)""", n)
    con.execute("""
        INSERT INTO core.extractions BY NAME
        SELECT 'poison' || i AS article_id, 'poison-run-' || (i % 300) AS run_id, 'v0' AS extractor_version,
               now() AS extracted_at, true AS published FROM range($n) t(i)""", n)
    for article, params in (("'poison' || (i % $n)", n), ("$target", p)):  # garbage spans, and rows of another run on the run's article
        con.execute(f"""
            INSERT INTO core.entity_mentions BY NAME
            SELECT 'poison-run-' || (i % 300) AS run_id, {article} AS article_id, 'e' || i AS entity_id, 'Gift' AS name,
                   'ORG' AS entity_type, 'Gift' AS mention_text, -1 AS start_char, 999999 AS end_char,
                   'v0' AS extractor_version, true AS published
            FROM range(2 * $n) t(i)""", params)
        con.execute(f"""
            INSERT INTO core.amounts BY NAME
            SELECT 'poison-run-' || (i % 300) AS run_id, 'a' || i || {article} AS amount_id, {article} AS article_id,
                   'viel' AS mention_text, -1 AS start_char, 999999 AS end_char, 'money' AS kind,
                   'exact' AS qualifier, 'other' AS category, false AS currency_assumed, false AS vague,
                   'v0' AS extractor_version, true AS published
            FROM range($n) t(i)""", params)
        con.execute(f"""
            INSERT INTO core.lawsuits BY NAME
            SELECT 'poison-run-' || (i % 300) AS run_id, 'l' || i || {article} AS lawsuit_id, {article} AS article_id,
                   'other' AS claim, 'filed' AS status, 'x' AS evidence_text, -1 AS start_char, 0 AS end_char,
                   'v0' AS extractor_version, true AS published
            FROM range($n) t(i)""", params)
    con.execute("""
        INSERT INTO core.ingest_log BY NAME
        SELECT 'poison-run-' || (i % 300) AS run_id, 'poison/' || i AS source_file, 'quarantined' AS status,
               now() AS logged_at FROM range($n) t(i)""", n)


def scans(con, sql, run_id, profile):
    """(table, projected columns, rows handed on) of every table scan in the query's profile."""
    con.execute("PRAGMA enable_profiling = 'json'")
    con.execute(f"PRAGMA profiling_output = '{profile}'")
    con.execute(sql, {"run_id": run_id}).fetchall()
    con.execute("PRAGMA disable_profiling")
    found = []

    def walk(node):
        if node["type"] == "TABLE_SCAN":
            info = node["extra_info"]
            columns = info.get("Projections", [])
            found.append((info.get("Table", ""), [columns] if isinstance(columns, str) else columns,
                          node["intermediate_rows"]))
        for child in node.get("children", []):
            walk(child)

    for node in json.loads(profile.read_text())["operator"]:
        walk(node)
    return found


def test_audit_reads_only_the_runs_rows(loaded_run, tmp_path):
    warehouse, run_id = loaded_run
    con = duckdb.connect(str(warehouse))
    try:
        before = frames(con, run_id)
        assert before["audit_articles.sql"] and before["audit_entity_mentions.sql"]
        poison(con, run_id)
        con.execute("CHECKPOINT")  # the poison on disk like a warehouse's published rows
        assert frames(con, run_id) == before
        run_rows = con.execute("""
            SELECT max(n) FROM (SELECT count(*) n FROM core.entity_mentions WHERE run_id = $r
                                UNION ALL SELECT count(*) FROM core.amounts WHERE run_id = $r
                                UNION ALL SELECT count(*) FROM core.ingest_log WHERE run_id = $r)""",
                               {"r": run_id}).fetchone()[0]
        slack = VECTOR * con.execute("SELECT current_setting('threads')").fetchone()[0]
        for name in AUDIT_FILES:
            for table, columns, rows in scans(con, (SQL_DIR / "audit" / name).read_text(), run_id, tmp_path / "p.json"):
                if table.endswith(("core.articles", "core.entities")) and "text" not in columns:
                    continue  # a lookup by key: a hash join probes the key column
                assert rows <= run_rows + slack, (name, table, columns, rows)
    finally:
        con.close()

"""The rows behind a failing or warning check, and the run's extraction signals, kept in core.dq_samples.

Row-level expectations: the frame rows Great Expectations reported as unexpected (their index).
Run-level checks (one-row suites: "run", "history"): the articles or files behind the figure,
read by the SQL file `RUN_LEVEL_SAMPLES` names for the checked column. Signals: things a person
can act on even when every check passed (sql/audit/signal_*.sql). All are stored at audit time,
before a failed run's rows are deleted, so the report can show them afterwards.
"""
from __future__ import annotations

import json
from typing import Any

SAMPLE_SIZE = 10  # rows kept per failing check
SIGNAL_SIZE = 20  # rows kept per signal

_ARTICLES_WITHOUT_ENTITY = "audit/sample_articles_without_entity.sql"
_SHORTEST = "audit/sample_shortest_articles.sql"
_BY_FOLDER = "audit/sample_ingest_by_folder.sql"
RUN_LEVEL_SAMPLES = {  # checked column of a one-row suite -> SQL giving the articles or files behind it
    "no_entity_share": _ARTICLES_WITHOUT_ENTITY,
    "mentions_per_article": _ARTICLES_WITHOUT_ENTITY,
    "amounts_per_article": _SHORTEST,
    "lawsuits_per_article": _SHORTEST,
    "words_per_article": _SHORTEST,
    "quarantined_share": "audit/sample_quarantined_files.sql",
    "loaded_articles_missing": "audit/sample_loaded_without_article.sql",
    "articles_loaded": _BY_FOLDER,
    "articles_de": _BY_FOLDER,
    "articles_en": _BY_FOLDER,
    "share_de": _BY_FOLDER,
    "share_en": _BY_FOLDER,
    "share_other": _BY_FOLDER,
}
SIGNALS = {  # name -> (title for the report, SQL file)
    "new_entities": ("Top new entities of the run", "audit/signal_new_entities.sql"),
    "money_without_currency": ("Money amounts without a stated currency (none found, or assumed from a bare $ or "
                               "Mrd.)", "audit/signal_money_without_currency.sql"),
    "lawsuits_without_defendant": ("Lawsuits without a defendant", "audit/signal_lawsuits_without_defendant.sql"),
    "articles_without_date": ("Articles without a date (USD converted at a date from the text or the run's date)",
                              "audit/signal_articles_without_date.sql"),
}


def _query(con, sql_file: str, run_id: str) -> tuple[int, list[dict]]:
    from etl.warehouse.db import sql

    cur = con.execute(sql(sql_file), {"run_id": run_id})
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    return len(rows), [dict(zip(names, r)) for r in rows]


def failing_rows(con, run_id: str, suite, result_row: dict, frame, unexpected_index: list | None,
                 cache: dict[str, list[dict]] | None = None) -> list[dict]:
    """Up to SAMPLE_SIZE rows behind one failed or warning check. Several run-level checks share one SQL
    file (share_de, share_en, articles_loaded ...): `cache` (one per audit) reads each file once."""
    if suite.one_row:
        sql_file = RUN_LEVEL_SAMPLES.get(result_row.get("column_name") or "")
        if not sql_file:
            return []
        cache = {} if cache is None else cache
        if sql_file not in cache:
            cache[sql_file] = _query(con, sql_file, run_id)[1][:SAMPLE_SIZE]
        return cache[sql_file]
    if frame is None or not unexpected_index:
        return []
    index = [i for i in unexpected_index[:SAMPLE_SIZE] if i in frame.index]
    return frame.loc[index].to_dict(orient="records")


def signals(con, run_id: str) -> dict[str, tuple[int, list[dict]]]:
    """Signal name -> (how many rows, the first SIGNAL_SIZE of them)."""
    out = {}
    for name, (_, sql_file) in SIGNALS.items():
        count, rows = _query(con, sql_file, run_id)
        out[name] = (count, rows[:SIGNAL_SIZE])
    return out


def sample_rows(run_id: str, suite: str, check_name: str, rows: list[dict]) -> list[dict]:
    """core.dq_samples rows for one check's sample."""
    return [{"run_id": run_id, "suite": suite, "check_name": check_name, "position": i,
             "article_id": _text(r.get("article_id")), "row_json": json.dumps(_plain(r), ensure_ascii=False,
                                                                             default=str)}
            for i, r in enumerate(rows)]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _plain(row: dict) -> dict:
    from etl.quality import _jsonable

    return {str(k): _jsonable(v) for k, v in row.items()}


def store(con, run_id: str, samples: list[dict], metrics: dict[str, float | None]) -> None:
    """Replace the run's samples and metrics in one transaction (a retried audit is idempotent)."""
    import pandas as pd

    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM core.dq_samples WHERE run_id = ?", [run_id])
        con.execute("DELETE FROM core.run_metrics WHERE run_id = ?", [run_id])
        if samples:
            frame = pd.DataFrame(samples, columns=["run_id", "suite", "check_name", "position", "article_id",
                                                   "row_json"])
            con.register("dq_samples_new", frame)
            try:
                con.execute("INSERT INTO core.dq_samples SELECT * FROM dq_samples_new")
            finally:
                con.unregister("dq_samples_new")
        _insert_metrics(con, run_id, metrics)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def store_metrics(con, run_id: str, metrics: dict[str, float | None]) -> None:
    """Record the figures of a run that was not audited (the report step calls this)."""
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM core.run_metrics WHERE run_id = ?", [run_id])
        _insert_metrics(con, run_id, metrics)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _insert_metrics(con, run_id: str, metrics: dict[str, float | None]) -> None:
    if metrics:
        con.executemany("INSERT INTO core.run_metrics VALUES (?, ?, ?)",
                        [[run_id, k, None if v is None else float(v)] for k, v in metrics.items()])

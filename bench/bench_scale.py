"""The warehouse at scale: analyst queries and a nightly run on a base and on a scaled warehouse.

Base: one real run over ../shared/data/corpora, less 50 articles held back as the "nightly" batch.
Scaled: a copy of the base whose published rows are replicated in SQL with fresh ids (articles,
entities, amounts, lawsuits, files, runs: every replica is a run of its own, its entities are new
ones) until it holds --size articles. Then, on both, in the same run:
- every query of VIEW_QUERIES (one per analytics view) and sql/examples/, and a text
  search: median seconds of --repeat runs, each in a fresh process, and that process's peak RSS;
- a nightly `etl run` over the base files plus the 50 held-back articles (on a fresh copy each
  time), and a rerun of it with nothing new: median wall time and peak RSS;
- bytes per article of the scaled file.
The scaled warehouse lives in a temporary folder beside the checkout (/work) and is deleted.

    python bench/bench_scale.py --size 100000            # quick
    python bench/bench_scale.py --size 1000000 --json    # the issue's figures; JSON last
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import ROOT, articles  # noqa: E402

NIGHTLY = 50  # articles held back from the base run for the nightly run

# One query per analytics view, as an analyst would rank or look up (examples come from sql/examples).
VIEW_QUERIES = {
    "articles_latest": "SELECT article_id, title, published_at FROM analytics.articles "
                       "ORDER BY ingested_at DESC, article_id LIMIT 20",
    "entities_top20": "SELECT name, entity_type, article_count, mention_count FROM analytics.entities "
                      "ORDER BY article_count DESC, entity_id LIMIT 20",
    "entity_mentions_of_top_entity": "SELECT article_id, mention_text, start_char FROM analytics.entity_mentions "
                                     "WHERE entity_id = (SELECT entity_id FROM analytics.entities "
                                     "ORDER BY article_count DESC, entity_id LIMIT 1) LIMIT 100",
    "amounts_top_investments": "SELECT article_id, mention_text, value_usd FROM analytics.amounts "
                               "WHERE kind = 'money' AND category = 'investment' "
                               "ORDER BY value_usd DESC NULLS LAST, amount_id LIMIT 20",
    "lawsuits_by_claim": "SELECT claim, count(*) FROM analytics.lawsuits GROUP BY claim ORDER BY 2 DESC",
    "lawsuit_parties_top_defendants": "SELECT name, count(*) FROM analytics.lawsuit_parties "
                                      "WHERE role = 'defendant' GROUP BY name ORDER BY 2 DESC, name LIMIT 20",
    "runs_latest": "SELECT * FROM analytics.runs ORDER BY started_at DESC LIMIT 10",
    "ingest_log_last_run": "SELECT status, count(*) FROM analytics.ingest_log WHERE run_id = "
                           "(SELECT run_id FROM analytics.runs ORDER BY started_at DESC LIMIT 1) GROUP BY status",
    "dq_results_failures": "SELECT run_id, expectation, observed_value FROM analytics.dq_results "
                           "WHERE NOT success ORDER BY checked_at DESC LIMIT 20",
}
# Full-text search without an index: the first 20 articles that contain a word (a scan that stops
# when it has them; ranking every match would read all the text).
TEXT_SEARCH = "SELECT article_id, title FROM analytics.articles WHERE contains(text, 'Regierung') LIMIT 20"

# Runs one query in a fresh process: seconds and the process's peak RSS, as JSON.
QUERY_RUNNER = """
import json, re, sys, time
from etl.warehouse.db import connect
con = connect(sys.argv[1], read_only=True)
con.execute("SET enable_progress_bar = false")
t = time.perf_counter()
rows = con.execute(sys.argv[2]).fetchall()
s = time.perf_counter() - t
peak_kb = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
print(json.dumps({"s": s, "rows": len(rows), "peak_mb": peak_kb / 1024}))
"""


def queries() -> dict[str, str]:
    out = dict(VIEW_QUERIES)
    for path in sorted((ROOT / "sql" / "examples").glob("*.sql")):
        out[f"example_{path.stem}"] = path.read_text(encoding="utf-8")
    out["text_search"] = TEXT_SEARCH
    return out


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def etl_env(warehouse: Path, work: Path) -> dict:
    return {**os.environ, "ETL_WAREHOUSE": str(warehouse), "ETL_REPORTS_DIR": str(work / "reports"),
            "ETL_WORK_DIR": str(work / "work"), "ETL_WORKERS": "1"}


def run_measured(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process (ru_maxrss from wait4; this process stays small)."""
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            out.seek(0)
            raise RuntimeError(f"{' '.join(cmd[:3])} failed ({code}): {out.read().decode()[-2500:]}")
    return wall, usage.ru_maxrss / 1024


def prepare_inputs(folder: Path) -> tuple[Path, Path]:
    """inbox/ (the base corpus files) and nightly/ (the same plus the held-back articles)."""
    inbox, nightly = folder / "inbox", folder / "nightly"
    if inbox.is_dir() and nightly.is_dir():
        return inbox, nightly
    inbox.mkdir(parents=True)
    nightly.mkdir()
    docs = articles()
    held = set(range(len(docs) // NIGHTLY // 2, len(docs), len(docs) // NIGHTLY)[:NIGHTLY])
    for i, (name, text, _) in enumerate(docs):
        if i not in held:
            (inbox / f"{name}.txt").write_text(text, encoding="utf-8")
        (nightly / f"{name}.txt").write_text(text, encoding="utf-8")
    return inbox, nightly


def build_base(folder: Path) -> Path:
    """The base warehouse: a real run over the corpus (reused when the folder already has one)."""
    base = folder / "base.duckdb"
    inbox, _ = prepare_inputs(folder)
    if not base.exists():
        log(f"base: etl run over {inbox} (a few minutes)")
        run_measured([str(Path(sys.executable).with_name("etl")), "run", "--input", str(inbox), "--no-progress"],
                     {**etl_env(base, folder / "base-run"), "ETL_WORKERS": "0"})
    # bring it to the current schema (a no-op when it is)
    subprocess.run([sys.executable, "-c", "import sys; from etl.warehouse.db import connect; connect(sys.argv[1]).close()",
                    str(base)], check=True, cwd=ROOT)
    return base


def _new_id(col: str) -> str:
    """A fresh id of the same length and alphabet for replica k."""
    return (f"CASE WHEN {col} IS NULL THEN NULL WHEN length({col}) <= 32 "
            f"THEN left(md5({col} || '#' || k), length({col})) "
            f"ELSE left(sha256({col} || '#' || k), length({col})) END")


def _entity_id(col: str) -> str:
    """Recurring entities keep their id in every replica; the others get fresh ones."""
    return f"CASE WHEN {col} IN (SELECT entity_id FROM recurring) THEN {col} ELSE {_new_id(col)} END"


REPLICA_COLUMNS = {
    "article_id": _new_id, "one_article_id": _new_id, "amount_id": _new_id, "lawsuit_id": _new_id, "content_hash": _new_id,
    "entity_id": _entity_id, "subject_entity_id": _entity_id,
    "run_id": lambda c: f"{c} || '-r' || k", "first_run_id": lambda c: f"{c} || '-r' || k",
    "source_file": lambda c: f"'r' || k || '/' || {c}",
}


def scale(base: Path, scaled: Path, size: int) -> dict:
    """Copy the base and replicate its published rows with fresh ids until it holds ~size articles.

    Each replica is one more run of the same articles under new ids and file names. Entities named
    in two or more base articles recur in every replica (a year of news keeps naming the same
    companies and people, so their counts grow); the others are new in each replica (the long tail).
    One INSERT per replica and table keeps neighbouring rows as different as in the base, so
    compression sees no more repetition than real data has.
    """
    import duckdb

    shutil.copy(base, scaled)
    con = duckdb.connect(str(scaled))
    con.execute("SET memory_limit = '4GB'")
    con.execute(f"SET temp_directory = '{scaled.parent / 'spill'}'")
    con.execute("SET enable_progress_bar = false")
    n_base = con.execute("SELECT count(*) FROM core.articles WHERE published").fetchone()[0]
    replicas = max(0, math.ceil(size / n_base) - 1)
    con.execute("CREATE TEMP TABLE recurring AS SELECT entity_id FROM core.entity_stats WHERE article_count >= 2")
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'core' ORDER BY table_name").fetchall()]
    t = time.perf_counter()
    for table in tables:
        if table == "entity_pairs":  # pairs of recurring entities only: the same pairs, counted below
            continue
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'core' AND table_name = $t "
            "ORDER BY column_index", {"t": table}).fetchall()]
        exprs = ", ".join(REPLICA_COLUMNS[c](c) if c in REPLICA_COLUMNS else c for c in cols)
        where = "WHERE published" if "published" in cols else ""
        if table in ("entities", "entity_stats"):  # rows of recurring entities exist once
            where = "WHERE entity_id NOT IN (SELECT entity_id FROM recurring)"
        con.execute(f"CREATE OR REPLACE TEMP TABLE original AS SELECT * FROM core.{table} {where}")
        con.execute("BEGIN")
        for k in range(1, replicas + 1):
            con.execute(f"INSERT INTO core.{table} SELECT {exprs} FROM original, (SELECT {k} AS k)")
        con.execute("COMMIT")
        log(f"  replicated core.{table} x{replicas} ({time.perf_counter() - t:.0f} s)")
    # a recurring entity is named by every replica of its articles, with the same aliases and dates
    con.execute(f"""UPDATE core.entity_stats SET article_count = article_count * {replicas + 1},
                    mention_count = mention_count * {replicas + 1}
                    WHERE entity_id IN (SELECT entity_id FROM recurring)""")
    if "entity_pairs" in tables:
        con.execute(f"UPDATE core.entity_pairs SET article_count = article_count * {replicas + 1}")
    con.execute("CHECKPOINT")
    counts = {t: con.execute(f"SELECT count(*) FROM core.{t}").fetchone()[0]
              for t in ("articles", "entity_mentions", "amounts", "entities")}
    log_storage(con, tables, counts["articles"])
    con.close()
    return {"replicas": replicas, "seconds": round(time.perf_counter() - t, 1), **counts}


def log_storage(con, tables: list[str], articles: int) -> None:
    """Where the file's bytes go: each table's blocks, the article text, and the rest (the indexes)."""
    block = con.execute("SELECT block_size FROM pragma_database_size() WHERE database_name = current_database()").fetchone()[0]
    used = con.execute("SELECT used_blocks FROM pragma_database_size() WHERE database_name = current_database()").fetchone()[0]
    def blocks(table: str, where: str = "true") -> int:  # a segment's own block and its overflow blocks
        return con.execute(f"""
            SELECT count(DISTINCT b) FROM (
                SELECT block_id AS b FROM pragma_storage_info('core.{table}') WHERE {where}
                UNION ALL
                SELECT unnest(additional_block_ids) FROM pragma_storage_info('core.{table}') WHERE {where})
            WHERE b >= 0""").fetchone()[0] * block

    sizes = {table: blocks(table) for table in tables}
    text = blocks("articles", "column_name = 'text'")
    per = lambda n: f"{n / 1e9:.2f} GB ({n / articles:,.0f} B/article)"  # noqa: E731
    log(f"storage: {per(used * block)} used; article text {per(text)}; "
        f"indexes and catalog {per(used * block - sum(sizes.values()))}")
    log("  tables: " + ", ".join(f"{t} {per(n)}" for t, n in sorted(sizes.items(), key=lambda x: -x[1])[:8]))


def bytes_per_article(warehouse: Path) -> float:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        n = con.execute("SELECT count(*) FROM core.articles").fetchone()[0]
    finally:
        con.close()
    return warehouse.stat().st_size / n


def measure_query(warehouse: Path, sql: str, repeat: int) -> dict:
    times, peaks = [], []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", QUERY_RUNNER, str(warehouse), sql], cwd=ROOT,
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"query failed on {warehouse.name}: {out.stderr[-1500:]}\n{sql}")
        r = json.loads(out.stdout.strip().splitlines()[-1])
        times.append(r["s"])
        peaks.append(r["peak_mb"])
    return {"s": statistics.median(times), "peak_mb": max(peaks)}


def measure_nightly(warehouse: Path, nightly: Path, tmp: Path, repeat: int) -> dict:
    """`etl run` of the 50 new articles on a fresh copy each time, then a rerun with nothing new."""
    etl = str(Path(sys.executable).with_name("etl"))
    walls, peaks, reruns = [], [], []
    for i in range(repeat):
        copy = tmp / f"nightly-{i}.duckdb"
        shutil.copy(warehouse, copy)
        env = etl_env(copy, tmp / f"nightly-{i}")
        wall, peak = run_measured([etl, "run", "--input", str(nightly), "--no-progress"], env)
        walls.append(wall)
        peaks.append(peak)
        reruns.append(run_measured([etl, "run", "--input", str(nightly), "--no-progress"], env)[0])
        copy.unlink()
        shutil.rmtree(tmp / f"nightly-{i}", ignore_errors=True)
    return {"s": statistics.median(walls), "peak_mb": max(peaks), "rerun_s": statistics.median(reruns)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000, help="articles in the scaled warehouse (default 100000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; medians are reported (default 3)")
    ap.add_argument("--json", action="store_true", help="print one JSON object at the end")
    ap.add_argument("--base-dir", type=Path,
                    help="folder to keep (and reuse) the base run and its inputs in; default: the temporary folder")
    ap.add_argument("--only", help="comma-separated query names (default: all)")
    ap.add_argument("--no-nightly", action="store_true", help="skip the nightly runs")
    ap.add_argument("--scale-only", nargs=3, metavar=("BASE", "SCALED", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.scale_only:
        print(json.dumps(scale(Path(args.scale_only[0]), Path(args.scale_only[1]), int(args.scale_only[2]))))
        return

    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-", dir=ROOT.parent))
    try:
        base_dir = args.base_dir or tmp
        base_dir.mkdir(parents=True, exist_ok=True)
        base = build_base(base_dir)
        _, nightly_inbox = prepare_inputs(base_dir)
        scaled = tmp / "scaled.duckdb"
        log(f"scaling to {args.size:,} articles in {tmp}")
        built = json.loads(subprocess.run(  # in a child: this process stays small, so its children's peaks are theirs
            [sys.executable, __file__, "--scale-only", str(base), str(scaled), str(args.size)],
            check=True, stdout=subprocess.PIPE, text=True).stdout)
        shutil.rmtree(tmp / "spill", ignore_errors=True)
        log(f"scaled: {built}")
        result = {"size": built["articles"], "queries": {}, "nightly": {}, "rerun_scaled_s": None,
                  "bytes_per_article": round(bytes_per_article(scaled))}
        selected = queries()
        if args.only:
            selected = {k: v for k, v in selected.items() if k in args.only.split(",")}
        for name, sql in selected.items():
            b = measure_query(base, sql, args.repeat)
            s = measure_query(scaled, sql, args.repeat)
            result["queries"][name] = {"base_s": round(b["s"], 4), "scaled_s": round(s["s"], 4),
                                       "scaled_peak_mb": round(s["peak_mb"])}
            log(f"{name:34} base {b['s']:8.3f} s   scaled {s['s']:8.3f} s   x{s['s'] / max(b['s'], 1e-9):6.1f}"
                f"   peak {s['peak_mb']:6.0f} MB")
        if not args.no_nightly:
            b = measure_nightly(base, nightly_inbox, tmp, args.repeat)
            s = measure_nightly(scaled, nightly_inbox, tmp, args.repeat)
            result["nightly"] = {"base_s": round(b["s"], 2), "scaled_s": round(s["s"], 2),
                                 "base_peak_mb": round(b["peak_mb"]), "scaled_peak_mb": round(s["peak_mb"])}
            result["rerun_scaled_s"] = round(s["rerun_s"], 2)
            log(f"nightly {NIGHTLY} articles: base {b['s']:.2f} s ({b['peak_mb']:.0f} MB), "
                f"scaled {s['s']:.2f} s ({s['peak_mb']:.0f} MB), x{s['s'] / b['s']:.2f}; "
                f"rerun with nothing new: base {b['rerun_s']:.2f} s, scaled {s['rerun_s']:.2f} s")
        log(f"scaled file: {scaled.stat().st_size / 1e9:.2f} GB, {result['bytes_per_article']:,} bytes per article "
            f"(base {bytes_per_article(base):,.0f})")
        if args.json:
            print(json.dumps(result))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

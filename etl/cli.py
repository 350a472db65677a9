"""The `etl` command: run the pipeline, inspect runs, query the warehouse, debug and evaluate extraction."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from contextlib import contextmanager, nullcontext
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.settings = _settings(args)
    from etl.warehouse.db import WarehouseBusy
    from etl.warehouse.runs import RunInProgress

    try:
        return args.func(args) or 0
    except (FileNotFoundError, WarehouseBusy) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except RunInProgress as err:
        print(f"error: {err}", file=sys.stderr)
        return RunInProgress.exit_code
    except KeyboardInterrupt as err:
        from etl.pipeline import Terminated

        return 143 if isinstance(err, Terminated) else 130


def _settings(args):
    """The settings of this command: the environment's, overridden by the command's own options."""
    from etl.config import settings

    def given(name):
        value = getattr(args, name, None)
        return Path(value).resolve() if value else None

    return settings(input_dir=given("input"), warehouse=given("warehouse"), reports_dir=given("reports"),
                    work_dir=given("work"))


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="etl", description=__doc__)
    sub = p.add_subparsers(required=True, metavar="COMMAND")

    def command(name, **kwargs):
        """A subcommand whose description and examples keep their line breaks."""
        return sub.add_parser(name, formatter_class=argparse.RawDescriptionHelpFormatter, **kwargs)

    def warehouse_opts(cmd):
        cmd.add_argument("--warehouse", help="DuckDB file (default: $ETL_WAREHOUSE or var/warehouse.duckdb)")

    def run_opts(cmd):
        """The options a run and a backfill share."""
        warehouse_opts(cmd)
        cmd.add_argument("--reports", help="reports folder (default: $ETL_REPORTS_DIR or var/reports)")
        cmd.add_argument("--work", help="per-run working folders (default: $ETL_WORK_DIR, else work/ beside the warehouse)")
        cmd.add_argument("--no-progress", action="store_true", help="no progress bar")

    r = command("run", help="ingest a folder, extract, load, audit and publish",
                description="One run: every file of the input folder gets an ingest_log row; new articles are\n"
                            "extracted, loaded, audited and published only when every blocking check passed.\n"
                            "Exit 0 when published, 2 when the audit failed (nothing published), 75 when another\n"
                            "run holds the warehouse (try again later), 1 on other errors.",
                epilog="examples:\n"
                       "  etl run\n"
                       "  etl run --input ~/inbox --warehouse /data/news.duckdb --reports /data/reports")
    r.add_argument("--input", help="input folder, scanned recursively (default: $ETL_INPUT_DIR or samples/articles)")
    run_opts(r)
    r.set_defaults(func=cmd_run, backfill=False)

    b = command("backfill", help="re-extract published articles with the current extractor version",
                description="Re-extract articles already published (no files are read), then audit and publish\n"
                            "as a run does: by default only articles extracted by an older extractor version.",
                epilog="examples:\n"
                       "  etl backfill\n"
                       "  etl backfill --all --warehouse /data/news.duckdb")
    run_opts(b)
    b.add_argument("--all", action="store_true", help="all articles, not only those extracted by an older version")
    b.set_defaults(func=cmd_run, backfill=True, input=None)

    s = command("status", help="the last runs: counts, audit outcome, report paths",
                description="The last runs, newest first: status, files seen, articles loaded, duplicates,\n"
                            "quarantined, failed checks and warnings, and the path of each run's report.",
                epilog="examples:\n"
                       "  etl status -n 3\n"
                       "  etl status --json | jq .status")
    warehouse_opts(s)
    s.add_argument("-n", type=int, default=10, help="number of runs (default 10)")
    s.add_argument("--json", action="store_true", help="one JSON object per run")
    s.set_defaults(func=cmd_status)

    q = sub.add_parser("sql", help="run one read-only SQL query against the warehouse",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Run one query (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN) on the "
                                   "warehouse, read-only:\nno other files, no settings, one statement per call. "
                                   "A table shows 50 rows unless --max-rows says otherwise;\nCSV, JSON and files get "
                                   "every row.",
                       epilog="examples:\n"
                              "  etl sql \"SELECT language, count(*) FROM analytics.articles GROUP BY ALL\"\n"
                              "  etl sql -f sql/examples/top_sued_companies.sql --max-rows 0\n"
                              "  etl sql - --csv < query.sql > result.csv\n"
                              "  etl sql \"FROM analytics.amounts\" -o amounts.parquet")
    q.add_argument("query", nargs="?", help="the SQL; '-' (or nothing, when piped) reads standard input")
    q.add_argument("-f", "--file", help="read the SQL from FILE")
    warehouse_opts(q)
    fmt = q.add_mutually_exclusive_group()
    fmt.add_argument("--csv", dest="format", action="store_const", const="csv", help="CSV")
    fmt.add_argument("--json", dest="format", action="store_const", const="json", help="JSON Lines: one object per row")
    fmt.add_argument("--parquet", dest="format", action="store_const", const="parquet", help="Parquet (needs -o FILE)")
    q.add_argument("-o", "--output", metavar="FILE",
                   help="write every row to FILE; the format from the flag above or the extension (.csv .json .jsonl .parquet)")
    q.add_argument("--max-rows", type=int, metavar="N",
                   help="at most N rows (0 for all); default 50 in the table, all in CSV, JSON and files")
    q.set_defaults(func=cmd_sql)

    x = command("extract", help="extract single article files; one JSON object per file",
                description="Parse and clean files as a run does and print what extraction finds in each\n"
                            "(entities, amounts, lawsuits with offsets into the text); the warehouse is not used.",
                epilog="examples:\n"
                       "  etl extract samples/articles/en/*.txt\n"
                       "  etl extract --lang de article.json | jq '.amounts'")
    x.add_argument("files", nargs="+", metavar="FILE", help="article files (.txt .json .jsonl .html); a JSONL line each")
    x.add_argument("--lang", choices=("de", "en"), help="skip language detection")
    x.set_defaults(func=cmd_extract)

    e = command("eval-ner", help="precision/recall/F1 of the NER model on a GermEval or CoNLL file",
                description="Score the NER pipeline of one language against gold annotations: precision,\n"
                            "recall and F1 per label (PER, ORG, LOC, MISC) and overall (micro).",
                epilog="example:\n"
                       "  etl eval-ner --lang de ../shared/data/ner/de/germeval2014/NER-de-dev.tsv")
    e.add_argument("file", help="a GermEval 2014 (.tsv) or CoNLL 2003 file")
    e.add_argument("--lang", choices=("de", "en"), required=True, help="which language's pipeline to score")
    e.add_argument("--json", action="store_true", help="the scores as one JSON object")
    e.set_defaults(func=cmd_eval_ner)

    a = command("eval-amounts", help="precision/recall/F1 of amount extraction on a gold sentences file",
                description="Score amount extraction against gold sentences: precision, recall and F1, the\n"
                            "negatives wrongly extracted and the first 50 errors.",
                epilog="example:\n"
                       "  etl eval-amounts ../shared/data/gold/amounts_sentences_dev.jsonl --json")
    a.add_argument("file", help="the gold sentences file")
    a.add_argument("--json", action="store_true", help="the scores and errors as one JSON object")
    a.set_defaults(func=cmd_eval_amounts)
    return p


def _console():
    from rich.console import Console

    return Console()


def cmd_run(args) -> int:
    from rich.markup import escape

    from etl import pipeline

    console = _console()
    live = not args.no_progress and sys.stderr.isatty()
    # plain log lines with the stage names (Airflow logs, cron mails) instead of a progress bar
    logs = nullcontext() if live else _log_lines_to_stderr(logging.getLogger("etl.pipeline"))
    try:
        with logs, _sigterm_ends_the_run():
            result = pipeline.run(settings=args.settings, backfill=args.backfill,
                                  only_outdated=not getattr(args, "all", False), progress=live)
    except pipeline.RunInProgress:
        raise
    except pipeline.AuditFailed as err:
        console.print(f"[bold red]FAILED[/] {escape(str(err))}")
        return 2
    except Exception as err:  # the run is marked failed in the warehouse; say why in one line
        console.print(f"[bold red]FAILED[/] {type(err).__name__}: {escape(str(err))}")
        return 1
    _print_run_summary(console, result)
    return 0


@contextmanager
def _log_lines_to_stderr(logger: logging.Logger):
    """The pipeline's INFO lines on stderr while the command runs."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@contextmanager
def _sigterm_ends_the_run():
    """SIGTERM (a scheduler stopping the job) fails the run like Ctrl-C does, instead of killing it mid-step."""
    import signal

    from etl.pipeline import Terminated

    def terminate(signum, frame):
        raise Terminated("SIGTERM")

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _print_run_summary(console, result: dict) -> None:
    from rich.table import Table

    t = Table(title=f"run {result['run_id']}: published", show_header=False)
    for key in ("files_seen", "new_articles", "duplicates", "unchanged", "quarantined"):
        t.add_row(key.replace("_", " "), str(result[key]))
    t.add_row("retracted", str(result["published"].get("articles_retracted", 0)))
    for key in ("entity_mentions", "amounts", "lawsuits", "lawsuit_parties"):
        t.add_row(key.replace("_", " "), str(result["loaded"].get(key, 0)))
    t.add_row("audit", "skipped: " + result["audit"]["skipped"] if result["audit"].get("skipped")
              else f"passed ({len(result['audit']['warnings'])} warnings)")
    t.add_row("seconds", str(result["timings"]["total"]))
    console.print(t)
    if result["new_articles"] == 0:
        console.print("No new articles.")
    console.print(f"Report: {result['report']}")


def cmd_status(args) -> int:
    """One block per run, newest first: outcome, counts, failed checks, report; --json for machines."""
    from etl.warehouse.db import connect
    from etl.warehouse.runs import recent

    con = connect(args.settings.warehouse, read_only=True, config=args.settings)
    try:
        runs = recent(con, args.n)
    finally:
        con.close()
    if args.json:
        for run in runs:
            print(json.dumps(run, default=str))
        return 0
    from rich.markup import escape

    console = _console()
    colour = {"published": "green", "failed": "red", "abandoned": "red"}
    for r in runs:
        took = f"{r['seconds']} s" if r["seconds"] is not None else f"still open, {escape(r['owner'] or '')}"
        console.print(f"[bold]{r['run_id']}[/]  {r['kind']}  [{colour.get(r['status'], 'yellow')}]{r['status']}[/]  "
                      f"started {r['started_at']:%Y-%m-%d %H:%M:%S}, {took}", highlight=False)
        console.print(f"  files {r['files_seen']}: {r['articles_loaded']} new, {r['duplicates']} duplicate, "
                      f"{r['unchanged']} unchanged, {r['quarantined']} quarantined, {r['retracted']} retracted; "
                      f"{r['articles_extracted']} extracted; "
                      f"{r['failed_checks']} failed checks, {r['warnings']} warnings", highlight=False)
        console.print(f"  report: {escape(r['report_path'] or '')}", highlight=False, soft_wrap=True)
        if r["message"]:
            console.print(f"  {escape(r['message'])}", highlight=False, soft_wrap=True)
    if not runs:
        console.print("no runs yet")
    return 0


def cmd_sql(args) -> int:
    from etl.query import main as sql_main

    return sql_main(warehouse=args.settings.warehouse, query=args.query, file=args.file, out=args.output,
                    flag=args.format, max_rows=args.max_rows)


def cmd_extract(args) -> int:
    """Runs the same ingest parsing and cleaning as the pipeline, so offsets match analytics.articles.text."""
    from dataclasses import replace

    from etl.extract import extract
    from etl.ingest.clean import article_text, clean_body, content_hash
    from etl.ingest.errors import Quarantine
    from etl.ingest.language import detect_language
    from etl.ingest.parse import parse_item, split_items

    status = 0
    for name in args.files:
        path = Path(name)
        for item in split_items(path.name, path.read_bytes(), content_hash):
            item = replace(item, source_file=str(path) + item.source_file[len(path.name):])
            try:
                raw = parse_item(item)
            except Quarantine as q:
                print(json.dumps({"source_file": item.source_file, "error": q.reason, "detail": q.detail}))
                status = 1
                continue
            body, _ = clean_body(raw.body)
            text = article_text(raw.title, body)
            language = args.lang or detect_language(text)
            out = {"source_file": item.source_file, "language": language, "text": text}
            print(json.dumps(out | extract(text, language).to_dict(), ensure_ascii=False))
    return status


def cmd_eval_ner(args) -> int:
    from etl.evaluation.ner import evaluate_file

    result = evaluate_file(args.file, args.lang)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{'label':8} {'P':>7} {'R':>7} {'F1':>7} {'support':>8}")
    for label, m in sorted(result["per_label"].items()):
        print(f"{label:8} {m['precision']:7.4f} {m['recall']:7.4f} {m['f1']:7.4f} {m['support']:8d}")
    print(f"{'micro':8} {result['precision']:7.4f} {result['recall']:7.4f} {result['f1']:7.4f}")
    return 0


def cmd_eval_amounts(args) -> int:
    from etl.evaluation.amounts import score_sentences

    result = score_sentences(args.file)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, default=str))
        return 0
    print(f"precision {result['precision']:.4f}  recall {result['recall']:.4f}  f1 {result['f1']:.4f}")
    print(f"negatives extracted: {len(result['negatives_extracted'])}")
    for err in result.get("errors", [])[:50]:
        print(f"  {err}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The quality site: one offline site for the warehouse at ``<reports>/index.html``, rebuilt after every run.

`write_summary(con, run_id, report_dir)` (the pipeline's report step, also after a failure)
writes the run's page ``report_dir/summary.html`` with ``summary.json`` beside it, then the
site's index ``report_dir.parent/index.html`` (history charts of every run, and the list of
runs) and its assets. Everything comes from the warehouse: core.runs, core.ingest_log,
core.dq_results, core.dq_samples and core.run_metrics, which a failed run keeps.

Pages are Jinja2 templates (templates/) with autoescaping on, so no value from an article or
a file name can become markup; chart data travels as JSON in a script element (`tojson`
escapes <, > and &). Charts are uPlot (assets/, MIT, vendored from npm: 51 KB), drawn by
assets/site.js in the browser; nothing is loaded from the network.
"""
from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from etl.quality.samples import SIGNALS
from etl.quality.suites import SUITES

_HERE = Path(__file__).parent
ASSETS = _HERE / "assets"
_ONE_ROW = {s.name for s in SUITES if s.one_row} | {"history"}
COUNTED_TABLES = ("articles", "extractions", "entity_mentions", "amounts", "lawsuits", "lawsuit_parties")
LANGUAGES = ("de", "en", "other")
FILE_SERIES = (("files_seen", "seen"), ("files_loaded", "loaded"), ("files_duplicate", "duplicates"),
               ("files_unchanged", "unchanged"), ("files_quarantined", "quarantined"))
RATE_SERIES = (("mentions_per_article", "entity mentions"), ("amounts_per_article", "amounts"),
               ("lawsuits_per_article", "lawsuits"))
SIGNAL_SERIES = tuple((f"signal:{name}", name.replace("_", " ")) for name in SIGNALS)


@cache
def _env():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(_HERE / "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = _num
    return env


def write_summary(con, run_id: str, report_dir: Path) -> Path:
    """Write the run's page (summary.html, summary.json) and rebuild the site's index; return the page's path."""
    report_dir = Path(report_dir)
    report_dir.mkdir(parents=True, exist_ok=True)
    _record_missing_metrics(con, run_id)
    facts = collect(con, run_id, report_dir)
    (report_dir / "summary.json").write_text(
        json.dumps(facts, indent=2, ensure_ascii=False, default=_json_default), encoding="utf-8")
    path = report_dir / "summary.html"
    path.write_text(_env().get_template("run.html.j2").render(f=facts, generated_at=facts["generated_at"],
                                                             assets="../assets", index="../index.html"),
                    encoding="utf-8")
    build_site(con, report_dir.parent)
    return path


def _record_missing_metrics(con, run_id: str) -> None:
    """A run that was never audited (nothing new, or it failed before its audit) still gets its figures."""
    from etl.quality import history, samples

    exists = con.execute("SELECT count(*) FROM core.runs WHERE run_id = ?", [run_id]).fetchone()[0]
    recorded = con.execute("SELECT count(*) FROM core.run_metrics WHERE run_id = ?", [run_id]).fetchone()[0]
    if exists and not recorded:
        samples.store_metrics(con, run_id, history.run_metrics(con, run_id))


def build_site(con, site_dir: Path) -> Path:
    """index.html of every run (charts night over night, the runs with their outcome) and the assets."""
    site_dir = Path(site_dir)
    assets = site_dir / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for src in ASSETS.iterdir():
        if src.is_file():
            shutil.copyfile(src, assets / src.name)
    runs = history_table(con)
    for r in runs:
        page = site_dir / r["run_id"] / "summary.html"
        r["page"] = f"{r['run_id']}/summary.html" if page.exists() else None
    path = site_dir / "index.html"
    path.write_text(_env().get_template("index.html.j2").render(
        runs=list(reversed(runs)), charts=charts(runs), generated_at=_now(), assets="assets", index="index.html"),
        encoding="utf-8")
    return path


def history_table(con) -> list[dict[str, Any]]:
    """Every run in start order with its figures (core.run_metrics), outcome and duration."""
    runs = _rows(con, """
        SELECT r.run_id, r.kind, r.status, r.started_at, r.finished_at, r.message,
               epoch(r.started_at) AS started_epoch,
               epoch(r.finished_at) - epoch(r.started_at) AS duration_seconds,
               (SELECT count(*) FILTER (WHERE NOT success AND blocking) FROM core.dq_results d
                 WHERE d.run_id = r.run_id) AS failed_blocking,
               (SELECT count(*) FILTER (WHERE NOT success AND NOT blocking) FROM core.dq_results d
                 WHERE d.run_id = r.run_id) AS warnings
        FROM core.runs r ORDER BY r.started_at, r.run_id""", [])
    metrics: dict[str, dict[str, float]] = {}
    for run_id, metric, value in con.execute("SELECT run_id, metric, value FROM core.run_metrics").fetchall():
        metrics.setdefault(run_id, {})[metric] = value
    for r in runs:
        r["metrics"] = metrics.get(r["run_id"], {})
    return runs


def charts(runs: list[dict]) -> list[dict[str, Any]]:
    """The history charts as data for site.js: x = run start (epoch seconds), one list per series."""
    x = [r["started_epoch"] for r in runs]
    reasons = sorted({m.split(":", 1)[1] for r in runs for m in r["metrics"] if m.startswith("quarantined:")})

    def series(pairs, scale=1.0):
        return [{"label": label, "values": [_scaled(r["metrics"].get(key), scale) for r in runs]}
                for key, label in pairs]

    out = [
        {"id": "files", "title": "Files per run", "unit": "files", "series": series(FILE_SERIES)},
        {"id": "quarantine", "title": "Quarantined files by reason", "unit": "files",
         "series": [{"label": reason, "values": [r["metrics"].get(f"quarantined:{reason}", 0) for r in runs]}
                    for reason in reasons] or series((("files_quarantined", "quarantined"),))},
        {"id": "languages", "title": "New articles per language", "unit": "articles",
         "series": series((f"articles_{lang}", lang) for lang in LANGUAGES)},
        {"id": "rates", "title": "Extractions per article", "unit": "per article", "series": series(RATE_SERIES)},
        {"id": "signals", "title": "Signals (rows per run)", "unit": "rows", "series": series(SIGNAL_SERIES)},
        {"id": "pass_rate", "title": "Expectations passed", "unit": "%",
         "series": series((("pass_rate", "pass rate"),), scale=100.0)},
        {"id": "duration", "title": "Run duration", "unit": "s",
         "series": [{"label": "seconds", "values": [_round(r["duration_seconds"]) for r in runs]}]},
    ]
    labels = [r["run_id"] for r in runs]
    for c in out:
        c["x"], c["runs"] = x, labels
    return out


def collect(con, run_id: str, report_dir: Path) -> dict[str, Any]:
    """Every fact of the run's page, JSON-ready."""
    from etl.quality import check_key

    run = _rows(con, "SELECT * FROM core.runs WHERE run_id = ?", [run_id])
    ingest = _rows(con, """
        SELECT status, reason, count(*) AS files
        FROM core.ingest_log WHERE run_id = ?
        GROUP BY status, reason ORDER BY status, reason""", [run_id])
    quarantined = _rows(con, """
        SELECT source_file, reason, detail
        FROM core.ingest_log WHERE run_id = ? AND status = 'quarantined'
        ORDER BY source_file""", [run_id])
    dq = _rows(con, """
        SELECT suite, expectation, column_name, success, blocking, observed_value, details, checked_at
        FROM core.dq_results WHERE run_id = ?
        ORDER BY suite, expectation, column_name""", [run_id])
    samples: dict[tuple[str, str], list[dict]] = {}
    for suite, check, row_json in con.execute("""
            SELECT suite, check_name, row_json FROM core.dq_samples WHERE run_id = ?
            ORDER BY suite, check_name, position""", [run_id]).fetchall():
        samples.setdefault((suite, check), []).append(json.loads(row_json))
    for row in dq:
        try:
            details = json.loads(row["details"]) if row["details"] else {}
        except ValueError:
            details = {}
        row["description"] = details.get("description") or row["expectation"]
        row["unexpected_sample"] = details.get("partial_unexpected_list")
        row["exception"] = details.get("exception")
        row["observed"] = _observed(row)
        row["sample"] = samples.get((row["suite"], check_key(row)), [])
        row.pop("details")
    counts = {t: con.execute(f"SELECT count(*) FROM core.{t} WHERE run_id = ?", [run_id]).fetchone()[0]
              for t in COUNTED_TABLES}
    metrics = dict(con.execute("SELECT metric, value FROM core.run_metrics WHERE run_id = ?", [run_id]).fetchall())

    failed = [r for r in dq if not r["success"] and r["blocking"]]
    warned = [r for r in dq if not r["success"] and not r["blocking"]]
    suites: dict[str, dict[str, Any]] = {}
    for r in dq:
        s = suites.setdefault(r["suite"], {"suite": r["suite"], "expectations": 0, "passed": 0,
                                           "failed_blocking": 0, "warnings": 0})
        s["expectations"] += 1
        s["passed"] += bool(r["success"])
        s["failed_blocking"] += (not r["success"]) and bool(r["blocking"])
        s["warnings"] += (not r["success"]) and not r["blocking"]
    outcome = "not audited" if not dq else "failed" if failed else "passed"
    signals = [{"name": name, "title": title, "count": metrics.get(f"signal:{name}"),
                "rows": samples.get(("signals", name), [])} for name, (title, _) in SIGNALS.items()]
    validation = report_dir / "validation_results.json"
    return {
        "run_id": run_id,
        "generated_at": _now(),
        "audit": {
            "outcome": outcome,
            "failed_blocking": [_brief(r) for r in failed],
            "warnings": [_brief(r) for r in warned],
            "checked_at": dq[0]["checked_at"] if dq else None,
        },
        "run": run[0] if run else None,
        "ingest": {"by_status_reason": ingest, "quarantined_files": quarantined},
        "row_counts": counts,
        "metrics": {k: metrics[k] for k in sorted(metrics)},
        "history_runs": metrics.get("history_runs"),
        "suites": list(suites.values()),
        "expectations": dq,
        "signals": signals,
        "validation_results": validation.name if validation.exists() else None,
    }


def _brief(r: dict) -> dict:
    return {"suite": r["suite"], "description": r["description"], "expectation": r["expectation"],
            "column_name": r["column_name"], "observed_value": r["observed_value"], "observed": r["observed"],
            "sample_rows": len(r["sample"])}


def _observed(x: dict) -> str:
    """'1 of 4 rows unexpected', or 'observed 0.5' for the figures of a one-row suite."""
    value = x.get("observed_value")
    if value is None or value == "":
        return ""
    if x["suite"] in _ONE_ROW and not str(value).startswith("error"):
        return f"observed {value}"
    return str(value)


def _rows(con, query: str, params: list) -> list[dict[str, Any]]:
    cur = con.execute(query, params)
    names = [d[0] for d in cur.description]
    return [{n: _plain(v) for n, v in zip(names, row)} for row in cur.fetchall()]


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "is_finite"):  # Decimal
        return float(value)
    return value


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(float(value), digits)


def _scaled(value: float | None, scale: float) -> float | None:
    return None if value is None else round(float(value) * scale, 4)


def _num(value: Any) -> str:
    """Numbers for tables: integers (thousands separators from 10,000 on), other floats to 3 decimals."""
    if isinstance(value, bool) or value is None or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))  # years stay 2024
    return f"{value:,.3f}"

"""The one-page run summary: what a reader of the quality report needs, from the warehouse alone.

`write_summary` writes ``report_dir/summary.html`` (self-contained HTML with
inline CSS, every value escaped) and ``report_dir/summary.json`` (the same facts
for machines). It reads core.runs, core.ingest_log, core.dq_results and the
run's row counts; the audit must have run first for the pass/fail tables.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

from etl.quality.suites import SUITES

_ONE_ROW = {s.name for s in SUITES if s.one_row}
COUNTED_TABLES = ("articles", "extractions", "entity_mentions", "amounts", "lawsuits", "lawsuit_parties")

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.92em}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4} td.num{text-align:right;font-variant-numeric:tabular-nums}
.banner{padding:.8em 1em;border-radius:6px;margin:1em 0;font-weight:600}
.ok{background:#e6f4ea;color:#1e6b34;border:1px solid #a8d5b5}
.fail{background:#fdecea;color:#8a1c12;border:1px solid #f1aca5}
.warn{background:#fff6e0;color:#7a5300;border:1px solid #f0d48a}
.none{background:#eef1f5;color:#394b63;border:1px solid #c5cfdb}
tr.failed td{background:#fdf1f0} tr.warning td{background:#fffaf0}
.pass{color:#1e6b34;font-weight:600} .bad{color:#8a1c12;font-weight:600} .soft{color:#7a5300;font-weight:600}
code{font-size:.9em;word-break:break-all} .muted{color:#666}
ul.failed li{margin:.2em 0}
"""


def write_summary(con, run_id: str, report_dir: Path) -> Path:
    """Write summary.html and summary.json for run `run_id` into `report_dir`; return the HTML path."""
    report_dir = Path(report_dir)
    report_dir.mkdir(parents=True, exist_ok=True)
    facts = collect(con, run_id, report_dir)
    (report_dir / "summary.json").write_text(
        json.dumps(facts, indent=2, ensure_ascii=False, default=_json_default), encoding="utf-8")
    path = report_dir / "summary.html"
    path.write_text(render_html(facts), encoding="utf-8")
    return path


def collect(con, run_id: str, report_dir: Path) -> dict[str, Any]:
    """Every fact of the summary, JSON-ready."""
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
    for row in dq:
        try:
            details = json.loads(row["details"]) if row["details"] else {}
        except ValueError:
            details = {}
        row["description"] = details.get("description") or row["expectation"]
        row["unexpected_sample"] = details.get("partial_unexpected_list")
        row["exception"] = details.get("exception")
        row.pop("details")
    counts = {t: con.execute(f"SELECT count(*) FROM core.{t} WHERE run_id = ?", [run_id]).fetchone()[0]
              for t in COUNTED_TABLES}

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
    if not dq:
        outcome = "not audited"
    else:
        outcome = "failed" if failed else "passed"

    docs = report_dir / "data_docs" / "index.html"
    return {
        "run_id": run_id,
        "generated_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "audit": {
            "outcome": outcome,
            "failed_blocking": [_brief(r) for r in failed],
            "warnings": [_brief(r) for r in warned],
            "checked_at": dq[0]["checked_at"] if dq else None,
        },
        "run": run[0] if run else None,
        "ingest": {"by_status_reason": ingest, "quarantined_files": quarantined},
        "row_counts": counts,
        "suites": list(suites.values()),
        "expectations": dq,
        "data_docs_index": "data_docs/index.html" if docs.exists() else None,
    }


def _brief(r: dict) -> dict:
    return {"suite": r["suite"], "description": r["description"], "expectation": r["expectation"],
            "column_name": r["column_name"], "observed_value": r["observed_value"]}


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
    return value


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# --- HTML -----------------------------------------------------------------------------------


def _e(value: Any) -> str:
    if value is None:
        return '<span class="muted">–</span>'
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False, default=_json_default)
    return escape(str(value))


def _table(headers: list[str], rows: list[list[Any]], classes: list[str] | None = None,
           numeric: set[int] = frozenset()) -> str:
    if not rows:
        return '<p class="muted">none</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{classes[i]}"' if classes and classes[i] else ""
        cells = "".join(
            f'<td class="num">{_e(v)}</td>' if j in numeric else f"<td>{v if isinstance(v, _Raw) else _e(v)}</td>"
            for j, v in enumerate(row))
        body.append(f"<tr{cls}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


class _Raw(str):
    """Already-escaped HTML for a table cell."""


def render_html(f: dict[str, Any]) -> str:
    run_id = f["run_id"]
    audit = f["audit"]
    parts = [f"<h1>Run {escape(run_id)}: data-quality summary</h1>",
             f'<p class="muted">generated {escape(f["generated_at"])}'
             + (f' · audit checked {escape(str(audit["checked_at"]))}' if audit["checked_at"] else "") + "</p>"]

    # The verdict, and the failed blocking expectations, first.
    if audit["outcome"] == "failed":
        parts.append(f'<div class="banner fail">Audit FAILED: {len(audit["failed_blocking"])} blocking '
                     'expectation(s) failed; the run is not published.</div>')
        items = "".join(
            f'<li><b>{escape(x["suite"])}</b>: {escape(x["description"])} '
            f'<span class="muted">({escape(_observed(x))})</span><br><code>{escape(x["expectation"])}</code></li>'
            for x in audit["failed_blocking"])
        parts.append(f'<h2>Failed blocking expectations</h2><ul class="failed">{items}</ul>')
    elif audit["outcome"] == "passed":
        parts.append('<div class="banner ok">Audit passed: every blocking expectation held.</div>')
    else:
        parts.append('<div class="banner none">Not audited yet: no results in core.dq_results for this run.</div>')
    if audit["warnings"]:
        items = "".join(f'<li><b>{escape(x["suite"])}</b>: {escape(x["description"])} '
                        f'<span class="muted">({escape(_observed(x))})</span></li>' for x in audit["warnings"])
        parts.append(f'<div class="banner warn">Warnings (non-blocking): <ul>{items}</ul></div>')
    if f["data_docs_index"]:
        parts.append(f'<p>Full validation results: <a href="{escape(f["data_docs_index"], quote=True)}">'
                     'Great Expectations Data Docs</a></p>')
    else:
        parts.append('<p class="muted">No Data Docs were built for this run.</p>')

    # The run.
    parts.append("<h2>Run</h2>")
    run = f["run"]
    if run:
        keys = ["kind", "status", "started_at", "finished_at", "files_seen", "articles_loaded", "duplicates",
                "unchanged", "quarantined", "articles_extracted", "extractor_version", "input_dir", "message"]
        rows = [[k, run.get(k)] for k in keys if k in run]
        if run.get("started_at") and run.get("finished_at"):
            try:
                secs = (datetime.fromisoformat(run["finished_at"]) - datetime.fromisoformat(run["started_at"]))
                rows.append(["duration", f"{secs.total_seconds():.1f} s"])
            except (TypeError, ValueError):
                pass
        parts.append(_table(["field", "value"], rows))
    else:
        parts.append('<p class="muted">No row in core.runs for this run.</p>')

    # Row counts of the run's extractions.
    parts.append("<h2>Rows written by this run</h2>")
    parts.append(_table(["table", "rows"], [[t, n] for t, n in f["row_counts"].items()], numeric={1}))

    # Ingest outcome.
    parts.append("<h2>Ingest outcome</h2>")
    parts.append(_table(["status", "reason", "files"],
                        [[r["status"], r["reason"], r["files"]] for r in f["ingest"]["by_status_reason"]],
                        numeric={2}))
    q = f["ingest"]["quarantined_files"]
    parts.append(f"<h2>Quarantined files ({len(q)})</h2>")
    parts.append(_table(["file", "reason", "detail"], [[r["source_file"], r["reason"], r["detail"]] for r in q]))

    # Per suite.
    parts.append("<h2>Suites</h2>")
    srows, scls = [], []
    for s in f["suites"]:
        state = ("failed" if s["failed_blocking"] else "warning" if s["warnings"] else "")
        verdict = _Raw('<span class="bad">FAIL</span>' if s["failed_blocking"]
                       else '<span class="soft">WARN</span>' if s["warnings"] else '<span class="pass">PASS</span>')
        srows.append([s["suite"], verdict, s["expectations"], s["passed"], s["failed_blocking"], s["warnings"]])
        scls.append(state)
    parts.append(_table(["suite", "result", "expectations", "passed", "failed (blocking)", "warnings"],
                        srows, scls, numeric={2, 3, 4, 5}))

    parts.append("<h2>Expectations</h2>")
    erows, ecls = [], []
    for r in f["expectations"]:
        if r["success"]:
            verdict, cls = _Raw('<span class="pass">pass</span>'), ""
        elif r["blocking"]:
            verdict, cls = _Raw('<span class="bad">FAIL</span>'), "failed"
        else:
            verdict, cls = _Raw('<span class="soft">warn</span>'), "warning"
        sample = r.get("exception") or (r["unexpected_sample"] if not r["success"] else None)
        erows.append([r["suite"], r["description"], r["column_name"], verdict,
                      "blocking" if r["blocking"] else "warning only", r["observed_value"], sample,
                      _Raw(f'<code>{escape(r["expectation"])}</code>')])
        ecls.append(cls)
    parts.append(_table(["suite", "expectation", "column", "result", "kind", "observed", "sample",
                         "GX expectation"], erows, ecls))

    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Run {escape(run_id)}: data quality</title><style>{_CSS}</style></head>"
            f"<body>{''.join(parts)}</body></html>\n")

"""Data-quality audit of one run: Great Expectations suites over the run's rows, before publishing.

`audit_run` reads each audited frame of the run from DuckDB into pandas (one SQL
file each in sql/audit/), validates it with the suites of `etl.quality.suites`
and the checks against earlier runs of `etl.quality.history` in an ephemeral
Great Expectations context, and records, each replacing the run's earlier rows:
one row per expectation in core.dq_results, the rows behind every failing or
warning check and the run's extraction signals in core.dq_samples, and the run's
figures in core.run_metrics. The GX validation results are also written as JSON
to ``report_dir / "validation_results.json"``; the quality site
(`etl.quality.report`) renders them offline, escaped. The run may be published
only when ``AuditResult.success`` is true (every blocking expectation passed).

Great Expectations is imported inside `audit_run` only: it takes seconds, and
importing this package must stay cheap (DAG parsing, the CLI).
"""
from __future__ import annotations

import json
import logging
import math
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from etl.quality.history import HistoryConfig
from etl.quality.suites import SUITES, Suite, resolve

__all__ = ["AuditResult", "HistoryConfig", "audit_run", "audit_frames", "read_frames", "SUITES"]

log = logging.getLogger(__name__)

VALIDATION_RESULTS = "validation_results.json"
DQ_COLUMNS = ("run_id", "suite", "expectation", "column_name", "success", "blocking",
              "observed_value", "details", "checked_at")


@dataclass
class AuditResult:
    success: bool  # every blocking expectation passed
    failed: list[str] = field(default_factory=list)  # failed blocking expectations, human-readable
    warnings: list[str] = field(default_factory=list)  # failed non-blocking expectations
    results: list[dict] = field(default_factory=list)  # the rows written to core.dq_results
    validation_results: Path | None = None  # GX's own results, as JSON

    def message(self) -> str:
        """One paragraph for a failed task or command: which blocking expectations failed."""
        if self.success:
            return "audit passed" + (f" with {len(self.warnings)} warning(s)" if self.warnings else "")
        lines = [f"audit failed: {len(self.failed)} blocking expectation(s) failed:"]
        lines += [f"  - {f}" for f in self.failed]
        return "\n".join(lines)


def audit_run(con, run_id: str, report_dir: Path, max_no_entity_share: float,
              history: HistoryConfig | None = None) -> AuditResult:
    """Validate run `run_id`'s rows and its figures against earlier runs; record results, samples, figures.

    `con` is a read-write DuckDB connection with no open transaction (the results
    are replaced in a transaction of their own). Never raises for bad data: a
    failed expectation, or one that could not be evaluated, is reported in the result.
    """
    frames = read_frames(con, run_id)
    return audit_frames(con, run_id, frames, report_dir, max_no_entity_share, history)


def read_frames(con, run_id: str) -> dict:
    """The run's audited frames, suite name -> pandas DataFrame, each read by its SQL file in sql/audit/."""
    from etl.warehouse.db import sql

    return {s.name: con.execute(sql(s.sql_file), {"run_id": run_id}).df() for s in SUITES}


def audit_frames(con, run_id: str, frames: dict, report_dir: Path, max_no_entity_share: float,
                 history: HistoryConfig | None = None) -> AuditResult:
    """`audit_run` on frames already read (or altered, in tests): validate, record results, samples, figures."""
    from etl.quality import history as hist
    from etl.quality import samples

    history = history or HistoryConfig()
    report_dir = Path(report_dir)
    params = {"max_no_entity_share": max_no_entity_share}
    checked_at = datetime.now(timezone.utc)
    tonight = hist.run_metrics(con, run_id)
    suites = list(SUITES)
    kind = con.execute("SELECT kind FROM core.runs WHERE run_id = ?", [run_id]).fetchone()
    runs, median = hist.baseline(con, run_id, history) if kind and kind[0] == "ingest" else ([], {})
    tonight["history_runs"] = len(runs)
    checks = hist.history_checks(tonight, runs, median, history)
    if checks:
        suites.append(hist.history_suite(checks))
        frames = {**frames, "history": hist.history_frame(tonight)}
    validations = _validate(suites, frames, params, run_id, checked_at)

    result = AuditResult(success=True)
    sampled, run_level = [], {}  # run_level: one read per sample SQL file, shared by the checks that name it
    for suite, vr in validations:
        for er in vr.results:
            row = _result_row(run_id, suite, er, checked_at, frames.get(suite.name))
            result.results.append(row)
            if row["success"]:
                continue
            rows = samples.failing_rows(con, run_id, suite, row, frames.get(suite.name),
                                        (er.result or {}).get("partial_unexpected_index_list"), run_level)
            sampled += samples.sample_rows(run_id, suite.name, check_key(row), rows)
            text = f"{suite.name}: {_describe(suite, row['observed_value'], er)}"
            if row["blocking"]:
                result.failed.append(text)
            else:
                result.warnings.append(text)
    for name, (count, rows) in samples.signals(con, run_id).items():
        tonight[f"signal:{name}"] = count
        sampled += samples.sample_rows(run_id, "signals", name, rows)
    tonight["expectations"] = len(result.results)
    tonight["expectations_passed"] = sum(r["success"] for r in result.results)
    tonight["pass_rate"] = tonight["expectations_passed"] / len(result.results) if result.results else None
    result.success = not result.failed
    _store(con, run_id, result.results)
    samples.store(con, run_id, sampled, tonight)
    result.validation_results = _write_validation_results(report_dir, validations)
    return result


def check_key(row: dict) -> str:
    """The key of one expectation's result within its suite (core.dq_samples.check_name)."""
    return f"{row['column_name'] or ''}|{row['expectation']}"


def _write_validation_results(report_dir: Path, validations: list) -> Path | None:
    """GX's own validation results of every suite as one JSON file (the raw record the site renders)."""
    path = report_dir / VALIDATION_RESULTS
    try:
        report_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([_jsonable(vr.to_json_dict()) for _, vr in validations], indent=1,
                                   ensure_ascii=False, default=str), encoding="utf-8")
    except Exception:  # the results stand in the warehouse without their JSON copy
        log.exception("writing %s failed", path)
        return None
    return path


def _validate(suites: list[Suite], frames: dict, params: dict, run_id: str, checked_at: datetime) -> list:
    """Run every suite over its frame in a fresh ephemeral GX context.

    An ephemeral context keeps nothing on disk, so parallel audits (other runs, other
    tasks) cannot fight over a great_expectations.yml. GX's Data Docs are not built: they
    load bootstrap, jQuery and vega from CDNs and print unexpected values unescaped; the
    quality site renders the same results offline.
    """
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = ctx.data_sources.add_pandas("warehouse")
    gx_run = RunIdentifier(run_name=run_id, run_time=checked_at)  # the validation results carry the run id
    out = []
    for suite in suites:
        asset = source.add_dataframe_asset(suite.name)
        batch = asset.add_batch_definition_whole_dataframe(suite.name)
        expectations = []
        for check in suite.checks:
            cls = getattr(gx.expectations, check.expectation)
            with warnings.catch_warnings():
                # string row conditions with the pandas parser are deprecated in GX 1.9+ but supported in 1.x
                warnings.simplefilter("ignore", DeprecationWarning)
                expectations.append(cls(
                    **resolve(check.kwargs, params),
                    description=check.description.format(**params),
                    meta={"blocking": check.blocking},
                ))
        gx_suite = ctx.suites.add(gx.ExpectationSuite(name=suite.name, expectations=expectations))
        vd = ctx.validation_definitions.add(gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite))
        vr = vd.run(batch_parameters={"dataframe": frames[suite.name]},
                    result_format={"result_format": "SUMMARY", "partial_unexpected_count": 10},
                    run_id=gx_run)
        out.append((suite, vr))
    return out


def _blocking(er) -> bool:
    return bool((er.expectation_config.meta or {}).get("blocking", True))


def _exception(er) -> str | None:
    info = er.exception_info or {}
    if info.get("raised_exception"):
        return str(info.get("exception_message") or "exception")
    for value in info.values():  # keyed by metric when several metrics were computed
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message") or "exception")
    return None


def _observed(suite: Suite, er, frame=None) -> str:
    """What was observed, as short text: '12 of 340 rows unexpected', or (one-row frames) the value itself."""
    res = er.result or {}
    error = _exception(er)
    if error:
        return f"error: {error}"
    if "observed_value" in res:
        return _short(res["observed_value"])
    if "unexpected_count" in res:
        if suite.one_row:
            column = (er.expectation_config.kwargs or {}).get("column")
            if frame is not None and column in getattr(frame, "columns", ()) and len(frame) == 1:
                return _short(frame[column].iloc[0])
            values = res.get("partial_unexpected_list") or []
            return _short(values[0]) if values else ""
        return f"{res.get('unexpected_count', 0)} of {res.get('element_count', 0)} rows unexpected"
    return ""


def _describe(suite: Suite, observed: str, er) -> str:
    desc = er.expectation_config.description or er.expectation_config.type
    if observed and suite.one_row and not observed.startswith("error"):
        observed = f"observed {observed}"
    return f"{desc} ({observed})" if observed else desc


def _expectation_text(er) -> str:
    """Expectation type with its main arguments, e.g. expect_column_values_to_be_in_set(value_set=['PER', ...])."""
    cfg = er.expectation_config
    skip = {"column", "column_list", "batch_id", "result_format", "catch_exceptions", "meta",
            "description", "condition_parser", "notes"}
    args = []
    for key, value in (cfg.kwargs or {}).items():
        if key in skip or value is None:
            continue
        if key == "row_condition":
            if isinstance(value, dict):
                value = value.get("pass_through_filter", value)
            value = str(getattr(value, "pass_through_filter", value))
        args.append(f"{key}={value!r}")
    return f"{cfg.type}({', '.join(args)})"


def _column_of(er) -> str | None:
    kw = er.expectation_config.kwargs or {}
    if kw.get("column"):
        return kw["column"]
    if kw.get("column_list"):
        return ",".join(kw["column_list"])
    if kw.get("column_A"):
        return f"{kw['column_A']},{kw['column_B']}"
    return None


def _result_row(run_id: str, suite: Suite, er, checked_at: datetime, frame=None) -> dict:
    res = er.result or {}
    details = {"description": er.expectation_config.description}
    for key in ("element_count", "unexpected_count", "unexpected_percent", "missing_count",
                "partial_unexpected_list", "observed_value"):
        if key in res:
            details[key] = res[key]
    error = _exception(er)
    if error:
        details["exception"] = error
    return {
        "run_id": run_id,
        "suite": suite.name,
        "expectation": _expectation_text(er),
        "column_name": _column_of(er),
        "success": bool(er.success),
        "blocking": _blocking(er),
        "observed_value": _observed(suite, er, frame),
        "details": json.dumps(_jsonable(details), ensure_ascii=False, default=str),
        "checked_at": checked_at,
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        try:
            value = value.item()
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _short(value: Any, limit: int = 200) -> str:
    value = _jsonable(value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _store(con, run_id: str, rows: list[dict]) -> None:
    """Replace the run's rows in core.dq_results in one transaction (a retried audit is idempotent)."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(DQ_COLUMNS))
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM core.dq_results WHERE run_id = ?", [run_id])
        if len(frame):
            con.register("dq_results_new", frame)
            try:
                con.execute(f"INSERT INTO core.dq_results ({', '.join(DQ_COLUMNS)}) "
                            f"SELECT {', '.join(DQ_COLUMNS)} FROM dq_results_new")
            finally:
                con.unregister("dq_results_new")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise

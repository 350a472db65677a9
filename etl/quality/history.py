"""Checks of tonight's run against the history of earlier runs, not only fixed thresholds.

Each audited run records its figures in core.run_metrics (sql/audit/run_metrics.sql). The
history of a run is the last `window` published ingest runs before it that loaded articles
(sql/audit/history_baseline.sql); each check compares one of tonight's figures with the median
of that history. The checks become a one-row Great Expectations suite named "history", so they
land in core.dq_results, the run page and the failure message like every other expectation.

Groups (the names `HistoryConfig.blocking` takes):
  volume        new articles, in all and per language, at least `min_volume_ratio` x the median
                (a scraper delivering 5 % of the usual German articles fails this);
  language_mix  each language's share of the new articles within `max_language_shift` of its median;
  quarantine    the share of quarantined files at most `max_quarantine_increase` above its median;
  rates         entity mentions, amounts and lawsuits per extracted article, and words per article,
                within the median / `rate_factor` .. median x `rate_factor` (pages of cookie banners
                carry few words and no entities). Only when at least `min_articles_for_rates`
                articles were extracted: rates of a handful of articles are noise.
Every check is a warning unless its group is in `blocking`. With fewer than `min_runs` earlier
runs there is no history, and no check.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

from etl.quality.suites import Check, Suite

GROUPS = ("volume", "language_mix", "quarantine", "rates")
LANGUAGE_SHARES = ("share_de", "share_en", "share_other")
RATES = ("mentions_per_article", "amounts_per_article", "lawsuits_per_article", "words_per_article")


@dataclass(frozen=True)
class HistoryConfig:
    window: int = 14  # earlier runs compared with
    min_runs: int = 3  # fewer earlier runs: no history checks
    min_volume_ratio: float = 0.5
    max_language_shift: float = 0.15
    max_quarantine_increase: float = 0.10
    rate_factor: float = 2.0
    min_articles_for_rates: int = 20
    blocking: frozenset[str] = frozenset()  # groups whose failure blocks publishing

    def __post_init__(self):
        unknown = set(self.blocking) - set(GROUPS)
        if unknown:
            raise ValueError(f"unknown history check group(s) {sorted(unknown)}; known: {', '.join(GROUPS)}")


def run_metrics(con, run_id: str) -> dict[str, float | None]:
    """Tonight's figures, metric -> value, read from the run's rows."""
    from etl.warehouse.db import sql

    return dict(con.execute(sql("audit/run_metrics.sql"), {"run_id": run_id}).fetchall())


def baseline(con, run_id: str, config: HistoryConfig) -> tuple[list[str], dict[str, float]]:
    """(earlier run ids, metric -> median over them) of the history run `run_id` is compared with."""
    from etl.warehouse.db import sql

    rows = con.execute(sql("audit/history_baseline.sql"), {"run_id": run_id, "window": config.window}).fetchall()
    runs = list(dict.fromkeys(r[0] for r in rows))
    values: dict[str, list[float]] = {}
    for _, metric, value in rows:
        if value is not None:
            values.setdefault(metric, []).append(value)
    return runs, {m: statistics.median(v) for m, v in values.items()}


def _between(column: str, low: float | None, high: float | None, description: str, group: str,
             config: HistoryConfig) -> Check:
    kwargs = {"column": column, "min_value": low, "max_value": high}
    return Check("ExpectColumnValuesToBeBetween", {k: v for k, v in kwargs.items() if v is not None},
                 f"[{group}] {description}", blocking=group in config.blocking)


def history_checks(tonight: dict[str, float | None], runs: list[str], median: dict[str, float],
                   config: HistoryConfig) -> tuple[Check, ...]:
    """The checks of tonight's figures against the medians of `runs`; none without enough history."""
    if len(runs) < config.min_runs:
        return ()
    n = f"the median of the last {len(runs)} runs"
    checks = []
    for column in ("articles_loaded", "articles_de", "articles_en"):
        base = median.get(column) or 0
        if base >= 1:
            low = round(config.min_volume_ratio * base, 3)
            checks.append(_between(column, low, None, f"{column} >= {config.min_volume_ratio:g} x {n} "
                                   f"({base:g}), i.e. >= {low:g}", "volume", config))
    if (tonight.get("articles_loaded") or 0) > 0:
        for column in LANGUAGE_SHARES:
            if column in median:
                base, shift = median[column], config.max_language_shift
                low, high = round(max(0.0, base - shift), 4), round(min(1.0, base + shift), 4)
                checks.append(_between(column, low, high, f"{column} within {shift:g} of {n} ({base:.3f}): "
                                       f"{low:g} .. {high:g}", "language_mix", config))
    if "quarantined_share" in median:
        high = round(median["quarantined_share"] + config.max_quarantine_increase, 4)
        checks.append(_between("quarantined_share", None, high,
                               f"quarantined_share <= {n} ({median['quarantined_share']:.3f}) + "
                               f"{config.max_quarantine_increase:g}, i.e. <= {high:g}", "quarantine", config))
    if (tonight.get("articles_extracted") or 0) >= config.min_articles_for_rates:
        for column in RATES:
            base = median.get(column)
            if base:
                low, high = round(base / config.rate_factor, 4), round(base * config.rate_factor, 4)
                checks.append(_between(column, low, high, f"{column} within {n} ({base:.3f}) / x "
                                       f"{config.rate_factor:g}: {low:g} .. {high:g}", "rates", config))
    return tuple(checks)


def history_suite(checks: tuple[Check, ...]) -> Suite:
    return Suite("history", "audit/run_metrics.sql", checks, one_row=True)


def history_frame(tonight: dict[str, float | None]):
    """Tonight's figures as the one-row frame the history suite validates (plain column names only)."""
    import pandas as pd

    return pd.DataFrame([{k: v for k, v in tonight.items() if ":" not in k}])

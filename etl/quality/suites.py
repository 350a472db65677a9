"""The audit's expectation suites, as data: the one place that says what is checked and what blocks publishing.

Each suite audits one pandas frame, read from DuckDB by one SQL file in sql/audit/
(parameterised with ``$run_id``). Each check names a Great Expectations 1.x
expectation class (``gx.expectations.<expectation>``), its arguments, a short
human-readable description (used in failure messages, core.dq_results and the
quality site) and whether a failure blocks publishing. ``Param("name")`` in the
arguments or ``{name}`` in a description is filled from the audit's parameters
(e.g. ``max_no_entity_share``). Row conditions use the pandas query syntax.

Nothing here imports Great Expectations: importing this module is cheap.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from etl.extract.model import (
    AMOUNT_CATEGORIES,
    AMOUNT_KINDS,
    CLAIMS,
    ENTITY_TYPES,
    QUALIFIERS,
    ROLES,
    STATUSES,
)

INGEST_STATUSES = ("loaded", "duplicate", "unchanged", "quarantined")
LANGUAGES = ("de", "en", "other")

# Non-blocking: a warning in the report when more than this share of the files seen were quarantined.
MAX_QUARANTINED_SHARE = 0.2


@dataclass(frozen=True)
class Param:
    """A placeholder for an audit parameter, resolved when the suite is built."""

    name: str


@dataclass(frozen=True)
class Check:
    expectation: str  # class name in gx.expectations, e.g. "ExpectColumnValuesToBeInSet"
    kwargs: dict[str, Any]
    description: str
    blocking: bool = True


@dataclass(frozen=True)
class Suite:
    name: str  # also the suite name in GX and core.dq_results.suite
    sql_file: str  # under sql/, returns the frame for $run_id
    checks: tuple[Check, ...] = field(default_factory=tuple)
    one_row: bool = False  # a one-row frame of figures: messages show the observed value


def _pandas(condition: str) -> dict[str, str]:
    return {"row_condition": condition, "condition_parser": "pandas"}


def _unique_not_null(column: str, what: str) -> tuple[Check, Check]:
    return (
        Check("ExpectColumnValuesToNotBeNull", {"column": column}, f"{what} is never null"),
        Check("ExpectColumnValuesToBeUnique", {"column": column}, f"{what} is unique"),
    )


def _in_set(column: str, values: tuple[str, ...], what: str, blocking: bool = True) -> Check:
    return Check(
        "ExpectColumnValuesToBeInSet",
        {"column": column, "value_set": list(values)},
        f"{what} is one of {', '.join(values)}",
        blocking,
    )


def _span(what: str) -> Check:
    """Offsets inside the article's text and substr(text, start_char + 1, end_char - start_char) = `what`."""
    return Check(
        "ExpectColumnValuesToBeInSet",
        {"column": "span_ok", "value_set": [True]},
        "span matches text",
    )


SUITES: tuple[Suite, ...] = (
    Suite("articles", "audit/audit_articles.sql", (
        *_unique_not_null("article_id", "article_id"),
        Check("ExpectColumnValuesToNotBeNull", {"column": "source_file"}, "source_file is never null"),
        _in_set("language", LANGUAGES, "language"),
        Check("ExpectColumnValuesToBeBetween", {"column": "word_count", "min_value": 1},
              "word_count is at least 1"),
        Check("ExpectColumnValuesToBeInSet", {"column": "text_starts_with_title", "value_set": [True]},
              "text starts with the title and a blank line", blocking=False),
    )),
    Suite("entity_mentions", "audit/audit_entity_mentions.sql", (
        Check("ExpectColumnValuesToNotBeNull", {"column": "article_id"}, "article_id is never null"),
        Check("ExpectColumnValuesToNotBeNull", {"column": "entity_id"}, "entity_id is never null"),
        Check("ExpectCompoundColumnsToBeUnique", {"column_list": ["article_id", "start_char", "end_char"]},
              "(article_id, start_char, end_char) is unique"),
        _in_set("entity_type", ENTITY_TYPES, "entity_type"),
        _span("mention_text"),
        Check("ExpectColumnValuesToBeInSet", {"column": "entity_found", "value_set": [True]},
              "entity_id names a row of core.entities"),
    )),
    Suite("amounts", "audit/audit_amounts.sql", (
        *_unique_not_null("amount_id", "amount_id"),
        Check("ExpectColumnValuesToNotBeNull", {"column": "article_id"}, "article_id is never null"),
        _in_set("kind", AMOUNT_KINDS, "kind"),
        _in_set("qualifier", QUALIFIERS, "qualifier"),
        _in_set("category", AMOUNT_CATEGORIES, "category"),
        _span("mention_text"),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "value", "min_value": 0, "strict_min": True, **_pandas('kind == "money"')},
              "money values are > 0"),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "value", "min_value": 0, "strict_min": True, **_pandas('kind == "count"')},
              "count values are > 0"),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "value", "min_value": -100, "max_value": 100_000, **_pandas('kind == "percent" and unit == "%"')},
              "percent values (unit %) are within -100 .. 100000"),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "value", "min_value": -100, "max_value": 100, **_pandas('kind == "percent" and unit == "pp"')},
              "percentage-point values are within -100 .. 100"),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "value", "min_value": -10_000, "max_value": 10_000, **_pandas('kind == "percent" and unit == "bp"')},
              "basis-point values are within -10000 .. 10000"),
        Check("ExpectColumnPairValuesAToBeGreaterThanB",
              {"column_A": "value_max", "column_B": "value", "or_equal": True,
               "ignore_row_if": "either_value_is_missing"},
              "value_max >= value where both are set"),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "value", "min_value": 0, "strict_min": True, **_pandas('kind == "multiple"')},
              "multiple values are > 0", blocking=False),
        Check("ExpectColumnValuesToNotBeNull", {"column": "value", **_pandas("vague == False")},
              "value is set unless the amount is vague", blocking=False),
    )),
    Suite("lawsuits", "audit/audit_lawsuits.sql", (
        *_unique_not_null("lawsuit_id", "lawsuit_id"),
        Check("ExpectColumnValuesToNotBeNull", {"column": "article_id"}, "article_id is never null"),
        _in_set("claim", CLAIMS, "claim"),
        _in_set("status", STATUSES, "status"),
        _span("evidence_text"),
        Check("ExpectColumnValuesToBeInSet", {"column": "amount_found", "value_set": [True]},
              "a linked amount_id names an amount of the same article", blocking=False),
    )),
    Suite("lawsuit_parties", "audit/audit_lawsuit_parties.sql", (
        Check("ExpectColumnValuesToNotBeNull", {"column": "lawsuit_id"}, "lawsuit_id is never null"),
        Check("ExpectCompoundColumnsToBeUnique", {"column_list": ["lawsuit_id", "role", "name"]},
              "(lawsuit_id, role, name) is unique"),
        _in_set("role", ROLES, "role"),
        Check("ExpectColumnValuesToBeInSet", {"column": "lawsuit_found", "value_set": [True]},
              "every party belongs to a lawsuit of the run"),
    )),
    Suite("ingest_log", "audit/audit_ingest_log.sql", (
        *_unique_not_null("source_file", "source_file"),
        _in_set("status", INGEST_STATUSES, "ingest status"),
        Check("ExpectColumnValuesToNotBeNull", {"column": "reason", **_pandas('status == "quarantined"')},
              "every quarantined file has a reason"),
    )),
    Suite("run", "audit/audit_run.sql", (
        Check("ExpectTableRowCountToEqual", {"value": 1}, "one row of run-level figures"),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "articles_loaded", "min_value": 1, **_pandas("files_loaded > 0")},
              "articles were loaded when new files were loaded"),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "no_entity_share", "min_value": 0, "max_value": Param("max_no_entity_share")},
              "share of extracted de/en articles without any entity <= {max_no_entity_share}"),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "loaded_articles_missing", "max_value": 0},
              "every loaded file's article is in core.articles", blocking=False),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "quarantined_share", "min_value": 0, "max_value": MAX_QUARANTINED_SHARE},
              f"share of quarantined files <= {MAX_QUARANTINED_SHARE}", blocking=False),
    ), one_row=True),
)


def resolve(value: Any, params: dict[str, Any]) -> Any:
    """Replace Param placeholders (also inside lists and dicts) by the audit's parameter values."""
    if isinstance(value, Param):
        return params[value.name]
    if isinstance(value, list):
        return [resolve(v, params) for v in value]
    if isinstance(value, dict):
        return {k: resolve(v, params) for k, v in value.items()}
    return value

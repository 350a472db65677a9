"""The data-quality audit (etl.quality) on a small hand-made warehouse.

One temporary DuckDB per module holds several runs, each built from the same
clean template with one defect; each run is audited once (module-scoped
fixtures), so Great Expectations is imported once per session.
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from etl.extract.model import entity_id
from etl.warehouse.db import connect

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=timezone.utc)
VERSION = "test-0"

TEXT = (
    "Nordlicht Robotics verklagt Falkenberg Systems\n\n"
    "Die Nordlicht Robotics GmbH aus Kiel hat die Falkenberg Systems AG vor dem Landgericht München "
    "wegen Patentverletzung verklagt. Nordlicht fordert 12 Millionen Euro Schadenersatz. "
    "Im vergangenen Jahr stieg der Umsatz von Nordlicht um 8 Prozent, das Unternehmen beschäftigt "
    "rund 450 Mitarbeiter in Kiel und Hamburg."
)
TITLE = TEXT.split("\n", 1)[0]


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def insert_run(con, run_id: str, *, bad_offsets=False, bad_entity_type=False, lawsuits=True,
               quarantined=0) -> str:
    """A run with one loaded article and its extractions (made up for the test), plus the named defect."""
    article_id = f"art-{run_id}"
    files = 1 + quarantined
    con.execute("INSERT INTO core.runs (run_id, kind, started_at, finished_at, status, input_dir, files_seen, "
                "articles_loaded, quarantined, articles_extracted, extractor_version) "
                "VALUES (?, 'ingest', ?, ?, 'loaded', '/in', ?, 1, ?, 1, ?)",
                [run_id, NOW, NOW, files, quarantined, VERSION])
    con.execute("INSERT INTO core.ingest_log VALUES (?, ?, 'loaded', 'new', NULL, 'h1', ?, ?)",
                [run_id, f"{run_id}/nordlicht.txt", article_id, NOW])
    for i in range(quarantined):
        con.execute("INSERT INTO core.ingest_log VALUES (?, ?, 'quarantined', 'empty_file', "
                    "'the file is empty (0 bytes) <script>', ?, NULL, ?)",
                    [run_id, f"{run_id}/empty{i}.txt", f"h-empty{i}", NOW])
    con.execute("INSERT INTO core.articles (article_id, source_file, title, text, language, word_count, "
                "content_hash, run_id, ingested_at) VALUES (?, ?, ?, ?, 'de', ?, 'h1', ?, ?)",
                [article_id, f"{run_id}/nordlicht.txt", TITLE, TEXT, len(TEXT.split()), run_id, NOW])
    con.execute("INSERT INTO core.extractions VALUES (?, ?, ?, ?, false)", [article_id, run_id, VERSION, NOW])

    mentions = [("Nordlicht Robotics GmbH", "ORG", "Nordlicht Robotics GmbH"),
                ("Kiel", "LOC", "Kiel"),
                ("Falkenberg Systems AG", "ORG", "Falkenberg Systems AG"),
                ("Landgericht München", "ORG", "Landgericht München")]
    rows = []
    for mention, etype, name in mentions:
        start, end = span(TEXT, mention)
        rows.append([run_id, article_id, entity_id(etype, name), name, etype, mention, start, end, VERSION])
    if bad_offsets:  # "Kiel" shifted by one character
        rows[1][6] += 1
        rows[1][7] += 1
    if bad_entity_type:
        rows[2][4] = "COMPANY"
    for r in rows:
        con.execute("INSERT OR IGNORE INTO core.entities VALUES (?, ?, ?, ?)", [r[2], r[3], r[4], run_id])
        con.execute("INSERT INTO core.entity_mentions (run_id, article_id, entity_id, name, entity_type, "
                    "mention_text, start_char, end_char, extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r)

    amounts = [("12 Millionen Euro", "money", 12e6, "EUR", "exact", "fine_damages"),
               ("8 Prozent", "percent", 8.0, "%", "exact", "revenue"),
               ("rund 450 Mitarbeiter", "count", 450.0, "Mitarbeiter", "approx", "jobs")]
    for i, (mention, kind, value, unit, qual, cat) in enumerate(amounts):
        start, end = span(TEXT, mention)
        con.execute("INSERT INTO core.amounts (run_id, amount_id, article_id, mention_text, start_char, end_char, "
                    "kind, value, unit, qualifier, category, currency_assumed, vague, extractor_version) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, ?)",
                    [run_id, f"amt-{run_id}-{i}", article_id, mention, start, end, kind, value, unit, qual, cat,
                     VERSION])

    if lawsuits:
        sentence = ("Die Nordlicht Robotics GmbH aus Kiel hat die Falkenberg Systems AG vor dem Landgericht "
                    "München wegen Patentverletzung verklagt.")
        start, end = span(TEXT, sentence)
        lawsuit_id = f"law-{run_id}"
        con.execute("INSERT INTO core.lawsuits (run_id, lawsuit_id, article_id, claim, status, court, amount_text, "
                    "amount_id, evidence_text, start_char, end_char, extractor_version) "
                    "VALUES (?, ?, ?, 'patent', 'filed', 'Landgericht München', '12 Millionen Euro', ?, ?, ?, ?, ?)",
                    [run_id, lawsuit_id, article_id, f"amt-{run_id}-0", sentence, start, end, VERSION])
        for role, name in (("plaintiff", "Nordlicht Robotics GmbH"), ("defendant", "Falkenberg Systems AG")):
            con.execute("INSERT INTO core.lawsuit_parties (run_id, lawsuit_id, role, name, entity_id) "
                        "VALUES (?, ?, ?, ?, ?)", [run_id, lawsuit_id, role, name, entity_id("ORG", name)])
    return run_id


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    con = connect(tmp_path_factory.mktemp("wh") / "w.duckdb")
    insert_run(con, "clean", quarantined=0)
    insert_run(con, "offsets", bad_offsets=True)
    insert_run(con, "etype", bad_entity_type=True)
    insert_run(con, "nolaw", lawsuits=False, quarantined=1)
    insert_run(con, "dupamt")
    yield con
    con.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def audits(warehouse, reports):
    """Audit each run once; the duplicate amount_id is injected into the frame (core.amounts' key forbids it)."""
    from etl.quality import audit_frames, audit_run, read_frames

    out = {}
    for run_id in ("clean", "offsets", "etype", "nolaw"):
        out[run_id] = audit_run(warehouse, run_id, reports / run_id, max_no_entity_share=0.5)
    frames = read_frames(warehouse, "dupamt")
    amounts = frames["amounts"]
    frames["amounts"] = amounts.iloc[[0, 0, 1, 2]].reset_index(drop=True)
    out["dupamt"] = audit_frames(warehouse, "dupamt", frames, reports / "dupamt", max_no_entity_share=0.5)
    return out


def test_clean_run_passes(audits):
    result = audits["clean"]
    assert result.success, result.failed
    assert result.failed == []
    assert result.warnings == []
    assert len(result.results) > 30
    suites = {r["suite"] for r in result.results}
    assert suites == {"articles", "entity_mentions", "amounts", "lawsuits", "lawsuit_parties", "ingest_log", "run"}


def test_offsets_that_do_not_match_the_text_fail(audits):
    result = audits["offsets"]
    assert not result.success
    assert result.failed == ["entity_mentions: span matches text (1 of 4 rows unexpected)"]
    assert "span matches text" in result.message()


def test_bad_entity_type_fails(audits):
    result = audits["etype"]
    assert not result.success
    assert len(result.failed) == 1
    assert result.failed[0].startswith("entity_mentions: entity_type is one of PER, ORG, LOC, MISC (1 of 4 rows")
    row = next(r for r in result.results if r["column_name"] == "entity_type")
    assert row["blocking"] and not row["success"]
    assert "COMPANY" in row["details"]


def test_duplicate_amount_id_fails(audits):
    result = audits["dupamt"]
    assert not result.success
    assert "amounts: amount_id is unique (2 of 4 rows unexpected)" in result.failed


def test_empty_lawsuits_frame_passes_and_warnings_do_not_block(audits):
    result = audits["nolaw"]
    assert result.success, result.failed
    lawsuit_rows = [r for r in result.results if r["suite"] in ("lawsuits", "lawsuit_parties")]
    assert lawsuit_rows and all(r["success"] for r in lawsuit_rows)
    # one file of two quarantined: the non-blocking quarantine-share check warns
    assert result.warnings == ["run: share of quarantined files <= 0.2 (observed 0.5)"]


def test_run_level_checks_fail_when_entities_are_missing(warehouse, reports):
    from etl.quality import audit_run

    insert_run(warehouse, "noent")
    warehouse.execute("DELETE FROM core.entity_mentions WHERE run_id = 'noent'")
    warehouse.execute("DELETE FROM core.articles WHERE run_id = 'noent'")
    result = audit_run(warehouse, "noent", reports / "noent", max_no_entity_share=0.5)
    assert not result.success
    assert "run: articles were loaded when new files were loaded (observed 0)" in result.failed
    # the loaded file's article is missing: a warning as well
    assert any(w.startswith("run: every loaded file's article is in core.articles") for w in result.warnings)

    warehouse.execute("INSERT INTO core.articles (article_id, source_file, title, text, language, word_count, "
                      "content_hash, run_id, ingested_at) VALUES ('art-noent', 'x.txt', ?, ?, 'en', 3, 'h', "
                      "'noent', ?)", [TITLE, TEXT, NOW])
    result = audit_run(warehouse, "noent", reports / "noent", max_no_entity_share=0.5)
    assert result.failed == ["run: share of extracted de/en articles without any entity <= 0.5 (observed 1.0)"]


def test_backfill_checks_spans_against_published_articles_only(warehouse, reports):
    """A backfill re-extracts published articles: its spans are checked against their text."""
    from etl.quality import audit_run

    insert_run(warehouse, "orig")
    warehouse.execute("UPDATE core.articles SET published = true WHERE run_id = 'orig'")
    start, end = span(TEXT, "Falkenberg Systems AG")
    warehouse.execute("INSERT INTO core.runs (run_id, kind, started_at, status) VALUES ('bf', 'backfill', ?, 'loaded')",
                      [NOW])
    warehouse.execute("INSERT INTO core.extractions VALUES ('art-orig', 'bf', 'test-1', ?, false)", [NOW])
    warehouse.execute("INSERT INTO core.entity_mentions (run_id, article_id, entity_id, name, entity_type, "
                      "mention_text, start_char, end_char, extractor_version) "
                      "VALUES ('bf', 'art-orig', ?, 'Falkenberg Systems AG', 'ORG', 'Falkenberg Systems AG', ?, ?, "
                      "'test-1')", [entity_id("ORG", "Falkenberg Systems AG"), start, end])
    result = audit_run(warehouse, "bf", reports / "bf", max_no_entity_share=0.5)
    assert result.success, result.failed

    # the same mention of an unpublished article of another run: its text is not trusted
    warehouse.execute("UPDATE core.entity_mentions SET article_id = 'art-clean' WHERE run_id = 'bf'")
    result = audit_run(warehouse, "bf", reports / "bf", max_no_entity_share=0.5)
    assert "entity_mentions: span matches text (1 of 1 rows unexpected)" in result.failed


def test_dq_results_written_and_replaced(warehouse, audits, reports):
    from etl.quality import audit_run

    n = len(audits["offsets"].results)
    count = "SELECT count(*), count(DISTINCT checked_at) FROM core.dq_results WHERE run_id = ?"
    assert warehouse.execute(count, ["offsets"]).fetchone() == (n, 1)
    failed = warehouse.execute("SELECT suite, column_name, observed_value, blocking FROM core.dq_results "
                               "WHERE run_id = 'offsets' AND NOT success").fetchall()
    assert failed == [("entity_mentions", "span_ok", "1 of 4 rows unexpected", True)]
    first = warehouse.execute("SELECT max(checked_at) FROM core.dq_results WHERE run_id = 'offsets'").fetchone()[0]

    again = audit_run(warehouse, "offsets", reports / "offsets", max_no_entity_share=0.5)
    assert len(again.results) == n
    assert warehouse.execute(count, ["offsets"]).fetchone() == (n, 1)
    second = warehouse.execute("SELECT max(checked_at) FROM core.dq_results WHERE run_id = 'offsets'").fetchone()[0]
    assert second > first
    # other runs' rows untouched
    assert warehouse.execute(count, ["clean"]).fetchone()[0] == len(audits["clean"].results)
    # the analysts' view shows them
    assert warehouse.execute("SELECT count(*) FROM analytics.dq_results WHERE run_id = 'offsets'").fetchone()[0] == n


def test_gx_validation_results_are_kept_as_json(audits, reports):
    for run_id, result in audits.items():
        assert result.validation_results == reports / run_id / "validation_results.json"
    results = json.loads((reports / "offsets" / "validation_results.json").read_text(encoding="utf-8"))
    assert len(results) == 7  # one per suite
    assert sum(not r["success"] for r in results) == 1


def test_failing_rows_are_stored_and_outlive_the_runs_rows(warehouse, audits):
    rows = warehouse.execute("SELECT suite, check_name, article_id, row_json FROM core.dq_samples "
                             "WHERE run_id = 'offsets' AND suite <> 'signals'").fetchall()
    assert len(rows) == 1
    suite, check, article_id, row = rows[0]
    assert (suite, article_id) == ("entity_mentions", "art-offsets") and check.startswith("span_ok|")
    assert json.loads(row)["mention_text"] == "Kiel" and json.loads(row)["span_ok"] is False
    # the run-level warning of "nolaw" samples the quarantined file behind it
    rows = warehouse.execute("SELECT row_json FROM core.dq_samples WHERE run_id = 'nolaw' AND suite = 'run'").fetchall()
    assert [json.loads(r[0])["source_file"] for r in rows] == ["nolaw/empty0.txt"]


def test_signals_and_figures_are_recorded(warehouse, audits):
    metrics = dict(warehouse.execute("SELECT metric, value FROM core.run_metrics WHERE run_id = 'clean'").fetchall())
    assert metrics["articles_de"] == 1 and metrics["mentions_per_article"] == 4 and metrics["amounts"] == 3
    assert metrics["signal:new_entities"] == 4  # the first run names every entity first
    assert metrics["signal:articles_without_date"] == 1  # the test article has no published_at
    assert metrics["signal:lawsuits_without_defendant"] == 0
    assert metrics["pass_rate"] == 1.0
    nolaw = dict(warehouse.execute("SELECT metric, value FROM core.run_metrics WHERE run_id = 'nolaw'").fetchall())
    assert nolaw["quarantined:empty_file"] == 1 and nolaw["quarantined_share"] == 0.5


def test_summary_html_and_json(warehouse, audits, reports):
    from etl.quality.report import write_summary

    path = write_summary(warehouse, "offsets", reports / "offsets")
    assert path == reports / "offsets" / "summary.html"
    page = path.read_text(encoding="utf-8")
    assert "offsets" in page
    assert "Audit FAILED" in page
    assert "span matches text" in page
    top = page.index("Failed blocking expectations")
    assert top < page.index("<h2>Run</h2>")  # failures come first
    assert 'href="validation_results.json"' in page
    sample = page[page.index('id="failing-rows"'):page.index("<h2>Signals</h2>")]
    assert "art-offsets" in sample and "Kiel" in sample  # the failing row itself
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert 'href="offsets/summary.html"' in index and 'id="chart-files"' in index
    assert (reports / "assets" / "uPlot.iife.min.js").is_file()
    facts = json.loads((reports / "offsets" / "summary.json").read_text(encoding="utf-8"))
    assert facts["audit"]["outcome"] == "failed"
    assert facts["audit"]["failed_blocking"][0]["description"] == "span matches text"
    assert facts["row_counts"]["entity_mentions"] == 4
    assert facts["run"]["status"] == "loaded"

    # quarantined files are listed, their details escaped
    page = write_summary(warehouse, "nolaw", reports / "nolaw").read_text(encoding="utf-8")
    assert "Audit passed" in page
    assert "nolaw/empty0.txt" in page and "empty_file" in page
    assert "&lt;script&gt;" in page and "<script>" not in page


def test_every_page_escapes_values(warehouse, reports):
    """An unexpected value carrying markup is shown as text on the run page and in the index."""
    from etl.quality import audit_run
    from etl.quality.report import write_summary

    payload = '<img src=x onerror="document.title=1">'
    insert_run(warehouse, "xss")
    warehouse.execute("UPDATE core.entity_mentions SET entity_type = ? WHERE run_id = 'xss' AND name = 'Kiel'",
                      [payload])
    warehouse.execute("UPDATE core.runs SET message = ? WHERE run_id = 'xss'", [payload])
    result = audit_run(warehouse, "xss", reports / "xss", max_no_entity_share=0.5)
    assert not result.success
    for page in (write_summary(warehouse, "xss", reports / "xss"), reports / "index.html"):
        text = page.read_text(encoding="utf-8")
        assert "onerror" in text and "<img" not in text and "&lt;img src=x onerror=" in text


def test_summary_of_a_run_not_audited(warehouse, tmp_path):
    from etl.quality.report import write_summary

    page = write_summary(warehouse, "unknown-run", tmp_path / "unknown-run").read_text(encoding="utf-8")
    assert (tmp_path / "index.html").is_file()
    assert "Not audited" in page and "unknown-run" in page


def test_importing_etl_quality_does_not_import_great_expectations():
    out = subprocess.run([sys.executable, "-c", "import sys, etl.quality, etl.quality.report; "
                          "print(any(m.startswith('great_expectations') for m in sys.modules))"],
                         capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"

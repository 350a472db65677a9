"""The whole run on a temporary input folder and warehouse: publish, rerun, change, duplicate, bad input, failed audit."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from etl import pipeline
from etl.cli import main as etl
from tests.conftest import SAMPLES

VIEWS = ("articles", "entities", "entity_mentions", "amounts", "lawsuits", "lawsuit_parties")


def query(sql: str, params=None):
    from etl.config import settings

    con = duckdb.connect(str(settings().warehouse), read_only=True)
    try:
        return con.execute(sql, params or {}).fetchall()
    finally:
        con.close()


def snapshot():
    return {v: query(f"SELECT * FROM analytics.{v} ORDER BY ALL") for v in VIEWS}


def test_full_run_fills_every_table(env):
    result = pipeline.run(str(env), progress=False)
    assert (result["files_seen"], result["new_articles"], result["quarantined"]) == (6, 6, 0)
    for view in VIEWS:
        assert query(f"SELECT count(*) FROM analytics.{view}")[0][0] > 0, view
    # every offset points into the article text
    for view, col in (("entity_mentions", "mention_text"), ("amounts", "mention_text"), ("lawsuits", "evidence_text")):
        bad = query(f"""SELECT count(*) FROM analytics.{view} x JOIN analytics.articles a USING (article_id)
                             WHERE substr(a.text, x.start_char + 1, x.end_char - x.start_char) <> x.{col}""")
        assert bad == [(0,)], view
    assert query("SELECT status FROM analytics.runs") == [("published",)]
    assert query("SELECT count(*), bool_and(success OR NOT blocking) FROM analytics.dq_results")[0][1] is True
    assert query("SELECT source_ref FROM analytics.articles WHERE source_ref IS NOT NULL") == [("source-204",)]
    assert "Leave a Reply" not in query("SELECT string_agg(text) FROM analytics.articles")[0][0]
    summary = json.loads((Path(result["report"]).parent / "summary.json").read_text())
    assert summary["run"]["status"] == "published"


def test_rerun_adds_and_changes_nothing(env):
    pipeline.run(str(env), progress=False)
    before = snapshot()
    again = pipeline.run(str(env), progress=False)
    assert (again["new_articles"], again["unchanged"]) == (0, 6)
    assert snapshot() == before
    assert query("SELECT status, count(*) FROM analytics.ingest_log WHERE run_id = $r GROUP BY ALL",
                 {"r": again["run_id"]}) == [("unchanged", 6)]


def test_changed_file_replaces_its_article_and_extractions(env):
    pipeline.run(str(env), progress=False)
    path = env / "en" / "2026-11-04_helix_robotics.txt"
    old_id = query("SELECT article_id FROM analytics.articles WHERE source_file LIKE '%helix%'")[0][0]
    path.write_text(path.read_text() + "\nHelix Robotics plans to open an office in Munich next year.\n")
    result = pipeline.run(str(env), progress=False)
    assert (result["new_articles"], result["unchanged"]) == (1, 5)
    assert query("SELECT count(*) FROM analytics.articles") == [(6,)]
    for view in ("articles", "entity_mentions", "amounts", "lawsuits"):
        assert query(f"SELECT count(*) FROM analytics.{view} WHERE article_id = $a", {"a": old_id}) == [(0,)]
    assert query("SELECT count(*) FROM analytics.articles WHERE text LIKE '%Munich next year%'") == [(1,)]


def test_same_article_in_two_files_is_one_article(env):
    shutil.copy(env / "de" / "2026-11-02_nordlicht_klage.txt", env / "en" / "copy_of_nordlicht.txt")
    result = pipeline.run(str(env), progress=False)
    assert (result["new_articles"], result["duplicates"]) == (6, 1)
    assert query("SELECT status, detail FROM analytics.ingest_log WHERE source_file = 'en/copy_of_nordlicht.txt'") == [
        ("duplicate", "same article as de/2026-11-02_nordlicht_klage.txt")]


def test_bad_input_is_quarantined_and_the_run_goes_on(env, monkeypatch):
    monkeypatch.setenv("ETL_MAX_FILE_BYTES", "20000")
    bad = env / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (bad / "noise.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    (bad / "huge.txt").write_text("Titel\n" + "Wort " * 10000)
    (bad / "broken.json").write_text('{"title": "Kaputt", "text": "abgeschnitten')
    (bad / "no_text.json").write_text('{"title": "Nur ein Titel"}')
    (bad / "short.txt").write_text("Kurz\nZu kurz für einen Artikel.")
    (bad / "feed.jsonl").write_text('{"title": "ok"\n')
    (bad / "slides.pptx").write_bytes(b"PK\x03\x04")
    result = pipeline.run(str(env), progress=False)
    assert result["new_articles"] == 6 and result["quarantined"] == 9
    reasons = dict(query("SELECT source_file, reason FROM analytics.ingest_log WHERE status = 'quarantined'"))
    assert reasons == {"bad/empty.txt": "empty_file", "bad/image.txt": "binary_file", "bad/noise.txt": "undecodable",
                       "bad/huge.txt": "too_large", "bad/broken.json": "invalid_json", "bad/no_text.json": "no_text",
                       "bad/short.txt": "too_short", "bad/feed.jsonl#L1": "invalid_json",
                       "bad/slides.pptx": "unsupported_format"}
    assert query("SELECT count(*) FROM analytics.ingest_log WHERE detail IS NULL OR detail = ''") == [(0,)]


def test_failed_audit_publishes_nothing(env, monkeypatch):
    first = pipeline.run(str(env), progress=False)
    before = snapshot()
    (env / "late.txt").write_text((env / "en" / "2026-11-04_helix_robotics.txt").read_text().replace("Helix", "Vortex"))

    from etl.extract import extract as real_extract
    from etl.extract.model import EntityMention

    def buggy_extract(text, language):  # an extractor bug: offsets one character off
        result = real_extract(text, language)
        result.entities.append(EntityMention("Vortex", 1, 7, "ORG", "Vortex"))
        return result

    with monkeypatch.context() as patch:
        patch.setattr("etl.extract.rows.extract", buggy_extract)
        with pytest.raises(pipeline.AuditFailed) as err:
            pipeline.run(str(env), progress=False)
    assert "span" in str(err.value) and "summary.html" in str(err.value)
    assert snapshot() == before
    runs = query("SELECT run_id, status, message FROM analytics.runs ORDER BY started_at")
    assert [r[1] for r in runs] == ["published", "failed"] and "audit failed" in runs[1][2]
    assert runs[0][0] == first["run_id"]
    assert query("SELECT count(*) FROM core.articles WHERE NOT published") == [(0,)]
    # the file was not recorded as processed: the next good run picks it up
    assert pipeline.run(str(env), progress=False)["new_articles"] == 1


def test_backfill_reextracts_without_reingesting(env):
    pipeline.run(str(env), progress=False)
    before = snapshot()
    result = pipeline.run(backfill=True, only_outdated=False, progress=False)
    assert result["articles_to_extract"] == 6
    after = snapshot()
    assert after["articles"] == before["articles"]
    strip = lambda rows: sorted(r[:-2] for r in rows)  # run_id and extractor_version columns last
    assert strip(after["entity_mentions"]) == strip(before["entity_mentions"])
    assert {r[-2] for r in after["entity_mentions"]} == {result["run_id"]}
    # nothing outdated: a second backfill has nothing to do
    assert pipeline.run(backfill=True, progress=False)["articles_to_extract"] == 0


def test_cli_run_status_sql(env, capsys):
    assert etl(["run", "--input", str(env), "--no-progress"]) == 0
    out, err = capsys.readouterr()
    assert "published" in out and "Report:" in out
    # not a terminal: plain log lines naming each stage, in order
    stages = [line.split()[2].rstrip(":") for line in err.splitlines() if line.endswith(" s")]
    assert stages == ["ingest", "extract", "load", "audit", "publish", "report"]
    assert "extract: started (6 articles)" in err
    assert etl(["run", "--input", str(env), "--no-progress"]) == 0
    assert "No new articles." in capsys.readouterr().out
    assert etl(["status"]) == 0
    assert capsys.readouterr().out.count("published") == 2
    assert etl(["status", "--json", "-n", "1"]) == 0
    last = json.loads(capsys.readouterr().out)
    assert (last["status"], last["files_seen"], last["unchanged"], last["failed_checks"]) == ("published", 6, 6, 0)
    assert etl(["sql", "SELECT count(*) AS n FROM analytics.articles", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"n": 6}
    assert etl(["sql", "SELECT language, count(*) AS n FROM analytics.articles GROUP BY 1 ORDER BY 1", "--csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["language,n", "de,2", "en,4"]
    assert etl(["sql", "DELETE FROM core.articles"]) == 1  # read-only
    assert "read-only" in capsys.readouterr().err.lower()


def test_cli_extract_prints_contract_fields(capsys):
    path = SAMPLES / "en" / "2026-11-04_helix_robotics.txt"
    assert etl(["extract", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["language"] == "en" and out["text"].startswith("Helix Robotics raises $450m")
    assert {"entities", "amounts", "lawsuits"} <= out.keys()
    # the sample's suit names its defendant: no unnamed ones in the guideline's defendants_generic
    assert [(law["defendants_generic"], [p["role"] for p in law["parties"]]) for law in out["lawsuits"]] == [
        (None, ["plaintiff", "defendant"])]
    for m in out["entities"] + out["amounts"]:
        assert out["text"][m["start_char"]:m["end_char"]] == m["mention_text"]
        assert {"mention_text", "start_char", "end_char"} <= m.keys()

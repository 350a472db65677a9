"""Checks of a run against the history of earlier runs (etl/quality/history.py), on crafted runs.

Each crafted run loads `de` German and `en` English articles (invented one-line texts) and
quarantines `quarantined` files; earlier runs are published and their figures recorded the way
the report step records them, so only tonight's run goes through Great Expectations.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from etl.quality.history import HistoryConfig, baseline, history_checks, run_metrics
from etl.warehouse.db import connect

START = datetime(2026, 11, 1, 2, 0, tzinfo=timezone.utc)


def craft_run(con, run_id: str, night: int, *, de: int, en: int, quarantined: int = 0, status: str = "published",
              words: int = 120) -> str:
    at = START + timedelta(days=night)
    con.execute("INSERT INTO core.runs (run_id, kind, started_at, finished_at, status) VALUES (?, 'ingest', ?, ?, ?)",
                [run_id, at, at + timedelta(minutes=3), status])
    for i in range(de + en):
        lang = "de" if i < de else "en"
        article_id = f"{run_id}-{i}"
        con.execute("INSERT INTO core.ingest_log VALUES (?, ?, 'loaded', 'new', NULL, ?, ?, ?)",
                    [run_id, f"{lang}/{article_id}.txt", f"h-{article_id}", article_id, at])
        con.execute("INSERT INTO core.articles (article_id, source_file, title, text, language, word_count, "
                    "content_hash, run_id, ingested_at, published) VALUES (?, ?, 'Titel', 'Titel\n\nText', ?, ?, ?, ?, ?, ?)",
                    [article_id, f"{lang}/{article_id}.txt", lang, words, f"h-{article_id}", run_id, at,
                     status == "published"])
    for i in range(quarantined):
        con.execute("INSERT INTO core.ingest_log VALUES (?, ?, 'quarantined', 'no_main_content', 'cookie banner', ?, NULL, ?)",
                    [run_id, f"de/{run_id}-q{i}.html", f"hq-{run_id}-{i}", at])
    return run_id


def record(con, run_id: str) -> None:
    from etl.quality.samples import store_metrics

    store_metrics(con, run_id, run_metrics(con, run_id))


@pytest.fixture
def warehouse(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    for night in range(4):  # four usual nights: 40 German and 20 English articles, 1 file of 61 quarantined
        record(con, craft_run(con, f"n{night}", night, de=40, en=20, quarantined=1))
    yield con
    con.close()


def test_baseline_is_the_median_of_earlier_published_ingest_runs(warehouse):
    craft_run(warehouse, "failed", 4, de=1, en=1, status="failed")
    record(warehouse, "failed")
    craft_run(warehouse, "tonight", 5, de=40, en=20)
    runs, median = baseline(warehouse, "tonight", HistoryConfig())
    assert runs == ["n0", "n1", "n2", "n3"]  # the failed night is not "usual"
    assert median["articles_de"] == 40 and median["share_en"] == pytest.approx(1 / 3)
    assert baseline(warehouse, "tonight", HistoryConfig(window=2))[0] == ["n2", "n3"]
    assert baseline(warehouse, "n0", HistoryConfig())[0] == []  # nothing before the first night


def _audit(con, tmp_path, run_id, config=None):
    from etl.quality import audit_run

    return audit_run(con, run_id, tmp_path / "reports" / run_id, max_no_entity_share=1.0, history=config)


def test_a_usual_night_passes_the_history_checks(warehouse, tmp_path):
    craft_run(warehouse, "usual", 5, de=38, en=21, quarantined=1)
    result = _audit(warehouse, tmp_path, "usual")
    history = [r for r in result.results if r["suite"] == "history"]
    assert len(history) >= 7 and all(r["success"] for r in history)
    assert not any(w.startswith("history") for w in result.warnings)


def test_a_german_volume_drop_is_flagged(warehouse, tmp_path):
    """The German scraper delivers 2 of the usual 40 articles (5 %): volume and language mix both warn."""
    craft_run(warehouse, "drop", 5, de=2, en=20)
    result = _audit(warehouse, tmp_path, "drop")
    assert result.success  # warnings by default
    flagged = [w for w in result.warnings if w.startswith("history")]
    assert any("articles_de >= 0.5 x the median of the last 4 runs (40)" in w and "observed 2" in w for w in flagged)
    assert any("[language_mix] share_de" in w for w in flagged)
    assert any("[volume] articles_loaded" in w for w in flagged)
    assert not any("articles_en" in w for w in flagged)
    # the rows behind the volume check: tonight's files per folder, language and status
    rows = warehouse.execute("SELECT row_json FROM core.dq_samples WHERE run_id = 'drop' AND suite = 'history'"
                             " AND check_name LIKE 'articles_de|%'").fetchall()
    assert any('"folder": "de"' in r[0] and '"files": 2' in r[0] for r in rows)


def test_a_language_mix_shift_is_flagged_and_blocks_when_configured(warehouse, tmp_path):
    """Same volume, but English takes over: only the language-mix check fires."""
    craft_run(warehouse, "shift", 5, de=25, en=35)
    result = _audit(warehouse, tmp_path, "shift", HistoryConfig(blocking=frozenset({"language_mix"})))
    assert not result.success
    assert any(f.startswith("history: [language_mix] share_de") for f in result.failed)
    assert any(f.startswith("history: [language_mix] share_en") for f in result.failed)
    assert not any("[volume]" in f for f in result.failed + result.warnings)


def test_a_quarantine_surge_is_flagged(warehouse, tmp_path):
    """Pages of cookie banners quarantined as no_main_content: 30 of 90 files."""
    craft_run(warehouse, "banners", 5, de=40, en=20, quarantined=30)
    result = _audit(warehouse, tmp_path, "banners")
    assert any(w.startswith("history: [quarantine] quarantined_share") for w in result.warnings)
    rows = warehouse.execute("SELECT count(*) FROM core.dq_samples WHERE run_id = 'banners' AND suite = 'history' "
                             "AND check_name LIKE 'quarantined_share|%'").fetchone()[0]
    assert rows == 10  # a sample of the quarantined files


def test_cookie_banners_loaded_as_articles_are_flagged(warehouse, tmp_path):
    """The usual volume and mix, but every page is a 15-word banner: the words-per-article rate warns."""
    craft_run(warehouse, "short", 5, de=40, en=20, words=15)
    result = _audit(warehouse, tmp_path, "short")
    flagged = [w for w in result.warnings if w.startswith("history")]
    assert len(flagged) == 1 and "[rates] words_per_article" in flagged[0] and "observed 15" in flagged[0]
    rows = warehouse.execute("SELECT count(*) FROM core.dq_samples WHERE run_id = 'short' AND suite = 'history' "
                             "AND check_name LIKE 'words_per_article|%'").fetchone()[0]
    assert rows == 10  # a sample of the shortest articles


def test_too_little_history_means_no_history_checks(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    record(con, craft_run(con, "first", 0, de=10, en=10))
    craft_run(con, "second", 1, de=1, en=10)
    result = _audit(con, tmp_path, "second")
    assert not [r for r in result.results if r["suite"] == "history"]
    assert con.execute("SELECT value FROM core.run_metrics WHERE run_id = 'second' AND metric = 'history_runs'"
                       ).fetchone()[0] == 1


MEDIAN = {"articles_loaded": 60, "articles_de": 40, "articles_en": 20, "share_de": 0.66, "share_en": 0.33,
          "share_other": 0.01, "quarantined_share": 0.02, "mentions_per_article": 9.0, "amounts_per_article": 3.0,
          "lawsuits_per_article": 0.2, "words_per_article": 400.0}
RUNS = ["a", "b", "c", "d"]


def _failing(tonight, config=HistoryConfig()):
    """Names of the columns whose history check tonight's figures fail (evaluated like GX's between)."""
    out = set()
    for check in history_checks(tonight, RUNS, MEDIAN, config):
        kw = check.kwargs
        value = tonight.get(kw["column"])
        if value is not None and (value < kw.get("min_value", float("-inf")) or value > kw.get("max_value", float("inf"))):
            out.add(kw["column"])
    return out


def test_extraction_rates_dropping_are_flagged():
    """Cookie-banner pages loaded as articles: few words, few entities, same volume."""
    usual = dict(MEDIAN, articles_extracted=60)
    assert _failing(usual) == set()
    banners = dict(usual, mentions_per_article=1.5, words_per_article=60.0)
    assert _failing(banners) == {"mentions_per_article", "words_per_article"}
    assert _failing(dict(usual, amounts_per_article=9.0)) == {"amounts_per_article"}  # a jump is suspicious too
    # a handful of articles: rates are noise and not checked
    assert _failing(dict(banners, articles_extracted=5, articles_loaded=5, articles_de=3, articles_en=2)) \
        == {"articles_loaded", "articles_de", "articles_en"}


def test_blocking_groups_are_validated():
    with pytest.raises(ValueError, match="unknown history check group"):
        HistoryConfig(blocking=frozenset({"volumes"}))
    checks = history_checks(dict(MEDIAN, articles_extracted=60), RUNS, MEDIAN,
                            HistoryConfig(blocking=frozenset({"rates"})))
    assert {c.kwargs["column"] for c in checks if c.blocking} == {
        "mentions_per_article", "amounts_per_article", "lawsuits_per_article", "words_per_article"}


def test_blocking_groups_come_from_the_settings(monkeypatch):
    from etl.config import settings

    monkeypatch.setenv("ETL_HISTORY_BLOCKING", "volume, language_mix")
    monkeypatch.setenv("ETL_HISTORY_RUNS", "30")
    s = settings()
    config = HistoryConfig(window=s.history_runs, blocking=frozenset(s.history_blocking))
    assert config.window == 30 and config.blocking == {"volume", "language_mix"}
    monkeypatch.setenv("ETL_HISTORY_BLOCKING", "volumes")
    with pytest.raises(ValueError, match="unknown history check group"):
        HistoryConfig(blocking=frozenset(settings().history_blocking))

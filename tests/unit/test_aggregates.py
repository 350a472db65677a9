"""The entity aggregates and pairs kept at publish equal a full recomputation, whatever the runs did."""
from __future__ import annotations

import duckdb
import pytest

from etl import pipeline

# The figures of analytics.entities recomputed from every published mention (the old view).
FULL = """
    SELECT e.entity_id, e.name, e.entity_type, list_sort(list_distinct(list(m.mention_text))),
           count(DISTINCT m.article_id), count(*),
           min(coalesce(a.published_at, a.ingested_at)), max(coalesce(a.published_at, a.ingested_at))
    FROM core.entity_mentions m
    JOIN core.entities e USING (entity_id)
    JOIN core.articles a ON a.article_id = m.article_id
    WHERE m.published
    GROUP BY ALL ORDER BY e.entity_id"""
KEPT = """SELECT entity_id, name, entity_type, aliases, article_count, mention_count, first_seen, last_seen
          FROM analytics.entities ORDER BY entity_id"""
# Pairs of entities named in two or more published articles, counted over published articles.
FULL_PAIRS = """
    WITH ea AS (SELECT DISTINCT article_id, entity_id FROM core.entity_mentions WHERE published),
    recurring AS (SELECT entity_id FROM ea GROUP BY entity_id HAVING count(*) >= 2)
    SELECT a.entity_id, b.entity_id, count(*)
    FROM ea a JOIN ea b ON a.article_id = b.article_id AND a.entity_id < b.entity_id
    WHERE a.entity_id IN (SELECT entity_id FROM recurring) AND b.entity_id IN (SELECT entity_id FROM recurring)
    GROUP BY ALL ORDER BY ALL"""
KEPT_PAIRS = "SELECT entity_a, entity_b, article_count FROM analytics.entity_pairs ORDER BY ALL"


def kept_and_full():
    from etl.config import settings

    con = duckdb.connect(str(settings().warehouse), read_only=True)
    try:
        misnamed = con.execute("""
            SELECT count(*) FROM analytics.entity_pairs p
            JOIN analytics.entities a ON a.entity_id = p.entity_a
            JOIN analytics.entities b ON b.entity_id = p.entity_b
            WHERE (a.name, a.entity_type, b.name, b.entity_type) <> (p.name_a, p.type_a, p.name_b, p.type_b)""").fetchone()
        assert misnamed == (0,)
        return ((con.execute(KEPT).fetchall(), con.execute(KEPT_PAIRS).fetchall()),
                (con.execute(FULL).fetchall(), con.execute(FULL_PAIRS).fetchall()))
    finally:
        con.close()


def assert_kept_equals_full(pairs: bool = True):
    kept, full = kept_and_full()
    assert full[0], "the runs published no entity"
    assert bool(full[1]) == pairs, full[1]
    assert kept == full


# Invented articles that name the same organisations and places, arriving one run at a time, so
# entities become recurring (and their pairs countable) in later runs.
ARTICLES = {
    "a.txt": "Microsoft and Siemens sign a cloud agreement\n\nMicrosoft and Siemens announced on Monday in "
             "Berlin that they will build a joint cloud platform for factories. Siemens will bring its "
             "automation software, Microsoft its data centres. The companies did not disclose the value "
             "of the agreement, which runs for five years.",
    "b.txt": "Siemens expands its partnership with Microsoft\n\nSiemens said on Thursday that it will use "
             "Microsoft's cloud for all of its building software from next year. Analysts expect the "
             "move to lower costs for Siemens customers, while Microsoft gains one of its largest "
             "industrial clients in Europe.",
    "c.txt": "Berlin opens a technology office in Munich\n\nThe Berlin senate opened an office in Munich on "
             "Wednesday to attract technology companies. Microsoft and Siemens AG were among the first visitors, the "
             "senate said, and Munich officials welcomed the plan. The office will have ten employees "
             "and a budget of two million euros.",
}


def test_aggregates_follow_runs_changes_backfill_and_a_failed_audit(env, tmp_path, monkeypatch):
    (env / "en" / "a.txt").write_text(ARTICLES["a.txt"])
    pipeline.run(str(env), progress=False)
    assert_kept_equals_full(pairs=False)  # every entity is still a one-off

    for name in ("b.txt", "c.txt"):  # each makes entities of a.txt recurring; c.txt adds an alias
        (env / "en" / name).write_text(ARTICLES[name])
        assert pipeline.run(str(env), progress=False)["new_articles"] == 1
        assert_kept_equals_full()

    # A changed file: its old article and the old article's mentions go, the new ones come.
    path = env / "en" / "2026-11-04_helix_robotics.txt"
    path.write_text(path.read_text().replace("Helix", "Quasar"))
    assert pipeline.run(str(env), progress=False)["new_articles"] == 1
    (kept, _), _ = kept_and_full()
    assert not any(name.startswith("Helix") for _, name, *_ in kept)
    assert_kept_equals_full()

    # A deleted file retracts its article: its mentions leave the counts; back, they return.
    gone = env / "en" / "b.txt"
    gone.unlink()
    assert pipeline.run(str(env), progress=False)["published"]["articles_retracted"] == 1
    assert_kept_equals_full()
    gone.write_text(ARTICLES["b.txt"])
    pipeline.run(str(env), progress=False)
    assert_kept_equals_full()

    # A failed audit publishes nothing and leaves the aggregates as they were.
    before, _ = kept_and_full()
    (env / "late.txt").write_text(path.read_text().replace("Quasar", "Vortex"))
    from etl.extract import extract as real_extract
    from etl.extract.model import EntityMention

    def buggy_extract(text, language):
        result = real_extract(text, language)
        result.entities.append(EntityMention("Vortex", 1, 7, "ORG", "Vortex"))
        return result

    with monkeypatch.context() as patch:
        patch.setattr("etl.extract.rows.extract", buggy_extract)
        with pytest.raises(pipeline.AuditFailed):
            pipeline.run(str(env), progress=False)
    assert kept_and_full()[0] == before
    assert_kept_equals_full()

    # A backfill re-extracts every article with an extractor that finds one entity more.
    def extra_entity(text, language):
        result = real_extract(text, language)
        start = text.index(" ") + 1 if " " in text else 0
        word = text[start:].split()[0] if text[start:].split() else ""
        if word:
            result.entities.append(EntityMention(word, start, start + len(word), "MISC", word))
        return result

    with monkeypatch.context() as patch:
        patch.setattr("etl.extract.rows.extract", extra_entity)
        pipeline.run(backfill=True, only_outdated=False, progress=False)
    assert_kept_equals_full()
    # and a second backfill with the real extractor removes them again
    pipeline.run(backfill=True, only_outdated=False, progress=False)
    assert_kept_equals_full()

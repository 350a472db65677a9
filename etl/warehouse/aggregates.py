"""Entity aggregates kept in step with what is published, at the cost of the run.

core.entity_stats: per entity, its article and mention counts, aliases, first and last seen.
core.entity_pairs: per pair of recurring entities (each named in two or more published
articles), the number of published articles naming both: co-occurrence as a plain read. Pairs
with a one-off entity are left out: they are most pairs (80 million at a million articles) and
rank last anyway.

`refresh_entity_stats` runs inside the publish transaction, before publish changes anything, and
brings the aggregates to the state publish leaves behind:
- a plain nightly run only adds: its mentions are merged into the entities they name (counts
  added, aliases united, first/last seen widened), found by key in the stats' primary key;
- a run that replaces published rows (a backfill re-extracting articles, or a changed file whose
  old article goes) also removes: the entities those rows named are recomputed, by key, from the
  mentions that stay published plus the run's own.
Pairs follow the same split: a plain run adds the pairs of its articles, and those of the one
earlier article of each entity it makes recurring; a run that removes rows rebuilds the pairs.
A failed audit publishes nothing, so it never reaches here and leaves the aggregates as they were.
`recompute_entity_stats` is the full recomputation of both, for checks and for repairs.
"""
from __future__ import annotations

import duckdb

# What an article counts as for first/last seen: when it was published, else when it was ingested.
_SEEN = "coalesce(a.published_at, a.ingested_at)"

# The aggregate of a set of mentions (alias m, with their article from {articles} as a), per entity.
_AGGREGATE = f"""
    SELECT m.entity_id, count(DISTINCT m.article_id) AS article_count, count(*) AS mention_count,
           list_sort(list_distinct(list(m.mention_text))) AS aliases,
           min({_SEEN}) AS first_seen, max({_SEEN}) AS last_seen, min(m.article_id) AS one_article_id
    FROM {{mentions}} m
    LEFT JOIN {{articles}} a ON a.article_id = m.article_id
    GROUP BY m.entity_id"""


def _stats(mentions: str, articles: str = "core.articles", names: str = "core.entities") -> str:
    """Rows of core.entity_stats: the aggregate of {mentions}, with each entity's name from {names}."""
    return f"""
        SELECT s.entity_id, e.name, e.entity_type, s.article_count, s.mention_count, s.aliases,
               s.first_seen, s.last_seen, s.one_article_id
        FROM ({_AGGREGATE.format(mentions=mentions, articles=articles)}) s
        JOIN {names} e ON e.entity_id = s.entity_id"""


def refresh_entity_stats(con: duckdb.DuckDBPyConnection, run_id: str) -> dict:
    """Apply run `run_id`'s publish to core.entity_stats; call inside the publish transaction, first.

    Returns how many entities were merged and how many were recomputed.
    """
    p = {"run_id": run_id}
    con.execute("""
        CREATE OR REPLACE TEMP TABLE run_mentions AS
        SELECT entity_id, article_id, mention_text FROM core.entity_mentions
        WHERE run_id = $run_id AND NOT published""", p)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE counts_before AS
        SELECT entity_id, name, entity_type, article_count, aliases, one_article_id FROM core.entity_stats
        WHERE entity_id IN (SELECT entity_id FROM run_mentions)""")
    # Names of the run's entities: kept ones, the run's new ones, and (rare) entities whose
    # published mentions all went earlier, looked up in core.entities only when there are any.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE run_names AS
        SELECT entity_id, name, entity_type FROM counts_before
        UNION ALL
        SELECT entity_id, name, entity_type FROM core.entities
        WHERE first_run_id = $run_id AND entity_id NOT IN (SELECT entity_id FROM counts_before)""", p)
    con.execute("""
        INSERT INTO run_names
        SELECT entity_id, name, entity_type FROM core.entities
        WHERE entity_id IN (SELECT entity_id FROM run_mentions EXCEPT SELECT entity_id FROM run_names)""")
    _create_leaving_articles(con, run_id)
    leaving = con.execute("SELECT count(*) FROM leaving_articles").fetchone()[0]

    recomputed = 0
    if leaving:
        # Entities named by rows that go: recompute them from what stays plus the run's mentions.
        con.execute("""
            CREATE OR REPLACE TEMP TABLE recompute AS
            SELECT DISTINCT entity_id FROM core.entity_mentions
            WHERE published AND article_id IN (SELECT article_id FROM leaving_articles)""")
        con.execute("""
            CREATE OR REPLACE TEMP TABLE after_mentions AS
            SELECT entity_id, article_id, mention_text FROM core.entity_mentions
            WHERE published AND entity_id IN (SELECT entity_id FROM recompute)
              AND article_id NOT IN (SELECT article_id FROM leaving_articles)
            UNION ALL
            SELECT entity_id, article_id, mention_text FROM run_mentions
            WHERE entity_id IN (SELECT entity_id FROM recompute)""")
        con.execute("DELETE FROM core.entity_stats WHERE entity_id IN (SELECT entity_id FROM recompute)")
        con.execute(f"INSERT INTO core.entity_stats {_stats('after_mentions')}")
        recomputed = con.execute("SELECT count(*) FROM recompute").fetchone()[0]
        con.execute("DELETE FROM run_mentions WHERE entity_id IN (SELECT entity_id FROM recompute)")
    # Every other entity of the run only gains: merge, through the primary key. Its mentions
    # point into the run's own articles or, for a backfill, the published ones it re-extracted.
    run_articles = """(SELECT article_id, published_at, ingested_at FROM core.articles WHERE run_id = $run_id
                       UNION ALL
                       SELECT article_id, published_at, ingested_at FROM core.articles
                       WHERE article_id IN (SELECT article_id FROM leaving_articles))"""
    con.execute(f"CREATE OR REPLACE TEMP TABLE run_stats AS {_stats('run_mentions', run_articles, 'run_names')}", p)
    con.execute("""
        INSERT INTO core.entity_stats SELECT * FROM run_stats
        ON CONFLICT (entity_id) DO UPDATE SET
            article_count = entity_stats.article_count + excluded.article_count,
            mention_count = entity_stats.mention_count + excluded.mention_count,
            first_seen = least(entity_stats.first_seen, excluded.first_seen),
            last_seen = greatest(entity_stats.last_seen, excluded.last_seen)""")
    # Aliases only where the run brings a new one: rewriting a list is what an update costs most.
    con.execute("""
        INSERT INTO core.entity_stats
        SELECT r.* FROM run_stats r JOIN counts_before b USING (entity_id)
        WHERE NOT list_has_all(b.aliases, r.aliases)
        ON CONFLICT (entity_id) DO UPDATE SET
            aliases = list_sort(list_distinct(list_concat(entity_stats.aliases, excluded.aliases)))""")
    merged = con.execute("SELECT count(DISTINCT entity_id) FROM run_mentions").fetchone()[0]
    if leaving:  # the pairs as publish leaves them: what stays published plus the run's mentions
        _rebuild_pairs(con, """(SELECT entity_id, article_id FROM core.entity_mentions
                                WHERE published AND article_id NOT IN (SELECT article_id FROM leaving_articles)
                                UNION ALL
                                SELECT entity_id, article_id FROM core.entity_mentions
                                WHERE run_id = $run_id AND NOT published)""", p)
    else:
        _add_pairs(con, run_id)
    for temp in ("run_mentions", "leaving_articles", "recompute", "after_mentions", "counts_before", "run_names", "run_stats",
                 "newly_recurring", "pair_articles", "pair_entities"):
        con.execute(f"DROP TABLE IF EXISTS {temp}")
    return {"entities_merged": merged, "entities_recomputed": recomputed}


# Pairs of recurring entities named in the same article, one row per pair and article, from a
# relation {source} of (entity_id, article_id); {recurring} holds (entity_id, name, entity_type)
# of the recurring entities (entity_stats already holding the new counts).
_PAIRS = """
    WITH ea AS (
        SELECT DISTINCT article_id, entity_id FROM {source}
        WHERE entity_id IN (SELECT entity_id FROM {recurring})
    )
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, a.article_id
    FROM ea a JOIN ea b ON a.article_id = b.article_id AND a.entity_id < b.entity_id"""

# Pair counts (relation {counts}: entity_a, entity_b, article_count) with the entities' names and types.
_NAMED = """
    SELECT c.entity_a, sa.name, sa.entity_type, c.entity_b, sb.name, sb.entity_type, c.article_count
    FROM ({counts}) c
    JOIN {recurring} sa ON sa.entity_id = c.entity_a
    JOIN {recurring} sb ON sb.entity_id = c.entity_b"""

_ALL_RECURRING = "(SELECT entity_id, name, entity_type FROM core.entity_stats WHERE article_count >= 2)"


def _rebuild_pairs(con: duckdb.DuckDBPyConnection, source: str, params: dict | None = None) -> None:
    con.execute("DELETE FROM core.entity_pairs")
    pairs = _PAIRS.format(source=source, recurring=_ALL_RECURRING)
    counts = f"SELECT entity_a, entity_b, count(*) AS article_count FROM ({pairs}) GROUP BY ALL"
    con.execute(f"INSERT INTO core.entity_pairs {_NAMED.format(counts=counts, recurring=_ALL_RECURRING)}",
                params or {})


def _add_pairs(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """The run's articles add their pairs; so does the single earlier article of each entity the
    run makes recurring (its pairs there were left out while the entity was a one-off). Entities
    and articles are looked up by key: the run's, and the one article kept in entity_stats."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE newly_recurring AS
        SELECT b.entity_id, b.one_article_id FROM counts_before b JOIN core.entity_stats s USING (entity_id)
        WHERE b.article_count = 1 AND s.article_count >= 2""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE pair_articles AS
        SELECT entity_id, article_id FROM core.entity_mentions
        WHERE run_id = $run_id AND NOT published
        UNION ALL
        SELECT entity_id, article_id FROM core.entity_mentions
        WHERE published AND article_id IN (SELECT one_article_id FROM newly_recurring)""", {"run_id": run_id})
    con.execute("""
        CREATE OR REPLACE TEMP TABLE pair_entities AS
        SELECT entity_id, name, entity_type FROM core.entity_stats
        WHERE article_count >= 2 AND entity_id IN (SELECT entity_id FROM pair_articles)""")
    counts = f"""
        SELECT entity_a, entity_b, count(*) AS article_count
        FROM ({_PAIRS.format(source='pair_articles', recurring='pair_entities')}) p
        WHERE p.article_id NOT IN (SELECT one_article_id FROM newly_recurring)
           OR p.entity_a IN (SELECT entity_id FROM newly_recurring)
           OR p.entity_b IN (SELECT entity_id FROM newly_recurring)
        GROUP BY ALL"""
    con.execute(f"""
        INSERT INTO core.entity_pairs {_NAMED.format(counts=counts, recurring='pair_entities')}
        ON CONFLICT (entity_a, entity_b) DO UPDATE SET
            article_count = entity_pairs.article_count + excluded.article_count""")


def _create_leaving_articles(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """TEMP leaving_articles: articles whose published mentions this publish removes.

    Those the run re-extracts (core.extractions of the run for an article already published by
    another run), those publish_run retracts (TEMP retracted, when it planned any), and the old
    articles of files the run saw with new content once no file refers to them any more (the rule
    of publish_run).
    """
    p = {"run_id": run_id}
    has_retracted = con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = 'retracted'"
                                ).fetchone()[0]
    retracted = "SELECT article_id FROM retracted UNION" if has_retracted else ""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE leaving_articles AS
        {retracted}
        SELECT x.article_id FROM core.extractions x
        WHERE x.published AND x.run_id <> $run_id
          AND x.article_id IN (SELECT article_id FROM core.extractions WHERE run_id = $run_id)
        UNION
        SELECT f.article_id FROM core.files f
        JOIN core.ingest_log l ON l.source_file = f.source_file AND l.run_id = $run_id
        WHERE l.status IN ('loaded', 'duplicate') AND f.article_id IS NOT NULL
          AND f.article_id IS DISTINCT FROM l.article_id
          AND f.article_id NOT IN (
              SELECT article_id FROM core.ingest_log
              WHERE run_id = $run_id AND article_id IS NOT NULL
                AND status IN ('loaded', 'duplicate', 'quarantined') AND content_hash IS NOT NULL)
          AND NOT EXISTS (
              SELECT 1 FROM core.files o
              WHERE o.article_id = f.article_id AND o.source_file <> f.source_file
                AND o.source_file NOT IN (
                    SELECT source_file FROM core.ingest_log
                    WHERE run_id = $run_id AND status IN ('loaded', 'duplicate', 'quarantined')
                      AND content_hash IS NOT NULL))""", p)


def recompute_entity_stats(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild core.entity_stats and core.entity_pairs from every published mention
    (what the incremental path must equal)."""
    con.execute("DELETE FROM core.entity_stats")
    con.execute(f"INSERT INTO core.entity_stats {_stats('(SELECT * FROM core.entity_mentions WHERE published)')}")
    _rebuild_pairs(con, "(SELECT entity_id, article_id FROM core.entity_mentions WHERE published)")

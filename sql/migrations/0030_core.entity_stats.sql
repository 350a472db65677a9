-- Entity aggregates over published mentions, kept up to date at publish (etl/warehouse/aggregates.py),
-- so analytics.entities is a plain read instead of an aggregation over every mention.
-- first_seen/last_seen: earliest/latest publication time (else ingestion time) of an article naming the entity.
CREATE TABLE core.entity_stats (
    entity_id     VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    entity_type   VARCHAR NOT NULL,
    article_count BIGINT NOT NULL,
    mention_count BIGINT NOT NULL,
    aliases       VARCHAR[] NOT NULL,
    first_seen    TIMESTAMPTZ,
    last_seen     TIMESTAMPTZ
);
INSERT INTO core.entity_stats
SELECT e.entity_id, e.name, e.entity_type,
       count(DISTINCT m.article_id), count(*), list_sort(list_distinct(list(m.mention_text))),
       min(coalesce(a.published_at, a.ingested_at)), max(coalesce(a.published_at, a.ingested_at))
FROM core.entity_mentions m
JOIN core.entities e ON e.entity_id = m.entity_id
LEFT JOIN core.articles a ON a.article_id = m.article_id
WHERE m.published
GROUP BY e.entity_id, e.name, e.entity_type;

-- Co-occurrence of recurring entities, kept up to date at publish (etl/warehouse/aggregates.py):
-- for each pair of entities that are each named in two or more published articles, the number of
-- published articles naming both (entity_a < entity_b). One-off entities are left out.
CREATE TABLE core.entity_pairs (
    entity_a      VARCHAR NOT NULL,
    entity_b      VARCHAR NOT NULL,
    article_count BIGINT NOT NULL,
    PRIMARY KEY (entity_a, entity_b)
);
INSERT INTO core.entity_pairs
WITH ea AS (
    SELECT DISTINCT article_id, entity_id FROM core.entity_mentions
    WHERE published
      AND entity_id IN (SELECT entity_id FROM core.entity_stats WHERE article_count >= 2)
)
SELECT a.entity_id, b.entity_id, count(*)
FROM ea a JOIN ea b ON a.article_id = b.article_id AND a.entity_id < b.entity_id
GROUP BY ALL;

-- Co-occurrence of recurring entities, kept up to date at publish (etl/warehouse/aggregates.py):
-- for each pair of entities that are each named in two or more published articles, the number of
-- published articles naming both (entity_a < entity_b). One-off entities are left out. Names and
-- types are stored with the pair (an entity's id is a hash of its type and name), so ranking the
-- pairs of a type is a read of this table alone.
CREATE TABLE core.entity_pairs (
    entity_a      VARCHAR NOT NULL,
    name_a        VARCHAR NOT NULL,
    type_a        VARCHAR NOT NULL,
    entity_b      VARCHAR NOT NULL,
    name_b        VARCHAR NOT NULL,
    type_b        VARCHAR NOT NULL,
    article_count BIGINT NOT NULL,
    PRIMARY KEY (entity_a, entity_b)
);
INSERT INTO core.entity_pairs
WITH ea AS (
    SELECT DISTINCT article_id, entity_id FROM core.entity_mentions
    WHERE published
      AND entity_id IN (SELECT entity_id FROM core.entity_stats WHERE article_count >= 2)
),
pairs AS (
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS article_count
    FROM ea a JOIN ea b ON a.article_id = b.article_id AND a.entity_id < b.entity_id
    GROUP BY ALL
)
SELECT p.entity_a, sa.name, sa.entity_type, p.entity_b, sb.name, sb.entity_type, p.article_count
FROM pairs p
JOIN core.entity_stats sa ON sa.entity_id = p.entity_a
JOIN core.entity_stats sb ON sb.entity_id = p.entity_b;

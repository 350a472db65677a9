-- Which organisations appear together in the same articles? Pairs among the 200 organisations named
-- in the most articles (article_count is kept up to date in analytics.entities), so the query reads
-- only those entities' mentions and stays interactive on a large warehouse. Change the type to PER, LOC or MISC.
WITH top AS (
    SELECT entity_id, name FROM analytics.entities
    WHERE entity_type = 'ORG'
    ORDER BY article_count DESC, entity_id
    LIMIT 200
),
seen AS (
    SELECT DISTINCT article_id, entity_id FROM analytics.entity_mentions
    WHERE entity_id IN (SELECT entity_id FROM top)
)
SELECT ta.name AS entity, tb.name AS with_entity, count(*) AS articles
FROM seen a
JOIN seen b ON a.article_id = b.article_id AND a.entity_id < b.entity_id
JOIN top ta ON ta.entity_id = a.entity_id
JOIN top tb ON tb.entity_id = b.entity_id
GROUP BY ALL
ORDER BY articles DESC, entity, with_entity
LIMIT 20;

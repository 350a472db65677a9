-- Which organisations appear together in the same articles? analytics.entity_pairs keeps the
-- counts up to date at each publish, so this stays a plain read on a large warehouse.
-- Change the types (PER, ORG, LOC, MISC) or drop the filter for every kind of pair.
SELECT name_a AS entity, name_b AS with_entity, article_count AS articles
FROM analytics.entity_pairs
WHERE type_a = 'ORG' AND type_b = 'ORG'
ORDER BY articles DESC, entity, with_entity
LIMIT 20;

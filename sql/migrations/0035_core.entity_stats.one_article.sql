-- An article naming each entity; for an entity named in one article, that article. When a run makes
-- such an entity recurring, publish finds the earlier article here instead of scanning every mention
-- (etl/warehouse/aggregates.py, entity pairs).
ALTER TABLE core.entity_stats ADD COLUMN one_article_id VARCHAR;
UPDATE core.entity_stats s SET one_article_id = f.article_id
FROM (SELECT entity_id, min(article_id) AS article_id FROM core.entity_mentions WHERE published GROUP BY entity_id) f
WHERE f.entity_id = s.entity_id;

CREATE OR REPLACE VIEW analytics.entities AS
SELECT e.entity_id, e.name, e.entity_type,
       list_sort(list_distinct(list(m.mention_text))) AS aliases,
       count(DISTINCT m.article_id) AS article_count,
       count(*) AS mention_count
FROM core.entities e
JOIN core.entity_mentions m ON m.entity_id = e.entity_id AND m.published
GROUP BY e.entity_id, e.name, e.entity_type;

COMMENT ON VIEW analytics.entities IS 'One row per entity across all published articles.';
COMMENT ON COLUMN analytics.entities.entity_id IS 'Stable id: hash of entity_type and the normalised name.';
COMMENT ON COLUMN analytics.entities.name IS 'Canonical name (as first published).';
COMMENT ON COLUMN analytics.entities.entity_type IS 'PER, ORG, LOC or MISC.';
COMMENT ON COLUMN analytics.entities.aliases IS 'Distinct surface forms seen in the articles (e.g. Nadella, USPTO).';
COMMENT ON COLUMN analytics.entities.article_count IS 'Number of published articles that mention the entity.';
COMMENT ON COLUMN analytics.entities.mention_count IS 'Number of mentions across published articles.';

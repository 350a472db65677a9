CREATE OR REPLACE VIEW analytics.entity_pairs AS
SELECT entity_a, name_a, type_a, entity_b, name_b, type_b, article_count
FROM core.entity_pairs;

COMMENT ON VIEW analytics.entity_pairs IS 'Entities named together in published articles: one row per pair of entities that each appear in two or more articles; kept up to date at each publish.';
COMMENT ON COLUMN analytics.entity_pairs.entity_a IS 'The first entity of the pair (analytics.entities; entity_a < entity_b).';
COMMENT ON COLUMN analytics.entity_pairs.name_a IS 'Canonical name of entity_a.';
COMMENT ON COLUMN analytics.entity_pairs.type_a IS 'PER, ORG, LOC or MISC.';
COMMENT ON COLUMN analytics.entity_pairs.entity_b IS 'The second entity of the pair (analytics.entities).';
COMMENT ON COLUMN analytics.entity_pairs.name_b IS 'Canonical name of entity_b.';
COMMENT ON COLUMN analytics.entity_pairs.type_b IS 'PER, ORG, LOC or MISC.';
COMMENT ON COLUMN analytics.entity_pairs.article_count IS 'Number of published articles that name both entities.';

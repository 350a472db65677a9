CREATE OR REPLACE VIEW analytics.entities AS
SELECT entity_id, name, entity_type, aliases, article_count, mention_count, first_seen, last_seen
FROM core.entity_stats;

COMMENT ON VIEW analytics.entities IS 'One row per entity across all published articles; the figures are kept up to date at each publish.';
COMMENT ON COLUMN analytics.entities.entity_id IS 'Stable id: hash of entity_type and the name key (canonical name normalised, without a trailing legal form such as AG or Inc), so Volkswagen AG and Volkswagen are one entity.';
COMMENT ON COLUMN analytics.entities.name IS 'Canonical name (as first published).';
COMMENT ON COLUMN analytics.entities.entity_type IS 'PER, ORG, LOC or MISC.';
COMMENT ON COLUMN analytics.entities.aliases IS 'Distinct surface forms seen in the articles (e.g. Nadella, USPTO).';
COMMENT ON COLUMN analytics.entities.article_count IS 'Number of published articles that mention the entity.';
COMMENT ON COLUMN analytics.entities.mention_count IS 'Number of mentions across published articles.';
COMMENT ON COLUMN analytics.entities.first_seen IS 'Earliest publication time (else ingestion time) of a published article that mentions the entity.';
COMMENT ON COLUMN analytics.entities.last_seen IS 'Latest publication time (else ingestion time) of a published article that mentions the entity.';

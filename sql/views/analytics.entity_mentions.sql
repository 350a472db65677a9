CREATE OR REPLACE VIEW analytics.entity_mentions AS
SELECT article_id, entity_id, name, entity_type, mention_text, start_char, end_char,
       run_id, extractor_version
FROM core.entity_mentions
WHERE published;

COMMENT ON VIEW analytics.entity_mentions IS 'Every mention of a named entity in a published article.';
COMMENT ON COLUMN analytics.entity_mentions.article_id IS 'The article (analytics.articles).';
COMMENT ON COLUMN analytics.entity_mentions.entity_id IS 'The entity (analytics.entities): hash of type and name key (normalised canonical name without a trailing legal form), stable across articles.';
COMMENT ON COLUMN analytics.entity_mentions.name IS 'Canonical name of the entity in this article (fullest form, nominative).';
COMMENT ON COLUMN analytics.entity_mentions.entity_type IS 'PER person, ORG organisation, LOC place, MISC product/event/law/work.';
COMMENT ON COLUMN analytics.entity_mentions.mention_text IS 'The text as written: substr(text, start_char + 1, end_char - start_char).';
COMMENT ON COLUMN analytics.entity_mentions.start_char IS 'Start offset (0-based, characters) into analytics.articles.text.';
COMMENT ON COLUMN analytics.entity_mentions.end_char IS 'End offset (exclusive) into analytics.articles.text.';
COMMENT ON COLUMN analytics.entity_mentions.run_id IS 'The run that extracted this row.';
COMMENT ON COLUMN analytics.entity_mentions.extractor_version IS 'Version of the extractors that produced this row.';

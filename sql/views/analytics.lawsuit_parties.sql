CREATE OR REPLACE VIEW analytics.lawsuit_parties AS
SELECT lawsuit_id, role, name, entity_id, run_id
FROM core.lawsuit_parties
WHERE published;

COMMENT ON VIEW analytics.lawsuit_parties IS 'Plaintiffs and defendants of each lawsuit.';
COMMENT ON COLUMN analytics.lawsuit_parties.lawsuit_id IS 'The lawsuit (analytics.lawsuits).';
COMMENT ON COLUMN analytics.lawsuit_parties.role IS 'plaintiff or defendant.';
COMMENT ON COLUMN analytics.lawsuit_parties.name IS 'Entity name, or the article''s words for an unnamed party (e.g. Künstler, investors).';
COMMENT ON COLUMN analytics.lawsuit_parties.entity_id IS 'The entity (analytics.entities) when the party is one, else null.';
COMMENT ON COLUMN analytics.lawsuit_parties.run_id IS 'The run that extracted this row.';

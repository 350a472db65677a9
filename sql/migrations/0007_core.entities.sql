-- One row per entity across all articles; entity_id = hash of type and normalised name.
CREATE TABLE core.entities (
    entity_id   VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    entity_type VARCHAR NOT NULL,
    first_run_id VARCHAR NOT NULL
);

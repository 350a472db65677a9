CREATE TABLE core.lawsuit_parties (
    run_id     VARCHAR NOT NULL,
    lawsuit_id VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,     -- plaintiff | defendant
    name       VARCHAR NOT NULL,
    entity_id  VARCHAR,
    published  BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, lawsuit_id, role, name)
);

CREATE TABLE core.lawsuits (
    run_id            VARCHAR NOT NULL,
    lawsuit_id        VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    claim             VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,
    court             VARCHAR,
    amount_text       VARCHAR,
    amount_id         VARCHAR,
    evidence_text     VARCHAR NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    published         BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, lawsuit_id)
);

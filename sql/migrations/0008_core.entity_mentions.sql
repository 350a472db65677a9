CREATE TABLE core.entity_mentions (
    run_id            VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    entity_id         VARCHAR NOT NULL,
    name              VARCHAR NOT NULL,
    entity_type       VARCHAR NOT NULL,
    mention_text      VARCHAR NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    published         BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, article_id, start_char, end_char)
);

-- Which extractor version last extracted each article, and in which run (backfill looks here).
CREATE TABLE core.extractions (
    article_id        VARCHAR NOT NULL,
    run_id            VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    extracted_at      TIMESTAMPTZ NOT NULL,
    published         BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (article_id, run_id)
);

-- Articles; rows of a run stay unpublished until its audit passed.
CREATE TABLE core.articles (
    article_id        VARCHAR PRIMARY KEY,
    source_file       VARCHAR NOT NULL,
    source_ref        VARCHAR,
    title             VARCHAR NOT NULL,
    text              VARCHAR NOT NULL,
    language          VARCHAR NOT NULL,
    published_at      TIMESTAMPTZ,
    url               VARCHAR,
    source            VARCHAR,
    word_count        INTEGER NOT NULL,
    content_hash      VARCHAR NOT NULL,
    run_id            VARCHAR NOT NULL,
    ingested_at       TIMESTAMPTZ NOT NULL,
    published         BOOLEAN NOT NULL DEFAULT false
);

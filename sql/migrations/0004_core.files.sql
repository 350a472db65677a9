-- The published state of each input file: its content hash and the article it holds.
-- Discovery compares against this to mark files unchanged.
CREATE TABLE core.files (
    source_file  VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    article_id   VARCHAR,            -- null for a quarantined file
    status       VARCHAR NOT NULL,
    run_id       VARCHAR NOT NULL
);

-- Every input file (or JSONL line) seen by a run gets exactly one row.
CREATE TABLE core.ingest_log (
    run_id       VARCHAR NOT NULL,
    source_file  VARCHAR NOT NULL,
    status       VARCHAR NOT NULL,   -- loaded | duplicate | unchanged | quarantined
    reason       VARCHAR,            -- reason code, e.g. empty_file, invalid_json, changed
    detail       VARCHAR,            -- human-readable explanation
    content_hash VARCHAR,
    article_id   VARCHAR,
    logged_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, source_file)
);

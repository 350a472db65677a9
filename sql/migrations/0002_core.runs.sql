-- One row per pipeline run (ingest or backfill); status running -> loaded -> published | failed.
CREATE TABLE core.runs (
    run_id             VARCHAR PRIMARY KEY,
    kind               VARCHAR NOT NULL,          -- ingest | backfill
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ,
    status             VARCHAR NOT NULL,
    input_dir          VARCHAR,
    files_seen         INTEGER DEFAULT 0,
    articles_loaded    INTEGER DEFAULT 0,
    duplicates         INTEGER DEFAULT 0,
    unchanged          INTEGER DEFAULT 0,
    quarantined        INTEGER DEFAULT 0,
    articles_extracted INTEGER DEFAULT 0,
    extractor_version  VARCHAR,
    report_path        VARCHAR,
    message            VARCHAR
);

-- Bookkeeping of applied migrations; created before anything else.
CREATE TABLE IF NOT EXISTS main.schema_migrations (
    version    VARCHAR PRIMARY KEY,
    file_name  VARCHAR NOT NULL,
    checksum   VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

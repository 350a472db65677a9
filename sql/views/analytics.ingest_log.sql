CREATE OR REPLACE VIEW analytics.ingest_log AS
SELECT run_id, source_file, status, reason, detail, content_hash, article_id, logged_at
FROM core.ingest_log;

COMMENT ON VIEW analytics.ingest_log IS 'What happened to every input file in every run.';
COMMENT ON COLUMN analytics.ingest_log.run_id IS 'The run (analytics.runs).';
COMMENT ON COLUMN analytics.ingest_log.source_file IS 'Path relative to the input folder; %, #, control characters and bytes that are not UTF-8 written as %XX (reversible); JSONL lines: path#L<line>.';
COMMENT ON COLUMN analytics.ingest_log.status IS 'loaded, duplicate, unchanged or quarantined; abandoned when the run died before publishing (the next run reads the file again).';
COMMENT ON COLUMN analytics.ingest_log.reason IS 'Reason code: new, changed, same_content, empty_file, binary_file, undecodable, too_large, invalid_json, no_text, too_short, unsupported_format, no_main_content, too_deep, not_regular_file, outside_input, unreadable, internal_error.';
COMMENT ON COLUMN analytics.ingest_log.detail IS 'Human-readable explanation.';
COMMENT ON COLUMN analytics.ingest_log.content_hash IS 'SHA-256 of the raw bytes (JSONL: of the line).';
COMMENT ON COLUMN analytics.ingest_log.article_id IS 'The article the file holds, if any.';
COMMENT ON COLUMN analytics.ingest_log.logged_at IS 'When the file was processed (UTC).';

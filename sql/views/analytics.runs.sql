CREATE OR REPLACE VIEW analytics.runs AS
SELECT run_id, kind, started_at, finished_at, status, files_seen, articles_loaded, duplicates,
       unchanged, quarantined, articles_extracted, retracted, extractor_version, report_path, owner, message
FROM core.runs;

COMMENT ON VIEW analytics.runs IS 'Every pipeline run, published or not, with its counts and report.';
COMMENT ON COLUMN analytics.runs.run_id IS 'Run id (also the name of its report folder).';
COMMENT ON COLUMN analytics.runs.kind IS 'ingest (new files) or backfill (re-extraction of existing articles).';
COMMENT ON COLUMN analytics.runs.started_at IS 'Start time (UTC).';
COMMENT ON COLUMN analytics.runs.finished_at IS 'End time (UTC); null while running.';
COMMENT ON COLUMN analytics.runs.status IS 'running, loaded (awaiting audit), published, failed (nothing published) or abandoned (its process died; a later run removed its rows).';
COMMENT ON COLUMN analytics.runs.files_seen IS 'Input files (JSONL: lines) seen.';
COMMENT ON COLUMN analytics.runs.articles_loaded IS 'New articles loaded.';
COMMENT ON COLUMN analytics.runs.duplicates IS 'Files whose article was already known.';
COMMENT ON COLUMN analytics.runs.unchanged IS 'Files already processed with the same content.';
COMMENT ON COLUMN analytics.runs.quarantined IS 'Files rejected with a reason (see analytics.ingest_log).';
COMMENT ON COLUMN analytics.runs.articles_extracted IS 'Articles run through the extractors.';
COMMENT ON COLUMN analytics.runs.retracted IS 'Published articles this run retracted: their file became empty, quarantined or was deleted (kept in core.articles with the reason).';
COMMENT ON COLUMN analytics.runs.extractor_version IS 'Extractor version used by the run.';
COMMENT ON COLUMN analytics.runs.report_path IS 'The run''s data-quality summary (HTML).';
COMMENT ON COLUMN analytics.runs.owner IS 'Who ran it: process id, host and what started it (etl run, an Airflow step).';
COMMENT ON COLUMN analytics.runs.message IS 'Why the run failed, or a short outcome.';

-- Files behind a high quarantine share: the run's quarantined files, most frequent reason first.
SELECT l.source_file, l.reason, l.detail
FROM core.ingest_log l
WHERE l.run_id = $run_id AND l.status = 'quarantined'
ORDER BY count(*) OVER (PARTITION BY l.reason) DESC, l.reason, l.source_file;

-- Audit frame: what happened to every input file of run $run_id.
SELECT l.source_file,
       l.status,
       l.reason,
       l.detail,
       l.content_hash,
       l.article_id
FROM core.ingest_log l
WHERE l.run_id = $run_id
ORDER BY l.source_file;

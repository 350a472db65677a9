-- Files logged as loaded by run $run_id whose article is not in core.articles.
SELECT l.source_file, l.article_id, l.content_hash
FROM core.ingest_log l
WHERE l.run_id = $run_id AND l.status = 'loaded'
  AND (l.article_id IS NULL OR l.article_id NOT IN (SELECT article_id FROM core.articles))
ORDER BY l.source_file;

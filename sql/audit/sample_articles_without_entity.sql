-- Articles behind a low entity rate: the run's extracted de/en articles without any entity mention, shortest first.
SELECT a.article_id, a.source_file, a.language, a.word_count, a.title, left(a.text, 300) AS text_start
FROM core.articles a
WHERE a.language IN ('de', 'en')
  AND a.article_id IN (SELECT article_id FROM core.extractions WHERE run_id = $run_id
                       UNION SELECT article_id FROM core.articles WHERE run_id = $run_id)
  AND NOT EXISTS (SELECT 1 FROM core.entity_mentions m WHERE m.run_id = $run_id AND m.article_id = a.article_id)
ORDER BY a.word_count, a.article_id;

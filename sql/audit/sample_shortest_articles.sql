-- Articles behind a drop in words or extractions per article: the run's loaded articles, shortest first.
SELECT a.article_id, a.source_file, a.language, a.word_count,
       (SELECT count(*) FROM core.entity_mentions m WHERE m.run_id = $run_id AND m.article_id = a.article_id) AS mentions,
       (SELECT count(*) FROM core.amounts m WHERE m.run_id = $run_id AND m.article_id = a.article_id) AS amounts,
       a.title, left(a.text, 300) AS text_start
FROM core.articles a
WHERE a.run_id = $run_id
ORDER BY a.word_count, a.article_id;

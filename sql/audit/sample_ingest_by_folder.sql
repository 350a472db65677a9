-- Behind a volume or language-mix change: the run's files per top-level input folder, status and language.
SELECT split_part(l.source_file, '/', 1) AS folder,
       l.status,
       coalesce(a.language, '') AS language,
       count(*) AS files
FROM core.ingest_log l
LEFT JOIN core.articles a ON a.article_id = l.article_id
WHERE l.run_id = $run_id
GROUP BY ALL
ORDER BY files DESC, folder, l.status, language;

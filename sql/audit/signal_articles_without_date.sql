-- Signal: articles of run $run_id without published_at: their money is converted at a date from the
-- text or at the run's date (fx_date_source says which), rather than at the publication date.
SELECT a.article_id, a.source_file, a.title,
       (SELECT count(*) FROM core.amounts m
         WHERE m.run_id = $run_id AND m.article_id = a.article_id AND m.kind = 'money') AS money_amounts,
       (SELECT max(m.fx_date) FROM core.amounts m
         WHERE m.run_id = $run_id AND m.article_id = a.article_id) AS fx_date,
       (SELECT max(m.fx_date_source) FROM core.amounts m
         WHERE m.run_id = $run_id AND m.article_id = a.article_id) AS fx_date_source,
       (SELECT max(m.fx_year) FROM core.amounts m
         WHERE m.run_id = $run_id AND m.article_id = a.article_id) AS fx_year
FROM core.articles a
WHERE a.run_id = $run_id AND a.published_at IS NULL
ORDER BY money_amounts DESC, a.article_id;

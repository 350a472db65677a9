-- Audit frame: one row of run-level figures for run $run_id (always exactly one row, even for an unknown run).
-- extracted: the run's de/en articles (an ingest run extracts every one it loads) plus any article
-- the run recorded in core.extractions (a backfill); no_entity: those without a single mention in this run.
-- Reads only the run's rows and, by key, the articles they name.
WITH log AS (
    SELECT status, article_id FROM core.ingest_log WHERE run_id = $run_id
),
run_articles AS (
    SELECT article_id, language FROM core.articles WHERE run_id = $run_id
),
reextracted AS (
    SELECT article_id, language FROM core.articles
    WHERE article_id IN (SELECT article_id FROM core.extractions WHERE run_id = $run_id
                         EXCEPT
                         SELECT article_id FROM run_articles)
),
extracted AS (
    SELECT article_id FROM run_articles WHERE language IN ('de', 'en')
    UNION
    SELECT article_id FROM reextracted WHERE language IN ('de', 'en')
),
loaded_found AS (
    SELECT article_id FROM core.articles
    WHERE article_id IN (SELECT article_id FROM log WHERE status = 'loaded')
),
run_mentions AS (
    SELECT DISTINCT article_id FROM core.entity_mentions WHERE run_id = $run_id
),
counts AS (
    SELECT
        (SELECT count(*) FROM log) AS files_seen,
        (SELECT count(*) FROM log WHERE status = 'loaded') AS files_loaded,
        (SELECT count(*) FROM log WHERE status = 'duplicate') AS files_duplicate,
        (SELECT count(*) FROM log WHERE status = 'unchanged') AS files_unchanged,
        (SELECT count(*) FROM log WHERE status = 'quarantined') AS files_quarantined,
        (SELECT count(*) FROM log
          WHERE status = 'loaded'
            AND (article_id IS NULL
                 OR article_id NOT IN (SELECT article_id FROM loaded_found))) AS loaded_articles_missing,
        (SELECT count(*) FROM run_articles) AS articles_loaded,
        (SELECT count(*) FROM extracted) AS articles_extracted,
        (SELECT count(*) FROM extracted
          WHERE article_id NOT IN (SELECT article_id FROM run_mentions)) AS articles_without_entity
)
SELECT $run_id AS run_id,
       files_seen,
       files_loaded,
       files_duplicate,
       files_unchanged,
       files_quarantined,
       CASE WHEN files_seen = 0 THEN 0.0 ELSE files_quarantined / files_seen END AS quarantined_share,
       loaded_articles_missing,
       articles_loaded,
       articles_extracted,
       articles_without_entity,
       CASE WHEN articles_extracted = 0 THEN 0.0 ELSE articles_without_entity / articles_extracted END AS no_entity_share
FROM counts;

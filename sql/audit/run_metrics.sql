-- Figures of run $run_id for the history checks and the quality site, as (metric, value) rows.
-- Languages and quarantine reasons become one metric each (articles_de, quarantined:empty_file).
-- Rates are per extracted de/en article of the run; words_per_article over the run's loaded articles.
WITH log AS (
    SELECT status, reason FROM core.ingest_log WHERE run_id = $run_id
),
loaded AS (
    SELECT language, word_count, published_at FROM core.articles WHERE run_id = $run_id
),
extracted AS (
    SELECT DISTINCT x.article_id
    FROM (SELECT article_id FROM core.extractions WHERE run_id = $run_id
          UNION ALL
          SELECT article_id FROM core.articles WHERE run_id = $run_id AND language IN ('de', 'en')) x
),
n AS (
    SELECT (SELECT count(*) FROM extracted) AS extracted,
           (SELECT count(*) FROM loaded) AS loaded
),
figures AS (
    SELECT 'files_seen' AS metric, count(*)::DOUBLE AS value FROM log
    UNION ALL SELECT 'files_' || s, (SELECT count(*) FROM log WHERE status = s)
              FROM (VALUES ('loaded'), ('duplicate'), ('unchanged'), ('quarantined')) v(s)
    UNION ALL SELECT 'quarantined_share',
              CASE WHEN (SELECT count(*) FROM log) = 0 THEN 0.0
                   ELSE (SELECT count(*) FROM log WHERE status = 'quarantined') / (SELECT count(*) FROM log) END
    UNION ALL SELECT 'quarantined:' || coalesce(reason, 'none'), count(*) FROM log
              WHERE status = 'quarantined' GROUP BY reason
    UNION ALL SELECT 'articles_loaded', loaded FROM n
    UNION ALL SELECT 'articles_' || l, (SELECT count(*) FROM loaded WHERE language = l)
              FROM (VALUES ('de'), ('en'), ('other')) v(l)
    UNION ALL SELECT 'share_' || l,
              CASE WHEN (SELECT loaded FROM n) = 0 THEN NULL
                   ELSE (SELECT count(*) FROM loaded WHERE language = l) / (SELECT loaded FROM n) END
              FROM (VALUES ('de'), ('en'), ('other')) v(l)
    UNION ALL SELECT 'words_per_article', avg(word_count) FROM loaded
    UNION ALL SELECT 'articles_extracted', extracted FROM n
    UNION ALL SELECT 'mentions', count(*) FROM core.entity_mentions WHERE run_id = $run_id
    UNION ALL SELECT 'amounts', count(*) FROM core.amounts WHERE run_id = $run_id
    UNION ALL SELECT 'lawsuits', count(*) FROM core.lawsuits WHERE run_id = $run_id
    UNION ALL SELECT 'mentions_per_article', CASE WHEN extracted = 0 THEN NULL ELSE
              (SELECT count(*) FROM core.entity_mentions WHERE run_id = $run_id) / extracted END FROM n
    UNION ALL SELECT 'amounts_per_article', CASE WHEN extracted = 0 THEN NULL ELSE
              (SELECT count(*) FROM core.amounts WHERE run_id = $run_id) / extracted END FROM n
    UNION ALL SELECT 'lawsuits_per_article', CASE WHEN extracted = 0 THEN NULL ELSE
              (SELECT count(*) FROM core.lawsuits WHERE run_id = $run_id) / extracted END FROM n
    UNION ALL SELECT 'no_entity_share', CASE WHEN extracted = 0 THEN NULL ELSE
              (SELECT count(*) FROM extracted x WHERE NOT EXISTS (
                   SELECT 1 FROM core.entity_mentions m WHERE m.run_id = $run_id AND m.article_id = x.article_id))
              / extracted END FROM n
)
SELECT metric, value FROM figures ORDER BY metric;

-- The articles a run's extracted rows point into, by key: the run's own articles or, for a
-- backfill, the published articles the run re-extracted; never the text of any other article.
-- The audit frames (sql/audit/audit_*.sql) join their rows to it, so the audit reads what the
-- night brought, not the warehouse.
CREATE OR REPLACE MACRO core.run_articles(run) AS TABLE
    SELECT article_id, text FROM core.articles WHERE run_id = run
    UNION ALL
    SELECT article_id, text FROM core.articles
    WHERE published AND article_id IN (
        SELECT article_id FROM core.extractions WHERE run_id = run
        EXCEPT
        SELECT article_id FROM core.articles WHERE run_id = run);

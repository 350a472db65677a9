-- The figures of the last $window published ingest runs that started before run $run_id and loaded
-- articles: the history tonight's run is compared with (etl/quality/history.py takes their medians).
WITH earlier AS (
    SELECT r.run_id, r.started_at
    FROM core.runs r
    WHERE r.kind = 'ingest' AND r.status = 'published' AND r.run_id <> $run_id
      AND r.started_at < (SELECT coalesce(max(started_at), now()) FROM core.runs WHERE run_id = $run_id)
      AND EXISTS (SELECT 1 FROM core.run_metrics m
                  WHERE m.run_id = r.run_id AND m.metric = 'articles_loaded' AND m.value > 0)
    ORDER BY r.started_at DESC
    LIMIT $window
)
SELECT e.run_id, m.metric, m.value
FROM earlier e JOIN core.run_metrics m USING (run_id)
ORDER BY e.started_at, m.metric;

-- Audit frame: lawsuits extracted by run $run_id; span_ok checks evidence_text against the article's text.
-- amount_found: a linked amount_id names an amount of the same run and article.
-- Reads only the run's rows and, by key, the articles they point to (core.run_articles).
WITH l AS (
    SELECT * FROM core.lawsuits WHERE run_id = $run_id
),
a AS (
    SELECT * FROM core.run_articles($run_id)
),
run_amounts AS (
    SELECT amount_id, article_id FROM core.amounts WHERE run_id = $run_id
)
SELECT l.lawsuit_id,
       l.article_id,
       l.claim,
       l.status,
       l.court,
       l.amount_text,
       l.amount_id,
       l.evidence_text,
       l.start_char,
       l.end_char,
       l.extractor_version,
       a.article_id IS NOT NULL AS article_found,
       (l.amount_id IS NULL OR EXISTS (
            SELECT 1 FROM run_amounts x WHERE x.amount_id = l.amount_id AND x.article_id = l.article_id
       )) AS amount_found,
       coalesce(l.start_char >= 0
                AND l.end_char > l.start_char
                AND l.end_char <= length(a.text)
                AND substr(a.text, l.start_char + 1, l.end_char - l.start_char) = l.evidence_text,
                false) AS span_ok
FROM l
LEFT JOIN a ON a.article_id = l.article_id
ORDER BY l.article_id, l.start_char, l.lawsuit_id;

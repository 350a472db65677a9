-- Audit frame: amounts extracted by run $run_id, with their article's text checked.
-- Reads only the run's rows and, by key, the articles they point to (core.run_articles).
WITH m AS (
    SELECT * FROM core.amounts WHERE run_id = $run_id
),
a AS (
    SELECT * FROM core.run_articles($run_id)
)
SELECT m.amount_id,
       m.article_id,
       m.mention_text,
       m.start_char,
       m.end_char,
       m.kind,
       m.value,
       m.value_max,
       m.unit,
       m.qualifier,
       m.category,
       m.vague,
       m.currency_assumed,
       m.value_usd,
       m.extractor_version,
       a.article_id IS NOT NULL AS article_found,
       coalesce(m.start_char >= 0
                AND m.end_char > m.start_char
                AND m.end_char <= length(a.text)
                AND substr(a.text, m.start_char + 1, m.end_char - m.start_char) = m.mention_text,
                false) AS span_ok
FROM m
LEFT JOIN a ON a.article_id = m.article_id
ORDER BY m.article_id, m.start_char, m.amount_id;

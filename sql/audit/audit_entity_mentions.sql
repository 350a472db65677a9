-- Audit frame: entity mentions extracted by run $run_id, with their article's text checked.
-- Reads only the run's rows and, by key, the articles they point to (core.run_articles: the run's
-- own articles or, for a backfill, the published articles it re-extracted; no other article's text).
-- span_ok: offsets inside the text and substr(text, start_char + 1, end_char - start_char) = mention_text.
WITH m AS (
    SELECT * FROM core.entity_mentions WHERE run_id = $run_id
),
a AS (
    SELECT * FROM core.run_articles($run_id)
)
SELECT m.article_id,
       m.entity_id,
       m.name,
       m.entity_type,
       m.mention_text,
       m.start_char,
       m.end_char,
       m.extractor_version,
       a.article_id IS NOT NULL AS article_found,
       e.entity_id IS NOT NULL AS entity_found,
       coalesce(m.start_char >= 0
                AND m.end_char > m.start_char
                AND m.end_char <= length(a.text)
                AND substr(a.text, m.start_char + 1, m.end_char - m.start_char) = m.mention_text,
                false) AS span_ok
FROM m
LEFT JOIN a ON a.article_id = m.article_id
LEFT JOIN core.entities e ON e.entity_id = m.entity_id
ORDER BY m.article_id, m.start_char, m.end_char;

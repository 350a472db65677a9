-- Audit frame: the articles loaded by run $run_id (one row each).
-- text_starts_with_title: articles.text is the title, a blank line, the body (or only the title,
-- for an input whose whole text is one line).
SELECT a.article_id,
       a.source_file,
       a.title,
       a.language,
       a.word_count,
       a.content_hash,
       length(a.text) AS text_chars,
       (a.text = a.title OR starts_with(a.text, a.title || chr(10) || chr(10))) AS text_starts_with_title
FROM core.articles a
WHERE a.run_id = $run_id
ORDER BY a.article_id;

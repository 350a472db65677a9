-- Signal: money amounts of run $run_id without a stated currency (none found, or only assumed), so value_usd is missing or a guess.
SELECT m.article_id, m.mention_text, m.value, m.unit, m.currency_assumed, m.value_usd
FROM core.amounts m
WHERE m.run_id = $run_id AND m.kind = 'money' AND (m.unit IS NULL OR m.currency_assumed)
ORDER BY m.article_id, m.start_char;

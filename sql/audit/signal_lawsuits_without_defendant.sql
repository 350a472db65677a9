-- Signal: lawsuits of run $run_id with no defendant among their parties.
SELECT l.article_id, l.lawsuit_id, l.claim, l.status, l.evidence_text
FROM core.lawsuits l
WHERE l.run_id = $run_id
  AND NOT EXISTS (SELECT 1 FROM core.lawsuit_parties p
                  WHERE p.run_id = l.run_id AND p.lawsuit_id = l.lawsuit_id AND p.role = 'defendant')
ORDER BY l.article_id, l.start_char;

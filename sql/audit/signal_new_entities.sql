-- Signal: entities first seen in run $run_id, most mentioned first (a new name in every article is a tagging problem).
SELECT e.entity_id, e.name, e.entity_type,
       count(*) AS mentions, count(DISTINCT m.article_id) AS articles,
       min(m.article_id) AS article_id
FROM core.entities e
JOIN core.entity_mentions m ON m.entity_id = e.entity_id AND m.run_id = $run_id
WHERE e.first_run_id = $run_id
GROUP BY e.entity_id, e.name, e.entity_type
ORDER BY mentions DESC, articles DESC, e.name;

-- How much did which organisation invest, in US dollars?
SELECT e.name, count(*) AS amounts, round(sum(a.value_usd) / 1e6, 1) AS usd_millions
FROM analytics.amounts a
JOIN analytics.entities e ON e.entity_id = a.subject_entity_id
WHERE a.kind = 'money' AND a.category = 'investment'
GROUP BY e.name
ORDER BY usd_millions DESC NULLS LAST;

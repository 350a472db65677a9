-- Which entities appear together in the same articles?
SELECT a.name AS entity, b.name AS with_entity, count(DISTINCT a.article_id) AS articles
FROM analytics.entity_mentions a
JOIN analytics.entity_mentions b ON a.article_id = b.article_id AND a.entity_id < b.entity_id
GROUP BY ALL
ORDER BY articles DESC
LIMIT 20;

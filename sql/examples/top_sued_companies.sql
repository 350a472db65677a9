-- Which organisations are sued most often, and over what?
SELECT p.name, count(DISTINCT l.lawsuit_id) AS lawsuits, list(DISTINCT l.claim) AS claims
FROM analytics.lawsuit_parties p
JOIN analytics.lawsuits l USING (lawsuit_id)
WHERE p.role = 'defendant'
GROUP BY p.name
ORDER BY lawsuits DESC
LIMIT 20;

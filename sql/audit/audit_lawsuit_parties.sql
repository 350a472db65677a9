-- Audit frame: lawsuit parties extracted by run $run_id; lawsuit_found: the party's lawsuit is in the same run.
SELECT p.lawsuit_id,
       p.role,
       p.name,
       p.entity_id,
       EXISTS (SELECT 1 FROM core.lawsuits l
               WHERE l.run_id = p.run_id AND l.lawsuit_id = p.lawsuit_id) AS lawsuit_found
FROM core.lawsuit_parties p
WHERE p.run_id = $run_id
ORDER BY p.lawsuit_id, p.role, p.name;

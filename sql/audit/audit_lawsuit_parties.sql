-- Audit frame: lawsuit parties extracted by run $run_id; lawsuit_found: the party's lawsuit is in the same run.
-- Reads only the run's rows.
WITH run_lawsuits AS (
    SELECT lawsuit_id FROM core.lawsuits WHERE run_id = $run_id
)
SELECT p.lawsuit_id,
       p.role,
       p.name,
       p.entity_id,
       p.lawsuit_id IN (SELECT lawsuit_id FROM run_lawsuits) AS lawsuit_found
FROM core.lawsuit_parties p
WHERE p.run_id = $run_id
ORDER BY p.lawsuit_id, p.role, p.name;

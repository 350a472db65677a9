-- The run lifecycle (etl/warehouse/runs.py): who runs a run, whether it holds the run lock for its
-- whole life (etl run; an Airflow run takes the lock per step), and what its publish retracted.
-- Statuses: running -> loaded -> published, or failed, or abandoned (its process died).
ALTER TABLE core.runs ADD COLUMN owner VARCHAR;                       -- e.g. "pid 4242 on host nightly-1"
ALTER TABLE core.runs ADD COLUMN holds_lock BOOLEAN DEFAULT false;    -- true: the run lock is held from start to finish
ALTER TABLE core.runs ADD COLUMN retracted INTEGER DEFAULT 0;         -- articles retracted by this run's publish

-- A published article whose source file became empty, quarantined or was deleted is retracted:
-- it leaves the analytics views (published = false, here and on its extracted rows) but stays in
-- core with the run that retracted it and why.
ALTER TABLE core.articles ADD COLUMN retracted_at TIMESTAMPTZ;
ALTER TABLE core.articles ADD COLUMN retracted_by VARCHAR;      -- run_id of the retracting run
ALTER TABLE core.articles ADD COLUMN retraction VARCHAR;        -- why, e.g. "file deleted", "file quarantined (empty_file)"

CREATE OR REPLACE VIEW analytics.dq_results AS
SELECT run_id, suite, expectation, column_name, success, blocking, observed_value, details, checked_at
FROM core.dq_results;

COMMENT ON VIEW analytics.dq_results IS 'Great Expectations results of every run''s audit.';
COMMENT ON COLUMN analytics.dq_results.run_id IS 'The run (analytics.runs).';
COMMENT ON COLUMN analytics.dq_results.suite IS 'Expectation suite: one per audited table, run (run-level figures) and history (tonight against the medians of earlier runs).';
COMMENT ON COLUMN analytics.dq_results.expectation IS 'Expectation type with its main arguments.';
COMMENT ON COLUMN analytics.dq_results.column_name IS 'The column checked, if any.';
COMMENT ON COLUMN analytics.dq_results.success IS 'Whether the expectation passed.';
COMMENT ON COLUMN analytics.dq_results.blocking IS 'A failed blocking expectation stops the run from being published.';
COMMENT ON COLUMN analytics.dq_results.observed_value IS 'What was observed (e.g. unexpected count or value).';
COMMENT ON COLUMN analytics.dq_results.details IS 'Sample of unexpected values, as JSON.';
COMMENT ON COLUMN analytics.dq_results.checked_at IS 'When the audit ran (UTC).';

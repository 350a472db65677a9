-- Rows behind a run's failing or warning checks and its extraction signals, kept with the audit's
-- results: a failed run's data rows are deleted, these stay so its report can show what failed.
CREATE TABLE core.dq_samples (
    run_id      VARCHAR NOT NULL,
    suite       VARCHAR NOT NULL,   -- a suite of core.dq_results, or 'signals'
    check_name  VARCHAR NOT NULL,   -- core.dq_results.expectation, or the signal's name
    position    INTEGER NOT NULL,   -- 0-based order within the sample
    article_id  VARCHAR,
    row_json    VARCHAR NOT NULL,   -- the sampled row as a JSON object
    PRIMARY KEY (run_id, suite, check_name, position)
);

-- One row per expectation evaluated by the audit of a run.
CREATE TABLE core.dq_results (
    run_id         VARCHAR NOT NULL,
    suite          VARCHAR NOT NULL,
    expectation    VARCHAR NOT NULL,
    column_name    VARCHAR,
    success        BOOLEAN NOT NULL,
    blocking       BOOLEAN NOT NULL,
    observed_value VARCHAR,
    details        VARCHAR,
    checked_at     TIMESTAMPTZ NOT NULL
);

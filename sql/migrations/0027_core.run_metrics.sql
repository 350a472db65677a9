-- Figures of each audited run (volumes, language mix, quarantine by reason, extraction rates,
-- signal counts), recorded by the audit: the history the next runs are checked against and the
-- quality site's charts. Kept when a run fails.
CREATE TABLE core.run_metrics (
    run_id  VARCHAR NOT NULL,
    metric  VARCHAR NOT NULL,   -- e.g. articles_de, share_de, quarantined:empty_file, mentions_per_article
    value   DOUBLE,
    PRIMARY KEY (run_id, metric)
);

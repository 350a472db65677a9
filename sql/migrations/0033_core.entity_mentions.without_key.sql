-- entity_mentions without its primary key: the key's index took 4.6 times the table's own data
-- (1.6 GB at 835k articles) and no query looks mentions up by it. Rows are written only by load,
-- one run's extraction output at a time; the audit checks the run's rows (spans inside the article
-- text, every mention's entity and article present). DuckDB cannot drop a key: rebuild the table.
CREATE TABLE core.entity_mentions_new (
    run_id            VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    entity_id         VARCHAR NOT NULL,
    name              VARCHAR NOT NULL,
    entity_type       VARCHAR NOT NULL,
    mention_text      VARCHAR NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    published         BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO core.entity_mentions_new
SELECT run_id, article_id, entity_id, name, entity_type, mention_text, start_char, end_char, extractor_version, published
FROM core.entity_mentions
ORDER BY run_id, article_id, start_char, end_char;
DROP TABLE core.entity_mentions;
ALTER TABLE core.entity_mentions_new RENAME TO entity_mentions;

CREATE OR REPLACE VIEW analytics.lawsuits AS
SELECT lawsuit_id, article_id, claim, status, court, amount_text, amount_id, evidence_text,
       start_char, end_char, defendants_generic, run_id, extractor_version
FROM core.lawsuits
WHERE published;

COMMENT ON VIEW analytics.lawsuits IS 'One row per legal proceeding reported in a published article.';
COMMENT ON COLUMN analytics.lawsuits.lawsuit_id IS 'Stable id: hash of article and evidence offsets.';
COMMENT ON COLUMN analytics.lawsuits.article_id IS 'The article (analytics.articles).';
COMMENT ON COLUMN analytics.lawsuits.claim IS 'copyright, patent, trademark, antitrust, privacy, fraud, securities, contract, labor, defamation, product_liability, tax, criminal or other.';
COMMENT ON COLUMN analytics.lawsuits.status IS 'threatened, filed, pending, ruled, dismissed, settled, appealed or unknown.';
COMMENT ON COLUMN analytics.lawsuits.court IS 'The court as named in the article, else null.';
COMMENT ON COLUMN analytics.lawsuits.amount_text IS 'Claimed damages, fine or settlement as written, else null.';
COMMENT ON COLUMN analytics.lawsuits.amount_id IS 'The matching row of analytics.amounts, if any.';
COMMENT ON COLUMN analytics.lawsuits.evidence_text IS 'The sentence that states the case.';
COMMENT ON COLUMN analytics.lawsuits.start_char IS 'Start offset of evidence_text in analytics.articles.text.';
COMMENT ON COLUMN analytics.lawsuits.end_char IS 'End offset (exclusive) of evidence_text.';
COMMENT ON COLUMN analytics.lawsuits.defendants_generic IS 'Unnamed defendants counted or indefinite, in the article''s words ("drei frühere Vorstände", "a former contractor"); not in analytics.lawsuit_parties. Null when none, and for rows extracted before this column existed.';
COMMENT ON COLUMN analytics.lawsuits.run_id IS 'The run that extracted this row.';
COMMENT ON COLUMN analytics.lawsuits.extractor_version IS 'Version of the extractors that produced this row.';

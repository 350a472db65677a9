CREATE OR REPLACE VIEW analytics.amounts AS
SELECT amount_id, article_id, mention_text, start_char, end_char, kind, value, value_max,
       unit, qualifier, category, value_usd, fx_rate, fx_year, currency_assumed, vague,
       subject_entity_id, run_id, extractor_version
FROM core.amounts
WHERE published;

COMMENT ON VIEW analytics.amounts IS 'Every amount (money, percent, count, multiple) in published articles, normalised.';
COMMENT ON COLUMN analytics.amounts.amount_id IS 'Stable id: hash of article, offsets and kind.';
COMMENT ON COLUMN analytics.amounts.article_id IS 'The article (analytics.articles).';
COMMENT ON COLUMN analytics.amounts.mention_text IS 'The amount as written, e.g. "bis zu 10 Mrd.".';
COMMENT ON COLUMN analytics.amounts.start_char IS 'Start offset (0-based, characters) into analytics.articles.text.';
COMMENT ON COLUMN analytics.amounts.end_char IS 'End offset (exclusive) into analytics.articles.text.';
COMMENT ON COLUMN analytics.amounts.kind IS 'money, percent, count or multiple.';
COMMENT ON COLUMN analytics.amounts.value IS 'The number with its scale applied (1 Milliarde = 1e9; German Billion = 1e12); low end of a range; null if vague.';
COMMENT ON COLUMN analytics.amounts.value_max IS 'High end of a range, else null.';
COMMENT ON COLUMN analytics.amounts.unit IS 'money: ISO 4217 code; percent: %, pp or bp; multiple: x; count: the counted noun as written.';
COMMENT ON COLUMN analytics.amounts.qualifier IS 'exact, approx (rund, about), upper (bis zu, up to), lower (über, more than) or range.';
COMMENT ON COLUMN analytics.amounts.category IS 'What the amount is about: investment, valuation, revenue, profit_loss, cost, funding, price, stake, jobs, users, fine_damages, other.';
COMMENT ON COLUMN analytics.amounts.value_usd IS 'Money converted to US dollars at the yearly average rate of the article year (else the run year); null for unknown currencies and non-money.';
COMMENT ON COLUMN analytics.amounts.fx_rate IS 'US dollars per unit of the currency used for value_usd.';
COMMENT ON COLUMN analytics.amounts.fx_year IS 'The year whose average rate was used.';
COMMENT ON COLUMN analytics.amounts.currency_assumed IS 'True when the currency was inferred (a bare "Dollar", "Mrd." without currency).';
COMMENT ON COLUMN analytics.amounts.vague IS 'True for amounts without a number ("Milliarden Dollar"); value is null.';
COMMENT ON COLUMN analytics.amounts.subject_entity_id IS 'The organisation or person the amount belongs to, when the sentence says so (analytics.entities).';
COMMENT ON COLUMN analytics.amounts.run_id IS 'The run that extracted this row.';
COMMENT ON COLUMN analytics.amounts.extractor_version IS 'Version of the extractors that produced this row.';

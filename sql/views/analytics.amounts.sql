CREATE OR REPLACE VIEW analytics.amounts AS
SELECT m.amount_id, m.article_id, m.mention_text, m.start_char, m.end_char, m.kind, m.value, m.value_max,
       m.unit, m.qualifier, m.category, m.value_usd, m.fx_rate, m.fx_year, m.currency_assumed, m.vague,
       m.subject_entity_id, m.run_id, m.extractor_version,
       m.fx_date,
       CASE WHEN m.fx_rate IS NULL THEN NULL
            WHEN m.fx_date_source IS NOT NULL THEN m.fx_date_source
            WHEN a.published_at IS NOT NULL THEN 'published_at'
            ELSE 'run_date' END AS fx_date_source
FROM core.amounts m
LEFT JOIN core.articles a ON a.article_id = m.article_id AND a.published
WHERE m.published;

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
COMMENT ON COLUMN analytics.amounts.value_usd IS 'Money in US dollars = value * fx_rate, at the European Central Bank euro reference rate of fx_date (rows without fx_date: the mean of the ECB fixings of fx_year); null for currencies the ECB does not quote on that date, and for non-money.';
COMMENT ON COLUMN analytics.amounts.fx_rate IS 'US dollars per unit of the currency used for value_usd (ECB: USD per EUR divided by the currency per EUR).';
COMMENT ON COLUMN analytics.amounts.fx_year IS 'The year of the rate used (of fx_date when set, else the year whose mean fixing was used).';
COMMENT ON COLUMN analytics.amounts.fx_date IS 'The ECB reference date whose fixing was used: the article date, or the last fixing before it (weekends, holidays, dates after the bundled ECB data); null for rows converted at a yearly mean.';
COMMENT ON COLUMN analytics.amounts.fx_date_source IS 'Where the conversion date came from: published_at (the article''s metadata), text (a date written at the top of the article) or run_date (the article gives no date: converted at the run''s date). Null when nothing was converted.';
COMMENT ON COLUMN analytics.amounts.currency_assumed IS 'True when the currency was inferred (a bare "Dollar", "Mrd." without currency).';
COMMENT ON COLUMN analytics.amounts.vague IS 'True for amounts without a number ("Milliarden Dollar"); value is null.';
COMMENT ON COLUMN analytics.amounts.subject_entity_id IS 'The organisation or person the amount belongs to, when the sentence says so (analytics.entities).';
COMMENT ON COLUMN analytics.amounts.run_id IS 'The run that extracted this row.';
COMMENT ON COLUMN analytics.amounts.extractor_version IS 'Version of the extractors that produced this row.';

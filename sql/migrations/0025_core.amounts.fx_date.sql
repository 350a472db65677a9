-- Which ECB fixing converted an amount to USD: the reference date used, and where the article's
-- date came from (published_at, text or run_date; see etl/extract/fx.py). Null for rows
-- extracted before this column existed, and for amounts without a conversion.
ALTER TABLE core.amounts ADD COLUMN fx_date DATE;
ALTER TABLE core.amounts ADD COLUMN fx_date_source VARCHAR;

-- Second half of 0031: the zstd copy of the text becomes the text column.
ALTER TABLE core.articles DROP COLUMN text;
ALTER TABLE core.articles RENAME COLUMN text_zstd TO text;
ALTER TABLE core.articles ALTER COLUMN text SET NOT NULL;

CREATE OR REPLACE VIEW analytics.articles AS
SELECT article_id, source_file, source_ref, title, text, language, published_at,
       word_count, url, source, run_id, ingested_at
FROM core.articles
WHERE published;

COMMENT ON VIEW analytics.articles IS 'One row per published article (the same content in several files is one article).';
COMMENT ON COLUMN analytics.articles.article_id IS 'Stable id: hash of the cleaned text; the same content always gets the same id.';
COMMENT ON COLUMN analytics.articles.source_file IS 'Path of the input file relative to the input folder (%, #, control characters and bytes that are not UTF-8 written as %XX, reversible; JSONL lines: path#L<line>); the first file that held this content.';
COMMENT ON COLUMN analytics.articles.source_ref IS 'Scraper marker removed from the text, e.g. source-116; null if none.';
COMMENT ON COLUMN analytics.articles.title IS 'Title: first non-empty line of a text file, or the title field / HTML title.';
COMMENT ON COLUMN analytics.articles.text IS 'Cleaned article: title, a blank line, the body. All offsets point into this text.';
COMMENT ON COLUMN analytics.articles.language IS 'Detected language: de, en or other (other is loaded but not extracted).';
COMMENT ON COLUMN analytics.articles.published_at IS 'Publication time from the source (JSON field or HTML metadata); null if unknown.';
COMMENT ON COLUMN analytics.articles.word_count IS 'Number of whitespace-separated words in text.';
COMMENT ON COLUMN analytics.articles.url IS 'Source URL when the input gives one.';
COMMENT ON COLUMN analytics.articles.source IS 'Publisher or feed name when the input gives one.';
COMMENT ON COLUMN analytics.articles.run_id IS 'The run that loaded the article.';
COMMENT ON COLUMN analytics.articles.ingested_at IS 'When the article was ingested (UTC).';

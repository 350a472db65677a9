-- Unnamed defendants counted or indefinite, in the article's words (ANNOTATION.md's
-- defendants_generic); they are no rows of core.lawsuit_parties. Null when the case has none,
-- and for rows extracted before this column existed.
ALTER TABLE core.lawsuits ADD COLUMN defendants_generic VARCHAR;

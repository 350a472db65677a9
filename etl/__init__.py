"""Article warehouse: ingest news articles, extract entities, amounts and lawsuits into DuckDB."""

__version__ = "0.1.0"

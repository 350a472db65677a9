"""Text -> entities, amounts, lawsuits. Pure functions: no I/O beyond loading the shipped models."""
from __future__ import annotations

from etl.extract.model import Amount, ArticleExtraction, EntityMention, Lawsuit, LawsuitParty

# Bump when any extractor's output can change: every extracted row records it,
# and `etl backfill` reprocesses articles extracted by an older version.
EXTRACTOR_VERSION = "0.1.0"

__all__ = ["extract", "ArticleExtraction", "EntityMention", "Amount", "Lawsuit", "LawsuitParty", "EXTRACTOR_VERSION"]


def extract(text: str, language: str) -> ArticleExtraction:
    """Extract entities, then amounts and lawsuits (which use the entities), from one article."""
    from etl.extract.amounts import extract_amounts
    from etl.extract.entities import extract_entities
    from etl.extract.lawsuits import extract_lawsuits

    if language not in ("de", "en"):
        return ArticleExtraction()
    entities = extract_entities(text, language)
    amounts = extract_amounts(text, language, entities)
    lawsuits = extract_lawsuits(text, language, entities, amounts)
    return ArticleExtraction(entities=entities, amounts=amounts, lawsuits=lawsuits)

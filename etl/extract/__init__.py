"""Text -> entities, amounts, lawsuits. Pure functions: no I/O beyond loading the shipped models."""
from __future__ import annotations

import hashlib
from pathlib import Path

from etl.extract.model import Amount, ArticleExtraction, EntityMention, Lawsuit, LawsuitParty


def extractor_version(package_dir: Path, models_dir: Path) -> str:
    """A digest of everything extraction depends on: this package's code and data files, and the
    models' meta.json (which names their version and training). Any change gives a new version."""
    digest = hashlib.sha256()
    package_dir, models_dir = Path(package_dir), Path(models_dir)
    files = [p for p in sorted(package_dir.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
             and p.suffix not in (".pyc", ".pyo")]
    files += sorted(models_dir.glob("*/meta.json"))
    for path in files:
        name = path.relative_to(package_dir if path.is_relative_to(package_dir) else models_dir).as_posix()
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _models_dir() -> Path:
    from etl.config import settings

    return settings().models_dir  # the models the entity extractor loads


# Every extracted row records it, and `etl backfill` re-extracts articles extracted by another version.
EXTRACTOR_VERSION = extractor_version(Path(__file__).parent, _models_dir())

__all__ = ["extract", "ArticleExtraction", "EntityMention", "Amount", "Lawsuit", "LawsuitParty", "EXTRACTOR_VERSION",
           "extractor_version"]


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

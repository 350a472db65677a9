"""The extraction result types: what `etl.extract.extract()` returns.

Field names are the analysts' contract names (../DESIGN.md); every span carries
character offsets into the text that was passed in, so that
``text[start_char:end_char] == mention_text`` always holds.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
AMOUNT_KINDS = ("money", "percent", "count", "multiple")
QUALIFIERS = ("exact", "approx", "upper", "lower", "range")
AMOUNT_CATEGORIES = (
    "investment", "valuation", "revenue", "profit_loss", "cost", "funding",
    "price", "stake", "jobs", "users", "fine_damages", "other",
)
CLAIMS = (
    "copyright", "patent", "trademark", "antitrust", "privacy", "fraud", "securities",
    "contract", "labor", "defamation", "product_liability", "tax", "criminal", "other",
)
STATUSES = ("threatened", "filed", "pending", "ruled", "dismissed", "settled", "appealed", "unknown")
ROLES = ("plaintiff", "defendant")


def normalise_name(name: str) -> str:
    """Fold case, accents and punctuation so that spellings of one name compare equal."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


# Legal forms at the end of a company name: "Volkswagen AG" and "Volkswagen" are one company.
LEGAL_FORM = re.compile(r"(?:\s+(?:ag|se|gmbh|kg|kgaa|ohg|ug|inc|corp|corporation|co|ltd|llc|llp|plc|sa|nv|bv))+$")


def name_key(name: str) -> str:
    """The normalised name without a trailing legal form: what makes two spellings one entity."""
    norm = normalise_name(name)
    return LEGAL_FORM.sub("", norm) or norm


def entity_id(entity_type: str, name: str) -> str:
    """Stable across articles and runs: the same type and name key give the same id."""
    key = f"{entity_type}:{name_key(name)}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class EntityMention:
    """One occurrence of a named entity; `name` is the article-level canonical name."""

    mention_text: str
    start_char: int
    end_char: int
    entity_type: str  # PER ORG LOC MISC
    name: str

    @property
    def entity_id(self) -> str:
        return entity_id(self.entity_type, self.name)


@dataclass(frozen=True)
class Amount:
    """One money, percent, count or multiple expression, normalised (../AMOUNTS.md)."""

    mention_text: str
    start_char: int
    end_char: int
    kind: str  # money percent count multiple
    value: float | None  # scale applied; None for a vague amount
    value_max: float | None = None  # upper end of a range
    unit: str | None = None  # ISO 4217, %, pp, bp, x, or the counted noun
    qualifier: str = "exact"  # exact approx upper lower range
    category: str = "other"
    subject_entity_id: str | None = None  # the ORG/PER the amount belongs to, if the sentence says so
    currency_assumed: bool = False  # unit inferred (bare "Dollar", "Mrd." with no currency)
    vague: bool = False


@dataclass(frozen=True)
class LawsuitParty:
    role: str  # plaintiff defendant
    name: str  # entity name, or the article's words for an unnamed party
    entity_id: str | None = None


@dataclass(frozen=True)
class Lawsuit:
    """One legal proceeding; the span is the evidence sentence that first states it."""

    evidence_text: str
    start_char: int
    end_char: int
    claim: str = "other"
    status: str = "unknown"
    court: str | None = None
    amount_text: str | None = None
    amount_start_char: int | None = None  # start of the linked Amount, if any
    parties: tuple[LawsuitParty, ...] = ()
    # unnamed defendants counted or indefinite, in the article's words ("drei frühere Vorstände",
    # "a former contractor"): the guideline's defendants_generic; they are not among `parties`
    defendants_generic: str | None = None


@dataclass
class ArticleExtraction:
    entities: list[EntityMention] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    lawsuits: list[Lawsuit] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON-ready form with the contract's field names (used by `etl extract`)."""
        return {
            "entities": [asdict(m) | {"entity_id": m.entity_id} for m in self.entities],
            "amounts": [asdict(a) for a in self.amounts],
            "lawsuits": [asdict(l) for l in self.lawsuits],
        }

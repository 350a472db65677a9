"""Extraction results -> warehouse rows with ids, run and extractor version (written as Parquet by a batch)."""
from __future__ import annotations

import hashlib
import time
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from etl.extract import EXTRACTOR_VERSION, extract
from etl.extract.fx import convert, reference_date

_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()
SCHEMAS = {
    "entity_mentions": pa.schema([("run_id", _S), ("article_id", _S), ("entity_id", _S), ("name", _S),
                                  ("entity_type", _S), ("mention_text", _S), ("start_char", _I), ("end_char", _I),
                                  ("extractor_version", _S)]),
    "amounts": pa.schema([("run_id", _S), ("amount_id", _S), ("article_id", _S), ("mention_text", _S),
                          ("start_char", _I), ("end_char", _I), ("kind", _S), ("value", _F), ("value_max", _F),
                          ("unit", _S), ("qualifier", _S), ("category", _S), ("currency_assumed", _B), ("vague", _B),
                          ("value_usd", _F), ("fx_rate", _F), ("fx_year", _I), ("fx_date", pa.date32()),
                          ("fx_date_source", _S), ("subject_entity_id", _S),
                          ("extractor_version", _S)]),
    "lawsuits": pa.schema([("run_id", _S), ("lawsuit_id", _S), ("article_id", _S), ("claim", _S), ("status", _S),
                           ("court", _S), ("amount_text", _S), ("amount_id", _S), ("evidence_text", _S),
                           ("start_char", _I), ("end_char", _I), ("defendants_generic", _S),
                           ("extractor_version", _S)]),
    "lawsuit_parties": pa.schema([("run_id", _S), ("lawsuit_id", _S), ("role", _S), ("name", _S), ("entity_id", _S)]),
    "extractions": pa.schema([("article_id", _S), ("run_id", _S), ("extractor_version", _S),
                              ("extracted_at", pa.timestamp("us", tz="UTC"))]),
}


def row_id(*parts) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:20]


def extraction_rows(batch: list[dict], run_id: str) -> tuple[dict[str, list[dict]], float]:
    """Rows for every table from one batch of articles; also the seconds spent inside extract()."""
    rows = {name: [] for name in SCHEMAS}
    inside = 0.0
    base = {"run_id": run_id, "extractor_version": EXTRACTOR_VERSION}
    today = datetime.now(timezone.utc).date()
    for art in batch:
        aid = art["article_id"]
        t = time.perf_counter()
        result = extract(art["text"], art["language"])
        inside += time.perf_counter() - t
        for m in result.entities:
            rows["entity_mentions"].append(base | {
                "article_id": aid, "entity_id": m.entity_id, "name": m.name, "entity_type": m.entity_type,
                "mention_text": m.mention_text, "start_char": m.start_char, "end_char": m.end_char})
        amount_ids = {}
        fx_on, fx_source = reference_date(art.get("published_at"), art["text"], today)
        for a in result.amounts:
            amount_id = row_id(aid, a.start_char, a.end_char, a.kind)
            amount_ids[a.start_char] = amount_id
            fx = convert(a.value, a.unit, fx_on) if a.kind == "money" else None
            rows["amounts"].append(base | {
                "amount_id": amount_id, "article_id": aid, "mention_text": a.mention_text,
                "start_char": a.start_char, "end_char": a.end_char, "kind": a.kind, "value": a.value,
                "value_max": a.value_max, "unit": a.unit, "qualifier": a.qualifier, "category": a.category,
                "currency_assumed": a.currency_assumed, "vague": a.vague, "value_usd": fx and fx.value_usd,
                "fx_rate": fx and fx.rate, "fx_year": fx and fx.rate_date.year, "fx_date": fx and fx.rate_date,
                "fx_date_source": fx_source if fx else None, "subject_entity_id": a.subject_entity_id})
        for law in result.lawsuits:
            lawsuit_id = row_id(aid, law.start_char, law.end_char)
            rows["lawsuits"].append(base | {
                "lawsuit_id": lawsuit_id, "article_id": aid, "claim": law.claim, "status": law.status,
                "court": law.court, "amount_text": law.amount_text, "amount_id": amount_ids.get(law.amount_start_char),
                "evidence_text": law.evidence_text, "start_char": law.start_char, "end_char": law.end_char,
                "defendants_generic": law.defendants_generic})
            seen = set()
            for party in law.parties:
                if (party.role, party.name) not in seen:
                    seen.add((party.role, party.name))
                    rows["lawsuit_parties"].append({"run_id": run_id, "lawsuit_id": lawsuit_id, "role": party.role,
                                                    "name": party.name, "entity_id": party.entity_id})
        rows["extractions"].append(base | {"article_id": aid, "extracted_at": datetime.now(timezone.utc)})
    return rows, inside


def write_rows(out: Path, rows: dict[str, list[dict]]) -> None:
    """One Parquet file per table; a retried batch overwrites its own files."""
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    for name, schema in SCHEMAS.items():
        path = out / f"{name}.parquet"
        if rows[name]:
            pq.write_table(pa.Table.from_pylist(rows[name], schema=schema), path)
        else:
            path.unlink(missing_ok=True)

"""Money to US dollars with yearly average exchange rates (data/fx_usd_yearly.csv).

The table and its source are documented in the CSV's header. `rate_used` is
always US dollars per one unit of the currency, whatever way the table quotes
it, so that value_usd = value * rate_used.
"""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

_TABLE = Path(__file__).parent / "data" / "fx_usd_yearly.csv"


@cache
def _rates() -> dict[str, dict[int, float]]:
    """currency -> year -> USD per unit, read once per process."""
    with open(_TABLE, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f) if r and not r[0].startswith("#")]
    quote = dict(zip(rows[1], rows[0]))
    header, out = rows[1], {}
    for row in rows[2:]:
        year = int(row[0])
        for cur, cell in zip(header[1:], row[1:]):
            if cur == "estimate" or not cell:
                continue
            v = float(cell)
            out.setdefault(cur, {})[year] = v if quote[cur] == "usd_per_unit" else 1.0 / v
    return out


def currencies() -> frozenset[str]:
    """ISO codes the table converts (USD is implicit)."""
    return frozenset(_rates()) | {"USD"}


def to_usd(value: float | None, unit: str | None, year: int) -> tuple[float | None, float | None, int | None]:
    """(value_usd, rate_used, rate_year) for an amount in `unit` in `year`.

    USD converts at 1.0. A currency the table does not hold, a unit that is not a
    currency (%, x, a counted noun) or a missing value give (None, None, None):
    never a guess. A year outside the table uses the nearest year it has.
    """
    if value is None or unit is None:
        return None, None, None
    if unit == "USD":
        return value, 1.0, year
    by_year = _rates().get(unit)
    if not by_year:
        return None, None, None
    rate_year = year if year in by_year else min(by_year, key=lambda y: (abs(y - year), -y))
    rate = by_year[rate_year]
    return value * rate, rate, rate_year

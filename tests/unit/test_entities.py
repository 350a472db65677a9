"""Entity extraction with the shipped models: resolution rules on real sentences, and eval-ner on fixtures."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from etl.evaluation.ner import evaluate_file, evaluate_sentences, main, read_sentences, spans_from_tags
from etl.extract.entities import extract_entities

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
SEED = REPO.parent / "shared" / "data" / "seed" / "000_6df6d283adceccb0.txt"


def by_text(mentions):
    return {m.mention_text: m for m in mentions}


def names(mentions):
    return {(m.name, m.entity_type) for m in mentions}


def assert_offsets(text, mentions):
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.mention_text


def test_models_find_obvious_entities_de():
    text = "Angela Merkel traf am Montag in Berlin den Vorstand der Deutschen Bank."
    found = names(extract_entities(text, "de"))
    assert ("Angela Merkel", "PER") in found
    assert ("Berlin", "LOC") in found
    assert ("Deutschen Bank", "ORG") in found or ("Deutsche Bank", "ORG") in found


def test_models_find_obvious_entities_en():
    text = "Barack Obama met executives of General Motors in London on Tuesday."
    found = names(extract_entities(text, "en"))
    assert {("Barack Obama", "PER"), ("General Motors", "ORG"), ("London", "LOC")} <= found


def test_name_inside_hyphen_compound_is_its_own_mention():
    text = "Microsoft-CEO Satya Nadella sprach mit mehreren OpenAI-Konkurrenten über die Azure-Cloud-Plattform."
    mentions = extract_entities(text, "de")
    assert_offsets(text, mentions)
    ms = by_text(mentions)
    assert (ms["Microsoft"].start_char, ms["Microsoft"].end_char, ms["Microsoft"].entity_type) == (0, 9, "ORG")
    assert ms["Satya Nadella"].entity_type == "PER"
    assert ms["OpenAI"].name == "OpenAI"
    assert ms["Azure"].name == "Azure"
    assert "Microsoft-CEO" not in ms and "Microsoft-CEO Satya Nadella" not in ms


def test_surname_and_genitive_resolve_to_one_entity():
    text = (
        "Microsoft-Chef Satya Nadella stellte am Dienstag in Seattle neue Produkte vor. "
        "Microsofts Umsatz stieg, sagte Nadella vor Analysten."
    )
    mentions = extract_entities(text, "de")
    assert_offsets(text, mentions)
    nadella = [m for m in mentions if m.mention_text == "Nadella"]
    assert nadella and all(m.name == "Satya Nadella" and m.entity_type == "PER" for m in nadella)
    ms = [m for m in mentions if m.mention_text.startswith("Microsoft")]
    assert len(ms) == 2 and {m.name for m in ms} == {"Microsoft"}
    assert len({m.entity_id for m in ms}) == 1


def test_known_name_before_a_hyphen_is_cut_out_of_a_compound():
    text = "Die Lufthansa-Tochter Eurowings streikt seit Montag. Lufthansa bedauert den Ausfall."
    mentions = extract_entities(text, "de")
    assert_offsets(text, mentions)
    assert (mentions[0].mention_text, mentions[0].start_char, mentions[0].entity_type) == ("Lufthansa", 4, "ORG")
    assert ("Eurowings", "ORG") in names(mentions)
    assert not any("Tochter" in m.mention_text for m in mentions)


def test_double_surname_and_description_before_a_name():
    text = "Die Datenschützerin Isabelle Falque-Pierrotin sprach am Montag in Paris. Falque-Pierrotin warnte."
    mentions = extract_entities(text, "de")
    assert_offsets(text, mentions)
    people = {m.name for m in mentions if m.entity_type == "PER"}
    assert people == {"Isabelle Falque-Pierrotin"}


def test_currencies_and_sentence_initial_common_words_are_not_entities():
    de = "Der Konzern verdiente 3 Milliarden Euro und zahlte 2 Millionen Dollar an Siemens."
    assert {m.name for m in extract_entities(de, "de")} == {"Siemens"}
    en = "Camera phones are popular in Japan. Sales of every camera model rose."
    assert "Camera" not in {m.name for m in extract_entities(en, "en")}


def test_types_follow_the_words_of_the_name():
    text = "Beim Mittagessen mit Steak und Rotwein sprach Warren Buffett über die Dalian Zeus Entertainment."
    mentions = extract_entities(text, "de")
    assert_offsets(text, mentions)
    found = names(mentions)
    assert ("Warren Buffett", "PER") in found and ("Dalian Zeus Entertainment", "ORG") in found
    assert not {m.name for m in mentions} & {"Steak", "Rotwein"}


def test_bracketed_acronym_is_an_alias():
    text = "Das US-Patent- und Markenamt (USPTO) hat den Antrag abgelehnt. Das USPTO begründete dies nicht."
    mentions = extract_entities(text, "de")
    assert_offsets(text, mentions)
    acronyms = [m for m in mentions if m.mention_text == "USPTO"]
    assert len(acronyms) == 2
    assert {m.name for m in acronyms} == {"US-Patent- und Markenamt"}
    assert {m.entity_type for m in acronyms} == {"ORG"}


def test_acronym_alias_en():
    text = "The Office of Fair Trading (OFT) opened an inquiry. The OFT said it would report in May."
    mentions = extract_entities(text, "en")
    assert {m.name for m in mentions if m.mention_text == "OFT"} == {"Office of Fair Trading"}


@pytest.mark.parametrize(
    "text,lang,name",
    [
        ("Am Abend sprach Frau Angela Merkel in Hamburg.", "de", "Angela Merkel"),
        ("Gestern traf Herr Olaf Scholz in Paris ein.", "de", "Olaf Scholz"),
        ("Yesterday Mr John Smith arrived in London.", "en", "John Smith"),
        ("The company said Dr. Jane Goodall would speak in Boston.", "en", "Jane Goodall"),
    ],
)
def test_honorifics_are_not_part_of_the_name(text, lang, name):
    mentions = extract_entities(text, lang)
    assert_offsets(text, mentions)
    assert (name, "PER") in names(mentions)
    assert not any(m.name.split()[0] in {"Frau", "Herr", "Mr", "Dr."} for m in mentions)


def test_deterministic_and_unsupported_language():
    text = "Siemens und Bosch investieren in München und Stuttgart."
    assert extract_entities(text, "de") == extract_entities(text, "de")
    assert extract_entities(text, "fr") == []
    assert extract_entities("   ", "en") == []


def test_seed_article():
    if not SEED.exists():
        pytest.skip("../shared/data is not available")
    text = SEED.read_text(encoding="utf-8")
    mentions = extract_entities(text, "de")
    assert_offsets(text, mentions)
    found = names(mentions)
    assert {("Microsoft", "ORG"), ("OpenAI", "ORG"), ("Satya Nadella", "PER"), ("Sam Altman", "PER")} <= found
    ms = by_text(mentions)
    assert ms["Nadella"].name == "Satya Nadella"
    assert ms["USPTO"].name == "US-Patent- und Markenamt"
    start = text.index("Microsoft-CEO")
    assert any(m.start_char == start and m.end_char == start + 9 and m.name == "Microsoft" for m in mentions)
    start = text.index("OpenAI-Konkurrenten")
    assert any(m.start_char == start and m.mention_text == "OpenAI" for m in mentions)
    assert not any(m.name in {"Microsofts", "CEO", "Microsoft-CEO Satya Nadella"} for m in mentions)


def test_iob1_and_iob2_spans_and_part_tags():
    assert spans_from_tags(["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")]
    assert spans_from_tags(["B-ORGpart", "O", "B-LOCderiv", "B-OTH", "I-OTH"]) == [(3, 5, "MISC")]


def test_readers_parse_both_formats():
    germeval = read_sentences(FIXTURES / "germeval_tiny.tsv")
    assert [len(w) for w, _ in germeval] == [9, 9]
    assert germeval[1][0][1] == "Microsoft-Chef" and germeval[1][1][1] == "B-ORGpart"
    conll = read_sentences(FIXTURES / "conll_tiny.txt")
    assert [len(w) for w, _ in conll] == [7, 9]
    assert conll[0][1][:2] == ["I-PER", "I-PER"]


def test_scoring_with_a_perfect_and_a_wrong_pipeline():
    """A rule pipeline that knows the gold spans scores 1.0; `part` and `deriv` names are outside."""
    import spacy

    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": "Angela Merkel"}, {"label": "ORG", "pattern": "Siemens AG"},
        {"label": "LOC", "pattern": "München"}, {"label": "LOC", "pattern": "Berlin"},
    ])
    res = evaluate_sentences(nlp, read_sentences(FIXTURES / "germeval_tiny.tsv"))
    assert (res["precision"], res["recall"], res["f1"]) == (1.0, 1.0, 1.0)
    assert res["per_label"]["LOC"]["support"] == 2 and res["sentences"] == 2
    ruler.add_patterns([{"label": "ORG", "pattern": "deutschen"}])
    res = evaluate_sentences(nlp, read_sentences(FIXTURES / "germeval_tiny.tsv"))
    assert res["per_label"]["ORG"]["precision"] == 0.5 and res["recall"] == 1.0


@pytest.mark.parametrize("lang,fixture", [("de", "germeval_tiny.tsv"), ("en", "conll_tiny.txt")])
def test_eval_ner_on_fixtures(lang, fixture, capsys):
    res = evaluate_file(FIXTURES / fixture, lang)
    assert set(res) >= {"precision", "recall", "f1", "per_label", "sentences"}
    assert set(res["per_label"]) == {"PER", "ORG", "LOC", "MISC"}
    assert res["f1"] >= 0.6  # the obvious names of these sentences
    assert main(["--lang", lang, "--json", str(FIXTURES / fixture)]) == 0
    assert json.loads(capsys.readouterr().out)["f1"] == res["f1"]


def test_company_shortened_to_its_first_word_is_one_entity():
    text = (
        "Quantix Robotics has sued Borealis Automation in federal court. "
        "Borealis said it would fight the claim, and shares in Borealis fell 4% while Quantix rose."
    )
    mentions = extract_entities(text, "en")
    assert_offsets(text, mentions)
    short = [m for m in mentions if m.mention_text == "Borealis"]
    assert len(short) == 2
    assert {(m.name, m.entity_type) for m in short} == {("Borealis Automation", "ORG")}
    assert ("Quantix Robotics", "ORG") in names(mentions)


def test_attributive_compound_yields_the_place():
    text = "Brightwater Foods, the Chicago-based snack maker, said on Tuesday it had hired a new chief executive."
    mentions = extract_entities(text, "en")
    assert_offsets(text, mentions)
    assert ("Chicago", "LOC") in names(mentions)
    assert "Chicago-based" not in {m.mention_text for m in mentions}


def test_place_in_a_company_name_stays_a_place():
    text = "Solarwerk Dresden hat Insolvenz angemeldet. In Dresden wurde die Nachricht mit Sorge aufgenommen, sagte Jonas Reimer."
    mentions = extract_entities(text, "de")
    assert_offsets(text, mentions)
    dresden = [m for m in mentions if m.mention_text == "Dresden"]
    assert dresden and {(m.name, m.entity_type) for m in dresden} == {("Dresden", "LOC")}
    assert ("Solarwerk Dresden", "ORG") in names(mentions) and ("Jonas Reimer", "PER") in names(mentions)


def test_generic_abbreviations_are_not_entities():
    text = (
        "Microsoft will die Sprach-KI-Technologie von OpenAI in alle Produkte einbauen. "
        "Die KI soll auch in Apps und API-Diensten stecken, etwa in Power Apps und Teams."
    )
    mentions = extract_entities(text, "de")
    assert_offsets(text, mentions)
    assert {("Microsoft", "ORG"), ("OpenAI", "ORG")} <= names(mentions)
    assert not {m.mention_text for m in mentions} & {"KI", "Apps", "API", "API-Diensten"}
    assert all(m.entity_type != "PER" for m in mentions)


@pytest.mark.parametrize("text,name", [
    ("Die Verbraucherzentrale Hamburg hat den Anbieter abgemahnt.", "Verbraucherzentrale Hamburg"),
    ("Laut Arbeiterkammer Wien sind die Klauseln unzulässig.", "Arbeiterkammer Wien"),
    ("Die Universität Graz forscht an neuen Batterien.", "Universität Graz"),
])
def test_an_institution_with_its_place_is_one_organisation(text, name):
    found = names(extract_entities(text, "de"))
    assert (name, "ORG") in found
    assert not any(typ == "LOC" and n in name for n, typ in found)


@pytest.mark.parametrize("text,lang,name,typ", [
    ("The new iPhone 15 Pro will go on sale in September, Apple said.", "en", "iPhone 15 Pro", "MISC"),
    ("Author Hilary Mantel won the Booker Prize for her novel Wolf Hall.", "en", "Wolf Hall", "MISC"),
    ("The film, directed by Maria Lind, won the Golden Bear at the festival.", "en", "Golden Bear", "MISC"),
    ("The BBC drama Line of Duty drew 12 million viewers on Sunday.", "en", "Line of Duty", "MISC"),
])
def test_products_works_and_awards(text, lang, name, typ):
    assert (name, typ) in names(extract_entities(text, lang))


def test_a_prefix_glued_to_the_role_is_no_part_of_the_name():
    found = names(extract_entities("Der Prozess gegen Wiens Ex-Bürgermeister Karl Huber beginnt am Montag.", "de"))
    assert ("Wien", "LOC") in found and ("Karl Huber", "PER") in found
    assert not any("Ex" in n.split() for n, _ in found)


def test_a_web_address_is_a_company_whatever_the_model_typed():
    from etl.extract.entities import _domain_names, _Mention

    text = "Microsoft sued the mailer OptInCheapDeals.com in Seattle."
    start = text.index("OptIn")
    typed_person = _Mention(start, start + len("OptInCheapDeals.com"), "PER")
    assert _domain_names(text, [typed_person]) == []
    assert (typed_person.label, typed_person.sure) == ("ORG", True)


def test_a_full_name_with_a_given_name_outvotes_its_surname_typed_as_a_place():
    from etl.extract.entities import _Mention, _vote_types

    text = "Andy Roddick won. Roddick lost later. Roddick left."
    full = _Mention(0, 12, "PER", "Andy Roddick")
    short = [_Mention(m.start(), m.end(), "LOC", "Andy Roddick") for m in re.finditer(r"(?<= )Roddick", text)]
    _vote_types(text, [full, *short], "en")
    assert {m.label for m in [full, *short]} == {"PER"}


def test_a_given_name_and_a_capitalised_word_the_model_left_out_are_a_person():
    from etl.extract.entities import _given_name_persons, _Mention

    text = "Die Angeklagte Beate Zschäpe schweigt. Die Stiftung Peter Forschung ist neu. Laut Karl Meier ja."
    meier = text.index("Karl Meier")
    found = [_Mention(meier, meier + len("Karl Meier"), "PER")]  # the model found this one
    added = [(text[m.start : m.end], m.label) for m in _given_name_persons(text, found, "de")]
    assert added == [("Beate Zschäpe", "PER")]  # "Peter Forschung": a noun ending is no surname

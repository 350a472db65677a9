"""The extract package's sentence splitter, on invented German and English text."""
from __future__ import annotations

import pytest

from etl.extract.sentences import Sentences, split


def _texts(text: str, language: str) -> list[str]:
    return [text[s:e] for s, e in split(text, language)]


def test_ends_at_punctuation_before_a_capital_and_at_line_breaks():
    text = "Titel der Meldung\n\nDie Firma klagt. Warum? Niemand weiß es! \"Wir prüfen\", sagte sie."
    assert _texts(text, "de") == ["Titel der Meldung", "Die Firma klagt.", "Warum?", "Niemand weiß es!",
                                  "\"Wir prüfen\", sagte sie."]


@pytest.mark.parametrize("text,language,expected", [
    ("Dr. Anna Roth klagt. Sie verlangt 5 Mio. Euro.", "de", ["Dr. Anna Roth klagt.", "Sie verlangt 5 Mio. Euro."]),
    ("Am 3. Mai urteilte das Gericht. Es war 2013. Dann kam die Berufung.", "de",
     ["Am 3. Mai urteilte das Gericht.", "Es war 2013.", "Dann kam die Berufung."]),
    ("Mr. J. Smith sued Acme Inc. in a U.S. court. It denied it.", "en",
     ["Mr. J. Smith sued Acme Inc. in a U.S. court.", "It denied it."]),
])
def test_abbreviations_initials_and_german_ordinals_do_not_end_a_sentence(text, language, expected):
    assert _texts(text, language) == expected


def test_lower_case_after_a_full_stop_continues_the_sentence():
    assert _texts("Die Summe liegt bei ca. drei Mrd. und wächst. Gut.", "de") == [
        "Die Summe liegt bei ca. drei Mrd. und wächst.", "Gut."]


def test_closing_quotes_and_brackets_stay_with_their_sentence():
    text = "He said: \"We will sue.\" (The firm declined.) Talks ended."
    assert _texts(text, "en") == ["He said: \"We will sue.\"", "(The firm declined.)", "Talks ended."]


def test_scraped_german_heading_glued_to_the_next_sentence_is_cut():
    text = "Klage eingereicht Der Konzern Nordwerk wehrt sich."
    assert _texts(text, "de") == ["Klage eingereicht", "Der Konzern Nordwerk wehrt sich."]
    assert _texts(text, "en") == [text]  # English has no such rule


def test_spans_index_the_text_without_surrounding_whitespace():
    text = "  Erster Satz.   Zweiter Satz.\n \n"
    spans = split(text, "de")
    assert [text[s:e] for s, e in spans] == ["Erster Satz.", "Zweiter Satz."]
    assert split("", "de") == [] and split(" \n ", "en") == []


def test_around_finds_the_sentence_of_a_position():
    text = "One case. Two cases."
    sents = Sentences(text, "en")
    assert len(sents) == 2
    assert sents.around(text.index("One")) == (0, 9)
    assert sents.around(text.index("cases")) == (10, 20)
    assert sents.around(9) == (10, 20)  # the space between: the next sentence
    assert Sentences("", "en").around(0) == (0, 0)


def test_an_embedded_post_link_after_a_sentence_stands_alone():
    text = ("Die Partei lud zum Fest in Erdberg. pic.twitter.com/Ab12Cd Neben Karl Huber klagt Maria Berger. "
            "Mehr steht unter https://example.org/a und im Archiv.")
    assert _texts(text, "de") == [
        "Die Partei lud zum Fest in Erdberg.", "pic.twitter.com/Ab12Cd", "Neben Karl Huber klagt Maria Berger.",
        "Mehr steht unter https://example.org/a und im Archiv.",
    ]


def test_initials_end_no_sentence():
    text = "W.R. Grace and Co said a jury ordered it to pay. J.P. Morgan declined to comment."
    assert [text[s:e] for s, e in split(text, "en")] == [
        "W.R. Grace and Co said a jury ordered it to pay.", "J.P. Morgan declined to comment."]

"""Canonical entity names: one spelling per real-world entity, whatever case the sentence puts it in.

German inflects names: "des Europäischen Gerichtshofs", "der Deutschen Bank",
"Schröders". The canonical name is the nominative without article, as an
analyst would list it ("Europäischer Gerichtshof", "Deutsche Bank",
"Schröder"), so that `entity_id` (type + normalised name) is the same in every
article. Hand-written rules: the lemmatisers measured (simplemma, HanTa) give
adjective stems without the gender a nominative needs (training/README.md).

The span-level rules that decide what is part of a name at all (descriptors,
titles, demonyms, case numbers) are here too, so that each rule has one home.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "entities"

# Adjectives that open German names: "Europäische", "Deutschen", "Rotes", "Vereinten".
_ADJ_STEM = re.compile(
    r"[A-ZÄÖÜ][a-zäöüß]*(?:isch|lich|ig|al|är|ell|iv|eint|igt)"
)
_ADJ_STRICT = re.compile(r"[A-ZÄÖÜ][a-zäöüß]*(?:isch|lich|ell|iv|är)")
_ADJ_ENDING = re.compile(r"(e|en|em|er|es)$")
# Short adjective stems the suffix test above cannot see.
_SHORT_ADJ = frozenset(
    "Deutsch Rot Neu Zweit Erst Dritt Frei Hoh Hoch Ober Oberst Nieder Groß Klein Alt Weiß Schwarz Grün Golden Blau "
    "Nord Süd West Ost Heilig Vereint Vereinigt Bayer Evangelisch Katholisch".split()
)
_NOMINATIVE = {"m": "er", "f": "e", "n": "es", "pl": "e"}
_DETERMINER = re.compile(r"(?:^|\s)(der|die|das|den|dem|des|im|vom|zum|beim|am|zur|eines|einem|einer|einen)\s*$", re.IGNORECASE)
_DATIVE_MN = frozenset("dem im vom zum beim am einem".split())
# Nouns whose nominative ends in -s: never a genitive ending.
_KEEPS_S = re.compile(r"(?:fonds|ss|us|is|os|as|xs|Mercedes|Paris|Reuters|Siemens)$")


@cache
def _genders() -> list[tuple[str, str]]:
    """(last compound part, gender: m f n pl) from data/entities/de_noun_genders.txt, longest part first."""
    out = {}
    for line in (DATA_DIR / "de_noun_genders.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            gender, _, words = line.partition(":")
            out.update({w: gender.strip() for w in words.split()})
    return sorted(out.items(), key=lambda kv: -len(kv[0]))


def noun_gender(noun: str) -> str | None:
    """Gender of a German noun by its last compound part: "Bundesgerichtshof" -> m (Hof)."""
    low = noun.lower()
    for end, gender in _genders():
        if low.endswith(end):
            return gender
    return None


def is_adjective(word: str, suffix_only: bool = False) -> bool:
    """A capitalised, inflected German adjective: "Europäischen", "Rotes" (suffix_only: not the short stems)."""
    m = _ADJ_ENDING.search(word)
    if not m or not word[:1].isupper():
        return False
    stem = word[: m.start()]
    if suffix_only:  # "-al" would take "Westfalen", "Bengalen"
        return bool(_ADJ_STRICT.fullmatch(stem))
    return stem in _SHORT_ADJ or bool(_ADJ_STEM.fullmatch(stem))


def german_nominative(name: str, before: str = "", places: frozenset[str] = frozenset()) -> str:
    """The nominative of a German name written in another case; `before` is the text just before it.

    "Europäischen Gerichtshofs" after "des" -> "Europäischer Gerichtshof"; "Deutschen Bank"
    after "der" -> "Deutsche Bank"; "Landgerichts Berlin" after "des" -> "Landgericht Berlin".
    The gender the adjective needs comes from the head noun (data/entities/de_noun_genders.txt),
    else from the determiner; when neither tells, the name keeps its words.
    """
    words = name.split(" ")
    n_adj = 0
    while n_adj < len(words) - 1 and is_adjective(words[n_adj]) and not demonym_place(words[n_adj], places):
        n_adj += 1  # a demonym ("Leipziger") never changes its ending
    det = _DETERMINER.search(before)
    det = det.group(1).lower() if det else ""
    head = n_adj  # the noun the adjectives agree with (or the name's first word)
    if not n_adj and len(words) > 1 and words[0].endswith("er") and words[1].endswith("s"):
        head = 1  # a demonym before the noun: "des Wiener Landtags"
    if det in ("des", "eines") and words[head][:1].isupper() and noun_gender(words[head]) in ("m", "n", None):
        words[head] = _strip_genitive(words[head])
    if not n_adj:
        return " ".join(words)
    ending = _ADJ_ENDING.search(words[0]).group()
    gender = noun_gender(words[head]) or _gender_from_determiner(det, ending)
    if gender is None:
        return " ".join(words)
    for i in range(n_adj):
        words[i] = words[i][: _ADJ_ENDING.search(words[i]).start()] + _NOMINATIVE[gender]
    return " ".join(words)


def _gender_from_determiner(det: str, ending: str) -> str | None:
    """What the article before an adjective says about the noun: "der Deutschen ..." is feminine (or plural)."""
    if ending == "en":
        return {"der": "f", "zur": "f", "einer": "f", "die": "pl"}.get(det, "m" if det in _DATIVE_MN or det in ("des", "den") else None)
    return None  # "-e", "-er", "-es" already look nominative: "der Erste Group" stays as written


def _strip_genitive(noun: str) -> str:
    """"Gerichtshofs" -> "Gerichtshof", "Kreuzes" -> "Kreuz", "Komitees" -> "Komitee"; "Fonds" stays."""
    if _KEEPS_S.search(noun) or not noun.endswith("s") or len(noun) < 4:
        return noun
    if noun.endswith("es") and noun[-3] in "zßxtdfgkbp" and noun[-4:-2] not in ("ee",):
        return noun[:-2]
    if noun.endswith("ses"):
        return noun[:-2]  # "Hauses" -> "Haus"
    return noun[:-1]


# --- span rules ---------------------------------------------------------------------------

CASE_NUMBER = re.compile(r"^(?:[A-Z]{1,3}[-‑ ]?)?\d+[/.-]\d+(?:[/.-]\d+)?$|^(?:Az\.?|Rs\.?|Case)\s")


def is_case_number(surface: str) -> bool:
    """Court file numbers are references, not entities: "C-131/12", "T-201/04", "1 BvR 2/19"."""
    return bool(CASE_NUMBER.search(surface)) or bool(re.fullmatch(r"\d+\s+[A-Za-z]{1,4}\s+\d+/\d+", surface))


def demonym_place(word: str, places: set[str]) -> str | None:
    """The place a German demonym adjective names: "Münchner" -> "München", "Hamburger" -> "Hamburg"."""
    if not word.endswith("er") or not word[:1].isupper() or len(word) < 5:
        return None
    stem = word[:-2]
    for cand in (stem, stem + "en", stem[:-1] + "en", stem + "e", stem + "a", stem + "n"):
        if cand in places:
            return cand
    return None

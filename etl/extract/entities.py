"""Named entities of one article: the shipped spaCy pipeline, a pattern layer, and article-level resolution.

The statistical model finds spans sentence by sentence and the pattern layer
(data files in data/entities/) adds well-known names; the rules here turn the
spans into entities of the article: clean spans (cut at sentence ends, names
inside compounds cut out: "Microsoft-CEO", "Lufthansa-Tochter"; titles,
descriptions and function words stripped: "Mr", "Umweltorganisation",
"However"; demonyms, case numbers, lone titles and adjectives dropped; "&"
names kept whole), types from the words of the name (given names, organisation
and event heads, work cues, quoted titles), one canonical name per real-world
thing ("Nadella" after "Satya Nadella", "Microsofts" -> "Microsoft", "des
Europäischen Gerichtshofs" -> "Europäischer Gerichtshof" via canonical.py,
"USPTO" after "US-Patent- und Markenamt (USPTO)"), one type per name, and every
further occurrence of a found name marked too. Everything is deterministic;
offsets always index the text passed in.
"""
from __future__ import annotations

import bisect
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from etl.extract import _models_dir
from etl.extract.canonical import DATA_DIR, demonym_place, german_nominative, is_adjective, is_case_number
from etl.extract.model import ENTITY_TYPES, EntityMention, normalise_name
from etl.extract.sentences import split as split_sentences

CHUNK_CHARS = 100_000  # longer texts are processed in paragraph-aligned chunks to bound memory
# A bracketed acronym right after a name: "US-Patent- und Markenamt (USPTO)".
ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-ZÄÖÜ][A-Za-zÄÖÜ0-9&]*[A-ZÄÖÜ0-9][A-Za-z0-9&]*)\s*\)")
# Extra words that make a longer form of the same company ("Qwest" -> "Qwest Communications").
ORG_SUFFIX_WORDS = frozenset(
    "AG SE GmbH KG Inc Inc. Corp Corp. Corporation Ltd Ltd. plc PLC Co Co. Company Group Gruppe Holding Holdings "
    "Konzern Communications".split()
)
# Articles a sentence-initial span may drag in ("The US Patent ..."); kept in known names ("Die Linke").
ARTICLES = frozenset("The Der Die Das Den Dem Des Ein Eine A An".split())
# The first hyphen inside a word, before a capitalised part: "Lufthansa-Tochter".
COMPOUND_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[A-ZÄÖÜ])")
# English attributive compounds whose first part is the name: "Chicago-based", "Microsoft-backed".
ATTRIBUTIVE = re.compile(r"-(?:based|born|headquartered|listed|led|owned|backed|funded|controlled|run|winning|nominated|style|inspired|themed|related)$")
PLACE_ATTRIBUTIVE = ("-based", "-born", "-headquartered")
PREPOSITION = re.compile(r"^(?:von|vom|der|des|of|from) ")
GERMAN_DETERMINER_BEFORE = re.compile(r"(?<![\w-])(?:der|die|das|dem|den|des|ein|eine|einem|einen|eines|einer|vom|zum|zur|beim|im)\s+$")
HYPHENATED_PART = re.compile(r"-\w+")
TRIM_CHARS = " \t\n\r\"'„“”‚‘’«»()[]{}-–—,;:.!?…"


def _word_list(name: str) -> list[str]:
    """The entries of a data file: one per line, `#` comments and blank lines skipped."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def titles() -> frozenset[str]:
    """Honorifics and job titles that precede a name without being part of it."""
    return frozenset(_word_list("titles.txt"))


@cache
def first_names() -> frozenset[str]:
    """Common given names: they mark a span as a person."""
    return frozenset(_word_list("first_names.txt"))


@cache
def honorifics() -> frozenset[str]:
    """Titles that only precede persons ("Mr", "Frau", "Gen"): the name after one is a person."""
    return frozenset(_word_list("honorifics.txt"))


@cache
def descriptors() -> dict[str, str]:
    """Noun endings of descriptions written before a name ("Umweltorganisation", "Vorort") -> the name's type."""
    return dict(line.lower().split()[:1] + line.split()[1:2] for line in _word_list("descriptors.txt"))


@cache
def work_cues() -> frozenset[str]:
    """Words that announce a title in quotation marks: "der Film „…“", "the award “…”"."""
    return frozenset(w.lower() for w in _word_list("work_cues.txt"))


@cache
def common_words(lang: str) -> frozenset[str]:
    """Words the language writes in lower case, shipped with the model (training/scripts/common_words.py)."""
    path = _models_dir() / lang / "common_words.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) if path.exists() else frozenset()


@cache
def compound_tails() -> dict[str, str]:
    """German nouns that make a compound out of a name after a hyphen ("Zelda-Schöpfer", "Tesla-Aktie")
    -> the type they give the name ("-": none)."""
    return {line.split()[0].lower(): line.split()[1] for line in _word_list("compound_tails.txt")}


@cache
def misc_heads() -> frozenset[str]:
    """Last words that make a multi-word name an event or award: "Venice Film Festival"."""
    return frozenset(_word_list("misc_heads.txt"))


@cache
def org_heads() -> frozenset[str]:
    """Last words that make a multi-word name an organisation."""
    return frozenset(_word_list("org_heads.txt"))


@cache
def non_entities() -> frozenset[str]:
    """Normalised names that are never entities (currencies, units)."""
    return frozenset(normalise_name(line) for line in _word_list("non_entities.txt"))


@cache
def patterns(lang: str) -> tuple[dict, ...]:
    """Entity-ruler patterns for `lang`: well-known companies, authorities, courts, products, places."""
    path = DATA_DIR / f"{lang}_patterns.jsonl"
    return tuple(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@cache
def pattern_types(lang: str) -> dict[str, str]:
    """Normalised phrase pattern -> its type, to type a name the model leaves untyped or mistypes."""
    return {normalise_name(p["pattern"]): p["label"] for p in patterns(lang) if isinstance(p["pattern"], str)}


def _merge_patterns(doc):
    """Add pattern matches to the model's entities.

    A pattern span replaces the model spans it overlaps (and corrects their
    type), unless a model span contains it: "Harrison Ford" around the
    pattern "Ford", "Microsoft Edge" around "Microsoft" stay as the model says.
    """
    from spacy.util import filter_spans

    ents = list(doc.ents)
    owner = [-1] * len(doc)  # token -> index of the model entity covering it
    for i, e in enumerate(ents):
        owner[e.start : e.end] = [i] * len(e)
    removed: set[int] = set()
    added = []
    for pat in filter_spans(doc.spans.get("patterns", [])):
        overlapping = {owner[t] for t in range(pat.start, pat.end) if owner[t] >= 0} - removed
        if not any(ents[i].start <= pat.start and pat.end <= ents[i].end and len(ents[i]) > len(pat) for i in overlapping):
            removed |= overlapping
            added.append(pat)
    doc.ents = sorted([e for i, e in enumerate(ents) if i not in removed] + added, key=lambda e: e.start)
    return doc


def build_pipeline(model_path: Path, lang: str, with_patterns: bool = True):
    """A trained pipeline from disk, with the pattern layer of `lang` after its NER."""
    import spacy
    from spacy.language import Language

    nlp = spacy.load(model_path)
    if with_patterns:
        if "entity_patterns" not in Language.factories:
            Language.component("entity_patterns", func=_merge_patterns)
        ruler = nlp.add_pipe("span_ruler", name="patterns", config={"spans_key": "patterns", "annotate_ents": False})
        ruler.add_patterns(list(patterns(lang)))
        nlp.add_pipe("entity_patterns")
    return nlp


@cache
def load_pipeline(lang: str):
    """The shipped pipeline for `lang` with its pattern layer; loaded once per process."""
    return build_pipeline(_models_dir() / lang, lang)


@dataclass
class _Mention:
    start: int
    end: int
    label: str
    name: str = ""
    sure: bool = False  # typed by a rule (given name, organisation head word), not the model: outvotes it
    titled: bool = False  # a person named after an honorific ("Mr Hargreaves"): a lone surname is kept


def _chunks(text: str) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of at most CHUNK_CHARS, cut after a newline where possible."""
    out, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", pos, end)
            end = cut + 1 if cut > pos else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


def _sentence_initial_common_word(text: str, m: _Mention, lower_words: set[str], language: str) -> bool:
    """A lone capitalised word opening a sentence that the article also writes in lower case ("Camera phones ...")."""
    surface = text[m.start : m.end]
    if not surface.isalpha() or surface.isupper() or normalise_name(surface) in pattern_types(language):
        return False
    before = text[max(0, m.start - 20) : m.start].rstrip(" \t\"'„“‘")
    if before and before[-1] not in ".!?:\n":
        return False
    if surface.lower() in lower_words or (language == "en" and surface.endswith(("ing", "ly"))):
        return True
    # a word the language writes in lower case ("Yet", "Law enforcement"), unless the article
    # also capitalises it inside a sentence ("shares of Target")
    return surface.lower() in common_words(language) and not re.search(rf"[\w,;] {re.escape(surface)}\b", text)


def _spans(text: str, language: str) -> list[_Mention]:
    """Model + pattern spans, with titles split off, punctuation trimmed and sentence-initial common words dropped."""
    nlp = load_pipeline(language)
    found: list[_Mention] = []
    pieces = _chunks(text)
    for (offset, _), doc in zip(pieces, nlp.pipe([c for _, c in pieces])):
        for ent in doc.ents:
            if ent.label_ in ENTITY_TYPES:
                found.extend(_split_titles(ent, offset, language))
    found = _extend_names(text, _split_lists(text, _cut_at_sentence_ends(text, found, language), language))
    found += _domain_names(text, found)
    found += _given_name_persons(text, found, language)
    found += _datelines(text, found, language)
    lower_words = {w for w in re.findall(r"\w+", text) if w.islower()}
    trimmed = (_trim(text, m, language) for m in found)
    kept = [m for m in trimmed if m is not None and not _sentence_initial_common_word(text, m, lower_words, language)]
    for m in kept:
        cue = re.search(r"(?:^|\s)([\w-]+)\s+(?:[Tt]he\s+|[Dd](?:er|ie|as)\s+)?$", text[max(0, m.start - 30) : m.start])
        word = cue.group(1).lower() if cue else ""
        if word in work_cues() and (m.label != "PER" or word in WORK_NOUNS):
            m.label, m.sure = "MISC", True  # "the film My Left Foot", "der Roman Der Schwarm", "her novel Wolf Hall"
    for m in kept:
        _mark_honorific_before(text, m)
    return _quoted_titles(text, _join_ampersand(text, kept, language), language)


# Work cues that name a work even before what the model took for a person ("the novel Wolf Hall")
WORK_NOUNS = frozenset(
    "film films movie novel roman book buch album song single series serie drama sitcom documentary opera oper "
    "musical play stück theaterstück thriller comedy komödie krimi memoir episode bestseller biography biografie".split()
)


LIST_SEPARATOR = re.compile(r",\s+|['’]s\s+(?=[A-Z])")


def _split_lists(text: str, mentions: list[_Mention], language: str) -> list[_Mention]:
    """One span, two names: "Sims, Driver" -> Sims + Driver; "EA's Need for Speed" -> EA + Need for Speed."""
    out = []
    for m in mentions:
        hit = LIST_SEPARATOR.search(text, m.start, m.end)
        rest = text[hit.end() : m.end].split() if hit else []
        possessive = bool(hit) and "," not in hit.group()
        if not hit or not rest or (possessive and (
            language == "de" or m.label in ("PER", "LOC") or normalise_name(text[m.start : m.end]) in pattern_types(language)
            or rest[0] in ORG_SUFFIX_WORDS or rest[-1] in org_heads()
        )):
            out.append(m)  # "McDonald's Corp", "Sainsbury's Bank", "St John's Wood" are one name
            continue
        head = text[m.start : hit.start()]
        label = pattern_types(language).get(normalise_name(head), "ORG" if "," not in hit.group() else m.label)
        out.append(_Mention(m.start, hit.start(), label))
        out.append(_Mention(hit.end(), m.end, m.label if "," in hit.group() else "MISC"))
    return out


def _cut_at_sentence_ends(text: str, mentions: list[_Mention], language: str) -> list[_Mention]:
    """A name never runs over a sentence end: "Vestey. Agriculture" -> "Vestey" + "Agriculture"."""
    if not any(c in text[m.start : m.end] for m in mentions for c in ".!?\n"):
        return mentions
    starts = [s for s, _ in split_sentences(text, language)]
    out = []
    for m in mentions:
        i = bisect.bisect_right(starts, m.start)
        if i < len(starts) and starts[i] < m.end:
            out.append(_Mention(m.start, starts[i], m.label, sure=m.sure, titled=m.titled))  # trimmed later
            out.append(_Mention(starts[i], m.end, m.label))
        else:
            out.append(m)
    return out


NAME_PARTICLES = re.compile(r"(?:\s+(?:van|von|de|den|der|da|di|du|del|della|dos|das|le|la|ten|ter|bin|al))+\s+[A-ZÄÖÜ][\w'’-]+")
CAPITAL_PARTICLE = frozenset("Van Von De Del Da Di Du Le La Ten Ter Al Bin Mac".split())
DOMAIN_AFTER = re.compile(r"\.(?:com|net|org|io|ai|co\.uk|de|at|ch)(?!\w)")


def _extend_names(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Take in what the model cut off: "Nick Van" + "den Brul", "OptInRealBig" + ".com"."""
    for m in mentions:
        last = text[m.start : m.end].rsplit(" ", 1)[-1]
        if m.label == "PER" and (last in CAPITAL_PARTICLE or " " in text[m.start : m.end]):
            hit = NAME_PARTICLES.match(text, m.end)
            if hit and (last in CAPITAL_PARTICLE or not hit.group().lstrip().startswith(("von", "der", "den", "das", "de la"))):
                m.end = hit.end()
        hit = DOMAIN_AFTER.match(text, m.end)
        if hit and m.label in ("ORG", "MISC"):
            m.end = hit.end()
    return mentions


DOMAIN_NAME = re.compile(r"(?<![\w.@/-])[A-Z][A-Za-z0-9-]*[a-z][A-Za-z0-9-]*\.(?:com|net|org|io)(?![\w/])")


GIVEN_THEN_NAME = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+)\s([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?![\w-])")
NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "ismus", "ität", "tum", "nis")


def _given_name_persons(text: str, found: list[_Mention], language: str) -> list[_Mention]:
    """A given name and a capitalised word the model left out are a person: "Die Angeklagte Beate Zschäpe schweigt"."""
    out = []
    for h in GIVEN_THEN_NAME.finditer(text):
        given, surname = h.group(1), h.group(2)
        if given not in first_names() or surname in first_names() or surname.lower() in _stop_words(language) \
                or surname.endswith(NOUN_ENDINGS) or surname.lower() in common_words(language):
            continue
        if not any(m.start < h.end() and h.start() < m.end for m in found + out):
            out.append(_Mention(h.start(), h.end(), "PER", sure=True))
    return out


def _domain_names(text: str, found: list[_Mention]) -> list[_Mention]:
    """A capitalised web address used as a name ("OptInRealBig.com") is the company behind it, whatever the model typed."""
    for m in found:
        if DOMAIN_NAME.fullmatch(text, m.start, m.end):
            m.label, m.sure = "ORG", True
    return [
        _Mention(h.start(), h.end(), "ORG")
        for h in DOMAIN_NAME.finditer(text)
        if not any(m.start < h.end() and h.start() < m.end for m in found)
    ]


DATELINE = re.compile(r"(?:^|(?<=[^\W\d][.!?]\s)|(?<=\n))([A-ZÄÖÜ][\w.]+(?:[ /][A-ZÄÖÜ][\w.]+)?)[ \t]+[-–—][ \t]+(?=[A-ZÄÖÜ„\"])")


def _datelines(text: str, found: list[_Mention], language: str) -> list[_Mention]:
    """The place a report was filed from, before a dash at the start of its text: "Omaha - Der ...", "Wien – ..."."""
    out = []
    for h in DATELINE.finditer(text):
        s, e = h.span(1)
        if not any(m.start < e and s < m.end for m in found) and text[s:e] not in ARTICLES:
            out.append(_Mention(s, e, pattern_types(language).get(normalise_name(text[s:e]), "LOC")))
    return out


HONORIFIC_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]*\.?)\s+$")


def _mark_honorific_before(text: str, m: _Mention) -> None:
    """"Mr Hargreaves" with only "Hargreaves" in the span: a person, kept even without a full name."""
    hit = HONORIFIC_BEFORE.search(text, max(0, m.start - 10), m.start)
    if hit and hit.group(1) in honorifics() and " " not in text[m.start : m.end] and text[m.start : m.end] not in titles():
        m.label, m.sure, m.titled = "PER", True, True


# "Harlow & Finch", "Marks and Spencer plc": one company, not two names.
AMPERSAND_AFTER = re.compile(r"\s*&\s*(?:[A-ZÄÖÜ][\w'’.-]*)(?:\s+(?:[A-ZÄÖÜ][\w'’.-]*|&\s*Co\.?))*")
AND_COMPANY_AFTER = re.compile(
    r"\s+(?:and|und)\s+[A-ZÄÖÜ][\w'’-]*(?:\s+[A-ZÄÖÜ][\w'’-]*)?\s+(?:Ltd|Inc|LLP|LLC|plc|PLC|Co|Company|Partners|GmbH|AG|KG)\b\.?"
)


JOINED_BEFORE = re.compile(r"(?<![\w&-])[A-ZÄÖÜ][\w'’-]*[ \t]+(?:&|and|und)[ \t]+$")
LEGAL_SUFFIX = re.compile(r"\b(?:Ltd|Inc|LLP|LLC|plc|PLC|Co|Company|Partners|GmbH|AG|KG)\.?$")


def _join_ampersand(text: str, mentions: list[_Mention], language: str) -> list[_Mention]:
    """Extend a name over "& Finch" (or "and Finch Ltd"), or back over "Harlow &" / "Brannock and" before
    "Tilley Ltd"; drop the mentions the joined name covers."""
    mentions = sorted(mentions, key=lambda m: m.start)
    out: list[_Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue  # inside a name joined just before
        hit = AMPERSAND_AFTER.match(text, m.end) or AND_COMPANY_AFTER.match(text, m.end)
        if hit and m.label != "LOC" and "\n" not in hit.group():
            m = _Mention(m.start, hit.end(), "ORG", sure=True)
        back = JOINED_BEFORE.search(text, max(0, m.start - 40), m.start)
        surface = text[m.start : m.end]
        if back and m.label != "LOC" and ("&" in back.group() or LEGAL_SUFFIX.search(surface)):
            while out and out[-1].end > back.start():
                out.pop()
            m = _Mention(back.start(), m.end, "ORG", sure=True)
        out.append(m)
    return out


QUOTED = re.compile(r"[„“”\"«»‚‘](?=[A-ZÄÖÜ0-9])([^„“”\"«»\n]{1,80}?)[“”\"«»‘’](?!\w)")
TITLE_WORDS_OK = frozenset("of the and in on at for to a an with from der die das des dem den und im am von vom für mit in zu & : –".split())


def _quoted_titles(text: str, mentions: list[_Mention], language: str) -> list[_Mention]:
    """Titles in quotation marks are works, events, awards or products (MISC): "der Film „Das Boot“".

    A quotation is taken as a title when a cue word ("Film", "award", "Festival") stands
    just before it, or when it is 2-8 capitalised words ("Privacy Shield"); the model's
    spans inside it are replaced by the whole title. Quoted speech has neither.
    """
    found = []
    for q in QUOTED.finditer(text):
        inner = q.group(1).strip()
        words = inner.split()
        if not words or len(words) > 10 or inner[-1] in ".,;!?" or not inner[0].isupper() and not inner[0].isdigit():
            continue
        before = re.findall(r"[\w-]+", text[max(0, q.start() - 40) : q.start()])
        after = re.match(r"-(\w+)", text[q.end() : q.end() + 30])  # "„Tatort“-Folge", "„Dune“-Regisseur"
        cue = any(w.lower() in work_cues() or w.lower().split("-")[-1] in work_cues() for w in before[-3:]) or bool(
            after and (after.group(1).lower() in work_cues() or after.group(1).lower().endswith(("folge", "regisseur", "regisseurin", "autor", "autorin", "star", "macher")))
        )
        title_case = 2 <= len(words) <= 8 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_WORDS_OK for w in words)
        if language == "de" and title_case and not cue:
            title_case = sum(w[:1].isupper() for w in words) == len(words) and not any(w.lower() in TITLE_WORDS_OK for w in words)
        start, end = q.start(1), q.start(1) + len(q.group(1).rstrip())
        if not cue and any(m.start == start and m.end == end for m in mentions):
            continue  # the model found the quoted name whole ("Süddeutsche Zeitung"): its type stands
        if cue or title_case:
            found.append(_Mention(start, end, "MISC", sure=True))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(f.start <= m.start and m.end <= f.end for f in found)]
    kept += [f for f in found if not any(m.start < f.end and f.start < m.end for m in kept)]
    return sorted(kept, key=lambda m: m.start)


def _split_titles(ent, offset: int, language: str) -> list[_Mention]:
    """Drop leading titles ("Herr", "CEO"); "Microsoft-CEO Satya Nadella" -> Microsoft + Satya Nadella.

    A span the model typed otherwise is a person too when a title precedes two
    capitalised words ("President George W Bush"), unless it is a known name
    ("General Motors").
    """
    toks = list(ent)
    if len(toks) > 1 and toks[0].text in honorifics() and toks[1].text[:1].isupper() and normalise_name(ent.text) not in pattern_types(language):
        rest = toks[1:]  # "Mr Hargreaves", "Gen Alvarez": a person, whatever the model said
        while len(rest) > 1 and (rest[0].text in titles() or rest[0].text[:1].islower()):
            rest = rest[1:]  # "Mr Justice Eady" -> Eady
        if len(rest) == 1 and rest[0].text in titles():
            return []  # "Herr Bundeskanzler", "Mr President" name no one
        return [_Mention(rest[0].idx + offset, rest[-1].idx + len(rest[-1]) + offset, "PER", sure=True, titled=True)]
    title_at = [i for i, t in enumerate(toks) if t.text in titles() and i + 1 < len(toks)]
    if title_at and ent.label_ != "PER":
        rest = toks[title_at[-1] + 1 :]
        if len(rest) < 2 or not all(t.text[:1].isupper() for t in rest) or normalise_name(ent.text) in pattern_types(language):
            title_at = []
    if not title_at:
        return [_Mention(ent.start_char + offset, ent.end_char + offset, ent.label_)]
    i = title_at[-1]
    out = []
    head = [t for t in toks[:i] if t.text not in titles()]
    while head and not head[-1].text[:1].isalnum():
        head.pop()
    if head and head[0].text[:1].isupper():
        head_text = ent.doc.text[head[0].idx : head[-1].idx + len(head[-1])]
        label = pattern_types(language).get(normalise_name(head_text), "ORG")
        out.append(_Mention(head[0].idx + offset, head[-1].idx + len(head[-1]) + offset, label))
    rest = toks[i + 1 :]
    out.append(_Mention(rest[0].idx + offset, rest[-1].idx + len(rest[-1]) + offset, "PER"))
    return out


def _cut_compounds(text: str, mentions: list[_Mention], language: str) -> list[_Mention]:
    """"Lufthansa-Tochter Eurowings" -> Lufthansa + Eurowings, when the part before the hyphen is a known name;
    "Publisher Konami" -> Konami, when the part after a first word is.

    Known: a pattern name or a name the article also uses on its own; a compound that
    is itself a known name ("EU-Kommission", "Baden-Württemberg") stays whole.
    """
    known = pattern_types(language)
    alone: dict[str, str] = {}
    for m in mentions:
        surface = text[m.start : m.end]
        if "-" not in surface:
            alone.setdefault(normalise_name(surface), m.label)
    if language == "de":  # "Ischler", "Altausseer": demonyms of places the article names
        places = set(_places("de")) | {text[m.start : m.end] for m in mentions if m.label == "LOC"}
        mentions = [m for m in mentions if " " in text[m.start : m.end] or m.label == "PER" or not demonym_place(text[m.start : m.end], places)]
    surnames = {text[m.start : m.end].split()[-1] for m in mentions if m.label == "PER"} | set(alone)
    out = []
    for m in mentions:
        surface = text[m.start : m.end]
        first, _, second = surface.partition(" ")
        if language == "de" and second and " " not in second and first.endswith("s") and (first[:-1] in surnames or normalise_name(first[:-1]) in known):
            m = _Mention(m.start, m.start + len(first), known.get(normalise_name(first[:-1]), m.label))  # "Obamas Demokraten" -> Obamas
            surface = first
        attributive = ATTRIBUTIVE.search(surface) if language == "en" else None
        if attributive:
            head = surface[: attributive.start()]
            place = attributive.group().startswith(PLACE_ATTRIBUTIVE)
            label = known.get(normalise_name(head)) or alone.get(normalise_name(head)) or ("LOC" if place else m.label)
            out.append(_Mention(m.start, m.start + len(head), label))
            continue
        first, _, rest = surface.partition(" ")
        prep = PREPOSITION.match(rest)
        rest = rest[prep.end() :] if prep else rest  # "Sprach-KI-Technologie von OpenAI" -> OpenAI
        rest_label = known.get(normalise_name(rest)) or alone.get(normalise_name(rest)) if rest else None
        if rest_label == m.label != "PER" and normalise_name(surface) not in known and ("-" not in first or prep):
            # a description before a known name: "Publisher Konami", "Wiener Unicredit"
            out.append(_Mention(m.end - len(rest), m.end, rest_label))
            continue
        glued = re.match(r"-(\w+)(?!-)\b", text[m.end : m.end + 40]) if language == "de" else None
        if glued and normalise_name(surface) not in known:  # the model stopped at the hyphen: "Metal Gear|-Schöpfer"
            ending = next((e for e in compound_tails() if glued.group(1).lower().endswith(e)), None)
            if ending and compound_tails()[ending] != "-":
                m = _Mention(m.start, m.end, compound_tails()[ending], sure=True)
        hit = None if normalise_name(surface) in known else COMPOUND_HYPHEN.search(surface)
        head = surface[: hit.start()] if hit else ""
        label = known.get(normalise_name(head)) or alone.get(normalise_name(head)) if head else None
        tail = surface[hit.end() :] if hit else ""
        ending = next((e for e in compound_tails() if tail.lower().endswith(e)), None) if language == "de" and head and " " not in tail else None
        typed = False
        if ending and (not label or compound_tails()[ending] != "-"):
            tail_type = compound_tails()[ending]  # "Metal Gear-Schöpfer": a work; "Tesla-Aktie": a company
            typed = tail_type != "-" and normalise_name(head) not in known
            label = tail_type if typed else label or m.label
        if not label:
            out.append(m)
            continue
        out.append(_Mention(m.start, m.start + len(head), label, sure=typed))
        rest = surface[hit.end() :].split(" ", 1)
        if len(rest) == 2 and rest[1][:1].isupper():
            out.append(_Mention(m.end - len(rest[1]), m.end, m.label))
    return out


def _trim(text: str, m: _Mention, language: str) -> _Mention | None:
    """Strip quotes, brackets and dangling hyphens; drop spans that cannot be names."""
    start, end = m.start, m.end
    bracket = text.find("(", start, end)
    if bracket > start:
        end = bracket  # "Office of Fair Trading (OFT)": the acronym becomes an alias, below
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        # keep the dot of an abbreviation ("U.S.", "Inc.", "Jr.")
        if text[end - 1] == "." and not text[end - 2 : end - 1].islower():
            break
        if text[end - 1] == "." and text[start:end].endswith(("Inc.", "Co.", "Corp.", "Ltd.", "Jr.")):
            break
        end -= 1
    first = text[start:end].split(maxsplit=1)
    if len(first) == 2 and first[0] in ARTICLES and normalise_name(text[start:end]) not in pattern_types(language):
        start = end - len(first[1])
    prefix = GLUED_PREFIX.search(text, start, end) if language == "de" and text[end : end + 1] == "-" else None
    if prefix:
        end = prefix.start()  # "Südtirols Alt-Landeshauptmann": "Alt-" belongs to the role, not the name
        if re.sub(r"s$", "", text[start:end]) in _places(language):
            m = _Mention(m.start, m.end, "LOC", m.name, m.sure, m.titled)  # and the rest is the place: Südtirol
    while end < len(text) and text[end - 1].isdigit() and text[end].isalpha():
        end += 1  # the rest of a version the tokenizer split off: "iPhone 3G"
    edition = EDITION.match(text, end) if text[end - 1 : end].isdigit() else None
    if edition:
        end = edition.end()  # "iPhone 15 Pro", "Galaxy S23 Ultra"
    while m.label == "PER" and text[end : end + 1] == "-" and text[end + 1 : end + 2].isupper():
        end = HYPHENATED_PART.match(text, end).end()  # a double surname: "Falque-Pierrotin"
    tail = re.search(r"(?:\s+[a-zäöüß]+)+$", text[start:end])
    if tail:
        end = start + tail.start()  # "Gisela von" (the rest of the name was cut off)
        while end > start and text[end - 1] in " -–—,;:":
            end -= 1
    start, label = _cut_description(text, start, end, m.label, language)
    first = re.match(r"([A-ZÄÖÜ][a-zäöüß]+)\s+(?=[A-ZÄÖÜ])", text[start:end])
    if (
        first and first.group(1).lower() in _stop_words(language) and first.group(1).lower() not in NAME_OPENERS
        and first.group(1) not in ARTICLES and normalise_name(text[start:end]) not in pattern_types(language)
        and re.search(r"(?:^|[.!?:]\s+|\n\s*)[\"'„“‘]?$", text[max(0, start - 5) : start])
    ):
        start += first.end()  # "However Roddick", "Auch Siemens": a function word opening the sentence
    if language == "en":
        start = _after_lowercase_word(text, start, end)
        lead = re.match(r"(\w+) (?:the|a|an) (?=[A-Z])", text[start:end])
        opens_sentence = re.search(r"(?:^|[.!?:]\s+|\n\s*)[\"'“‘]?$", text[max(0, start - 5) : start])
        if lead and opens_sentence and lead.group(1).lower() in common_words(language):
            start += lead.end()  # "Already the Live-Shot" -> "Live-Shot"
    surface = text[start:end]
    if len(surface) < 2 or not any(c.isupper() or c.isdigit() for c in surface) or is_case_number(surface) or ROMAN.fullmatch(surface):
        return None
    if language == "de" and " " not in surface and _is_demonym(text, start, end, surface):
        return None  # "Münchner Firmen": an adjective, not the city
    if surface in titles():
        return None  # "MP", "CEO" alone name no one
    if language == "de" and is_adjective(surface) and normalise_name(surface) not in pattern_types(language):
        return None  # "Audiovisuelle": an adjective alone names nothing
    if normalise_name(surface) in non_entities() or (" " not in surface and normalise_name(surface.split("-")[0]) in non_entities()):
        return None
    if language == "de" and m.label == "PER" and " " not in surface and GERMAN_DETERMINER_BEFORE.search(text, max(0, start - 12), start):
        return None  # "das Kreditinstitut": German puts no article before a person's name
    return _type_by_name_words(text, _Mention(start, end, label, sure=label != m.label, titled=m.titled), language)


ROMAN = re.compile(r"[IVXLC]+\.?")  # "III" alone is a numeral (of a king, a war, a series), not a name
NAME_INNER_WORDS = frozenset("of the and for on at in de du da van von der den la le y & upon under".split())


GLUED_PREFIX = re.compile(r"\s(?:Alt|Ex|Vize|Ko|Co|Noch|Ehren|Interims)\Z")
EDITION = re.compile(r"(?: (?:Pro|Max|Plus|Ultra|Mini|XL|SE|Lite))+\b")
CAMEL = re.compile(r"[a-z]{1,2}[A-Z]")


def _after_lowercase_word(text: str, start: int, end: int) -> int:
    """English names hold no lower-case words but "of", "and", "de" ...: "Chapter 11 filing OptInRealBig" -> "OptInRealBig"."""
    words = list(re.finditer(r"\S+", text[start:end]))
    lower = [w.group()[:1].islower() and not CAMEL.match(w.group()) for w in words]  # "iPhone", "eBay" are names
    lead = next((i for i, low in enumerate(lower) if not low), len(words))
    if 0 < lead < len(words) and words[0].group() not in NAME_INNER_WORDS:
        return start + words[lead].start()  # "umbrella of Operation Digital Gridlock" -> "Operation Digital Gridlock"
    cut = max((i for i, w in enumerate(words) if lower[i] and w.group() not in NAME_INNER_WORDS), default=None)
    if cut is None or cut + 1 >= len(words) or not words[cut + 1].group()[:1].isupper():
        return start
    return start + words[cut + 1].start()


def _is_demonym(text: str, start: int, end: int, surface: str) -> bool:
    """A German demonym adjective ("Münchner", "Hamburger") before a noun; "Hamburger SV" is a longer span."""
    nxt = re.match(r"\s+([A-ZÄÖÜ][a-zäöüß]+)", text[end : end + 40])
    return bool(nxt) and demonym_place(surface, _places("de")) is not None


# Stop words that do open names: "First Data", "Erste Bank", "Neue Zürcher Zeitung".
NAME_OPENERS = frozenset("first last next new erste erster erstes neue neuer neues zweite dritte".split())


@cache
def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's function-word list for the language: such a word never opens a name."""
    from spacy.util import get_lang_class

    return frozenset(get_lang_class(lang).Defaults.stop_words)


@cache
def _places(lang: str) -> frozenset[str]:
    return frozenset(p["pattern"] for p in patterns(lang) if p["label"] == "LOC" and isinstance(p["pattern"], str))


def _cut_description(text: str, start: int, end: int, label: str, language: str) -> tuple[int, str]:
    """Skip a description before the name, which also types it: "Umweltorganisation Greenpeace" (ORG),
    "Münchner Vorort Unterhaching" (LOC). Returns the new start and type."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if normalise_name(text[start:end]) in pattern_types(language):
        return start, label
    demonym = language == "de" and len(words) > 2 and demonym_place(words[0].group(), _places("de"))
    for i in (1, 0) if demonym else (0,):  # a demonym before a description: "Münchner Vorort ..."
        if len(words) - i >= 2 and words[i + 1].group()[:1].isupper() and words[i].group()[:1].isupper():
            low = words[i].group().lower()
            ending = next((e for e in descriptors() if low.endswith(e) or low[:-1].endswith(e) and low.endswith("s")), None)
            if ending:
                return start + words[i + 1].start(), descriptors()[ending]
    return start, label


# The last word of a versioned product ("PlayStation 5", "Galaxy S23", "Airbus A350", "iPhone 15 Pro").
VERSION_WORD = re.compile(r"\d+[A-Za-z]{0,2}|[A-Z]{1,2}\d+[A-Za-z]{0,2}|Pro|Max|Plus|Ultra|Mini")
# Organisations named with a number: "Channel 4", "Radio 1", "Formel 1", "G20".
NUMBERED_ORG_WORDS = frozenset("Channel Radio Kanal Sat Formel Formula Division Liga Bundesliga Premier ZDF BBC ITV RTL Ö1 FM".split())


def _given_name(word: str) -> bool:
    """"Warren", and hyphenated given names whose parts are given names: "Heinz-Christian"."""
    return word in first_names() or ("-" in word and all(p in first_names() for p in word.split("-")))


def _type_by_name_words(text: str, m: _Mention, language: str) -> _Mention:
    """Type by the words of the name: "Dalian Zeus Entertainment" -> ORG; "Warren Buffett" typed MISC -> PER;
    "Franzose Louis Saha" -> "Louis Saha" (PER); a "person" ending in a known place ("Solarwerk Dresden") -> ORG."""
    surface = text[m.start : m.end]
    words = surface.split(" ")
    if m.label == "PER" and len(words) == 1 and len(surface) >= 2 and surface.isupper() and surface.isalpha():
        return _Mention(m.start, m.end, pattern_types(language).get(normalise_name(surface), "ORG"), sure=True)  # "NASA": no person
    if len(words) >= 2 and m.label in ("ORG", "PER") and VERSION_WORD.fullmatch(words[-1]) and words[0] not in NUMBERED_ORG_WORDS:
        return _Mention(m.start, m.end, "MISC", sure=True)  # a product with a version: "Galaxy S23", "Airbus A350"
    if len(words) == 1 and "-" in surface and surface.rsplit("-", 1)[1] in org_heads() and m.label != "ORG":
        return _Mention(m.start, m.end, "ORG", sure=True)  # "Leopold-Museum", "Max-Planck-Institut"
    if not 2 <= len(words) <= 4 or normalise_name(surface) in pattern_types(language):
        return m
    if words[-1] in misc_heads() or " ".join(words[-2:]) in misc_heads():
        return _Mention(m.start, m.end, "MISC", sure=True)  # an event or award: "Venice Film Festival", "Athens Games"
    if words[-1] in org_heads():  # "George Mason University": the head word outranks the given name
        return _Mention(m.start, m.end, "ORG", sure=True)
    if m.label == "PER" and any(normalise_name(w) in non_entities() for w in words):
        return _Mention(m.start, m.end, "MISC")  # no person is called "... Apps": a product
    if m.label == "PER" and words[0] not in first_names() and pattern_types(language).get(normalise_name(words[-1])) == "LOC":
        return _Mention(m.start, m.end, "ORG")  # a name ending in a known place is a firm or club: "Solarwerk Dresden"
    if _given_name(words[0]) and words[1][:1].isupper():
        return _Mention(m.start, m.end, "PER", sure=True)
    if len(words) >= 3 and words[1] in first_names() and words[2][:1].isupper() and words[0] not in first_names():
        return _Mention(m.start + len(words[0]) + 1, m.end, "PER", sure=True)
    return m


def _base_form(text: str, m: _Mention, known: set[str], language: str) -> str:
    """The name in its base form: "Microsofts" -> "Microsoft", "des Europäischen Gerichtshofs" -> "Europäischer Gerichtshof"."""
    surface = " ".join(text[m.start : m.end].split())
    for suffix in ("’s", "'s", "’", "'"):
        if surface.endswith(suffix) and len(surface) > len(suffix) + 1:
            return surface[: -len(suffix)]
    if language != "de":
        return surface
    before = text[max(0, m.start - 12) : m.start]
    folded = german_nominative(surface, before, _places("de")) if m.label != "PER" else surface
    if folded != surface:
        return folded
    if surface.endswith("s") and len(surface) > 3 and surface[-2].isalpha():  # "iPhone 4s" is a version
        bare = surface[:-1]
        if normalise_name(bare) in known or _saxon_genitive(text, m, before):
            return bare
    return surface


SAXON_NEXT = re.compile(r"\s+(?:[a-zäöüß]+(?:e|er|en|es|em)\s+)?[A-ZÄÖÜ][a-zäöüß]{2,}")  # "Lederers (verstorbener) Mann"
NO_GENITIVE_S = re.compile(r"(?:[sßxz]|ss|us|is|os|as|es)$")


def _saxon_genitive(text: str, m: _Mention, before: str) -> bool:
    """"Schröders Rede", "Microsofts Umsatz": a name + s before a noun, with no article before it."""
    surface = text[m.start : m.end]
    if m.label not in ("PER", "ORG", "LOC") or NO_GENITIVE_S.search(surface[:-1]) or surface.isupper():
        return False
    if surface[-2] in "aiouy" or normalise_name(surface) in pattern_types("de"):
        return False  # "Thomas", "Paris", "Mercedes": the s is the name's own; "Siemens" is a known name
    if re.search(r"(?:der|die|das|den|dem|des|ein|eine|einem|einen|eines|einer)\s+$", before, re.IGNORECASE):
        return False
    return bool(SAXON_NEXT.match(text, m.end))


def _resolve(text: str, mentions: list[_Mention], language: str) -> None:
    """Set each mention's canonical name: acronym aliases, genitives, short forms of people and companies."""
    known = {normalise_name(text[m.start : m.end]) for m in mentions} | set(pattern_types(language))
    for m in mentions:
        m.name = _base_form(text, m, known, language)
    # Acronym in brackets right after a name: the acronym is an alias of that name.
    alias: dict[str, tuple[str, str]] = {}
    starts = {m.start for m in mentions}
    for m in list(mentions):
        hit = ACRONYM_AFTER.match(text, m.end)
        if hit and hit.group(1) != m.name and sum(c.isupper() for c in hit.group(1)) >= 2:
            alias.setdefault(hit.group(1), (m.name, m.label))
            if hit.start(1) not in starts:
                starts.add(hit.start(1))
                mentions.append(_Mention(hit.start(1), hit.end(1), m.label))
    for m in mentions:
        m.name = m.name or text[m.start : m.end]
        if m.name in alias:
            m.name, m.label = alias[m.name]
    mentions.sort(key=lambda m: m.start)
    # Short forms: a person's surname (or other name part) -> the nearest full name, earlier first.
    full: dict[str, list[int]] = defaultdict(list)  # full name -> start offsets of its mentions, in text order
    full_labels: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if len(m.name.split()) > 1:
            full[m.name].append(m.start)
            full_labels[m.name].add(m.label)
    matches: dict[tuple[str, str], list[str]] = {}
    for m in mentions:
        key = (m.name, m.label)
        if key not in matches:
            words = m.name.split()
            matches[key] = [
                name for name in full
                if name != m.name and len(words) < len(name.split())
                and any(_is_short_form(words, name, label, m.label) for label in full_labels[name])
            ]
        candidates = matches[key] or _introduced_company(m, full, full_labels, language)
        if candidates:
            m.name = min(candidates, key=lambda name: _distance_before(full[name], m.start))  # type voted below


def _introduced_company(m: _Mention, full: dict, full_labels: dict, language: str) -> list[str]:
    """Companies named in full before are often shortened to their first word: "Ardent" of "Ardent
    Automation" mentioned earlier. A known name ("Microsoft" beside "Microsoft Research") keeps its own."""
    if m.label != "ORG" or " " in m.name or normalise_name(m.name) in pattern_types(language):
        return []
    return [name for name in full if "ORG" in full_labels[name] and name.split()[0] == m.name and full[name][0] < m.start]


def _distance_before(starts: list[int], start: int) -> tuple[int, int]:
    """Sort key: the nearest preceding full-name mention first, else the nearest following one."""
    i = bisect.bisect_left(starts, start)
    return (0, start - starts[i - 1]) if i else (1, starts[0] - start)


def _is_short_form(words: list[str], full_name: str, full_label: str, label: str) -> bool:
    """"Nadella" of "Satya Nadella" when either is typed PER; "Qwest" of ORG "Qwest Communications".

    A place or company is not cut out of a "person" the model typed without a given
    name: "Dresden" stays a city beside "Solarwerk Dresden".
    """
    fw = full_name.split()
    if full_label == "PER" and label in ("LOC", "ORG") and fw[0] not in first_names():
        return False
    if "PER" in (full_label, label):
        return words == fw[-len(words) :] or words == fw[: len(words)]
    if full_label == "ORG":
        return fw[: len(words)] == words and all(w in ORG_SUFFIX_WORDS for w in fw[len(words) :])
    return False


def _vote_types(text: str, mentions: list[_Mention], language: str) -> None:
    """One type per entity: a pattern's type if the name is a known one, else the majority (first wins ties).

    Mentions typed by a rule outvote the model's: "George W Bush" is a person even
    when the model reads three "Bush administration" mentions as ORG; so does a full
    name with a given name typed as a person: "Andy Roddick" over two "Roddick" read as places.
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        words = text[m.start : m.end].split()
        given = m.label == "PER" and len(words) > 1 and words[0] in first_names()
        votes[normalise_name(m.name)][m.label] += 1000 if m.sure or given else 1
    known = pattern_types(language)
    for m in mentions:
        key = normalise_name(m.name)
        m.label = known.get(key) or max(votes[key].items(), key=lambda kv: kv[1])[0]


def _drop_lone_surnames(mentions: list[_Mention]) -> list[_Mention]:
    """A one-word "person" never introduced by a full name is more often a noun the model misread ("Rotwein")."""
    return [m for m in mentions if not (m.label == "PER" and " " not in m.name and not m.titled)]


def _propagate(text: str, mentions: list[_Mention], language: str) -> list[_Mention]:
    """Mark further occurrences of every found surface form (and surnames), so mentions are consistent."""
    lower_words = {w for w in re.findall(r"\w+", text) if w.islower()}
    forms: dict[str, _Mention] = {}
    for m in mentions:
        surface = text[m.start : m.end]
        candidates = [surface] + ([m.name.split()[-1]] if m.label == "PER" and " " in m.name else [])
        for form in candidates:
            if len(form) < 3 or not form[0].isupper():
                continue
            if form.lower() in lower_words and not form.isupper():
                continue  # also written in lower case: a common word the model mistook once
            forms.setdefault(form, m)
    if not forms:
        return mentions
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    genitive = "s?" if language == "de" else "(?:['’]s)?"
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    added = []
    for hit in re.finditer(rf"(?<![\w-])(?:{alternatives})(?={genitive}(?!\w))", text):
        s, e = hit.start(), hit.end()
        if any(taken[s:e]):
            continue
        src = forms[hit.group()]
        added.append(_Mention(s, e, src.label, src.name))
    return sorted(mentions + added, key=lambda m: m.start)


def extract_entities(text: str, language: str) -> list[EntityMention]:
    """All entity mentions of one article, each with its article-level canonical name."""
    if language not in ("de", "en") or not text.strip():
        return []
    mentions = [m if m.sure else _type_by_name_words(text, m, language) for m in _cut_compounds(text, _spans(text, language), language)]
    _resolve(text, mentions, language)
    _vote_types(text, mentions, language)
    mentions = _propagate(text, _drop_lone_surnames(mentions), language)
    out, last_end = [], -1
    for m in mentions:
        if m.start < last_end:
            continue
        out.append(EntityMention(text[m.start : m.end], m.start, m.end, m.label, m.name))
        last_end = m.end
    return out

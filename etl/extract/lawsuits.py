"""Lawsuits: who sues whom, over what, before which court, and how it stands.

Rules over the sentence's structure and the entity output (no German treebank is
available to train a parser; HanTa tagging was measured at ~6.5 ms per German trigger
sentence, too slow for the 1,000 articles/s budget, so only its word lexicon is asked, at
0.4 ms a word, whether a lone capitalised word the NER missed is a name). The word lists live in
``data/lawsuits/*.yaml`` so that users can extend them without touching code.

Each sentence with a trigger becomes a *mention* whose roles come from a few structural
rules, the same in both languages: the clause subject takes the trigger's subject role
(active "X verklagt/sued Y"; passive "Y wurde von X verklagt", "Y was sued by X"; "Y faces
charges", "X muss sich verantworten"); "gegen/against" and "zwischen X und Y" name sides;
an agent after a trigger noun ("Klage von X", "a suit brought by X") or an owner before it
("X's lawsuit") is the plaintiff; "mit/with X" in a dispute is the subject's opponent;
ruling verbs take the accused as object ("convicted X"), the court's favour its winner
("gab X recht", "X bekam Recht", "ruled in favour of X": plaintiff side). Parties are
entities, unnamed groups ("Anleger", "Greek prosecutors", "the Danish and German
governments": two), descriptors ("der Konzern", "the rap star"), and pronouns next to a
trigger: "it"/"they" for an organisation named before in the sentence, a subject "Er"/"it"
opening a clause for the person (the plaintiff) named before, an object "ihn"/"sie"/"him"
for the party named before the sentence. Names are the fullest the article uses, without
titles, with acronyms and bracketed short forms resolved; whoever represents a party is
counsel, no party. Unnamed defendants counted, indefinite or described ("drei frühere
Vorstände", "a former contractor", "gegen ihren Vater") are no listed parties; their words
are the case's defendants_generic (the guideline). Negated and hypothetical triggers,
investigations, agency decisions and bankruptcy filings state no proceeding.

Mentions are then grouped into one record per proceeding: anaphora ("die Klage", "the
suit"), shared parties, a definite unnamed party introduced before ("Der Journalist"),
an appellant who is the other side, and unnamed defendants of the same named plaintiff
join a known case; an indefinite "eine Klage"/"a lawsuit", "In a separate case", another
named plaintiff or a rival defendant opens another one. A case whose parties are unnamed
takes names a later sentence gives them ("The four companies named in the suit are A, B
and C", "Among the accused were A and B", "Der Mann namens X"); a later record that names
the same defendants joins it. The status is the latest event's, but a filing told after a
decision is background. Pleas, prison terms and acquittals make a case criminal whatever
the offence. The evidence is the first sentence of the case that names a party, without
its full stop.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from etl.extract.model import Amount, EntityMention, Lawsuit, LawsuitParty, normalise_name
from etl.extract.sentences import split as split_sentences

_DATA = Path(__file__).parent / "data" / "lawsuits"
_PARTY_TYPES = ("PER", "ORG", "LOC")
_ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines the a an its their his her this that these those "
    "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres".split()
)
_POSSESSIVE = re.compile(r"\b(?:ihre[mnrs]?|ihr|seine[mnrs]?|sein|its|their)\s+(?:[a-zäöüß-]+\s+)?$")
_GROUP_NOUNS = frozenset(
    "group number couple dozens hundreds thousands millions lot lots some many most all several "
    "wave series flurry raft string spate barrage batch round welle reihe serie flut "
    "gruppe reihe dutzend dutzende hunderte tausende".split()
)
_AGENT_PREPS = frozenset(("von", "vom", "gen", "für", "by", "from", "of", "for"))  # "eine Klage im Namen von Autoren"
_QUANTIFIERS = frozenset(
    "über mehr als rund etwa knapp fast mindestens more than about around some over nearly almost at least".split()
)
_DE_ADJ_LOWER = re.compile(r"[a-zäöüß]{3,}(?:e|en|er|es|em)")
_COURT_AFTER = re.compile(r" (?:(?:Superior|District|County|Crown|High|Supreme|Federal|Circuit|Magistrates'?|State) )?Court\b")
_WEB_SUFFIX = re.compile(r"\.(?:com|net|org|io|co\.uk)")
_COURT_BEFORE = re.compile(r"(?:[Gg]erichts?(?:hofs?)?|Court(?: of)?|Tribunal)\s+(?:in\s+)?\Z")  # "des Landgerichts Berlin"
_ASIDE = re.compile(r",\s*(?:unterstützt|begleitet|supported|backed|joined)\s+(?:von|vom|by)\s+[^,;:.]{1,60},")
_SUPPORTED_BY = re.compile(r"\b(?:unterstützt|begleitet|supported|backed|joined)\s+(?:von|vom|by)\s+(?:[\w-]+\s+){0,3}\Z")
_ACCUSED_LAWYER = re.compile(  # "klagt Steueranwalt Hanno Berger an", "gegen den Anwalt X": a lawyer as the party
    r"\b(?:gegen|against|klagt|klagte|verklagt\w*|angeklagt|verurteilt\w*|charged|sued|convicted|jailed)\s+"
    r"(?:(?:den|die|der|dem|the)\s+)?(?:[\w-]+\s+){0,2}\Z")
_EN_VERB_FORM = re.compile(r"[a-z]{3,}(?:ed|es)|has|had|have|is|was|were|are|said|says|told|gave|won|lost|took|made")
_ALSO = re.compile(r"\b(?:auch|also|too)\b")
_AGAINST_WORD = re.compile(r"\b(?:gegen|against)\b")
_AFFILIATION = re.compile(r",?\s+(?:of|from|at|von|vom|der|des|bei)\s+(?:the\s+|dem\s+|der\s+)?")
# "der Angeklagte", "the 45-year-old defendant", not "des Angeklagten" (an attribute) or "zu den Angeklagten" (a roster)
_THE_ACCUSED = re.compile(r"(?<![Zz]u )(?<![Uu]nter )(?<![Oo]f )(?<![Aa]mong )\b(?:[Dd]er|[Dd]ie|den|[Tt]he)\s+(?:[\w-]+\s+){0,3}?\Z")
_ACCUSED = frozenset(("angeklagte", "angeklagter", "angeklagten", "beschuldigte", "beschuldigter", "beschuldigten", "accused",
                      "defendant"))
_POLICE = frozenset(("police", "polizei", "police officer", "officer"))
_CLASS_ACTION = re.compile(r"(?i)\bclass[- ]action|\bSammelklage|\bMusterfeststellungsklage")
_INVESTORS = frozenset(("shareholder", "investor", "aktionar", "aktionare", "anleger", "kleinanleger"))
_REPORTER = re.compile(r"\s*(?:(?:Die|Der|Das|The)\s+)?([A-ZÄÖÜ<][^,;:]{1,60}?)\s+(?:said|says|sagte|teilte mit|told)\b")
_CIVIL_KINDS = frozenset(("suit", "dispute", "injunction", "settlement"))  # what only a civil court hears
_CIVIL_WORD = re.compile(r"(?i)\b(?:civil|zivil\w*)")
_SAID = re.compile(r"\b(?:said|says|told|sagte|sagt|meinte|erklärte)\b")
_ACCUSED_WORDS = "indictment|conviction|sentence|acquittal|extradition|trial|Anklage|Verurteilung|Prozess"
_POSSESSED = re.compile(r"(?i)\s+(?:[\w-]+\s+)?(?:%s)" % _ACCUSED_WORDS)
_POSSESSOR = re.compile(r"\b([Hh]is|[Hh]er|[Tt]heir|[Ss]ein(?:e[mnrs]?)?|[Ii]hr(?:e[mnrs]?)?)\s+(?:[\w-]+\s+)?")
_ACCUSED_NOUN = re.compile(r"(?i)(?:%s)" % _ACCUSED_WORDS)
_DE_FILED_BY = re.compile(r"\s+(?:[\wäöüß.-]+\s+){0,8}?(?:eingereicht|angestrengt|erhoben|eingebracht|angekündigt|angedroht)e[nmrs]?\s+(?:[\wäöüß-]+\s+)?")
_NOUN_OF_BY = re.compile(r"\s+(?:of|against)\s+[^,;.]{1,60}?\s+by\s+(?:the\s+)?")
_BROUGHT_BY = re.compile(r"\b(?:brought|filed|launched|lodged|initiated)\s+by\s+(?:[\w'’-]+\s+){0,3}\Z")
_LIST_AFTER = re.compile(r"\s*(?:[-–—:]|,\s*(?:namely|nämlich))\s*")
_NAME_LIST = re.compile(r"(?:[A-ZÄÖÜ][\w.'’-]*\s+){1,3}?(?:[A-ZÄÖÜ][\w.'’-]*)(?:(?:,\s+|\s+(?:and|und)\s+)(?:[A-ZÄÖÜ][\w.'’-]*\s+){0,2}[A-ZÄÖÜ][\w.'’-]*)+")
_DE_NP_AFTER = re.compile(r"\s+(?:die|der|das)\s+(?:[a-zäöüß]+e[nrs]?\s+)?([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)?)\b(?!\s+[A-ZÄÖÜ])")
_DE_RELATIVE = re.compile(r",\s*(?:der|die|welche|welcher)\s+(?=\S)")
_RELATIVE_OPEN = re.compile(r"(?:,\s*\d{1,3}\s*)?(?:,|\s[-–—])\s*(?:who|which)\s*\Z")  # "X, who", "X, 17 - who"
_RELATIVE = re.compile(r"\b(?:who|which)\b")
_ACTIVE_AUX = re.compile(r"\b(?:hat|haben|hatte|hatten|habe)\b")
_AUX_AFTER = re.compile(r"\s+(?:werden|wurde|wurden|worden|wird|sei|seien|sind|ist|waren|war)\b")
_HEADLINE_PASSIVE = re.compile(r"\s+(?:for|over|by|after)\b")
# a nationality or a hyphenated compound before an unnamed party belongs to it
_DEMONYMS = r"[A-Z][a-z]+(?:ian|an|ish|ese|ch|ic|i)|Greek|Swiss|Thai"  # "Dutch", "French", "British" by their endings
_DEMONYM = re.compile(_DEMONYMS)
_EN_MODIFIER = re.compile(r"(?<![\w-])(%s|[a-z]+-[a-z]+) \Z" % _DEMONYMS)
_CIVIL_CLAIMS = frozenset(("securities", "antitrust", "copyright", "patent", "trademark", "defamation", "privacy", "labor"))
_PRONOUN = re.compile(r"\b(?:[Ii]t|[Tt]hey)\b(?!['’])")
# personal pronouns next to a trigger ("Er wurde verurteilt", "verklagte ihn", "it sued X") -> the entity types they
# stand for; "they" and "sie" (also "they") only for a party of the same sentence or the last one named
_PERSONAL = {
    "de": (re.compile(r"\b(?:[Ee]r|ihn|ihm|[Ss]ie)\b"), {"er": ("PER",), "ihn": ("PER",), "ihm": ("PER",), "sie": ("PER", "ORG")}),
    "en": (re.compile(r"\b(?:[Ii]t|[Hh]e|[Ss]he|him)\b(?!['’])"), {"it": ("ORG",), "he": ("PER",), "she": ("PER",), "him": ("PER",)}),
}
_AFTER_FINITE = re.compile(r"\b(?:hat|hatte|haben|hätte|ist|war|wird|wurde|will|wollte|muss|musste|kann|konnte|soll|sollte)\s+\Z")
_ATTRIBUTIVE = re.compile(r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|eines|the|a|an)\s+\Z", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\w*\s+(?:[A-ZÄÖÜ]|[a-z]+(?:er|or|ist|ant)\b)")  # "verurteilte Mörder", "convicted killer"
# German case: "den"/"einen"/"dem"/"einem" before a noun phrase never mark its subject
_NOT_NOMINATIVE = re.compile(r"\b(?:den|einen|dem|einem|ihren|seinen|ihrem|seinem)\s+(?:[a-zäöüß][\wäöüß-]*\s+){0,3}\Z")
_PRONOUN_WORDS = frozenset("ihn ihm ihnen sie er es him her them it they he she".split())  # "das Ministerium sie": two phrases
_OBJECT_PRONOUNS = frozenset(("ihn", "ihm", "him"))
_PRONOUN_REACH = 600  # characters back to the referent: the previous sentence or two
# a possessive or a relative before a name: "Seine Nichte Mary", "His niece Mary"
_KIN = re.compile(r"Seine?|Ihre?|His|Her|Their|Nichte|Neffe|Sohn|Tochter|Bruder|Schwester|Ehefrau|Ehemann|Witwe|Vater|Mutter|"
                  r"Niece|Nephew|Son|Daughter|Brother|Sister|Wife|Husband|Widow|Father|Mother")
_PURPOSE = re.compile(r"\bto\s+(?:force|compel|stop|block|prevent|bar|halt|require|oblige)\s+(?:the\s+)?\Z")
# the speaker of a report is no accused ("X said", "X, a neighbour, said")
_SPEAKS = re.compile(r"(?:,\s+[^.;:,]{1,40},)?,?\s+(?:said|says|told|sagte|sagt|erklärte|according)\b")
_OFFICIAL = re.compile(r"(?i)\b(?:attorney|prosecutor|judge|justice|spokesman|spokeswoman|lawyer|counsel|detective|officer|"
                       r"Staatsanwalt\w*|Richter\w*|Sprecher\w*|Anwalt|Anwältin|Verteidiger\w*|Ermittler\w*)\s+(?:[A-Z][\w.]*\s+)?\Z")
# "gegen die Anordnung", "gegen das Beherbergungsverbot", "against the ban": a measure, whose maker is sued
_AGAINST_MEASURE = re.compile(
    r"\b(?:gegen|against)\s+(?:die|den|das|eine|einen|ein|seine|ihre|seinen|ihren|the|a|its|their|his|her)\s+(?:[\wäöüß-]+\s+){0,2}?"
    r"(?:[\wäöüß-]*(?:[Aa]nordnung|[Vv]erbot|[Vv]erordnung|[Bb]escheid|[Ss]chließung|[Ss]perre|[Aa]uflage|[Vv]erfügung|[Qq]uarantäne|"
    r"[Ss]perrstunde|[Rr]egel|[Rr]egelung|[Gg]esetz|[Bb]eschluss|[Ee]ntscheidung|[Gg]enehmigung|[Pp]flicht)\w*"
    r"|ban|order|decision|ruling|rules|law|regulations?|measures?|plans?|policy|decree)\b")
_AUTHORITY = re.compile(r"(?:Behörde|[Mm]inisterium|[Aa]mt|[Ss]enat\w*|[Vv]erwaltung|[Rr]egierung|[Kk]ommission|Home Office|"
                        r"Ministry|Department|Commission|Council|Government)\b")
_AUTHORITY_WORDS = re.compile(r"\b(?:Landesregierung|Staatsregierung|Bundesregierung|Stadt\s+[A-ZÄÖÜ][\wäöüß-]+|"
                              r"Land\s+[A-ZÄÖÜ][\wäöüß-]+|[A-ZÄÖÜ][\wäöüß-]*(?:behörde|ministerium|amt|verwaltung))(?:e?s)?\b")
_JUDGE_WORD = re.compile(r"(?i)richter(?:in|innen|n)?$|schöffen?$|judges?$")  # "die Verfassungsrichter": no party
_JUDGE = re.compile(r"\b(?:Judge|Justice|Magistrate|Richter|Richterin|Richters|Vorsitzende[nr]?)\s+\Z")  # a judge is no party
# "X, der die Erben vertritt", "X, who represents the families": counsel, no party
_REPRESENTS = re.compile(r",\s*(?:der|die|who)\b[^,.;]{0,80}?\b(?:vertritt|vertreten|vertrat|vertraten|represents|represented|"
                         r"representing)\b")
# a state's official name holds its form ("Republik Österreich", "State of Texas"); "Stadt Graz" stays "Graz"
_STATE = re.compile(r"\b(?:Republik|Bundesrepublik|Freistaat|Land|Bundesland|Kanton|Republic of|State of|Commonwealth of|Kingdom of)\s+\Z")
_QUOTED_MODIFIER = re.compile(r"['’\"”“]\s?[a-z]")
_INDEFINITE = re.compile(
    r"(?:\b(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Tt]wenty|"
    r"[Ss]everal|[Ss]ome|[Mm]any|"
    r"[Uu]nnamed|[Dd]ozens of|[Hh]undreds of|[Ee]in|[Ee]ine[mnrs]?|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ieben|[Aa]cht|"
    r"[Nn]eun|[Zz]ehn|[Mm]ehrere[nr]?|[Ee]inige[nr]?|[Zz]ahlreiche[nr]?|Dutzende|\d+)\s+(?:(?!(?:against|of|for|with|from|by|gegen|von|für|mit)\b)[\w-]+\s+){0,2}[\"'“„]?)\Z")
_COUNTS = {w: i for i, ws in enumerate((
    (), ("one", "a", "an", "ein", "eine", "einen", "einer", "einem"), ("two", "zwei", "pair", "beiden", "both"), ("three", "drei"),
    ("four", "vier"), ("five", "fünf"), ("six", "sechs"), ("seven", "sieben"), ("eight", "acht"), ("nine", "neun"),
    ("ten", "zehn"), ("eleven", "elf"), ("twelve", "zwölf"))) for w in ws}
_COUNT = re.compile(r"\b(?:%s)\b" % "|".join(_COUNTS), re.IGNORECASE)
# "der Landesbank", "der Wirtschaftsprüfungs- und Steuerberatungsgesellschaft PwC", "at Marsh": up to an organisation
_GROUP_OF = re.compile(r" (?:der|des|von der|vom|von|bei der|beim|bei|of the|of|at|from) (?:[\wÄÖÜäöüß-]+ (?:und |and )?){0,4}?")
_OWNER = re.compile(r"(?:['’]s|(?<=s)['’])\s+(?:[\w-]+\s+){0,2}\Z")  # "Lee's lawsuit", "Mr Ebbers' trial"
_NAME_END = re.compile(r"\s+[-–—]\s|\s*[(,;]")
_FROM = frozenset(("von", "vom", "from"))
_NEW_KINDS = frozenset(("suit", "charge", "dispute", "trial"))  # "an injunction", "an appeal" belong to a case
_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,5}")
_MINOR = frozenset("and of the for on & und für der die des von".split())
_CLAUSE_MARK = re.compile(r"[,;:–—]")
_DATELINE = re.compile(r"[.!?:\"“”]\s+([A-ZÄÖÜ][\w.-]+(?:[ /][A-ZÄÖÜ][\w.-]+)?)\s+[–—]\s+(?=[A-ZÄÖÜ„\"])")
_DE_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:ige|ige[nrs]|liche[nrs]?|ische[nrs]?|ene[nrs]?|ste[nrs]?|e)")
_NONFINITE_ACTIVE = re.compile(r"\s*(?:winning|losing|suing|filing|bringing|taking|launching|settling|fighting|"
                               r"challenging|appealing)\b")
_NONFINITE = re.compile(r"\s*(?:being|having been)\b")
# a clause opening with an unnamed subject: determiner, up to three modifiers, the head noun, a verb
_SUBJECT_NP = {
    "de": re.compile(r"\s*(?:[A-ZÄÖÜ][\wäöüß]*\s+[–-]\s+)?(?:Der|Die|Das|Ein|Eine|der|die|das|ein|eine)\s+"
                     r"(?:[\wäöüß-]+\s+){0,6}?(?P<head>(?:\d+-)?[A-ZÄÖÜ][\wäöüß-]*[a-zäöüß])\s+"
                     r"(?:ist|sind|war|waren|wurde|wurden|steht|stand|stehen|standen|muss|musste|hat|hatte)\b"),
    "en": re.compile(r"\s*(?:The|A|An|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?P<head>[a-z][\w-]*[a-z])\s+"
                     r"(?:was|were|is|are|has been|have been|had been|faces|faced|is facing|pleaded|admitted|denied|denies)\b"),
}
_BARE_SUBJECT = re.compile(r"\s*(?P<head>[A-ZÄÖÜ][\wäöüß-]*[a-zäöüß])\s+(?:wurden|sind|waren|müssen|mussten|stehen|standen)\b")
_WORD = re.compile(r"(?<!\w)[^\W\d_]\w*")  # a word where a name may start
_LAST_WORD = re.compile(r"(?<![\w-])(\w+)\s+\Z")
_WITH = frozenset(("mit", "with"))
# "gegen einen früheren Wachmann", "ihren Vater", "die beiden 20-jährigen Angeklagten": an unnamed person
# party in its own words; group 1 the determiner, group "head" the noun (a name may not follow it)
_PERSON_NP = (r"\b([Dd]e[rnms]|[Dd]ie|[Dd]as|[Ee]ine?[mnrs]?|[Ss]eine?[mnrs]?|[Ii]hre?[mnrs]?|[Bb]eide[nr]?|[Mm]ehrere[nr]?|"
              r"[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ieben|[Aa]cht|[Nn]eun|[Zz]ehn|\d+)\s+"
              r"(?:[a-zäöüß\d][\wäöüß-]*\s+){0,3}?(?P<head>(?:[\wÄÖÜäöüß]+-)?(?:%s))\b(?![\w-]|\s+[A-ZÄÖÜ])")
_DE_PHRASE_START = frozenset("dem den die das ein eine einem einen einer".split())
_BETWEEN_RX = re.compile(r"\b(?:zwischen|between)\b")
_AND_RX = re.compile(r"\s(?:und|and)\s")
_FILED_KINDS = frozenset(("suit", "dispute", "injunction", "charge", "appeal"))
_FAMILY = {"suit": "suit", "dispute": "suit", "charge": "charge", "trial": "charge"}
_EARLY = frozenset(("threatened", "filed"))  # stages a later sentence cannot return a decided case to
_DECIDED = frozenset(("ruled", "dismissed", "settled", "appealed"))
_WEAK_WINDOW = 3  # a weak mention ("das Urteil") attaches to a case mentioned this many sentences before
_CLAIM_WINDOW = 2  # claim words this many sentences around a case still count (once)
_TOKEN = re.compile(r"[\wÄÖÜäöüß'’.&-]+|[,;:()\[\]–—\"„“”«»]")
_DAMAGES = re.compile(
    r"(?i)schadens?ersatz|strafe|bußgeld|vergleich|forder|damages|fine[ds]?\b|penalt|settle|compensation|seek|restitution"
)


@dataclass(frozen=True)
class _Trigger:
    regex: re.Pattern
    kind: str
    strong: bool
    status: str
    subject: str
    verb: bool
    requires: re.Pattern | None
    claim: str | None
    criminal: bool  # only a criminal court does this: a plea, a prison sentence
    object: str  # role of an active verb's object: defendant ("verklagt X"), plaintiff ("gab X recht") or none
    legal: bool = False  # requires LEGAL: checked without the trigger's own words ("the ruling party" stays out)


@dataclass(frozen=True)
class _Lexicon:
    triggers: tuple[_Trigger, ...]
    stems: tuple[str, ...]
    prefilter: re.Pattern
    any_trigger: re.Pattern
    passive_aux: re.Pattern
    participles: re.Pattern
    defendant_verbs: re.Pattern
    opposing_verbs: re.Pattern
    bystander_verbs: re.Pattern
    anaphoric: re.Pattern
    new_case: re.Pattern
    separate: re.Pattern
    clause: re.Pattern
    statuses: tuple[tuple[str, re.Pattern, bool], ...]  # status, cue, weak
    claims: tuple[tuple[str, re.Pattern], ...]
    civil: re.Pattern
    criminal: re.Pattern
    offence: re.Pattern
    courts: tuple[re.Pattern, ...]
    court_entity: re.Pattern
    negators: re.Pattern
    hypothetical: re.Pattern
    conditional: re.Pattern
    negated: re.Pattern | None
    non_lawsuit: re.Pattern
    agencies: re.Pattern
    prosecutor: re.Pattern
    generic: re.Pattern
    generic_words: frozenset
    place_qualified: frozenset
    counted: re.Pattern
    not_counted: frozenset
    descriptor: re.Pattern
    descriptor_word: re.Pattern
    person_descriptor: re.Pattern
    person_word: re.Pattern
    name_parts: re.Pattern
    prepositions: frozenset
    against: frozenset
    agent: re.Pattern
    accuse: re.Pattern
    alongside: re.Pattern
    restrain: re.Pattern
    ruled_on: re.Pattern
    counsel: re.Pattern
    counsel_word: re.Pattern
    demand: re.Pattern
    payee: re.Pattern
    members: str
    named_later: re.Pattern
    roster: dict[str, re.Pattern]
    titles: frozenset
    title_words: frozenset
    stopwords_lower: frozenset
    role_nouns: re.Pattern
    role_then_name: re.Pattern
    stopwords: frozenset
    v2_openers: frozenset
    fallback: re.Pattern
    person_np: re.Pattern | None
    person_noun: str
    not_person: frozenset


def _load(name: str) -> dict:
    with open(_DATA / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _scoped(pattern: str) -> str:
    """A leading (?i) made local, so that patterns can be joined into one alternation."""
    return f"(?i:{pattern[4:]})" if pattern.startswith("(?i)") else f"(?:{pattern})"


def _union(patterns: list[str]) -> re.Pattern | None:
    return re.compile("|".join(map(_scoped, patterns))) if patterns else None


_CLAUSE = {
    "de": r";|:|,\s*(?:dass|weil|da|ob|wenn|falls|damit|nachdem|obwohl|während|sagte|so|weshalb|weswegen|wobei|wodurch)\b"
          r"|\b(?:sagte|sagt|erklärte|hieß es|teilte mit)\b",
    "en": r";|:|,?\s*\b(?:that|which|who|because|while|although|if|unless|so|after|before|when|said|says|saying|told)\b",
}
_FALLBACK = {
    # German capitalises every noun: only name-like tokens (SoftBank, Web2Shop, ADAC) and
    # runs of two or more capitalised words count; English: any capitalised run.
    "de": r"\b[A-Za-zÄÖÜ][\w.]*(?:[a-zäöü][A-Z]|[A-Za-z]\d)[\w.]*|\b[A-ZÄÖÜ]{2,}\b"
          r"|\b[A-ZÄÖÜ][\wäöüß.&-]+(?:\s+[A-ZÄÖÜ][\wäöüß.&-]+)+",
    "en": r"\b[A-Z][\w.&'’-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w.&'’-]*)*",
}


@functools.cache
def _lexicon(language: str) -> _Lexicon:
    """Compile the YAML word lists once per language and process."""
    trig, stat, claims, courts, neg, parties = (
        _load(n) for n in ("triggers.yaml", "statuses.yaml", "claims.yaml", "courts.yaml", "negations.yaml", "parties.yaml")
    )
    legal = re.compile(trig["legal_context"][language])
    triggers = tuple(
        _Trigger(
            regex=re.compile(t["pattern"]),
            kind=t["kind"],
            strong=bool(t.get("strong")),
            status=t.get("status", "unknown"),
            subject=t.get("subject", "none"),
            verb=bool(t.get("verb")),
            requires=legal if t.get("requires") == "LEGAL" else (re.compile(t["requires"]) if t.get("requires") else None),
            legal=t.get("requires") == "LEGAL",
            claim=t.get("claim"),
            criminal=bool(t.get("criminal")),
            object=t.get("object", "defendant" if t.get("subject") == "plaintiff" else "none"),
        )
        for t in trig[language]
    )
    generic_words = parties["generic"][language]
    person_noun = parties.get("person_noun", {}).get(language, "")
    if language == "de":
        words = sorted(generic_words, key=len, reverse=True)
        # "Staatsregierung", "Heimatschutzministerium": a compound ending in an institution's word is one
        generic = r"(?<![\w-])((?:[\w.]+-)?(?:%s|[A-ZÄÖÜ][a-zäöüß]+(?:%s))(?:innen|in|en|n|s)?)\b" % (
            "|".join(map(re.escape, words)), "|".join(re.escape(w[0].lower() + w[1:]) for w in parties["compounds"][language]))
    else:  # English words also open a sentence: "Shareholders sued ..."
        words = sorted(generic_words, key=len, reverse=True)
        generic = r"(?<![\w-])((?:%s))\b" % "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in words)
    return _Lexicon(
        triggers=triggers,
        stems=tuple(w.lower() for w in trig["prefilter"][language]),

        prefilter=re.compile("|".join(map(re.escape, trig["prefilter"][language])), re.IGNORECASE),
        any_trigger=_union([t["pattern"] for t in trig[language]]),
        passive_aux=re.compile(trig["passive_aux"][language]),
        participles=re.compile(trig["participles"][language]),
        defendant_verbs=re.compile(trig["defendant_verbs"][language]),
        opposing_verbs=re.compile(trig["opposing_verbs"][language]),
        bystander_verbs=re.compile(trig["bystander_verbs"][language]),
        anaphoric=re.compile(trig["anaphoric"][language]),
        new_case=re.compile(trig["new_case"][language]),
        separate=re.compile(trig["separate"][language]),
        clause=re.compile(_CLAUSE[language]),
        statuses=tuple(
            (s, re.compile(p["pattern"] if isinstance(p, dict) else p), isinstance(p, dict) and bool(p.get("weak")))
            for s, ps in stat[language].items() for p in ps
        ),
        claims=tuple((c, _union(p)) for c, p in claims[language].items() if c not in ("civil", "offence")),
        criminal=_union(claims[language]["criminal"]),
        offence=_union(claims[language]["offence"]),
        civil=_union(claims[language]["civil"]),
        courts=tuple(re.compile(p) for p in courts[language]),
        court_entity=re.compile(courts["entity"][language]),
        negators=re.compile(neg["negators"][language]),
        hypothetical=re.compile(neg["hypothetical"][language]),
        conditional=re.compile(neg["conditional"][language]),
        negated=_union(neg["negated"].get(language, [])),
        non_lawsuit=_union(neg["non_lawsuit"][language]),
        agencies=_union(neg["agencies"][language]),
        prosecutor=re.compile(parties["prosecutor"][language]),
        generic=re.compile(generic),
        generic_words=frozenset(generic_words),
        place_qualified=frozenset(parties["place_qualified"][language]),
        counted=re.compile(parties["counted"][language]),
        not_counted=frozenset(parties["not_counted"][language]),
        descriptor=re.compile(
            r"\b(?:[Dd]er|[Dd]ie|[Dd]as|den|dem|des|[Tt]he|[Ii]ts)\s+(?:[\wäöüß-]+\s+){0,2}(%s)\b" % parties["descriptors"][language]
        ),
        descriptor_word=re.compile(parties["descriptors"][language]),
        person_descriptor=re.compile(
            r"\b(?:[Dd]er|[Dd]ie|den|dem|des|[Tt]he)\s+(?:[\wäöüß-]+\s+){0,2}(%s)\b" % parties["person_descriptors"][language]
        ),
        name_parts=re.compile(parties["name_parts"][language]),
        person_word=re.compile(parties["person_descriptors"][language]),
        prepositions=frozenset(parties["prepositions"][language]),
        against=frozenset(parties["against"][language]),
        agent=re.compile(parties["agent"][language]),
        accuse=re.compile(parties["accuse"][language]),
        alongside=re.compile(parties["alongside"][language]),
        restrain=re.compile(parties["restrain"][language]),
        ruled_on=re.compile(parties["ruled_on"][language]),
        counsel=re.compile(r"(?:%s),?\s+(?:[A-ZÄÖÜ][\w.-]*\s+)?\Z" % parties["counsel"][language]),
        counsel_word=re.compile(parties["counsel"][language]),
        demand=re.compile(parties["demand"][language]),
        payee=re.compile(parties["payee"][language]),
        members=parties["members"][language],
        named_later=re.compile(parties["named_later"][language]),
        roster={role: re.compile(parties["roster"][language].replace("{role}", words))
                for role, words in parties["role_words"][language].items()},
        titles=frozenset(parties["titles"][language]),
        title_words=frozenset(w.lower() for w in parties["titles"][language]),
        stopwords_lower=frozenset(str(w).lower() for w in parties["stopwords"][language]),
        role_nouns=re.compile(r"\s+%s\s+$" % parties["role_nouns"][language]),
        role_then_name=re.compile(r"\s+%s\s+[A-ZÄÖÜ]" % parties["role_nouns"][language]),
        v2_openers=frozenset(parties.get("v2_openers", {}).get(language, [])),
        stopwords=frozenset(parties["stopwords"][language]),
        fallback=re.compile(_FALLBACK[language]),
        person_np=re.compile(_PERSON_NP % person_noun) if person_noun else None,
        not_person=frozenset(parties.get("not_person", {}).get(language, [])),
        person_noun=person_noun,
    )


# --- parties in one sentence -------------------------------------------------------


@dataclass
class _Cand:
    start: int
    end: int
    name: str
    entity_id: str | None
    generic: bool = False
    indefinite: str | None = None  # "three men", "ein Mitarbeiter": the words of an unnamed party counted or indefinite


def _key(name: str) -> str:
    return normalise_name(name)


def _head(name: str) -> str:
    """Last word of a generic party, so that "shareholder" and "Tesco shareholder" meet."""
    k = _key(name).split()
    return k[-1].rstrip("s") if k else ""


class _Article:
    """Per-article state: entities by position, for candidates and descriptor resolution."""

    def __init__(self, text: str, language: str, entities: list[EntityMention], lex: _Lexicon):
        self.text, self.language, self.lex = text, language, lex
        ents = sorted(_split_von(_mend(entities, text)), key=lambda m: (m.start_char, -m.end_char))
        kept: list[EntityMention] = []
        for m in ents:  # drop mentions nested in a longer one
            if kept and m.start_char < kept[-1].end_char:
                continue
            kept.append(m)
        self.places = frozenset(m.mention_text for m in entities if m.entity_type == "LOC")
        self.known_names = frozenset(m.mention_text for m in entities if m.entity_type in ("ORG", "PER")) | frozenset(
            m.name.split()[-1] for m in entities if m.entity_type == "PER" and len(m.name.split()) > 1
            and len(m.name.split()[-1]) > 2)  # "Zschäpe muss sich ... verantworten": the surname of a person named before
        self._courts: dict[tuple[str, str], bool] = {}
        # an imperfect NER's "The", "Die Klage" are no parties, nor anything to resolve to
        self.entities = [m for m in kept if m.mention_text not in lex.stopwords
                         and m.mention_text.split()[0].lower() not in _ARTICLES
                         and (not lex.prefilter.search(m.mention_text)  # no stem, no trigger (the cheap test first)
                              or self.is_court(m) or not lex.any_trigger.search(m.mention_text))]
        self.starts = [m.start_char for m in self.entities]
        self.named: list[_Cand] = []  # named parties found so far, for descriptors when the NER has no ORG
        self.plaintiffs: list[_Cand] = []  # named plaintiffs found so far, for "it" in a later sentence
        self.accused: list[_Cand] = []  # named defendants found so far, for a later "der Angeklagte"

    @functools.cached_property
    def known_by_word(self) -> dict[str, list[str]]:
        """The names the NER found anywhere in the article by their first word, longest first, to find where
        it missed them (a dictionary, not one regex: compiling hundreds of names per article is slow)."""
        out: dict[str, list[str]] = {}
        for name in sorted(self.known_names, key=len, reverse=True):
            first = _WORD.match(name)
            if first:
                out.setdefault(first.group(), []).append(name)
        return out

    def known_in(self, s: int, e: int):
        """(start, end, name) of each known name written between s and e."""
        text, by_word, last = self.text, self.known_by_word, s
        for w in _WORD.finditer(text, s, e):
            if w.start() < last:
                continue  # inside the name found before ("Zeller" of "Peter Zeller")
            for name in by_word.get(w.group(), ()):
                end = w.start() + len(name)
                if end <= e and text.startswith(name, w.start()) and not text[end:end + 1].isalnum():
                    last = end
                    yield w.start(), end, name
                    break

    @functools.cached_property
    def _names(self) -> dict[tuple[str, ...], EntityMention]:
        """The words of each party-type name (titles trimmed) -> its first mention."""
        names: dict[tuple[str, ...], EntityMention] = {}
        for m in self.entities:
            if m.entity_type in _PARTY_TYPES and not self.is_court(m):
                names.setdefault(tuple(self.trim(m.name).split()), m)
        return names

    @functools.cached_property
    def _acronyms(self) -> dict[str, EntityMention]:
        """Initials of the article's multi-word organisation names, whole and without a leading
        country ("USADA", "SEC" for "US Securities and Exchange Commission")."""
        out: dict[str, EntityMention] = {}
        for ws, m in self._names.items():
            if m.entity_type != "ORG" or len(ws) < 2:
                continue
            initials = "".join(w[0].upper() for w in re.split(r"[\s-]+", " ".join(ws)) if w and w.lower() not in _MINOR)
            for k in (initials, initials[1:], initials[2:]):
                if len(k) >= 3:
                    out.setdefault(k, m)
        return out

    @functools.cached_property
    def _aliases(self) -> dict[tuple[str, ...], EntityMention]:
        """"World Anti-Doping Agency (Wada)": the bracketed short form -> the full name's mention."""
        out: dict[tuple[str, ...], EntityMention] = {}
        for a, b in zip(self.entities, self.entities[1:]):
            if self.text[a.end_char:b.start_char] == " (" and self.text[b.end_char:b.end_char + 1] == ")" \
                    and a.entity_type in _PARTY_TYPES and len(b.name.split()) == 1:
                out.setdefault(tuple(self.trim(b.name).split()), a)
        return out

    def trim(self, name: str) -> str:
        """A name without leading titles and descriptors ("Judge", "Mr", "Rapper")."""
        words = _NAME_END.split(name, 1)[0].split()  # "Snoop Dogg - real name ...": the name ends at the dash
        while len(words) > 1 and words[0].rstrip(".").lower() in self.lex.title_words:
            words.pop(0)
        return " ".join(words)

    def fullest(self, name: str, entity_type: str | None) -> tuple[str, str | None]:
        """The fullest name the article uses for a party ("Galloway" -> "George Galloway"), and its entity.

        A longer name of the same type that ends with the party's words is the same party (not
        one that begins with them: "Apple" is no "Apple Music"); the longest wins. A company's
        web address ("OptInRealBig.com") is the fullest form of its bare name.
        """
        words = tuple(self.trim(name).split())
        if words in self._aliases:
            words = tuple(self.trim(self._aliases[words].name).split())
        best = self._names.get(words)
        n = len(words)
        if n == 1 and entity_type in (None, "ORG") and _ACRONYM.fullmatch(words[0]):
            best = self._acronyms.get(words[0].upper(), best)  # "SEC": "US Securities and Exchange Commission"
        web, longer = None, best
        for ws, m in self._names.items() if n else ():
            if len(ws) > n and ws[-n:] == words and entity_type in (None, m.entity_type) \
                    and (longer is None or len(ws) > len(tuple(self.trim(longer.name).split()))):
                longer = m  # "Securities and Exchange Commission" of "US Securities and Exchange Commission"
            elif n == 1 and len(ws) == 1 and ws[0].startswith(words[0]) and _WEB_SUFFIX.fullmatch(ws[0][len(words[0]):]) \
                    and m.entity_type == "ORG":
                web = m  # "OptInRealBig" of "OptInRealBig.com": the company's web address is its fullest name
        if longer is best and n == 1 and entity_type not in (None, "PER"):
            # "Thanou" typed as a company after "Katerina Thanou": a surname is its person, whatever the NER said
            longer = next((m for ws, m in self._names.items() if len(ws) == 2 and ws[1] == words[0] and m.entity_type == "PER"),
                          longer)
        best = longer if longer is not best else web or best
        if best is None:
            if n == 1:  # "Mr Ebbers' trial" after "the trial of Bernie Ebbers", where the NER found neither
                longer = next((c for c in reversed(self.named) if len(c.name.split()) > 1 and c.name.split()[-1] == words[0]), None)
                if longer is not None:
                    return longer.name, longer.entity_id
            return " ".join(words), None
        return self.trim(best.name), best.entity_id

    def reporter(self, s: int, e: int, cands: list[_Cand]) -> tuple[_Cand | None, int]:
        """The organisation a sentence opens with as the one that reports ("Mellon Bank said ..."), and where its
        report starts."""
        said = _REPORTER.match(self.text, s, e)
        if said is None:
            return None, e
        orgs = {m.start_char for m in self.in_span(s, e) if m.entity_type == "ORG"}
        return next((c for c in cands if c.start == s + said.start(1) and c.start in orgs and not c.generic), None), said.end()

    @functools.cached_property
    def small_words(self) -> frozenset[str]:
        """The words the article writes small: "critics" there makes a sentence's "Critics" a common noun."""
        return frozenset(re.findall(r"\b[a-zäöüß][\wäöüß-]*", self.text))

    @functools.cached_property
    def orgs(self) -> list[EntityMention]:
        """Organisations "der Konzern" / "the company" can stand for: no courts, no authorities."""
        return [m for m in self.entities if m.entity_type == "ORG" and not self.is_court(m)
                and not self.lex.agencies.search(m.name)]

    @functools.cached_property
    def org_ends(self) -> list[int]:
        return [m.end_char for m in self.orgs]

    def is_court(self, m: EntityMention) -> bool:
        key = (m.mention_text, m.name)
        found = self._courts.get(key)
        if found is None:
            found = self._courts[key] = bool(self.lex.court_entity.search(m.mention_text)
                                             or self.lex.court_entity.search(m.name))
        return found

    def court_name(self, m: EntityMention) -> str | None:
        """The court's name, unless the mention is just "das Gericht" / "a court"."""
        words = [w for w in m.name.split() if w.lower() not in _ARTICLES]
        return " ".join(words) if len(words) > 1 or (words and not self.lex.court_entity.fullmatch(words[0])) else None

    def in_span(self, s: int, e: int) -> list[EntityMention]:
        i = bisect.bisect_left(self.starts, s)
        out = []
        while i < len(self.entities) and self.entities[i].start_char < e:
            if self.entities[i].end_char <= e:
                out.append(self.entities[i])
            i += 1
        return out

    def salient_org_before(self, pos: int) -> EntityMention | None:
        """What "der Konzern" / "the company" means: the organisation named most often so far."""
        i = bisect.bisect_right(self.org_ends, pos)
        counts: dict[str, int] = {}
        for m in self.orgs[:i]:
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
        return max(reversed(self.orgs[:i]), key=lambda m: counts[m.entity_id], default=None)

    def salient_before(self, pos: int, entity_type: str) -> EntityMention | None:
        """The entity of a type named most often before pos (ties: the latest)."""
        counts: dict[str, int] = {}
        last: dict[str, EntityMention] = {}
        for m in self.entities[:bisect.bisect_left(self.starts, pos)]:
            if m.entity_type == entity_type and m.end_char <= pos:
                counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
                last[m.entity_id] = m
        return last[max(reversed(list(last)), key=lambda k: counts[k])] if last else None

    def pronoun_referent(self, before: list[_Cand]) -> tuple[str, str | None] | None:
        """What "it"/"they" stand for: the last organisation named earlier in the same sentence
        ("Orange said it was starting proceedings"); beyond the sentence a guess does more harm than good."""
        for c in reversed(before):
            m = next((x for x in self.in_span(c.start, c.end)), None)
            if m is not None and m.entity_type == "ORG":
                return c.name, c.entity_id
        return None

    @functools.cached_property
    def sentence_starts(self) -> list[int]:
        return [a for a, _ in split_sentences(self.text, self.language)]

    def subject_before(self, start: int, types: tuple[str, ...]) -> EntityMention | None:
        """What a sentence-opening "He"/"It"/"Er" stands for: the subject of the sentence before, skipping
        a quotation ("\"He deserves better,\" said campaigner Ruth Ames" names the speaker, not him)."""
        spans = split_sentences(self.text, self.language)
        i = bisect.bisect_right(self.sentence_starts, start) - 2
        for a, b in spans[max(0, i - 1):i + 1][::-1]:
            if self.text[a] in "\"„“”«»'" or _SAID.search(self.text, a, b) and self.text.count("\"", a, b) + self.text.count("“", a, b) > 0:
                continue
            first = next((m for m in self.in_span(a, b) if m.start_char - a <= 40), None)
            if first is not None and first.entity_type in types and not self.is_court(first) \
                    and not self.lex.agencies.search(first.name):
                return first
            return None
        return None

    def last_party_before(self, pos: int, types: tuple[str, ...], exclude: frozenset = frozenset()) -> EntityMention | None:
        """What "er"/"ihn"/"he"/"it" stand for: the last person (organisation) named shortly before."""
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and self.entities[i].start_char >= pos - _PRONOUN_REACH:
            m = self.entities[i]
            if m.entity_type in types and not self.is_court(m) and not self.lex.agencies.search(m.name) \
                    and _key(self.fullest(m.name, m.entity_type)[0]) not in exclude:
                return m
            i -= 1
        return None

    def candidates(self, s: int, e: int) -> list[_Cand]:
        """Entities that can be parties, generic groups and resolved descriptors."""
        text, lex = self.text, self.lex
        ents = []
        for m in self.in_span(s, e):
            if m.entity_type not in _PARTY_TYPES or self.is_court(m):
                continue
            if _modifier_or_dateline(text, m.start_char, m.end_char, s) or _QUOTED_MODIFIER.match(text, m.end_char) and \
                    text[m.start_char - 1:m.start_char] in "'‘\"“„":
                continue  # "'Tiger' file sharers", "„Krone“-Leser": a quoted name qualifying a noun
            if self.language == "en" and m.entity_type == "LOC" and re.match(r" [a-z]", text[m.end_char:m.end_char + 2]):
                continue  # "Texas attorney general", "an Ohio court": a place qualifying a noun
            if m.entity_type == "LOC" and (_COURT_AFTER.match(text, m.end_char) or _COURT_BEFORE.search(text, max(0, m.start_char - 40), m.start_char)):
                continue  # "a Los Angeles Superior Court judge": the court's place
            ents.append(m)
        # "Österreich-Anwalt Peter Zöchbauer", "her lawyer, Perry Wander": counsel speaks for a party, is none
        ents = [m for m in ents if not (m.entity_type == "PER" and lex.counsel.search(text, max(s, m.start_char - 40), m.start_char)
                                        and not _ACCUSED_LAWYER.search(text, max(s, m.start_char - 60), m.start_char))]
        ents = [m for m in ents if not (m.entity_type == "PER" and _REPRESENTS.match(text, m.end_char))]
        ents = [m for m in ents if not (m.entity_type == "PER" and _JUDGE.search(text, max(s, m.start_char - 30), m.start_char))
                and not all(w.rstrip(".").lower() in lex.title_words for w in m.mention_text.split())]  # "Staff Sgt." names nobody
        ents = [m for m in ents if not _SUPPORTED_BY.search(text, max(s, m.start_char - 40), m.start_char)]
        # "Zentro boss Paul Ames", "FPÖ-Stadtrat Peter Lenz": the organisation qualifies the person
        # (a role between says so whatever types the NER gave: "Motley Crue guitarist Mick Mars")
        ents = [m for m, nxt in zip(ents, ents[1:] + [None]) if not (nxt and (
            lex.role_nouns.fullmatch(text[m.end_char:nxt.start_char]) or (
                nxt.entity_type == "PER" and m.entity_type != "PER" and text[m.end_char:nxt.start_char] == " ")))]
        cands: list[_Cand] = []
        taken: set[int] = set()
        sent = text[s:e]
        courts = None
        for g in lex.generic.finditer(sent):
            gs, ge = s + g.start(1), s + g.end(1)
            if courts is None:  # (found once, when a generic word needs it)
                courts = [c.span() for r in lex.courts for c in r.finditer(text, s, e)]
            if _SUPPORTED_BY.search(text, max(s, gs - 40), gs) or any(x <= gs and ge <= y for x, y in courts):
                continue  # "unterstützt von 46 Bundesstaaten": supporters are no party; "United States District Court"
            word = g.group(1)
            base = word.rsplit("-", 1)[-1]
            if self.language == "de" and base.endswith("n") and base[:-1] in lex.generic_words:
                word = word[:-1]
            inside = next((m for m in ents if m.start_char <= gs and ge <= m.end_char and (
                (ge - gs) < (m.end_char - m.start_char) and "-" not in g.group(1) or (gs, ge) == (m.start_char, m.end_char))), None)
            if inside is not None:
                continue  # "Revolution Studios" is a name, not the studios
            for i, m in enumerate(ents):
                if m.start_char < ge and gs < m.end_char:
                    taken.add(i)  # "Google-Konkurrenten" holds Google: the group is the party
                elif m.end_char < gs and text[m.end_char:gs] in (" ", "'s ", "’s "):
                    taken.add(i)
                    if m.entity_type == "ORG":
                        word = f"{m.mention_text}{text[m.end_char:gs]}{word}"
                        gs = m.start_char
            if word in lex.place_qualified and gs == s + g.start(1):  # "the US government", "Texas prosecutors"
                before = text[max(s, gs - 40):gs]
                place = next((p for p in (" ".join(before.split()[-n:]) for n in (2, 1))
                              if p in self.places and before.endswith(p + " ")), None)
                if place is not None:
                    word, gs = f"{place} {word}", gs - len(place) - 1
                else:  # "the government of Freedonia", "die Regierung von Malta"
                    of = re.match(r" (?:of|von|in) (?:the )?([A-ZÄÖÜ][\w-]*(?: [A-ZÄÖÜ][\w-]*)?)", text[ge:min(e, ge + 40)])
                    if of and of.group(1) in self.places:
                        word, ge = f"{word}{of.group()}", ge + of.end()
                        taken.update(i for i, m in enumerate(ents) if gs < m.end_char and m.start_char < ge)
            if self.language == "en" and gs == s + g.start(1):
                mod = _EN_MODIFIER.search(text, max(s, gs - 30), gs)
                if mod and not any(m.start_char < gs and mod.start() < m.end_char and m.entity_type != "LOC" for m in ents):
                    word, gs = f"{mod.group(1)} {word}", mod.start()  # "Greek prosecutors", "make-up artist"
                    other = _EN_MODIFIER.search(text, max(s, gs - 35), gs - 4) if text[gs - 5:gs] == " and " else None
                    if other:  # "the Danish and German governments": two parties
                        cands.append(_Cand(other.start(), other.end() - 1, f"{other.group(1)} {g.group(1)}", None, generic=True))
            ind = _INDEFINITE.search(text, max(s, gs - 40), gs)
            cands.append(_Cand(gs, ge, word, None, generic=True, indefinite=text[ind.start():ge] if ind else None))
        for g in lex.counted.finditer(sent):  # "three former bankers": a group the word list does not hold
            gs, ge = s + g.start(1), s + g.end(1)
            noun = g.group(1)
            if _SUPPORTED_BY.search(text, max(s, gs - 40), gs):
                continue
            if noun in lex.not_counted or lex.any_trigger.fullmatch(noun) or any(c.start < ge and gs < c.end for c in cands) \
                    or any(m.start_char < ge and s + g.start() < m.end_char for m in ents):
                continue
            cands.append(_Cand(gs, ge, noun, None, generic=True, indefinite=text[s + g.start():ge]))
        for i, m in enumerate(ents):
            if i not in taken:
                state = _STATE.search(text, max(s, m.start_char - 20), m.start_char) if m.entity_type == "LOC" else None
                if state:  # "die Republik Österreich", "the State of Texas": the state, under its own words
                    cands.append(_Cand(state.start(), m.end_char, text[state.start():m.end_char], m.entity_id))
                    continue
                cands.append(_Cand(m.start_char, m.end_char, *self.fullest(m.name, m.entity_type)))
        for d in lex.person_descriptor.finditer(sent):  # "the rap star", "der Ex-Politiker": the person most named
            ds, de = s + d.start(1), s + d.end(1)
            if any(c.start < de and ds < c.end for c in cands) or re.match(r"\s[A-ZÄÖÜ]", text[de:de + 2]):
                continue
            person = self.salient_before(ds, "PER")
            if person is not None:
                cands.append(_Cand(ds, de, *self.fullest(person.name, "PER")))
        for d in lex.descriptor.finditer(sent):
            ds, de = s + d.start(1), s + d.end(1)
            if any(c.start < de and ds < c.end for c in cands):
                continue
            if any(0 <= c.start - de <= 2 for c in cands) or re.match(r"\s[A-ZÄÖÜ]", text[de:de + 2]):
                continue  # "den Hersteller Siemens": the name follows, found by the NER or not
            owned = re.match(r"['’]s\s+((?:[\w-]+\s+){0,3})", text[de:e])
            if owned and not lex.any_trigger.search(text, de, de + owned.end()):
                continue  # "the company's founder, X,": the founder is the party, unless "the company's lawsuit"
            org = self.salient_org_before(ds)
            if org is not None:
                cands.append(_Cand(ds, de, org.name, org.entity_id))
            elif self.named:
                cands.append(_Cand(ds, de, self.named[-1].name, self.named[-1].entity_id))
        if self.language == "en":
            reporter, said_end = self.reporter(s, e, cands)
            for p in _PRONOUN.finditer(sent):
                ps, pe = s + p.start(), s + p.end()
                if any(c.start < pe and ps < c.end for c in cands):
                    continue
                if reporter is not None and ps >= said_end:  # "X said Y filed a suit against it": X
                    cands.append(_Cand(ps, pe, reporter.name, reporter.entity_id))
                    continue
                ref = self.pronoun_referent([c for c in cands if c.end <= ps and not c.generic])
                if ref is not None:
                    cands.append(_Cand(ps, pe, ref[0], ref[1]))
        for p in _POSSESSOR.finditer(sent):  # "His indictment", "ihr Prozess": the accused named before
            ps, pe = s + p.start(1), s + p.end(1)
            if _POSSESSED.match(text, pe) and not any(c.start < pe and ps < c.end for c in cands):
                ref = self.subject_before(s, ("PER",)) if not text[s:ps].strip(" \"„“”'") else None
                ref = ref or self.last_party_before(ps, ("PER",))
                if ref is not None:
                    cands.append(_Cand(ps, pe, *self.fullest(ref.name, ref.entity_type)))
        rx, types = _PERSONAL[self.language]
        for p in rx.finditer(sent):
            ps, pe = s + p.start(), s + p.end()
            near = lex.any_trigger.search(text, max(s, ps - 30), e)
            finite = _AFTER_FINITE.search(text, max(s, ps - 12), ps)  # "Als erster Wirt hat er das Land ... verklagt"
            if near is None or near.start() > pe + (80 if finite else 30) or (text[s:ps].strip(" \"„“”'") and lex.clause.search(
                    text, min(pe, near.end()), max(ps, near.start()))):
                continue  # ("verantworten, weil sie ...": a pronoun of another clause; "It said it will appeal" opens)
            kinds = types[p.group().lower()]
            if p.group() in _OBJECT_PRONOUNS or (p.group() == "sie" and text[s:ps].strip()):
                # "Acme verklagte sie", "verurteilte ihn": the object is someone named before the sentence
                # (or before its clause: "X drängt Y aus dem Markt, weshalb das Ministerium sie verklagt")
                clause = max((b.end() for b in lex.clause.finditer(text, s, ps)), default=s)
                ref = self.last_party_before(clause, kinds, frozenset(_key(c.name) for c in cands if clause <= c.start < ps))
                if ref is not None:
                    cands.append(_Cand(ps, pe, *self.fullest(ref.name, ref.entity_type)))
                continue
            if any(c.start < pe for c in cands):
                continue  # a party named before in the sentence is what the pronoun stands for, found or not
            if not finite and any(m.group().split()[0] not in lex.stopwords for m in lex.fallback.finditer(text, s, ps)):
                continue
            opening = not text[s:ps].strip(" \"„“”'") or bool(finite)
            ref = self.subject_before(s, kinds) if opening else None  # "X is on trial. ... He faces ...": X
            if ref is None and kinds == ("ORG",) and self.plaintiffs:  # "it sued X": the plaintiff of the story so far
                cands.append(_Cand(ps, pe, self.plaintiffs[-1].name, self.plaintiffs[-1].entity_id))
                continue
            if ref is None:
                ref = self.salient_org_before(ps) if kinds == ("ORG",) else self.last_party_before(ps, kinds)
            if ref is not None:
                cands.append(_Cand(ps, pe, *self.fullest(ref.name, ref.entity_type)))
        cands.sort(key=lambda c: c.start)
        # "des Journalisten Paul Weber": the name after the noun is the party
        cands = [c for i, c in enumerate(cands) if not (  # ("Staff Sgt. Robert Stuffle": titles between)
            c.generic and i + 1 < len(cands) and not cands[i + 1].generic and (text[c.end:cands[i + 1].start] == " " or all(
                w.rstrip(".").lower() in lex.title_words for w in text[c.end:cands[i + 1].start].split())))]
        absorbed = set()
        for c in cands:  # "drei frühere Vorstände der Landesbank", "two executives at Marsh": the group's words go on
            org = next((m for m in ents if c.indefinite and m.entity_type == "ORG" and c.end < m.start_char <= c.end + 90
                        and m.end_char <= e and _GROUP_OF.fullmatch(text, c.end, m.start_char)), None)
            if org is not None:
                short = re.match(r"\s*\([^()]{1,15}\)", text[org.end_char:e])  # "PricewaterhouseCoopers (PwC)"
                end = org.end_char + (short.end() if short else 0)
                c.indefinite += text[c.end:end]
                c.end = end  # the phrase ends after the organisation, which is part of it, no party
                absorbed.update(m.start_char for m in ents if org.start_char <= m.start_char < end)
        return _drop_aliases([c for c in cands if c.generic or c.start not in absorbed], text)

    def fallback(self, s: int, e: int, cands: list[_Cand], blocked: list[tuple[int, int]]) -> list[_Cand]:
        """Capitalised noun phrases where the entity input has nothing (an imperfect NER)."""
        out = []
        lex = self.lex
        desc = lex.descriptor_word
        for m in lex.fallback.finditer(self.text, s, e):
            toks = [(t.start() + m.start(), t.end() + m.start(), t.group()) for t in re.finditer(r"\S+", m.group())]
            named = False  # "den Hersteller Siemens": a descriptor announces a name
            while len(toks) > 1 and (lex.person_word.fullmatch(toks[0][2].rsplit("-", 1)[-1]) or _KIN.fullmatch(toks[0][2])):
                toks.pop(0)  # "den Gangster-Rapper Gzuz", "Seine Nichte Mary": the role before the name, which announces one
                named = True
            while toks and (toks[0][2] in lex.stopwords or toks[0][2].rstrip(".") in lex.titles or (
                    desc.fullmatch(toks[0][2]) and not lex.name_parts.fullmatch(toks[0][2]))):
                named = named or bool(desc.fullmatch(toks[0][2]))
                toks.pop(0)
            while toks and toks[-1][2] in ("of", "&"):
                toks.pop()
            if toks and _JUDGE_WORD.search(toks[-1][2].rstrip(".,;:!?\"'”“")):
                continue  # "gegen den Vorsitzenden Richter": a motion against the judge names no party
            if self.language == "de" and toks and toks[0][0] == s and len(toks) == 2 and _DE_ADJECTIVE.fullmatch(toks[0][2]):
                toks.pop(0)  # "Mögliche Verstöße": a sentence opens with an adjective, not a name
            if (self.language == "de" and len(toks) >= 3 and not lex.name_parts.fullmatch(toks[0][2])
                    and re.search(r"\b[a-zäöüß]+(?:en|er|es|em|e)\s+$", self.text[max(s, toks[0][0] - 30):toks[0][0]])):
                toks.pop(0)  # "des bayerischen Landwirts Josef Huber": the noun before the name
            if not toks or lex.counsel_word.fullmatch(toks[0][2]) or lex.counsel.search(
                    self.text, max(s, toks[0][0] - 40), toks[0][0]):
                continue  # counsel is no party
            a, b = toks[0][0], toks[-1][1]
            name = re.sub(r"(?:['’]s|(?<=s)['’]|\.)$", "", self.text[a:b])
            b = a + len(name)
            single = len(toks) == 1
            if self.language == "de" and any(t[2] in lex.stopwords for t in toks):
                continue  # "einem Jahr Haft": common nouns, no name
            name_like = bool(re.search(r"[a-zäöü][A-Z]|\d|^[A-ZÄÖÜ]{2,}$", name))  # SoftBank, Web2Shop, ADAC
            after_bare_prep = bool(re.search(r"\b(?:gegen|von|vom)\s+$", self.text[max(s, a - 8):a]))
            known = name in self.known_names  # the NER found the name elsewhere in the article
            if single and (name in lex.stopwords or (self.language == "de" and not (
                    named or name_like or after_bare_prep or known or _proper_noun(name)))):
                continue  # a lone capitalised German word is a common noun, unless "gegen Solarwerk" or a name (HanTa)
            opener = not self.text[s:a].strip(" \"'“‘(")
            modifier = bool(re.search(r"(?i)\b(?:a|an|the)\s+(?:[A-Z]\w*\s+)?$", self.text[max(s, a - 12):a])
                            and re.match(r" [a-z]", self.text[b:b + 2]))
            if single and self.language == "en" and opener and not (name_like or known):
                verb = re.match(r" ([a-z]+)\b", self.text[b:b + 20])
                if not (verb and _EN_VERB_FORM.fullmatch(verb.group(1))) or name.lower() in self.small_words:
                    continue  # a sentence opener ("Even", "Shortly"), unless a verb follows a word never written small
            if single and self.language == "en" and (modifier or (
                    _DEMONYM.fullmatch(name) and (re.match(r" [a-z]", self.text[b:b + 2]) or not self.text[b:b + 1].isalnum()))):
                continue  # a modifier ("a Dutch prosecutor", "an independent Greek tribunal") or "are Italian"
            if any(c.start < b and a < c.end for c in cands) or any(x < b and a < y for x, y in blocked):
                continue
            if _modifier_or_dateline(self.text, a, b, s) or lex.role_then_name.match(self.text, b):
                continue  # ... or "Zentro boss Paul Ames": the person is the party
            if lex.any_trigger.search(name) or any(r.search(name) for r in lex.courts) or lex.court_entity.search(name):
                continue
            if any(p.search(name) for _, p in lex.claims):
                continue
            out.append(_Cand(a, b, *self.fullest(name, None)))
        if lex.person_np is not None:  # "der Prozess gegen einen früheren Wachmann": people unnamed
            for m in lex.person_np.finditer(self.text, s, e):
                a, b = m.span("head")
                if m.group("head").rsplit("-", 1)[-1] in lex.not_person or lex.any_trigger.search(m.group("head")) \
                        or _JUDGE_WORD.search(m.group("head")) \
                        or lex.counsel_word.fullmatch(m.group("head")) \
                        or any(c.start < b and a < c.end for c in cands + out):
                    continue  # (inside a trigger's span is fine: "muss sich ein Präsident ... verantworten")
                out.append(_Cand(a, b, m.group("head"), None, generic=True, indefinite=self.text[m.start():b]))
        if self.language == "de":  # "gegen die Bawag": a name the NER found elsewhere
            for a, b, name in self.known_in(s, e):
                if not self.in_span(a, b) and not any(c.start < b and a < c.end for c in cands + out) \
                        and not any(x < b and a < y for x, y in blocked):  # only where the NER missed it
                    out.append(_Cand(a, b, *self.fullest(name, None)))
            for w in _CAPITALISED.finditer(self.text, s, e):  # "wird Rosandić von X verklagt": a name nobody found
                a, b, word = w.start(), w.end(), w.group()
                if word in lex.stopwords or any(c.start < b and a < c.end for c in cands + out) \
                        or any(m.start_char < b and a < m.end_char for m in self.entities) \
                        or _CAPITAL_NEIGHBOUR.match(self.text, b) or _CAPITAL_BEFORE.search(self.text, max(s, a - 30), a) \
                        or _modifier_or_dateline(self.text, a, b, s) \
                        or any(x < b and a < y for x, y in blocked) or lex.any_trigger.search(word) \
                        or lex.court_entity.search(word) or any(p.search(word) for _, p in lex.claims) \
                        or not _proper_noun(word):
                    continue
                out.append(_Cand(a, b, *self.fullest(word, None)))
        return _drop_aliases(out, self.text)


_TICKER = re.compile(r"\s*<[A-Z][A-Z0-9.]{0,9}>?$")  # newswire markup: "Pennzoil Co <PZL>"
# "WPLG-" of "WPLG-Channel 10", "Pitt-" of "Pitt-Des Moines" (not a prefix such as "Ex-")
_GLUED = re.compile(r"(?:(?<=\s)|^)(?!(?:Ex|Alt|Anti|Pro|Neo|Post|Vize|Vice|Non|Ur)-)[A-ZÄÖÜ][\wÄÖÜäöüß]*-$")
_INITIALS = re.compile(r"(?:(?<=\s)|^)(?:[A-Z]\.){1,3}\s+\Z")
_TWO_FIRMS = re.compile(r"(.+?\b(?:Inc|Ltd|Corp|Co|Plc|PLC|LLC|AG|SE|GmbH|SA|NV)\.?)\s+(?:and|und|&)\s+(\S.+)")


def _mend(entities: list[EntityMention], text: str) -> list[EntityMention]:
    """Names as parties need them: newswire markup off ("<Southern Air Transport>", "Pennzoil Co <PZL>"), a
    capitalised part glued by a hyphen on ("WPLG-Channel 10"), two companies the NER ran together apart
    ("Capital Records Inc and EMI Records Ltd")."""
    out = []
    for m in entities:
        a, b = m.start_char, m.end_char
        mt = m.mention_text
        joined = m.entity_type == "ORG" and (" and " in mt or " und " in mt or " & " in mt)
        if "<" not in mt and text[a - 1] != "-" and text[a - 2:a] != ". " and not joined:
            out.append(m)  # nothing to mend (the cheap test first)
            continue
        if "<" in mt:
            ticker = _TICKER.search(text, a, b)
            if ticker and ticker.start() > a:
                b = ticker.start()
        if text[a:a + 1] == "<" and text[b - 1:b] == ">":
            a, b = a + 1, b - 1
        glued = _GLUED.search(text, max(0, a - 25), a) if a and text[a - 1] == "-" and m.entity_type in ("ORG", "PER") else None
        if glued:
            a = glued.start()
        initials = _INITIALS.search(text, max(0, a - 12), a) if m.entity_type == "ORG" else None
        if initials:  # "W.R. Grace and Co"
            a = initials.start()
        if (a, b) == (m.start_char, m.end_char):
            two = _TWO_FIRMS.fullmatch(mt) if joined else None
            if two is None:
                out.append(m)
                continue
            out.append(EntityMention(two.group(1), a, a + len(two.group(1)), "ORG", two.group(1)))
            out.append(EntityMention(two.group(2), b - len(two.group(2)), b, "ORG", two.group(2)))
            continue
        words = text[a:b]
        out.append(EntityMention(words, a, b, m.entity_type, words if m.name == m.mention_text else m.name.strip("<> ")))
    return out


_CAPITAL_NEIGHBOUR = re.compile(r"\s+[A-ZÄÖÜ]")  # "Wiener FPÖ-Obmann": a word in a run of capitals is no lone name
_CAPITAL_BEFORE = re.compile(r"[A-ZÄÖÜ][\w.-]*\s+\Z")
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÄÖÜ][^\W\d_]{2,}(?![\w-])")  # one capitalised word, no compound


@functools.lru_cache(maxsize=4096)
def _proper_noun(word: str) -> bool:
    """Whether HanTa's German lexicon takes a capitalised word for a name ("Rosandić", "Bawag") rather than
    a common noun ("Anfang"): where the NER missed a party, German capitals alone cannot tell (0.4 ms a word)."""
    tags = _hanta().tag_word(word)
    return bool(tags) and tags[0][0] == "NE"


@functools.cache
def _hanta():
    from HanTa import HanoverTagger  # heavy: loaded the first time a German name is in doubt

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def _split_von(entities: list[EntityMention]) -> list[EntityMention]:
    """"wird Gudenus von Christandl geklagt": a person's name run across "von" into another person
    the article names on its own is two mentions (a "von" inside a name stays: "Ursula von der Leyen")."""
    if not any(" von " in m.mention_text for m in entities):
        return entities
    alone = {m.mention_text.split()[-1] for m in entities if m.entity_type == "PER" and " von " not in m.mention_text}
    out, wrong = [], set()
    for m in entities:
        left, _, right = m.mention_text.partition(" von ")
        if m.entity_type == "PER" and right and right in alone and left in alone:
            r0 = m.start_char + len(left) + 5
            out.append(EntityMention(left, m.start_char, m.start_char + len(left), "PER", left))
            out.append(EntityMention(right, r0, m.end_char, "PER", right))
            wrong.add(m.name)
        else:
            out.append(m)
    # other mentions linked to the run-on name keep their own words
    return [EntityMention(m.mention_text, m.start_char, m.end_char, m.entity_type, m.mention_text)
            if m.name in wrong and " von " not in m.mention_text else m for m in out]


def _modifier_or_dateline(text: str, a: int, b: int, sentence_start: int) -> bool:
    """"Siemens-Chef", "EU-Verordnung" qualify a noun; "Madrid – " opens a report."""
    if text[b:b + 1] == "-" and text[b + 1:b + 2].isalnum():
        return True
    return a == sentence_start and bool(re.match(r"\s*[–—-]\s", text[b:b + 4]))


def _drop_aliases(cands: list[_Cand], text: str) -> list[_Cand]:
    """"Deutsche Bahn (DB)": the bracketed short form is the same party."""
    out: list[_Cand] = []
    for c in cands:
        if out and text[out[-1].end:c.start].strip() == "(" and text[c.end:c.end + 1] == ")":
            continue
        out.append(c)
    return out


def _groups(cands: list[_Cand], text: str) -> list[list[_Cand]]:
    """Coordinated candidates ("Google, Meta und Amazon") form one group.

    A bare comma only coordinates inside a list closed by a conjunction; otherwise it
    separates an introductory phrase or apposition from the subject.
    """
    out: list[list[_Cand]] = []
    joins: list[list[str]] = []
    for c in cands:
        if out:
            between = text[out[-1][-1].end:c.start]
            m = _COORD.fullmatch(between) or _APPOSED.fullmatch(between)
            pronoun = text[c.start:c.end].lower() in _PRONOUN_WORDS or text[out[-1][-1].start:out[-1][-1].end].lower() in _PRONOUN_WORDS
            if m and (m.group(1) or "," in m.group() or not (m.group().strip() or pronoun)):  # "Vida die Westbahn": two phrases
                out[-1].append(c)
                joins[-1].append("conj" if m.group(1) else "comma" if "," in m.group() else "adjacent")
                continue
        out.append([c])
        joins.append([])
    final: list[list[_Cand]] = []
    for group, kinds in zip(out, joins):
        part = [group[0]]
        for c, kind in zip(group[1:], kinds):
            later = kinds[kinds.index(kind):] if kind == "comma" else []
            if kind == "comma" and "conj" not in later:
                final.append(part)
                part = [c]
            else:
                part.append(c)
        final.append(part)
    return final


_COORD = re.compile(
    r"\s*(?:[,(]|\)\s*,?)?\s*(?:(und|and|sowie|oder|or|&|as well as)\s+"
    r"(?:(?:sein|seine[mnr]?|ihr|ihre[mnr]?|his|her|its|their)\s+(?:[\wäöüß-]+\s+){0,2}"  # "und sein Sohn X"
    r"|(?:der|die|das|den|dem|des|ein|eine[mnr]?|the|a|an)\s+[a-zäöüß-]+\s+)?)?"  # "sowie ein französischer X"
    r"(?:(?:der|die|das|den|dem|des|the)\s+)?(?:\))?\s*"
)


# "Kenteris, 31, and Thanou", "Jones, the sprinter, and Smith": co-parties, each with an apposition
_APPOSED = re.compile(
    r"\s*,\s*(?:(?:the|a|an|his|her|its|their|der|die|das|ein|eine|einer|sein|seine|ihr|ihre)\s+"
    r"(?:(?!who\b|which\b|whose\b|der\b|die\b|das\b)[^\s,;:()]+\s+){0,7}?[^\s,;:()]+|\d{1,3})\s*,\s*(and|und|sowie)\s+"
    r"(?:(?:der|die|das|den|dem|des|the)\s+)?"
)


# --- one sentence: a mention --------------------------------------------------------


@dataclass
class _Hit:
    start: int
    end: int
    trigger: _Trigger
    alleging: bool = False  # "a suit charging the company with ...": its claim is the suit's, not a crime


@dataclass
class _Mention:
    idx: int
    hits: list[_Hit]
    strong: bool
    anaphoric: bool
    new: bool
    kind: str
    plaintiffs: list[_Cand]
    defendants: list[_Cand]
    courts: list[str]


def _negated(sent: str, hit: _Hit, lex: _Lexicon) -> bool:
    """Negated ("keine Klage", "not sued": three words back) or hypothetical ("könnte gegen X klagen",
    "could face lawsuits", "if found guilty": eight words back) within the trigger's clause."""
    before = _TOKEN.findall(sent[max(0, hit.start - 60):hit.start])[-3:]
    for tok in reversed(before):
        if tok in ",;:()":
            break
        if lex.negators.match(tok) or tok.endswith("n't"):
            return True
    for tok in reversed(_TOKEN.findall(sent[max(0, hit.start - 80):hit.start])[-8:]):
        if tok in ",;:()":
            break
        if lex.hypothetical.match(tok):
            return True
    head = sent[:hit.start]
    return bool(lex.conditional.match(head)) and not any(c in head for c in ",;:")


def _find_hits(sent: str, lex: _Lexicon) -> list[_Hit]:
    hits = []
    for t in lex.triggers:
        for m in t.regex.finditer(sent):
            if t.requires is None or t.requires.search(f"{sent[:m.start()]} {sent[m.end():]}" if t.legal else sent):
                hits.append(_Hit(m.start(), m.end(), t))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[_Hit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        if h.trigger.verb and _ATTRIBUTIVE.search(sent, max(0, h.start - 8), h.start) and _NOUN_AFTER.match(sent, h.end):
            continue  # "der verurteilte Mörder", "the convicted killer": a description, no proceeding reported here
        out.append(h)
    return out


def _prep_before(sent: str, pos: int, floor: int, lex: _Lexicon, language: str, through_nouns: bool = True) -> str | None:
    """The preposition governing the noun phrase that starts at pos, if any.

    Walking back over a party's phrase passes capitalised words ("gegen den Hersteller
    Siemens"); for a trigger noun (through_nouns=False) a capitalised word ends the phrase
    ("beim Landgericht Hamburg eine Sammelklage": the suit is no prepositional object).
    """
    lo = max(floor, pos - 90)
    toks = _TOKEN.findall(sent[lo:pos])[::-1][:10]
    toks.append((_TOKEN.findall(sent[max(0, lo - 30):lo])[-1:] or [" "])[0])  # the word before the phrase
    for i, tok in enumerate(toks[:-1]):
        low = tok.lower()
        if tok in ",;:–—\"„“”«»[]":
            return None
        if language == "de" and low in ("der", "des", "einer", "eines") and toks[i + 1][0].isupper() \
                and toks[i + 1] not in lex.stopwords \
                and toks[i + 1].lower() not in lex.v2_openers:  # "Auch der Verein": an opener, no noun
            return "gen"  # "eine Irreführung der Verbraucher": an attribute, not the subject
        if language == "de" and low in _DE_PHRASE_START and (toks[i + 1][0].isupper() or toks[i + 1][0].isdigit()) \
                and toks[i + 1].lower() not in _ARTICLES and toks[i + 1].lower() not in lex.prepositions:
            return None  # "im März einer Familie": a noun before the article closes the phrase before
        if low == "to" and i > 0 and toks[i - 1][0].islower() and toks[i - 1].lower() not in _ARTICLES:
            return None  # "decided to press charges": an infinitive's object, not a prepositional phrase
        if language == "en" and low in _ARTICLES and toks[i + 1].lower() not in lex.prepositions:
            return None  # an English phrase starts at its article: "On Monday the NFL sued"
        if tok in "()" or (low in _ARTICLES and not (language == "de" and low == "an")) or tok[0].isdigit():
            continue  # (German "an" is a preposition, not the English article)
        if low in lex.prepositions:
            if low in _QUANTIFIERS and i > 0 and toks[i - 1][0].isdigit():
                continue
            if low in ("of", "von") and i + 1 < len(toks) and toks[i + 1].lower() in _GROUP_NOUNS:
                continue  # "a group of Orbitel shareholders" is still the subject
            return low
        if tok[0].isupper() and not through_nouns:
            return None
        if low in _QUANTIFIERS or tok[0].isupper():
            continue
        before = toks[i + 1].lower() if i + 1 < len(toks) else ""
        if language == "en" and through_nouns and _EN_VERB_FORM.fullmatch(low) and before not in _ARTICLES \
                and before not in lex.prepositions:
            return None  # "A judge in Texas granted Yukos an injunction": a verb closes the phrase before
        if language == "en" or before in _ARTICLES or before in lex.prepositions:
            continue  # English nouns/adjectives, German adjectives after an article or preposition
        if _DE_ADJ_LOWER.fullmatch(low) and _DE_ADJ_LOWER.fullmatch(toks[i + 1]):
            continue  # "gegen den amtierenden sozialdemokratischen Premier X": a chain of adjectives
        return None
    return None


def _clause(sent: str, pos: int, lex: _Lexicon) -> tuple[int, int]:
    start, end = 0, len(sent)
    for m in lex.clause.finditer(sent):
        if m.end() <= pos:
            if _RELATIVE.search(m.group()) and "," in sent[m.end():pos]:
                continue  # "X, who ran a scam, was jailed": the relative clause closed before the trigger
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _roles(sent: str, s: int, cands: list[_Cand], hits: list[_Hit], primary: _Hit, lex: _Lexicon, language: str):
    """Plaintiffs and defendants of one sentence, from its structure."""
    rel = [dataclasses.replace(c, start=c.start - s, end=c.end - s) for c in cands]
    groups = _groups(rel, sent)
    c0, c1 = _clause(sent, primary.start, lex)
    trig_ends = sorted(h.end for h in hits)

    def floor(pos: int, g_index: int) -> int:
        """A group's phrase starts after the previous group, trigger or clause boundary."""
        prev_end = groups[g_index - 1][-1].end if g_index else 0
        t = [e for e in trig_ends if e <= pos]
        return max(prev_end, t[-1] if t else 0, _clause(sent, pos, lex)[0])

    preps = [_prep_before(sent, g[0].start, floor(g[0].start, i), lex, language) for i, g in enumerate(groups)]
    role: dict[int, str] = {}
    between = _BETWEEN_RX.search(sent)
    if between and any(0 <= between.start() - h.end <= 40 and not lex.clause.search(sent, h.end, between.start()) for h in hits):
        # "Rechtsstreit zwischen X(, dem Betreiber Y,) und Z": the one before "und" sues the one after
        conj = _AND_RX.search(sent, between.end())
        if conj:
            for i in range(len(groups) - 1, -1, -1):  # a coordinated "X und Z" is two parties here
                g = groups[i]
                k = next((k for k, c in enumerate(g) if c.start > conj.start()), 0)
                if 0 < k and g[0].start > between.end():
                    groups[i:i + 1] = [g[:k], g[k:]]
                    preps[i:i + 1] = [preps[i], preps[i]]
            left = [i for i, g in enumerate(groups) if between.end() <= g[0].start < conj.start()]
            right = [i for i, g in enumerate(groups) if g[0].start >= conj.end()]
            if left and right:
                role[left[-1]], role[right[0]] = "plaintiff", "defendant"
    agent_before = any(p in ("von", "vom") and c0 <= g[0].start < primary.start for p, g in zip(preps, groups)) \
        and not _ACTIVE_AUX.search(sent, c0, primary.start)  # "Die Regierung von Malta hat X angeklagt": active
    passive = primary.trigger.verb and bool(lex.participles.fullmatch(sent[primary.start:primary.end].lower())) and (
        bool(lex.passive_aux.search(sent[c0:primary.start]))
        or bool(_AUX_AFTER.match(sent, primary.end))  # "angeklagt werden", "verklagt worden"
        or agent_before  # a headline's "Österreich von EU-Kommission verklagt"
        or (language == "en" and bool(_HEADLINE_PASSIVE.match(sent, primary.end)))  # a headline's "Singer sued for ..."
    )
    trigger_prep = None if primary.trigger.verb else _prep_before(sent, primary.start, 0, lex, language, through_nouns=False)
    if trigger_prep == "gen":
        trigger_prep = None  # "erwägt eine Erweiterung der Klage": still the subject's own suit
    possessive = not primary.trigger.verb and primary.trigger.kind != "court" \
        and _POSSESSIVE.search(sent[max(0, primary.start - 12):primary.start])  # ("seine Gerichte" are his dishes)
    if passive or (trigger_prep in (None, "in", "vor", "into", "on", "auf") and lex.defendant_verbs.search(sent[c0:c1])):
        subject_role = "defendant"  # "ist in einen Rechtsstreit geraten", "faces a lawsuit"
    elif possessive:
        # "verlangt in ihrer Klage", "claims in its lawsuit"; but "wartet auf das Urteil in ihrem Prozess": the accused's
        subject_role = "defendant" if primary.trigger.kind == "trial" else "plaintiff"
    elif trigger_prep in _WITH and primary.trigger.kind in _FILED_KINDS:
        subject_role = "plaintiff"  # "ist mit einer Beschwerde abgeblitzt", "hit the firm with a lawsuit"
    elif trigger_prep is not None:
        subject_role = "none"  # "would not talk about the lawsuit"
    elif not primary.trigger.verb and lex.bystander_verbs.search(sent, c0, primary.start):
        subject_role = "none"  # "X welcomed the court's decision to reject the claim"
    else:
        subject_role = primary.trigger.subject
    # "Rechtsstreit mit X", "legal battle with X": the subject's opponent
    with_opponent = [i for i, p in enumerate(preps) if p in _WITH and i not in role] if any(
        h.trigger.kind in ("dispute", "settlement") for h in hits) else []  # "settled with X", "mit X geeinigt"
    if subject_role == "none" and trigger_prep in ("in", "im") and (with_opponent or primary.trigger.kind == "dispute"):
        subject_role = "plaintiff"  # "Im Rechtsstreit mit X hat Y ...", "Im Streit um die Marke hat Y gewonnen"
    opposing = subject_role == "defendant" and lex.opposing_verbs.search(sent[c0:c1])
    for i, g in enumerate(groups):
        if i not in role and preps[i] in lex.against:
            role[i] = "plaintiff" if opposing else "defendant"
        elif i in with_opponent:  # the other side from the subject's
            role[i] = "plaintiff" if subject_role == "defendant" else "defendant"
    for h in hits:
        if h.trigger.kind == "trial" and not h.trigger.verb:  # "Mr Okafor's fraud trial": the accused's
            for i, g in enumerate(groups):
                if i not in role and g[-1].end <= h.start and (_OWNER.match(sent, g[-1].end, h.start)
                                                               or _POSSESSOR.fullmatch(sent, g[-1].start, h.start)):
                    role[i] = "defendant"
        if h.trigger.verb or h.trigger.kind not in _FILED_KINDS:
            continue  # "Klage des X" names a plaintiff; "Urteil des X", "Berufungsgericht des X" do not
        accused = bool(_ACCUSED_NOUN.match(sent, h.start))  # "Ebbers' indictment": the owner is accused
        for i, g in enumerate(groups):  # "Lee's lawsuit", "Villalba's claims": the owner brings it
            if i not in role and g[-1].end <= h.start and (_OWNER.match(sent, g[-1].end, h.start) or (
                    accused and _POSSESSOR.fullmatch(sent, g[-1].start, h.start))):
                role[i] = "defendant" if accused else "plaintiff"
        for i, g in enumerate(groups):
            if g[0].start >= h.end:
                if i not in role and (lex.agent.match(sent[h.end:g[0].start]) or (  # "die Klage Polens": a genitive
                        language == "de" and sent[h.end:g[0].start] == " " and sent[g[-1].end - 1] == "s")):
                    role[i] = "plaintiff"
                break
    aux = lex.passive_aux.search(sent[c0:primary.start]) if passive else None
    agent_from = c0 + (aux.start() if aux else 0)
    for i, g in enumerate(groups):
        if i in role:
            continue
        if passive and preps[i] in ("von", "vom", "by") and g[0].start > agent_from:
            role[i] = "plaintiff"  # the agent of "wurde von X verklagt" / "was sued by X"
        elif preps[i] in _FROM and lex.demand.search(sent[max(0, g[0].start - 80):g[0].start].rsplit(" ", 2)[0] + " "):
            role[i] = "defendant"  # "fordert 4 Milliarden Euro von der Bundesrepublik", "seeks damages from X"
            if subject_role == "none":
                subject_role = "plaintiff"
        elif preps[i] in ("to", "an") and any(h.trigger.kind in ("ruling", "settlement") for h in hits) and lex.payee.search(
                sent[max(0, g[0].start - 90):g[0].start]):
            role[i] = "plaintiff"  # "ordered to pay £2m in damages to X": the one paid
        elif preps[i] in ("von", "vom") and any(
                not h.trigger.verb and h.trigger.kind in _FILED_KINDS and g[-1].end <= h.start
                and _DE_FILED_BY.fullmatch(sent, g[-1].end, h.start) for h in hits):
            role[i] = "plaintiff"  # "die vom Justizministerium beim Bundesgericht eingereichte Klage"
        elif preps[i] == "by" and (_BROUGHT_BY.search(sent, max(0, g[0].start - 40), g[0].start) or any(
                not h.trigger.verb and h.trigger.kind in _FILED_KINDS and h.end <= g[0].start
                and _NOUN_OF_BY.fullmatch(sent, h.end, g[0].start) for h in hits)):
            role[i] = "plaintiff"  # "The case against A is being brought by X", "a prosecution of five insurers by X"
        elif any(h.trigger.kind == "injunction" and h.end <= g[0].start for h in hits) and lex.restrain.search(
                sent[max(0, g[0].start - 50):g[0].start]) or any(h.trigger.kind == "suit" and h.end <= g[0].start for h in hits) \
                and _PURPOSE.search(sent, max(0, g[0].start - 30), g[0].start):
            role[i] = "defendant"  # "a court injunction stopping X", "filed a lawsuit to force X to ..."
        elif lex.accuse.search(sent[max(0, g[0].start - 50):g[0].start]) or lex.ruled_on.search(
                sent[max(0, g[0].start - 90):g[0].start]):
            role[i] = "defendant"
    in_clause = [i for i, g in enumerate(groups) if c0 <= g[0].start < c1 and i not in role]
    subject = next((i for i in in_clause if groups[i][0].start < primary.start and preps[i] is None
                    and not (language == "de" and _NOT_NOMINATIVE.search(sent, max(0, groups[i][0].start - 40), groups[i][0].start))),
                   None)  # ("den Autor ... verklagen zu wollen": an accusative is no subject)
    if subject is not None and language == "en" and (
            any(c.generic for c in groups[subject]) or re.match(r"['’]s\b", sent[groups[subject][-1].end:])):
        # "Once the country's richest man, Mr K is on trial": a fronted phrase; the subject follows its comma
        comma = sent.rfind(",", groups[subject][-1].end, primary.start)
        later = next((i for i in in_clause if comma >= 0 and comma < groups[i][0].start < primary.start and preps[i] is None), None)
        if later is not None and not _CLAUSE_MARK.search(sent, groups[later][-1].end, primary.start):
            subject = later
    inside = (lambda pos: primary.start < pos < primary.end) if primary.trigger.verb else (lambda pos: False)
    after = [i for i in in_clause if (groups[i][0].start >= primary.end or inside(groups[i][0].start)) and preps[i] is None
             # "muss sich Moser wegen Betrugs verantworten": inside a verb bracket, after the finite verb
             # the object follows closely (after the subject, when that follows the verb),
             and len(sent[max(primary.end, groups[i - 1][-1].end if i else 0):groups[i][0].start].split()) <= 4
             and not _CLAUSE_MARK.search(sent, primary.end, groups[i][0].start)]  # in the same clause
    if subject is None and language == "en" and _RELATIVE_OPEN.search(sent, 0, c0):
        # "Globex, which was sued by Initech": the relative pronoun stands for the name before it
        subject = next((i for i, g in enumerate(groups) if i not in role and preps[i] is None
                        and _RELATIVE_OPEN.fullmatch(sent, g[-1].end, c0)), None)
    if subject is None and language == "de" and not passive:
        # "für vier Menschen, die die Klage angestrengt hatten": the relative pronoun stands for the phrase before it
        rel = _DE_RELATIVE.search(sent, c0, primary.start)
        if rel and "," not in sent[rel.end():primary.start]:
            subject = next((i for i, g in enumerate(groups) if i not in role and g[-1].end <= rel.start()
                            and not sent[g[-1].end:rel.start()].strip()), None)
    opener = sent[c0:primary.start].split()[:1]
    first = opener[0].lower() if opener else ""
    inverted = not first or first in lex.v2_openers or first in lex.prepositions or first[0].isdigit() or (
        language == "de" and primary.trigger.verb and first not in _ARTICLES
        and not any(c0 <= g[0].start < primary.start for g in groups)
        and not lex.participles.fullmatch(sent[primary.start:primary.end].lower()))
    # ("Mitte der Achtzigerjahre verklagte Bayer die Zwillinge": no party before the finite verb, so its subject follows)
    if subject is None and language == "de" and primary.trigger.verb and not passive and inverted \
            and primary.trigger.subject != "none" and (np := _DE_NP_AFTER.match(sent, primary.end)) \
            and not any(g[0].start < np.end(1) and np.start(1) < g[-1].end for g in groups) \
            and np.group(1) not in lex.stopwords and not lex.any_trigger.search(np.group(1)):
        # "Dagegen klagen die Querdenker": an unnamed subject right after the finite verb, in the article's words
        groups.append([_Cand(np.start(1), np.end(1), np.group(1), None, generic=True)])
        preps.append(None)
        after.insert(0, len(groups) - 1)  # before any party further on: "verklagt die Bahn die Gewerkschaft Transnet"
    if subject is None and language == "de" and primary.trigger.verb and not passive and after and inverted \
            and primary.trigger.subject != "none":
        # "Nun verklagt die Bahn die Gewerkschaft Transnet"; "verklagten ihn zwei Verkäufer": the pronoun is the object
        subject = after.pop(next((k for k, i in enumerate(after)
                                  if sent[groups[i][0].start:groups[i][0].end] not in _OBJECT_PRONOUNS), 0))
    elif subject is None and passive and language == "en" and _NONFINITE.match(sent, c0):
        # "X faces a ban after being charged by Y": the participle's subject is the main clause's
        subject = next((i for i in reversed(range(len(groups))) if groups[i][0].start < c0 and preps[i] is None
                        and i not in role), None)
    elif subject is None and not passive and language == "en" and _NONFINITE_ACTIVE.match(sent, c0):
        # "X gets a windfall after winning a court battle with Y": the main clause's subject acts
        subject = next((i for i in range(len(groups)) if groups[i][0].start < c0 and preps[i] is None and i not in role), None)
    elif subject is None and language == "de" and passive and not sent[c0:primary.start].strip(" \"„“"):
        subject = next((i for i in in_clause if groups[i][0].start >= primary.end and preps[i] is None), None)
        # "Angeklagt sind X und Y": the participle opens, the subject follows
    elif subject is None and language == "de" and not primary.trigger.verb and inverted and trigger_prep is not None:
        # "Im Rechtsstreit mit X hat Y ...": the phrase holding the trigger opens, the subject follows the verb
        subject = next((i for i in in_clause if groups[i][0].start >= primary.end and preps[i] is None), None)
    if subject is not None and language == "de" and primary.trigger.verb and not passive and subject_role == "plaintiff":
        np = _SUBJECT_NP["de"].match(sent, c0, primary.start)
        if np and np.end("head") <= groups[subject][0].start and np.group("head").lower() not in lex.stopwords_lower \
                and not lex.any_trigger.search(np.group("head")) and not any(
                    c.start < np.end("head") and np.start("head") < c.end for g in groups for c in g):
            # "Die Arbeiterkammer hat Acme geklagt": the unnamed phrase before the finite verb is the subject,
            # the name after it the object
            groups.append([_Cand(np.start("head"), np.end("head"), np.group("head"), None, generic=True)])
            preps.append(None)
            in_clause.append(len(groups) - 1)
            subject = len(groups) - 1
    if subject is not None and subject_role in ("plaintiff", "none") and trigger_prep is None and not primary.trigger.verb and any(
            r == "plaintiff" for r in role.values()) and "defendant" not in role.values():
        subject_role = "defendant"  # "X lost a case brought by Y": the agent sues, the subject is sued
    if subject is not None and subject_role in ("plaintiff", "defendant"):
        role[subject] = subject_role
    if primary.trigger.verb and not passive and primary.trigger.object == "plaintiff":
        # "Das Gericht gab der Familie recht": the one the court finds for, wherever it stands in the clause
        objs = [i for i in in_clause if i not in role and preps[i] is None]
        obj = next((i for i in objs if groups[i][0].start >= primary.end),
                   objs[-1] if objs and language == "de" else None)  # "hat X recht gegeben": German objects precede
        if obj is not None:
            role[obj] = "plaintiff"
    if primary.trigger.verb and not passive and primary.trigger.object == "defendant":
        obj = after[0] if after else next(
            (i for i in in_clause if i != subject and i not in role and preps[i] is None and groups[i][0].start < primary.start), None
        )
        if obj is None and subject is not None and subject not in role and primary.trigger.subject == "none" and (
                lex.court_entity.search(sent, c0, groups[subject][0].start) or any(
                    r.search(sent, c0, groups[subject][0].start) for r in lex.courts)):
            obj = subject  # "Das Landesgericht hat den Ex-Landesrat X verurteilt": the court judges, X is judged
        if obj is not None and obj not in role:
            role[obj] = "defendant"
    if subject is None and subject_role == "defendant" and "defendant" not in role.values():
        # "Ein 30-Jähriger steht vor Gericht", "A US student was jailed": the subject's own words
        np = _SUBJECT_NP[language].match(sent, c0, primary.start)
        bare = np is None and lex.person_noun and (np := _BARE_SUBJECT.match(sent, c0, primary.start)) is not None
        if bare and not re.fullmatch(lex.person_noun, np.group("head")):
            np = None  # "Männer wurden verurteilt": a bare plural of people
        if np and np.group("head").lower() not in lex.stopwords_lower and not lex.any_trigger.search(np.group("head")):
            words = sent[np.start():np.end("head")].strip()
            indefinite = words if bare or words.split()[0].lower() in ("a", "an", "ein", "eine") else None  # "A former guard"
            groups.append([_Cand(np.start("head"), np.end("head"), np.group("head"), None, generic=True, indefinite=indefinite)])
            role[len(groups) - 1] = "defendant"
    side = lex.alongside.match(sent)
    if side is not None:  # "Neben X klagt auch Y den Z", "Along with X, Y was also charged": X is Y's or Z's fellow
        beside = next((i for i, g in enumerate(groups) if g[0].start >= side.end()), None)
        if beside is not None and beside not in role and groups[beside][0].start - side.end() <= 12:
            also = _ALSO.search(sent, groups[beside][-1].end)
            later = [i for i in range(beside + 1, len(groups)) if i in role]
            after_also = [i for i in later if also and groups[i][0].start >= also.end()]
            if after_also:
                role[beside] = role[after_also[0]]
            elif also and _AGAINST_WORD.search(sent, also.end()):
                role[beside] = "defendant"
            elif later:
                role[beside] = role[later[0]]
    for i, g in enumerate(groups):
        if any(lex.prosecutor.search(c.name) for c in g) and (role.get(i) == "defendant" or (
                i not in role and preps[i] is None and "defendant" in role.values()
                and any(h.trigger.kind in ("charge", "trial", "ruling") for h in hits))):
            role[i] = "plaintiff"  # "Im Prozess gegen X hat die Staatsanwaltschaft drei Jahre gefordert": the prosecution
    plaintiffs = [c for i, g in enumerate(groups) if role.get(i) == "plaintiff" for c in g]
    taken = {_key(c.name) for c in plaintiffs}  # "X (Wada)": one party cannot sue itself
    defendants = [c for i, g in enumerate(groups) if role.get(i) == "defendant" for c in g if _key(c.name) not in taken]
    if defendants and not plaintiffs:
        # "verklagt von Anlegern", "a suit of investors"; "for"/"of" only right after the suit: "fraud for many people" is no agent
        plaintiffs = [c for i, g in enumerate(groups) if i not in role and preps[i] in _AGENT_PREPS and (
            preps[i] in _FROM or preps[i] == "by" or any(0 <= g[0].start - h.end <= 30 and not h.trigger.verb for h in hits))
            for c in g if c.generic]
    plaintiffs = [c for c in plaintiffs if _head(c.name) not in _POLICE]  # "arrested by police and charged": no party
    shift = lambda cs: [dataclasses.replace(c, start=c.start + s, end=c.end + s) for c in cs]  # noqa: E731
    return shift(plaintiffs), shift(defendants)


def _court_names(art: _Article, s: int, e: int) -> list[str]:
    """Named courts in the sentence: the NER's court entities first, then the courts.yaml patterns."""
    names = [n for m in art.in_span(s, e) if art.is_court(m) and (n := art.court_name(m))]
    for r in art.lex.courts:
        for m in r.finditer(art.text, s, e):
            words = m.group().split()
            while words and words[0].lower() in _ARTICLES:
                words.pop(0)
            if len(words) > 1 or (words and not art.lex.court_entity.fullmatch(words[0])):
                names.append(" ".join(words))
    return [n for n in names if not any(n != o and n in o for o in names)]  # the fullest form


def _mention(art: _Article, idx: int, s: int, e: int) -> _Mention | None:
    lex, text, language = art.lex, art.text, art.language
    sent = text[s:e]
    hits = _find_hits(sent, lex)
    if not hits:
        return None
    if lex.negated is not None and lex.negated.search(sent):
        return None
    if sent.rstrip(" \"'”“»«)").endswith("?"):
        return None  # a question asks whether, it reports no proceeding
    hits = [h for h in hits if not _negated(sent, h, lex)]
    for h in hits:  # "filed a suit ... charging the company with X": the suit's allegation, no criminal charge
        if h.trigger.kind == "charge" and sent[h.start:h.end].lower() == "charging" \
                and any(o.trigger.kind in ("suit", "dispute") and o.end <= h.start for o in hits):
            h.alleging = True
    if not hits:
        return None
    strong = any(h.trigger.strong for h in hits)
    if not strong and (lex.non_lawsuit.search(sent) or (
            lex.agencies.search(sent) and not any(h.trigger.kind == "court" for h in hits))):
        return None  # an investigation, a bankruptcy filing, an agency's decision
    primary = next((h for h in hits if h.trigger.strong), hits[0])
    nouns = [h for h in hits if not h.trigger.verb]
    anaphoric = any(lex.anaphoric.search(sent[max(0, h.start - 40):h.start]) for h in nouns)
    new = not primary.trigger.verb and primary.trigger.kind in _NEW_KINDS and bool(lex.new_case.search(sent[max(0, primary.start - 40):primary.start]))
    new = new or bool(lex.separate.match(sent))  # "In a separate case, ..."
    cands = art.candidates(s, e)
    # ", unterstützt von 46 Bundesstaaten,": an aside between subject and object, blanked for the roles
    sent = _ASIDE.sub(lambda a: " " * len(a.group()), sent)
    plaintiffs, defendants = _roles(sent, s, cands, hits, primary, lex, language)
    if not defendants or not plaintiffs:  # another trigger may carry the roles: "X, der im Y-Verfahren verurteilt wurde"
        for h in sorted((h for h in hits if h is not primary), key=lambda h: not h.trigger.verb):
            p, d = _roles(sent, s, cands, hits, h, lex, language)
            if d and not defendants:
                plaintiffs, defendants = p or plaintiffs, d
                break
            if p and not plaintiffs and _mention_keys(d) & _mention_keys(defendants):
                plaintiffs = p  # the same defendant, and a plaintiff too: "beim Gericht einen Antrag gegen X"
                break
            if p and not plaintiffs and not defendants:
                plaintiffs = p  # "Der VfGH hob das Gesetz auf, nachdem die Neos eine Beschwerde eingebracht hatten"
                break
    if not defendants:  # "dass der Angeklagte die Tat plante": the accused is the defendant wherever he stands
        accused, det = next(((c, d) for c in cands if c.generic and _head(c.name) in _ACCUSED and c not in plaintiffs
                             and (d := _THE_ACCUSED.search(text, max(s, c.start - 30), c.start))), (None, None))
        if accused is not None and art.accused and accused.indefinite is None:
            defendants = [art.accused[-1]]  # "sagte die Angeklagte": the one accused before
        elif accused is not None:  # unnamed: in the article's words ("der Angeklagte"), for defendants_generic
            defendants = [dataclasses.replace(accused, indefinite=accused.indefinite or text[det.start():accused.end])]
    if plaintiffs and not defendants and all(c.generic and _head(c.name) in _INVESTORS for c in plaintiffs):
        # "Mellon Bank said a shareholder filed a class action suit": the company reporting its investors' suit is sued
        org, _ = art.reporter(s, e, cands)
        if org is not None:
            defendants = [org]
    if not plaintiffs or not defendants:
        blocked = [(s + h.start, s + h.end) for h in hits]
        extra = art.fallback(s, e, cands, blocked)
        if extra:  # the primary trigger first, then the others ("a judge ruled that Globex must pay")
            for h in [primary] + [h for h in hits if h is not primary]:
                fp, fd = _roles(sent, s, sorted(cands + extra, key=lambda c: c.start), hits, h, lex, language)
                fp = [c for c in fp if all(c.start != d.start for d in defendants)]
                fd = [c for c in fd if all(c.start != p.start for p in plaintiffs)]
                if (not plaintiffs and any(c not in cands for c in fp)) or (not defendants and any(c not in cands for c in fd)):
                    # the phrase found fills a role; the other role may be a party found before ("die Staatsanwaltschaft")
                    plaintiffs, defendants = plaintiffs or fp, defendants or fd
                    break
    art.named.extend(c for c in plaintiffs + defendants if not c.generic)
    art.plaintiffs.extend(c for c in plaintiffs if not c.generic)
    art.accused.extend(c for c in defendants if not c.generic)
    return _Mention(
        idx=idx, hits=hits, strong=strong, anaphoric=anaphoric, new=new and not anaphoric,
        kind=primary.trigger.kind, plaintiffs=plaintiffs, defendants=defendants,
        courts=_court_names(art, s, e),
    )


# --- cases ---------------------------------------------------------------------------


@dataclass
class _Case:
    sentences: list[int]
    kinds: set[str]
    default_status: str
    claim_fallback: str | None
    plaintiffs: dict[str, _Cand] = field(default_factory=dict)
    defendants: dict[str, _Cand] = field(default_factory=dict)
    courts: list[str] = field(default_factory=list)
    last: int = 0
    stating: set[int] = field(default_factory=set)  # sentences that name a party
    criminal: bool = False  # a plea, a prison sentence or an acquittal was reported
    separate: bool = False  # opened as another proceeding ("In a separate case", "a second lawsuit")

    def families(self) -> set[str]:
        return {_FAMILY.get(k, k) for k in self.kinds}

    def keys(self, role: str) -> set[str]:
        d = self.plaintiffs if role == "plaintiff" else self.defendants
        return set(d) | {_head(c.name) for c in d.values() if c.generic}

    def absorb(self, other: "_Case") -> None:
        """Take over the sentences of another record of the same proceeding."""
        self.sentences = sorted(set(self.sentences) | set(other.sentences))
        self.stating |= other.stating
        self.kinds |= other.kinds
        self.criminal |= other.criminal
        self.courts.extend(c for c in other.courts if c not in self.courts)
        self.last = max(self.last, other.last)

    def add(self, m: _Mention) -> None:
        self.sentences.append(m.idx)
        self.criminal |= any(h.trigger.criminal for h in m.hits)
        if m.plaintiffs or m.defendants:
            self.stating.add(m.idx)
        self.kinds.add(m.kind)
        self.last = m.idx
        self.courts.extend(m.courts)
        for role, cs, own, other in (
            ("plaintiff", m.plaintiffs, self.plaintiffs, self.defendants),
            ("defendant", m.defendants, self.defendants, self.plaintiffs),
        ):
            if any(not c.generic and (k := _key(c.name)) and k not in own and k not in other for c in cs):
                for k in [k for k, c in own.items() if c.generic]:  # a name beats generic words on its side
                    del own[k]
            for c in cs:
                k = _key(c.name)
                if not k or k in own or k in other:
                    continue
                if c.generic and any(not x.generic for x in own.values()):
                    continue
                if c.generic and any(x.generic and _head(x.name) == _head(c.name) and not _rival_modifiers(x.name, c.name)
                                     for x in [*own.values(), *other.values()]):
                    continue
                own[k] = c


def _restates(first: "_Case", later: "_Case") -> bool:
    """A later record that names the same defendants and no other plaintiff, not opened as another case."""
    named = {k for k, c in first.defendants.items() if not c.generic}
    return bool(named) and not later.separate and named == {k for k, c in later.defendants.items() if not c.generic} \
        and set(later.plaintiffs) <= set(first.plaintiffs) and bool(later.families() & first.families())


def _rival_modifiers(a: str, b: str) -> bool:
    """"Danish governments" and "German governments" are two parties; "shareholders" and "Tesco shareholders" one."""
    ka, kb = _key(a).split(), _key(b).split()
    return len(ka) > 1 and len(kb) > 1 and ka[:-1] != kb[:-1]


def _mention_keys(cs: list[_Cand]) -> set[str]:
    return {_key(c.name) for c in cs} | {_head(c.name) for c in cs if c.generic}


def _conflict(case: _Case, m: _Mention) -> bool:
    """A party of the mention is on the other side of the case."""
    return bool(_mention_keys(m.plaintiffs) & case.keys("defendant") or _mention_keys(m.defendants) & case.keys("plaintiff"))


def _compatible(case: _Case, m: _Mention) -> bool:
    """Shares a party in the same role, no party in the opposite role, no rival defendants or plaintiffs."""
    pk, dk = _mention_keys(m.plaintiffs), _mention_keys(m.defendants)
    if _conflict(case, m):
        return False
    if dk and case.defendants and not (dk & case.keys("defendant")):
        # "charges against two executives" and "charges against James Tambone" by the same named plaintiff: one case
        named_p = {_key(c.name) for c in m.plaintiffs if not c.generic} & {k for k, c in case.plaintiffs.items() if not c.generic}
        ours, theirs = [c.generic for c in m.defendants], [c.generic for c in case.defendants.values()]
        vague = (all(ours) and not all(theirs)) or (all(theirs) and not all(ours))  # the unnamed may be the named
        return bool(named_p) and vague
    named = {_key(c.name) for c in m.plaintiffs if not c.generic}
    if named and not named & case.keys("plaintiff") and any(not c.generic for c in case.plaintiffs.values()):
        return False  # another named plaintiff: another proceeding against the same defendant
    return bool(pk & case.keys("plaintiff") or dk & case.keys("defendant"))


_CRIMINAL_WORD = re.compile(r"(?i)\bcriminal\b|\bstrafrechtlich\w*|\bStraf(?:verfahren|prozess|anzeige)\w*")


def _criminal_beside_civil(case: _Case, m: _Mention, sents: list[str], lex: _Lexicon) -> bool:
    """"X also faces criminal charges" after X's doping ban or lawsuit: a criminal case is another
    proceeding than a civil or disciplinary one against the same party."""
    if not _CRIMINAL_WORD.search(sents[m.idx]) or any(_CRIMINAL_WORD.search(sents[i]) for i in case.sentences):
        return False
    own = [sents[i] for i in case.sentences]
    civil = any(lex.civil.search(t) for t in own)
    return not any(lex.criminal.search(t) for t in own) and (civil or not (case.criminal or case.claim_fallback == "criminal"))


def _open(m: _Mention, first: _Mention | None = None) -> _Case:
    """A new case; a preceding party-less court sentence becomes its first statement."""
    primary = next((h for h in m.hits if h.trigger.strong), m.hits[0])
    claim = next((h.trigger.claim for h in [primary, *m.hits] if h.trigger.claim and not h.alleging), None)
    case = _Case(sentences=[], kinds=set(), default_status=primary.trigger.status, claim_fallback=claim, separate=m.new)
    if first is not None:
        case.add(first)
    case.add(m)
    return case


_DEFINITE = re.compile(r"(?:\b(?:der|die|das|den|dem|des|the)\s+(?:[\w-]+\s+)?)\Z", re.IGNORECASE)


def _named_before(m: _Mention, cases: list[_Case], text: str, sents: list[str]) -> _Case | None:
    """The case whose sentences introduced the unnamed party a definite phrase takes up again
    ("... sowie ein Journalist. Der Journalist ist angeklagt", "a former contractor ... the contractor")."""
    generic = [c for c in m.plaintiffs + m.defendants if c.generic]
    if not generic or len(generic) < len(m.plaintiffs) + len(m.defendants):
        return None
    for c in generic:
        if not _DEFINITE.search(text, max(0, c.start - 30), c.start):
            continue
        word = re.compile(r"\b%s" % re.escape(c.name.split()[-1]), re.IGNORECASE)
        for case in sorted(cases, key=lambda k: k.last, reverse=True):
            if any(word.search(sents[i]) for i in case.sentences):
                return case
    return None


def _group_mentions(mentions: list[_Mention], title_sentences: int, text: str, sents: list[str], lex: _Lexicon) -> list[_Case]:
    """One case per proceeding: anaphora and shared parties join, "eine Klage" opens.

    A case stated only in the headline is restated by the first body mention of the
    same family that does not contradict its roles.
    """
    cases: list[_Case] = []
    pending: _Mention | None = None
    for m in mentions:
        headline = next((c for c in cases if c.last < title_sentences), None)
        fam = _FAMILY.get(m.kind, m.kind)
        if headline and m.idx >= title_sentences and fam in headline.families() and not _conflict(headline, m):
            headline.add(m)
            pending = None
            continue
        has_parties = bool(m.plaintiffs or m.defendants)
        if not m.strong and not has_parties:
            recent = max(cases, key=lambda c: c.last) if cases else None
            if recent and (m.idx - recent.last <= _WEAK_WINDOW or set(m.courts) & set(recent.courts)):
                recent.add(m)
            else:
                pending = m
            continue
        target = None
        appellant = next((c for c in sorted(cases, key=lambda c: c.last, reverse=True)
                          if _mention_keys(m.plaintiffs) & c.keys("defendant")), None) if m.kind == "appeal" else None
        if appellant is not None:  # "Er hat Berufung eingelegt": the accused appeals in the same proceeding
            m.plaintiffs, m.defendants = [], []
            appellant.add(m)
            pending = None
            continue
        recent = max(cases, key=lambda c: c.last) if cases else None
        if m.kind == "appeal" and m.plaintiffs and not m.defendants and recent is not None and not recent.defendants \
                and recent.plaintiffs and m.idx - recent.last <= 2 and not _mention_keys(m.plaintiffs) & recent.keys("plaintiff"):
            # "X erwirkte eine Verfügung. Dagegen hat Y Rekurs erhoben": Y appeals as the other side
            m.plaintiffs, m.defendants = [], m.plaintiffs
            recent.add(m)
            pending = None
            continue
        if m.anaphoric:
            ordered = sorted(cases, key=lambda c: c.last, reverse=True)
            target = next((c for c in ordered if fam in c.families()), ordered[0] if ordered else None)
            if target is not None and _conflict(target, m) and any(h.trigger.verb for h in m.hits):
                target = None  # "The legal action comes after the star sued a woman": the verb states another case
        elif not m.new:
            joinable = [c for c in sorted(cases, key=lambda c: c.last, reverse=True) if _compatible(c, m)]
            target = next((c for c in joinable if not _criminal_beside_civil(c, m, sents, lex)), None)
            m.new = target is None and bool(joinable)  # the criminal case stays apart from the civil one
            if target is None and (target := _named_before(m, cases, text, sents)) is not None:
                m.plaintiffs, m.defendants = [], []  # the party is in the case already, maybe by other words
            recent = max(cases, key=lambda c: c.last) if cases else None
            if target is None and not m.new and recent is not None and m.idx - recent.last <= _WEAK_WINDOW and not m.defendants \
                    and m.plaintiffs and all(c.generic for c in m.plaintiffs) and recent.plaintiffs \
                    and all(c.generic for c in recent.plaintiffs.values()):
                # "Das Gericht lehnte den Eilantrag einer Familie ab. Geklagt hatten die Eltern": the same unnamed claimants
                target = recent
                m.plaintiffs = []
        if target is not None:
            target.add(m)
        elif pending is not None and m.idx - pending.idx <= 1:
            cases.append(_open(m, pending))
        else:
            cases.append(_open(m))
        pending = None
    # a case that names only its plaintiff is the plaintiff's case named elsewhere with a defendant
    for c in [c for c in cases if c.plaintiffs and not c.defendants]:
        threat = _status(c, sents, lex) != "threatened"  # a suit only announced is another proceeding than one decided
        target = next((d for d in cases if d is not c and d.defendants and c.keys("plaintiff") & d.keys("plaintiff")
                       and not (threat and _status(d, sents, lex) == "threatened")), None)
        if target is not None:
            target.absorb(c)
            cases.remove(c)
    return cases


def _members(art: _Article, case: _Case, role: str, spans: list[tuple[int, int]]) -> list[_Cand]:
    """The names of an unnamed group of parties, or of a role the case leaves empty, from a later
    sentence that lists them ("sued four companies ... The four companies named in the suit are
    A, B and C"; "a former contractor ... The contractor, Jane Roe, ..."; "Among the accused were A and B";
    "Ein 45-jähriger Installateur ... Der Mann namens Erwin Kolb")."""
    own = case.plaintiffs if role == "plaintiff" else case.defendants
    other = case.defendants if role == "plaintiff" else case.plaintiffs
    groups = [c for c in own.values() if c.generic]
    if len(groups) < len(own):
        return []
    rxs = [art.lex.roster[role]]
    if groups:
        first = next((i for i, (s, e) in enumerate(spans) if s <= min(c.start for c in groups) < e), case.sentences[0])
        stems = {re.escape(w[:max(4, len(w) - 3)]) for w in (c.name.split()[-1] for c in groups)}
        rxs.append(re.compile(art.lex.members.replace("{head}", r"(?:%s)\w{0,5}" % "|".join(sorted(stems)))))
    else:
        first = case.sentences[0]
    counts = [_COUNT.search(c.indefinite or "") for c in groups]
    limit = max((_COUNTS[m.group().lower()] for m in counts if m), default=0)
    taken = set(other)
    if groups:  # "It is suing three rivals - Beta, Gamma and Delta": the list follows the group
        s, e = spans[first]
        g = max(groups, key=lambda c: c.end)
        dash = _LIST_AFTER.match(art.text, g.end, e)
        listed = [x for x in art.in_span(dash.end(), e) if x.entity_type in ("PER", "ORG")] if dash else []
        if listed and (not limit or len(listed) == limit):
            return [_Cand(x.start_char, x.end_char, *art.fullest(x.name, x.entity_type)) for x in listed]
    if limit >= 2 and first + 1 < len(spans):  # "Two executives were convicted. Dan Boyle and Sheila Kahanek face ...": as many names
        s, e = spans[first + 1]
        opening = _NAME_LIST.match(art.text, s, e)
        named = [x for x in art.in_span(s, opening.end())] if opening else []
        if len(named) == limit and all(x.entity_type == "PER" for x in named):
            return [_Cand(x.start_char, x.end_char, *art.fullest(x.name, x.entity_type)) for x in named]
    for k, (s, e) in enumerate(spans[first + 1:first + 5]):
        m = next((m for rx in rxs if (m := rx.search(art.text, s, e))), None)
        lead = art.lex.named_later.match(art.text, s, e) if groups and k < 2 else None
        if m is None and lead is None:
            continue
        if m is None:  # "Ein 45-jähriger Installateur ... Der Mann namens Erwin Kolb": a person, named right there
            after = [x for x in art.in_span(lead.end(), e)[:1] if x.entity_type == "PER"
                     and re.fullmatch(r"(?:[A-ZÄÖÜ][\w-]*\s+)?", art.text[lead.end():x.start_char])]  # "Der 21-jährige Student Otto Falk"
        else:
            after = art.in_span(m.end(), e)
        if m is not None and m.group().rstrip().endswith(","):  # apposition: the name right after the comma
            after = [x for x in after[:1] if x.start_char - m.end() <= 2]
        out = []
        for i, x in enumerate(after):
            if x.entity_type not in ("PER", "ORG") or art.is_court(x):
                continue
            if i and after[i - 1].entity_type == "PER" and _AFFILIATION.fullmatch(art.text, after[i - 1].end_char, x.start_char):
                continue  # "Ann Lee of Kestrel Foods": her employer, not another party
            c = _Cand(x.start_char, x.end_char, *art.fullest(x.name, x.entity_type))
            if _key(c.name) not in taken and all(_key(c.name) != _key(o.name) for o in out):
                out.append(c)
        if out:
            return out[:limit] if limit else out
    if len(groups) == 1 and limit <= 1 and len(own) == 1:
        # "ein amtierender Präsident ... Präsident Otto Pérez", "a former guard ... the guard Jim Bell": the one
        # person the article names with the unnamed party's noun
        head = groups[0].name.rsplit("-", 1)[-1].lower()
        stem = head[:max(4, len(head) - 2)]
        people = {_key(x.name): x for x in art.entities if x.entity_type == "PER" and not _SPEAKS.match(art.text, x.end_char) and (
            w := _LAST_WORD.search(art.text, max(0, x.start_char - len(head) - 6), x.start_char))
            and w.group(1).lower().startswith(stem) and len(w.group(1)) <= len(stem) + 3}
        if len(people) == 1 and not people.keys() & set(other):
            x = next(iter(people.values()))
            return [_Cand(groups[0].start, groups[0].end, *art.fullest(x.name, x.entity_type))]
    if role == "defendant" and groups and limit:
        # "An attorney was indicted. Israel Gross, 45, allegedly ...", "Three men were charged. ... Ann Dale, Bo Kerr and
        # Cy Lamb": as many people as the group counts, named in the next sentences (not those who speak or judge)
        people = {}
        for s, e in spans[first + 1:first + 3]:
            for x in art.in_span(s, e):
                if x.entity_type == "PER" and _key(x.name) not in taken and not _SPEAKS.match(art.text, x.end_char) \
                        and not _OFFICIAL.search(art.text, max(0, x.start_char - 30), x.start_char):
                    people.setdefault(_key(art.fullest(x.name, "PER")[0]), x)
        if len(people) == limit:
            return [_Cand(x.start_char, x.end_char, *art.fullest(x.name, x.entity_type)) for x in people.values()]
    return []


def _authority(art: _Article, case: _Case, spans: list[tuple[int, int]]) -> _Cand | None:
    """"Die Klimaschützer haben einen Eilantrag gegen die Anordnung eingereicht": a suit against a measure (no party
    named) is against the authority that made it, the one the article names nearest before (else after) the case."""
    text = art.text
    if not any(_AGAINST_MEASURE.search(text, *spans[i]) for i in case.sentences):
        return None
    first = spans[min(case.sentences)][0]
    found = [(m.start_char, m) for m in art.entities if m.entity_type == "ORG" and _AUTHORITY.search(m.mention_text)]
    starts = {f[0] for f in found}
    found += [(a.start(), a) for a in _AUTHORITY_WORDS.finditer(text) if a.start() not in starts]  # the NER's name first
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    own = [f for f in found if any(spans[i][0] <= f[0] < spans[i][1] for i in case.sentences)]
    before = [f for f in found if f[0] < first]  # ("gegen die Entscheidung des Landratsamtes": its own sentence first)
    best = (own[0] if own else before[-1] if before else found[0])[1]
    if isinstance(best, EntityMention):
        return _Cand(best.start_char, best.end_char, *art.fullest(best.name, "ORG"))
    words = best.group()
    if art.language == "de" and re.search(r"(?:amt|ministerium)e?s$", words):
        words = re.sub(r"e?s$", "", words)  # "des Landratsamtes": the Landratsamt
    return _Cand(best.start(), best.end(), words, None)


# --- case fields -------------------------------------------------------------------------


def _status(case: _Case, sents: list[str], lex: _Lexicon) -> str:
    """The last cue of the latest sentence with one; nouns ("the ruling") only on their own; an appeal
    outranks the ruling it attacks in the same sentence ("Berufung gegen den Freispruch")."""
    found = None
    for i in sorted(set(case.sentences)):
        cues = [(weak, m.start(), status) for status, rx, weak in lex.statuses for m in rx.finditer(sents[i])]
        strong = [c for c in cues if not c[0]] or cues
        if strong:
            last = found
            found = "appealed" if any(c[2] == "appealed" for c in strong) else max(strong, key=lambda c: c[1])[2]
            if found in _EARLY and last in _DECIDED:
                found = last  # "X took legal action in 2002" after the ruling is the story's background
            cue = min((c[1] for c in strong if c[2] == "appealed"), default=0)
            if found == "appealed" and lex.agencies.search(sents[i], cue, cue + 60) and not lex.court_entity.search(sents[i]):
                found = "pending"  # challenging an authority's decision is a suit of its own, not an appeal
    return found or case.default_status


def _claim(case: _Case, sents: list[str], lex: _Lexicon) -> str:
    own = set(case.sentences)
    near = {j for i in own for j in range(i - _CLAIM_WINDOW, i + _CLAIM_WINDOW + 1) if 0 <= j < len(sents)} - own
    score: dict[str, int] = {}
    for claim, rx in lex.claims:
        w = sum(2 * len(rx.findall(sents[i])) for i in own) + sum(len(rx.findall(sents[j])) for j in near)
        if w:
            score[claim] = w
    if not case.kinds <= _CIVIL_KINDS and any(lex.offence.search(sents[i]) for i in own):
        score["criminal"] = score.get("criminal", 0) + 2  # "charged with assault": a crime, unless a civil suit's claim
    civil = any(lex.civil.search(sents[i]) for i in own | near)
    own_criminal = any(lex.criminal.search(sents[i]) for i in own)
    if "criminal" in score and not own_criminal and (any(_CIVIL_WORD.search(sents[i]) for i in own) or (
            case.kinds <= _CIVIL_KINDS and not case.criminal and case.claim_fallback != "criminal")):
        # "a civil action ... Moss also awaits a criminal trial", "X sued Y. ... Criminal cases against the
        # managers go on separately": the next case's words
        del score["criminal"]
    if case.criminal and not civil:
        return "criminal"  # "pleaded guilty to infringing copyright": only a criminal court takes pleas
    if (case.claim_fallback == "criminal" or "criminal" in score) and not score.keys() & _CIVIL_CLAIMS and (
            "criminal" in score or not civil):
        return "criminal"  # charges brought in court: criminal, even when the crime is fraud or tax evasion
    if score:
        return max(score, key=lambda c: score[c])  # ties: file order (max keeps the first)
    if case.plaintiffs and all(c.generic and _head(c.name) in _INVESTORS for c in case.plaintiffs.values()) \
            and any(_CLASS_ACTION.search(sents[i]) for i in own):
        return "securities"  # "a shareholder filed a class action suit": investors together over their securities
    if civil and case.claim_fallback == "criminal":
        return "other"  # doping or disciplinary charges
    return case.claim_fallback or "other"


def _amount(case: _Case, spans: list[tuple[int, int]], sents: list[str], amounts: list[Amount], hit_sents: set[int]):
    """The damages, fine or settlement: in a case sentence, or in the trigger-less ones after.

    Preference: an amount categorised fine_damages, then money in a sentence that speaks
    of damages ("Schadenersatz", "seeking"). Up to two following sentences without a
    trigger count too; the first of them also when the case sentence before it speaks of
    damages ("Schadenersatzklage ... Sie beläuft sich auf 2 Millionen Euro").
    """
    own = sorted(set(case.sentences))
    near = []
    for i in own:
        for j in (i + 1, i + 2):
            if j >= len(spans) or j in hit_sents:
                break
            near.append(j)
    best = None
    for rank_base, idxs in ((0, own), (2, near)):
        for i in idxs:
            s, e = spans[i]
            damages = bool(_DAMAGES.search(sents[i]) or (rank_base and i - 1 in own and _DAMAGES.search(sents[i - 1])))
            for a in amounts:
                if not (s <= a.start_char < e) or a.kind != "money":
                    continue
                if a.category == "fine_damages":
                    rank = rank_base
                elif damages:
                    rank = rank_base + 1
                else:
                    continue
                if best is None or rank < best[0]:
                    best = (rank, a)
    return best[1] if best else None


def _cue_positions(text: str, lex: _Lexicon) -> list[int]:
    """Where trigger stems occur; str.find on the lowered text beats a folded regex tenfold."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: offsets would shift
        return [m.start() for m in lex.prefilter.finditer(text)]
    out = []
    for stem in lex.stems:
        i = low.find(stem)
        while i >= 0:
            out.append(i)
            i = low.find(stem, i + 1)
    out.sort()
    return out


def extract_lawsuits(text: str, language: str, entities: list[EntityMention], amounts: list[Amount]) -> list[Lawsuit]:
    """Every legal proceeding the article reports, one record per proceeding."""
    if language not in ("de", "en") or not text:
        return []
    lex = _lexicon(language)
    cues = _cue_positions(text, lex)
    if not cues:
        return []
    art = _Article(text, language, entities, lex)
    spans = split_sentences(text, language)
    sents = [text[s:e] for s, e in spans]
    mentions = []
    for i, (s, e) in enumerate(spans):
        k = bisect.bisect_left(cues, s)
        if k < len(cues) and cues[k] < e:
            m = _mention(art, i, s, e)
            if m is not None:
                mentions.append(m)
    hit_sents = {m.idx for m in mentions}
    nl = text.find("\n")
    # a first line is a headline when short or without a full stop; a long paragraph is body (newswire, no title)
    title_end = nl if 0 <= nl < 400 and (nl < 150 or text[:nl].rstrip()[-1:] not in ".!?\"“”") else -1
    dateline = _DATELINE.search(text, 0, 600)
    if dateline:  # "Titel. Lead. Wien – Body": the lead before the dateline is as elliptical as a headline
        title_end = max(title_end, dateline.start(1) - 1)
    title_sentences = sum(1 for _, e in spans if e <= title_end)
    out, kept = [], []
    for case in _group_mentions(mentions, title_sentences, text, sents, lex):
        for role in ("plaintiff", "defendant"):
            named = _members(art, case, role, spans)
            if named:
                own = case.plaintiffs if role == "plaintiff" else case.defendants
                own.clear()
                own.update((_key(c.name), c) for c in named)
        if not case.plaintiffs and not case.defendants:
            continue
        if case.plaintiffs and not case.defendants:
            authority = _authority(art, case, spans)
            if authority is not None:
                case.defendants[_key(authority.name)] = authority
        same = next((c for c in kept if _restates(c, case)), None)
        if same is not None:  # "A man was charged ... The 45-year-old Jim Bell appeared in court": named later, one case
            same.absorb(case)
            continue
        kept.append(case)
    for case in [c for c in kept if c.defendants and all(
            d.generic and _head(d.name) in _ACCUSED and re.match(r"(?i)(?:der|die|the)\s", d.indefinite or "")
            for d in c.defendants.values())]:
        # "..., sagte die Angeklagte." before "Beate Kranz muss sich verantworten": the accused is the one named
        named = [c for c in kept if c is not case and any(not d.generic for d in c.defendants.values())]
        if len(named) == 1:
            case.stating = set()  # the named case's own sentence stays its evidence
            named[0].absorb(case)
            kept.remove(case)
    for case in kept:
        # the evidence: the case's first sentence; when that is in the headline or lead (elliptical),
        # the first body sentence that names a party
        ev = case.sentences[0]
        if spans[ev][1] <= title_end:
            body = [i for i in sorted(case.sentences) if spans[i][0] > title_end]
            ev = next((i for i in body if i in case.stating), body[0] if body else ev)
        elif ev not in case.stating and case.stating:
            ev = min(case.stating)  # "Mexico's court allowed it. ... for four people who had brought the suit": the parties' sentence
        s, e = spans[ev]
        while e > s and text[e - 1] in ".!?…":
            e -= 1  # the quote without its full stop, so that it reads inside a longer quote of the same words
        amount = _amount(case, spans, sents, amounts, hit_sents)
        parties = tuple(
            LawsuitParty(role=role, name=c.name, entity_id=c.entity_id)
            for role, d in (("plaintiff", case.plaintiffs), ("defendant", case.defendants))
            for c in d.values() if not (role == "defendant" and c.indefinite)
        )
        out.append(
            Lawsuit(
                evidence_text=text[s:e], start_char=s, end_char=e,
                claim=_claim(case, sents, lex), status=_status(case, sents, lex),
                court=case.courts[0] if case.courts else None,
                amount_text=amount.mention_text if amount else None,
                amount_start_char=amount.start_char if amount else None,
                parties=parties,
                defendants_generic="; ".join(dict.fromkeys(
                    c.indefinite for c in sorted(case.defendants.values(), key=lambda c: c.start) if c.indefinite
                )) or None,
            )
        )
    out.sort(key=lambda l: l.start_char)
    return out

"""Amounts: money, percent, count and multiple expressions in German and English news.

The grammar is ../shared/AMOUNTS.md and no library covers it for German, so it is
ours. Word lists live in data/amounts/*.yaml. Per language two regexes find the
number anchors (digits; spelled numbers and multiple words); each anchor is read
outwards with small anchored regexes (qualifier and currency sign to the left;
scale, currency, percent, multiple or counted noun to the right), the exclusions
are applied, and neighbouring atoms are joined into ranges or changes.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

import yaml
from text_to_num import text2num

from etl.extract.model import Amount, EntityMention
from etl.extract.sentences import Sentences

_DATA = Path(__file__).parent / "data" / "amounts"
_SP = r"[^\S\n]"  # whitespace that does not cross a line break
_LETTER = r"[^\W\d_]"


@cache
def _yaml(name: str) -> dict:
    """Word lists are data (data/amounts/*.yaml), loaded once per process."""
    return yaml.safe_load((_DATA / f"{name}.yaml").read_text(encoding="utf-8"))


def _alt(forms) -> str:
    """Regex alternation, longest form first so that "US-Dollar" beats "Dollar"."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


def _alt_words(forms) -> str:
    """Like _alt, but a form ending in a letter or digit must end a word ("Mio" not "Mion")."""
    return "|".join(re.escape(f) + (r"(?!\w)" if f[-1].isalnum() else "")
                    for f in sorted(set(forms), key=len, reverse=True))


def _cap_variants(forms) -> list[str]:
    """Each form as written and with its first letter in the other case."""
    out = []
    for f in forms:
        out += [f, f[0].swapcase() + f[1:]]
    return out


def _trie(forms) -> str:
    """A regex for the alternation of literal forms, factored by common prefixes.

    The engine then dispatches on one character per position instead of trying
    every form, which makes scanning whole articles for spelled numbers cheap.
    """
    root: dict = {}
    for f in set(forms):
        node = root
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + build(root) + ")"


def _lower_set(forms) -> frozenset[str]:
    return frozenset(f.lower() for f in forms)


@lru_cache(maxsize=4096)
def _spelled(word: str, lang: str) -> float | None:
    """Read one isolated spelled-out cardinal with text2num; None if it is not one."""
    try:
        return float(text2num(word.lower(), lang))
    except (ValueError, TypeError):
        return None


class _Grammar:
    """The compiled regexes and word sets of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        scales, cur, units = _yaml("scales")[lang], _yaml("currencies"), _yaml("units")
        quals, nums, excl = _yaml("qualifiers")[lang], _yaml("numbers")[lang], _yaml("exclusions")
        cats = _yaml("categories")
        flags = re.IGNORECASE

        # -- anchors ---------------------------------------------------------
        # a run of digits and separators; its format is checked in _parse_digits
        self.digit_re = re.compile(r"(?P<d>\d+(?:[.,'’]\d+)*)")
        self.scale_value = {f.lower(): float(s["value"]) for s in scales["words"] for f in s["forms"]}
        scale_forms = [f for sc in scales["words"] for f in sc["forms"]]
        scale_ahead = rf"(?={_SP}+(?:{_alt_words(scale_forms)}))"
        morphs = nums["morphemes"]
        morph = _trie(morphs)
        first = _trie(_cap_variants([m for m in morphs if m not in nums["inner_only"]]))
        patterns = units["cardinal_patterns"].get(lang, [])
        self.mult_patterns = [re.compile(p.replace("{n}", f"(?P<n>{morph}+)") + r"\Z", flags) for p in patterns]
        suffix = _trie([p.partition("{n}")[2] for p in patterns]) + "?"
        prefix = "".join(f"(?:{_trie(_cap_variants([h]))})?" for h in {p.partition("{n}")[0] for p in patterns} if h)
        if lang == "de":
            half = f"(?:{re.escape(nums['half_suffix'])})?" if nums.get("half_suffix") else ""
            word = rf"{prefix}{first}{morph}*{half}{suffix}\b"
        else:
            word = rf"{prefix}{first}{suffix}\b(?:[\s-]+(?:and\s+)?{morph}\b)*"
        self.fractions = {k.lower(): float(v) for k, v in (nums.get("fractions") or {}).items()}
        self.half_suffix = nums.get("half_suffix")
        mult_words = units["multiple_words"].get(lang, {})
        self.mult_words = {k.lower(): float(v) for k, v in mult_words.items()}
        adjectives = [re.escape(f).replace(re.escape("{n}"), f"{morph}+")
                      for f in units.get("adjective_forms", {}).get(lang, [])]
        self.mult_adjective_re = re.compile(rf"(?:{'|'.join(adjectives)})\Z") if adjectives else None
        mult_alt = [_trie(_cap_variants(mult_words)) + r"\b"]
        twice = units.get("twice", {}).get(lang)
        if twice:
            self.mult_words[twice["word"]] = float(twice["value"])
            mult_alt.append(rf"{_trie(_cap_variants([twice['word']]))}(?={_SP}+(?:{_alt(twice['followers'])})\b)")
        parts = []
        if nums["half_scale"]:
            parts.append(rf"(?P<h>{_trie(_cap_variants(nums['half_scale']))}){scale_ahead}")
        parts.append(rf"(?P<a>{_trie(_cap_variants(nums['articles']))}){scale_ahead}")
        parts.append(rf"(?P<m>{'|'.join(mult_alt)})")
        if self.fractions:
            parts.append(rf"(?P<f>{_trie(_cap_variants(self.fractions))})\b")
        parts.append(rf"(?P<w>{word})")
        # digits and words are scanned separately; prefix tries and a first-letter
        # lookahead keep the word scan cheap
        starts = [*morphs, *nums["articles"], *(nums["half_scale"] or []), *self.fractions, *mult_words,
                  *(p.partition("{n}")[0] for p in patterns), *([twice["word"]] if twice else [])]
        letters = "".join(sorted({c for w in starts if w for c in (w[0].lower(), w[0].upper())}))
        self.word_re = re.compile(rf"\b(?=[{re.escape(letters)}])(?:{'|'.join(parts)})")

        # -- right of the number ----------------------------------------------
        self.glued_scale = {k: float(v) for k, v in (scales.get("glued") or {}).items()}
        self.glued_re = re.compile(rf"(?:{_alt(self.glued_scale)})(?!{_LETTER})") if self.glued_scale else None
        self.scale_re = re.compile(rf"(?:{_SP}+|{_SP}*-)(?P<s>{_alt_words(self.scale_value)})", flags)
        after = cur["after"][lang]
        self.cur_after = dict(after)
        one_letter = [f for f in after if len(f) == 1 and f.isalpha()]
        spaced = [f for f in after if f not in one_letter]
        glued_letters = rf"|(?P<cg>{_alt(one_letter)})(?!\w)" if one_letter else ""
        self.cur_after_re = re.compile(rf"(?:{_SP}*-?)(?P<c>{_alt_words(spaced)}){glued_letters}")
        pct = units["percent"][lang]
        self.pct = {k.lower(): v for k, v in pct.items()}
        glued_pct = [f for f in pct if f.startswith("-") or f == "%"]
        spaced_pct = [f for f in pct if not f.startswith("-")]
        self.pct_re = re.compile(rf"(?:(?P<pg>{_alt(glued_pct)})|{_SP}+(?P<ps>{_alt(spaced_pct)}))(?!{_LETTER})", flags)
        self.mult_suffix_re = re.compile(rf"(?:{_alt(units['multiple_suffix'][lang])})(?![^\W_])")
        times = units["times_followers"].get(lang)
        times_alt = "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(times or [], key=len, reverse=True))
        self.times_re = re.compile(rf"{_SP}+times(?={_SP}+(?:{times_alt})\b)", flags) if times else None
        self.after_upper_re = re.compile(rf"[^\d.;!?]{{0,40}}?\b(?:{_alt(quals['after_upper'])})\b", flags)
        if lang == "de":
            # one optional attributive adjective, then a capitalised noun ("4.500 befragten
            # Unternehmen"), also a hyphen compound or "Kurz- und Mittelstreckenflüge"
            joined = rf"(?:-{_SP}+(?:{_alt(quals['list_joiners'])}){_SP}+[A-ZÄÖÜ][\w-]*)?"
            self.noun_re = re.compile(
                rf"(?:{_SP}+(?P<adj>[a-zäöüß]+(?:e|en|er|es|em)))?{_SP}+"
                rf"(?P<noun>[A-ZÄÖÜ](?:[a-zäöüß]|[A-ZÄÖÜ]+-)\w*(?:-\w+)*{joined})")
        else:
            self.noun_re = re.compile(rf"((?:{_SP}+[A-Za-z][A-Za-z0-9'-]*){{1,4}})")
        self.hyphen_word_re = re.compile(r"-([^\W\d_]+)")
        self.next_word_re = re.compile(rf"{_SP}*([^\W\d_][\w.']*)")

        # -- left of the number ------------------------------------------------
        self.cur_before = dict(cur["before"])
        self.cur_before_re = re.compile(rf"(?<![^\W\d_])(?:{_alt(self.cur_before)}){_SP}?\Z")
        self.assumed = frozenset(cur["assumed"])
        self.minor = frozenset(cur["minor"])
        self.china = re.compile(rf"\b(?:{_alt(cur['yen_china_cues'])})", flags)
        q = {}
        for kind in ("approx", "upper", "lower"):
            for f in quals[kind]:
                q.setdefault(" ".join(f.lower().split()), kind)
        self.qual_kind = q
        self.qual_re = re.compile(rf"(?<!\w)(?P<q>{_alt(quals['approx'] + quals['upper'] + quals['lower'])})"
                                  rf"{_SP}+(?:(?:{_alt(quals['of'])}){_SP}+)?\Z", flags)
        self.range_open_re = re.compile(rf"(?<!\w)(?:{_alt(quals['range_openers'])}){_SP}+\Z", flags)
        self.change_open_re = re.compile(rf"(?<!\w)(?:{_alt(quals['change_openers'])}){_SP}+\Z", flags)
        verbs = quals.get("range_verbs") or []
        self.range_verb_re = re.compile(rf"(?<!\w)(?:{_alt(verbs)}){_SP}+(?:{_alt(quals['from'])}){_SP}+\Z",
                                        flags) if verbs else None
        self.change_verb_re = re.compile(rf"(?<!\w)(?:{_alt(quals['change_verbs'])}){_SP}+"
                                         rf"(?:(?:{_alt(quals['by'])}){_SP}+)?\Z", flags)
        self.range_conn = _lower_set(quals["range_connectors"])
        self.range_and = _lower_set(quals["range_and"])
        self.change_conn = _lower_set(quals["change_connectors"])
        self.list_joiner_re = re.compile(rf"[,;]|\b(?:{_alt(quals['list_joiners'])})\b")
        self.preceding_re = re.compile(rf"(?<![\w&])(?:{_alt(excl['preceding'][lang])}){_SP}*\Z", flags)
        self.model_re = re.compile(rf"(?<![\w-])(?:[A-Za-z][\w-]*[A-Z][\w-]*|[A-Z]{{2,}}){_SP}+\Z")
        self.month_before_re = re.compile(rf"(?<!\w)(?:{_alt(excl['months'][lang])}){_SP}+\Z", flags)
        self.das_re = re.compile(rf"(?<!\w)(?:{_alt(quals['nominal_articles'])}){_SP}+\Z", flags)

        # -- word sets -----------------------------------------------------------
        self.months = _lower_set(excl["months"][lang])
        self.durations = _lower_set(excl["duration_nouns"][lang])
        self.time_words = _lower_set(excl["time_words"][lang])
        self.fraction_nouns = _lower_set(excl["fraction_nouns"][lang])
        self.measures = _lower_set(excl["measure_units"][lang])
        self.function_words = _lower_set(excl["function_words"][lang])
        self.plurals = _lower_set(_yaml("numbers").get("en_irregular_plurals", []))

        # -- sentence context ----------------------------------------------------
        self.cat_kinds, self.cue_cat, self.unit_cat = {}, {}, {}
        for name, spec in cats.items():
            if name in ("money_cues", "subject_blockers"):
                continue
            self.cat_kinds[name] = frozenset(spec["kinds"])
            for u in spec.get("units", []):
                self.unit_cat.setdefault(u.lower(), name)
            for c in spec[lang]:
                self.cue_cat.setdefault(c.lower(), name)
        self.cue_re = re.compile(rf"\b{_trie(_cap_variants(self.cue_cat))}")
        self.unit_cat_re = re.compile(_trie(_cap_variants(self.unit_cat)))
        self.money_cue_re = re.compile(rf"\b{_trie(_cap_variants(cats['money_cues'][lang]))}|[$€£¥]")
        # a currency named elsewhere in the sentence: only forms that cannot be ordinary
        # words ("Rand", "Real", "won" can), and never inside a word ("Europa")
        named = [f for f in after if after[f] in cur["context_codes"] and len(f) > 1]
        self.sentence_cur_re = re.compile(rf"(?<![\w$])(?:{_alt_words(list(self.cur_before) + named)})")
        self.subject_blockers = _lower_set(cats["subject_blockers"][lang])


@cache
def _grammar(lang: str) -> _Grammar:
    return _Grammar(lang)


@dataclass
class _Atom:
    """One number with what was read around it, before ranges are joined."""

    start: int  # span start (qualifier or currency sign included)
    end: int
    raw: float  # the number as written, no scale
    value: float
    scale: float | None = None
    kind: str | None = None
    unit: str | None = None
    qual: str = "exact"
    noun: str | None = None
    bare_int: bool = False  # digits with no separator or decimals
    spelled: bool = False
    assumed: bool = False
    minor: bool = False
    left: int = 0  # where the words before the amount end (openers are read from here)
    has_qual: bool = False
    value_max: float | None = None


_DIGIT_FORMATS = {
    "de": re.compile(r"\d{1,3}(?:,\d{3}){2,}|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
                     r"|\d{1,3}(?:['’]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"),
    "en": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"),
}


def _parse_digits(s: str, lang: str) -> tuple[float, bool] | None:
    """Value of a digit number in the document's locale and whether it is a bare integer.

    None when the digits are not a number in that locale (01.01.2024, 1.2.3).
    """
    if not _DIGIT_FORMATS[lang].fullmatch(s):
        return None
    if lang == "de":
        if s.count(",") >= 2:
            return float(s.replace(",", "")), False  # "2,345,678": English grouping in a German text
        t = s.replace(".", "").replace("'", "").replace("’", "").replace(",", ".")
    else:
        t = s.replace(",", "")
    return float(t), t.isdigit() and t == s


class _Reader:
    """Reads the atoms of one text; holds the text-level caches."""

    def __init__(self, text: str, g: _Grammar) -> None:
        self.text, self.g = text, g
        self._sentences: Sentences | None = None
        self._cues: dict[int, list[tuple[int, int, str]]] = {}

    # -- sentences ---------------------------------------------------------------
    def sentence(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence around pos (the package's one splitter, run once per text on demand)."""
        if self._sentences is None:
            self._sentences = Sentences(self.text, self.g.lang)
        return self._sentences.around(pos)

    def cues(self, pos: int) -> list[tuple[int, int, str]]:
        """Category cue words of the sentence around pos, found once per sentence."""
        s, e = self.sentence(pos)
        found = self._cues.get(s)
        if found is None:
            found = [(m.start(), m.end(), self.g.cue_cat[m.group().lower()])
                     for m in self.g.cue_re.finditer(self.text, s, e)]
            self._cues[s] = found
        return found

    # -- one anchor ----------------------------------------------------------------
    def atom(self, m: re.Match) -> _Atom | None:
        g, text, kind = self.g, self.text, m.lastgroup
        s, e = m.span()
        raw, bare, spelled = 0.0, False, False
        if kind == "d":
            if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
                return None  # touches letters: Q3, A321, Check24
            if text[s - 1:s] in ".,:/'" and text[s - 2:s - 1].isdigit():
                return None  # the tail of a date, time, score or version
            if text[s - 1:s] == "-" and text[s - 2:s - 1].isalpha():
                return None  # GPT-4, Covid-19, Artikel-29
            if text[s - 1:s] == "+":
                return None  # phone number
            tok = m.group("d")
            if len(tok) > 1 and tok[0] == "0" and tok[1].isdigit():
                return None  # phone prefix or ID
            nxt = text[e:e + 2]
            if nxt[:1] in ".,:/" and nxt[1:2].isdigit():
                return None  # 01.01.2024, 14:30, 2:1, 24/7
            parsed = _parse_digits(tok, g.lang)
            if parsed is None:
                return None
            raw, bare = parsed
        elif kind == "m":
            return self.multiple_word(m)
        elif kind == "a":
            raw = 1.0
        elif kind == "h":
            raw = 0.5
        elif kind == "f":
            raw, spelled = g.fractions[m.group().lower()], True
        else:
            word = m.group()
            if any(p.match(word) for p in g.mult_patterns):
                return self.multiple_word(m)
            if g.lang == "en" and _spelled(word, g.lang) is None:
                word = re.split(r"[\s-]+", word)[0]  # "two and three": read the first number only
                e = s + len(word)
            if g.half_suffix and word.lower().endswith(g.half_suffix) and len(word) > len(g.half_suffix):
                base = _spelled(word[: -len(g.half_suffix)], g.lang)
                raw = base + 0.5 if base is not None else None
            else:
                raw = _spelled(word, g.lang)
            if raw is None or raw < 2 and not g.scale_re.match(text, e):
                return None  # not a number, or "ein"/"one" without a scale word
            spelled = True
        a = _Atom(start=s, end=e, raw=raw, value=raw, bare_int=bare, spelled=spelled)
        pre = g.cur_before_re.search(text, max(0, s - 8), s) if kind == "d" else None
        if not self.read_right(a, e, kind == "d", pre is not None):
            return None
        if kind in ("a", "h") and a.scale is None:
            return None  # "eine"/"half a" count only before a scale word
        if not self.read_left(a, s, pre):
            return None
        return a

    def multiple_word(self, m: re.Match) -> _Atom | None:
        """ "verdoppelt", "das Dreifache", "threefold", "twice as": a factor written as a word."""
        g, word = self.g, m.group()
        if g.mult_adjective_re and g.mult_adjective_re.match(word):
            return None  # "der dreifache Weltmeister": an adjective of frequency, not a factor
        value = g.mult_words.get(word.lower())
        if value is None:
            for p in g.mult_patterns:
                pm = p.match(word)
                if pm:
                    value = _spelled(pm.group("n"), g.lang)
                    break
        if value is None or value < 2:
            return None
        a = _Atom(start=m.start(), end=m.end(), raw=value, value=value, kind="multiple", unit="x")
        d = g.das_re.search(self.text, max(0, a.start - 5), a.start)
        if d:
            a.start = d.start()
        self.read_left(a, a.start)
        return a

    def read_right(self, a: _Atom, e: int, digits: bool, has_pre: bool) -> bool:
        """Scale, then currency / percent / multiple / counted noun; False if the number is excluded."""
        g, text = self.g, self.text
        glued = g.glued_re.match(text, e) if (digits and g.glued_re) else None
        if glued:
            a.scale = g.glued_scale[glued.group()]
            e = glued.end()
        else:
            sm = g.scale_re.match(text, e)
            if sm:
                a.scale = g.scale_value[sm.group("s").lower()]
                e = sm.end()
        if a.scale is not None:
            if a.raw >= 1e6 and not a.spelled:
                a.scale = None  # "2,345,678 Millionen Dollar": the digits already hold the scale
            else:
                a.value = a.raw * a.scale
        cm = g.cur_after_re.match(text, e)
        if cm:
            form = cm.group("c") or cm.groupdict().get("cg")
            if cm.group("c") or (digits and glued is None and a.scale is None):  # "4p" only glued
                self.set_currency(a, form, g.cur_after[form])
                a.end = cm.end()
                return True
        pm = g.pct_re.match(text, e)
        if pm:
            if a.spelled and pm.group("pg") or glued or a.scale is not None:
                return False
            a.kind, a.unit, a.end = "percent", g.pct[(pm.group("pg") or pm.group("ps")).lower()], pm.end()
            return True
        if a.scale is None:
            mm = g.mult_suffix_re.match(text, e) if digits else None
            if mm:
                a.kind, a.unit, a.end = "multiple", "x", mm.end()
                return True
            if g.times_re:
                tm = g.times_re.match(text, e)
                if tm:
                    a.kind, a.unit, a.end = "multiple", "x", tm.end()
                    return True
        if digits and text[e:e + 1].isalpha():
            return False  # touches letters: 4s, 1990s, 3D, 5th
        a.end = e
        if has_pre:
            return True  # "£35bn savings": the currency already makes it money
        if a.scale is None:
            hw = g.hyphen_word_re.match(text, e)
            if hw:
                w = hw.group(1).lower()
                return w not in g.durations and w not in g.measures  # "18-month", "92,5-Meter-Sprung"
        self.read_noun(a, e)
        if glued and len(glued.group()) == 1:
            # "10m" without a currency is ten metres, unless people are counted ("1.4m workers")
            return bool(a.noun) and g.unit_cat_re.match(a.noun) is not None
        return a.noun != ""

    def set_currency(self, a: _Atom, form: str, code: str | None) -> None:
        a.kind = "money"
        if form in self.g.minor:
            a.minor = True
            a.value = a.value / 100
            a.raw = a.raw / 100
        a.assumed = form in self.g.assumed or code is None
        if code is None:
            code = self.context_currency(a.start)
        a.unit = code

    def read_noun(self, a: _Atom, e: int) -> None:
        """The counted noun after the number; sets a.noun = "" when it makes the number a non-amount."""
        g, text = self.g, self.text
        w = g.next_word_re.match(text, e)
        if w:
            first = w.group(1).lower()
            if first in g.time_words or first.rstrip(".") in g.months or first in g.fraction_nouns or \
                    first in g.measures or first.rstrip(".") in g.durations:
                a.noun = ""
                return
        if g.lang == "de":
            nm = g.noun_re.match(text, e)
            if not nm:
                return
            adj, noun = nm.group("adj"), nm.group("noun")
            nl = noun.lower()
            if nl in g.durations or nl in g.months or nl in g.fraction_nouns or nl in g.measures:
                a.noun = ""
                return
            if adj and adj.lower() in g.function_words:
                return
            a.noun, a.end = noun, nm.end()
            return
        nm = g.noun_re.match(text, e)
        if not nm:
            return
        pos = e
        for tm in re.finditer(r"\s+([A-Za-z][A-Za-z0-9'-]*)", nm.group(1)):
            tok = tm.group(1)
            low = tok.lower().rstrip("'")
            if low in g.durations or low.split("-")[0] in g.durations or low in g.measures:
                if pos == e:
                    a.noun = ""
                return
            if low in g.function_words or low in g.months:
                return
            if not tok[0].islower() and not a.spelled:
                return
            pos = e + tm.end()
            if low in g.plurals or (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 2
                                    and tok[0].islower()):
                a.noun, a.end = tok, pos
                return

    def sentence_currency(self, pos: int) -> str | None:
        """The currency named in the sentence around pos, for a German "Mrd." without one."""
        s, e = self.sentence(pos)
        m = self.g.sentence_cur_re.search(self.text, s, e)
        if not m:
            return None
        return self.g.cur_before.get(m.group()) or self.g.cur_after.get(m.group())

    def context_currency(self, pos: int) -> str | None:
        """For "Cent": the currency of the sentence, else the first one the article names."""
        code = self.sentence_currency(pos)
        if code is None:
            m = self.g.sentence_cur_re.search(self.text)
            code = m and (self.g.cur_before.get(m.group()) or self.g.cur_after.get(m.group()))
        return code

    def read_left(self, a: _Atom, s: int, cm: re.Match | None = None) -> bool:
        """Currency sign (cm, already found by the caller) and qualifier before the number; False if excluded."""
        g, text = self.g, self.text
        if cm and a.kind in (None, "money") and not a.spelled:
            form = cm.group().rstrip()
            code = g.cur_before[form]
            if code == "JPY" and g.china.search(text, *self.sentence(s)):
                code = "CNY"
            if a.kind is None:
                a.kind, a.unit, a.assumed = "money", code, form in g.assumed
            a.start = s = cm.start()
        elif a.kind is None:
            if self.excluded_by_left(a, s):
                return False
        lo = max(0, s - 30)
        qm = g.qual_re.search(text, lo, s)
        if qm:
            a.qual = g.qual_kind[" ".join(qm.group("q").lower().split())]
            a.has_qual = True
            a.start = s = qm.start()
        a.left = s
        if a.qual == "exact" and g.after_upper_re.match(text, a.end):
            a.qual = "upper"
        return True

    def excluded_by_left(self, a: _Atom, s: int) -> bool:
        """Index names, model numbers, dates, house numbers: words before a number without a unit."""
        g, text = self.g, self.text
        if a.scale is not None:
            return False
        lo = max(0, s - 20)
        if g.preceding_re.search(text, lo, s) or g.month_before_re.search(text, lo, s):
            return True
        return not a.spelled and bool(g.model_re.search(text, lo, s))


def _is_year(a: _Atom) -> bool:
    """A bare 1900-2099 with no currency, percent or scale after it is a year, even before a noun."""
    return a.bare_int and a.kind is None and a.scale is None and 1900 <= a.raw <= 2099


def _atoms(text: str, g: _Grammar, r: _Reader) -> list[_Atom]:
    """Every number of the text read with its surroundings, minus years, IDs and ordinals."""
    out = []
    last_end = -1
    matches = list(g.digit_re.finditer(text))
    words = list(g.word_re.finditer(text))
    if words:
        matches = sorted(matches + words, key=re.Match.start)
    for m in matches:
        if m.start() < last_end:
            continue
        a = r.atom(m)
        if a is None:
            continue
        if _is_year(a):
            continue
        if a.bare_int and a.kind is None and a.scale is None and a.raw >= 10000:
            continue  # an ID or postcode: 10115 Berlin, 1234567
        if g.lang == "de" and a.bare_int and a.kind is None and text[a.end:a.end + 1] == "." and not a.noun:
            continue  # ordinal: "zum 5. Mal", "13. Streikwelle", "1. Januar"
        out.append(a)
        last_end = a.end
    return out


def _join(text: str, g: _Grammar, atoms: list[_Atom]) -> list[_Atom]:
    """Join "10 bis 20 Mio." / "zwischen 5 und 7 %" into ranges; carry scale and unit back in changes."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is None or b.has_qual or not _same_measure(a, b):
            out.append(a)
            i += 1
            continue
        gap = text[a.end:b.start].strip().lower()
        if gap in g.range_and or gap in g.range_conn or gap in g.change_conn:
            lo = max(0, a.left - 30)
            opener = g.range_open_re.search(text, lo, a.left)
            change = g.change_open_re.search(text, lo, a.left) is not None or \
                g.change_verb_re.search(text, lo, a.left) is not None
            if change and g.range_verb_re and g.range_verb_re.search(text, lo, a.left):
                change = False  # "range from two to four"
            if (gap in g.range_and and opener or gap in g.range_conn and not (change and gap in g.change_conn)) \
                    and _ascending(a, b):
                _carry(a, b)
                a.value_max, a.end, a.qual = b.value, b.end, "range"
                if opener:
                    a.start = opener.start()
                out.append(a)
                i += 2
                continue
            if gap in g.change_conn and change:
                _carry(a, b)
        out.append(a)
        i += 1
    return out


def _same_measure(a: _Atom, b: _Atom) -> bool:
    """Two numbers can only form a range when they measure the same thing: "90 jobs - 17 %" is two amounts."""
    kind_a, kind_b = a.kind or ("count" if a.noun else None), b.kind or ("count" if b.noun else None)
    if kind_a and kind_b and kind_a != kind_b:
        return False
    if a.kind and b.kind and a.unit != b.unit:
        return False
    return not (a.noun and b.noun and a.noun != b.noun)


def _ascending(a: _Atom, b: _Atom) -> bool:
    """A range runs upwards; "fell from $120bn to $4.6bn" or a score "5-4" is not one."""
    low = replace(a)
    _carry(low, b)
    return low.value <= b.value


def _carry(a: _Atom, b: _Atom) -> None:
    """The low end takes the scale, unit and kind of the high end when it has none of its own."""
    if a.scale is None and b.scale is not None and a.raw < 1000 and a.kind is None:
        a.scale, a.value = b.scale, a.raw * b.scale
    if a.kind is None and b.kind is not None:
        a.kind, a.unit, a.assumed = b.kind, b.unit, b.assumed
        if b.minor:
            a.value /= 100
    if a.noun is None and b.noun:
        a.noun = b.noun


def _finish(a: _Atom, prev: Amount | None, r: _Reader) -> tuple[str, str | None, bool] | None:
    """(kind, unit, currency assumed) of an atom, deciding it for a number with no unit of its own
    (AMOUNTS.md row 13); None when the number is not an amount."""
    text = r.text
    kind, unit, assumed = a.kind, a.unit, a.assumed
    if kind is None:
        if a.noun:
            kind, unit = "count", a.noun
        elif a.scale is not None and r.g.lang == "de":
            s, e = r.sentence(a.start)  # "bis zu 10 Mrd.": German drops the currency when the sentence is about money
            if r.g.money_cue_re.search(text, s, e):
                kind, unit, assumed = "money", r.sentence_currency(a.start), True
            else:
                kind = "count"
        elif a.scale is not None:
            kind = "count"  # "sales will reach 159 million"
        elif prev is not None and prev.kind == "percent" and a.value_max is None and a.value <= 100 and \
                a.start - prev.end_char < 50 and r.sentence(prev.start_char) == r.sentence(a.start) and \
                r.g.list_joiner_re.search(text, prev.end_char, a.start) and \
                not any(c.isdigit() for c in text[prev.end_char:a.start]):
            kind, unit = "percent", prev.unit  # "10,25 Prozent zahlt der Arbeitnehmer, 12,55 der Arbeitgeber"
        elif not a.bare_int and not a.spelled:
            kind = "count"  # 10.000, 2,5: separators or decimals make it a quantity
        else:
            return None  # a bare small integer or spelled number: Windows 11, Seite 3
    if a.spelled and a.value < 2 and a.scale is None and kind != "money":
        return None
    if a.value == 0 and kind in ("money", "count"):
        return None  # "0-2", "0 Tore": no quantity of anything
    return kind, unit, assumed and kind == "money"


def _category(a: _Atom, kind: str, unit: str | None, r: _Reader) -> str:
    """Counted noun first (Mitarbeiter -> jobs), else the nearest cue word in the sentence."""
    g = r.g
    if kind == "count" and unit:
        um = g.unit_cat_re.match(unit)
        if um:
            return g.unit_cat[um.group().lower()]
    best, best_d = "other", None
    for start, end, name in r.cues(a.start):
        if kind not in g.cat_kinds[name]:
            continue
        d = max(a.start - end if end <= a.start else start - a.end, 0)
        if best_d is None or d < best_d:
            best, best_d = name, d
    return best


def _subject(a: _Atom, r: _Reader, ents: list[EntityMention], starts: list[int]) -> str | None:
    """The nearest ORG/PER before the amount in its sentence that is not the object of a preposition."""
    s, _ = r.sentence(a.start)
    i = bisect.bisect_right(starts, a.start) - 1
    while i >= 0 and ents[i].start_char >= s:
        ent = ents[i]
        if ent.end_char <= a.start:
            before = r.text[max(s, ent.start_char - 12):ent.start_char].split()
            if not before or before[-1].lower() not in r.g.subject_blockers:
                return ent.entity_id
        i -= 1
    return None


def extract_amounts(text: str, language: str, entities: list[EntityMention]) -> list[Amount]:
    """Every money, percent, count and multiple expression in text, normalised, in text order."""
    if language not in ("de", "en") or not text:
        return []
    g = _grammar(language)
    r = _Reader(text, g)
    atoms = _join(text, g, _atoms(text, g, r))
    ents = sorted((x for x in entities if x.entity_type in ("ORG", "PER")), key=lambda x: x.start_char)
    starts = [x.start_char for x in ents]
    out: list[Amount] = []
    prev = None
    for a in atoms:
        decided = _finish(a, prev, r)
        if decided is None:
            continue
        kind, unit, assumed = decided
        prev = Amount(mention_text=text[a.start:a.end], start_char=a.start, end_char=a.end, kind=kind,
                      value=a.value, value_max=a.value_max, unit=unit, qualifier=a.qual,
                      category=_category(a, kind, unit, r),
                      subject_entity_id=_subject(a, r, ents, starts) if ents else None,
                      currency_assumed=assumed)
        out.append(prev)
    return out

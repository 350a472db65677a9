"""The extract package's one sentence splitter: character spans of the sentences of a text.

News text, German and English: a sentence ends at . ! ? … (after closing quotes or
brackets) when the next one starts with a capital, a digit or an opening quote, and at
every line break. Abbreviations (data/sentences.yaml), single letters ("J. Smith"), initials
("W.R. Grace") and German ordinals ("am 3. Mai") do not end one. Scraped German text glues a heading to
the next sentence ("... Klage eingereicht Der Konzern ..."); a capital "Der/Die/Das"
after a lower-case word starts a sentence there. An embedded link ("pic.twitter.com/...",
"https://...") after a sentence's end is a sentence of its own (a scraped post's link).
"""
from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path

import yaml

# two passes: one character class at the start of a pattern keeps the scan fast
_END = re.compile(r"[.!?…][\"”“»')\]]*\s+(?=[\"„“«(‚'A-ZÄÖÜ0-9])")
_LINE = re.compile(r"\n\s*")
_LINK = re.compile(r"(?:pic\.twitter\.com/|https?://)\S+")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # "W.R. Grace", "J.P. Morgan": initials end no sentence
_GLUED_DE = re.compile(r"(?<=[a-zäöüß])[ \t]+(?=(?:Der|Die|Das)\s+[A-ZÄÖÜ])")


@functools.cache
def _abbreviations(language: str) -> frozenset[str]:
    with open(Path(__file__).parent / "data" / "sentences.yaml", encoding="utf-8") as f:
        return frozenset(w.lower() for w in yaml.safe_load(f).get(language, []))


def _is_abbreviation(text: str, dot: int, language: str) -> bool:
    """Whether the "." at position dot belongs to the word before it."""
    w = text[max(text.rfind(" ", max(0, dot - 20), dot), text.rfind("\n", max(0, dot - 20), dot)) + 1:dot]
    w = w.lstrip("\"„“«(‚'").lower()
    if len(w) <= 2:
        return (len(w) == 1 and w.isalpha()) or w in _abbreviations(language) or (language == "de" and w.isdigit())
    return w in _abbreviations(language) or bool(_INITIALS.fullmatch(w))


@functools.lru_cache(maxsize=1)  # entities, amounts and lawsuits split the same article: once
def split(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, without surrounding whitespace, in text order (shared: do not change it)."""
    cuts = [(m.start(), m.end()) for m in _LINE.finditer(text)]  # (end of a sentence, start of the next)
    for m in _END.finditer(text):
        if m.group()[0] != "." or not _is_abbreviation(text, m.start(), language):
            cuts.append((m.start() + 1 + len(m.group()[1:].rstrip()), m.end()))
    if language == "de":
        cuts.extend((m.start(), m.end()) for m in _GLUED_DE.finditer(text))
    if "://" in text or "pic.twitter" in text:
        for m in _LINK.finditer(text):  # after a sentence's end, a link stands on its own
            if re.search(r"[.!?…\"”»]\s+\Z", text[max(0, m.start() - 3):m.start()]):
                cuts.append((m.start(), m.start()))
                if re.match(r"\s+[\"„“«A-ZÄÖÜ0-9]", text[m.end():m.end() + 2]):
                    cuts.append((m.end(), m.end()))
    cuts.sort()
    out, start = [], 0
    cuts.append((len(text), len(text)))
    for end, nxt in cuts:
        if end > start:
            seg = text[start:end]
            s = start + len(seg) - len(seg.lstrip())
            e = start + len(seg.rstrip())
            if e > s:
                out.append((s, e))
        if nxt > start:
            start = nxt
    return out


class Sentences:
    """A text's sentence spans, with a look-up of the sentence around a position."""

    def __init__(self, text: str, language: str):
        self.spans = split(text, language)
        self._starts = [s for s, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def around(self, pos: int) -> tuple[int, int]:
        """The span holding pos; between sentences, the next one (or the last)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.spans[i][1]:
            return self.spans[i]
        if i + 1 < len(self.spans):
            return self.spans[i + 1]
        return self.spans[-1] if self.spans else (0, 0)

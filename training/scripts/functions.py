"""spaCy registry functions used by the training configs (`--code training/scripts/functions.py`)."""
from __future__ import annotations

import spacy
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.util import compile_infix_regex

HYPHEN_INFIX = rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])"


def add_hyphen_infix(nlp):
    """Split words at hyphens between letters, so "Microsoft-CEO" yields a token "Microsoft".

    English tokenizers already do this; German ones keep compounds whole. The
    rule is stored with the tokenizer, so shipped pipelines need no code.
    """
    if HYPHEN_INFIX not in nlp.Defaults.infixes:
        infixes = list(nlp.Defaults.infixes) + [HYPHEN_INFIX]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


@spacy.registry.callbacks("hyphen_infix.v1")
def make_hyphen_infix():
    return add_hyphen_infix

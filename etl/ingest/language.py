"""Offline language identification (py3langid), reduced to de, en or other."""
from __future__ import annotations

SUPPORTED = ("de", "en")


def detect_language(text: str) -> str:
    import py3langid  # loads its model on first use (~0.2 s), so only when an article needs it

    lang, _ = py3langid.classify(text[:1500])  # its cost grows with length; 1,500 characters decide de/en/other
    return lang if lang in SUPPORTED else "other"

"""Bytes -> text: UTF-8 (with or without BOM) first, else a detected legacy encoding; NFC."""
from __future__ import annotations

import unicodedata

from etl.ingest.errors import Quarantine

# Control characters that never occur in text files; a few of them mean binary data.
_BINARY_BYTES = bytes(sorted(set(range(0, 9)) | {11} | set(range(14, 32))))


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _BINARY_BYTES))  # counted in C, not per byte in Python
    return control > max(2, len(sample) // 100)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises Quarantine for empty, binary or undecodable bytes."""
    if not data.strip():
        raise Quarantine("empty_file", "0 bytes of text" if not data else f"{len(data)} bytes of whitespace only")
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8-sig"
    else:
        encoding = "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif looks_binary(data):
        raise Quarantine("binary_file", f"binary content (NUL or control bytes) in the first {min(len(data), 4096)} bytes")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            text, encoding = _decode_legacy(data, err)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise Quarantine("empty_file", "no text after decoding")
    return text, encoding


def _decode_legacy(data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Detect cp1252/latin-1 and friends; refuse bytes no encoding explains well."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=None).best()
    if best is None or best.encoding is None:
        raise Quarantine("undecodable", f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no other encoding fits")
    if best.chaos > 0.3:
        raise Quarantine("undecodable", f"not UTF-8; best guess {best.encoding} still reads as noise ({best.chaos:.0%})")
    return str(best), best.encoding

"""Bytes -> text: a BOM (UTF-8, UTF-32, UTF-16) decides, else UTF-8, else a detected legacy encoding; NFC."""
from __future__ import annotations

import unicodedata

from etl.ingest.errors import Quarantine

# Control characters that never occur in text files; a few of them mean binary data.
_BINARY_BYTES = bytes(sorted(set(range(0, 9)) | {11} | set(range(14, 32))))
# UTF-32 BOMs first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


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
        encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    if encoding in ("utf-16", "utf-32"):
        try:
            text = data.decode(encoding)  # the BOM gives the byte order and is dropped
        except UnicodeDecodeError as err:
            raise Quarantine("undecodable", f"{encoding} byte order mark, but {err.reason} at byte {err.start:,}") from None
    elif looks_binary(data):
        raise Quarantine("binary_file", f"binary content (NUL or control bytes) in the first {min(len(data), 4096)} bytes")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            text, encoding = _decode_legacy(data, err)
    check_text(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise Quarantine("empty_file", "no text after decoding")
    return text, encoding


def check_text(text: str, where: str = "text") -> None:
    """No text holds NUL characters or lone surrogates (a JSON \\u0000 or \\ud800 escape can make them)."""
    nul = text.find("\x00")
    if nul >= 0:
        raise Quarantine("binary_file", f"NUL character in the {where} at character {nul:,}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise Quarantine("undecodable", f"lone surrogate {text[err.start]!a} in the {where} at character {err.start:,}") from None


def _decode_legacy(data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Detect cp1252/latin-1 and friends; refuse bytes no encoding explains well."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=None).best()
    if best is None or best.encoding is None:
        raise Quarantine("undecodable", f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no other encoding fits")
    if best.chaos > 0.3:
        raise Quarantine("undecodable", f"not UTF-8; best guess {best.encoding} still reads as noise ({best.chaos:.0%})")
    return str(best), best.encoding

"""Why a file was quarantined: a reason code for machines and a detail for people."""
from __future__ import annotations

REASONS = {
    "empty_file": "the file is empty or holds only whitespace",
    "binary_file": "the file holds binary data, not text",
    "undecodable": "the bytes could not be decoded as text in any known encoding",
    "too_large": "the file is larger than the size limit (ETL_MAX_FILE_BYTES)",
    "invalid_json": "the JSON could not be parsed",
    "too_deep": "the JSON nests arrays and objects deeper than the limit",
    "no_text": "the JSON object has no text or body field",
    "too_short": "the article text is shorter than the minimum (ETL_MIN_ARTICLE_CHARS)",
    "unsupported_format": "the file extension is not one of .txt .json .jsonl .html .htm",
    "no_main_content": "no main article content could be extracted from the HTML",
    "unreadable": "the file or folder could not be read",
    "not_regular_file": "not a regular file (FIFO, socket, device, link to a folder); never opened",
    "outside_input": "a symbolic link to a file outside the input folder; not followed",
    "internal_error": "reading the item raised an unexpected error (a bug to report); the run went on",
}


class Quarantine(Exception):
    """Raised by ingest steps for input that must be quarantined; the run goes on."""

    def __init__(self, reason: str, detail: str):
        assert reason in REASONS, reason
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail

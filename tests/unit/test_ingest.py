"""Decoding, parsing, cleaning and ids on article files written for these tests."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from etl.ingest.clean import article_id, article_text, clean_body, content_hash, split_title
from etl.ingest.decode import decode
from etl.ingest.errors import Quarantine
from etl.ingest.folder import KnownState, ingest_folder
from etl.ingest.language import detect_language
from etl.ingest.parse import Item, parse_item, split_items

GERMAN = ("Die Stadtwerke Leipzig investieren in den kommenden fünf Jahren rund 800 Millionen Euro in neue "
          "Wärmenetze. Das kündigte Geschäftsführerin Anne Körner am Mittwoch an. Der Stadtrat muss den Plänen "
          "noch zustimmen; eine Entscheidung wird für März erwartet.")
ENGLISH = ("Shares in the Glasgow shipbuilder Clydeforge rose 12% on Thursday after the company won a contract "
           "worth about £300m to build four ferries. Chief executive Rory Campbell said the order secured 900 "
           "jobs at the yard for at least three years.")


def item(name: str, data: bytes) -> Item:
    return split_items(name, data, content_hash)[0]


class TestDecode:
    def test_utf8_with_bom(self):
        assert decode("Ärger über Preise".encode("utf-8-sig"))[0] == "Ärger über Preise"

    def test_cp1252_is_detected(self):
        text = "Die Bürger in Köln ärgern sich über höhere Gebühren für Müllabfuhr und Straßenreinigung. " * 3
        assert decode(text.encode("cp1252"))[0] == text
        assert decode(text.encode("latin-1"))[0] == text

    def test_nfc_and_newlines_normalised(self):
        assert decode("Cafe\u0301\r\nzwei".encode())[0] == "Caf\u00e9\nzwei"

    @pytest.mark.parametrize("data,reason", [
        (b"", "empty_file"),
        (b"  \n\t \n", "empty_file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary_file"),
        (bytes(range(0x80, 0x100)) * 4, "undecodable"),
    ])
    def test_bad_bytes_are_quarantined(self, data, reason):
        with pytest.raises(Quarantine) as err:
            decode(data)
        assert err.value.reason == reason


class TestParse:
    def test_txt_title_is_first_non_empty_line(self):
        raw = parse_item(item("a.txt", f"\n\nStadtwerke planen Wärmenetz\n\n{GERMAN}\n".encode()))
        assert raw.title == "Stadtwerke planen Wärmenetz"
        assert raw.body.strip() == GERMAN

    def test_json_object(self):
        data = json.dumps({"title": "Clydeforge wins ferry order", "body": ENGLISH, "url": "https://example.org/x",
                           "published_at": "2026-03-05T10:00:00Z", "source": "Example"}).encode()
        raw = parse_item(item("a.json", data))
        assert (raw.title, raw.body, raw.url, raw.source) == ("Clydeforge wins ferry order", ENGLISH, "https://example.org/x", "Example")
        assert raw.published_at == datetime(2026, 3, 5, 10, tzinfo=timezone.utc)

    def test_jsonl_gives_one_item_per_line(self):
        lines = [json.dumps({"title": f"T{i}", "text": ENGLISH}) for i in range(3)]
        items = split_items("feed.jsonl", ("\n".join(lines) + "\n\n").encode(), content_hash)
        assert [i.source_file for i in items] == ["feed.jsonl#L1", "feed.jsonl#L2", "feed.jsonl#L3"]
        assert len({i.content_hash for i in items}) == 3

    @pytest.mark.parametrize("data,reason", [
        (b'{"title": "x", "text": ', "invalid_json"),
        (b'{"title": "Only a title", "url": "https://example.org"}', "no_text"),
        (b'["a", "b"]', "no_text"),
    ])
    def test_bad_json(self, data, reason):
        with pytest.raises(Quarantine) as err:
            parse_item(item("a.json", data))
        assert err.value.reason == reason

    def test_html_main_content_without_navigation(self):
        html = f"""<html><head><title>Clydeforge wins ferry order | Example News</title></head><body>
            <nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/login">Sign in to your account</a></nav>
            <article><h1>Clydeforge wins ferry order</h1><p>{ENGLISH}</p>
            <p>The yard last won a comparable order in 2019, when it built two research vessels for the government.</p></article>
            <footer>Copyright Example News. Cookie settings. Contact us.</footer></body></html>"""
        raw = parse_item(item("a.html", html.encode()))
        assert "Clydeforge" in raw.title
        assert ENGLISH in raw.body and "research vessels" in raw.body
        assert "Sign in" not in raw.body and "Cookie" not in raw.body
        assert "\n\n" in raw.body  # paragraphs kept

    def test_unsupported_extension(self):
        with pytest.raises(Quarantine) as err:
            parse_item(item("scan.pdf", b"%PDF-1.7"))
        assert err.value.reason == "unsupported_format"


class TestClean:
    def test_marker_and_footer_removed_paragraphs_kept(self):
        body = f"{GERMAN}\n\n\n\nZweiter Absatz  mit   Leerzeichen.\n\nsource-116\n\nLeave a Reply\nName: Max\nKommentar"
        text, ref = clean_body(body)
        assert ref == "source-116"
        assert text == f"{GERMAN}\n\nZweiter Absatz mit Leerzeichen."

    def test_text_is_title_blank_line_body(self):
        assert article_text(" Titel ", "Körper") == "Titel\n\nKörper"
        assert split_title("\n Titel \nA\n\nB") == ("Titel", "A\n\nB")

    def test_article_id_depends_on_content_only(self):
        assert article_id("a\n\nb") == article_id("a\n\nb") != article_id("a\n\nc")


def test_language():
    assert detect_language(GERMAN) == "de"
    assert detect_language(ENGLISH) == "en"
    assert detect_language("Les actions du constructeur naval ont progressé de 12 % jeudi après un contrat.") == "other"


class TestFolder:
    NOW = datetime(2026, 11, 26, tzinfo=timezone.utc)

    def run(self, folder, known=None, **kw):
        opts = {"max_file_bytes": 5_000_000, "min_article_chars": 150} | kw
        return ingest_folder(folder, known or KnownState(), run_id="r1", now=self.NOW, **opts)

    def test_every_file_accounted_for(self, tmp_path):
        (tmp_path / "sub").mkdir()
        (tmp_path / "a.txt").write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")
        (tmp_path / "sub" / "copy.txt").write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")
        (tmp_path / "b.txt").write_bytes(f"Ferry\n{ENGLISH}".encode("utf-16"))
        (tmp_path / "empty.txt").write_bytes(b"")
        (tmp_path / "short.txt").write_text("Kurz\nNur ein Satz.")
        (tmp_path / "big.txt").write_text("x" * 2000)
        (tmp_path / "bad.json").write_text("{nope")
        result = self.run(tmp_path, max_file_bytes=1500)
        by_file = {r["source_file"]: (r["status"], r["reason"]) for r in result.log}
        assert by_file == {
            "a.txt": ("loaded", "new"), "sub/copy.txt": ("duplicate", "same_content"), "b.txt": ("loaded", "new"),
            "empty.txt": ("quarantined", "empty_file"), "short.txt": ("quarantined", "too_short"),
            "big.txt": ("quarantined", "too_large"), "bad.json": ("quarantined", "invalid_json")}
        assert all(r["detail"] for r in result.log)
        assert [a["language"] for a in result.articles] == ["de", "en"]

    def test_unchanged_and_changed_against_known_state(self, tmp_path):
        (tmp_path / "a.txt").write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")
        (tmp_path / "b.txt").write_text(f"Ferry\n{ENGLISH}", encoding="utf-8")
        first = self.run(tmp_path)
        known = KnownState(files={r["source_file"]: (r["content_hash"], r["article_id"]) for r in first.log},
                           articles={a["article_id"]: a["source_file"] for a in first.articles})
        (tmp_path / "b.txt").write_text(f"Ferry\n{ENGLISH} Updated.", encoding="utf-8")
        second = self.run(tmp_path, known)
        by_file = {r["source_file"]: (r["status"], r["reason"]) for r in second.log}
        assert by_file == {"a.txt": ("unchanged", "same_content"), "b.txt": ("loaded", "changed")}
        assert [a["source_file"] for a in second.articles] == ["b.txt"]

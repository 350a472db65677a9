"""Decoding, parsing, cleaning and ids on article files written for these tests."""
from __future__ import annotations

import json
import os
import socket
import stat
from datetime import datetime, timezone

import pytest

from etl.ingest.clean import article_id, article_text, clean_body, content_hash, split_title
from etl.ingest.decode import decode
from etl.ingest.errors import Quarantine
from etl.ingest.folder import KnownState, WarehouseState, ingest_folder, source_bytes, source_name
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
        body = f"{GERMAN}\n\n\n\nZweiter Absatz  mit\t\u00a0Leerzeichen. \n\nsource-116\n\nLeave a Reply\nName: Max\nKommentar"
        text, ref = clean_body(body)
        assert ref == "source-116"
        # tabs and no-break spaces become spaces one for one; runs stay, so a quote of the file is a quote of the text
        assert text == f"{GERMAN}\n\nZweiter Absatz  mit  Leerzeichen."

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


def folder_log(folder, known=None, **kw) -> dict[str, tuple[str, str, str]]:
    """source_file -> (status, reason, detail); fails if a name was logged twice."""
    opts = {"max_file_bytes": 5_000_000, "min_article_chars": 150} | kw
    result = ingest_folder(folder, known or KnownState(), run_id="r1", now=TestFolder.NOW, **opts)
    names = [r["source_file"] for r in result.log]
    assert len(names) == len(set(names)), names
    return {r["source_file"]: (r["status"], r["reason"], r["detail"]) for r in result.log}


class TestOddInput:
    """Each odd thing in the input folder ends as exactly one ingest_log row with a clear reason."""

    def test_json_nested_100000_levels(self, tmp_path):
        (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
        (tmp_path / "deep.jsonl").write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
        log = folder_log(tmp_path)
        assert log["deep.json"][:2] == ("quarantined", "too_deep")
        assert "100,000 levels" in log["deep.json"][2]
        assert log["deep.jsonl#L1"][:2] == ("quarantined", "too_deep")
        assert len(log) == 2

    def test_brackets_inside_strings_do_not_count_as_nesting(self):
        text = json.dumps({"title": "Klammern", "text": ENGLISH + " [[{{" * 200 + ' \\" ]'})
        assert parse_item(item("a.json", text.encode())).title == "Klammern"

    def test_integer_too_long_for_python_is_invalid_json(self):
        with pytest.raises(Quarantine) as err:
            parse_item(item("a.json", b'{"text": "x", "n": ' + b"7" * 5000 + b"}"))
        assert err.value.reason == "invalid_json"

    def test_jsonl_line_ids_cannot_collide_with_file_names(self, tmp_path):
        (tmp_path / "a.jsonl").write_text(json.dumps({"title": "Ferry order", "text": ENGLISH}) + "\n")
        (tmp_path / "a.jsonl#L1").write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")  # a file, named like a line
        log = folder_log(tmp_path)
        assert log["a.jsonl#L1"][:2] == ("loaded", "new")
        assert log["a.jsonl%23L1"][:2] == ("quarantined", "unsupported_format")  # extension ".jsonl#l1"
        assert len(log) == 2

    def test_non_utf8_file_name_is_stored_escaped_and_reversibly(self, tmp_path):
        raw = b"caf\xe9 50%.txt"
        try:
            (tmp_path / os.fsdecode(raw)).write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")
        except OSError:
            pytest.skip("this file system refuses non-UTF-8 file names")
        log = folder_log(tmp_path)
        assert list(log) == ["caf%E9 50%25.txt"]
        assert log["caf%E9 50%25.txt"][:2] == ("loaded", "new")
        assert source_bytes("caf%E9 50%25.txt") == raw
        assert source_name("ü/plain name.txt") == "ü/plain name.txt"
        assert source_bytes(source_name(os.fsdecode(b"x\n\x7f#\xff.txt"))) == b"x\n\x7f#\xff.txt"

    def test_fifo_socket_and_device_are_never_opened(self, tmp_path):
        os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would wait for a writer forever
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(tmp_path / "sock.txt"))
        expected = {"pipe.txt": "a FIFO", "sock.txt": "a socket"}
        try:
            os.mknod(tmp_path / "null.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))
            expected["null.txt"] = "a character device"
        except PermissionError:
            pass  # not root: FIFO and socket still tested
        try:
            log = folder_log(tmp_path)
        finally:
            sock.close()
        assert set(log) == set(expected)
        for name, kind in expected.items():
            assert log[name][:2] == ("quarantined", "not_regular_file")
            assert log[name][2].startswith(kind)

    def test_symlinks(self, tmp_path):
        inbox, outside = tmp_path / "inbox", tmp_path / "outside"
        inbox.mkdir(), outside.mkdir()
        (outside / "secret.txt").write_text(f"Ferry\n{ENGLISH}")
        (inbox / "a.txt").write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")
        (inbox / "out.txt").symlink_to(outside / "secret.txt")
        (inbox / "in.txt").symlink_to(inbox / "a.txt")
        (inbox / "folder").symlink_to(outside)
        (inbox / "dangling.txt").symlink_to(tmp_path / "missing.txt")
        log = folder_log(inbox)
        assert {k: v[:2] for k, v in log.items()} == {
            "a.txt": ("loaded", "new"), "in.txt": ("duplicate", "same_content"),
            "out.txt": ("quarantined", "outside_input"), "folder": ("quarantined", "not_regular_file"),
            "dangling.txt": ("quarantined", "unreadable")}
        assert "outside the input folder" in log["out.txt"][2]
        assert folder_log(inbox, follow_symlinks_out=True)["out.txt"][:2] == ("loaded", "new")

    @pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be", "utf-16", "utf-16-be"])
    def test_utf32_and_utf16_with_bom(self, encoding, tmp_path):
        data = f"Ferry\n{ENGLISH}".encode(encoding)
        if not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
            data = "\ufeff".encode(encoding) + data  # the -be codecs write no BOM themselves
        assert decode(data)[0] == f"Ferry\n{ENGLISH}"
        (tmp_path / "a.txt").write_bytes(data)
        assert folder_log(tmp_path)["a.txt"][:2] == ("loaded", "new")

    def test_utf32_bom_with_broken_body_is_undecodable(self):
        with pytest.raises(Quarantine) as err:
            decode(b"\xff\xfe\x00\x00" + "Text".encode("utf-32-le") + b"\x00\x00\x11\x00")  # > U+10FFFF
        assert err.value.reason == "undecodable"

    def test_nul_anywhere_is_quarantined(self, tmp_path):
        (tmp_path / "late_nul.txt").write_bytes(f"Ferry\n{ENGLISH * 30}".encode() + b"\x00" + ENGLISH.encode())
        (tmp_path / "escaped_nul.json").write_text(json.dumps({"title": "Ferry", "text": ENGLISH + "\x00"}))
        (tmp_path / "nul_title.json").write_text(json.dumps({"title": "Fe\x00rry", "text": ENGLISH}))
        (tmp_path / "utf16_nul.txt").write_bytes(f"Ferry\n{ENGLISH}\x00".encode("utf-16"))
        log = folder_log(tmp_path)
        assert {k: v[:2] for k, v in log.items()} == {k: ("quarantined", "binary_file") for k in log}
        assert len(log) == 4
        position = len(f"Ferry\n{ENGLISH * 30}")
        assert position > 4096  # past the binary sniffing window
        assert log["late_nul.txt"][2] == f"NUL character in the text at character {position:,}"

    def test_lone_surrogate_from_json_escape(self, tmp_path):
        (tmp_path / "a.json").write_text('{"title": "Ferry", "text": "' + ENGLISH + '\\ud800"}')
        assert folder_log(tmp_path)["a.json"][:2] == ("quarantined", "undecodable")

    def test_unexpected_error_quarantines_the_item_and_the_run_goes_on(self, tmp_path, monkeypatch):
        import etl.ingest.folder as folder

        real = folder.parse_item

        def fragile(item):
            if item.source_file == "bad.txt":
                raise MemoryError("invented failure")
            return real(item)

        monkeypatch.setattr(folder, "parse_item", fragile)
        (tmp_path / "bad.txt").write_text(f"Ferry\n{ENGLISH}")
        (tmp_path / "good.txt").write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")
        log = folder_log(tmp_path)
        assert log["bad.txt"] == ("quarantined", "internal_error", "MemoryError: invented failure")
        assert log["good.txt"][:2] == ("loaded", "new")

    def test_unreadable_file_and_folder_are_logged_not_skipped(self, tmp_path, monkeypatch):
        """Permissions do not stop root, so the refusals are simulated where the operating system gives them."""
        import etl.ingest.folder as folder

        (tmp_path / "locked").mkdir()
        (tmp_path / "locked" / "a.txt").write_text(f"Ferry\n{ENGLISH}")
        (tmp_path / "secret.txt").write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")
        real_open, real_scandir = os.open, os.scandir

        def refusing_open(path, flags, *args):
            if str(path).endswith("secret.txt"):
                raise PermissionError(13, "Permission denied")
            return real_open(path, flags, *args)

        def refusing_scandir(path):
            if str(path).endswith("locked"):
                raise PermissionError(13, "Permission denied")
            return real_scandir(path)

        monkeypatch.setattr(folder.os, "open", refusing_open)
        monkeypatch.setattr(folder.os, "scandir", refusing_scandir)
        log = folder_log(tmp_path)
        assert log == {"locked": ("quarantined", "unreadable", "folder could not be listed: PermissionError: Permission denied"),
                       "secret.txt": ("quarantined", "unreadable", "PermissionError: Permission denied")}

    def test_deep_folders_are_walked_without_recursion(self, tmp_path):
        deep = tmp_path
        for _ in range(60):
            deep = deep / "d"
        deep.mkdir(parents=True)
        (deep / "a.txt").write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")
        assert list(folder_log(tmp_path)) == ["d/" * 60 + "a.txt"]


class TestWarehouseState:
    """The known-state lookup joins inside DuckDB and agrees with the in-memory one."""

    def test_unchanged_changed_and_duplicate_from_the_warehouse(self, tmp_path):
        from etl.warehouse.db import connect

        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "a.txt").write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")
        (tmp_path / "in" / "b.txt").write_text(f"Ferry\n{ENGLISH}", encoding="utf-8")
        first = ingest_folder(tmp_path / "in", KnownState(), run_id="r1", now=TestFolder.NOW,
                              max_file_bytes=5_000_000, min_article_chars=150)
        con = connect(tmp_path / "w.duckdb")
        for r in first.log:
            con.execute("INSERT INTO core.files VALUES (?, ?, ?, 'loaded', 'r1')",
                        [r["source_file"], r["content_hash"], r["article_id"]])
        for a in first.articles:
            con.execute("""INSERT INTO core.articles (article_id, source_file, title, text, language, word_count,
                           content_hash, run_id, ingested_at, published) VALUES (?, ?, ?, ?, ?, ?, ?, 'r1', now(), true)""",
                        [a["article_id"], a["source_file"], a["title"], a["text"], a["language"], a["word_count"],
                         a["content_hash"]])
        (tmp_path / "in" / "b.txt").write_text(f"Ferry\n{ENGLISH} Updated.", encoding="utf-8")
        (tmp_path / "in" / "c.txt").write_text(f"Wärmenetz\n{GERMAN}", encoding="utf-8")
        state = WarehouseState(con)
        assert state.previous_versions(["a.txt", "nope.txt"]) == {
            "a.txt": (first.log[0]["content_hash"], first.log[0]["article_id"])}
        log = folder_log(tmp_path / "in", state)
        con.close()
        assert {k: v[:2] for k, v in log.items()} == {
            "a.txt": ("unchanged", "same_content"), "b.txt": ("loaded", "changed"),
            "c.txt": ("duplicate", "same_content")}
        assert log["c.txt"][2] == "same article as a.txt"


def test_title_keeps_its_spaces_but_not_its_line_breaks():
    from etl.ingest.clean import article_text

    assert article_text("Ein  Titel\n über\tzwei Zeilen ", "Text.") == "Ein  Titel über zwei Zeilen\n\nText."

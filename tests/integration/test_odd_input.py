"""`etl run` on a folder holding every odd input at once completes, with one ingest_log row per item."""
from __future__ import annotations

import json
import os
import socket

import duckdb

from etl.cli import main as etl
from tests.unit.test_ingest import ENGLISH, GERMAN


def test_run_on_a_folder_of_odd_inputs_completes(tmp_path, monkeypatch):
    monkeypatch.setenv("ETL_WORKERS", "1")  # in-process extraction: one model load for the test session
    inbox, outside = tmp_path / "inbox", tmp_path / "outside"
    inbox.mkdir(), outside.mkdir()
    (outside / "elsewhere.txt").write_text(f"Ferry\n{ENGLISH}")
    (inbox / "good_de.txt").write_text(f"Wärmenetz in Leipzig\n{GERMAN}", encoding="utf-8")
    (inbox / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (inbox / "a.jsonl").write_text(json.dumps({"title": "Ferry order", "text": ENGLISH}) + "\n")
    (inbox / "a.jsonl#L1").write_text(f"Wärmenetz\n{GERMAN} Zweite Fassung.", encoding="utf-8")
    (inbox / os.fsdecode(b"caf\xe9.txt")).write_text(f"Wärmenetz\n{GERMAN} Dritte Fassung.", encoding="utf-8")
    os.mkfifo(inbox / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(inbox / "sock.txt"))
    (inbox / "link_out.txt").symlink_to(outside / "elsewhere.txt")
    (inbox / "utf32.txt").write_bytes(f"Ferry yard\n{ENGLISH} More.".encode("utf-32"))
    (inbox / "nul.txt").write_bytes(f"Ferry\n{ENGLISH * 30}\x00".encode())
    warehouse = tmp_path / "w.duckdb"
    try:
        code = etl(["run", "--input", str(inbox), "--warehouse", str(warehouse), "--reports", str(tmp_path / "reports"),
                    "--work", str(tmp_path / "work"), "--no-progress"])
    finally:
        sock.close()
    assert code == 0
    con = duckdb.connect(str(warehouse), read_only=True)
    log = {f: (s, r) for f, s, r in con.execute("SELECT source_file, status, reason FROM analytics.ingest_log").fetchall()}
    status = con.execute("SELECT status FROM analytics.runs").fetchall()
    texts = [t for (t,) in con.execute("SELECT text FROM analytics.articles").fetchall()]
    con.close()
    assert log == {
        "good_de.txt": ("loaded", "new"), "deep.json": ("quarantined", "too_deep"),
        "a.jsonl#L1": ("loaded", "new"), "a.jsonl%23L1": ("quarantined", "unsupported_format"),
        "caf%E9.txt": ("loaded", "new"), "pipe.txt": ("quarantined", "not_regular_file"),
        "sock.txt": ("quarantined", "not_regular_file"), "link_out.txt": ("quarantined", "outside_input"),
        "utf32.txt": ("loaded", "new"), "nul.txt": ("quarantined", "binary_file")}
    assert status == [("published",)]
    assert len(texts) == 4 and not any("\x00" in t for t in texts)

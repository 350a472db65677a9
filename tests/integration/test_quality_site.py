"""The quality site in headless Chromium, from disk with the network off, after three runs of which one failed.

The runs are made up (tests/unit/test_quality.py's article) and go through the real audit and report
steps; the failed run's rows are deleted as a failed audit deletes them, so what the page shows of
it comes from what the audit kept. Needs Debian's chromium (.ci/run installs it).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from etl.quality import audit_run
from etl.quality.report import write_summary
from etl.warehouse.db import connect
from tests.unit.test_quality import insert_run

PAYLOAD = """<img src=x onerror="document.body.setAttribute('data-pwned', 'yes')">"""
TABLES = ("articles", "extractions", "entity_mentions", "amounts", "lawsuits", "lawsuit_parties")


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs the Debian package chromium")
        pytest.skip("needs Chromium (Debian package chromium: apt-get install chromium) for the browser test")
    return path


def dump_dom(page, tmp_path) -> str:
    """The DOM after the page's scripts ran, network off: no proxy reachable, no host resolvable."""
    out = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={tmp_path / 'chrome-profile'}", "--proxy-server=127.0.0.1:9",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,2000", "--virtual-time-budget=5000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def _finish(con, run_id: str, ok: bool, message: str) -> None:
    if ok:
        for t in TABLES:
            con.execute(f"UPDATE core.{t} SET published = true WHERE run_id = ?", [run_id])
        con.execute("UPDATE core.runs SET status = 'published' WHERE run_id = ?", [run_id])
    else:  # what a failed audit does: the run's rows go, the run is marked failed
        for t in TABLES:
            con.execute(f"DELETE FROM core.{t} WHERE run_id = ? AND NOT published", [run_id])
        con.execute("UPDATE core.runs SET status = 'failed', message = ? WHERE run_id = ?", [message, run_id])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    chromium()
    root = tmp_path_factory.mktemp("site")
    con = connect(root / "w.duckdb")
    reports = root / "reports"
    for run_id, defect in (("night1", {}), ("night2", {"bad_offsets": True}), ("night3", {"quarantined": 1})):
        insert_run(con, run_id, **defect)
        if run_id == "night2":  # an unexpected value carrying markup, shown in the failing rows
            con.execute("UPDATE core.entity_mentions SET name = ? WHERE run_id = 'night2' AND mention_text = 'Kiel'",
                        [PAYLOAD])
        result = audit_run(con, run_id, reports / run_id, max_no_entity_share=0.5)
        _finish(con, run_id, result.success, result.message() + " " + PAYLOAD)
        write_summary(con, run_id, reports / run_id)
    con.close()
    return reports


def test_no_page_loads_anything_from_the_network(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), page


def test_history_charts_are_drawn(site, tmp_path):
    dom = dump_dom(site / "index.html", tmp_path)
    assert 'data-charts-rendered="7"' in dom
    divs = re.findall(r'<div class="plot"[^>]*>', dom)
    charts = [(re.search(r'id="chart-(\w+)"', d)[1], re.search(r'data-painted="(\d+)"', d)[1])
              for d in divs if 'data-rendered="true"' in d]
    assert {c for c, _ in charts} == {"files", "quarantine", "languages", "rates", "signals", "pass_rate", "duration"}
    assert all(int(n) > 500 for _, n in charts), charts  # lines, points and axes drawn on every canvas
    assert dom.count("<canvas") == 7 and dom.count('class="u-legend') == 7
    assert "entity mentions" in dom and "empty_file" in dom  # series of the rates and quarantine charts
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]  # the message's payload stayed text


def test_failed_runs_page_renders_its_failing_rows(site, tmp_path):
    dom = dump_dom(site / "night2" / "summary.html", tmp_path)
    assert "Audit FAILED" in dom
    block = dom[dom.index('id="failing-rows"'):dom.index("<h2>Signals</h2>")]
    assert "span matches text" in block and "art-night2" in block and "<td>Kiel</td>" in block
    assert "&lt;img src=x onerror=" in block  # the payload is text, not an element
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    index = dump_dom(site / "index.html", tmp_path)
    assert re.search(r'<a href="night2/summary.html">night2</a>.*?status-failed', index, re.S)

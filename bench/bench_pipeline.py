"""Pipeline throughput without the time spent inside extract(), and the time of a rerun with nothing new.

Writes the ~3,200 corpus articles as .txt files into a temporary folder, runs `etl run` in one
process (ETL_WORKERS=1, so time inside extract() is measured exactly and subtracted), then times
`etl run` over the same folder as a fresh command, several times, and prints medians.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import articles  # noqa: E402


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    inbox = tmp / "inbox"
    inbox.mkdir()
    docs = articles()
    for name, text, _ in docs:
        (inbox / f"{name}.txt").write_text(text, encoding="utf-8")
    os.environ.update(ETL_WAREHOUSE=str(tmp / "w.duckdb"), ETL_REPORTS_DIR=str(tmp / "reports"),
                      ETL_WORK_DIR=str(tmp / "work"), ETL_WORKERS="1")
    from etl import pipeline

    t = time.perf_counter()
    result = pipeline.run(str(inbox), progress=False)
    wall = time.perf_counter() - t
    inside = result["timings"]["inside_extract"]
    outside = wall - inside
    n = result["new_articles"]
    print(f"articles: {len(docs)} files, {n} loaded, {result['duplicates']} duplicates, {result['quarantined']} quarantined")
    print(f"first run: {wall:.1f} s wall, {inside:.1f} s inside extract(), {outside:.1f} s pipeline without extract()")
    print(f"pipeline without extract(): {n / outside:.0f} articles/s   (target >= 200)")
    print("phases (s):", result["timings"])
    reruns = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([str(Path(sys.executable).with_name("etl")), "run", "--input", str(inbox), "--no-progress"],
                       check=True, capture_output=True)
        reruns.append(time.perf_counter() - t)
    print(f"rerun with nothing new (`etl run`, fresh process): median {statistics.median(reruns):.2f} s "
          f"of {len(reruns)} (min {min(reruns):.2f}, max {max(reruns):.2f})   (target < 5 s)")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()

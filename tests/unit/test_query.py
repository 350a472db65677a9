"""`etl sql` on a small warehouse written for these tests: read-only under DuckDB's guards, one query per
call, markup printed literally, files, standard input, row limits and output files."""
from __future__ import annotations

import io
import json
from decimal import Decimal

import duckdb
import pytest
from rich.console import Console

from etl import query

WIDE = "Wärmenetze " * 40  # 440 characters


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """The project's schema with 120 published articles, one titled with Rich markup."""
    from etl.warehouse.db import connect

    path = tmp_path_factory.mktemp("wh") / "w.duckdb"
    con = connect(path)
    for i in range(120):
        title = "Streit um [/b] und [bold red]Gebühren[/]" if i == 0 else f"Artikel {i}"
        con.execute("""INSERT INTO core.articles (article_id, source_file, title, text, language, word_count,
                       content_hash, run_id, ingested_at, published)
                       VALUES (?, ?, ?, ?, 'de', ?, 'h', 'r1', TIMESTAMPTZ '2026-11-26 02:00:00+00', true)""",
                    [f"a{i:03d}", f"f{i}.txt", title, f"{title}\n\n{WIDE}", 1_130_000_000 if i == 1 else i])
    con.close()
    return path


def sql(warehouse, q=None, *, stdin="", tty=True, console_width=200, **kw):
    """Run `etl sql` in-process; returns (exit code, stdout, stderr)."""
    class Input(io.StringIO):
        def isatty(self):
            return tty

    out, err = io.StringIO(), io.StringIO()
    console = Console(file=out, width=console_width, highlight=False, color_system=None)
    opts = {"file": None, "out": None, "flag": None, "max_rows": None} | kw
    code = query.main(warehouse=warehouse, query=q, stdin=Input(stdin), stdout=out, stderr=err, console=console, **opts)
    return code, out.getvalue(), err.getvalue()


class TestReadOnly:
    def test_analysts_read_views_and_core_tables(self, warehouse):
        for q in ("SELECT count(*) AS n FROM analytics.articles", "SELECT count(*) AS n FROM core.articles",
                  "FROM analytics.articles SELECT count(*) AS n"):
            assert sql(warehouse, q, flag="json")[:2] == (0, '{"n": 120}\n'), q
        for q in ("DESCRIBE analytics.articles", "SHOW TABLES", "SUMMARIZE core.articles", "EXPLAIN SELECT 1",
                  "WITH x AS (SELECT 1 AS one) SELECT * FROM x"):
            code, out, err = sql(warehouse, q)
            assert (code, err) == (0, ""), (q, err)

    @pytest.mark.parametrize("q", [
        "ATTACH '{other}' AS other (READ_WRITE)",
        "COPY core.articles TO '{tmp}/copy.csv'",
        "EXPORT DATABASE '{tmp}/export'",
        "SET threads = 1",
        "SET enable_external_access = true",
        "PRAGMA threads = 1",
        "PRAGMA show_tables",
        "INSTALL httpfs",
        "LOAD json",
        "SELECT 1; DELETE FROM core.articles",
        "SELECT * FROM read_csv('{tmp}/plain.csv')",
        "SELECT * FROM glob('{tmp}/*')",
        "DELETE FROM core.articles",
        "CREATE TABLE main.t AS SELECT 1",
        "CALL duckdb_tables()",
    ])
    def test_escapes_are_refused(self, warehouse, tmp_path, q):
        other = tmp_path / "other.duckdb"
        con = duckdb.connect(str(other))
        con.execute("CREATE TABLE keep AS SELECT 1 AS x")
        con.close()
        (tmp_path / "plain.csv").write_text("a\n1\n")
        code, out, err = sql(warehouse, q.format(other=other, tmp=tmp_path))
        assert code == 1 and out == ""
        assert err.startswith("refused: ") and "\n" == err[-1], err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["other.duckdb", "plain.csv"]  # nothing written
        con = duckdb.connect(str(other), read_only=True)
        assert con.execute("SELECT x FROM keep").fetchall() == [(1,)]
        con.close()
        assert sql(warehouse, "SELECT count(*) AS n FROM core.articles", flag="json")[1] == '{"n": 120}\n'

    def test_duckdb_guards_hold_without_our_statement_check(self, warehouse, tmp_path):
        """The statement check only makes messages clear: the connection itself refuses the escapes."""
        (tmp_path / "other.duckdb").touch()
        con = query.connect(warehouse)
        try:
            for q in (f"ATTACH '{tmp_path}/other.duckdb' AS o (READ_WRITE)", f"COPY core.articles TO '{tmp_path}/x.csv'",
                      f"EXPORT DATABASE '{tmp_path}/e'", f"SELECT * FROM read_text('{tmp_path}/other.duckdb')"):
                with pytest.raises(duckdb.PermissionException):
                    con.execute(q)
            for q in ("SET enable_external_access = true", "SET lock_configuration = false", "PRAGMA threads = 1"):
                with pytest.raises(duckdb.InvalidInputException, match="configuration has been locked"):
                    con.execute(q)
            with pytest.raises(duckdb.Error):
                con.execute("DELETE FROM core.articles")
        finally:
            con.close()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["other.duckdb"]

    def test_syntax_error_is_an_error_not_a_crash(self, warehouse):
        code, out, err = sql(warehouse, "SELEC 1")
        assert code == 1 and err.startswith("error: Parser Error")


class TestTable:
    def test_markup_in_values_and_names_prints_literally(self, warehouse):
        code, out, err = sql(warehouse, 'SELECT title AS "[bold]t[/]" FROM analytics.articles WHERE article_id = \'a000\'')
        assert code == 0, err
        assert "Streit um [/b] und [bold red]Gebühren[/]" in out
        assert "[bold]t[/]" in out

    def test_wide_text_is_cut_not_wrapped_and_numbers_are_right_aligned(self, warehouse):
        code, out, _ = sql(warehouse, "SELECT text, word_count FROM analytics.articles WHERE article_id IN ('a001', 'a002') "
                                      "ORDER BY article_id")
        lines = [line for line in out.splitlines() if "Artikel" in line]
        assert len(lines) == 2  # one line per row: no wrapping
        assert "Artikel 1↵↵Wärmenetze" in lines[0] and "…" in lines[0] and WIDE not in out
        cells = [line.split("│")[2] for line in lines]
        assert cells[0].strip() == "1,130,000,000" and cells[1].endswith(" 2 ")  # right-aligned
        assert len(cells[0]) == len(cells[1])

    def test_narrow_terminal_cuts_text_never_numbers(self, warehouse):
        code, out, _ = sql(warehouse, "SELECT article_id, text, word_count, ingested_at FROM analytics.articles "
                                      "ORDER BY article_id LIMIT 2", console_width=60)
        lines = out.splitlines()[:-1]
        assert len({len(line) for line in lines}) == 1  # a rectangular table, one line per row
        assert "1,130,000,000" in out and "2026-11-26 02:00:00+00:00" in out and "article_id" in out
        assert "│ Artikel 1↵↵… │" in out and "Wärmenetze" not in out

    @pytest.mark.parametrize("value,shown", [
        (1130000000.0, "1,130,000,000"), (2026, "2026"), (12345, "12,345"), (12.5, "12.5"), (0.123456, "0.1235"),
        (-0.5, "-0.5"), (0.0, "0"), (3.0e-7, "3e-07"), (2.5e18, "2.5e+18"), (Decimal("1234567.891"), "1,234,567.89"),
        (Decimal("0.00"), "0"), (float("nan"), "nan")])
    def test_number_format(self, value, shown):
        assert query.format_number(value) == shown

    def test_default_row_limit_with_a_note(self, warehouse):
        code, out, _ = sql(warehouse, "SELECT article_id FROM analytics.articles ORDER BY 1")
        assert "a049" in out and "a050" not in out
        assert "50 rows shown, 70 more left out (--max-rows N for more, 0 for all)" in out

    def test_max_rows(self, warehouse):
        out = sql(warehouse, "SELECT article_id FROM analytics.articles ORDER BY 1", max_rows=3)[1]
        assert "a002" in out and "a003" not in out and "3 rows shown, 117 more left out" in out
        out = sql(warehouse, "SELECT article_id FROM analytics.articles ORDER BY 1", max_rows=0)[1]
        assert "a119" in out and "120 rows" in out and "left out" not in out

    def test_left_out_rows_are_counted_past_the_first_batch(self, warehouse, monkeypatch):
        monkeypatch.setattr(query, "BATCH_ROWS", 7)
        out = sql(warehouse, "SELECT article_id FROM analytics.articles", max_rows=10)[1]
        assert "10 rows shown, 110 more left out" in out


class TestInput:
    def test_file(self, warehouse, tmp_path):
        (tmp_path / "q.sql").write_text("-- how many?\nSELECT count(*) AS n\nFROM analytics.articles;\n")
        assert sql(warehouse, file=str(tmp_path / "q.sql"), flag="json")[:2] == (0, '{"n": 120}\n')

    def test_file_with_two_statements_is_refused(self, warehouse, tmp_path):
        (tmp_path / "q.sql").write_text("SELECT 1;\nSELECT 2;\n")
        code, _, err = sql(warehouse, file=str(tmp_path / "q.sql"))
        assert code == 1 and err == "refused: 2 statements given; etl sql runs one statement per call\n"

    def test_stdin_dash_and_piped(self, warehouse):
        q = "SELECT count(*) AS n FROM analytics.articles"
        assert sql(warehouse, "-", stdin=q, flag="json")[1] == '{"n": 120}\n'
        assert sql(warehouse, None, stdin=q, tty=False, flag="json")[1] == '{"n": 120}\n'

    def test_nothing_given_on_a_terminal(self, warehouse):
        code, _, err = sql(warehouse, None, tty=True)
        assert code == 1 and err.startswith("refused: no query")

    def test_cli_reads_a_file(self, warehouse, tmp_path, capsys):
        from etl.cli import main as etl

        (tmp_path / "q.sql").write_text("SELECT count(*) AS n FROM analytics.articles")
        assert etl(["sql", "-f", str(tmp_path / "q.sql"), "--warehouse", str(warehouse), "--csv"]) == 0
        assert capsys.readouterr().out.splitlines() == ["n", "120"]


class TestOutput:
    Q = "SELECT article_id, title, word_count, ingested_at FROM analytics.articles ORDER BY article_id"

    def test_csv_and_json_on_stdout_have_every_row(self, warehouse):
        out = sql(warehouse, self.Q, flag="csv")[1]
        assert len(out.splitlines()) == 121
        rows = [json.loads(line) for line in sql(warehouse, self.Q, flag="json")[1].splitlines()]
        assert len(rows) == 120 and rows[1]["word_count"] == 1_130_000_000
        assert rows[0]["ingested_at"].startswith("2026-11-26 02:00:00")

    def test_max_rows_applies_to_csv_with_a_note_on_stderr(self, warehouse):
        code, out, err = sql(warehouse, self.Q, flag="csv", max_rows=5)
        assert len(out.splitlines()) == 6 and err == "115 more rows left out by --max-rows 5\n"

    @pytest.mark.parametrize("name,flag", [("a.csv", None), ("a.jsonl", None), ("a.json", None),
                                           ("a.parquet", None), ("a.out", "parquet"), ("a.txt", "csv")])
    def test_output_file(self, warehouse, tmp_path, name, flag):
        import pyarrow.csv
        import pyarrow.parquet

        target = tmp_path / "sub" / name
        code, out, err = sql(warehouse, self.Q, out=str(target), flag=flag)
        fmt = flag or query.FORMATS[target.suffix]
        assert (code, out, err) == (0, "", f"wrote 120 rows to {target} ({fmt})\n")
        if fmt == "parquet":
            table = pyarrow.parquet.read_table(target)
        elif fmt == "csv":
            table = pyarrow.csv.read_csv(target)
        else:
            table = [json.loads(line) for line in target.read_text().splitlines()]
        assert len(table) == 120
        assert [p.name for p in target.parent.iterdir()] == [name]  # no temporary file left

    def test_parquet_keeps_types(self, warehouse, tmp_path):
        import pyarrow.parquet

        sql(warehouse, self.Q, out=str(tmp_path / "a.parquet"), max_rows=2)
        table = pyarrow.parquet.read_table(tmp_path / "a.parquet")
        assert table.num_rows == 2 and str(table.schema.field("word_count").type) == "int32"
        assert str(table.schema.field("ingested_at").type).startswith("timestamp")

    @pytest.mark.parametrize("out,flag,message", [
        ("a.xlsx", None, "cannot tell the format"), (None, "parquet", "Parquet is a binary format")])
    def test_unknown_format_refused(self, warehouse, tmp_path, out, flag, message):
        code, _, err = sql(warehouse, "SELECT 1", out=out and str(tmp_path / out), flag=flag)
        assert code == 1 and message in err

    def test_warehouse_is_never_overwritten(self, warehouse):
        code, _, err = sql(warehouse, "SELECT 1", out=str(warehouse), flag="parquet")
        assert code == 1 and "is the warehouse itself" in err
        assert sql(warehouse, "SELECT count(*) AS n FROM core.articles", flag="json")[1] == '{"n": 120}\n'

    def test_failed_query_leaves_no_file(self, warehouse, tmp_path):
        code, _, err = sql(warehouse, "SELECT CASE WHEN range < 30000 THEN range ELSE error('boom') END AS x "
                                      "FROM range(40000)", out=str(tmp_path / "a.csv"))
        assert code == 1 and "boom" in err
        assert list(tmp_path.iterdir()) == []


def test_columns_named_alike_stay_apart(warehouse):
    assert "│ 1 │ 2 │" in sql(warehouse, "SELECT 1 AS a, 2 AS a")[1]
    assert sql(warehouse, "SELECT 1 AS a, 2 AS a", flag="csv")[1].splitlines() == ["a,a", "1,2"]
    assert json.loads(sql(warehouse, "SELECT 1 AS a, 2 AS a", flag="json")[1]) == {"a": 1, "a_2": 2}


def test_parquet_with_columns_named_alike(warehouse, tmp_path):
    import pyarrow.parquet

    assert sql(warehouse, "SELECT 1 AS a, 2 AS a", out=str(tmp_path / "a.parquet"))[0] == 0
    assert pyarrow.parquet.read_table(tmp_path / "a.parquet").to_pylist() == [{"a": 1, "a_2": 2}]


def test_piped_into_the_etl_command(warehouse):
    """The installed command, with a real pipe: no query argument, the SQL arrives on standard input."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "etl.cli", "sql", "--warehouse", str(warehouse), "--csv"],
                          input="SELECT count(*) AS n FROM analytics.articles", capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stdout.splitlines(), done.stderr) == (0, ["n", "120"], "")

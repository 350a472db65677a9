"""`etl sql`: one read-only query under DuckDB's own guards, shown as a table or written as CSV, JSON Lines
or Parquet.

The guards are DuckDB's, not a filter of ours: the file is opened read-only, with external access off
(no ATTACH, COPY, EXPORT, read_csv, INSTALL of anything on disk) and the configuration locked (no SET or
PRAGMA that changes it). On top, only one statement per call and only queries are accepted, so a refusal
says clearly what was refused. Output files are written by this module from the query's Arrow stream,
never by the user's SQL.
"""
from __future__ import annotations

import csv
import json
import math
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import IO

import duckdb

TABLE_ROWS = 50  # rows a terminal table shows unless --max-rows says otherwise
CELL_CHARS = 60  # a wider text cell is cut with "…"
BATCH_ROWS = 10_000
FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "json", ".ndjson": "json", ".parquet": "parquet", ".pq": "parquet"}
QUERY_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}  # SELECT covers WITH, FROM, DESCRIBE, SHOW, SUMMARIZE
_GUARDS = {"enable_external_access": False, "lock_configuration": True}  # in this order: the lock comes last


class Refused(Exception):
    """The SQL is not one read-only query; the message says what to do instead."""


def read_sql(query: str | None, file: str | None, stdin: IO[str]) -> str:
    """The SQL text: from -f FILE, from standard input (`-` or piped), or the argument itself."""
    if file is not None:
        return Path(file).read_text(encoding="utf-8")
    if query == "-" or (query is None and not stdin.isatty()):
        return stdin.read()
    if query is None:
        raise Refused('no query: give one ("SELECT ..."), a file (-f FILE) or pipe it in (etl sql - < FILE)')
    return query


def connect(warehouse: Path, *, progress_bar: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot touch any other file, nor change its own configuration.

    The warehouse's own connect (waiting while a run publishes, memory limit, spill folder) opens it;
    then external access goes off and the configuration is locked, neither of which can be undone.
    """
    from etl.warehouse.db import connect as open_warehouse

    con = open_warehouse(warehouse, read_only=True)
    try:
        con.execute(f"SET enable_progress_bar = {str(progress_bar).lower()}")
        for name, value in _GUARDS.items():
            con.execute(f"SET {name} = {str(value).lower()}")
    except BaseException:
        con.close()
        raise
    return con


def check_statement(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Exactly one statement, and a query: anything else is refused before it runs."""
    statements = con.extract_statements(sql)
    if not statements:
        raise Refused("no SQL statement given")
    if len(statements) > 1:
        raise Refused(f"{len(statements)} statements given; etl sql runs one statement per call")
    kind = statements[0].type
    if kind not in QUERY_TYPES:
        raise Refused(f"{kind.name} statements are not allowed: etl sql is read-only and runs one query "
                      "(SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN)")


def run(con: duckdb.DuckDBPyConnection, sql: str):
    """Check, then start the query; returns an Arrow RecordBatchReader that streams its rows."""
    check_statement(con, sql)
    try:
        return con.sql(sql).to_arrow_reader(BATCH_ROWS)
    except duckdb.PermissionException as err:
        raise Refused(f"{err} (etl sql reads only the warehouse: no other files, no extensions)") from None


class Limited:
    """The first max_rows rows of a result, streamed batch by batch; once iterated, `left_out` counts the
    rows after them (counted on Arrow batches, never converted to Python)."""

    def __init__(self, reader, max_rows: int | None):
        self.reader, self.max_rows = reader, max_rows
        self.kept = self.left_out = 0

    def __iter__(self):
        for batch in self.reader:
            room = batch.num_rows if self.max_rows is None else min(max(self.max_rows - self.kept, 0), batch.num_rows)
            if room:
                self.kept += room
                yield batch if room == batch.num_rows else batch.slice(0, room)
            self.left_out += batch.num_rows - room


def print_table(console, reader, max_rows: int) -> tuple[int, int]:
    """Rows as a Rich table; values are Text (never markup), numbers right-aligned and formatted,
    wide text cut. Returns (rows shown, rows left out)."""
    import pyarrow as pa
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    schema = reader.schema
    limited = Limited(reader, max_rows or None)
    rows = [[_cell(v) for v in row] for row in _rows(limited)]
    left_out = limited.left_out
    names = [Text(f.name) for f in schema]
    widest = [max([cell_len(f.name)] + [cell_len(row[i].plain) for row in rows]) for i, f in enumerate(schema)]
    is_text = [pa.types.is_string(f.type) or pa.types.is_large_string(f.type) for f in schema]
    widths = _fit(widest, [min(w, max(cell_len(f.name), 12)) if t else w for w, f, t in zip(widest, schema, is_text)],
                  console.width - 3 * len(schema) - 1)
    table = Table()
    for field, name, width in zip(schema, names, widths):
        numeric = pa.types.is_integer(field.type) or pa.types.is_floating(field.type) or pa.types.is_decimal(field.type)
        table.add_column(name, justify="right" if numeric else "left", no_wrap=True, overflow="ellipsis", width=width)
    for row in rows:
        table.add_row(*row)
    shown = len(rows)
    # wider than the terminal even with text cut to its minimum: the terminal wraps the lines, nothing is lost
    terminal = console.width
    console.width = max(terminal, sum(widths) + 3 * len(schema) + 1)
    try:
        console.print(table, crop=False)
    finally:
        console.width = terminal
    note = f"{shown:,} row{'s' if shown != 1 else ''}"
    if left_out:
        note += f" shown, {left_out:,} more left out (--max-rows N for more, 0 for all)"
    console.print(Text(note, style="dim"))
    return shown, left_out


def _fit(widest: list[int], least: list[int], room: int) -> list[int]:
    """Column widths: every column as wide as its widest cell if that fits; else the columns that may
    shrink (text: least < widest) give up room in proportion to their width, down to `least`."""
    widths = list(widest)
    excess = sum(widths) - room
    shrinkable = sum(w - m for w, m in zip(widest, least))
    if excess > 0 and shrinkable > 0:
        share = min(excess / shrinkable, 1.0)
        widths = [w - math.ceil((w - m) * share) for w, m in zip(widest, least)]
    return widths


def _cell(value):
    from rich.text import Text

    if value is None:
        return Text("NULL", style="dim")
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Text(format_number(value))
    text = json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, (list, dict)) else str(value)
    text = text.replace("\r\n", "\n").replace("\n", "↵")
    return Text(text if len(text) <= CELL_CHARS else text[:CELL_CHARS - 1] + "…")


def format_number(value) -> str:
    """Readable numbers: 1,130,000,000 not 1130000000.0; separators from five digits on (so years stay 2026)."""
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    size = abs(value)
    if size and (size >= 1e15 or size < 1e-4):
        return f"{value:.4g}"
    text = f"{value:,.2f}" if size >= 10_000 else f"{value:.4f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def output_format(out: str | None, flag: str | None) -> str:
    """The format: the flag if given, else the output file's extension, else the table."""
    if flag:
        if flag == "parquet" and out is None:
            raise Refused("Parquet is a binary format: give a file with -o FILE")
        return flag
    if out is None:
        return "table"
    fmt = FORMATS.get(Path(out).suffix.lower())
    if fmt is None:
        raise Refused(f"cannot tell the format of {out} from its extension: add --csv, --json or --parquet")
    return fmt


def write_rows(reader, fmt: str, stream: IO, max_rows: int | None) -> tuple[int, int]:
    """Stream CSV or JSON Lines (text stream) or Parquet (binary stream). Returns (rows written, left out)."""
    import pyarrow as pa

    names = reader.schema.names
    keys = [n if names.index(n) == i else f"{n}_{i + 1}" for i, n in enumerate(names)]  # SELECT 1 AS a, 2 AS a
    limited = Limited(reader, max_rows)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        schema = pa.schema([f.with_name(k) for f, k in zip(reader.schema, keys)])
        with pq.ParquetWriter(stream, schema) as writer:
            for batch in limited:
                writer.write_batch(pa.RecordBatch.from_arrays(batch.columns, schema=schema))
    elif fmt == "csv":
        w = csv.writer(stream)
        w.writerow(names)
        w.writerows([_plain(v) for v in row] for row in _rows(limited))
    else:
        for row in _rows(limited):
            stream.write(json.dumps(dict(zip(keys, row)), ensure_ascii=False, default=str) + "\n")
    return limited.kept, limited.left_out


def _rows(batches):
    """Rows as tuples, by position: a result may name two columns alike."""
    for batch in batches:
        yield from zip(*(column.to_pylist() for column in batch.columns))


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def write_file(reader, fmt: str, out: Path, max_rows: int | None, warehouse: Path) -> tuple[int, int]:
    """Write to a temporary file beside `out`, then rename: a failed query leaves no half-written file."""
    if out.exists() and out.resolve() == Path(warehouse).resolve():
        raise Refused(f"{out} is the warehouse itself; choose another output file")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    try:
        with os.fdopen(fd, "wb" if fmt == "parquet" else "w", **({} if fmt == "parquet" else {"encoding": "utf-8", "newline": ""})) as f:
            counts = write_rows(reader, fmt, f, max_rows)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return counts


def main(*, warehouse: Path, query: str | None, file: str | None, out: str | None, flag: str | None,
         max_rows: int | None, stdin: IO[str] | None = None, stdout: IO[str] | None = None,
         stderr: IO[str] | None = None, console=None) -> int:
    """The `etl sql` command. The table shows TABLE_ROWS rows unless max_rows says otherwise; files and
    CSV/JSON on standard output get every row unless max_rows is given (0 means all)."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    try:
        sql = read_sql(query, file, stdin)
        fmt = output_format(out, flag)
        con = connect(warehouse, progress_bar=fmt == "table" and stderr.isatty())
        try:
            reader = run(con, sql)
            limit = (TABLE_ROWS if fmt == "table" else None) if max_rows is None else (max_rows or None)
            if fmt == "table":
                if console is None:
                    from rich.console import Console

                    console = Console(file=stdout, highlight=False)
                print_table(console, reader, limit)
                return 0
            if out is not None:
                written, left_out = write_file(reader, fmt, Path(out), limit, warehouse)
                print(f"wrote {written:,} rows to {out} ({fmt})", file=stderr)
            else:
                written, left_out = write_rows(reader, fmt, stdout, limit)
            if left_out:
                print(f"{left_out:,} more rows left out by --max-rows {max_rows}", file=stderr)
            return 0
        finally:
            con.close()
    except Refused as err:
        print(f"refused: {err}", file=stderr)
        return 1
    except (duckdb.Error, OSError) as err:  # a query failing while streaming arrives as Arrow's OSError
        print(f"error: {err}", file=stderr)
        return 1

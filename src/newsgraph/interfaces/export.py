"""Exports for other tools: JSON Lines, CSV, Parquet (pandas/Jupyter) and GraphML (Gephi).

JSON Lines is the reference format (one object a line, field names from DESIGN.md's
export contract); CSV and Parquet carry the same fields. Every format gets the same typed
rows (``tabular``): times in UTC with their precision beside them, codes as text. Lists
are lists in JSON and Parquet, and JSON text in a CSV cell; CSV quotes every text cell,
so "040" reads back as text wherever quotes are honoured. Parquet stores times as UTC
timestamps. The format follows the extension of ``--out`` unless one is named.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from newsgraph.interfaces.gdelt import gdelt_columns
from newsgraph.interfaces.tabular import TIME_FIELDS, typed_rows
from newsgraph.store.queries import EXPORT_KINDS

FORMATS = ("jsonl", "csv", "parquet", "graphml")
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet",
              ".pq": "parquet", ".graphml": "graphml"}


def format_for(out: Path | None, fmt: str | None) -> str:
    """The format named, else the one ``out``'s extension names, else JSON Lines (standard output)."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        return fmt
    if out is None:
        return "jsonl"
    found = EXTENSIONS.get(out.suffix.lower())
    if found is None:
        raise ValueError(f"cannot tell the format from {out.name!r}; name one with --format "
                         f"({', '.join(FORMATS)}) or use an extension ({', '.join(EXTENSIONS)})")
    return found


def check_destination(out: Path) -> None:
    """A file we can create: not a folder, in a folder that exists."""
    if out.is_dir():
        raise ValueError(f"{out} is a folder; give a file name")
    if not out.parent.is_dir():
        raise ValueError(f"{out}: the folder {out.parent} does not exist")


def export(conn: sqlite3.Connection, kind: str, fmt: str | None, out: Path | None,
           stdout: IO[str] | None = None) -> int:
    """Write one kind of record in one format; return the number of rows (or graph nodes)."""
    fmt = format_for(out, fmt)
    if out is not None:
        check_destination(out)
    if fmt == "graphml":
        from newsgraph.interfaces.graph import write_graphml

        return write_graphml(conn, _require(out, fmt))
    if kind not in EXPORT_KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose from {', '.join(EXPORT_KINDS)}")
    rows = typed_rows(conn, kind)
    if kind == "events":
        rows = (_with_gdelt(r) for r in rows)
    if fmt == "parquet":
        return write_parquet(list(rows), _require(out, fmt))
    handle = open(out, "w", encoding="utf-8", newline="") if out else stdout
    assert handle is not None
    try:
        return write_jsonl(rows, handle) if fmt == "jsonl" else write_csv(rows, handle)
    finally:
        if out:
            handle.close()


def _with_gdelt(event: dict[str, Any]) -> dict[str, Any]:
    """An event row followed by its GDELT 2.0 event-table columns (see ``gdelt``)."""
    first_paragraph_end = event.pop("first_paragraph_end", None)
    return {**event, **gdelt_columns(event, first_paragraph_end)}


def _require(out: Path | None, fmt: str) -> Path:
    if out is None:
        raise ValueError(f"--out FILE is required for {fmt} (it is a binary or structured file)")
    return out


def write_jsonl(rows: Any, handle: IO[str]) -> int:
    count = 0
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def write_csv(rows: Any, handle: IO[str]) -> int:
    writer = None
    count = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(row), quoting=csv.QUOTE_NONNUMERIC)
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        count += 1
    return count


def write_parquet(rows: list[dict[str, Any]], out: Path) -> int:
    """Rows as a Parquet file: lists as list columns, roles as lists of structs, times as UTC timestamps."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not rows:
        pq.write_table(pa.table({}), out)
        return 0
    for row in rows:
        for name in TIME_FIELDS:
            if row.get(name):
                row[name] = datetime.fromisoformat(row[name].replace("Z", "+00:00"))
    table = pa.Table.from_pylist(rows)
    pq.write_table(table.cast(_without_null_types(table.schema)), out)
    return len(rows)


def _without_null_types(schema: Any) -> Any:
    """A column with no value at all (or only empty lists) is typed as text, not as "null"."""
    import pyarrow as pa

    def fix(type_: Any) -> Any:
        if pa.types.is_null(type_):
            return pa.string()
        if pa.types.is_list(type_):
            return pa.list_(fix(type_.value_type))
        return type_

    return pa.schema([pa.field(f.name, fix(f.type)) for f in schema])

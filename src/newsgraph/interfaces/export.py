"""Exports for other tools: JSON Lines, CSV, Parquet (pandas/Jupyter) and GraphML (Gephi).

JSON Lines is the reference format (one object a line, field names from DESIGN.md's
export contract); CSV and Parquet carry the same fields, with lists as JSON text in CSV
and as list columns in Parquet.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import IO, Any

from newsgraph.store.queries import (
    EXPORT_KINDS,
    entity_ids_by_name,
    export_rows,
    iter_articles,
    iter_entities,
    iter_table,
    mention_counts,
)

FORMATS = ("jsonl", "csv", "parquet", "graphml")


def export(conn: sqlite3.Connection, kind: str, fmt: str, out: Path | None, stdout: IO[str] | None = None) -> int:
    """Write one kind of record in one format; return the number of rows (or graph nodes)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "graphml":
        return write_graphml(conn, _require(out, fmt))
    if kind not in EXPORT_KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose from {', '.join(EXPORT_KINDS)}")
    rows = export_rows(conn, kind)
    if fmt == "parquet":
        return write_parquet(list(rows), _require(out, fmt))
    handle = open(out, "w", encoding="utf-8", newline="") if out else stdout
    assert handle is not None
    try:
        return write_jsonl(rows, handle) if fmt == "jsonl" else write_csv(rows, handle)
    finally:
        if out:
            handle.close()


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
            writer = csv.DictWriter(handle, fieldnames=list(row))
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        count += 1
    return count


def write_parquet(rows: list[dict[str, Any]], out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if rows:
        # roles are lists of objects; Parquet takes them as lists of structs
        table = pa.Table.from_pylist(rows)
    else:
        table = pa.table({})
    pq.write_table(table, out)
    return len(rows)


def write_graphml(conn: sqlite3.Connection, out: Path) -> int:
    """A graph for Gephi: outlets, articles and entities; who is mentioned, quoted and cited where."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for a in iter_articles(conn):
        graph.add_node(f"article:{a['id']}", kind="article", label=a["title"] or a["id"],
                       outlet=a["outlet"] or "", published=a["published"] or "", story=a["story"] or "")
        if a["outlet"]:
            graph.add_node(f"outlet:{a['outlet']}", kind="outlet", label=a["outlet"])
            graph.add_edge(f"outlet:{a['outlet']}", f"article:{a['id']}", relation="published")
    for e in iter_entities(conn):
        graph.add_node(e["id"], kind="entity", label=e["name"], type=e["type"], mentions=e["mentions"])
    for row in mention_counts(conn):
        graph.add_edge(f"article:{row['article']}", row["entity"], relation="mentions", weight=row["n"])
    names = entity_ids_by_name(conn)
    for q in iter_table(conn, "quotes"):
        speaker = names.get(q["speaker_entity"] or "") or f"speaker:{q['speaker_entity'] or q['speaker']}"
        if speaker not in graph:
            graph.add_node(speaker, kind="speaker", label=q["speaker_entity"] or q["speaker"] or "?")
        graph.add_edge(speaker, f"article:{q['article']}", relation="quoted_in", text=q["text"][:500],
                       quote_kind=q["kind"])
    for c in iter_table(conn, "citations"):
        cited = f"cited:{c['cited']}"
        if cited not in graph:
            graph.add_node(cited, kind=f"cited_{c['kind']}", label=c["cited"])
        graph.add_edge(f"article:{c['article']}", cited, relation="cites", via=c["relation"])
    nx.write_graphml(graph, out)
    return graph.number_of_nodes()

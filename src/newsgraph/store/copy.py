"""Copy a store, or one story, outlet or date range of it, into a SQLite file.

A PostgreSQL store serves a newsroom; Datasette, sqlite3 and a colleague's laptop want a
file. The copy has the same schema and records (and full-text indexes, which fill as rows
arrive). A whole copy also carries the corpus state (story index, signatures,
embeddings), so ingest can go on from the file; a part carries the records only.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any, Iterable

from newsgraph.store.dialect import table_names
from newsgraph.store.queries import article_filters
from newsgraph.store.sqlite import chunks, connect, rows_in, schema_sql

RECORD_TABLES_BY_ARTICLE = ("mentions", "roles", "quotes", "citations", "events", "flags",
                            "article_embeddings", "article_minhash")


def _columns(conn: Any, table: str) -> list[str]:
    cursor = conn.execute(f"SELECT * FROM {table} LIMIT 0")
    return [d[0] for d in cursor.description]


def _insert(target: sqlite3.Connection, table: str, columns: list[str], rows: Iterable[tuple]) -> int:
    marks = ",".join("?" * len(columns))
    names = ",".join(f'"{c}"' for c in columns)
    count = 0
    for chunk in chunks(list(rows), 1000):
        target.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", [tuple(r) for r in chunk])
        count += len(chunk)
    return count


def select_articles(conn: Any, story: str | None = None, outlet: str | None = None,
                    since: str | None = None, until: str | None = None) -> list[str]:
    """Ids of the articles of one story, outlet or date range (days, inclusive), as the queries filter them."""
    filters, args = article_filters(outlet, since, until)
    sql = "SELECT a.id FROM articles a WHERE 1 = 1" + filters
    if story:
        sql += " AND a.story = ?"
        args.append(story)
    return [r[0] for r in conn.execute(sql + " ORDER BY a.id", args)]


def copy_store(source: Any, out: str | Path, story: str | None = None, outlet: str | None = None,
               since: str | None = None, until: str | None = None) -> dict[str, int]:
    """Write the store (or the part chosen) to the SQLite file ``out``; rows copied per table.

    The file is written beside ``out`` and moved into place when complete, so a failed
    copy never leaves a half-written database where the old one was.
    """
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    subset = any((story, outlet, since, until))
    ids = select_articles(source, story, outlet, since, until) if subset else None
    partial.unlink(missing_ok=True)
    target = connect(partial)
    target.execute("PRAGMA foreign_keys = OFF")  # rows arrive table by table
    copied: dict[str, int] = {}
    try:
        target.execute("BEGIN")
        for table in table_names(schema_sql()):
            copied[table] = _copy_table(source, target, table, ids)
        target.execute("COMMIT")
        problems = target.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"the copy has {len(problems)} dangling references (first in {problems[0][0]})")
    except BaseException:
        if target.in_transaction:
            target.execute("ROLLBACK")
        target.close()
        partial.unlink(missing_ok=True)
        raise
    target.close()
    os.replace(partial, out)
    return copied


def _copy_table(source: Any, target: sqlite3.Connection, table: str, ids: list[str] | None) -> int:
    columns = _columns(source, table)
    names = ",".join(f'"{c}"' for c in columns)
    if ids is None:
        return _insert(target, table, columns, source.execute(f"SELECT {names} FROM {table}"))
    if table == "articles":
        return _insert(target, table, columns, rows_in(source, f"SELECT {names} FROM articles WHERE id IN ({{marks}})", ids))
    if table in RECORD_TABLES_BY_ARTICLE:
        return _insert(target, table, columns,
                       rows_in(source, f"SELECT {names} FROM {table} WHERE article IN ({{marks}})", ids))
    if table == "entities":
        wanted = _entities_of(source, ids)
        return _insert(target, table, columns, rows_in(source, f"SELECT {names} FROM entities WHERE id IN ({{marks}})", wanted))
    if table == "entity_aliases":
        wanted = _entities_of(source, ids)
        return _insert(target, table, columns,
                       rows_in(source, f"SELECT {names} FROM entity_aliases WHERE entity IN ({{marks}})", wanted))
    if table == "stories":
        wanted = sorted({r[0] for r in rows_in(source, "SELECT story FROM articles WHERE id IN ({marks})", ids) if r[0]})
        return _insert(target, table, columns, rows_in(source, f"SELECT {names} FROM stories WHERE id IN ({{marks}})", wanted))
    return 0  # corpus state and failures belong to the whole store


def _entities_of(source: Any, ids: list[str]) -> list[str]:
    found = {r[0] for r in rows_in(source, "SELECT DISTINCT entity FROM mentions WHERE article IN ({marks}) "
                                           "AND entity IS NOT NULL", ids)}
    found |= {r[0] for r in rows_in(source, "SELECT DISTINCT entity FROM roles WHERE article IN ({marks})", ids)}
    return sorted(found)

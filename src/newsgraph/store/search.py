"""Full-text search indexes (SQLite FTS5, from search.sql): created, filled and rebuilt.

Kept apart from the record writes so schema versions (``versions``) can create them in
a migration step, inside its transaction.
"""

from __future__ import annotations

import sqlite3
from importlib import resources


def search_sql() -> str:
    return resources.files("newsgraph.store").joinpath("search.sql").read_text(encoding="utf-8")


SEARCH_INDEXES = ("articles_fts", "quotes_fts")  # full-text indexes over articles and quotes


def search_complete(conn: sqlite3.Connection) -> bool:
    present = {r[0] for r in conn.execute(
        f"SELECT name FROM sqlite_master WHERE name IN ({','.join('?' * len(SEARCH_INDEXES))})", SEARCH_INDEXES)}
    return present == set(SEARCH_INDEXES) and _search_triggers(conn) == 6


def create_search(conn: sqlite3.Connection) -> None:
    """Create missing indexes and triggers and fill a new index over existing rows (caller's transaction)."""
    missing = [t for t in SEARCH_INDEXES if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = ?", (t,)).fetchone()]
    for statement in _statements(search_sql()):
        conn.execute(statement)
    for table in missing:
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")


def ensure_search(conn: sqlite3.Connection) -> None:
    """Create the full-text indexes and their triggers; fill an index created over existing rows."""
    if search_complete(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        create_search(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def rebuild_search(conn: sqlite3.Connection) -> None:
    """Rebuild the full-text indexes from their tables (after a VACUUM, which may renumber rowids)."""
    for table in SEARCH_INDEXES:
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")


def _search_triggers(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%^_fts^_%' "
                        "ESCAPE '^'").fetchone()[0]


def _statements(script: str) -> list[str]:
    """The statements of a SQL script (comments dropped; triggers kept whole)."""
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    statements, current = [], []
    for line in lines:
        current.append(line)
        text = "\n".join(current).strip()
        if text and sqlite3.complete_statement(text):
            statements.append(text)
            current = []
    return statements

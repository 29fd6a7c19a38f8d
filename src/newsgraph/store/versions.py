"""The schema version (``PRAGMA user_version``) and the steps that bring older files up to it.

A file newer than this code is refused; an older one is migrated in place, one step per
version, after a backup copy is written beside it (``news.db.v0.bak``). A schema change
that existing files need adds one function to ``MIGRATIONS`` and raises ``SCHEMA_VERSION``
by one; ``add_missing_columns`` does the common case (new nullable or defaulted columns).
"""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path
from typing import Callable

from newsgraph.store.errors import StoreError
from newsgraph.store.search import create_search, ensure_search, search_sql

SCHEMA_VERSION = 7


def schema_sql() -> str:
    return resources.files("newsgraph.store").joinpath("schema.sql").read_text(encoding="utf-8")


def schema_statements() -> list[str]:
    """schema.sql as single statements, so they can run inside one transaction."""
    statements, current = [], ""
    for line in schema_sql().splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0


def create_schema(conn: sqlite3.Connection) -> None:
    """Every table and index of schema.sql that is missing (the caller holds a transaction)."""
    for statement in schema_statements():
        conn.execute(statement)


def _wanted(search: bool = False) -> sqlite3.Connection:
    """schema.sql (and search.sql) built in memory, to compare a file with."""
    wanted = sqlite3.connect(":memory:")
    wanted.executescript(schema_sql())
    if search:
        wanted.executescript(search_sql())
    return wanted


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def add_missing_columns(conn: sqlite3.Connection) -> None:
    """Add the columns schema.sql has and the file lacks (as nullable or defaulted columns)."""
    wanted = _wanted()
    tables = [r[0] for r in wanted.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        if not have:
            continue  # a missing table is created whole by create_schema
        for _, name, type_, notnull, default, pk in wanted.execute(f'PRAGMA table_info("{table}")'):
            if name in have:
                continue
            if pk:
                raise StoreError(f"table {table} lacks its key column {name}: not a newsgraph database")
            column = f'"{name}" {type_}'
            if default is not None:
                column += f" {'NOT NULL ' if notnull else ''}DEFAULT {default}"
            conn.execute(f'ALTER TABLE "{table}" ADD COLUMN {column}')
    wanted.close()


def _from_unversioned(conn: sqlite3.Connection) -> None:
    """Files written before the schema had a version: add what later code expects."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").fetchone() is None:
        raise StoreError("holds tables but no articles table: not a newsgraph database")
    add_missing_columns(conn)


def _add_search(conn: sqlite3.Connection) -> None:
    """Version 2: full-text indexes over articles and quotes, filled from the stored rows."""
    create_schema(conn)
    create_search(conn)


def _speakers_as_entity_ids(conn: sqlite3.Connection) -> None:
    """Version 3: ``quotes.speaker_entity`` holds the speaker's entity id, not its name.

    A name becomes the id of the entity of that name the quote's article mentions, else of
    any stored entity of that name (a person first); a name no entity has becomes NULL.
    Stories left without articles by ``--reprocess`` runs of older versions are removed.
    The foreign keys schema.sql now declares apply to files created from version 3 on:
    SQLite cannot add them to an existing table without rebuilding it.
    """
    conn.execute(
        "UPDATE quotes SET speaker_entity = COALESCE("
        "(SELECT m.entity FROM mentions m JOIN entities e ON e.id = m.entity "
        " WHERE m.article = quotes.article AND e.name = quotes.speaker_entity LIMIT 1), "
        "(SELECT e.id FROM entities e WHERE e.name = quotes.speaker_entity "
        " ORDER BY e.type = 'PERSON' DESC, e.id LIMIT 1)) "
        "WHERE speaker_entity IS NOT NULL AND speaker_entity NOT IN (SELECT id FROM entities)")
    conn.execute("DELETE FROM stories WHERE id NOT IN (SELECT story FROM articles WHERE story IS NOT NULL)")


def _add_wire(conn: sqlite3.Connection) -> None:
    """Version 4: ``articles.wire``, the news agency of a syndicated story (NULL in older files)."""
    add_missing_columns(conn)


def _boilerplate_counted(conn: sqlite3.Connection) -> None:
    """Version 5: which documents the boilerplate counts hold (stored articles were all counted)."""
    create_schema(conn)
    conn.execute("INSERT OR IGNORE INTO boilerplate_counted (document) SELECT id FROM articles")


def _add_event_codes(conn: sqlite3.Connection) -> None:
    """Version 6: events carry source/target text and CAMEO actor codes, root, quad class, Goldstein
    score and PLOVER category (NULL for events stored before; re-ingest with --reprocess to fill them)."""
    add_missing_columns(conn)


def _add_quote_parts(conn: sqlite3.Connection) -> None:
    """Version 7: ``quotes.cue_start``/``cue_end`` (the cue as written) and ``speaker_kind``
    (person, organisation, document, unnamed); NULL in older files."""
    add_missing_columns(conn)


# MIGRATIONS[v] turns a version-v file into a version v+1 file, inside one transaction.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    0: _from_unversioned,
    1: _add_search,
    2: _speakers_as_entity_ids,
    3: _add_wire,
    4: _boilerplate_counted,
    5: _add_event_codes,
    6: _add_quote_parts,
}


def migrate_command(path: Path | str) -> str:
    return f"newsgraph migrate --db {path}"


def require_current(conn: sqlite3.Connection, path: Path | str) -> None:
    """For read-only use: refuse a file this code cannot read as it is."""
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise _newer(path, version)
    if is_empty(conn):
        return
    if version < SCHEMA_VERSION:
        raise StoreError(f"{path} has schema version {version}; this newsgraph uses {SCHEMA_VERSION}: "
                         f"run `{migrate_command(path)}` first (it keeps a backup)")
    wanted = _wanted(search=True)
    missing = sorted(table_names(wanted) - table_names(conn))
    wanted.close()
    if missing:
        raise StoreError(f"{path} lacks the tables {', '.join(missing[:5])}: run `{migrate_command(path)}` to "
                         "add them")


def _newer(path: Path | str, version: int) -> StoreError:
    return StoreError(f"{path} was written by a newer newsgraph (schema version {version}; this one reads up to "
                      f"{SCHEMA_VERSION}); upgrade newsgraph to use it")


def migrate(conn: sqlite3.Connection, path: Path | str) -> Path | None:
    """Bring the file to SCHEMA_VERSION; return the backup written, if any."""
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise _newer(path, version)
    backup = None
    if version == SCHEMA_VERSION:
        create_schema(conn)  # tables added to schema.sql since (each a no-op when present)
        ensure_search(conn)
        return None
    if is_empty(conn):
        version = SCHEMA_VERSION
    elif version < SCHEMA_VERSION:
        backup = write_backup(conn, Path(path), version)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in range(version, SCHEMA_VERSION):
            try:
                MIGRATIONS[step](conn)
            except StoreError as exc:
                raise StoreError(f"{path}: {exc}") from exc
        create_schema(conn)
        create_search(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return backup


def write_backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy of the file before it is migrated, beside it."""
    target = path.with_name(f"{path.name}.v{version}.bak")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.v{version}.{n}.bak")
        n += 1
    copy = sqlite3.connect(str(target))
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target
